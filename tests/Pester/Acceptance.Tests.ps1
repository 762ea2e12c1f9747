# Acceptance: the lifecycle of every object, driven through the cmdlets against the emulators; every It checks the
# end state in ShareFile through the emulator's control surface, not the plan object alone.
BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $script:SpId = '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9'
    $script:GraphSeed = Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/graph-default.json'
    $script:Ada = '0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01'
    $script:Alan = '1b7c4d2e-2222-4f3a-9b4c-5d6e7f8a9b02'
    $script:UserRole = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b'
    $script:GroupRole = 'a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d'

    function script:Start-Fresh([string] $ShareFileSeed, [string] $Token = 'any-token') {
        $script:Emulator = Restart-EmulatorFresh -Emulator $script:Emulator -HomeRoot $TestDrive -GraphSeed $script:GraphSeed -ShareFileSeed $ShareFileSeed -Token $Token
    }
    function script:Get-SfUser([string] $Email) {
        (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'sharefile/state' -Method Get).users | Where-Object email -eq $Email
    }
    function script:Get-SfGroups { @((Invoke-EmulatorControl -Emulator $script:Emulator -Path 'sharefile/state' -Method Get).groups) }
    function script:Set-EntraUser([string] $Id, [hashtable] $Values) {
        Invoke-EmulatorControl -Emulator $script:Emulator -Path "graph/users/$Id" -Method Patch -Body $Values | Out-Null
    }
    function script:New-EntraUser([hashtable] $User, [string] $Role = $script:UserRole) {
        $id = (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/users' -Body $User).id
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/assignments' -Body @{ principalId = $id; appRoleId = $Role } | Out-Null
        $id
    }
    function script:Sync { @(Invoke-ShareFileSync -Confirm:$false -ErrorAction SilentlyContinue @args) }
    function script:SummaryOf($Results) { $Results | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncSummary] } }
    function script:ResultsOf($Results) { @($Results | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncResult] }) }
    function script:New-ShareFileSeed([int] $UserMax) {
        $seed = Get-Content (Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/sharefile-default.json') -Raw | ConvertFrom-Json
        $seed.account.userMax = $UserMax
        $path = Join-Path $TestDrive "sharefile-$UserMax.json"
        $seed | ConvertTo-Json -Depth 10 | Set-Content $path
        $path
    }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'Scoping filters decide scope everywhere' {
    BeforeEach { Start-Fresh }

    It 'a filter keeps a department out: Get-ProvisioningScope, the plan and the sync leave its users out of ShareFile' {
        Add-ShareFileScopingFilter -Attribute department -Operator EQUALS -Value Research -Confirm:$false
        $scope = @(Get-ProvisioningScope -ObjectType User)
        $scope.Name | Should -Contain 'alan.turing@contoso.example'
        $scope.Name | Should -Not -Contain 'ada.lovelace@contoso.example'
        $why = Get-ProvisioningScope -UserPrincipalName 'ada.lovelace@contoso.example'
        $why.InScope | Should -BeFalse
        $why.FilteredOut | Should -BeTrue
        $why.ScopingClauses[0].Attribute | Should -Be 'department'
        $why.ScopingClauses[0].ActualValue | Should -Be 'Engineering'
        $why.ScopingClauses[0].Result | Should -BeFalse
        $ada = Get-ProvisioningPlan | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] -and $_.UserPrincipalName -eq 'ada.lovelace@contoso.example' }
        $ada.Action | Should -Be 'Skip'
        ($ada.Steps | Where-Object Name -eq 'EntrySynchronizationScoping').Description | Should -Match "department EQUALS 'Research' — value 'Engineering': false"
        Sync | Out-Null
        Get-SfUser 'ada.lovelace@contoso.example' | Should -BeNullOrEmpty
        Get-SfUser 'alan.turing@contoso.example' | Should -Not -BeNullOrEmpty
    }

    It 'a filter added after a sync disables the user in the next cycle, and the summary says why it evaluated everyone' {
        Sync | Out-Null
        (Get-SfUser 'ada.lovelace@contoso.example').disabled | Should -BeFalse
        Add-ShareFileScopingFilter -Attribute department -Operator EQUALS -Value Research -Confirm:$false
        $out = Sync
        (SummaryOf $out).CycleType | Should -Not -Be 'Incremental'
        (SummaryOf $out).FullEvaluationReason | Should -Match 'scoping filters'
        (Get-SfUser 'ada.lovelace@contoso.example').disabled | Should -BeTrue
        (Get-SfUser 'alan.turing@contoso.example').disabled | Should -BeFalse
    }

    It 'a filter attribute changing in Entra is re-evaluated by an incremental cycle, both ways' {
        Add-ShareFileScopingFilter -Attribute department -Operator EQUALS -Value Research -Confirm:$false
        Sync | Out-Null
        Get-SfUser 'ada.lovelace@contoso.example' | Should -BeNullOrEmpty
        Set-EntraUser $script:Ada @{ department = 'Research' }
        Set-EntraUser $script:Alan @{ department = 'Sales' }
        $out = Sync
        (SummaryOf $out).CycleType | Should -Be 'Incremental'
        (Get-SfUser 'ada.lovelace@contoso.example').disabled | Should -BeFalse
        (Get-SfUser 'alan.turing@contoso.example').disabled | Should -BeTrue
    }

    It 'a mapping change makes the next cycle a full evaluation that updates everyone' {
        Sync | Out-Null
        Set-ShareFileAttributeMapping -TargetAttribute Company -Expression '"Contoso Ltd"' -Confirm:$false
        $out = Sync
        (SummaryOf $out).CycleType | Should -Not -Be 'Incremental'
        (SummaryOf $out).FullEvaluationReason | Should -Match 'attribute mappings'
        (Get-SfUser 'ada.lovelace@contoso.example').company | Should -Be 'Contoso Ltd'
        (Get-SfUser 'katherine.johnson@contoso.example').company | Should -Be 'Contoso Ltd'
    }
}

