BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # Profiles (configuration, state) live under the test drive, never in the user's home.
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $env:SHAREFILEPROVISIONING_HOME = Join-Path $TestDrive 'home'

    # The default ShareFile seed plus an account the source will adopt (last name outdated).
    $seedPath = Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/sharefile-default.json'
    $seed = Get-Content $seedPath -Raw | ConvertFrom-Json
    $seed.users += [pscustomobject]@{ email = 'ada.lovelace@contoso.example'; firstName = 'Ada'; lastName = 'Byron'; company = 'Contoso' }
    $script:SeedFile = Join-Path $TestDrive 'sharefile.json'
    $seed | ConvertTo-Json -Depth 10 | Set-Content $script:SeedFile
    $script:Emulator = Start-Emulator -ShareFileSeed $script:SeedFile
    Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $script:Emulator.Uri

    $script:Csv = Join-Path $TestDrive 'users.csv'
    @(
        [pscustomobject]@{ userPrincipalName = 'ada.lovelace@contoso.example'; givenName = 'Ada'; surname = 'Lovelace'; companyName = 'Contoso'; accountEnabled = 'True' }
        [pscustomobject]@{ userPrincipalName = 'new.person@contoso.example'; givenName = 'New'; surname = 'Person'; companyName = 'Contoso'; accountEnabled = 'True' }
        [pscustomobject]@{ userPrincipalName = 'gone.person@contoso.example'; givenName = 'Gone'; surname = 'Person'; companyName = 'Contoso'; accountEnabled = 'False' }
        [pscustomobject]@{ userPrincipalName = 'not-an-email'; givenName = 'Bad'; surname = 'Address'; companyName = 'Contoso'; accountEnabled = 'True' }
    ) | Export-Csv -Path $script:Csv -NoTypeInformation
}

