<#
.SYNOPSIS
    The README demo: starts the local emulators, then connects to ShareFile and shows the connection test,
    the account's users and its distribution groups.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1')
$seed = Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/sharefile-demo.json'
$emulator = Start-Emulator -ShareFileSeed $seed
try {
    Import-Module $ModulePath
    Write-Host "Emulators listening on $($emulator.Uri)" -ForegroundColor DarkGray

    Write-Host "`n> Connect-ShareFile -Subdomain acme -Credential admin@acme.com -ClientId sfp-demo-client -ClientSecret *** -BaseUri $($emulator.Uri) -PassThru" -ForegroundColor Yellow
    $credential = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))
    $secret = ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force
    Connect-ShareFile -Subdomain acme -Credential $credential -ClientId 'sfp-demo-client' -ClientSecret $secret -BaseUri $emulator.Uri -PassThru |
        Format-Table | Out-String -Width 160 | Write-Host

    Write-Host '> Test-ShareFileConnection -IncludeGroups' -ForegroundColor Yellow
    $checks = Test-ShareFileConnection -IncludeGroups
    $checks | Format-Table | Out-String -Width 160 | Write-Host

    Write-Host '> Get-ShareFileUser -UserType All' -ForegroundColor Yellow
    Get-ShareFileUser -UserType All | Format-Table | Out-String -Width 160 | Write-Host

    Write-Host '> Get-ShareFileGroup' -ForegroundColor Yellow
    Get-ShareFileGroup | Format-Table | Out-String -Width 160 | Write-Host

    Disconnect-ShareFile
    $overall = $checks | Where-Object Check -eq 'Overall'
    if (-not $overall.Passed) { Write-Host 'The connection test did not pass.' -ForegroundColor Red; exit 1 }
    Write-Host 'Demo finished: the connection test passed.' -ForegroundColor Green
}
finally {
    Stop-Emulator $emulator
}
