# Licence reclaim (-Reclaim) through the cmdlets against the emulators: who qualifies, and that the downgrades go
# through the ordinary apply path (saved plans, ShouldProcess, threshold, administrators, logs); every check reads the
# ShareFile end state from the emulator's control surface.
BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $script:GraphSeed = Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/graph-default.json'
    $script:UserRole = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b'

    # ShareFile accounts built for the reclaim: dates relative to now, so "inactive" means what it says.
    $now = [datetime]::UtcNow
    $seed = Get-Content (Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/sharefile-default.json') -Raw | ConvertFrom-Json
    $old = $now.AddDays(-400).ToString('o')
    $extra = @(
        @{ email = 'rc.disabled@contoso.example'; firstName = 'Rc'; lastName = 'Disabled'; disabled = $true; dateCreated = $old; lastAnyLogin = $now.AddDays(-10).ToString('o') }
        @{ email = 'rc.inactive@contoso.example'; firstName = 'Rc'; lastName = 'Inactive'; dateCreated = $old; lastAnyLogin = $now.AddDays(-200).ToString('o') }
        @{ email = 'rc.never@contoso.example'; firstName = 'Rc'; lastName = 'Never'; dateCreated = $old }
        @{ email = 'rc.fresh@contoso.example'; firstName = 'Rc'; lastName = 'Fresh'; dateCreated = $now.AddDays(-2).ToString('o') }
        @{ email = 'rc.active@contoso.example'; firstName = 'Rc'; lastName = 'Active'; dateCreated = $old; lastAnyLogin = $now.AddDays(-5).ToString('o') }
        @{ email = 'rc.admin@contoso.example'; firstName = 'Rc'; lastName = 'Admin'; isAdministrator = $true; dateCreated = $old; lastAnyLogin = $now.AddDays(-300).ToString('o') }
        @{ email = 'rc.local@acme.com'; firstName = 'Rc'; lastName = 'Local'; dateCreated = $old; lastAnyLogin = $now.AddDays(-300).ToString('o') }
    )
    $seed.users = @($seed.users) + $extra
    $script:ShareFileSeed = Join-Path $TestDrive 'sharefile-reclaim.json'
    $seed | ConvertTo-Json -Depth 10 | Set-Content $script:ShareFileSeed
    # The same accounts behind feeds that leave IsDisabled and LastAnyLogin out (as the .NET SDK's Contact model).
    $seed | Add-Member -NotePropertyName omitFeedState -NotePropertyValue $true
    $script:StatelessSeed = Join-Path $TestDrive 'sharefile-reclaim-stateless.json'
    $seed | ConvertTo-Json -Depth 10 | Set-Content $script:StatelessSeed

    function script:Control([string] $Path, [string] $Method = 'Post', $Body) { Invoke-EmulatorControl -Emulator $script:Emulator -Path $Path -Method $Method -Body $Body }
    function script:Get-SfUser([string] $Email) { (Control 'sharefile/state' Get).users | Where-Object email -eq $Email }
    function script:Writes { $c = (Control 'requests' Get).counts; [int](@($c.PSObject.Properties | Where-Object { $_.Name -match '^(POST|PATCH|DELETE) /sf/v3/' } | ForEach-Object Value) | Measure-Object -Sum).Sum }
    function script:ResultsOf($Out) { @($Out | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncResult] }) }
    function script:Reclaimed($Plan) { @($Plan | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] -and $_.ReclaimReason }) }
    function script:SummaryOf($Out) { $Out | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanSummary] } }
    # Every rc.* account except the local one is backed by an assigned Entra user; rc.disabled's is disabled too.
    function script:Start-Linked([string] $ShareFileSeed = $script:ShareFileSeed) {
        $script:Emulator = Restart-EmulatorFresh -Emulator $script:Emulator -HomeRoot $TestDrive -GraphSeed $script:GraphSeed -ShareFileSeed $ShareFileSeed
        foreach ($name in 'disabled', 'inactive', 'never', 'fresh', 'active', 'admin') {
            $id = (Control 'graph/users' -Body @{ userPrincipalName = "rc.$name@contoso.example"; mail = "rc.$name@contoso.example"; givenName = 'Rc'; surname = (Get-Culture).TextInfo.ToTitleCase($name); displayName = "Rc $name"; accountEnabled = ($name -ne 'disabled') }).id
            Control 'graph/assignments' -Body @{ principalId = $id; appRoleId = $script:UserRole } | Out-Null
        }
        Invoke-ShareFileSync -Confirm:$false -ErrorAction Stop | Out-Null
        Control 'requests' Delete | Out-Null
    }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'Get-ProvisioningPlan -Reclaim: who qualifies' {
    BeforeAll { Start-Linked }

    It 'DisabledEmployees downgrades only the managed disabled employee, with its reason, and changes nothing' {
        $plan = @(Get-ProvisioningPlan -Reclaim DisabledEmployees)
        $items = Reclaimed $plan
        $items.TargetEmail | Should -Be @('rc.disabled@contoso.example')
        $items[0].Action | Should -Be 'DowngradeToClient'
        $items[0].ReclaimReason | Should -Be 'Disabled'
        $items[0].Reason | Should -Match 'Licence reclaim: rc.disabled@contoso.example is a disabled employee'
        (SummaryOf $plan).EmployeesReclaimed | Should -Be 1
        (SummaryOf $plan).Licence | Should -Match '\(1 reclaimed\)'
        Writes | Should -Be 0
        (Get-SfUser 'rc.disabled@contoso.example').type | Should -Be 'Employee'
    }

    It 'InactiveEmployees takes the long-inactive and the old never-signed-in ones, not the fresh, active or unmanaged' {
        $items = Reclaimed @(Get-ProvisioningPlan -Reclaim InactiveEmployees -InactiveDays 90)
        @($items | Sort-Object TargetEmail | ForEach-Object { "$($_.TargetEmail)=$($_.ReclaimReason)" }) |
            Should -Be @('rc.inactive@contoso.example=Inactive', 'rc.never@contoso.example=NeverSignedIn')
    }

    It '-InactiveDays decides who is inactive: 250 days leaves out the one last seen 200 days ago' {
        $items = Reclaimed @(Get-ProvisioningPlan -Reclaim InactiveEmployees -InactiveDays 250)
        $items.TargetEmail | Should -Be @('rc.never@contoso.example')
    }

    It 'an administrator is never downgraded: AdminProtected, with the reason' {
        $plan = @(Get-ProvisioningPlan -Reclaim InactiveEmployees)
        $admin = $plan | Where-Object TargetEmail -eq 'rc.admin@contoso.example'
        $admin.Action | Should -Be 'Skip'
        $admin.SkipReason | Should -Be 'AdminProtected'
        $admin.Reason | Should -Match 'licence reclaim never downgrades it'
    }

    It 'unmanaged employees only with -IncludeUnmanaged' {
        (Reclaimed @(Get-ProvisioningPlan -Reclaim InactiveEmployees)).TargetEmail | Should -Not -Contain 'rc.local@acme.com'
        $items = Reclaimed @(Get-ProvisioningPlan -Reclaim InactiveEmployees -IncludeUnmanaged)
        ($items | Where-Object TargetEmail -eq 'rc.local@acme.com').ReclaimReason | Should -Be 'Inactive'
        $items.TargetEmail | Should -Not -Contain 'admin@acme.com'
    }

    It 'an incremental plan reclaims too (the whole ShareFile account is read)' {
        $summary = SummaryOf @(Get-ProvisioningPlan -Reclaim DisabledEmployees)
        $summary.CycleType | Should -Be 'Incremental'
        $summary.EmployeesReclaimed | Should -Be 1
    }

    It '<Name> is refused with a clear error naming the cause' -ForEach @(
        @{ Name = '-InactiveDays without InactiveEmployees'; Run = { Get-ProvisioningPlan -Reclaim DisabledEmployees -InactiveDays 30 -ErrorAction Stop }; Message = '*-InactiveDays applies to -Reclaim InactiveEmployees only*' }
        @{ Name = '-Reclaim with a saved plan'; Run = { Get-ProvisioningPlan -OutFile (Join-Path $TestDrive 'p.json') | Out-Null; Invoke-ShareFileSync -Plan (Join-Path $TestDrive 'p.json') -Reclaim DisabledEmployees -Confirm:$false -ErrorAction Stop }; Message = '*saved plan brings its own licence reclaim*' }
        @{ Name = '-IncludeUnmanaged on a sync without -Reclaim'; Run = { Invoke-ShareFileSync -IncludeUnmanaged -Confirm:$false -ErrorAction Stop }; Message = '*-IncludeUnmanaged applies with -Reclaim only*' }
    ) {
        Control 'requests' Delete | Out-Null
        $Run | Should -Throw $Message
        Writes | Should -Be 0
    }
}

