# Compliance: every exported cmdlet is documented and state-changing ones support -WhatIf/-Confirm.
BeforeDiscovery {
    Import-Module $env:SFP_TEST_MODULE_PATH
    $script:Commands = @(Get-Command -Module ShareFileProvisioning | ForEach-Object Name)
}

BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    # Verbs whose cmdlets change state somewhere (ShareFile, configuration or sync state).
    $script:ChangingVerbs = 'Set', 'Add', 'Remove', 'New', 'Invoke', 'Import', 'Reset', 'Enable', 'Disable', 'Clear', 'Sync', 'Approve', 'Update', 'Send', 'Export'
}

Describe 'Help for <_>' -ForEach $script:Commands {
    BeforeAll {
        $name = $_
        $help = Get-Help $name -Full
        $command = Get-Command $name
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$name\s"   # not the auto-generated syntax stand-in
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples with code' {
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        $help.Examples.Example | ForEach-Object { $_.Code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter' {
        $documented = @($help.Parameters.Parameter | Where-Object { ($_.Description | Out-String).Trim() } | ForEach-Object Name)
        # Common parameters (WhatIf and Confirm included) are PowerShell's to document.
        $command.Parameters.Keys | Where-Object { $_ -notin $script:Common } |
            ForEach-Object { $documented | Should -Contain $_ -Because "-$_ needs a description" }
    }

    It 'declares and documents its output type' {
        $command.OutputType | Should -Not -BeNullOrEmpty
        ($help.ReturnValues | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'supports ShouldProcess when it changes state' {
        $verb = $name.Split('-')[0]
        if ($verb -in $script:ChangingVerbs) {
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}
