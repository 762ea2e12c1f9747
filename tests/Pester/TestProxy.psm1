# A real forward proxy for the proxy tests: tinyproxy (installed by build.ps1 Test), on loopback, in the foreground,
# logging every request it receives and every upstream connection it opens. Stopped with SIGTERM by Stop-TestProxy.

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-TestProxy {
    <# Starts tinyproxy in $Directory; with -UserName/-Password it answers 407 to requests without those Basic credentials. #>
    param([Parameter(Mandatory)] [string] $Directory, [string] $UserName, [string] $Password)
    $exe = Get-Command tinyproxy -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $exe) { throw "tinyproxy is not installed: 'dotnet pwsh ./build.ps1 Test' installs it (apt-get install -y tinyproxy, as root on Debian)." }
    New-Item -ItemType Directory -Path $Directory -Force | Out-Null
    $log = Join-Path $Directory 'tinyproxy.log'
    $config = Join-Path $Directory 'tinyproxy.conf'
    $port = Get-FreeTcpPort
    # Every forwarded request carries "Via: 1.1 sfp-test-proxy", so an upstream's own log shows which requests came through.
    $lines = @("Port $port", 'Listen 127.0.0.1', 'Timeout 120', "LogFile `"$log`"", 'LogLevel Info', 'MaxClients 64', 'Allow 127.0.0.1', 'ViaProxyName "sfp-test-proxy"')
    if ($UserName) { $lines += "BasicAuth $UserName $Password" }
    Set-Content -Path $config -Value $lines -Encoding ascii
    $psi = [System.Diagnostics.ProcessStartInfo]::new($exe.Source)
    foreach ($a in '-d', '-c', $config) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $deadline = [DateTime]::UtcNow.AddSeconds(20)
    while ([DateTime]::UtcNow -lt $deadline -and -not $process.HasExited) {
        if ((Test-Path $log) -and (Select-String -Path $log -Pattern 'Accepting connections' -Quiet)) {
            return [pscustomobject]@{ Uri = "http://127.0.0.1:$port"; Process = $process; LogPath = $log }
        }
        Start-Sleep -Milliseconds 100
    }
    try { $process.Kill() } catch { }
    $logText = if (Test-Path $log) { Get-Content $log -Raw } else { '' }
    throw "tinyproxy did not start: $($process.StandardError.ReadToEnd()) $logText"
}

function Stop-TestProxy {
    <# SIGTERM (tinyproxy shuts down cleanly), then a kill only if it is still there after 10 s. #>
    param($Proxy)
    if (-not $Proxy -or $Proxy.Process.HasExited) { return }
    & kill -TERM $Proxy.Process.Id
    if (-not $Proxy.Process.WaitForExit(10000)) { $Proxy.Process.Kill() }
}

function Get-ProxyLog {
    <#
    What the proxy did for one upstream origin: Requests = the request lines it received (method and path), Forwarded =
    the upstream connections it opened (tinyproxy opens one per forwarded request); the difference is what it refused.
    #>
    param([Parameter(Mandatory)] $Proxy, [Parameter(Mandatory)] [uri] $Upstream)
    $text = @(Get-Content $Proxy.LogPath)
    $origin = [regex]::Escape("http://$($Upstream.Authority)")
    $hostPort = [regex]::Escape("$($Upstream.Host):$($Upstream.Port)")
    [pscustomobject]@{
        Requests  = @($text | ForEach-Object { if ($_ -match "Request \(file descriptor \d+\): (\w+) $origin(/[^ ?]*)") { "$($Matches[1]) $($Matches[2])" } })
        Forwarded = @($text | Where-Object { $_ -match "opensock: opening connection to $hostPort$" }).Count
        Text      = $text -join "`n"
    }
}

Export-ModuleMember -Function Start-TestProxy, Stop-TestProxy, Get-ProxyLog
