BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # Profiles (configuration, state, logs) live under the test drive, never in the user's home.
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $env:SHAREFILEPROVISIONING_HOME = Join-Path $TestDrive 'home'
    $script:SpId = '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9'
    $script:GraphSeed = Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/graph-default.json'

    function script:Connect-Both($Emulator) {
        Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $Emulator.Uri
        Connect-ProvisioningSource -AccessToken (ConvertTo-SecureString 'any-token' -AsPlainText -Force) -ServicePrincipalId $script:SpId -GraphBaseUri "$($Emulator.Uri)/v1.0"
    }
    function script:Get-SfEmails($Emulator) { @((Invoke-EmulatorControl -Emulator $Emulator -Path 'sharefile/state' -Method Get).users.email) }

    # The child-process scripts connect the same way.
    $script:ChildPrelude = @'
param($ModulePath, $Uri, $HomeDir, $SpId)
$ErrorActionPreference = 'Stop'
$env:SHAREFILEPROVISIONING_HOME = $HomeDir
Import-Module $ModulePath
$cred = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))
Connect-ShareFile -Subdomain acme -Credential $cred -ClientId 'sfp-demo-client' -ClientSecret (ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force) -BaseUri $Uri
Connect-ProvisioningSource -AccessToken (ConvertTo-SecureString 'any-token' -AsPlainText -Force) -ServicePrincipalId $SpId -GraphBaseUri "$Uri/v1.0"
'@
}

