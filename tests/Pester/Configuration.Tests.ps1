BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $script:SfpHome = Join-Path ([IO.Path]::GetTempPath()) ("sfp-pester-" + [guid]::NewGuid().ToString('N').Substring(0, 10))
    $env:SHAREFILEPROVISIONING_HOME = $script:SfpHome

    function Get-ProfileFile([string] $Name) { Join-Path $script:SfpHome "profiles/$Name/configuration.json" }
    function Get-FileHashText([string] $Path) { (Get-FileHash $Path -Algorithm SHA256).Hash }
    function New-ProfileName { 'p' + [guid]::NewGuid().ToString('N').Substring(0, 8) }
}

AfterAll {
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
    Remove-Item $script:SfpHome -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-ShareFileProvisioningConfiguration' {
    It 'shows the defaults for a new profile without writing a file' {
        $name = New-ProfileName
        $config = Get-ShareFileProvisioningConfiguration -Profile $name
        $config | Should -BeOfType 'ShareFileProvisioning.ShareFileProvisioningConfiguration'
        $config.IsDefault | Should -BeTrue
        $config.Profile | Should -Be $name
        $config.ConfigurationPath | Should -Be (Get-ProfileFile $name)
        $config.DeprovisioningAction | Should -Be 'Disable'
        $config.DeletionThresholdCount | Should -Be 500
        $config.DefaultUserType | Should -Be 'Employee'
        $config.Fingerprint | Should -Match '^sha256:[0-9a-f]{64}$'
        Test-Path (Get-ProfileFile $name) | Should -BeFalse
    }

    It 'lists the default mappings as rows: UPN matches first, mail is lookup-only' {
        $rows = @(Get-ShareFileProvisioningConfiguration -Profile (New-ProfileName) -Mappings)
        $rows[0] | Should -BeOfType 'ShareFileProvisioning.ShareFileAttributeMapping'
        $email = @($rows | Where-Object TargetAttribute -eq 'Email')
        $email.Count | Should -Be 2
        ($email | Where-Object MatchingPrecedence -eq 1).Source | Should -Be '[userPrincipalName]'
        ($email | Where-Object MatchingPrecedence -eq 2).LookupOnly | Should -BeTrue
        ($rows | Where-Object TargetAttribute -eq 'Enabled').Expression | Should -Be 'Not([IsSoftDeleted])'
    }

    It 'uses the profile "default" when not connected' {
        Disconnect-ShareFile -ErrorAction SilentlyContinue
        (Get-ShareFileProvisioningConfiguration).Profile | Should -Be 'default'
    }

    It 'reports each invalid field of a hand-edited file as a ConfigurationInvalid error' {
        $name = New-ProfileName
        Set-ShareFileProvisioningConfiguration -Profile $name -GracePeriodDays 1
        $path = Get-ProfileFile $name
        (Get-Content $path -Raw).Replace('"surname"', '"surnam"').Replace('"minimumActions": 20', '"minimumActions": 0') | Set-Content $path
        $out = Get-ShareFileProvisioningConfiguration -Profile $name -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs.Count | Should -Be 2
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ConfigurationInvalid,*' }
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs.TargetObject | Should -Be @('userMappings[3].sourceAttribute', 'quarantine.minimumActions')
        $errs[0].ToString() | Should -BeLike "*userMappings``[3``].sourceAttribute*surnam*"
    }
}

