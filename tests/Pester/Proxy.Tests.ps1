# -Proxy, -ProxyCredential: every ShareFile, Graph and Entra token request goes through a real forward proxy
# (tinyproxy), proven by comparing the proxy's own log with the emulator's request log; an authenticating proxy
# answers 407 without the credential and forwards with it. The password never shows.
BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestProxy.psm1') -Force
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $env:SHAREFILEPROVISIONING_HOME = Join-Path $TestDrive 'home'
    $script:Emulator = Start-Emulator
    $script:OpenProxy = Start-TestProxy -Directory (Join-Path $TestDrive 'open-proxy')
    $script:ProxyPassword = 'Pr0xy-p4ss-9271'
    $script:AuthProxy = Start-TestProxy -Directory (Join-Path $TestDrive 'auth-proxy') -UserName 'sfp-proxy-user' -Password $script:ProxyPassword
    $script:ProxyCredential = [pscredential]::new('sfp-proxy-user', (ConvertTo-SecureString $script:ProxyPassword -AsPlainText -Force))

    function script:Connect-ShareFileVia([string] $Proxy, [pscredential] $ProxyCredential) {
        $extra = @{}
        if ($ProxyCredential) { $extra.ProxyCredential = $ProxyCredential }
        Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) `
            -BaseUri $script:Emulator.Uri -Proxy $Proxy @extra
    }

    function script:Connect-SourceVia([string] $Proxy, [pscredential] $ProxyCredential) {
        # Ids and credentials of tests/ShareFileProvisioning.Emulator/seeds/graph-default.json
        $extra = @{}
        if ($ProxyCredential) { $extra.ProxyCredential = $ProxyCredential }
        Connect-ProvisioningSource -TenantId '7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f' -ServicePrincipalId '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9' `
            -ClientId 'c0ffee00-1234-4abc-8def-0123456789ab' -ClientSecret (ConvertTo-SecureString 'emulator-secret-value' -AsPlainText -Force) `
            -GraphBaseUri "$($script:Emulator.Uri)/v1.0" -AuthorityHost $script:Emulator.Uri -Proxy $Proxy @extra
    }

    function script:Get-Kind([string] $Route) {
        <# ShareFile token, ShareFile API, Graph, or Entra (token and authority metadata requests). #>
        $path = ($Route -split ' ', 2)[1]
        if ($path -like '/oauth/token*') { 'ShareFileToken' }
        elseif ($path -like '/sf/v3/*') { 'ShareFileApi' }
        elseif ($path -like '/v1.0/*') { 'Graph' }
        else { 'EntraToken' }
    }

    function script:Get-EmulatorKinds {
        <# The emulator's own request log (control calls excluded), counted by kind; steps inside a $batch are not on the wire. #>
        $counts = (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Get).counts
        $kinds = @{ ShareFileToken = 0; ShareFileApi = 0; Graph = 0; EntraToken = 0 }
        foreach ($p in $counts.PSObject.Properties | Where-Object Name -notlike '* in $batch') { $kinds[(Get-Kind $p.Name)] += [int]$p.Value }
        $kinds
    }

    function script:Get-ProxyKinds([string[]] $Requests) {
        $kinds = @{ ShareFileToken = 0; ShareFileApi = 0; Graph = 0; EntraToken = 0 }
        foreach ($r in $Requests) { $kinds[(Get-Kind $r)]++ }
        $kinds
    }
}

AfterAll {
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    Stop-TestProxy $script:OpenProxy
    Stop-TestProxy $script:AuthProxy
    Stop-Emulator $script:Emulator
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'An explicit proxy' {
    It 'carries every ShareFile, Graph and token request, and none goes around it' {
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Delete | Out-Null
        Connect-ShareFileVia $script:OpenProxy.Uri
        Test-ShareFileConnection -Quiet | Should -BeTrue
        Connect-SourceVia $script:OpenProxy.Uri
        @(Get-ProvisioningScope).Count | Should -BeGreaterThan 0
        @(Get-ProvisioningPlan).Count | Should -BeGreaterThan 0

        $emulator = Get-EmulatorKinds
        $log = Get-ProxyLog -Proxy $script:OpenProxy -Upstream $script:Emulator.Uri
        foreach ($kind in 'ShareFileToken', 'ShareFileApi', 'Graph', 'EntraToken') {
            $emulator[$kind] | Should -BeGreaterThan 0 -Because "the scenario makes $kind requests"
            (Get-ProxyKinds $log.Requests)[$kind] | Should -Be $emulator[$kind] -Because "every $kind request the emulator saw came through the proxy"
        }
        $total = ($emulator.Values | Measure-Object -Sum).Sum
        $log.Forwarded | Should -Be $total -Because 'the proxy opened one upstream connection per request the emulator received'
    }
}

Describe 'An authenticating proxy' {
    BeforeEach { Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Delete | Out-Null }
    AfterEach {
        Disconnect-ShareFile -ErrorAction SilentlyContinue
        Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    }

    It 'answers 407 to a request without its credential' {
        $handler = [System.Net.Http.HttpClientHandler]::new()
        $handler.Proxy = [System.Net.WebProxy]::new([uri]$script:AuthProxy.Uri)   # BypassProxyOnLocal is false
        $client = [System.Net.Http.HttpClient]::new($handler)
        try { $status = [int]$client.GetAsync("$($script:Emulator.Uri)/sf/v3/Users").GetAwaiter().GetResult().StatusCode } finally { $client.Dispose() }
        $status | Should -Be 407
        (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Get).total | Should -Be 0
    }

    It 'refuses Connect-ShareFile and Connect-ProvisioningSource without -ProxyCredential, saying what to give' {
        $before = (Get-ProxyLog -Proxy $script:AuthProxy -Upstream $script:Emulator.Uri)
        $err = { Connect-ShareFileVia $script:AuthProxy.Uri } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'proxy'
        $err.Exception.Message | Should -Match 'ProxyCredential'
        $err = { Connect-SourceVia $script:AuthProxy.Uri } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'proxy'
        $err.Exception.Message | Should -Match 'ProxyCredential'
        $after = Get-ProxyLog -Proxy $script:AuthProxy -Upstream $script:Emulator.Uri
        $after.Requests.Count | Should -BeGreaterThan $before.Requests.Count
        $after.Forwarded | Should -Be $before.Forwarded -Because 'nothing was forwarded without the credential'
        (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Get).total | Should -Be 0
    }

    It 'forwards ShareFile, Graph and token requests with -ProxyCredential, and only through itself' {
        $before = (Get-ProxyLog -Proxy $script:AuthProxy -Upstream $script:Emulator.Uri).Forwarded
        Connect-ShareFileVia $script:AuthProxy.Uri $script:ProxyCredential
        Test-ShareFileConnection -Quiet | Should -BeTrue
        Connect-SourceVia $script:AuthProxy.Uri $script:ProxyCredential
        @(Get-ProvisioningScope).Count | Should -BeGreaterThan 0

        $emulator = Get-EmulatorKinds
        foreach ($kind in 'ShareFileToken', 'ShareFileApi', 'Graph', 'EntraToken') { $emulator[$kind] | Should -BeGreaterThan 0 -Because $kind }
        $total = ($emulator.Values | Measure-Object -Sum).Sum
        (Get-ProxyLog -Proxy $script:AuthProxy -Upstream $script:Emulator.Uri).Forwarded - $before | Should -Be $total
    }

    It 'never shows the proxy password in output, streams or errors' {
        $DebugPreference = 'Continue'
        $connection = Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) `
            -BaseUri $script:Emulator.Uri -Proxy $script:AuthProxy.Uri -ProxyCredential $script:ProxyCredential -PassThru -Verbose 5>&1 4>&1
        $text = ($connection | Format-List * | Out-String) + ($connection | Where-Object { $_ -is [ShareFileProvisioning.ShareFileConnection] } | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        $text += Test-ShareFileConnection -Verbose -Debug 5>&1 4>&1 | Out-String
        $DebugPreference = 'SilentlyContinue'
        $wrong = [pscredential]::new('sfp-proxy-user', (ConvertTo-SecureString 'Wr0ng-pr0xy-pass' -AsPlainText -Force))
        $err = { Connect-ShareFileVia $script:AuthProxy.Uri $wrong } | Should -Throw -PassThru
        $text += $err.Exception.ToString()
        $text | Should -Not -BeNullOrEmpty
        $text | Should -Not -Match ([regex]::Escape($script:ProxyPassword))
        $text | Should -Not -Match 'Wr0ng-pr0xy-pass'
    }
}

