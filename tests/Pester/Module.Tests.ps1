BeforeAll {
    $script:ModulePath = $env:SFP_TEST_MODULE_PATH
    Import-Module $script:ModulePath
    $script:Manifest = Import-PowerShellDataFile (Join-Path $script:ModulePath 'ShareFileProvisioning.psd1')
}

Describe 'The built module' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest (Join-Path $script:ModulePath 'ShareFileProvisioning.psd1') -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $exported = (Get-Command -Module ShareFileProvisioning).Name | Sort-Object
        $exported | Should -Be ($script:Manifest.CmdletsToExport | Sort-Object)
    }

    It 'declares both editions and PowerShell 5.1' {
        $script:Manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $script:Manifest.PowerShellVersion | Should -Be '5.1'
        $script:Manifest.Keys | Should -Not -Contain 'NestedModules'
        $script:Manifest.Keys | Should -Not -Contain 'RequiredAssemblies'
    }

    It 'ships the engine and its libraries only under Dependencies/' {
        Test-Path (Join-Path $script:ModulePath 'ShareFileProvisioning.Engine.dll') | Should -BeFalse
        Test-Path (Join-Path $script:ModulePath 'Newtonsoft.Json.dll') | Should -BeFalse
        Test-Path (Join-Path $script:ModulePath 'Dependencies/ShareFileProvisioning.Engine.dll') | Should -BeTrue
        Get-ChildItem $script:ModulePath -Recurse -Filter System.Management.Automation.dll | Should -BeNullOrEmpty
    }

    It '<_> declares a module-owned [OutputType]' -ForEach @(Get-Command -Module ShareFileProvisioning | ForEach-Object Name) {
        $types = (Get-Command $_).OutputType.Name
        $types | Should -Not -BeNullOrEmpty
        $types | ForEach-Object { $_ | Should -Match '^(ShareFileProvisioning\.|System\.Boolean$)' }
    }

    It 'loads the engine and its libraries in its own load context, not the default one' {
        # Any engine call will do: a connection test against a closed loopback port fails fast and loads the engine.
        $credential = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'x' -AsPlainText -Force))
        Test-ShareFileConnection -Subdomain acme -Credential $credential -ClientId c -ClientSecret (ConvertTo-SecureString 'x' -AsPlainText -Force) -BaseUri 'http://127.0.0.1:9' -Quiet |
            Should -BeFalse
        foreach ($name in 'ShareFileProvisioning.Engine', 'Polly.Core') {
            $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq $name }
            $assembly | Should -Not -BeNullOrEmpty -Because "$name should have been loaded by the engine call"
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name | Should -Be 'ShareFileProvisioning'
        }
    }
}
