# Adversarial: credentials go only where they belong, stored links cannot redirect the bearer token, and hostile
# expressions or log queries cost seconds. Each test tries the attack through the cmdlets and checks nothing was sent.
BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $env:SHAREFILEPROVISIONING_HOME = Join-Path $TestDrive 'home'
    $script:SpId = '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9'
    $script:Emulator = Start-Emulator -GraphSeed (Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/graph-default.json')
    $script:StateDir = Join-Path $env:SHAREFILEPROVISIONING_HOME 'profiles/acme/state'

    function script:Connect-Both {
        Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $script:Emulator.Uri
        Connect-ProvisioningSource -AccessToken (ConvertTo-SecureString 'any-token' -AsPlainText -Force) -ServicePrincipalId $script:SpId -GraphBaseUri "$($script:Emulator.Uri)/v1.0"
    }
    function script:Clear-Requests { Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Delete | Out-Null }
    # Requests the emulator served to ShareFile and Graph since the last Clear-Requests.
    function script:Get-ServedCount {
        $counts = (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Get).counts
        ($counts.PSObject.Properties | Where-Object Name -NotMatch '/_emulator' | Measure-Object Value -Sum).Sum + 0
    }
    # A loopback origin other than the emulator's: the "other host" a crafted link points at.
    $script:Elsewhere = 'http://127.0.0.1:9/v1.0/users/delta?$deltatoken=stolen'
}

AfterAll {
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    Stop-Emulator $script:Emulator
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'Connect-ShareFile refuses hosts that are not ShareFile' {
    It 'refuses <Subdomain> naming the value, before any request' -ForEach @(
        @{ Subdomain = 'acme.sharefile.com.evil.net' }, @{ Subdomain = 'a@b' }, @{ Subdomain = 'acme/../x' }, @{ Subdomain = 'ac me' }
    ) {
        Clear-Requests
        { Connect-ShareFile -Subdomain $Subdomain -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $script:Emulator.Uri -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*'$Subdomain' is refused*"
        Get-ServedCount | Should -Be 0
    }
}

Describe 'Stored links cannot send the bearer token elsewhere' {
    BeforeAll {
        Connect-Both
        Invoke-ShareFileSync -Confirm:$false | Out-Null   # initial cycle: the state now holds delta links
    }

    It 'refuses a saved plan whose next watermark points at another host; nothing is sent, the state keeps its links' {
        $file = Join-Path $TestDrive 'plan.json'
        Get-ProvisioningPlan -Summary -OutFile $file | Out-Null
        $plan = Get-Content $file -Raw | ConvertFrom-Json
        $plan.basis.nextWatermark.usersDeltaLink = $script:Elsewhere
        $plan | ConvertTo-Json -Depth 20 | Set-Content $file
        $watermark = Get-Content (Join-Path $script:StateDir 'source-watermark.json') -Raw
        Clear-Requests

        { Invoke-ShareFileSync -Plan $file -Confirm:$false -ErrorAction Stop } | Should -Throw -ExpectedMessage '*nextWatermark.usersDeltaLink*127.0.0.1:9*'

        Get-ServedCount | Should -Be 0
        Get-Content (Join-Path $script:StateDir 'source-watermark.json') -Raw | Should -Be $watermark
    }

    It 'refuses a delta link in the state that points at another host, naming the file; nothing is sent' {
        $path = Join-Path $script:StateDir 'source-watermark.json'
        $original = Get-Content $path -Raw
        try {
            $watermark = $original | ConvertFrom-Json
            $watermark.groupsDeltaLink = $script:Elsewhere
            $watermark | ConvertTo-Json -Depth 20 | Set-Content $path
            Clear-Requests

            { Invoke-ShareFileSync -Confirm:$false -ErrorAction Stop } | Should -Throw -ExpectedMessage '*source-watermark.json*127.0.0.1:9*'

            Get-ServedCount | Should -Be 0
        }
        finally { Set-Content $path $original -NoNewline }
    }
}

Describe 'Hostile expressions and queries cost seconds' {
    It 'stops a 30-fold nested doubling Replace at the size limit within seconds' {
        $expression = '[givenName]'
        foreach ($i in 1..30) { $expression = "Replace($expression, ""a"", , , ""aa"", , )" }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $r = Test-ShareFileAttributeMapping -Profile bombs -Expression $expression -User @{ givenName = 'a' * 64 } -ErrorVariable failed -ErrorAction SilentlyContinue
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $r | Should -BeNullOrEmpty
        "$($failed[0])" | Should -BeLike '*64 KB*'
    }

    It 'refuses nesting deeper than the limit when the mapping is set' {
        $expression = '[givenName]'
        foreach ($i in 1..60) { $expression = "StripSpaces($expression)" }
        { Set-ShareFileAttributeMapping -Profile bombs -TargetAttribute Company -Expression $expression -ErrorAction Stop } | Should -Throw -ExpectedMessage '*nested more than 50*'
    }

    It 'stops a catastrophic regex after its timeout' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Test-ShareFileAttributeMapping -Profile bombs -Expression 'Replace([givenName], , "(a+)+$", , "x", , )' -User @{ givenName = ('a' * 40) + '!' } -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        "$($failed[0])" | Should -BeLike '*too long*'
    }

    It 'plans every user with a catastrophic mapping as MappingFailed within seconds, not the cycle' {
        $evil = 'Replace(Join("", "' + ('a' * 40) + '!", [givenName]), , "(a+)+$", , "x", , )'
        Set-ShareFileAttributeMapping -Profile bombs -TargetAttribute Company -Expression $evil
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $items = @(Get-ProvisioningPlan -Profile bombs | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] -and $_.ObjectType -ne 'Group' })
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
        $failed = @($items | Where-Object SkipReason -eq 'MappingFailed')
        $failed.Count | Should -BeGreaterThan 0
        @($items | Where-Object Action -in 'Create', 'Adopt', 'Update').Count | Should -Be 0
        $failed | ForEach-Object { $_.Reason | Should -Match 'too long|used up' }
    }

    It 'stops a backtracking wildcard in the log query with a clear error, within seconds' {
        # A logged user whose display name is long enough for "*a*a…*b" to backtrack for ages.
        Invoke-EmulatorControl -Emulator $script:Emulator -Path 'graph/users/0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01' -Method Patch -Body @{ displayName = 'a' * 200; surname = 'Longname' } | Out-Null
        Invoke-ShareFileSync -Confirm:$false | Out-Null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        { Get-ShareFileProvisioningLog -Profile acme -UserPrincipalName (('*a' * 25) + '*b') -ErrorAction Stop | Out-Null } | Should -Throw -ExpectedMessage '*fewer wildcards*'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        @(Get-ShareFileProvisioningLog -Profile acme -UserPrincipalName 'aaa*').Count | Should -BeGreaterThan 0
    }
}
