# New-ShareFileStateStoreConnection: the -StateStore option for runbooks (state in Azure Blob Storage).
BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    $script:Account = 'https://contosoprov.blob.core.windows.net'
    $script:SasText = 'sv=2025-01-05&ss=b&srt=co&sp=racwdl&se=2030-01-01T00%3A00%3A00Z&sig=VerySecretSignature0123456789%3D'
    $script:ConnectionText = 'DefaultEndpointsProtocol=https;AccountName=contosoprov;AccountKey=U2VjcmV0QWNjb3VudEtleUZvclRlc3RzT25seQ==;EndpointSuffix=core.windows.net'
    function ConvertTo-Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
    # Everything a user could see or persist of the object.
    function Get-VisibleText($Object) {
        ($Object | Format-Table | Out-String) + ($Object | Format-List * | Out-String) + ($Object | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue) + "$Object"
    }
}

Describe 'New-ShareFileStateStoreConnection' {
    It 'describes a container reached with the managed identity' {
        $c = New-ShareFileStateStoreConnection -ContainerUri "$script:Account/sfprov-contoso" -Identity
        $c | Should -BeOfType 'ShareFileProvisioning.ShareFileStateStoreConnection'
        $c.StoreType | Should -Be 'AzureBlob'
        $c.ContainerUri | Should -Be "$script:Account/sfprov-contoso"
        $c.Authentication | Should -Be 'ManagedIdentity'
        $c.ManagedIdentityClientId | Should -BeNullOrEmpty
    }

    It 'keeps a user-assigned identity''s client id' {
        $c = New-ShareFileStateStoreConnection $script:Account -Identity -ManagedIdentityClientId '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' -ContainerName 'sfprov-fabrikam'
        ($c.ManagedIdentityClientId, $c.ContainerName) | Should -Be @('3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', 'sfprov-fabrikam')
    }

    It 'never shows a SAS token, even one pasted into the URL' {
        $c = New-ShareFileStateStoreConnection -ContainerUri "$script:Account/sfprov-contoso?$script:SasText" -SasToken (ConvertTo-Secure $script:SasText)
        $c.Authentication | Should -Be 'SasToken'
        $c.ContainerUri | Should -Be "$script:Account/sfprov-contoso"
        $text = Get-VisibleText $c
        $text | Should -Match 'sfprov-contoso'
        $text | Should -Not -Match 'VerySecretSignature'
        $text | Should -Not -Match 'sig='
    }

    It 'accepts a whole SAS URL without -ContainerUri and hides it' {
        $c = New-ShareFileStateStoreConnection -SasToken (ConvertTo-Secure "$script:Account/sfprov-contoso?$script:SasText")
        $c.ContainerUri | Should -Be '(from the SAS URL)'
        Get-VisibleText $c | Should -Not -Match 'VerySecretSignature'
    }

    It 'never shows a connection string''s account key' {
        $c = New-ShareFileStateStoreConnection -ConnectionString (ConvertTo-Secure $script:ConnectionText) -ContainerName 'sfprov-contoso'
        $c.Authentication | Should -Be 'ConnectionString'
        $c.ContainerName | Should -Be 'sfprov-contoso'
        $text = Get-VisibleText $c
        $text | Should -Not -Match 'U2VjcmV0QWNjb3VudEtleUZvclRlc3RzT25seQ'
        $text | Should -Not -Match 'AccountKey'
    }

    It 'refuses a connection string without a container, naming what is missing' {
        { New-ShareFileStateStoreConnection -ConnectionString (ConvertTo-Secure $script:ConnectionText) -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidStateStoreConnection,ShareFileProvisioning.Cmdlets.State.NewShareFileStateStoreConnectionCommand' -ExpectedMessage '*container name*'
    }

    It 'refuses plain http to a remote account and an invalid container name' {
        { New-ShareFileStateStoreConnection -ContainerUri 'http://contosoprov.blob.core.windows.net/sfprov-contoso' -Identity -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*must use https*'
        { New-ShareFileStateStoreConnection -ContainerUri $script:Account -ContainerName 'Bad_Name' -Identity -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*'Bad_Name' is not a valid blob container name*"
    }

    It 'refuses an http SAS URL and an http connection string to a remote account without showing the secret' {
        $sasUrl = ConvertTo-Secure "http://contosoprov.blob.core.windows.net/sfprov-contoso?$script:SasText"
        { New-ShareFileStateStoreConnection -SasToken $sasUrl -ErrorAction Stop } | Should -Throw -ExpectedMessage '*SAS URL*must use https*'
        foreach ($text in @($script:ConnectionText -replace 'https', 'http'), "BlobEndpoint=http://contosoprov.blob.core.windows.net/;SharedAccessSignature=$script:SasText") {
            $e = { New-ShareFileStateStoreConnection -ConnectionString (ConvertTo-Secure $text) -ContainerName 'sfprov-contoso' -ErrorAction Stop } |
                Should -Throw -ExpectedMessage '*connection string*must use https*' -PassThru
            "$e" | Should -Not -Match 'VerySecretSignature|U2VjcmV0QWNjb3VudEtleUZvclRlc3RzT25seQ'
        }
    }

    It 'allows http on loopback for Azurite' {
        (New-ShareFileStateStoreConnection -ContainerUri 'http://127.0.0.1:10000/devstoreaccount1/sfprov-lab' -Identity).ContainerUri |
            Should -Be 'http://127.0.0.1:10000/devstoreaccount1/sfprov-lab'
    }

    It 'returns nothing with -WhatIf' {
        New-ShareFileStateStoreConnection -ContainerUri "$script:Account/sfprov-contoso" -Identity -WhatIf | Should -BeNullOrEmpty
    }
}