Describe 'Set-ShareFileProvisioningConfiguration' {
    It 'changes only the settings given, writes the file and returns the configuration with -PassThru' {
        $name = New-ProfileName
        $result = Set-ShareFileProvisioningConfiguration -Profile $name -DeletionThresholdCount 100 -DeletionThresholdPercent 5 -NotificationRecipients 'ops@contoso.com' -QuarantineMinimumActions 50 -PassThru
        $result | Should -BeOfType 'ShareFileProvisioning.ShareFileProvisioningConfiguration'
        $result.IsDefault | Should -BeFalse
        $again = Get-ShareFileProvisioningConfiguration -Profile $name
        $again.DeletionThresholdCount | Should -Be 100
        $again.DeletionThresholdPercent | Should -Be 5
        $again.NotificationRecipients | Should -Be @('ops@contoso.com')
        $again.QuarantineMinimumActions | Should -Be 50
        $again.DeprovisioningAction | Should -Be 'Disable'
        $again.Fingerprint | Should -Be $result.Fingerprint
        Get-Content (Get-ProfileFile $name) -Raw | Should -Match '"count": 100'
    }

    It 'sets how long provisioning logs are kept, and refuses a negative value naming the field' {
        $name = New-ProfileName
        $result = Set-ShareFileProvisioningConfiguration -Profile $name -LogRetentionDays 90 -LogRetentionCycles 500 -PassThru
        $result.LogRetentionDays | Should -Be 90
        $result.LogRetentionCycles | Should -Be 500
        (Get-Content (Get-ProfileFile $name) -Raw | ConvertFrom-Json).logRetention.days | Should -Be 90
        Set-ShareFileProvisioningConfiguration -Profile $name -LogRetentionDays -1 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'logRetention.days'
        (Get-ShareFileProvisioningConfiguration -Profile $name).LogRetentionDays | Should -Be 90
    }

    It 'writes nothing without -PassThru output' {
        Set-ShareFileProvisioningConfiguration -Profile (New-ProfileName) -GracePeriodDays 3 | Should -BeNullOrEmpty
    }

    It 'refuses Delete without a reassign-to user, naming the field, and leaves the file byte-identical' {
        $name = New-ProfileName
        Set-ShareFileProvisioningConfiguration -Profile $name -GracePeriodDays 7
        $before = Get-FileHashText (Get-ProfileFile $name)
        Set-ShareFileProvisioningConfiguration -Profile $name -DeprovisioningAction Delete -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ConfigurationInvalid,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errs[0].TargetObject | Should -Be 'deprovisioning.reassignToUser'
        Get-FileHashText (Get-ProfileFile $name) | Should -Be $before
    }

    It 'accepts Delete with a reassign-to user and a grace period' {
        $name = New-ProfileName
        $r = Set-ShareFileProvisioningConfiguration -Profile $name -DeprovisioningAction Delete -ReassignToUser 'archive@contoso.com' -GracePeriodDays 30 -PassThru
        $r.DeprovisioningAction | Should -Be 'Delete'
        $r.ReassignToUser | Should -Be 'archive@contoso.com'
    }

    It 'rejects an invalid notification recipient by index' {
        Set-ShareFileProvisioningConfiguration -Profile (New-ProfileName) -NotificationRecipients 'ok@contoso.com', 'nope' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'notifications.recipients[1]'
    }

    It 'sets the user type by groups and refuses an expression at the same time' {
        $name = New-ProfileName
        (Set-ShareFileProvisioningConfiguration -Profile $name -ClientGroups 'Partners' -PassThru).ClientGroups | Should -Be @('Partners')
        Set-ShareFileProvisioningConfiguration -Profile $name -UserTypeExpression '"Client"' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'userType.expression'
    }

    It 'sets group provisioning and the SMTP channel, and removes SMTP with an empty host' {
        $name = New-ProfileName
        $r = Set-ShareFileProvisioningConfiguration -Profile $name -GroupProvisioningEnabled $true -GroupOnRemoved Keep -GroupNestedGroups Flatten -GroupOverflowPolicy ApplyWhatFits -SmtpHost smtp.contoso.com -SmtpPort 25 -SmtpFrom 'sf@contoso.com' -PassThru
        $r.GroupProvisioningEnabled | Should -BeTrue
        $r.GroupOnRemoved | Should -Be 'Keep'
        $r.GroupNestedGroups | Should -Be 'Flatten'
        $r.GroupOverflowPolicy | Should -Be 'ApplyWhatFits'
        $r.NotificationSmtpPort | Should -Be 25
        Set-ShareFileProvisioningConfiguration -Profile $name -SmtpPort 70000 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'notifications.smtp.port'
        (Set-ShareFileProvisioningConfiguration -Profile $name -SmtpHost '' -PassThru).NotificationSmtpHost | Should -BeNullOrEmpty
    }

    It 'completes -Profile with existing profile names' {
        $name = New-ProfileName
        Set-ShareFileProvisioningConfiguration -Profile $name -GracePeriodDays 2
        $line = "Get-ShareFileProvisioningConfiguration -Profile $($name.Substring(0, 5))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $name
    }

    It '-WhatIf changes nothing' {
        $name = New-ProfileName
        Set-ShareFileProvisioningConfiguration -Profile $name -DeletionThresholdCount 10 -WhatIf
        Test-Path (Get-ProfileFile $name) | Should -BeFalse
        Set-ShareFileProvisioningConfiguration -Profile $name -DeletionThresholdCount 10
        $before = Get-FileHashText (Get-ProfileFile $name)
        Set-ShareFileProvisioningConfiguration -Profile $name -DeletionThresholdCount 20 -WhatIf
        Get-FileHashText (Get-ProfileFile $name) | Should -Be $before
    }

    It 'uses an explicit -ConfigurationPath instead of the profile folder' {
        $path = Join-Path $script:SfpHome 'runbook/config.json'
        Set-ShareFileProvisioningConfiguration -ConfigurationPath $path -DeletionThresholdCount 42
        Test-Path $path | Should -BeTrue
        (Get-ShareFileProvisioningConfiguration -ConfigurationPath $path).DeletionThresholdCount | Should -Be 42
    }
}