AfterAll {
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'Invoke-ShareFileSync' {
    BeforeAll {
        $script:Emulator = Start-Emulator -GraphSeed $script:GraphSeed
        Connect-Both $script:Emulator
    }
    AfterAll { Stop-Emulator $script:Emulator }

    It '-WhatIf prints one "What if" line per planned action and changes nothing' {
        $before = Get-SfEmails $script:Emulator
        $planned = @(Get-ProvisioningPlan | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] -and $_.Action -notin 'Skip', 'Conflict', 'Unmanaged' })
        $script_ = Join-Path $TestDrive 'whatif.ps1'
        ($script:ChildPrelude + "`nInvoke-ShareFileSync -WhatIf`n") | Set-Content $script_
        $out = Invoke-FreshPwsh -File $script_ $env:SFP_TEST_MODULE_PATH $script:Emulator.Uri $env:SHAREFILEPROVISIONING_HOME $script:SpId
        $whatIf = @($out | Where-Object { $_ -like 'What if:*' })
        $whatIf.Count | Should -Be $planned.Count
        $planned.Count | Should -BeGreaterThan 1
        foreach ($p in $planned) { ($whatIf -match [regex]::Escape($p.DisplayName)).Count | Should -Be 1 }
        Get-SfEmails $script:Emulator | Should -Be $before
        (Get-ShareFileProvisioningStatus).LinkedUsers | Should -Be 0
    }

    It '-Confirm asks per action before anything is sent and applies only the confirmed ones' {
        $child = Join-Path $TestDrive 'confirm.ps1'
        ($script:ChildPrelude + "`n`$ErrorActionPreference = 'Continue'`nInvoke-ShareFileSync -Confirm | ForEach-Object { if (`$_.Action) { 'RESULT {0} {1} {2} {3}' -f `$_.Action, `$_.Status, `$_.ErrorCode, `$_.UserPrincipalName } }`n") | Set-Content $child
        $home2 = Join-Path $TestDrive 'confirm-home'
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-File', $child, $env:SFP_TEST_MODULE_PATH, $script:Emulator.Uri, $home2, $script:SpId)) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardInput = $true
        $psi.RedirectStandardOutput = $true
        $process = [System.Diagnostics.Process]::Start($psi)
        $process.StandardInput.WriteLine('N')   # the first action: no
        $process.StandardInput.WriteLine('A')   # the rest: yes to all
        $process.StandardInput.Close()
        $text = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit(60000) | Out-Null
        # Items the plan skips are reported too (RESULT Skip Skipped <reason>); the actions are the rest.
        $results = @($text -split "`n" | Where-Object { $_ -like 'RESULT *' -and $_ -notlike 'RESULT Skip *' -and $_ -notlike 'RESULT Conflict *' })
        $results.Count | Should -BeGreaterThan 1
        @($results | Where-Object { $_ -like '* Skipped NotConfirmed *' }).Count | Should -Be 1
        @($results | Where-Object { $_ -like '* Success *' }).Count | Should -Be ($results.Count - 1)
        $declined = ($results | Where-Object { $_ -like '* Skipped *' }).Split(' ')[-1]
        Get-SfEmails $script:Emulator | Should -Not -Contain $declined
        @([regex]::Matches($text, 'Are you sure you want to perform this action')).Count | Should -Be 2
        # Leave ShareFile as it was for the tests that follow (they sync from an empty profile).
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'reset' | Out-Null
    }

    It 'applies the plan: one result per action, then the summary; Grace exists in ShareFile' {
        $out = @(Invoke-ShareFileSync -Confirm:$false)
        $results = @($out | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncResult] })
        $summary = $out[-1]
        $summary | Should -BeOfType 'ShareFileProvisioning.ShareFileSyncSummary'
        $summary.CycleType | Should -Be 'Initial'
        $summary.Status | Should -Be 'Succeeded'
        $actions = @($results | Where-Object Action -notin 'Skip', 'Conflict')   # skipped plan items are reported as Skipped results
        $summary.Succeeded | Should -Be $actions.Count
        $summary.Requests | Should -BeGreaterThan 0
        ($results | Where-Object UserPrincipalName -eq 'grace.hopper@contoso.example').Action | Should -Be 'Create'
        $actions.Status | Sort-Object -Unique | Should -Be 'Success'
        Get-SfEmails $script:Emulator | Should -Contain 'grace.hopper@contoso.example'
    }

    It 'runs an incremental cycle that applies only the change made in Entra ID' {
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/users/2c8d5e3f-3333-4a4b-8c5d-6e7f8a9b0c03' -Method Patch -Body @{ surname = 'Murray' } | Out-Null
        $out = @(Invoke-ShareFileSync -Confirm:$false)
        $out.Count | Should -Be 2
        $out[0].Action | Should -Be 'Update'
        $out[0].DisplayName | Should -BeLike 'Grace*'
        $out[1].CycleType | Should -Be 'Incremental'
        $log = @(Get-ShareFileProvisioningLog -CycleId $out[1].CycleId)
        $log.Count | Should -Be 1
        $status = Get-ShareFileProvisioningStatus
        $status.LastCycleType | Should -Be 'Incremental'
        $status.LinkedUsers | Should -BeGreaterThan 1
    }

    It 'reports a failed action as a non-terminating error with the result as target and goes on; a permanent failure waits, it is not queued for blind retries' {
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/users/2c8d5e3f-3333-4a4b-8c5d-6e7f8a9b0c03' -Method Patch -Body @{ surname = 'Hopper' } | Out-Null
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/users/0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01' -Method Patch -Body @{ surname = 'King' } | Out-Null
        $grace = (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'sharefile/state' -Method Get).users | Where-Object email -eq 'grace.hopper@contoso.example'
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'faults' -Body @{ kind = 'Status'; status = 400; pathPrefix = "/sf/v3/Users($($grace.id))"; method = 'PATCH' } | Out-Null
        try {
            $out = @(Invoke-ShareFileSync -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)
        }
        finally {
            Invoke-EmulatorControl -Emulator $script:Emulator -Path 'faults' -Method Delete | Out-Null
        }
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ShareFileSyncActionFailed*'
        $failures[0].TargetObject.DisplayName | Should -BeLike 'Grace*'
        ($out | Where-Object { $_.DisplayName -like 'Ada*' }).Status | Should -Be 'Success'
        $out[-1].Status | Should -Be 'CompletedWithFailures'
        $status = Get-ShareFileProvisioningStatus
        $status.PendingRetries | Should -Be 0
        $status.WaitingCount | Should -Be 1
        $status.Waiting[0] | Should -BeLike 'Grace*'
    }

    It 'refuses a stale saved plan naming what changed' {
        $file = Join-Path $TestDrive 'stale.json'
        Get-ProvisioningPlan -Full -Summary -OutFile $file | Out-Null
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/users/0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01' -Method Patch -Body @{ surname = 'Lovelace' } | Out-Null
        { Invoke-ShareFileSync -Plan $file -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ProvisioningPlanStale,*'
        { Invoke-ShareFileSync -Plan $file -Confirm:$false -ErrorAction Stop } | Should -Throw '*source (Entra ID) changed*'
    }
}

