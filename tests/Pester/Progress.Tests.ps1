# Planning progress: one Write-Progress bar per stage (reading Entra ID, reading ShareFile, computing), counts that
# grow to what was read, every bar completed at the end, nothing under -ProgressAction SilentlyContinue; -Verbose says
# per stage what was read and how long it took. Run in a separate runspace, whose Streams.Progress keeps the records.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # A tenant of three Graph pages (999 per page): the default seed plus 2,100 directly assigned users.
    $graph = Get-Content (Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/graph-default.json') -Raw | ConvertFrom-Json
    $extra = foreach ($i in 1..2100) {
        [pscustomobject]@{ id = [guid]::NewGuid().ToString(); userPrincipalName = "bulk$i@contoso.example"; mail = "bulk$i@contoso.example"; givenName = 'Bulk'; surname = "User $i"; accountEnabled = $true }
    }
    $graph.users = @($graph.users) + @($extra)
    $graph.appRoleAssignments = @($graph.appRoleAssignments) + @($extra | ForEach-Object { [pscustomobject]@{ principalId = $_.id; principalType = 'User' } })
    $graphSeed = Join-Path $TestDrive 'graph.json'
    $graph | ConvertTo-Json -Depth 20 | Set-Content $graphSeed
    # ShareFile already holds 700 of them.
    $sharefile = Get-Content (Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/sharefile-default.json') -Raw | ConvertFrom-Json
    $sharefile.account.userMax = $null
    $sharefile.users = @($sharefile.users) + @(1..700 | ForEach-Object { [pscustomobject]@{ email = "bulk$_@contoso.example"; firstName = 'Bulk'; lastName = "User $_" } })
    $sharefileSeed = Join-Path $TestDrive 'sharefile.json'
    $sharefile | ConvertTo-Json -Depth 20 | Set-Content $sharefileSeed
    $script:Emulator = Start-Emulator -ShareFileSeed $sharefileSeed -GraphSeed $graphSeed

    # Connects both sides in a new runspace, then runs $Command there; returns the PowerShell object (streams kept).
    function script:Invoke-InRunspace([string] $Command) {
        $ps = [powershell]::Create()
        $script = @'
param($ModulePath, $Uri, $ProfileHome)
$env:SHAREFILEPROVISIONING_HOME = $ProfileHome
Import-Module $ModulePath
$admin = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))
Connect-ShareFile -Subdomain acme -Credential $admin -ClientId 'sfp-demo-client' -ClientSecret (ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force) -BaseUri $Uri
Connect-ProvisioningSource -TenantId '7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f' -ServicePrincipalId '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9' `
    -ClientId 'c0ffee00-1234-4abc-8def-0123456789ab' -ClientSecret (ConvertTo-SecureString 'emulator-secret-value' -AsPlainText -Force) `
    -GraphBaseUri "$Uri/v1.0" -AuthorityHost $Uri
'@ + "`n" + $Command
        $null = $ps.AddScript($script).AddArgument($env:SFP_TEST_MODULE_PATH).AddArgument($script:Emulator.Uri).AddArgument((Join-Path $TestDrive 'home'))
        $script:Output = $ps.Invoke()
        if ($ps.Streams.Error.Count -gt 0) { throw "The runspace failed: $($ps.Streams.Error[0])" }
        $ps
    }

    function script:Get-Number([string] $Status, [string] $Unit) {
        <# "1,234 user(s)" -> 1234, whatever the digit grouping. #>
        if ($Status -notmatch "([\d.,\s\u00a0\u202f]+) $([regex]::Escape($Unit))") { return $null }
        [int]($Matches[1] -replace '\D', '')
    }
}

AfterAll {
    Stop-Emulator $script:Emulator
}

Describe 'Get-ProvisioningPlan progress' {
    It 'shows each stage with counts that grow to what was read, then completes every bar' {
        $ps = Invoke-InRunspace 'Get-ProvisioningPlan -Verbose; (Get-ShareFileUser -UserType All | Measure-Object).Count'
        $shareFileAccounts = $script:Output[-1]
        $items = @($script:Output | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] })
        $records = @($ps.Streams.Progress)
        $ps.Dispose()

        $source = @($records | Where-Object { $_.ActivityId -eq 61 -and $_.RecordType -ne 'Completed' })
        $source.Count | Should -BeGreaterOrEqual 2 -Because 'the first page and the final count are always reported'
        $users = @($source | ForEach-Object { Get-Number $_.StatusDescription 'user(s)' })
        for ($i = 1; $i -lt $users.Count; $i++) { $users[$i] | Should -BeGreaterOrEqual $users[$i - 1] }
        $users[-1] | Should -Be $items.Count -Because 'every in-scope user is one plan item'
        Get-Number $source[-1].StatusDescription 'page(s)' | Should -BeGreaterOrEqual 6 -Because '3 assignment pages and 3 user pages'
        Get-Number $source[-1].StatusDescription 'assignment(s)' | Should -BeGreaterThan 2100

        $target = @($records | Where-Object { $_.ActivityId -eq 62 -and $_.RecordType -ne 'Completed' })
        $target.Count | Should -BeGreaterOrEqual 1
        Get-Number $target[-1].StatusDescription 'account(s)' | Should -Be $shareFileAccounts

        $computing = [array]::FindIndex($records, [Predicate[object]] { param($r) $r.ActivityId -eq 63 })
        $computing | Should -BeGreaterThan ([array]::FindLastIndex($records, [Predicate[object]] { param($r) $r.ActivityId -eq 61 -and $r.RecordType -ne 'Completed' }))
        foreach ($id in 61, 62, 63) {
            @($records | Where-Object { $_.ActivityId -eq $id -and $_.RecordType -eq 'Completed' }).Count | Should -Be 1 -Because "bar $id is closed once"
        }
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'writes one verbose line per stage with what it read and how long it took' {
        $ps = Invoke-InRunspace 'Get-ProvisioningPlan -Summary -Verbose'
        $verbose = @($ps.Streams.Verbose | ForEach-Object Message)
        $ps.Dispose()
        $verbose -match '^Read \d+ user\(s\) and \d+ change\(s\) from .+ in \d+[.,]\d s' | Should -HaveCount 1
        $verbose -match '^Read \d+ ShareFile user\(s\) in \d+[.,]\d s \(\d+ request\(s\)\)' | Should -HaveCount 1
        $verbose -match '^Computed \d+ plan item\(s\) in \d+ ms' | Should -HaveCount 1
    }

    It 'writes nothing to the progress stream under -ProgressAction SilentlyContinue' {
        $ps = Invoke-InRunspace 'Get-ProvisioningPlan -Summary -ProgressAction SilentlyContinue'
        $summary = $script:Output[-1]
        $records = @($ps.Streams.Progress)
        $ps.Dispose()
        $summary | Should -BeOfType 'ShareFileProvisioning.ProvisioningPlanSummary'
        $records | Should -BeNullOrEmpty
    }
}

Describe 'Invoke-ShareFileSync progress' {
    It 'shows the planning stages before the actions' {
        $ps = Invoke-InRunspace 'Invoke-ShareFileSync -WhatIf'
        $records = @($ps.Streams.Progress)
        $ps.Dispose()
        foreach ($id in 61, 62, 63) {
            @($records | Where-Object { $_.ActivityId -eq $id -and $_.RecordType -ne 'Completed' }).Count | Should -BeGreaterThan 0 -Because "stage bar $id"
            @($records | Where-Object { $_.ActivityId -eq $id -and $_.RecordType -eq 'Completed' }).Count | Should -Be 1
        }
    }
}