Describe 'Set-ShareFileAttributeMapping and Remove-ShareFileAttributeMapping' {
    BeforeEach { $script:Name = New-ProfileName }

    It 'adds a constant permission mapping and returns it with -PassThru' {
        $m = Set-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute CanCreateFolders -Constant 'True' -Apply OnCreateOnly -PassThru
        $m | Should -BeOfType 'ShareFileProvisioning.ShareFileAttributeMapping'
        $m.MappingType | Should -Be 'Constant'
        $m.Apply | Should -Be 'OnCreateOnly'
        @(Get-ShareFileProvisioningConfiguration -Profile $script:Name -Mappings).Count | Should -Be 7
    }

    It 'replaces the written mapping of a target and keeps its other settings' {
        Set-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute FirstName -SourceAttribute givenName -DefaultValue 'Unknown'
        Set-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute FirstName -Expression 'PCase([givenName])'
        $rows = @(Get-ShareFileProvisioningConfiguration -Profile $script:Name -Mappings | Where-Object TargetAttribute -eq 'FirstName')
        $rows.Count | Should -Be 1
        $rows[0].Expression | Should -Be 'PCase([givenName])'
        $rows[0].DefaultValue | Should -Be 'Unknown'
    }

    It 'rejects an expression that does not compile, naming the mapping field' {
        Set-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute DefaultZone -Expression 'Left([officeLocatoin], 3)' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'userMappings[6].expression'
        $errs[0].ToString() | Should -BeLike '*officeLocatoin*'
        Test-Path (Get-ProfileFile $script:Name) | Should -BeFalse
    }

    It 'rejects a constant the target cannot take' {
        Set-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute StorageQuotaLimitGB -Constant 'lots' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'userMappings[6].constant'
    }

    It 'adds a lookup-only matching mapping beside the written one' {
        Set-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute Email -Expression 'Item([otherMails], 1)' -MatchingPrecedence 3 -LookupOnly
        $email = @(Get-ShareFileProvisioningConfiguration -Profile $script:Name -Mappings | Where-Object TargetAttribute -eq 'Email')
        $email.Count | Should -Be 3
        ($email | Where-Object MatchingPrecedence -eq 3).LookupOnly | Should -BeTrue
    }

    It 'removes a mapping and returns it with -PassThru; -WhatIf keeps it' {
        Remove-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute Company -WhatIf
        Test-Path (Get-ProfileFile $script:Name) | Should -BeFalse
        $removed = Remove-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute Company -PassThru
        $removed.Source | Should -Be '[companyName]'
        Get-ShareFileProvisioningConfiguration -Profile $script:Name -Mappings | Where-Object TargetAttribute -eq 'Company' | Should -BeNullOrEmpty
    }

    It 'refuses to remove the only Email mappings' {
        Remove-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute Email -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.TargetObject | Should -Contain 'userMappings'
        @(Get-ShareFileProvisioningConfiguration -Profile $script:Name -Mappings | Where-Object TargetAttribute -eq 'Email').Count | Should -Be 2
    }

    It 'reports a mapping that does not exist' {
        Remove-ShareFileAttributeMapping -Profile $script:Name -TargetAttribute DefaultZone -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AttributeMappingNotFound,*'
    }

    It 'completes -TargetAttribute values' {
        $completion = TabExpansion2 -inputScript 'Set-ShareFileAttributeMapping -TargetAttribute CanC' -cursorColumn 51
        $completion.CompletionMatches.CompletionText | Should -Contain 'CanCreateFolders'
    }
}

