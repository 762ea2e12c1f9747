# The shipped artefacts as an admin uses them: the .nupkg through PSResourceGet (publish to a repository, install) and
# the Azure Automation zip (expanded as Automation does), each imported BY NAME in a fresh pwsh whose module path holds
# only the installed copy (and PowerShell's own modules), with a brand-new home. Nothing may come from the build folder.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:OutDir = Split-Path $env:SFP_TEST_MODULE_PATH
    [xml] $props = Get-Content (Join-Path $script:RepoRoot 'Directory.Build.props') -Raw
    $script:Version = @($props.Project.PropertyGroup | ForEach-Object { $_.SelectSingleNode('Version') } | Where-Object { $_ })[0].InnerText
    $script:Nupkg = Join-Path $script:OutDir "ShareFileProvisioning.$script:Version.nupkg"
    $script:Zip = Join-Path $script:OutDir 'ShareFileProvisioning.zip'
    foreach ($artefact in $script:Nupkg, $script:Zip) {
        if (-not (Test-Path $artefact)) { throw "$artefact is missing: run 'dotnet pwsh ./build.ps1 Package' first." }
    }
    $script:Emulator = Start-Emulator

    function script:New-CleanHome([string] $Name) {
        $dir = Join-Path $TestDrive $Name
        New-Item -ItemType Directory -Path (Join-Path $dir 'home'), (Join-Path $dir 'tmp') -Force | Out-Null
        $dir
    }

    function script:Invoke-IsolatedPwsh([string] $Root, [string] $Script, [string[]] $Arguments) {
        <# A fresh pwsh with HOME, XDG dirs and TMP under $Root, no test variables and no inherited module path. #>
        $file = Join-Path $Root ("script-{0}.ps1" -f [guid]::NewGuid().ToString('n'))
        Set-Content -Path $file -Value $Script -Encoding utf8
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $file) + $Arguments) { $psi.ArgumentList.Add($a) }
        foreach ($name in @($psi.Environment.Keys)) {
            if ($name -like 'SFP_*' -or $name -eq 'PSModulePath' -or $name -like 'XDG_*' -or $name -like 'SHAREFILEPROVISIONING_*') { $psi.Environment.Remove($name) | Out-Null }
        }
        $homeDir = Join-Path $Root 'home'
        $psi.Environment['HOME'] = $homeDir
        $psi.Environment['USERPROFILE'] = $homeDir
        $psi.Environment['XDG_DATA_HOME'] = Join-Path $homeDir '.local/share'
        $psi.Environment['XDG_CONFIG_HOME'] = Join-Path $homeDir '.config'
        $psi.Environment['XDG_CACHE_HOME'] = Join-Path $homeDir '.cache'
        $psi.Environment['TMPDIR'] = Join-Path $Root 'tmp'
        $psi.WorkingDirectory = $Root
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($psi)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(240000)) {
            $process.Kill($true)
            throw "The child pwsh did not finish within 4 minutes: $($stderr.Result)"
        }
        $process.WaitForExit()
        if ($process.ExitCode -ne 0) { throw "The child pwsh failed ($($process.ExitCode)): $($stdout.Result) $($stderr.Result)" }
        $stdout.Result
    }

    # Imports the module by name with only $ModuleRoot (and PowerShell's own modules) on the path, connects, tests the
    # connection, and reports where every loaded ShareFileProvisioning file came from.
    $script:UseModule = @'
param($ModuleRoot, $ShareFileUri)
$ErrorActionPreference = 'Stop'
$env:PSModulePath = @($ModuleRoot, (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator
Import-Module ShareFileProvisioning
$admin = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))
Connect-ShareFile -Subdomain acme -Credential $admin -ClientId 'sfp-demo-client' -ClientSecret (ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force) -BaseUri $ShareFileUri
$ok = Test-ShareFileConnection -Quiet
$module = Get-Module ShareFileProvisioning
[pscustomobject]@{
    Connected  = $ok
    ModuleBase = $module.ModuleBase
    Version    = $module.Version.ToString()
    Loaded     = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not $_.IsDynamic -and $_.Location } | ForEach-Object Location)
    ModulePath = $env:PSModulePath
} | ConvertTo-Json -Compress
'@

    function script:Assert-InstalledCopyWorks($Report, [string] $InstalledRoot) {
        $Report.Connected | Should -BeTrue
        $Report.Version | Should -Be $script:Version
        $Report.ModuleBase | Should -BeLike "$InstalledRoot*"
        $ours = @($Report.Loaded | Where-Object { (Split-Path $_ -Leaf) -like 'ShareFileProvisioning*' })
        $ours.Count | Should -BeGreaterOrEqual 3   # cmdlets, loader, engine
        $ours | ForEach-Object { $_ | Should -BeLike "$InstalledRoot*" }
        $Report.Loaded | Where-Object { $_ -like "$script:RepoRoot*" } | Should -BeNullOrEmpty
        $Report.ModulePath | Should -Not -Match ([regex]::Escape($script:RepoRoot))
    }

    function script:Get-TokenRequestCount {
        $counts = (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Get).counts
        [int]($counts.PSObject.Properties | Where-Object Name -Like '*oauth/token*' | Measure-Object -Property Value -Sum).Sum
    }
}

