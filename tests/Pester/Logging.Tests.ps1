BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $script:SfpHome = Join-Path ([IO.Path]::GetTempPath()) ("sfp-pester-logs-" + [guid]::NewGuid().ToString('N').Substring(0, 10))
    $env:SHAREFILEPROVISIONING_HOME = $script:SfpHome

    function New-ProfileName { 'p' + [guid]::NewGuid().ToString('N').Substring(0, 8) }
    function Get-ProfileDir([string] $Name) { Join-Path $script:SfpHome "profiles/$Name" }

    # One record in Entra's provisioningObjectSummary shape (docs/entra-provisioning.md, 'Log records and steps'), as the engine writes it.
    function New-LogRecord {
        param([string] $CycleId, [string] $Action, [string] $Status, [string] $Name, [string] $Upn, [datetime] $At,
              [string] $ErrorCode, [string] $Reason, [object[]] $Modified = @())
        $record = [ordered]@{
            id = [guid]::NewGuid().ToString(); activityDateTime = $At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")
            tenantId = '7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f'; jobId = 'sharefileprovisioning.7c9d1a4e2f3b4c5d8e6f0a1b2c3d4e5f.0123456789abcdef0123456789abcdef'
            cycleId = $CycleId; changeId = [guid]::NewGuid().ToString(); durationInMilliseconds = 120
            sourceIdentity = @{ id = "id-$Name"; displayName = $Name; identityType = 'User'; details = @{ UserPrincipalName = $Upn } }
            targetIdentity = @{ id = "sf-$Name"; displayName = $Name; identityType = 'User' }
            provisioningAction = $Action
            provisioningStatusInfo = if ($ErrorCode) { @{ status = $Status; errorInformation = @{ errorCode = $ErrorCode; reason = $Reason } } } else { @{ status = $Status } }
            provisioningSteps = @(
                @{ name = 'EntryImport'; provisioningStepType = 'import'; status = 'success' }
                @{ name = 'EntrySynchronizationScoping'; provisioningStepType = 'scoping'; status = 'success'; details = [ordered]@{ Assigned = 'True'; IsActive = 'True' } }
            )
            modifiedProperties = $Modified
        }
        $record | ConvertTo-Json -Depth 6 -Compress
    }

    # A whole cycle: records file plus summary, named as the engine names them.
    function Write-Cycle {
        param([string] $Profile, [datetime] $Start, [string[]] $Lines, [string] $Type = 'Incremental', [string] $Status = 'Succeeded', [hashtable] $Actions = @{ Create = 1 })
        $dir = Join-Path (Get-ProfileDir $Profile) 'logs'
        New-Item -ItemType Directory -Force -Path $dir | Out-Null
        $cycleId = ($Lines | Select-Object -First 1 | ConvertFrom-Json).cycleId
        $stem = $Start.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'") + "_$cycleId"
        Set-Content -Path (Join-Path $dir "$stem.jsonl") -Value $Lines -Encoding utf8NoBOM
        @{ cycleId = $cycleId; cycleType = $Type; status = $Status; startedAt = $Start.ToUniversalTime().ToString('o'); completedAt = $Start.AddSeconds(42).ToUniversalTime().ToString('o')
           durationInMilliseconds = 42000; actionCounts = $Actions; statusCounts = @{ Success = 1; Failure = 1 }; recordCount = $Lines.Count; requests = 17; retries = 2; throttleWaits = 1 } |
            ConvertTo-Json -Depth 4 | Set-Content -Path (Join-Path $dir "$stem.summary.json") -Encoding utf8NoBOM
        $cycleId
    }

    # Three cycles in one profile.
    $script:LogProfile = New-ProfileName
    $t0 = [datetime]::UtcNow.AddHours(-3)
    $c1 = [guid]::NewGuid().ToString(); $c2 = [guid]::NewGuid().ToString(); $c3 = [guid]::NewGuid().ToString()
    $script:Cycle1 = Write-Cycle $script:LogProfile $t0 @(
        (New-LogRecord $c1 create success 'Ada Lovelace' 'ada@contoso.com' $t0 -Modified @(@{ displayName = 'Email'; oldValue = $null; newValue = 'ada@contoso.com' }, @{ displayName = 'FirstName'; oldValue = $null; newValue = 'Ada' }))
        (New-LogRecord $c1 create failure 'Alan Turing' 'alan@contoso.com' $t0.AddSeconds(1) -ErrorCode 'EntryConflict' -Reason 'Two ShareFile users match alan@contoso.com'))
    $script:Cycle2 = Write-Cycle $script:LogProfile $t0.AddHours(1) @(
        (New-LogRecord $c2 update success 'Ada Lovelace' 'ada@contoso.com' $t0.AddHours(1) -Modified @(@{ displayName = 'LastName'; oldValue = 'Byron'; newValue = 'Lovelace' })))
    $script:Cycle3 = Write-Cycle $script:LogProfile $t0.AddHours(2) @(
        (New-LogRecord $c3 stagedDelete skipped 'Grace Hopper' 'grace@contoso.com' $t0.AddHours(2) -ErrorCode 'TooManyDeletes' -Reason 'Held by the deletion threshold')
        (New-LogRecord $c3 disable success 'Dennis Ritchie' 'dennis@contoso.com' $t0.AddHours(2).AddSeconds(1))) -Status 'Quarantined' -Actions @{ StagedDelete = 1; Disable = 1 }
}

