BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Emulator = Start-Emulator
    Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $script:Emulator.Uri
    $script:State = Invoke-EmulatorControl -Emulator $script:Emulator -Path 'state' -Method Get
}

AfterAll {
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Stop-Emulator $script:Emulator
}

Describe 'Get-ShareFileUser' {
    It 'lists employees and clients separately and together' {
        $employees = @(Get-ShareFileUser -UserType Employee)
        $clients = @(Get-ShareFileUser -UserType Client)
        $all = @(Get-ShareFileUser)
        $employees | ForEach-Object { $_.UserType | Should -Be 'Employee' }
        $clients | ForEach-Object { $_.UserType | Should -Be 'Client' }
        $all.Count | Should -Be ($employees.Count + $clients.Count)
        $all.Count | Should -Be @($script:State.users).Count
    }

    It 'finds one user by email, ignoring case' {
        $email = ($script:State.users | Select-Object -First 1).email
        $user = Get-ShareFileUser -Email $email.ToUpperInvariant()
        $user | Should -BeOfType 'ShareFileProvisioning.ShareFileUser'
        $user.Email | Should -Be $email
    }

    It 'finds one user by id' {
        $seeded = $script:State.users | Select-Object -First 1
        (Get-ShareFileUser -Id $seeded.id).Email | Should -Be $seeded.email
    }

    It 'takes emails from the pipeline by property name (Import-Csv shape)' {
        $rows = $script:State.users | Select-Object -First 2 | ForEach-Object { [pscustomobject]@{ UserPrincipalName = $_.email } }
        $found = $rows | Get-ShareFileUser
        @($found).Count | Should -Be 2
    }

    It 'writes a non-terminating ShareFileUserNotFound error for an unknown email and goes on' {
        $known = ($script:State.users | Select-Object -First 1).email
        $found = 'nobody@acme.com', $known | Get-ShareFileUser -ErrorVariable errs -ErrorAction SilentlyContinue
        @($found).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ShareFileUserNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'nobody@acme.com'
    }
}

Describe 'Get-ShareFileGroup' {
    It 'lists distribution groups, with members on request' {
        $groups = @(Get-ShareFileGroup -IncludeMembers)
        $groups.Count | Should -Be @($script:State.groups).Count
        $withMembers = $groups | Where-Object { $_.Members.Count -gt 0 } | Select-Object -First 1
        $withMembers | Should -Not -BeNullOrEmpty
        $withMembers.Members[0] | Should -BeOfType 'ShareFileProvisioning.ShareFileGroupMember'
    }

    It 'gets one group by id from the pipeline' {
        $group = Get-ShareFileGroup | Select-Object -First 1
        ($group | Get-ShareFileGroup).Name | Should -Be $group.Name
    }

    It 'filters by name with wildcards' {
        $group = Get-ShareFileGroup | Select-Object -First 1
        $pattern = $group.Name.Substring(0, 2) + '*'
        (Get-ShareFileGroup -Name $pattern).Name | Should -Contain $group.Name
    }
}