Describe 'Add-ShareFileScopingFilter and Remove-ShareFileScopingFilter' {
    BeforeEach { $script:Name = New-ProfileName }

    It 'adds filters from parameters and hashtables, and clauses to an existing filter' {
        $first = @(Add-ShareFileScopingFilter -Profile $script:Name -Attribute department -Operator EQUALS -Value Sales -PassThru)
        $first[0] | Should -BeOfType 'ShareFileProvisioning.ShareFileScopingClause'
        $first[0].FilterIndex | Should -Be 1
        $second = @(Add-ShareFileScopingFilter -Profile $script:Name -Clause @{ Attribute = 'country'; Operator = 'EQUALS'; Value = 'NL' }, @{ SourceAttribute = 'accountEnabled'; Operator = 'IS TRUE' } -Title 'Dutch' -PassThru)
        $second.Count | Should -Be 2
        $second.FilterIndex | Should -Be @(2, 2)
        Add-ShareFileScopingFilter -Profile $script:Name -FilterIndex 1 -Attribute jobTitle -Operator 'IS NOT NULL'
        $rows = @(Get-ShareFileProvisioningConfiguration -Profile $script:Name -ScopingFilters)
        $rows.Count | Should -Be 4
        ($rows | Where-Object { $_.FilterIndex -eq 1 -and $_.ClauseIndex -eq 2 }).Attribute | Should -Be 'jobTitle'
        (Get-ShareFileProvisioningConfiguration -Profile $script:Name).ScopingFilterCount | Should -Be 2
    }

    It 'rejects an unknown operator naming the clause, and writes nothing' {
        Add-ShareFileScopingFilter -Profile $script:Name -Attribute department -Operator 'SOUNDS LIKE' -Value x -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'scopingFilters.filters[0].clauses[0]'
        Test-Path (Get-ProfileFile $script:Name) | Should -BeFalse
    }

    It 'rejects a disallowed attribute' {
        Add-ShareFileScopingFilter -Profile $script:Name -Attribute manager -Operator 'IS NOT NULL' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ConfigurationInvalid,*'
    }

    It '-WhatIf adds nothing' {
        Add-ShareFileScopingFilter -Profile $script:Name -Attribute department -Operator EQUALS -Value Sales -WhatIf
        Test-Path (Get-ProfileFile $script:Name) | Should -BeFalse
    }

    It 'removes one clause, a whole filter, or all of them' {
        Add-ShareFileScopingFilter -Profile $script:Name -Clause @{ Attribute = 'department'; Operator = 'EQUALS'; Value = 'Sales' }, @{ Attribute = 'country'; Operator = 'EQUALS'; Value = 'NL' }
        Add-ShareFileScopingFilter -Profile $script:Name -Attribute department -Operator EQUALS -Value IT
        $removed = Remove-ShareFileScopingFilter -Profile $script:Name -FilterIndex 1 -ClauseIndex 2 -PassThru
        $removed.Attribute | Should -Be 'country'
        @(Get-ShareFileProvisioningConfiguration -Profile $script:Name -ScopingFilters).Count | Should -Be 2
        Remove-ShareFileScopingFilter -Profile $script:Name -FilterIndex 2
        (Get-ShareFileProvisioningConfiguration -Profile $script:Name -ScopingFilters).Value | Should -Be 'Sales'
        Remove-ShareFileScopingFilter -Profile $script:Name -FilterIndex 5 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ScopingFilterNotFound,*'
        Remove-ShareFileScopingFilter -Profile $script:Name -All -WhatIf
        @(Get-ShareFileProvisioningConfiguration -Profile $script:Name -ScopingFilters).Count | Should -Be 1
        Remove-ShareFileScopingFilter -Profile $script:Name -All
        Get-ShareFileProvisioningConfiguration -Profile $script:Name -ScopingFilters | Should -BeNullOrEmpty
    }
}

