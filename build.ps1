#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks ShareFileProvisioning.
.DESCRIPTION
    Build  - compiles the solution and assembles the shippable module folder out/ShareFileProvisioning.
    Package - Build, then write out/ShareFileProvisioning.<version>.nupkg (Install-PSResource/Publish-PSResource) and
             out/ShareFileProvisioning.zip (Azure Automation: the module folder at the zip's root).
    Test   - Package, install Azurite (npm) for the blob state tests and tinyproxy (apt-get) for the proxy tests, then xunit (engine, emulators, cmdlet assembly; a second pass against the strict ShareFile feeds) and Pester (the built module in a fresh pwsh);
             prints both runners' totals and a final "N passed, M failed" line; exits non-zero on any failure.
    Demo   - Build, start the emulators, and run the demo script against them in a fresh pwsh.
    Bench  - Build the engine and emulators, then seed the emulators with a large tenant (100,000 assigned users, 2,000 groups; half of the users
             already in ShareFile) and print the plan's reading/computing times and peak memory. Not part of Test.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'ShareFileProvisioning'
$ResultsDir = Join-Path $Out 'test-results'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Native([string] $File, [string[]] $Arguments) {
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$File $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

# A fresh pwsh of the same version: pwsh here is a dotnet tool, so its process is dotnet itself.
function Invoke-FreshPwsh([string[]] $Arguments) {
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive @Arguments
}

function Get-NuGetPackagesFolder {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list
    return ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-Build {
    Write-Host "== Build ($Configuration)" -ForegroundColor Cyan
    Invoke-Native dotnet @('build', (Join-Path $Root 'ShareFileProvisioning.sln'), '-c', $Configuration, '-nologo', '-v', 'q', '-clp:ErrorsOnly')
    # Restores Pester and the older Polly.Core used by the isolation test (PackageDownload only: nothing to build).
    Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/tools/ShareFileProvisioning.TestTools.csproj'), '-nologo', '-v', 'q')

    Remove-Item $ModuleOut -Recurse -Force -ErrorAction SilentlyContinue

    $deps = Join-Path $ModuleOut 'Dependencies'
    New-Item -ItemType Directory -Path $deps -Force | Out-Null
    $bin = "bin/$Configuration"
    Copy-Item (Join-Path $Root "src/ShareFileProvisioning/$bin/netstandard2.0/ShareFileProvisioning.dll") $ModuleOut
    Copy-Item (Join-Path $Root "src/ShareFileProvisioning.Loader/$bin/net6.0/ShareFileProvisioning.Loader.dll") $ModuleOut
    Copy-Item (Join-Path $Root 'module/*') $ModuleOut -Recurse -Exclude 'dependencies.allow'
    Copy-Item (Join-Path $Root 'LICENSE') (Join-Path $ModuleOut 'LICENSE.txt')
    Set-ManifestVersion (Join-Path $ModuleOut 'ShareFileProvisioning.psd1')
    # The engine's build output holds it and every library it needs (CopyLocalLockFileAssemblies).
    Get-ChildItem (Join-Path $Root "src/ShareFileProvisioning.Engine/$bin/netstandard2.0") -Filter *.dll | Copy-Item -Destination $deps

    # PSResourceGet-style allow-list: a missing or unexpected file in Dependencies/ fails the build.
    $allowed = Get-Content (Join-Path $Root 'module/dependencies.allow') | Where-Object { $_ -and -not $_.StartsWith('#') } | ForEach-Object Trim
    $present = Get-ChildItem $deps -Filter *.dll | ForEach-Object Name
    $missing = $allowed | Where-Object { $_ -notin $present }
    $unexpected = $present | Where-Object { $_ -notin $allowed }
    if ($missing -or $unexpected) {
        throw "Dependencies/ does not match module/dependencies.allow. Missing: $($missing -join ', '). Unexpected: $($unexpected -join ', ')."
    }
    if (Get-ChildItem $ModuleOut -Recurse -Filter 'System.Management.Automation.dll') {
        throw 'System.Management.Automation.dll must never ship with the module.'
    }

    # Help is compiled from markdown against the built module (structure from Get-Command), in a fresh process.
    Invoke-FreshPwsh @('-File', (Join-Path $Root 'src/ShareFileProvisioning/Help/Build-Help.ps1'), '-ModulePath', $ModuleOut)
    if ($LASTEXITCODE -ne 0) { throw 'Help compilation failed (see the help: lines above).' }

    $manifest = Test-ModuleManifest (Join-Path $ModuleOut 'ShareFileProvisioning.psd1') -ErrorAction Stop
    Write-Host "Module $($manifest.Name) $($manifest.Version) assembled in $ModuleOut"
}

# The one version: <Version> in Directory.Build.props, stamped into the shipped manifest.
function Get-ProductVersion {
    [xml] $props = Get-Content (Join-Path $Root 'Directory.Build.props') -Raw
    $version = @($props.Project.PropertyGroup | ForEach-Object { $_.SelectSingleNode('Version') } | Where-Object { $_ })[0].InnerText
    if ($version -notmatch '^\d+\.\d+\.\d+$') { throw "Directory.Build.props: <Version> '$version' is not major.minor.patch." }
    $version
}

function Set-ManifestVersion([string] $Path) {
    $text = Get-Content $Path -Raw
    if ($text -notmatch "ModuleVersion\s*=\s*'[^']*'") { throw "$Path has no ModuleVersion to stamp." }
    $stamped = $text -replace "ModuleVersion(\s*)=\s*'[^']*'", "ModuleVersion`$1= '$(Get-ProductVersion)'"
    Set-Content -Path $Path -Value $stamped -Encoding utf8NoBOM -NoNewline
}

# The gallery package (PSResourceGet's own packer, so Publish-PSResource/Install-PSResource read it as they read any
# module) and the Azure Automation zip (the module folder at the root, named like the module).
function Invoke-Package {
    Invoke-Build
    Write-Host '== Package' -ForegroundColor Cyan
    $version = Get-ProductVersion
    Get-ChildItem $Out -Filter 'ShareFileProvisioning*.nupkg' | Remove-Item -Force
    $zip = Join-Path $Out 'ShareFileProvisioning.zip'
    Remove-Item $zip -Force -ErrorAction SilentlyContinue
    Compress-PSResource -Path $ModuleOut -DestinationPath $Out -ErrorAction Stop
    $nupkg = Join-Path $Out "ShareFileProvisioning.$version.nupkg"
    if (-not (Test-Path $nupkg)) { throw "Compress-PSResource did not write $nupkg." }
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [System.IO.Compression.ZipFile]::CreateFromDirectory($ModuleOut, $zip, [System.IO.Compression.CompressionLevel]::Optimal, $true)
    $long = Get-ChildItem $ModuleOut -Recurse -File | Where-Object { ('ShareFileProvisioning/' + [IO.Path]::GetRelativePath($ModuleOut, $_.FullName)).Length -ge 140 }
    if ($long) { throw "Azure Automation refuses paths of 140 characters or more: $($long.FullName -join ', ')" }
    Write-Host "Wrote $nupkg and $zip"
}

# Azurite (the Azure Storage emulator, an npm package) for the blob state store tests, pinned in tests/tools/azurite/package.json.
# No lock file: it would name the registry host. Skipped when the pinned version is already there; without npm the blob
# tests fail with the command to run.
function Install-Azurite {
    $dir = Join-Path $Root 'tests/tools/azurite'
    $wanted = (Get-Content (Join-Path $dir 'package.json') -Raw | ConvertFrom-Json).dependencies.azurite
    $installed = Join-Path $dir 'node_modules/azurite/package.json'
    if ((Test-Path $installed) -and (Get-Content $installed -Raw | ConvertFrom-Json).version -eq $wanted) { return }
    if (-not (Get-Command npm -ErrorAction SilentlyContinue) -or -not (Get-Command node -ErrorAction SilentlyContinue)) {
        Write-Warning "Node.js/npm not found: Azurite $wanted cannot be installed and the blob state store tests will fail."
        return
    }
    Write-Host "== Azurite $wanted (npm)" -ForegroundColor Cyan
    Invoke-Native npm @('install', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel', 'error', '--prefix', $dir)
}

# tinyproxy (a real forward proxy, from the Debian packages) for the proxy tests. Skipped when it is already there;
# where it cannot be installed (not Debian, not root) the proxy tests fail saying so.
function Install-Tinyproxy {
    if (Get-Command tinyproxy -ErrorAction SilentlyContinue) { return }
    $root = (& id -u 2>$null) -eq '0'
    if (-not (Get-Command apt-get -ErrorAction SilentlyContinue) -or -not $root) {
        Write-Warning 'tinyproxy not found and apt-get (as root) is not available: the proxy tests will fail. Install tinyproxy and run again.'
        return
    }
    Write-Host '== tinyproxy (apt-get)' -ForegroundColor Cyan
    $env:DEBIAN_FRONTEND = 'noninteractive'
    Invoke-Native apt-get @('update', '-qq')
    Invoke-Native apt-get @('install', '-y', '-qq', '--no-install-recommends', 'tinyproxy')
}

function Get-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content $Path -Raw
    $c = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$c.passed; Failed = [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted; Skipped = [int]$c.notExecuted; Total = [int]$c.total }
}

# One xunit run with its counts from the TRX file; a runner that fails without a counted failure counts as one.
function Invoke-Xunit([string] $Name) {
    & dotnet test (Join-Path $Root 'tests/ShareFileProvisioning.Tests') -c $Configuration --no-build -nologo `
        --logger "trx;LogFileName=$Name.trx" --logger 'console;verbosity=minimal' --results-directory $ResultsDir | Out-Host
    $exit = $LASTEXITCODE
    $trxFile = Join-Path $ResultsDir "$Name.trx"
    $counts = if (Test-Path $trxFile) { Get-TrxCounts $trxFile } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Total = 1 } }
    if ($exit -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1 }
    $counts
}

function Invoke-Test {
    Invoke-Package
    Remove-Item $ResultsDir -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Path $ResultsDir -Force | Out-Null

    Install-Azurite
    Install-Tinyproxy
    Write-Host '== xunit' -ForegroundColor Cyan
    $xunit = Invoke-Xunit 'xunit'
    Write-Host ("xunit: {0} passed, {1} failed, {2} skipped" -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)
    # Second pass, xunit only (a second Pester pass would double the run): the same tests against the stricter ShareFile
    # emulator — feeds without IsDisabled/LastAnyLogin, at most 7 items a page (emulator seeds README, "Feed switches").
    Write-Host '== xunit (strict ShareFile feeds)' -ForegroundColor Cyan
    $env:SFP_EMULATOR_OMIT_FEED_STATE = '1'
    $env:SFP_EMULATOR_PAGE_SIZE = '7'
    try { $strict = Invoke-Xunit 'xunit-strict' }
    finally { Remove-Item Env:SFP_EMULATOR_OMIT_FEED_STATE, Env:SFP_EMULATOR_PAGE_SIZE -ErrorAction SilentlyContinue }
    Write-Host ("xunit (strict feeds): {0} passed, {1} failed, {2} skipped" -f $strict.Passed, $strict.Failed, $strict.Skipped)

    Write-Host '== Pester (fresh pwsh, built module)' -ForegroundColor Cyan
    $pesterJson = Join-Path $ResultsDir 'pester.json'
    $pesterPath = Join-Path (Get-NuGetPackagesFolder) 'pester/5.7.1/tools/Pester.psd1'
    $runner = Join-Path $Root 'tests/Pester/Invoke-PesterRun.ps1'
    Invoke-FreshPwsh @('-File', $runner, '-PesterPath', $pesterPath, '-ModulePath', $ModuleOut, '-ResultPath', $pesterJson)
    $pesterExit = $LASTEXITCODE
    $pester = if (Test-Path $pesterJson) { Get-Content $pesterJson -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    if ($pesterExit -ne 0 -and $pester.Failed -eq 0) { $pester.Failed = 1 }
    Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.Passed, $pester.Failed, $pester.Skipped)

    $passed = $xunit.Passed + $strict.Passed + $pester.Passed
    $failed = $xunit.Failed + $strict.Failed + $pester.Failed
    Write-Host ''
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    Write-Host '== Demo' -ForegroundColor Cyan
    Invoke-FreshPwsh @('-File', (Join-Path $Root 'tests/Demo/Invoke-Demo.ps1'), '-ModulePath', $ModuleOut)
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Bench {
    # The engine and the emulators are all the benchmark needs (no module folder, no help).
    Write-Host "== Build bench ($Configuration)" -ForegroundColor Cyan
    Invoke-Native dotnet @('build', (Join-Path $Root 'tests/Bench/ShareFileProvisioning.Bench/ShareFileProvisioning.Bench.csproj'), '-c', $Configuration, '-nologo', '-v', 'q', '-clp:ErrorsOnly')
    Write-Host '== Bench' -ForegroundColor Cyan
    $bench = Join-Path $Root "tests/Bench/ShareFileProvisioning.Bench/bin/$Configuration/net10.0/ShareFileProvisioning.Bench.dll"
    $emulator = Join-Path $Root "tests/ShareFileProvisioning.Emulator/bin/$Configuration/net10.0/ShareFileProvisioning.Emulator.dll"
    # With the built module (build.ps1 Build), the plan bench also times Import-Module and the first Connect-ShareFile.
    $module = Join-Path $Root 'out/ShareFileProvisioning'
    $moduleArgs = if (Test-Path (Join-Path $module 'ShareFileProvisioning.psd1')) { @('--module', $module, '--repo', $Root) } else { @() }
    & dotnet $bench --emulator $emulator --users 100000 --groups 2000 @moduleArgs
    $planExit = $LASTEXITCODE
    # The account report over 50,000 ShareFile accounts and 100,000 Entra users (its own emulators and seeds).
    & dotnet $bench --emulator $emulator --report
    $reportExit = $LASTEXITCODE
    # A missed target still lets the other scenarios run: every figure is printed, then the exit code says.
    Invoke-SyncBench
    if ($planExit -ne 0) { exit $planExit }
    if ($reportExit -ne 0) { exit $reportExit }
}

function Invoke-SyncBench {
    # Sync scenarios (issue 5 §7): initial 10,000 users and an incremental cycle in a 100,000-user tenant, 50 ms per request.
    Invoke-Native dotnet @('build', (Join-Path $Root 'tests/Bench/ShareFileProvisioning.SyncBench/ShareFileProvisioning.SyncBench.csproj'), '-c', $Configuration, '-nologo', '-v', 'q', '-clp:ErrorsOnly')
    $syncBench = Join-Path $Root "tests/Bench/ShareFileProvisioning.SyncBench/bin/$Configuration/net10.0/ShareFileProvisioning.SyncBench.dll"
    # Groups (issue 6): 2,000 assigned groups of up to 500 members over 10,000 users, initial cycle.
    & dotnet $syncBench --initial-users 10000 --tenant-users 100000 --latency 50 --throttle 16 --changes 10 --groups 2000 --group-users 10000 --max-members 500
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Package' { Invoke-Package }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
}
