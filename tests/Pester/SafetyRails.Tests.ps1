# Safety rails, tried as attacks and faults through the cmdlets against the emulators: each test checks the ShareFile
# end state (the emulator's control surface) and that nothing else was sent.
BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $script:SpId = '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9'
    $script:GraphSeed = Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/graph-default.json'
    $script:UserRole = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b'
    $script:GroupRole = 'a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d'
    $script:Assigned = @('0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01', '1b7c4d2e-2222-4f3a-9b4c-5d6e7f8a9b02', '6ac19c7d-7777-4e8f-8a9b-0c1d2e3f4a07', '8ce3be9f-aaaa-4a0b-8c1d-2e3f4a5b6c01')

    function script:Start-Fresh { $script:Emulator = Restart-EmulatorFresh -Emulator $script:Emulator -HomeRoot $TestDrive -GraphSeed $script:GraphSeed }
    function script:Control([string] $Path, [string] $Method = 'Post', $Body) { Invoke-EmulatorControl -Emulator $script:Emulator -Path $Path -Method $Method -Body $Body }
    function script:Get-SfState { Control 'sharefile/state' Get }
    function script:Get-SfUser([string] $Email) { (Get-SfState).users | Where-Object email -eq $Email }
    function script:New-EntraUser([hashtable] $User) {
        $id = (Control 'graph/users' -Body $User).id
        Control 'graph/assignments' -Body @{ principalId = $id; appRoleId = $script:UserRole } | Out-Null
        $id
    }
    function script:Unassign([string] $Id) { Control "graph/assignments/$Id" Delete | Out-Null }
    function script:Sync { @(Invoke-ShareFileSync -Confirm:$false -ErrorAction SilentlyContinue @args) }
    function script:ResultsOf($Out) { @($Out | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncResult] }) }
    function script:Writes { $c = (Control 'requests' Get).counts; [int](@($c.PSObject.Properties | Where-Object { $_.Name -match '^(POST|PATCH|DELETE) /sf/v3/' } | ForEach-Object Value) | Measure-Object -Sum).Sum }
    function script:StateFile([string] $Name) { Join-Path $env:SHAREFILEPROVISIONING_HOME "profiles/acme/state/$Name" }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'A shrinking or failing source never deprovisions at scale' {
    BeforeEach { Start-Fresh }

    It 'every assignment of 50 linked users removed: every deprovisioning is staged until -AllowDeletes' {
        $ids = foreach ($n in 1..50) { New-EntraUser @{ userPrincipalName = "bulk$n@contoso.example"; givenName = "Bulk$n"; surname = 'User'; displayName = "Bulk $n" } }
        Sync | Out-Null
        $created = @((Get-SfState).users | Where-Object { $_.email -like 'bulk*' -and -not $_.disabled }).Count   # the seed's licences take 45 of them
        $created | Should -BeGreaterThan 40
        foreach ($id in $ids) { Unassign $id }
        $plan = Get-ProvisioningPlan -Summary
        $plan.ThresholdExceeded | Should -BeTrue
        $plan.LeftScope | Should -Be $created
        $plan.SourceShrink | Should -Match '\(exceeded\)'
        Control 'requests' Delete | Out-Null
        $out = Sync
        @(ResultsOf $out | Where-Object Status -eq 'Staged').Count | Should -Be $created
        Writes | Should -Be 0
        @((Get-SfState).users | Where-Object { $_.email -like 'bulk*' -and $_.disabled }).Count | Should -Be 0
        Sync -AllowDeletes | Out-Null
        @((Get-SfState).users | Where-Object { $_.email -like 'bulk*' -and $_.disabled }).Count | Should -Be $created
    }

    It 'a read with no assignments while users are linked is refused as a suspicious source, naming the count' {
        Sync | Out-Null
        foreach ($id in $script:Assigned) { Unassign $id }
        Control 'requests' Delete | Out-Null
        { Invoke-ShareFileSync -Confirm:$false -ErrorAction Stop } | Should -Throw '*no assignments at all while * user(s) are linked*'
        Writes | Should -Be 0
        @((Get-SfState).users | Where-Object { $_.email -like '*contoso.example' -and $_.disabled }).Count | Should -Be 0
        (Get-ShareFileProvisioningStatus).LastFailedCycle | Should -Match 'Refused'
    }

    It 'a failing Graph read stops the cycle: nobody is deprovisioned' {
        Sync | Out-Null
        Control 'faults' -Body @{ status = 500; pathPrefix = '/v1.0/users' } | Out-Null
        Control 'requests' Delete | Out-Null
        { Invoke-ShareFileSync -Full -Confirm:$false -ErrorAction Stop } | Should -Throw
        Control 'faults' Delete | Out-Null
        Writes | Should -Be 0
        @((Get-SfState).users | Where-Object { $_.email -like '*contoso.example' -and $_.disabled }).Count | Should -Be 0
    }

    It "one linked user's read failing (<Status> on the read that carries its id) never deprovisions that user" -ForEach @(@{ Status = 500 }, @{ Status = 404 }) {
        Sync | Out-Null
        $victim = $script:Assigned[0]
        $before = Get-SfState
        Control 'faults' -Body @{ status = $Status; pathPrefix = '/v1.0/users'; queryContains = $victim } | Out-Null
        Control 'requests' Delete | Out-Null
        $failed = $null
        $out = try { @(Invoke-ShareFileSync -Full -Confirm:$false -ErrorAction Stop) } catch { $failed = $_; @() }
        Control 'faults' Delete | Out-Null
        (Control 'requests' Get).counts.PSObject.Properties.Name | Where-Object { $_ -match '^(GET|POST) /v1.0/users' } | Should -Not -BeNullOrEmpty -Because 'the fault must have met the read'
        Writes | Should -Be 0
        $after = Get-SfState
        @($after.users).Count | Should -Be @($before.users).Count
        @($after.users | Where-Object disabled).Count | Should -Be @($before.users | Where-Object disabled).Count
        $skipped = @(ResultsOf $out | Where-Object { $_.Status -eq 'Skipped' -and $_.ErrorCode -eq 'SourceUnknown' })
        ($null -ne $failed -or $skipped.Count -gt 0) | Should -BeTrue -Because 'the cycle either stops or says the user is unknown'
    }

    It 'a profile pointed at another app is refused, naming both, until -RebindSource' {
        Sync | Out-Null
        $binding = StateFile 'source-binding.json'
        $json = Get-Content $binding -Raw | ConvertFrom-Json
        $json.servicePrincipalId = '99999999-9999-4999-8999-999999999999'
        $json | ConvertTo-Json | Set-Content $binding
        { Invoke-ShareFileSync -Confirm:$false -ErrorAction Stop } | Should -Throw "*99999999-9999-4999-8999-999999999999*$($script:SpId)*"
        $e = $null
        try { Invoke-ShareFileSync -Confirm:$false -ErrorAction Stop } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'SourceMismatch*'
        $out = Sync -RebindSource
        ($out | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncSummary] }).Status | Should -Be 'Succeeded'
    }
}

