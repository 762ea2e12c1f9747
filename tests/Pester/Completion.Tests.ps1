# Tab completion where the values come from the service or the machine: profiles, user types, target attributes, group names.
BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $env:SHAREFILEPROVISIONING_HOME = Join-Path $TestDrive 'home'

    function script:Complete([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }
}

AfterAll {
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'Tab completion' {
    It 'completes -Profile with the profiles that exist' {
        foreach ($p in 'contoso', 'contoso-test', 'fabrikam') {
            New-Item -ItemType Directory (Join-Path $env:SHAREFILEPROVISIONING_HOME "profiles/$p") -Force | Out-Null
        }
        Complete 'Invoke-ShareFileSync -Profile con' | Should -Be @('contoso', 'contoso-test')
        Complete 'Get-ShareFileProvisioningStatus -Profile fa' | Should -Be @('fabrikam')
        Complete 'Get-ShareFileProvisioningLog -Profile ' | Should -Be @('contoso', 'contoso-test', 'fabrikam')
    }

    It 'completes user types and target attributes' {
        Complete 'Get-ShareFileUser -UserType ' | Sort-Object | Should -Be @('All', 'Client', 'Employee')
        Complete 'Set-ShareFileProvisioningConfiguration -DefaultUserType C' | Should -Be @('Client')
        Complete 'Set-ShareFileAttributeMapping -TargetAttribute Can' | Sort-Object | Should -Be @('CanCreateFolders', 'CanManageUsers', 'CanUseFileBox')
        Complete 'Remove-ShareFileAttributeMapping -TargetAttribute Fir' | Should -Be @('FirstName')
    }

    Context 'group names from the connected ShareFile account' {
        BeforeAll {
            $seed = Get-Content (Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/sharefile-default.json') -Raw | ConvertFrom-Json
            $seed.groups += [pscustomobject]@{ name = 'Finance Team'; isShared = $true; owner = 'admin@acme.com'; members = @() }
            $seed.groups += [pscustomobject]@{ name = "Fin O'Brien"; isShared = $false; owner = 'admin@acme.com'; members = @() }
            $seedPath = Join-Path $TestDrive 'sharefile-groups.json'
            $seed | ConvertTo-Json -Depth 10 | Set-Content $seedPath
            $script:Emulator = Start-Emulator -ShareFileSeed $seedPath
        }
        AfterAll {
            Disconnect-ShareFile -ErrorAction SilentlyContinue
            Stop-Emulator $script:Emulator
        }

        It 'completes nothing (and does not fail) without a connection' {
            Disconnect-ShareFile -ErrorAction SilentlyContinue
            Complete 'Get-ShareFileGroup -Name Fin' | Should -BeNullOrEmpty
        }

        It 'completes group names, quoting those with spaces or quotes' {
            Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $script:Emulator.Uri
            Complete 'Get-ShareFileGroup -Name Fin' | Should -Be @("'Fin O''Brien'", "'Finance Team'")
            Complete 'Get-ShareFileGroup eng' | Should -Be @('Engineering')
        }

        It 'lists the groups once for repeated completions (cached briefly)' {
            Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Delete | Out-Null
            1..3 | ForEach-Object { Complete 'Get-ShareFileGroup -Name ' | Should -HaveCount 3 }
            $counts = (Invoke-EmulatorControl -Emulator $script:Emulator -Path 'requests' -Method Get).counts
            @($counts.PSObject.Properties | Where-Object Name -Match '^GET /sf/v3/Groups').Count | Should -BeLessOrEqual 1
            ($counts.PSObject.Properties | Where-Object Name -Match '^GET /sf/v3/Groups' | Measure-Object Value -Sum).Sum | Should -BeLessOrEqual 1
        }
    }
}