Describe 'A licence reclaim goes through the ordinary apply path' {
    BeforeEach { Start-Linked }

    It 'a saved reclaim plan applied: the employees become clients, the licences are free, the log has each downgrade' {
        $file = Join-Path $TestDrive 'reclaim.json'
        $employeesBefore = @((Control 'sharefile/state' Get).users | Where-Object type -eq 'Employee').Count
        Get-ProvisioningPlan -Reclaim DisabledEmployees, InactiveEmployees -OutFile $file | Out-Null
        $out = @(Invoke-ShareFileSync -Plan $file -Confirm:$false -ErrorAction Stop)
        $done = @(ResultsOf $out | Where-Object { $_.Action -eq 'DowngradeToClient' -and $_.Status -eq 'Success' })
        @($done.Email | Sort-Object) | Should -Be @('rc.disabled@contoso.example', 'rc.inactive@contoso.example', 'rc.never@contoso.example')
        (Get-SfUser 'rc.inactive@contoso.example').type | Should -Be 'Client'
        (Get-SfUser 'rc.inactive@contoso.example').disabled | Should -BeFalse -Because 'a reclaim keeps the enabled state'
        (Get-SfUser 'rc.disabled@contoso.example').type | Should -Be 'Client'
        (Get-SfUser 'rc.disabled@contoso.example').disabled | Should -BeTrue
        foreach ($kept in 'rc.admin@contoso.example', 'rc.fresh@contoso.example', 'rc.active@contoso.example', 'rc.local@acme.com') { (Get-SfUser $kept).type | Should -Be 'Employee' }
        @((Control 'sharefile/state' Get).users | Where-Object type -eq 'Employee').Count | Should -Be ($employeesBefore - 3)
        $logged = @(Get-ShareFileProvisioningLog -Last 1 | Where-Object { $_.TargetId -in $done.ShareFileId -and $_.Status -eq 'Success' })
        $logged.Count | Should -Be 3
    }

    It 'a reclaimed user stays a client at the next cycles: the user-type rule does not promote it back' {
        Invoke-ShareFileSync -Reclaim InactiveEmployees -Confirm:$false -ErrorAction Stop | Out-Null
        (Get-SfUser 'rc.inactive@contoso.example').type | Should -Be 'Client'
        $plan = @(Get-ProvisioningPlan -Full)
        $held = $plan | Where-Object TargetEmail -eq 'rc.inactive@contoso.example'
        $held.Action | Should -Be 'Skip'
        $held.Reason | Should -Match 'stays a client: a licence reclaim downgraded it'
        Control 'requests' Delete | Out-Null
        Invoke-ShareFileSync -Full -Confirm:$false -ErrorAction Stop | Out-Null
        (Get-SfUser 'rc.inactive@contoso.example').type | Should -Be 'Client'
        (Control 'requests' Get).counts.PSObject.Properties.Name | Where-Object { $_ -match '^PATCH /sf/v3/Users/AccountUser' } | Should -BeNullOrEmpty
    }

    It 'above the deletion threshold the downgrades are staged: nothing is sent until -AllowDeletes' {
        Set-ShareFileProvisioningConfiguration -DeletionThresholdCount 1 -Confirm:$false
        $out = @(Invoke-ShareFileSync -Reclaim InactiveEmployees -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        @(ResultsOf $out | Where-Object { $_.Action -eq 'DowngradeToClient' -and $_.Status -eq 'Staged' }).Count | Should -Be 2
        Writes | Should -Be 0
        (Get-SfUser 'rc.inactive@contoso.example').type | Should -Be 'Employee'
        Invoke-ShareFileSync -Reclaim InactiveEmployees -AllowDeletes -Confirm:$false -ErrorAction Stop | Out-Null
        (Get-SfUser 'rc.inactive@contoso.example').type | Should -Be 'Client'
        (Get-SfUser 'rc.never@contoso.example').type | Should -Be 'Client'
    }

    It '-WhatIf sends nothing; -IncludeUnmanaged on the sync downgrades the unmanaged one too' {
        Invoke-ShareFileSync -Reclaim InactiveEmployees -IncludeUnmanaged -WhatIf | Out-Null
        Writes | Should -Be 0
        (Get-SfUser 'rc.local@acme.com').type | Should -Be 'Employee'
        Invoke-ShareFileSync -Reclaim InactiveEmployees -IncludeUnmanaged -Confirm:$false -ErrorAction Stop | Out-Null
        (Get-SfUser 'rc.local@acme.com').type | Should -Be 'Client'
        (Get-SfUser 'admin@acme.com').type | Should -Be 'Employee'
        (Get-SfUser 'rc.admin@contoso.example').type | Should -Be 'Employee'
    }
}

Describe 'A licence reclaim behind feeds without the disabled state or the last sign-in' {
    BeforeAll { Start-Linked $script:StatelessSeed }

    It 'reads each candidate employee once and reclaims the same employees, for the same reasons' {
        $items = Reclaimed @(Get-ProvisioningPlan -Reclaim DisabledEmployees, InactiveEmployees)
        @($items | Sort-Object TargetEmail | ForEach-Object { "$($_.TargetEmail)=$($_.ReclaimReason)" }) |
            Should -Be @('rc.disabled@contoso.example=Disabled', 'rc.inactive@contoso.example=Inactive', 'rc.never@contoso.example=NeverSignedIn')
        (Control 'requests' Get).counts.PSObject.Properties.Name | Where-Object { $_ -match '^GET /sf/v3/Users\(' } | Should -Not -BeNullOrEmpty
        Writes | Should -Be 0
    }

    It 'the account report reads each employee once: the plan already read some, and their answer carried the roles' {
        Control 'requests' Delete | Out-Null
        $summary = Get-ShareFileAccountReport -Summary
        $reads = [int](@((Control 'requests' Get).counts.PSObject.Properties | Where-Object { $_.Name -match '^GET /sf/v3/Users\(' } | ForEach-Object Value) | Measure-Object -Sum).Sum
        $reads | Should -Be $summary.Employees
        ($summary.EmployeesWithUnknownState, $summary.EmployeesWithUnknownRoles, $summary.Administrators) | Should -Be @(0, 0, 2)
    }
}
