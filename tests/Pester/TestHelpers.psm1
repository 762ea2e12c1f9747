# Shared helpers for the Pester suites: start the emulator as a process, reach its control surface.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Invoke-FreshPwsh {
    <# A new pwsh process of this version (pwsh runs as a dotnet tool here, so its process is dotnet itself). #>
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive @args
}

function Get-EmulatorAssemblyPath {
    $candidates = Get-ChildItem (Join-Path $script:RepoRoot 'tests/ShareFileProvisioning.Emulator/bin') -Recurse -Filter 'ShareFileProvisioning.Emulator.dll' -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch '[\\/]ref[\\/]' } | Sort-Object LastWriteTime -Descending
    if (-not $candidates) { throw 'The emulator is not built: run ./build.ps1 Build first.' }
    $candidates[0].FullName
}

function Start-Emulator {
    <# Starts the emulator on a free loopback port; returns an object with Uri and Process. #>
    param([string] $ShareFileSeed, [string] $GraphSeed)
    $arguments = @((Get-EmulatorAssemblyPath), '--port', '0')
    if ($ShareFileSeed) { $arguments += @('--sharefile-seed', $ShareFileSeed) }
    if ($GraphSeed) { $arguments += @('--graph-seed', $GraphSeed) }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $arguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $line = $null
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait(30000) -or -not ($line = $read.Result) -or $line -notmatch 'Listening on (\S+)') {
        try { $process.Kill($true) } catch { }
        throw "The emulator did not start: $line $($process.StandardError.ReadToEnd())"
    }
    [pscustomobject]@{ Uri = $Matches[1].TrimEnd('/'); Process = $process }
}

function Stop-Emulator {
    param($Emulator)
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }
}

function Invoke-EmulatorControl {
    <# Calls /_emulator/<Path> on a running emulator. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Path, [string] $Method = 'Post', $Body)
    $params = @{ Uri = "$($Emulator.Uri)/_emulator/$Path"; Method = $Method }
    if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Depth 10); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

function Get-DemoCredential {
    param([string] $UserName = 'admin@acme.com', [string] $Password = 'P@ssw0rd!demo')
    [pscredential]::new($UserName, (ConvertTo-SecureString $Password -AsPlainText -Force))
}

function Get-DemoClientSecret { ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force }

function Restart-EmulatorFresh {
    <#
    A new emulator (the running one stopped), a new empty profile home under $HomeRoot, and this runspace connected to both
    its ShareFile (the demo admin) and its Graph (a bearer token, the default seed's enterprise app). Returns the emulator.
    #>
    param($Emulator, [Parameter(Mandatory)] [string] $HomeRoot, [string] $GraphSeed, [string] $ShareFileSeed, [string] $Token = 'any-token',
        [string] $ServicePrincipalId = '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9')
    if ($Emulator) { Stop-Emulator $Emulator }
    $started = Start-Emulator -GraphSeed $GraphSeed -ShareFileSeed $ShareFileSeed
    $env:SHAREFILEPROVISIONING_HOME = Join-Path $HomeRoot ([guid]::NewGuid().ToString('n'))
    Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $started.Uri
    Connect-ProvisioningSource -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -ServicePrincipalId $ServicePrincipalId -GraphBaseUri "$($started.Uri)/v1.0"
    $started
}

function Start-Azurite {
    <#
    Azurite's blob service from tests/tools/azurite (installed by build.ps1), on loopback with a port the OS picks, in
    memory. Returns Process, AccountUri and ConnectionString (Azurite's documented, public development account key).
    -DebugLog writes Azurite's debug log there (one "RequestMethod=" line, with the headers, per request).
    #>
    param([Parameter(Mandatory)] [string] $WorkDirectory, [string] $DebugLog)
    $main = Join-Path $script:RepoRoot 'tests/tools/azurite/node_modules/azurite/dist/src/blob/main.js'
    if (-not (Test-Path $main)) { throw "Azurite is not installed ($main is missing): run 'npm install --no-package-lock --no-audit --no-fund --prefix tests/tools/azurite' in the repository root." }
    New-Item -ItemType Directory $WorkDirectory -Force | Out-Null
    $psi = [System.Diagnostics.ProcessStartInfo]::new('node')
    $arguments = @($main, '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--extentMemoryLimit', '256', '--silent', '--skipApiVersionCheck', '--loose')
    if ($DebugLog) { $arguments += @('--debug', $DebugLog) }
    foreach ($a in $arguments) { $psi.ArgumentList.Add($a) }
    $psi.WorkingDirectory = $WorkDirectory
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalMilliseconds))) { break }
        $line = $read.Result
        if ($null -eq $line) { break }
        if ($line -match 'listens on (http://\S+)') {
            $account = 'devstoreaccount1'
            $accountUri = $Matches[1].TrimEnd('/') + '/' + $account
            $key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
            return [pscustomobject]@{
                Process          = $process
                AccountUri       = $accountUri
                ConnectionString = "DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=$accountUri;"
            }
        }
    }
    try { $process.Kill($true) } catch { }
    throw "Azurite did not start: $($process.StandardError.ReadToEnd())"
}

function Stop-Azurite {
    param($Azurite)
    if ($Azurite -and -not $Azurite.Process.HasExited) { $Azurite.Process.Kill($true); $Azurite.Process.WaitForExit(10000) | Out-Null }
}

Export-ModuleMember -Function *