Describe 'A saved plan is applied exactly, or not at all' {
    BeforeAll {
        Start-Fresh
        Sync | Out-Null
        Set-ShareFileProvisioningConfiguration -DeprovisioningAction Delete -ReassignToUser 'admin@acme.com' -Confirm:$false
        Unassign '1b7c4d2e-2222-4f3a-9b4c-5d6e7f8a9b02'   # Alan: a delete with a reassign target
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/users/0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01' -Method Patch -Body @{ surname = 'King' } | Out-Null
        $script:PlanFile = Join-Path $TestDrive 'plan.json'
        Get-ProvisioningPlan -OutFile $script:PlanFile | Out-Null
        $script:PlanJson = Get-Content $script:PlanFile -Raw
    }

    It '<Name>: refused naming the first differing item, nothing sent' -ForEach @(
        @{ Name = 'an edited action'; Edit = { param($p) ($p.items | Where-Object action -eq 'Update')[0].action = 'Delete' } }
        @{ Name = 'an edited value'; Edit = { param($p) $i = ($p.items | Where-Object action -eq 'Update')[0]; $i.changes[0].newValue = 'Mallory'; $i.desired.lastName = 'Mallory' } }
        @{ Name = 'a changed reassign target'; Edit = { param($p) ($p.items | Where-Object action -eq 'Delete')[0].reassignTo = 'bob.smith@partner.com' } }
        @{ Name = 'an added item'; Edit = { param($p) $x = ($p.items | Where-Object action -eq 'Update')[0] | ConvertTo-Json -Depth 20 | ConvertFrom-Json; $x.sourceId = '5fb08b6c-6666-4d7e-9f8a-9b0c1d2e3f06'; $x.targetId = 'u-other'; $p.items += $x } }
        @{ Name = 'a flipped threshold verdict'; Edit = { param($p) $p.summary.threshold.exceeded = -not $p.summary.threshold.exceeded } }
    ) {
        $plan = $script:PlanJson | ConvertFrom-Json
        & $Edit $plan
        $file = Join-Path $TestDrive "edited-$([guid]::NewGuid().ToString('n')).json"
        $plan | ConvertTo-Json -Depth 30 | Set-Content $file
        Control 'requests' Delete | Out-Null
        $e = $null
        try { Invoke-ShareFileSync -Plan $file -Confirm:$false -ErrorAction Stop } catch { $e = $_ }
        $e | Should -Not -BeNullOrEmpty
        $e.FullyQualifiedErrorId | Should -BeLike 'ProvisioningPlanStale*'
        Writes | Should -Be 0
        Get-SfUser 'alan.turing@contoso.example' | Should -Not -BeNullOrEmpty
    }

    It 'a <Name> plan file is refused naming the file, nothing sent' -ForEach @(
        @{ Name = 'truncated'; Make = { param($t) $t.Substring(0, [int]($t.Length / 2)) } }
        @{ Name = 'non-JSON'; Make = { param($t) 'this is not a plan' } }
        @{ Name = 'unknown-schema'; Make = { param($t) '{"schemaVersion":99,"items":[]}' } }
    ) {
        $file = Join-Path $TestDrive "bad-$Name.json"
        Set-Content $file (& $Make $script:PlanJson)
        Control 'requests' Delete | Out-Null
        { Invoke-ShareFileSync -Plan $file -Confirm:$false -ErrorAction Stop } | Should -Throw "*$file*"
        Writes | Should -Be 0
    }

    It 'the unedited plan is applied' {
        $out = @(Invoke-ShareFileSync -Plan $script:PlanFile -Confirm:$false)
        Get-SfUser 'alan.turing@contoso.example' | Should -BeNullOrEmpty
        (Get-SfUser 'ada.lovelace@contoso.example').lastName | Should -Be 'King'
    }
}