Describe 'Reset-ShareFileProvisioningState' {
    BeforeAll {
        $script:Emulator = Start-Emulator -GraphSeed $script:GraphSeed
        Connect-Both $script:Emulator
        Invoke-ShareFileSync -Confirm:$false | Out-Null
    }
    AfterAll { Stop-Emulator $script:Emulator }

    It 'changes nothing under -WhatIf' {
        Reset-ShareFileProvisioningState -WhatIf
        (Get-ShareFileProvisioningStatus).LinkedUsers | Should -BeGreaterThan 0
    }

    It 'clears the links so the next sync is an initial cycle that re-matches without duplicates' {
        $before = Get-SfEmails $script:Emulator
        $status = Reset-ShareFileProvisioningState -Confirm:$false -PassThru
        $status.LinkedUsers | Should -Be 0
        $status.PendingRetries | Should -Be 0
        $out = @(Invoke-ShareFileSync -Confirm:$false)
        $out[-1].CycleType | Should -Be 'Initial'
        ($out | Where-Object { $_.Action -eq 'Create' }).Count | Should -Be 0
        (Get-SfEmails $script:Emulator | Sort-Object) | Should -Be ($before | Sort-Object)
    }
}

Describe 'Invoke-ShareFileSync killed mid-cycle' {
    BeforeAll {
        $script:Emulator = Start-Emulator -GraphSeed $script:GraphSeed
        Connect-Both $script:Emulator
        $script:Expected = foreach ($i in 1..24) {
            $upn = "bulk.user$i@contoso.example"
            $id = (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/users' -Body @{ userPrincipalName = $upn; mail = $upn; givenName = 'Bulk'; surname = "User$i"; displayName = "Bulk User$i"; accountEnabled = $true }).id
            Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/assignments' -Body @{ principalId = $id } | Out-Null
            $upn
        }
    }
    AfterAll { Stop-Emulator $script:Emulator }

    It 'leaves no duplicate and reaches the same final state when run again' {
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'latency' -Body @{ milliseconds = 150 } | Out-Null
        $child = Join-Path $TestDrive 'sync.ps1'
        ($script:ChildPrelude + "`nInvoke-ShareFileSync -ThrottleLimit 2 -Confirm:`$false | Out-Null`n") | Set-Content $child
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $child, $env:SFP_TEST_MODULE_PATH, $script:Emulator.Uri, $env:SHAREFILEPROVISIONING_HOME, $script:SpId)) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($psi)
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ([DateTime]::UtcNow -lt $deadline -and -not $process.HasExited) {
                $created = @(Get-SfEmails $script:Emulator | Where-Object { $_ -like 'bulk.user*' }).Count
                if ($created -ge 5) { break }
                Start-Sleep -Milliseconds 100
            }
            $process.HasExited | Should -BeFalse -Because 'the child is killed mid-cycle'
            $created | Should -BeGreaterOrEqual 5 -Because 'the kill must land after some creates, or nothing was interrupted'
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true); $process.WaitForExit(10000) | Out-Null }
        }
        $partial = @(Get-SfEmails $script:Emulator | Where-Object { $_ -like 'bulk.user*' }).Count
        $partial | Should -BeLessThan 24
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'latency' -Body @{ milliseconds = 0 } | Out-Null

        $out = @(Invoke-ShareFileSync -Confirm:$false)
        $out[-1].Status | Should -Be 'Succeeded'
        $emails = Get-SfEmails $script:Emulator
        $bulk = @($emails | Where-Object { $_ -like 'bulk.user*' })
        $bulk.Count | Should -Be 24
        ($bulk | Sort-Object -Unique).Count | Should -Be 24
        ($emails | Group-Object | Where-Object Count -gt 1) | Should -BeNullOrEmpty
        (Get-ShareFileProvisioningStatus).LinkedUsers | Should -BeGreaterOrEqual $bulk.Count
        # A further run has nothing left to do.
        @(Invoke-ShareFileSync -Confirm:$false).Count | Should -Be 1
    }
}
