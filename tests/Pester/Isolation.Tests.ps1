BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Emulator = Start-Emulator
    # $env:SFP_TEST_PESTER_PATH is <packages>/pester/5.7.1/tools/Pester.psd1
    $packages = Split-Path (Split-Path (Split-Path (Split-Path $env:SFP_TEST_PESTER_PATH)))
    $script:OlderPolly = Join-Path $packages 'polly.core/8.4.2/lib/netstandard2.0/Polly.Core.dll'
    $script:Child = Join-Path $PSScriptRoot 'Isolation.Child.ps1'
}

AfterAll { Stop-Emulator $script:Emulator }

Describe 'Dependency isolation' {
    It 'works in a session that already loaded an older Polly.Core, and keeps its own private copy' {
        Test-Path $script:OlderPolly | Should -BeTrue -Because 'tests/tools restores Polly.Core 8.4.2 for this test'
        # A fresh process: binary modules cannot unload, and the older copy must own the default context first.
        $json = Invoke-FreshPwsh -File $script:Child `
            -OlderPolly $script:OlderPolly -ModulePath $env:SFP_TEST_MODULE_PATH -Uri $script:Emulator.Uri
        $LASTEXITCODE | Should -Be 0
        $result = $json | Select-Object -Last 1 | ConvertFrom-Json

        $result.Passed | Should -BeTrue
        $result.Users | Should -BeGreaterThan 0
        # Polly keeps AssemblyVersion 8.0.0.0 across 8.x, so the files tell the copies apart.
        $theirs = @($result.Pollies | Where-Object Context -eq 'Default')
        $ours = @($result.Pollies | Where-Object Context -eq 'ShareFileProvisioning')
        $theirs.Count | Should -Be 1
        $theirs[0].Path | Should -Be $script:OlderPolly
        $ours.Count | Should -Be 1
        $ours[0].Path | Should -BeLike (Join-Path $env:SFP_TEST_MODULE_PATH 'Dependencies*')
    }
}