Describe 'Accounts the module must never harm' {
    BeforeEach { Start-Fresh }

    It 'the signed-in administrator assigned in Entra, then unassigned, is never <Action>' -ForEach @(
        @{ Action = 'Disable' }, @{ Action = 'DowngradeToClient' }, @{ Action = 'Delete' }
    ) {
        $extra = if ($Action -eq 'Delete') { @{ ReassignToUser = 'user@acme.com' } } else { @{} }
        Set-ShareFileProvisioningConfiguration -DeprovisioningAction $Action @extra -Confirm:$false
        $admin = New-EntraUser @{ userPrincipalName = 'admin@acme.com'; givenName = 'Samuel'; surname = 'Admin'; displayName = 'Samuel Admin'; accountEnabled = $false }
        $first = Sync
        $sf = Get-SfUser 'admin@acme.com'
        $sf.disabled | Should -BeFalse
        $sf.firstName | Should -Be 'Samuel'   # adopted: names only
        Unassign $admin
        $out = Sync
        (ResultsOf $out | Where-Object ErrorCode -eq 'AdminProtected').Count | Should -Be 1
        $sf = Get-SfUser 'admin@acme.com'
        $sf | Should -Not -BeNullOrEmpty
        $sf.disabled | Should -BeFalse
        $sf.type | Should -Be 'Employee'
    }

    It 'an adopted ShareFile group whose Entra group is unassigned is unmanaged, never deleted' {
        Set-ShareFileGroupProvisioning -Enabled $true -OnGroupRemoved Delete -Confirm:$false
        $g = Control 'graph/groups' -Body @{ displayName = 'Engineering'; mailNickname = 'eng'; securityEnabled = $true; members = @('0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01') }
        Control 'graph/assignments' -Body @{ principalId = $g.id; appRoleId = $script:GroupRole } | Out-Null
        $before = @((Get-SfState).groups | Where-Object name -eq 'Engineering')
        $before.Count | Should -Be 1
        Sync | Out-Null
        Unassign $g.id
        $out = Sync
        (ResultsOf $out | Where-Object { $_.ObjectType -eq 'Group' -and $_.DisplayName -eq 'Engineering' }).Action | Should -Be 'UnmanageGroup'
        @((Get-SfState).groups | Where-Object id -eq $before[0].id).Count | Should -Be 1
    }
}

