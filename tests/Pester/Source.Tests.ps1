BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Emulator = Start-Emulator
    # Ids and credentials of tests/ShareFileProvisioning.Emulator/seeds/graph-default.json
    $script:Tenant = '7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f'
    $script:SpId = '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9'
    $script:ClientId = 'c0ffee00-1234-4abc-8def-0123456789ab'
    $script:Graph = "$($script:Emulator.Uri)/v1.0"
    function Get-Secret([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
    function Connect-Source {
        param([string] $Secret = 'emulator-secret-value', [string] $Client = $script:ClientId, [switch] $PassThru)
        Connect-ProvisioningSource -TenantId $script:Tenant -ServicePrincipalId $script:SpId -ClientId $Client -ClientSecret (Get-Secret $Secret) `
            -GraphBaseUri $script:Graph -AuthorityHost $script:Emulator.Uri -PassThru:$PassThru
    }
    function Connect-Token([string] $Token) {
        Connect-ProvisioningSource -AccessToken (Get-Secret $Token) -ServicePrincipalId $script:SpId -GraphBaseUri $script:Graph -PassThru
    }
}

AfterAll {
    Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    Stop-Emulator $script:Emulator
}

Describe 'Connect-ProvisioningSource' {
    AfterEach { Disconnect-ProvisioningSource -ErrorAction SilentlyContinue }

    It 'signs in with a client secret (Azure.Identity against the emulator authority) and shows no secret' {
        $connection = Connect-Source -PassThru
        $connection | Should -BeOfType 'ShareFileProvisioning.ProvisioningSourceConnection'
        $connection.AuthenticationType | Should -Be 'ClientSecret'
        $connection.AppDisplayName | Should -Be 'Citrix ShareFile'
        $connection.ServicePrincipalId | Should -Be $script:SpId
        $text = ($connection | Format-List * | Out-String) + ($connection | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        $text | Should -Not -Match 'emulator-secret-value'
    }

    It 'resolves the enterprise app by app id and by display name' {
        (Connect-ProvisioningSource -AccessToken (Get-Secret 'any') -AppId '3a1f5e2d-4c6b-4a8e-9f0d-1b2c3d4e5f60' -GraphBaseUri $script:Graph -PassThru).ServicePrincipalId | Should -Be $script:SpId
        (Connect-ProvisioningSource -AccessToken (Get-Secret 'any') -AppDisplayName 'Citrix ShareFile' -GraphBaseUri $script:Graph -PassThru).ServicePrincipalId | Should -Be $script:SpId
    }

    It 'requires exactly one way to name the app' {
        $err = { Connect-ProvisioningSource -AccessToken (Get-Secret 'any') -GraphBaseUri $script:Graph } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^InvalidArgument'
        $err.Exception.Message | Should -Match 'ServicePrincipalId'
    }

    It 'signs in with a certificate file (.pfx with password)' {
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=SFP Pester', $rsa,
            [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $cert = $request.CreateSelfSigned([datetimeoffset]::UtcNow.AddDays(-1), [datetimeoffset]::UtcNow.AddDays(7))
        $pfx = Join-Path $TestDrive 'app.pfx'
        [IO.File]::WriteAllBytes($pfx, $cert.Export('Pfx', 'pfx-pass'))
        $connection = Connect-ProvisioningSource -TenantId $script:Tenant -ClientId $script:ClientId -CertificatePath $pfx -CertificatePassword (Get-Secret 'pfx-pass') `
            -ServicePrincipalId $script:SpId -GraphBaseUri $script:Graph -AuthorityHost $script:Emulator.Uri -PassThru
        $connection.AuthenticationType | Should -Be 'Certificate'
        (Connect-ProvisioningSource -TenantId $script:Tenant -ClientId $script:ClientId -Certificate $cert `
            -ServicePrincipalId $script:SpId -GraphBaseUri $script:Graph -AuthorityHost $script:Emulator.Uri -PassThru).AuthenticationType | Should -Be 'Certificate'
    }

    It 'signs in with a managed identity exposed as Azure Automation does (IDENTITY_ENDPOINT / IDENTITY_HEADER)' {
        $saved = $env:IDENTITY_ENDPOINT, $env:IDENTITY_HEADER
        try {
            $env:IDENTITY_ENDPOINT = "$($script:Emulator.Uri)/_msi/token"
            $env:IDENTITY_HEADER = 'emulator-identity-header'
            $connection = Connect-ProvisioningSource -Identity -ServicePrincipalId $script:SpId -GraphBaseUri $script:Graph -PassThru
            $connection.AuthenticationType | Should -Be 'ManagedIdentity'
            (Get-ProvisioningScope -SourceConnection $connection -ObjectType User).Count | Should -Be 5
        }
        finally {
            $env:IDENTITY_ENDPOINT, $env:IDENTITY_HEADER = $saved
        }
    }

    It 'signs in with an access token' {
        (Connect-Token 'any-token').AuthenticationType | Should -Be 'AccessToken'
    }

    It 'fails with an authentication error for a wrong client secret, without echoing it' {
        $err = { Connect-Source -Secret 'wrong-secret-123' } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.FullyQualifiedErrorId | Should -Match '^SourceAuthenticationFailed'
        $err.Exception.Message | Should -Match 'AADSTS7000215'
        $err.Exception.Message | Should -Not -Match 'wrong-secret-123'
    }

    It 'fails naming Application.Read.All when the app cannot be read' {
        $err = { Connect-Token 'no-permissions' } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^GraphPermissionMissing'
        $err.Exception.Message | Should -Match 'Application\.Read\.All'
    }
}

Describe 'Get-ProvisioningScope' {
    BeforeAll { Connect-Source }
    AfterAll { Disconnect-ProvisioningSource }

    It 'lists assigned groups and in-scope users with why they are in scope' {
        $scope = Get-ProvisioningScope
        $scope | ForEach-Object { $_ | Should -BeOfType 'ShareFileProvisioning.ProvisioningScopeEntry' }
        ($scope | Where-Object ObjectType -eq 'Group').Name | Should -Be 'ShareFile Users'
        $users = $scope | Where-Object ObjectType -eq 'User'
        $users.Name | Should -Not -Contain 'linus.torvalds@contoso.example'   # nested group: not expanded
        ($users | Where-Object Name -eq 'alan.turing@contoso.example').Reasons.AppRoleName | Should -Be 'Default Access'
        ($users | Where-Object Name -eq 'grace.hopper@contoso.example').Reason | Should -Match 'via group ShareFile Users'
        ($users | Where-Object Name -eq 'dennis.ritchie@contoso.example').IsSoftDeleted | Should -BeTrue
        ($scope | Format-Table | Out-String) | Should -Match 'assigned directly'
    }

    It 'explains why a user is not in scope' {
        $linus = Get-ProvisioningScope -UserPrincipalName 'linus.torvalds@contoso.example'
        $linus.InScope | Should -BeFalse
        $linus.IsSoftDeleted | Should -BeTrue
        ($linus.Notes -join ' ') | Should -Match 'nested'
        $missing = Get-ProvisioningScope -UserPrincipalName 'nobody@contoso.example'
        $missing.InScope | Should -BeFalse
        ($missing.Notes -join ' ') | Should -Match 'No user or group'
    }

    It 'explains a group and a user by object id' {
        (Get-ProvisioningScope -ObjectId '8ce3be9f-aaaa-4a0b-8c1d-2e3f4a5b6c01').Reasons.AppRoleName | Should -Be 'Group'
        $ada = Get-ProvisioningScope -ObjectId '0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01'
        $ada.InScope | Should -BeTrue
        $ada.Reasons.Kind | Should -Be 'AssignedDirectly'
    }

    It 'takes users from the pipeline (Import-Csv style objects) without Entra' {
        $rows = @(
            [pscustomobject]@{ userPrincipalName = 'csv.one@contoso.example'; mail = 'csv.one@contoso.example'; accountEnabled = 'True' }
            [pscustomobject]@{ userPrincipalName = 'csv.two@contoso.example'; Enabled = $false }
        )
        $entries = $rows | Get-ProvisioningScope
        $entries.Name | Should -Be @('csv.one@contoso.example', 'csv.two@contoso.example')
        $entries[1].IsSoftDeleted | Should -BeTrue
        $entries[0].Reasons.Kind | Should -Be 'Supplied'
    }

    It 'fails naming User.Read.All when the token lacks it' {
        $limited = Connect-Token 'no-user-read'
        $err = { Get-ProvisioningScope -SourceConnection $limited } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^GraphPermissionMissing'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.Exception.Message | Should -Match 'User\.Read\.All'
    }
}

Describe 'Test-ProvisioningSource' {
    AfterEach { Disconnect-ProvisioningSource -ErrorAction SilentlyContinue }

    It 'reports every check as passed for a fully permitted app' {
        Connect-Source
        $checks = Test-ProvisioningSource
        $checks | ForEach-Object { $_ | Should -BeOfType 'ShareFileProvisioning.ConnectionCheck' }
        $checks.System | Select-Object -Unique | Should -Be 'Entra ID'
        $checks.Check | Should -Contain 'Permission GroupMember.Read.All'
        ($checks | Where-Object Check -eq 'Assignments').Message | Should -Match '4 assignments'
        $checks[-1].Check | Should -Be 'Overall'
        Test-ProvisioningSource -Quiet | Should -BeTrue
    }

    It 'fails the permission check it lacks, by name' {
        Connect-Source -Client 'c0ffee00-5678-4abc-8def-0123456789ab' -Secret 'emulator-secret-no-users'
        $checks = Test-ProvisioningSource
        ($checks | Where-Object Check -eq 'Permission User.Read.All').Status | Should -Be 'Failed'
        ($checks | Where-Object Check -eq 'Permission User.Read.All').Message | Should -Match 'User\.Read\.All'
        Test-ProvisioningSource -Quiet | Should -BeFalse
    }

    It 'fails with SourceNotConnected after Disconnect-ProvisioningSource' {
        Connect-Source
        Disconnect-ProvisioningSource
        $err = { Test-ProvisioningSource } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^SourceNotConnected'
    }
}