Describe 'The blob state store behind a proxy' {
    BeforeAll {
        $script:AzuriteLog = Join-Path $TestDrive 'azurite-debug.log'
        $script:Azurite = Start-Azurite -WorkDirectory (Join-Path $TestDrive 'azurite') -DebugLog $script:AzuriteLog
        $script:Configuration = Join-Path $TestDrive 'acme.json'
        Export-ShareFileProvisioningConfiguration -Profile acme -Path $script:Configuration
    }
    AfterAll {
        Disconnect-ShareFile -ErrorAction SilentlyContinue
        Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
        Stop-Azurite $script:Azurite
    }

    It 'sends every blob request of a sync through the proxy' {
        Connect-ShareFileVia $script:OpenProxy.Uri
        Connect-SourceVia $script:OpenProxy.Uri
        $store = New-ShareFileStateStoreConnection -ConnectionString (ConvertTo-SecureString $script:Azurite.ConnectionString -AsPlainText -Force) `
            -ContainerName 'sfprov-proxy' -Proxy $script:OpenProxy.Uri
        $summary = Invoke-ShareFileSync -Profile acme -ConfigurationPath $script:Configuration -StateStore $store -Confirm:$false | Select-Object -Last 1
        $summary | Should -BeOfType 'ShareFileProvisioning.ShareFileSyncSummary'

        # Azurite's own log: every request it received carries the proxy's Via header.
        $received = @(Get-Content $script:AzuriteLog | Where-Object { $_ -match 'BlobStorageContextMiddleware: RequestMethod=' })
        $received.Count | Should -BeGreaterThan 3 -Because 'the sync reads and writes its state, lock and log blobs'
        $received | Where-Object { $_ -notmatch '"via":"1\.1 sfp-test-proxy' } | Should -BeNullOrEmpty
        (Get-ProxyLog -Proxy $script:OpenProxy -Upstream $script:Azurite.AccountUri).Forwarded | Should -Be $received.Count
    }
}

Describe 'Proxy parameters' {
    It 'refuses a proxy address with a password in it, naming the parameter to use' {
        $err = { Connect-ShareFileVia 'http://user:inline-secret@127.0.0.1:3128' } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'ProxyCredential'
        $err.Exception.Message | Should -Not -Match 'inline-secret'
    }

    It 'refuses -ProxyCredential together with -ProxyUseDefaultCredentials' {
        { Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $script:Emulator.Uri `
                -Proxy $script:AuthProxy.Uri -ProxyCredential $script:ProxyCredential -ProxyUseDefaultCredentials } | Should -Throw -ExpectedMessage '*not both*'
    }
}
