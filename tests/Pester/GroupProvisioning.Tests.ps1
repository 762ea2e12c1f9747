BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $env:SHAREFILEPROVISIONING_HOME = Join-Path $TestDrive 'home'
    $script:SpId = '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9'
    $script:GraphSeed = Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/graph-default.json'
    function script:New-ProfileName { 'g' + [guid]::NewGuid().ToString('N').Substring(0, 8) }
    function script:Get-ProfileFile([string] $Name) { Join-Path $env:SHAREFILEPROVISIONING_HOME "profiles/$Name/configuration.json" }
}

AfterAll {
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'Set-ShareFileGroupProvisioning and Get-ShareFileGroupProvisioning' {
    It 'is off by default and -Enabled $true -PassThru turns it on with the documented defaults' {
        $name = New-ProfileName
        (Get-ShareFileGroupProvisioning -Profile $name).Enabled | Should -BeFalse
        $g = Set-ShareFileGroupProvisioning -Profile $name -Enabled $true -PassThru
        $g | Should -BeOfType 'ShareFileProvisioning.ShareFileGroupProvisioning'
        $g.Enabled | Should -BeTrue
        $g.NameMapping | Should -Be '[displayName]'
        $g.IsShared | Should -BeTrue
        $g.OnGroupRemoved | Should -Be 'Delete'
        $g.NestedGroups | Should -Be 'Direct'
        $g.OverflowPolicy | Should -Be 'Skip'
        (Get-ShareFileGroupProvisioning -Profile $name).Enabled | Should -BeTrue
    }

    It 'changes only the options given, and saves them in the profile' {
        $name = New-ProfileName
        Set-ShareFileGroupProvisioning -Profile $name -Enabled $true
        Set-ShareFileGroupProvisioning -Profile $name -IsShared $false -OnGroupRemoved Keep -NestedGroups Flatten -OverflowPolicy ApplyWhatFits -NameExpression 'Append("SF ", [displayName])'
        $g = Get-ShareFileGroupProvisioning -Profile $name
        $g.Enabled | Should -BeTrue
        $g.IsShared | Should -BeFalse
        $g.OnGroupRemoved | Should -Be 'Keep'
        $g.NestedGroups | Should -Be 'Flatten'
        $g.OverflowPolicy | Should -Be 'ApplyWhatFits'
        $g.NameMapping | Should -Be 'Append("SF ", [displayName])'
        (Get-Content (Get-ProfileFile $name) -Raw) | Should -Match '"onGroupRemoved":\s*"Keep"'
    }

    It '-WhatIf writes nothing' {
        $name = New-ProfileName
        Set-ShareFileGroupProvisioning -Profile $name -Enabled $true -WhatIf
        Test-Path (Get-ProfileFile $name) | Should -BeFalse
    }

    It 'rejects a name expression that does not parse, naming the field' {
        $name = New-ProfileName
        Set-ShareFileGroupProvisioning -Profile $name -Enabled $true -NameExpression 'Append([displayName]' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -BeGreaterThan 0
        $errs[0].ToString() | Should -BeLike '*groupProvisioning.mappings*expression*'
        Test-Path (Get-ProfileFile $name) | Should -BeFalse
    }

    It 'rejects an unknown option value' {
        { Set-ShareFileGroupProvisioning -Profile (New-ProfileName) -OnGroupRemoved Disable } | Should -Throw
    }
}

Describe 'Group provisioning in a sync' {
    BeforeAll {
        $script:Emulator = Start-Emulator -GraphSeed $script:GraphSeed
        Connect-ShareFile -Subdomain acme -Credential (Get-DemoCredential) -ClientId 'sfp-demo-client' -ClientSecret (Get-DemoClientSecret) -BaseUri $script:Emulator.Uri
        Connect-ProvisioningSource -AccessToken (ConvertTo-SecureString 'any-token' -AsPlainText -Force) -ServicePrincipalId $script:SpId -GraphBaseUri "$($script:Emulator.Uri)/v1.0"
    }
    AfterAll { Stop-Emulator $script:Emulator }

    It 'plans the group, creates it with its members, and leaves it in place when disabled again' {
        Set-ShareFileGroupProvisioning -Enabled $true
        $plan = @(Get-ProvisioningPlan | Where-Object { $_ -is [ShareFileProvisioning.ProvisioningPlanItem] -and $_.ObjectType -eq 'Group' })
        $plan.Count | Should -Be 1
        $plan[0].Action | Should -Be 'CreateGroup'
        $plan[0].Members.Count | Should -Be 2

        Invoke-ShareFileSync -Confirm:$false | Out-Null
        $group = Get-ShareFileGroup -IncludeMembers | Where-Object Name -eq 'ShareFile Users'
        $group | Should -Not -BeNullOrEmpty
        @($group.Members.Email) | Sort-Object | Should -Be @('grace.hopper@contoso.example', 'katherine.johnson@contoso.example')

        Set-ShareFileGroupProvisioning -Enabled $false
        $results = @(Invoke-ShareFileSync -Full -Confirm:$false | Where-Object { $_.PSObject.Properties['ObjectType'] -and $_.ObjectType -eq 'Group' })
        $results.Action | Should -Be 'UnmanageGroup'
        Get-ShareFileGroup | Where-Object Name -eq 'ShareFile Users' | Should -Not -BeNullOrEmpty
    }
}
