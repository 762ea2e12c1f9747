BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Emulator = Start-Emulator
    $script:Secret = Get-DemoClientSecret
    $script:Admin = Get-DemoCredential
    function Connect-Demo([pscredential] $Credential = $script:Admin, [securestring] $ClientSecret = $script:Secret, [switch] $PassThru) {
        Connect-ShareFile -Subdomain acme -Credential $Credential -ClientId 'sfp-demo-client' -ClientSecret $ClientSecret -BaseUri $script:Emulator.Uri -PassThru:$PassThru
    }
}

AfterAll {
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Stop-Emulator $script:Emulator
}

Describe 'Connect-ShareFile' {
    AfterEach { Disconnect-ShareFile -ErrorAction SilentlyContinue }

    It 'connects and returns the connection with -PassThru, carrying no secret' {
        $connection = Connect-Demo -PassThru
        $connection | Should -BeOfType 'ShareFileProvisioning.ShareFileConnection'
        $connection.Subdomain | Should -Be 'acme'
        $connection.UserName | Should -Be 'admin@acme.com'
        $connection.TokenExpiresOn | Should -BeGreaterThan (Get-Date).ToUniversalTime()
        $text = ($connection | Format-List * | Out-String) + ($connection | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        $text | Should -Not -Match ([regex]::Escape('P@ssw0rd!demo'))
        $text | Should -Not -Match 'sfp-demo-secret'
        $text | Should -Not -Match '\$\$'   # emulator tokens look like <prefix>$$<suffix>
    }

    It 'writes nothing secret to the verbose and debug streams' {
        $DebugPreference = 'Continue'
        $streams = Connect-Demo -Verbose 5>&1 4>&1 | Out-String
        Test-ShareFileConnection -Verbose -Debug 5>&1 4>&1 | Out-String | ForEach-Object { $streams += $_ }
        $streams | Should -Not -BeNullOrEmpty
        $streams | Should -Not -Match ([regex]::Escape('P@ssw0rd!demo'))
        $streams | Should -Not -Match 'sfp-demo-secret'
        $streams | Should -Not -Match '\$\$'
    }

    It 'returns nothing without -PassThru' {
        Connect-Demo | Should -BeNullOrEmpty
    }

    It 'fails with an authentication error naming the cause for a wrong password' {
        $bad = Get-DemoCredential -Password 'wrong'
        $err = { Connect-Demo -Credential $bad } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'user name or password'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Not -Match 'wrong'
    }

    It 'fails with an authentication error for a wrong client secret' {
        $err = { Connect-Demo -ClientSecret (ConvertTo-SecureString 'nope' -AsPlainText -Force) } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'client id or client secret'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'refuses plain http for a host that is not loopback' {
        $err = { Connect-ShareFile -Subdomain acme -Credential $script:Admin -ClientId c -ClientSecret $script:Secret -BaseUri 'http://sharefile.example.com' } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'https'
    }
}

Describe 'Cmdlets that need a connection' {
    It 'fail with NotConnected when there is none' {
        Disconnect-ShareFile -ErrorAction SilentlyContinue
        $err = { Get-ShareFileUser -UserType All } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match 'Connect-ShareFile'
    }

    It 'use -Connection instead of the current connection' {
        $connection = Connect-Demo -PassThru
        Disconnect-ShareFile
        { Get-ShareFileUser -UserType All -ErrorAction Stop } | Should -Throw
        (Get-ShareFileUser -UserType All -Connection $connection | Measure-Object).Count | Should -BeGreaterThan 0
    }
}

Describe 'Test-ShareFileConnection' {
    It 'passes every check for the seeded administrator, groups included' {
        Connect-Demo
        $checks = Test-ShareFileConnection -IncludeGroups
        $checks | Should -Not -BeNullOrEmpty
        $checks | ForEach-Object { $_ | Should -BeOfType 'ShareFileProvisioning.ConnectionCheck' }
        ($checks | Where-Object Status -eq 'Failed') | Should -BeNullOrEmpty
        $checks[-1].Check | Should -Be 'Overall'
        $checks[-1].Passed | Should -BeTrue
        $checks.Check | Should -Contain 'Role AdminSharedDistGroups'
        ($checks | Where-Object Check -eq 'Employee licences').Message | Should -Match '\d+ of \d+'
    }

    It 'returns a single $true with -Quiet' {
        Connect-Demo
        $result = Test-ShareFileConnection -Quiet
        $result | Should -BeOfType [bool]
        $result | Should -BeTrue
    }

    It 'reports a wrong password as data that says what to fix' {
        $checks = Test-ShareFileConnection -Subdomain acme -Credential (Get-DemoCredential -Password 'nope') -ClientId 'sfp-demo-client' -ClientSecret $script:Secret -BaseUri $script:Emulator.Uri
        $failed = $checks | Where-Object Status -eq 'Failed' | Select-Object -First 1
        $failed.Message | Should -Match 'user name or password'
        $checks[-1].Passed | Should -BeFalse
    }

    It 'reports a wrong client secret' {
        $checks = Test-ShareFileConnection -Subdomain acme -Credential $script:Admin -ClientId 'sfp-demo-client' -ClientSecret (ConvertTo-SecureString 'nope' -AsPlainText -Force) -BaseUri $script:Emulator.Uri
        ($checks | Where-Object Status -eq 'Failed' | Select-Object -First 1).Message | Should -Match 'client id or client secret'
        $checks[-1].Passed | Should -BeFalse
    }

    It 'reports an unreachable host' {
        $checks = Test-ShareFileConnection -Subdomain acme -Credential $script:Admin -ClientId 'sfp-demo-client' -ClientSecret $script:Secret -BaseUri 'http://127.0.0.1:9'
        $first = $checks | Where-Object Status -eq 'Failed' | Select-Object -First 1
        $first.Check | Should -Be 'Host reachable'
        $first.Message | Should -Match '127\.0\.0\.1'
        $checks[-1].Passed | Should -BeFalse
    }

    It 'reports each role a non-administrator lacks, by name' {
        $checks = Test-ShareFileConnection -Subdomain acme -Credential (Get-DemoCredential -UserName 'user@acme.com' -Password 'P@ssw0rd!user') -ClientId 'sfp-demo-client' -ClientSecret $script:Secret -BaseUri $script:Emulator.Uri -IncludeGroups
        $failedRoles = ($checks | Where-Object { $_.Status -eq 'Failed' -and $_.Check -like 'Role *' }).Check
        $failedRoles | Should -Contain 'Role AdminManageEmployees'
        $failedRoles | Should -Contain 'Role AdminSharedDistGroups'
        $checks[-1].Passed | Should -BeFalse
    }
}