AfterAll {
    Stop-Emulator $script:Emulator
}

Describe 'The gallery package' {
    It 'carries the gallery metadata, one version, and explicit exports' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($script:Nupkg)
        try {
            $reader = [IO.StreamReader]::new($archive.GetEntry('ShareFileProvisioning.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
            $names = @($archive.Entries.FullName)
        }
        finally { $archive.Dispose() }
        $meta = $nuspec.package.metadata
        $meta.version | Should -Be $script:Version
        foreach ($field in 'authors', 'description', 'copyright', 'licenseUrl', 'projectUrl', 'releaseNotes') { $meta.$field | Should -Not -BeNullOrEmpty -Because $field }
        $tags = $meta.tags -split ' '
        foreach ($tag in 'ShareFile', 'Entra', 'Provisioning', 'PSEdition_Core', 'PSEdition_Desktop') { $tags | Should -Contain $tag }
        $names | Should -Contain 'en-US/ShareFileProvisioning.dll-Help.xml'
        $names | Should -Contain 'Dependencies/ShareFileProvisioning.Engine.dll'
        $manifest = Import-PowerShellDataFile (Join-Path $env:SFP_TEST_MODULE_PATH 'ShareFileProvisioning.psd1')
        $manifest.ModuleVersion | Should -Be $script:Version
        $manifest.CmdletsToExport | Should -Not -BeNullOrEmpty
        $manifest.CmdletsToExport | Where-Object { $_ -match '\*' } | Should -BeNullOrEmpty
        foreach ($key in 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') { @($manifest[$key]).Count | Should -Be 0 -Because $key }
    }

    It 'publishes to a file repository, installs with Install-PSResource, imports by name and connects' {
        $before = Get-TokenRequestCount
        $root = New-CleanHome 'gallery'
        $repo = Join-Path $root 'repository'
        New-Item -ItemType Directory $repo | Out-Null
        $install = @'
param($Repository, $Nupkg, $Version)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name SfpLocal -Uri $Repository -Trusted
Publish-PSResource -NupkgPath $Nupkg -Repository SfpLocal
Install-PSResource -Name ShareFileProvisioning -Version $Version -Repository SfpLocal -Scope CurrentUser -TrustRepository -Quiet
(Get-InstalledPSResource -Name ShareFileProvisioning -Scope CurrentUser).InstalledLocation
'@
        $installed = (Invoke-IsolatedPwsh $root $install @($repo, $script:Nupkg, $script:Version)).Trim()
        Get-ChildItem $repo -Filter 'ShareFileProvisioning.*.nupkg' | Should -Not -BeNullOrEmpty
        $installed | Should -BeLike "$root*"
        Test-Path (Join-Path $installed "ShareFileProvisioning/$script:Version/ShareFileProvisioning.psd1") | Should -BeTrue

        $report = Invoke-IsolatedPwsh (New-CleanHome 'gallery-run') $script:UseModule @($installed, $script:Emulator.Uri) | ConvertFrom-Json
        Assert-InstalledCopyWorks $report $installed
        Get-TokenRequestCount | Should -BeGreaterThan $before
    }
}

Describe 'The Azure Automation zip' {
    It 'holds the module folder at its root with paths under 140 characters' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($script:Zip)
        try { $names = @($archive.Entries.FullName) } finally { $archive.Dispose() }
        $names | Should -Contain 'ShareFileProvisioning/ShareFileProvisioning.psd1'
        $names | Where-Object { -not $_.StartsWith('ShareFileProvisioning/') } | Should -BeNullOrEmpty
        $names | Where-Object { $_.Length -ge 140 } | Should -BeNullOrEmpty
    }

    It 'expanded into a fresh module path, imports by name and connects' {
        $before = Get-TokenRequestCount
        $root = New-CleanHome 'automation'
        $modules = Join-Path $root 'Modules'
        Expand-Archive -Path $script:Zip -DestinationPath $modules
        $report = Invoke-IsolatedPwsh $root $script:UseModule @($modules, $script:Emulator.Uri) | ConvertFrom-Json
        Assert-InstalledCopyWorks $report $modules
        Get-TokenRequestCount | Should -BeGreaterThan $before
    }
}