Describe 'Names and values from the source are checked' {
    BeforeEach { Start-Fresh }

    It 'a given name with <Name> is refused naming the attribute, never sent, and never printed raw' -ForEach @(
        @{ Name = 'CR/LF'; Value = "Eve`r`nWhat if: Performing the operation ""Delete"" on everyone" }
        @{ Name = 'ESC'; Value = "Eve$([char]27)[2J" }
        @{ Name = 'U+202E'; Value = "Eve$([char]0x202E)lanigiro" }
    ) {
        New-EntraUser @{ userPrincipalName = 'eve@contoso.example'; givenName = $Value; surname = 'Crafted'; displayName = "Crafted $Value" } | Out-Null
        $out = Sync
        $r = ResultsOf $out | Where-Object UserPrincipalName -eq 'eve@contoso.example'
        $r.ErrorCode | Should -Be 'InvalidAttributeValue'
        $r.ErrorMessage | Should -Match 'FirstName'
        Get-SfUser 'eve@contoso.example' | Should -BeNullOrEmpty
        $text = ($out | Out-String) + (Get-ShareFileProvisioningLog -Last 1 | ConvertTo-Json -Depth 8)
        $text | Should -Not -Match "[\x00-\x08\x0B\x0C\x0E-\x1F\u202A-\u202E\u2066-\u2069]"
    }

    It 'an email "<Email>" is InvalidEmail and never sent' -ForEach @(
        @{ Email = 'a@b..com' }, @{ Email = "zero$([char]0x200B)width@contoso.example" }, @{ Email = 'two words@contoso.example' }
    ) {
        New-EntraUser @{ userPrincipalName = 'odd@contoso.example'; mail = $Email; givenName = 'Odd'; surname = 'Mail'; displayName = 'Odd Mail' } | Out-Null
        Set-ShareFileAttributeMapping -TargetAttribute Email -Expression 'Coalesce([mail], [userPrincipalName])' -Confirm:$false
        $out = Sync
        (ResultsOf $out | Where-Object DisplayName -eq 'Odd Mail').ErrorCode | Should -Be 'InvalidEmail'
        @((Get-SfState).users | Where-Object email -like 'odd*').Count | Should -Be 0
    }
}

Describe 'Damaged state never reads as "no links"' {
    BeforeEach { Start-Fresh; Sync | Out-Null }

    It 'links.json <Name> stops the sync naming the file; nothing is sent; the previous version restores it' -ForEach @(
        @{ Name = 'empty'; Content = '' }, @{ Name = '{}'; Content = '{}' }, @{ Name = 'truncated'; Content = $null }
    ) {
        New-EntraUser @{ userPrincipalName = 'later@contoso.example'; givenName = 'Later'; surname = 'User'; displayName = 'Later User' } | Out-Null
        Sync | Out-Null   # a second write of the links keeps the previous version
        $links = StateFile 'links.json'
        $text = if ($null -eq $Content) { (Get-Content $links -Raw).Substring(0, 40) } else { $Content }
        [IO.File]::WriteAllText($links, $text)
        Control 'requests' Delete | Out-Null
        { Invoke-ShareFileSync -Full -Confirm:$false -ErrorAction Stop } | Should -Throw "*$links*"
        Writes | Should -Be 0
        Copy-Item "$links.previous" $links -Force
        $out = Sync -Full
        @(ResultsOf $out | Where-Object { $_.Action -eq 'Create' }).Count | Should -Be 0   # the one link the old version lacks is adopted, never created twice
        @((Get-SfState).users | Where-Object email -eq 'later@contoso.example').Count | Should -Be 1
    }
}

