<#
.SYNOPSIS
    Runs every *.Tests.ps1 under tests/Pester with Pester 5.7.1 (from the NuGet packages folder) against the built
    module, in this (fresh) pwsh process, and writes the totals as JSON for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -RequiredVersion 5.7.1 -Force
$env:SFP_TEST_MODULE_PATH = $ModulePath
$env:SFP_TEST_PESTER_PATH = $PesterPath

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = [IO.Path]::ChangeExtension($ResultPath, '.xml')
$result = Invoke-Pester -Configuration $config

[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $ResultPath -Encoding utf8
if ($result.Result -ne 'Passed') { exit 1 }
exit 0
