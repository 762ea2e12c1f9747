# Child process of Isolation.Tests.ps1: an older Polly.Core loads first, then the module connects and works.
param([string] $OlderPolly, [string] $ModulePath, [string] $Uri)
$ErrorActionPreference = 'Stop'
Add-Type -Path $OlderPolly
Import-Module $ModulePath
$credential = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))
$secret = ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force
Connect-ShareFile -Subdomain acme -Credential $credential -ClientId 'sfp-demo-client' -ClientSecret $secret -BaseUri $Uri
$passed = Test-ShareFileConnection -Quiet
$users = @(Get-ShareFileUser -UserType All)
$pollies = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' } |
    ForEach-Object { [pscustomobject]@{ Path = $_.Location; Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name } }
[pscustomobject]@{ Passed = $passed; Users = $users.Count; Pollies = @($pollies) } | ConvertTo-Json -Compress -Depth 4