Describe 'Nothing the plan decides is invisible' {
    BeforeEach { Start-Fresh }

    It 'a nameless user is skipped in the plan, never sent, and reported as a skipped result, a log record and a summary count' {
        New-EntraUser @{ userPrincipalName = 'nameless@contoso.example'; mail = 'nameless@contoso.example'; displayName = 'Nameless' } | Out-Null
        $item = Get-ProvisioningPlan | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] -and $_.UserPrincipalName -eq 'nameless@contoso.example' }
        $item.Action | Should -Be 'Skip'
        $item.SkipReason | Should -Be 'MissingRequiredAttribute'
        $item.Reason | Should -Match 'FirstName'
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Delete | Out-Null
        $out = Sync
        $skipped = ResultsOf $out | Where-Object { $_.UserPrincipalName -eq 'nameless@contoso.example' }
        $skipped.Status | Should -Be 'Skipped'
        $skipped.ErrorCode | Should -Be 'MissingRequiredAttribute'
        (SummaryOf $out).SkipReasons['MissingRequiredAttribute'] | Should -Be 1
        Get-SfUser 'nameless@contoso.example' | Should -BeNullOrEmpty
        $created = @(ResultsOf $out | Where-Object { $_.Action -eq 'Create' -and $_.Status -eq 'Success' }).Count
        (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Get).counts.'POST /sf/v3/Users/AccountUser' | Should -Be $created
        $log = @(Get-ShareFileProvisioningLog -Last 1 -Status Skipped | Where-Object SourceUserPrincipalName -eq 'nameless@contoso.example')
        $log.Count | Should -Be 1
        $log[0].ErrorCode | Should -Be 'MissingRequiredAttribute'
        (Get-ShareFileProvisioningStatus).LastCycleSkipped | Should -BeGreaterThan 0
    }

    It 'a licence-limit skip resolves in a later incremental cycle when a seat frees up, without -Full' {
        Start-Fresh -ShareFileSeed (New-ShareFileSeed -UserMax 7)   # 5 employees in the seed: 2 seats left
        Set-ShareFileProvisioningConfiguration -DeprovisioningAction DowngradeToClient -Confirm:$false
        $first = Sync
        $refused = @(ResultsOf $first | Where-Object ErrorCode -eq 'LicenceLimit')
        $refused.Count | Should -Be 2
        $waiting = $refused[0].UserPrincipalName
        Get-SfUser $waiting | Should -BeNullOrEmpty
        (Get-ShareFileProvisioningStatus).WaitingCount | Should -Be 2
        Invoke-EmulatorControl -Emulator $script:Emulator -Path "graph/assignments/$($script:Alan)" -Method Delete | Out-Null
        Sync | Out-Null                                                    # Alan is downgraded: a seat is free after this cycle
        (Get-SfUser 'alan.turing@contoso.example').type | Should -Be 'Client'
        $third = Sync
        (SummaryOf $third).CycleType | Should -Be 'Incremental'
        (Get-SfUser $waiting).type | Should -Be 'Employee'
        (Get-ShareFileProvisioningStatus).WaitingCount | Should -Be 1
    }

    It 'a transient failure is tried again by the next incremental cycle' {
        Sync | Out-Null
        New-EntraUser @{ userPrincipalName = 'late@contoso.example'; givenName = 'Late'; surname = 'Comer'; displayName = 'Late Comer' } | Out-Null
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'faults' -Body @{ status = 503; method = 'POST'; pathPrefix = '/sf/v3/Users' } | Out-Null
        $failed = Sync
        (ResultsOf $failed | Where-Object UserPrincipalName -eq 'late@contoso.example').Status | Should -Be 'Failure'
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'faults' -Method Delete | Out-Null
        $retry = Sync
        (SummaryOf $retry).CycleType | Should -Be 'Incremental'
        Get-SfUser 'late@contoso.example' | Should -Not -BeNullOrEmpty
        (Get-ShareFileProvisioningStatus).PendingRetries | Should -Be 0
    }
}