Describe 'Export-ShareFileProvisioningConfiguration and Import-ShareFileProvisioningConfiguration' {
    It 'exports a profile and imports it into another with the same fingerprint' {
        $source = New-ProfileName
        $target = New-ProfileName
        Set-ShareFileProvisioningConfiguration -Profile $source -DeletionThresholdCount 77 -NotificationRecipients 'ops@contoso.com'
        $file = Join-Path $script:SfpHome "export-$source.json"
        Export-ShareFileProvisioningConfiguration -Profile $source -Path $file
        Get-Content $file -Raw | Should -Match '"schemaVersion": 1'
        $imported = Import-ShareFileProvisioningConfiguration -Profile $target -Path $file -PassThru
        $imported.DeletionThresholdCount | Should -Be 77
        $imported.Fingerprint | Should -Be (Get-ShareFileProvisioningConfiguration -Profile $source).Fingerprint
    }

    It 'does not overwrite an export without -Force' {
        $file = Join-Path $script:SfpHome 'exists.json'
        Set-Content $file 'x'
        Export-ShareFileProvisioningConfiguration -Profile (New-ProfileName) -Path $file -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileExists,*'
        Get-Content $file -Raw | Should -Match '^x'
        Export-ShareFileProvisioningConfiguration -Profile (New-ProfileName) -Path $file -Force -PassThru | Should -BeOfType 'ShareFileProvisioning.ShareFileProvisioningConfiguration'
    }

    It 'refuses an invalid file, naming its fields, and keeps the current configuration' {
        $name = New-ProfileName
        Set-ShareFileProvisioningConfiguration -Profile $name -DeletionThresholdCount 9
        $before = Get-FileHashText (Get-ProfileFile $name)
        $bad = Join-Path $script:SfpHome 'bad.json'
        $json = Get-Content (Get-ProfileFile $name) -Raw
        $json.Replace('"action": "Disable"', '"action": "Delete"') | Set-Content $bad
        Import-ShareFileProvisioningConfiguration -Profile $name -Path $bad -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'deprovisioning.reassignToUser'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        Get-FileHashText (Get-ProfileFile $name) | Should -Be $before
    }

    It 'reports an unknown field in the imported JSON' {
        $bad = Join-Path $script:SfpHome 'typo.json'
        '{ "schemaVersion": 1, "deletionTreshold": { "count": 5 } }' | Set-Content $bad
        Import-ShareFileProvisioningConfiguration -Profile (New-ProfileName) -Path $bad -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'deletionTreshold'
    }

    It '-WhatIf imports nothing' {
        $name = New-ProfileName
        $file = Join-Path $script:SfpHome "whatif-$name.json"
        Export-ShareFileProvisioningConfiguration -Profile $name -Path $file
        Import-ShareFileProvisioningConfiguration -Profile $name -Path $file -WhatIf
        Test-Path (Get-ProfileFile $name) | Should -BeFalse
    }
}