AfterAll {
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
    Remove-Item $script:SfpHome -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-ShareFileProvisioningLog' {
    It 'reads every record, newest cycle first, as typed entries' {
        $entries = @(Get-ShareFileProvisioningLog -Profile $script:LogProfile)
        $entries.Count | Should -Be 5
        $entries[0] | Should -BeOfType 'ShareFileProvisioning.ShareFileProvisioningLogEntry'
        $entries.SourceDisplayName | Should -Be @('Grace Hopper', 'Dennis Ritchie', 'Ada Lovelace', 'Ada Lovelace', 'Alan Turing')
        $entries[0].Action | Should -Be 'StagedDelete'
        $entries[0].Status | Should -Be 'Skipped'
        $entries[0].ErrorCode | Should -Be 'TooManyDeletes'
        $entries[0].CycleId | Should -Be $script:Cycle3
        $entries[0].ActivityDateTime.Kind | Should -Be 'Utc'
    }

    It 'filters by -Last, -CycleId, -Status, -Action and -UserPrincipalName (wildcards)' {
        @(Get-ShareFileProvisioningLog -Profile $script:LogProfile -Last 1).CycleId | Sort-Object -Unique | Should -Be $script:Cycle3
        @(Get-ShareFileProvisioningLog -Profile $script:LogProfile -CycleId $script:Cycle1).Count | Should -Be 2
        (Get-ShareFileProvisioningLog -Profile $script:LogProfile -Status Failure).SourceUserPrincipalName | Should -Be 'alan@contoso.com'
        (Get-ShareFileProvisioningLog -Profile $script:LogProfile -Action StagedDelete).SourceDisplayName | Should -Be 'Grace Hopper'
        @(Get-ShareFileProvisioningLog -Profile $script:LogProfile -UserPrincipalName 'ADA@*').Action | Should -Be @('Update', 'Create')
        @(Get-ShareFileProvisioningLog -Profile $script:LogProfile -Last 2 -Action Update, Disable).Count | Should -Be 2
        Get-ShareFileProvisioningLog -Profile $script:LogProfile -UserPrincipalName 'nobody@*' | Should -BeNullOrEmpty
    }

    It 'takes cycle ids from the pipeline by property name' {
        $entries = @([pscustomobject]@{ CycleId = $script:Cycle2 } | Get-ShareFileProvisioningLog -Profile $script:LogProfile)
        $entries.Count | Should -Be 1
        $entries[0].Action | Should -Be 'Update'
    }

    It 'round-trips through Export-Csv with readable modified properties and steps' {
        $csv = Join-Path $script:SfpHome 'log.csv'
        Get-ShareFileProvisioningLog -Profile $script:LogProfile | Export-Csv $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be 5
        $ada = $rows | Where-Object { $_.CycleId -eq $script:Cycle1 -and $_.SourceDisplayName -eq 'Ada Lovelace' }
        $ada.Action | Should -Be 'Create'
        $ada.ModifiedProperties | Should -Be "Email: (none) -> 'ada@contoso.com'; FirstName: (none) -> 'Ada'"
        $ada.Steps | Should -Be 'Import EntryImport Success; Scoping EntrySynchronizationScoping Success'
        ($rows | Where-Object SourceDisplayName -eq 'Alan Turing').Reason | Should -Be 'Two ShareFile users match alan@contoso.com'
        (Get-Content $csv -Raw) | Should -Not -MatchExactly 'System\.(Object|Collections)|ShareFileProvisioning\.ShareFile'
    }

    It 'converts to JSON with steps and modified properties as arrays of objects' {
        $json = Get-ShareFileProvisioningLog -Profile $script:LogProfile -CycleId $script:Cycle1 | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $ada = $json | Where-Object SourceDisplayName -eq 'Ada Lovelace'
        $ada.ModifiedProperties.Count | Should -Be 2
        $ada.ModifiedProperties[0].Name | Should -Be 'Email'
        $ada.ModifiedProperties[0].OldValue | Should -BeNullOrEmpty
        $ada.ModifiedProperties[0].NewValue | Should -Be 'ada@contoso.com'
        $ada.Steps[1].Type | Should -Be 'Scoping'
        $ada.Steps[1].Details | Should -Be 'Assigned=True; IsActive=True'
    }

    It 'skips a torn last line left by a crash' {
        $name = New-ProfileName
        $c = [guid]::NewGuid().ToString()
        $line = New-LogRecord $c create success 'Katherine Johnson' 'katherine@contoso.com' ([datetime]::UtcNow)
        Write-Cycle $name ([datetime]::UtcNow) @($line, $line.Substring(0, 40)) | Out-Null
        @(Get-ShareFileProvisioningLog -Profile $name).Count | Should -Be 1
    }

    It 'returns nothing for a profile without logs, and a clear error for a bad profile name' {
        Get-ShareFileProvisioningLog -Profile (New-ProfileName) | Should -BeNullOrEmpty
        { Get-ShareFileProvisioningLog -Profile '../x' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProfile,*'
    }

    It 'has a table view of at most five columns' {
        $view = (Get-FormatData ShareFileProvisioning.ShareFileProvisioningLogEntry).FormatViewDefinition[0]
        $view.Control.Headers.Count | Should -BeLessOrEqual 5
        (Get-ShareFileProvisioningLog -Profile $script:LogProfile -Last 1 | Format-Table | Out-String) | Should -Match 'grace@contoso.com'
    }
}

Describe 'Get-ShareFileProvisioningStatus' {
    It 'shows no cycle for a fresh profile' {
        $status = Get-ShareFileProvisioningStatus -Profile (New-ProfileName)
        $status | Should -BeOfType 'ShareFileProvisioning.ShareFileProvisioningStatus'
        $status.LastCycleId | Should -BeNullOrEmpty
        $status.Quarantined | Should -BeFalse
        $status.PendingRetries | Should -Be 0
    }

    It 'combines the last cycle summary with quarantine, retries and staged deletes from the state' {
        $state = Join-Path (Get-ProfileDir $script:LogProfile) 'state'
        New-Item -ItemType Directory -Force -Path $state | Out-Null
        $since = [datetime]::UtcNow.AddMinutes(-30).ToString('o')
        @{ reason = 'TooManyDeletes'; since = $since; details = '612 deletes > 500' } | ConvertTo-Json | Set-Content (Join-Path $state 'quarantine.json')
        ConvertTo-Json -InputObject @(@{ sourceId = 'g1'; action = 'Disable'; approved = $false }, @{ sourceId = 'g2'; action = 'Delete'; approved = $false }) |
            Set-Content (Join-Path $state 'staged-deletes.json')
        ConvertTo-Json -InputObject @(@{ action = 'Create'; objectId = 'a'; attemptCount = 1; nextAttemptAt = [datetime]::UtcNow.AddHours(6).ToString('o') }) |
            Set-Content (Join-Path $state 'retry-queue.json')

        $status = Get-ShareFileProvisioningStatus -Profile $script:LogProfile
        $status.LastCycleId | Should -Be $script:Cycle3
        $status.LastCycleType | Should -Be 'Incremental'
        $status.LastCycleStatus | Should -Be 'Quarantined'
        $status.LastCycleDuration | Should -Be ([timespan]::FromSeconds(42))
        $status.LastCycleActions | Should -Be 'Disable 1, StagedDelete 1'
        $status.LastCycleRequests | Should -Be 17
        $status.Quarantined | Should -BeTrue
        $status.QuarantineReason | Should -Be 'TooManyDeletes'
        $status.StagedDeletes | Should -Be 2
        $status.PendingRetries | Should -Be 1
        $status.RetriesDueNow | Should -Be 0
        $status.NextRetryAt | Should -BeGreaterThan ([datetime]::UtcNow.AddHours(5))
        (Get-FormatData ShareFileProvisioning.ShareFileProvisioningStatus).FormatViewDefinition[0].Control.Headers.Count | Should -BeLessOrEqual 5
    }
}

Describe 'Send-ShareFileProvisioningTestNotification' {
    BeforeAll {
        $script:Emulator = Start-Emulator
        Connect-ProvisioningSource -AccessToken (ConvertTo-SecureString 'any' -AsPlainText -Force) -ServicePrincipalId '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9' -GraphBaseUri "$($script:Emulator.Uri)/v1.0"
        $script:MailProfile = New-ProfileName
        Set-ShareFileProvisioningConfiguration -Profile $script:MailProfile -NotificationRecipients 'ops@contoso.example' -NotificationGraphSender 'ada.lovelace@contoso.example'
        function Get-SentMail { @((Invoke-EmulatorControl $script:Emulator 'graph/sentMail' -Method Get).value) }
    }

    AfterAll {
        Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
        Stop-Emulator $script:Emulator
    }

    It 'sends nothing with -WhatIf' {
        Send-ShareFileProvisioningTestNotification -Profile $script:MailProfile -WhatIf | Should -BeNullOrEmpty
        Get-SentMail | Should -BeNullOrEmpty
    }

    It 'sends one mail through Graph sendMail to the configured recipients' {
        $result = Send-ShareFileProvisioningTestNotification -Profile $script:MailProfile -Confirm:$false
        $result | Should -BeOfType 'ShareFileProvisioning.ShareFileNotificationResult'
        $result.Result | Should -Be 'Sent'
        $result.Channel | Should -Be 'Graph sendMail as ada.lovelace@contoso.example'
        $sent = Get-SentMail
        $sent.Count | Should -Be 1
        $sent[0].body | Should -Match 'ops@contoso.example'
        $sent[0].body | Should -Match "$($script:MailProfile): test notification"
    }

    It 'reports a refused SMTP send as NotificationFailed, naming the server' {
        $name = New-ProfileName
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        Set-ShareFileProvisioningConfiguration -Profile $name -NotificationRecipients 'ops@contoso.example' -SmtpHost '127.0.0.1' -SmtpPort $port -SmtpFrom 'sfp@contoso.example'
        $result = Send-ShareFileProvisioningTestNotification -Profile $name -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $result.Result | Should -Be 'Failed'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NotificationFailed*'
        $errs[0].ToString() | Should -Match "127.0.0.1:$port"
    }

    It 'fails clearly when the profile has no recipients' {
        { Send-ShareFileProvisioningTestNotification -Profile (New-ProfileName) -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'NotificationNotConfigured,*'
    }
}
