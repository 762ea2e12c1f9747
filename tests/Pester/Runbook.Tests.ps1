# A runbook as Azure Automation runs it: managed identity (IDENTITY_ENDPOINT / IDENTITY_HEADER), state in Azure Blob
# Storage (Azurite), and every job in a fresh sandbox - a new pwsh process with a brand-new HOME, TMP and profile home,
# so only the blob container can carry state from one job to the next.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:SpId = '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9'
    $script:GraphSeed = Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/graph-default.json'
    $script:Container = 'sfprov-acme'
    # Azurite's documented, public development account key (not a secret).
    $script:AccountName = 'devstoreaccount1'
    $script:AccountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
    # State and log files the module writes when state is local; none may appear in a sandbox.
    $script:StateFilePattern = '^(links|delta-links|assignments|retry-queue|cycle-history|quarantine|staged-deletes|pending-creates|source-watermark|notifications)\.json$|^state\.lock|\.jsonl$'

    function script:Get-BlobName([string] $AccountUri, [string] $Container) {
        <# The container's blob names, listed with Shared Key authorization (Azurite's path-style URLs). #>
        $date = [DateTime]::UtcNow.ToString('R')
        $version = '2021-08-06'
        $path = ([Uri]"$AccountUri/$Container").AbsolutePath
        $toSign = "GET`n`n`n`n`n`n`n`n`n`n`n`nx-ms-date:$date`nx-ms-version:$version`n/$script:AccountName$path`ncomp:list`nrestype:container"
        $hmac = [System.Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($script:AccountKey))
        $signature = [Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($toSign)))
        $headers = @{ 'x-ms-date' = $date; 'x-ms-version' = $version; Authorization = "SharedKey ${script:AccountName}:$signature" }
        $response = Invoke-WebRequest -Uri "$AccountUri/${Container}?restype=container&comp=list" -Headers $headers
        ([xml]$response.Content).EnumerationResults.Blobs.Blob.Name
    }

    function script:New-Sandbox([string] $Name) {
        <# What Automation gives a job: an empty disk. #>
        $root = Join-Path $TestDrive $Name
        $sandbox = [pscustomobject]@{ Root = $root; Home = Join-Path $root 'home'; Tmp = Join-Path $root 'tmp'; ProfileHome = Join-Path $root 'home/.sharefileprovisioning' }
        New-Item -ItemType Directory $sandbox.Home, $sandbox.Tmp -Force | Out-Null
        $sandbox
    }

    function script:Get-LocalStateFile($Sandbox) {
        @(Get-ChildItem $Sandbox.Root -Recurse -File -Force -ErrorAction SilentlyContinue | Where-Object Name -Match $script:StateFilePattern)
    }

    # The runbook: what a user writes in the Automation account (assets passed in as arguments here).
    $script:Runbook = @'