AfterAll {
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Stop-Emulator $script:Emulator
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'Get-ProvisioningPlan' {
    It 'plans CSV rows from the pipeline: adopt, create and skips with reasons, then a summary' {
        $out = @(Import-Csv $script:Csv | Get-ProvisioningPlan)
        $items = $out | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] }
        $summary = $out[-1]
        $summary | Should -BeOfType 'ShareFileProvisioning.ProvisioningPlanSummary'
        @($items).Count | Should -Be 4

        $ada = $items | Where-Object UserPrincipalName -eq 'ada.lovelace@contoso.example'
        $ada.Action | Should -Be 'Adopt'
        $ada.TargetId | Should -Not -BeNullOrEmpty
        $ada.Changes.Count | Should -Be 1
        $ada.Changes[0].Attribute | Should -Be 'LastName'
        $ada.Changes[0].OldValue | Should -Be 'Byron'
        $ada.Changes[0].NewValue | Should -Be 'Lovelace'
        ($items | Where-Object UserPrincipalName -eq 'new.person@contoso.example').Action | Should -Be 'Create'
        ($items | Where-Object UserPrincipalName -eq 'gone.person@contoso.example').SkipReason | Should -Be 'NotProvisionedDisabled'
        ($items | Where-Object UserPrincipalName -eq 'not-an-email').SkipReason | Should -Be 'InvalidEmail'

        $summary.Create | Should -Be 1
        $summary.Adopt | Should -Be 1
        $summary.Skip | Should -Be 2
        $summary.CycleType | Should -Be 'Initial'
        $summary.LicenceUserMax | Should -Be 50
        $summary.EmployeesAdded | Should -Be 1
        $summary.Unmanaged | Should -Be 0   # piped users are a list, not the whole scope
        $summary.ThresholdExceeded | Should -BeFalse
    }

    It 'gives each item its import, scoping and matching steps' {
        $item = Import-Csv $script:Csv | Get-ProvisioningPlan | Where-Object UserPrincipalName -eq 'new.person@contoso.example'
        $item.Steps.Name | Should -Be @('EntryImport', 'EntrySynchronizationScoping', 'EntrySynchronizationAdd')
        $item.Steps[1].Details['Assigned'] | Should -Be 'True'
    }

    It 'emits only the summary with -Summary' {
        $out = @(Import-Csv $script:Csv | Get-ProvisioningPlan -Summary)
        $out.Count | Should -Be 1
        $out[0] | Should -BeOfType 'ShareFileProvisioning.ProvisioningPlanSummary'
        ($out[0] | Format-List | Out-String) | Should -Match 'Licence\s+: \d+ \+ 1 − 0 = \d+ of 50'
    }

    It 'saves the plan with its fingerprints to -OutFile' {
        $file = Join-Path $TestDrive 'plan.json'
        $summary = Import-Csv $script:Csv | Get-ProvisioningPlan -Summary -OutFile $file
        $summary.OutFile | Should -Be $file
        $saved = Get-Content $file -Raw | ConvertFrom-Json
        $saved.planId | Should -Be $summary.PlanId
        $saved.basis.sourceFingerprint | Should -Be $summary.SourceFingerprint
        $saved.basis.targetFingerprint | Should -Match '^sha256:[0-9a-f]{64}$'
        $saved.basis.configurationFingerprint | Should -Be $summary.ConfigurationFingerprint
        @($saved.items).Count | Should -Be 4
    }

    It 'changes nothing in ShareFile and writes no state' {
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Delete | Out-Null
        Import-Csv $script:Csv | Get-ProvisioningPlan | Out-Null
        $requests = Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Get
        $counts = if ($requests.counts) { $requests.counts } else { $requests }
        $writes = $counts.PSObject.Properties.Name | Where-Object { $_ -match '^(POST|PATCH|PUT|DELETE) /sf/' }
        $writes | Should -BeNullOrEmpty
        $counts.PSObject.Properties.Name | Where-Object { $_ -match '^GET /sf/' } | Should -Not -BeNullOrEmpty
        Test-Path (Join-Path $env:SHAREFILEPROVISIONING_HOME 'profiles/acme/state') | Should -BeFalse
    }

    It 'shows items as a table of at most five columns' {
        $text = Import-Csv $script:Csv | Get-ProvisioningPlan | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] } | Format-Table | Out-String -Width 200
        $text | Should -Match 'Action\s+Type\s+DisplayName\s+Details\s+TargetId'
        $text | Should -Match 'Adopt'
    }

    It 'uses the configuration of -ConfigurationPath and names the field of an invalid one' {
        $bad = Join-Path $TestDrive 'bad-config.json'
        '{"schemaVersion":1,"deletionThreshold":{"count":-1}}' | Set-Content $bad
        { Import-Csv $script:Csv | Get-ProvisioningPlan -ConfigurationPath $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidProvisioningConfiguration,*'
    }

    It 'says to connect the source when there is neither a source connection nor pipeline input' {
        Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
        { Get-ProvisioningPlan -ErrorAction Stop } | Should -Throw -ErrorId 'SourceNotConnected,*'
    }
}

Describe 'Get-ProvisioningPlan with Entra ID' {
    BeforeAll {
        $script:Graph = Start-Emulator -ShareFileSeed $script:SeedFile -GraphSeed (Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/graph-default.json')
        Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $script:Graph.Uri
        $token = ConvertTo-SecureString 'any-token' -AsPlainText -Force
        Connect-ProvisioningSource -AccessToken $token -ServicePrincipalId '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9' -GraphBaseUri "$($script:Graph.Uri)/v1.0"
    }

    AfterAll {
        Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
        Stop-Emulator $script:Graph
    }

    It 'plans the assigned users: Ada adopted, Grace created, the disabled Dennis skipped' {
        $items = @(Get-ProvisioningPlan -Full | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] })
        ($items | Where-Object UserPrincipalName -eq 'ada.lovelace@contoso.example').Action | Should -Be 'Adopt'
        ($items | Where-Object UserPrincipalName -eq 'grace.hopper@contoso.example').Action | Should -Be 'Create'
        ($items | Where-Object UserPrincipalName -eq 'dennis.ritchie@contoso.example').SkipReason | Should -Be 'NotProvisionedDisabled'
    }

    It 'plans one user with -UserPrincipalName' {
        $out = @(Get-ProvisioningPlan -UserPrincipalName 'grace.hopper@contoso.example')
        $out.Count | Should -Be 2
        $out[0].Action | Should -Be 'Create'
        $out[1].Unmanaged | Should -Be 0
    }
}