Describe 'Faults leave no trace' {
    BeforeEach { Start-Fresh }

    It 'a lost answer to a user create (<Kind>) never produces a second user' -ForEach @(@{ Kind = 'Status' }, @{ Kind = 'Drop' }) {
        New-EntraUser @{ userPrincipalName = 'lost@contoso.example'; givenName = 'Lost'; surname = 'Answer'; displayName = 'Lost Answer' } | Out-Null
        Control 'faults' -Body @{ kind = $Kind; status = 503; count = 1; afterApply = $true; method = 'POST'; pathPrefix = '/sf/v3/Users' } | Out-Null
        Sync | Out-Null
        Control 'faults' Delete | Out-Null
        Sync | Out-Null
        Sync -Full | Out-Null
        @((Get-SfState).users | Where-Object email -eq 'lost@contoso.example').Count | Should -Be 1
        @((Get-SfState).users | Where-Object email -like '*@contoso.example').Count | Should -Be 5
    }

    It 'a lost answer to a group create (<Kind>) never produces a second group, and the group is managed' -ForEach @(@{ Kind = 'Status' }, @{ Kind = 'Drop' }) {
        Set-ShareFileGroupProvisioning -Enabled $true -Confirm:$false
        Sync | Out-Null
        $g = Control 'graph/groups' -Body @{ displayName = 'Lost Group'; mailNickname = 'lostgroup'; securityEnabled = $true; members = @('0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01') }
        Control 'graph/assignments' -Body @{ principalId = $g.id; appRoleId = $script:GroupRole } | Out-Null
        Control 'faults' -Body @{ kind = $Kind; status = 503; count = 1; afterApply = $true; method = 'POST'; pathPrefix = '/sf/v3/Groups' } | Out-Null
        Sync | Out-Null
        Control 'faults' Delete | Out-Null
        Sync | Out-Null
        Sync -Full | Out-Null
        $groups = @((Get-SfState).groups | Where-Object name -eq 'Lost Group')
        $groups.Count | Should -Be 1
        (Get-ShareFileProvisioningStatus).LinkedGroups | Should -Be 2
    }

    It 'Ctrl+C mid-sync: a second sync meanwhile is ProvisioningProfileLocked, what was applied is saved, a rerun leaves no duplicate' {
        foreach ($n in 1..24) { New-EntraUser @{ userPrincipalName = "stop$n@contoso.example"; givenName = "Stop$n"; surname = 'User'; displayName = "Stop $n" } | Out-Null }
        Control 'latency' -Body @{ milliseconds = 150 } | Out-Null
        $child = Join-Path $TestDrive 'ctrlc.ps1'
        @'
param($ModulePath, $Uri, $HomeDir, $SpId)
$ErrorActionPreference = 'Stop'
$env:SHAREFILEPROVISIONING_HOME = $HomeDir
Import-Module $ModulePath
$cred = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))
Connect-ShareFile -Subdomain acme -Credential $cred -ClientId 'sfp-demo-client' -ClientSecret (ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force) -BaseUri $Uri
Connect-ProvisioningSource -AccessToken (ConvertTo-SecureString 'any-token' -AsPlainText -Force) -ServicePrincipalId $SpId -GraphBaseUri "$Uri/v1.0"
'STARTED'
Invoke-ShareFileSync -ThrottleLimit 2 -Confirm:$false | Out-Null
'FINISHED'
'@ | Set-Content $child
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $child, $env:SFP_TEST_MODULE_PATH, $script:Emulator.Uri, $env:SHAREFILEPROVISIONING_HOME, $script:SpId)) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($psi)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        try {
            $created = 0
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ([DateTime]::UtcNow -lt $deadline -and -not $process.HasExited -and $created -lt 5) {
                Start-Sleep -Milliseconds 100
                $created = @((Get-SfState).users | Where-Object email -like 'stop*').Count
            }
            $process.HasExited | Should -BeFalse -Because 'Ctrl+C must land mid-cycle'
            $created | Should -BeGreaterOrEqual 5

            # Meanwhile: a second sync of the same profile is refused at once.
            $second = { Invoke-ShareFileSync -Confirm:$false -ErrorAction Stop } | Should -Throw -PassThru
            $second.FullyQualifiedErrorId | Should -BeLike 'ProvisioningProfileLocked*'

            # Ctrl+C is SIGINT to the session: PowerShell stops the pipeline (StopProcessing), the cmdlet cancels the engine.
            & kill -s INT $process.Id
            $process.WaitForExit(30000) | Should -BeTrue -Because 'a stopped sync ends by itself'
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true); $process.WaitForExit(10000) | Out-Null }
        }
        $stdout.Result | Should -Match 'STARTED'
        $stdout.Result | Should -Not -Match 'FINISHED' -Because 'the sync was stopped, not finished'
        Control 'latency' -Body @{ milliseconds = 0 } | Out-Null

        # The lock was held until the state of the applied actions was saved: every account the stopped sync created is linked.
        $partial = @((Get-SfState).users | Where-Object email -like 'stop*')
        $partial.Count | Should -BeLessThan 24
        $linkedTargets = @((Get-Content (StateFile 'links.json') -Raw | ConvertFrom-Json).links | Where-Object objectType -eq 'User' | ForEach-Object targetId)
        foreach ($u in $partial) { $linkedTargets | Should -Contain $u.id -Because "$($u.email) was created before Ctrl+C" }

        # The rerun creates only the rest: no duplicate, and no create is sent for an account that exists.
        Control 'requests' Delete | Out-Null
        $out = Sync
        $creates = @(ResultsOf $out | Where-Object { $_.Action -eq 'Create' -and $_.Status -eq 'Success' })
        @($creates | Where-Object UserPrincipalName -like 'stop*').Count | Should -Be (24 - $partial.Count)
        $userPosts = (Control 'requests' Get).counts.PSObject.Properties | Where-Object Name -Like 'POST /sf/v3/Users*'
        ($userPosts | Measure-Object Value -Sum).Sum | Should -Be $creates.Count -Because 'no create is sent for an account that exists'
        $stop = @((Get-SfState).users | Where-Object email -like 'stop*')
        $stop.Count | Should -Be 24
        @($stop.email | Sort-Object -Unique).Count | Should -Be 24
    }
}