Describe 'The rest of the lifecycle' {
    BeforeEach { Start-Fresh }

    It 'a grace period that is over is applied by the next incremental cycle, without -Full' {
        Set-ShareFileProvisioningConfiguration -DeprovisioningAction DowngradeToClient -GracePeriodDays 3 -Confirm:$false
        Sync | Out-Null
        Invoke-EmulatorControl -Emulator $script:Emulator -Path "graph/assignments/$($script:Alan)" -Method Delete | Out-Null
        Sync | Out-Null
        $alan = Get-SfUser 'alan.turing@contoso.example'
        $alan.disabled | Should -BeTrue
        $alan.type | Should -Be 'Employee'
        # Four days pass: move the link's out-of-scope date back, as the clock would.
        $linksFile = Join-Path $env:SHAREFILEPROVISIONING_HOME 'profiles/acme/state/links.json'
        $json = Get-Content $linksFile -Raw | ConvertFrom-Json
        ($json.links | Where-Object sourceId -eq $script:Alan).outOfScopeSince = (Get-Date).ToUniversalTime().AddDays(-4).ToString('o')
        $json | ConvertTo-Json -Depth 10 | Set-Content $linksFile
        $out = Sync
        (SummaryOf $out).CycleType | Should -Be 'Incremental'
        (Get-SfUser 'alan.turing@contoso.example').type | Should -Be 'Client'
    }

    It 'a guest is created as a client with mail, or the UPN stripped of #EXT# and the tenant, as its email' {
        New-EntraUser @{ userPrincipalName = 'pat_fabrikam.example#EXT#@contoso.example'; givenName = 'Pat'; surname = 'Guest'; displayName = 'Pat Guest' } | Out-Null
        New-EntraUser @{ userPrincipalName = 'quinn_x.example#EXT#@contoso.example'; mail = 'quinn@x.example'; givenName = 'Quinn'; surname = 'Guest'; displayName = 'Quinn Guest' } | Out-Null
        $plan = @(Get-ProvisioningPlan | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] -and $_.DisplayName -like '* Guest' })
        ($plan | Where-Object DisplayName -eq 'Pat Guest').TargetEmail | Should -Be 'pat@fabrikam.example'
        ($plan | Where-Object DisplayName -eq 'Pat Guest').UserType | Should -Be 'Client'
        Sync | Out-Null
        (Get-SfUser 'pat@fabrikam.example').type | Should -Be 'Client'
        (Get-SfUser 'quinn@x.example').type | Should -Be 'Client'
        @((Invoke-EmulatorControl -Emulator $script:Emulator -Path 'sharefile/state' -Method Get).users | Where-Object email -like '*#EXT#*').Count | Should -Be 0
    }

    It 'two users mapping to one email (the UPN of one, the mail of the other) are a conflict and neither is created' {
        New-EntraUser @{ userPrincipalName = 'sam@contoso.example'; givenName = 'Sam'; surname = 'One'; displayName = 'Sam One' } | Out-Null
        New-EntraUser @{ userPrincipalName = 'sam.two@contoso.example'; mail = 'sam@contoso.example'; givenName = 'Sam'; surname = 'Two'; displayName = 'Sam Two' } | Out-Null
        Set-ShareFileAttributeMapping -TargetAttribute Email -Expression 'Coalesce([mail], [userPrincipalName])' -Confirm:$false
        $out = Sync
        @(ResultsOf $out | Where-Object { $_.DisplayName -like 'Sam *' -and $_.ErrorCode -eq 'DuplicateSourceEntries' }).Count | Should -Be 2
        Get-SfUser 'sam@contoso.example' | Should -BeNullOrEmpty
    }

    It 'two assigned Entra groups with one name are a conflict: never two ShareFile groups of one name' {
        Set-ShareFileGroupProvisioning -Enabled $true -Confirm:$false
        foreach ($n in 1, 2) {
            $g = Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/groups' -Body @{ displayName = 'Twins'; mailNickname = "twins$n"; securityEnabled = $true; members = @($script:Ada) }
            Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/assignments' -Body @{ principalId = $g.id; appRoleId = $script:GroupRole } | Out-Null
        }
        $out = Sync
        @(ResultsOf $out | Where-Object { $_.ObjectType -eq 'Group' -and $_.ErrorCode -eq 'DuplicateSourceEntries' }).Count | Should -Be 2
        @(Get-SfGroups | Where-Object name -eq 'Twins').Count | Should -Be 0
        @(Get-SfGroups | Where-Object name -eq 'ShareFile Users').Count | Should -Be 1
    }

    It 'a cycle that cannot start (a Graph permission revoked) is recorded in the status and mailed once' {
        Start-Fresh -Token 'no-user-read'
        Set-ShareFileProvisioningConfiguration -NotificationRecipients 'ops@contoso.example' -NotificationGraphSender 'margaret.hamilton@contoso.example' -Confirm:$false
        { Invoke-ShareFileSync -Confirm:$false -ErrorAction Stop } | Should -Throw '*User.Read.All*'
        { Invoke-ShareFileSync -Confirm:$false -ErrorAction Stop } | Should -Throw
        $status = Get-ShareFileProvisioningStatus
        $status.LastFailedCycle | Should -Match 'Quarantined'
        $status.LastFailedCycleError | Should -Match 'User.Read.All'
        $status.LastGoodCycle | Should -BeNullOrEmpty
        $mail = @((Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/sentMail' -Method Get).value)
        $mail.Count | Should -Be 1
        @((Invoke-EmulatorControl -Emulator $script:Emulator -Path 'sharefile/state' -Method Get).users | Where-Object email -like '*contoso.example').Count | Should -Be 0
    }

    It 'on demand: -UserPrincipalName provisions exactly that user now and leaves the watermark alone' {
        $out = @(Invoke-ShareFileSync -UserPrincipalName 'ada.lovelace@contoso.example' -Confirm:$false)
        @(ResultsOf $out | Where-Object Status -eq 'Success').UserPrincipalName | Should -Be 'ada.lovelace@contoso.example'
        Get-SfUser 'ada.lovelace@contoso.example' | Should -Not -BeNullOrEmpty
        Get-SfUser 'alan.turing@contoso.example' | Should -BeNullOrEmpty
        (SummaryOf $out).WatermarkAdvanced | Should -BeFalse
        $next = Sync
        (SummaryOf $next).CycleType | Should -Be 'Initial'
        Get-SfUser 'alan.turing@contoso.example' | Should -Not -BeNullOrEmpty
    }

    It 'on demand: -ObjectId of a group provisions the group and its members' {
        Set-ShareFileGroupProvisioning -Enabled $true -Confirm:$false
        $out = @(Invoke-ShareFileSync -ObjectId '8ce3be9f-aaaa-4a0b-8c1d-2e3f4a5b6c01' -Confirm:$false)
        $group = Get-SfGroups | Where-Object name -eq 'ShareFile Users'
        $group | Should -Not -BeNullOrEmpty
        $group.members | Should -Contain 'grace.hopper@contoso.example'
        Get-SfUser 'ada.lovelace@contoso.example' | Should -BeNullOrEmpty
    }

    It 'log records carry the enterprise app, the identity the run used and, for failures, a recommended action' {
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'faults' -Body @{ status = 400; method = 'POST'; pathPrefix = '/sf/v3/Users'; count = 1 } | Out-Null
        Sync | Out-Null
        $records = @(Get-ShareFileProvisioningLog -Last 1)
        $records.Count | Should -BeGreaterThan 1
        $raw = Get-ChildItem (Join-Path $env:SHAREFILEPROVISIONING_HOME 'profiles/acme/logs') -Filter *.jsonl | Select-Object -First 1 | Get-Content -TotalCount 1 | ConvertFrom-Json
        $raw.servicePrincipal.id | Should -Be $script:SpId
        $raw.initiatedBy.initiatorType | Should -Not -BeNullOrEmpty
        $failure = @(Get-ShareFileProvisioningLog -Last 1 -Status Failure)
        $failure.Count | Should -Be 1
        $failure[0].RecommendedAction | Should -Not -BeNullOrEmpty
    }
}
