<#
.SYNOPSIS
    The README demo: starts the local emulators, connects to ShareFile and to Entra ID (the Graph emulator), tests
    both connections, and lists the ShareFile account and the provisioning scope with reasons.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1')
$seeds = Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds'
$emulator = Start-Emulator -ShareFileSeed (Join-Path $seeds 'sharefile-demo.json') -GraphSeed (Join-Path $seeds 'graph-demo.json')
function Show([string] $Command) { Write-Host "`n> $Command" -ForegroundColor Yellow }
try {
    Import-Module $ModulePath
    Write-Host "Emulators listening on $($emulator.Uri)" -ForegroundColor DarkGray

    Show "Connect-ShareFile -Subdomain acme -Credential admin@acme.com -ClientId sfp-demo-client -ClientSecret *** -BaseUri $($emulator.Uri) -PassThru"
    $credential = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))
    $secret = ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force
    Connect-ShareFile -Subdomain acme -Credential $credential -ClientId 'sfp-demo-client' -ClientSecret $secret -BaseUri $emulator.Uri -PassThru |
        Format-Table | Out-String -Width 160 | Write-Host

    Show 'Test-ShareFileConnection -IncludeGroups'
    $checks = Test-ShareFileConnection -IncludeGroups
    $checks | Format-Table | Out-String -Width 160 | Write-Host

    Show 'Get-ShareFileUser -UserType All'
    Get-ShareFileUser -UserType All | Format-Table | Out-String -Width 160 | Write-Host

    Show 'Get-ShareFileGroup'
    Get-ShareFileGroup | Format-Table | Out-String -Width 160 | Write-Host

    # The Graph emulator's demo tenant: an app registration with the three Graph permissions provisioning needs.
    Show "Connect-ProvisioningSource -TenantId 7c9d1a4e-… -ClientId c0ffee00-… -ClientSecret *** -AppDisplayName 'Citrix ShareFile' -GraphBaseUri $($emulator.Uri)/v1.0 -AuthorityHost $($emulator.Uri)"
    $graphSecret = ConvertTo-SecureString 'emulator-secret-value' -AsPlainText -Force
    Connect-ProvisioningSource -TenantId '7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f' -ClientId 'c0ffee00-1234-4abc-8def-0123456789ab' -ClientSecret $graphSecret `
        -AppDisplayName 'Citrix ShareFile' -GraphBaseUri "$($emulator.Uri)/v1.0" -AuthorityHost $emulator.Uri -PassThru |
        Format-Table | Out-String -Width 160 | Write-Host

    Show 'Test-ProvisioningSource'
    $sourceChecks = Test-ProvisioningSource
    $sourceChecks | Format-Table | Out-String -Width 160 | Write-Host

    Show 'Get-ProvisioningScope'
    Get-ProvisioningScope | Format-Table | Out-String -Width 160 | Write-Host

    # Linus is only in 'Engineering Contractors', a group nested in the assigned 'ShareFile Users': out of scope, as in Entra.
    Show "Get-ProvisioningScope -UserPrincipalName linus.torvalds@contoso.example, ada.lovelace@contoso.example | Format-List"
    Get-ProvisioningScope -UserPrincipalName 'linus.torvalds@contoso.example', 'ada.lovelace@contoso.example' | Format-List | Out-String -Width 160 | Write-Host

    # Plans need a profile folder; the demo keeps its own so it never touches yours.
    $env:SHAREFILEPROVISIONING_HOME = Join-Path ([IO.Path]::GetTempPath()) "sfp-demo-$PID"
    Show 'Get-ProvisioningPlan -OutFile plan.json'
    $planFile = Join-Path $env:SHAREFILEPROVISIONING_HOME 'plan.json'
    New-Item -ItemType Directory -Path $env:SHAREFILEPROVISIONING_HOME -Force | Out-Null
    $plan = Get-ProvisioningPlan -OutFile $planFile
    $plan | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] } | Format-Table | Out-String -Width 200 | Write-Host
    Show 'Get-ProvisioningPlan -Summary | Format-List'
    $plan | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanSummary] } | Format-List | Out-String -Width 160 | Write-Host

    Show 'Invoke-ShareFileSync -Plan plan.json -Confirm:$false     # apply exactly the reviewed plan'
    $results = Invoke-ShareFileSync -Plan $planFile -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable syncErrors
    $results | Format-Table | Out-String -Width 200 | Write-Host

    # A change in Entra ID: Alan Turing moves company. The next cycle is incremental and applies only that.
    Show "PATCH /_emulator/graph/users/<Alan> { companyName: 'Bletchley Park' }   # a change in Entra ID"
    Invoke-EmulatorControl -Emulator $emulator -Method Patch -Path 'graph/users/1b7c4d2e-2222-4f3a-9b4c-5d6e7f8a9b02' -Body @{ companyName = 'Bletchley Park' } | Out-Null
    Show 'Invoke-ShareFileSync -Confirm:$false                     # incremental: delta queries, only the change'
    $incremental = Invoke-ShareFileSync -Confirm:$false
    $incremental | Format-Table | Out-String -Width 200 | Write-Host

    Show 'Get-ShareFileProvisioningLog -Last 1                     # the log of that cycle, in Entra''s schema'
    Get-ShareFileProvisioningLog -Last 1 | Format-Table | Out-String -Width 200 | Write-Host
    Show 'Get-ShareFileProvisioningStatus'
    Get-ShareFileProvisioningStatus | Format-List | Out-String -Width 160 | Write-Host

    # Groups: the assigned group 'ShareFile Users' becomes a ShareFile distribution group with its direct members.
    Show 'Set-ShareFileGroupProvisioning -Enabled $true; Invoke-ShareFileSync -Confirm:$false'
    Set-ShareFileGroupProvisioning -Enabled $true -PassThru | Format-Table | Out-String -Width 160 | Write-Host
    Invoke-ShareFileSync -Confirm:$false | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncResult] } | Format-Table | Out-String -Width 200 | Write-Host
    Show "(Get-ShareFileGroup -Name 'ShareFile Users' -IncludeMembers).Members"
    (Get-ShareFileGroup -Name 'ShareFile Users' -IncludeMembers).Members | Format-Table | Out-String -Width 160 | Write-Host

    Show 'Entra ID: add Ada to ShareFile Users, remove Katherine; then Invoke-ShareFileSync -Confirm:$false'
    $group = '8ce3be9f-aaaa-4a0b-8c1d-2e3f4a5b6c01'
    Invoke-EmulatorControl -Emulator $emulator -Path "graph/groups/$group/members/0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01" | Out-Null
    Invoke-EmulatorControl -Emulator $emulator -Method Delete -Path "graph/groups/$group/members/3d9e6f4a-4444-4b5c-9d6e-7f8a9b0c1d04" | Out-Null
    Invoke-ShareFileSync -Confirm:$false | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncResult] } | Format-Table | Out-String -Width 200 | Write-Host
    Show "(Get-ShareFileGroup -Name 'ShareFile Users' -IncludeMembers).Members"
    (Get-ShareFileGroup -Name 'ShareFile Users' -IncludeMembers).Members | Format-Table | Out-String -Width 160 | Write-Host

    Disconnect-ShareFile
    Disconnect-ProvisioningSource
    $failed = @($checks + $sourceChecks) | Where-Object { $_.Check -eq 'Overall' -and -not $_.Passed }
    if ($failed) { Write-Host 'A connection test did not pass.' -ForegroundColor Red; exit 1 }
    Write-Host 'Demo finished: both connection tests passed.' -ForegroundColor Green
}
finally {
    Stop-Emulator $emulator
    if ($env:SHAREFILEPROVISIONING_HOME -like '*sfp-demo-*') { Remove-Item $env:SHAREFILEPROVISIONING_HOME -Recurse -Force -ErrorAction SilentlyContinue }
}