Describe 'Test-ShareFileAttributeMapping' {
    It 'evaluates an expression against a hashtable user' {
        $r = Test-ShareFileAttributeMapping -Profile (New-ProfileName) -Expression 'Join(".", ToLower([givenName]), ToLower([surname]))' -User @{ givenName = 'Ada'; surname = 'Lovelace' }
        $r | Should -BeOfType 'ShareFileProvisioning.AttributeMappingTestResult'
        $r.Value | Should -Be 'ada.lovelace'
        $r.IsNull | Should -BeFalse
        $r.ReferencedAttributes | Should -Be @('givenName', 'surname')
    }

    It 'takes users from the pipeline, including IsSoftDeleted and multi-valued properties' {
        $users = [pscustomobject]@{ IsSoftDeleted = $true; otherMails = @('a@x.com', 'b@x.com') }, [pscustomobject]@{ IsSoftDeleted = $false; otherMails = @() }
        $results = @($users | Test-ShareFileAttributeMapping -Profile (New-ProfileName) -Expression 'Not([IsSoftDeleted])')
        $results.Value | Should -Be @('False', 'True')
        (Test-ShareFileAttributeMapping -Profile (New-ProfileName) -Expression 'Count([otherMails])' -User $users[0]).Value | Should -Be 2
    }

    It 'shows null and ignored flows' {
        $r = Test-ShareFileAttributeMapping -Profile (New-ProfileName) -Expression '[mail]' -User @{ givenName = 'Ada' }
        $r.IsNull | Should -BeTrue
        $r = Test-ShareFileAttributeMapping -Profile (New-ProfileName) -Expression 'IgnoreFlowIfNullOrEmpty([mail])' -User @{ givenName = 'Ada' }
        $r.FlowIgnored | Should -BeTrue
    }

    It 'rejects an expression that does not compile, before any user' {
        { Test-ShareFileAttributeMapping -Profile (New-ProfileName) -Expression 'Left([givenNam], 1)' -User @{} -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExpressionInvalid,ShareFileProvisioning.Cmdlets.Configuration.TestShareFileAttributeMappingCommand'
    }

    It 'asks for a source connection or an object when given a UPN string' {
        Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
        Test-ShareFileAttributeMapping -Profile (New-ProfileName) -Expression '[mail]' -User 'ada@contoso.com' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'UserLookupNeedsSource,*'
        $errs[0].ToString() | Should -BeLike '*Connect-ProvisioningSource*'
    }

    Context 'with a source connection' {
        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
            $script:GraphEmulator = Start-Emulator
            # Ids and credentials of tests/ShareFileProvisioning.Emulator/seeds/graph-default.json
            $script:Source = Connect-ProvisioningSource -TenantId '7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f' -ServicePrincipalId '5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9' `
                -ClientId 'c0ffee00-1234-4abc-8def-0123456789ab' -ClientSecret (ConvertTo-SecureString 'emulator-secret-value' -AsPlainText -Force) `
                -GraphBaseUri "$($script:GraphEmulator.Uri)/v1.0" -AuthorityHost $script:GraphEmulator.Uri -PassThru
        }
        AfterAll {
            Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
            Stop-Emulator $script:GraphEmulator
        }

        It 'reads a user named by UPN from Entra ID, with IsSoftDeleted as the sync computes it' {
            $name = New-ProfileName
            (Test-ShareFileAttributeMapping -Profile $name -Expression 'Join(" ", [givenName], [surname])' -User 'ada.lovelace@contoso.example').Value | Should -Be 'Ada Lovelace'
            # Dennis is assigned but disabled in Entra: IsSoftDeleted, so the default enabled-state mapping yields False.
            (Test-ShareFileAttributeMapping -Profile $name -Expression 'Not([IsSoftDeleted])' -User 'dennis.ritchie@contoso.example' -SourceConnection $script:Source).Value | Should -Be 'False'
            (Test-ShareFileAttributeMapping -Profile $name -Expression 'Not([IsSoftDeleted])' -User 'ada.lovelace@contoso.example').Value | Should -Be 'True'
        }

        It 'reports a UPN that Entra ID does not know' {
            Test-ShareFileAttributeMapping -Profile (New-ProfileName) -Expression '[mail]' -User 'nobody@contoso.example' -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'SourceUserNotFound,*'
            $errs[0].TargetObject | Should -Be 'nobody@contoso.example'
        }
    }

    It 'knows extension attributes only when the profile lists them' {
        $name = New-ProfileName
        { Test-ShareFileAttributeMapping -Profile $name -Expression '[extension_1_costCenter]' -User @{} -ErrorAction Stop } | Should -Throw
        $path = Get-ProfileFile $name
        Set-ShareFileProvisioningConfiguration -Profile $name -GracePeriodDays 0
        $json = Get-Content $path -Raw | ConvertFrom-Json
        $json.sourceAttributes = @(@{ name = 'extension_1_costCenter'; type = 'String' })
        $json | ConvertTo-Json -Depth 10 | Set-Content $path
        (Test-ShareFileAttributeMapping -Profile $name -Expression '[extension_1_costCenter]' -User @{ extension_1_costCenter = 'CC1' }).Value | Should -Be 'CC1'
    }
}