param($ModulePath, $ShareFileUri, $GraphUri, $SpId, $StorageConnection, $Container, $ConfigurationPath)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
# Get-AutomationPSCredential -Name 'ShareFileAdmin' in Automation
$admin = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))
Connect-ShareFile -Subdomain acme -Credential $admin -ClientId 'sfp-demo-client' -ClientSecret (ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force) -BaseUri $ShareFileUri
Connect-ProvisioningSource -Identity -ServicePrincipalId $SpId -GraphBaseUri $GraphUri
$state = New-ShareFileStateStoreConnection -ConnectionString (ConvertTo-SecureString $StorageConnection -AsPlainText -Force) -ContainerName $Container
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$out = @(Invoke-ShareFileSync -Profile acme -ConfigurationPath $ConfigurationPath -StateStore $state -Confirm:$false)
$watch.Stop()
$summary = $out | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncSummary] }
$actions = @($out | Where-Object { $_ -is [ShareFileProvisioning.ShareFileSyncResult] } | ForEach-Object { '{0}:{1}:{2}' -f $_.Action, $_.Status, $_.UserPrincipalName })
$status = Get-ShareFileProvisioningStatus -Profile acme -StateStore $state
$log = @(Get-ShareFileProvisioningLog -Profile acme -StateStore $state -CycleId $summary.CycleId)
'RESULT ' + ([ordered]@{
    CycleType = $summary.CycleType; Status = $summary.Status; Succeeded = $summary.Succeeded; Failed = $summary.Failed
    Links = $summary.Links; ElapsedMs = [int]$summary.Elapsed.TotalMilliseconds; CmdletMs = [int]$watch.Elapsed.TotalMilliseconds
    Actions = $actions; LinkedUsers = $status.LinkedUsers; LastCycleType = "$($status.LastCycleType)"; LogRecords = $log.Count
} | ConvertTo-Json -Compress)
'@

    function script:Invoke-RunbookJob($Sandbox) {
        <# One Automation job: a new pwsh process whose environment is a fresh sandbox plus the managed-identity variables. #>
        $scriptPath = Join-Path $Sandbox.Root 'runbook.ps1'
        Set-Content -Path $scriptPath -Value $script:Runbook
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $scriptPath,
                $env:SFP_TEST_MODULE_PATH, $script:Emulator.Uri, "$($script:Emulator.Uri)/v1.0", $script:SpId,
                $script:StorageConnection, $script:Container, $script:ConfigurationPath)) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.Environment['HOME'] = $Sandbox.Home
        $psi.Environment['USERPROFILE'] = $Sandbox.Home
        $psi.Environment['TMP'] = $Sandbox.Tmp
        $psi.Environment['TEMP'] = $Sandbox.Tmp
        $psi.Environment['TMPDIR'] = $Sandbox.Tmp
        $psi.Environment['XDG_CONFIG_HOME'] = Join-Path $Sandbox.Home '.config'
        $psi.Environment['XDG_DATA_HOME'] = Join-Path $Sandbox.Home '.local/share'
        $psi.Environment['XDG_CACHE_HOME'] = Join-Path $Sandbox.Home '.cache'
        $psi.Environment['SHAREFILEPROVISIONING_HOME'] = $Sandbox.ProfileHome
        $psi.Environment['PSModulePath'] = ''
        # As Azure Automation sets them for a managed identity.
        $psi.Environment['IDENTITY_ENDPOINT'] = "$($script:Emulator.Uri)/_msi/token"
        $psi.Environment['IDENTITY_HEADER'] = 'emulator-identity-header'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $process = [System.Diagnostics.Process]::Start($psi)
        $stderr = $process.StandardError.ReadToEndAsync()
        $stdoutRead = $process.StandardOutput.ReadToEndAsync()
        # A hung job must fail the test, not hang the suite or outlive it.
        if (-not $process.WaitForExit(180000)) { $process.Kill($true); throw 'The runbook job did not finish within 3 minutes.' }
        $stdout = $stdoutRead.Result
        $watch.Stop()
        $line = ($stdout -split "`r?`n") | Where-Object { $_ -like 'RESULT *' } | Select-Object -Last 1
        if ($process.ExitCode -ne 0 -or -not $line) { throw "The runbook job failed (exit $($process.ExitCode)): $stdout $($stderr.Result)" }
        $result = $line.Substring(7) | ConvertFrom-Json
        $result | Add-Member ProcessMs ([int]$watch.Elapsed.TotalMilliseconds)
        $result
    }
}

Describe 'A runbook with managed identity and state in Azure Blob Storage' {
    BeforeAll {
        $script:Emulator = Start-Emulator -GraphSeed $script:GraphSeed
        $script:Azurite = Start-Azurite -WorkDirectory (Join-Path $TestDrive 'azurite')
        $script:StorageConnection = $script:Azurite.ConnectionString
        # The configuration ships with the runbook (an input, not state).
        $script:ConfigurationPath = Join-Path $TestDrive 'runbook-package/acme.json'
        New-Item -ItemType Directory (Split-Path $script:ConfigurationPath) -Force | Out-Null
        # The default configuration, exported the way an administrator prepares it for the Automation account.
        $exportHome = Join-Path $TestDrive 'admin-workstation'
        Invoke-FreshPwsh -Command "`$env:SHAREFILEPROVISIONING_HOME = '$exportHome'; Import-Module '$env:SFP_TEST_MODULE_PATH'; Export-ShareFileProvisioningConfiguration -Profile acme -Path '$script:ConfigurationPath'" | Out-Null
        Test-Path $script:ConfigurationPath | Should -BeTrue
    }
    AfterAll {
        Stop-Emulator $script:Emulator
        Stop-Azurite $script:Azurite
    }

    It 'runs an initial and then an incremental cycle in two fresh sandboxes, keeping state only in the blob container' {
        $first = New-Sandbox 'job1'
        $initial = Invoke-RunbookJob $first
        $initial.CycleType | Should -Be 'Initial'
        $initial.Status | Should -Be 'Succeeded'
        $initial.Failed | Should -Be 0
        $initial.Succeeded | Should -BeGreaterThan 1
        $initial.Actions | Should -Contain 'Create:Success:grace.hopper@contoso.example'
        $initial.LinkedUsers | Should -Be $initial.Links
        $initial.LogRecords | Should -Be $initial.Actions.Count
        Get-LocalStateFile $first | Should -BeNullOrEmpty
        Test-Path $first.ProfileHome | Should -BeFalse

        $blobs = @(Get-BlobName $script:Azurite.AccountUri $script:Container)
        foreach ($name in 'state/links.json', 'state/delta-links.json', 'state/source-watermark.json', 'state/cycle-history.json') { $blobs | Should -Contain $name }
        @($blobs | Where-Object { $_ -like 'logs/*' }).Count | Should -BeGreaterThan 0

        # A change in Entra ID between the jobs.
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/users/2c8d5e3f-3333-4a4b-8c5d-6e7f8a9b0c03' -Method Patch -Body @{ surname = 'Murray' } | Out-Null
        # Log blobs are ordered by their start second: keep the next cycle in a later second.
        Start-Sleep -Seconds 1

        $second = New-Sandbox 'job2'
        @(Get-ChildItem $second.Root -Recurse -Force -File) | Should -BeNullOrEmpty -Because 'the second job starts on an empty disk'
        Test-Path $second.ProfileHome | Should -BeFalse -Because 'no profile state folder exists before the job'
        $incremental = Invoke-RunbookJob $second
        $incremental.CycleType | Should -Be 'Incremental'
        $incremental.LastCycleType | Should -Be 'Incremental'
        $incremental.Status | Should -Be 'Succeeded'
        $incremental.Actions | Should -Be @('Update:Success:grace.hopper@contoso.example')
        $incremental.Links | Should -Be $initial.Links
        $incremental.LogRecords | Should -Be 1

        foreach ($sandbox in $first, $second) {
            Get-LocalStateFile $sandbox | Should -BeNullOrEmpty
            Test-Path $sandbox.ProfileHome | Should -BeFalse
        }
        @(Get-BlobName $script:Azurite.AccountUri $script:Container | Where-Object { $_ -like 'logs/*' }).Count | Should -BeGreaterThan @($blobs | Where-Object { $_ -like 'logs/*' }).Count
        (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'sharefile/state' -Method Get).users |
            Where-Object email -eq 'grace.hopper@contoso.example' | ForEach-Object lastName | Should -Be 'Murray'

        $timings = 'Runbook cycle timings: initial {0} ms (sync {1} ms, job process {2} ms), incremental {3} ms (sync {4} ms, job process {5} ms)' -f `
            $initial.CmdletMs, $initial.ElapsedMs, $initial.ProcessMs, $incremental.CmdletMs, $incremental.ElapsedMs, $incremental.ProcessMs
        Write-Host $timings
    }
}

Describe 'about_ShareFileProvisioning_Runbooks' {
    It 'is compiled into the module and covers identity, permissions, storage, the runbook and logs' {
        $text = & {
            Import-Module $env:SFP_TEST_MODULE_PATH
            Get-Help about_ShareFileProvisioning_Runbooks | Out-String
        }
        foreach ($needle in 'New-MgServicePrincipalAppRoleAssignment', 'Application.Read.All', 'User.Read.All', 'GroupMember.Read.All', 'Mail.Send',
            'Storage Blob Data Contributor', 'Get-AutomationPSCredential', "`$ErrorActionPreference = 'Stop'", '-Confirm:$false', '-StateStore',
            'Register-AzAutomationScheduledRunbook', 'Get-ShareFileProvisioningLog') {
            $text | Should -BeLike "*$needle*"
        }
    }
}
