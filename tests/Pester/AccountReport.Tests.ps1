# Get-ShareFileAccountReport end to end: a tenant seeded with one account for every class, reason and flag, linked by a
# real sync, then reported through the cmdlet; the objects, the CSV and JSON they pipe into, and the HTML page (parsed).
BeforeAll {
    Import-Module $env:SFP_TEST_MODULE_PATH
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:OldHome = $env:SHAREFILEPROVISIONING_HOME
    $script:UserRole = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b'
    function script:Control([string] $Path, [string] $Method = 'Post', $Body) { Invoke-EmulatorControl -Emulator $script:Emulator -Path $Path -Method $Method -Body $Body }
    function script:New-EntraUser([hashtable] $User, [switch] $Assigned) {
        $id = (Control 'graph/users' -Body $User).id
        if ($Assigned) { Control 'graph/assignments' -Body @{ principalId = $id; appRoleId = $script:UserRole } | Out-Null }
        $id
    }

    # ShareFile: the default seed's account and admin, and one account per case. Sign-ins relative to now.
    $now = [DateTime]::UtcNow
    function script:Ago([int] $Days) { $now.AddDays(-$Days).ToString('o') }
    $seed = Get-Content (Join-Path $PSScriptRoot '../ShareFileProvisioning.Emulator/seeds/sharefile-default.json') -Raw | ConvertFrom-Json
    $seed.admin | Add-Member lastAnyLogin (Ago 1)
    function script:Employee([string] $Email, $LastAnyLogin, [switch] $Disabled) {
        $u = [ordered]@{ email = $Email; firstName = $Email.Split('.')[0]; lastName = 'Seed'; type = 'Employee'; disabled = [bool] $Disabled }
        if ($LastAnyLogin) { $u.lastAnyLogin = $LastAnyLogin }
        [pscustomobject] $u
    }
    function script:Client([string] $Email) { [pscustomobject]@{ email = $Email; firstName = $Email.Split('.')[0]; lastName = 'Seed'; type = 'Client' } }
    $seed.users = @(
        Employee 'ada.lovelace@contoso.example' (Ago 2)             # assigned: Managed after the sync; owns a group
        Employee 'alan.turing@contoso.example' (Ago 200)            # assigned: Managed, no sign-in for 200 days
        Employee 'grace.hopper@contoso.example'                     # assigned through a group: Managed, never signed in
        Employee 'katherine.johnson@contoso.example' (Ago 1)        # assigned through a group: Managed, active
        Employee 'left.scope@contoso.example' (Ago 4)               # linked by the sync, then unassigned
        Employee 'late.joiner@contoso.example' (Ago 5)              # assigned after the sync: not linked yet
        Employee 'filtered.out@contoso.example' (Ago 6)             # assigned, but the scoping filter rejects it
        Client 'dennis.ritchie@contoso.example'                     # assigned, disabled in Entra
        Employee 'linus.torvalds@contoso.example'                   # a nested member only (not assigned), disabled in Entra; never signed in
        Employee 'margaret.hamilton@contoso.example' (Ago 3) -Disabled   # not assigned; disabled in ShareFile
        Client 'barbara.liskov@contoso.example'                     # soft-deleted in Entra
        Client 'gus.partner@fabrikam.example'                       # a B2B guest of the tenant, not assigned
        Employee 'local.contractor@acme.com' (Ago 10)               # no Entra user at all
        Client 'bob.smith@partner.com'                              # no Entra user at all
    )
    $seed.groups = @(
        [pscustomobject]@{ name = 'Engineering'; isShared = $true; owner = 'admin@acme.com'; members = @('ada.lovelace@contoso.example') }
        [pscustomobject]@{ name = 'Analytics'; isShared = $true; owner = 'ada.lovelace@contoso.example'; members = @('alan.turing@contoso.example') }
    )
    $seedFile = Join-Path $TestDrive 'sharefile.json'
    $seed | ConvertTo-Json -Depth 10 | Set-Content $seedFile
    $script:Emulator = Restart-EmulatorFresh -HomeRoot $TestDrive -ShareFileSeed $seedFile

    # Entra: the default seed (Ada, Alan, the disabled Dennis assigned; Grace, Katherine through a group) plus:
    $script:Leaver = New-EntraUser @{ userPrincipalName = 'left.scope@contoso.example'; mail = 'left.scope@contoso.example'; givenName = 'Left'; surname = 'Scope'; displayName = 'Left Scope'; department = 'Engineering' } -Assigned
    New-EntraUser @{ userPrincipalName = 'filtered.out@contoso.example'; mail = 'filtered.out@contoso.example'; givenName = 'Filtered'; surname = 'Out'; displayName = 'Filtered Out'; department = 'Marketing' } -Assigned | Out-Null
    New-EntraUser @{ userPrincipalName = 'gus.partner_fabrikam.example#EXT#@contoso.example'; givenName = 'Gus'; surname = 'Partner'; displayName = 'Gus Partner'; department = 'Engineering' } | Out-Null
    Add-ShareFileScopingFilter -Attribute department -Operator 'NOT EQUALS' -Value Marketing -Confirm:$false
    Invoke-ShareFileSync -Confirm:$false | Out-Null

    # After the sync: one linked user leaves the scope, one joins it, Linus is disabled and Barbara soft-deleted.
    Control "graph/assignments/$script:Leaver" Delete | Out-Null
    New-EntraUser @{ userPrincipalName = 'late.joiner@contoso.example'; mail = 'late.joiner@contoso.example'; givenName = 'Late'; surname = 'Joiner'; displayName = 'Late Joiner'; department = 'Engineering' } -Assigned | Out-Null
    Control 'graph/users/4eaf7a5b-5555-4c6d-8e7f-8a9b0c1d2e05/disable' | Out-Null
    Control 'graph/users/7bd2ad8e-8888-4f9a-9b0c-1d2e3f4a5b08/softDelete' | Out-Null

    $script:HtmlPath = Join-Path $TestDrive 'report.html'
    $script:Out = @(Get-ShareFileAccountReport -InactiveDays 90 -Path $script:HtmlPath)
    $script:Entries = @($script:Out | Where-Object { $_ -is [ShareFileProvisioning.ShareFileAccountReportEntry] })
    $script:Summary = $script:Out[-1]
    function script:E([string] $Email) { $script:Entries | Where-Object Email -eq $Email }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
    Disconnect-ShareFile -ErrorAction SilentlyContinue
    Disconnect-ProvisioningSource -ErrorAction SilentlyContinue
    $env:SHAREFILEPROVISIONING_HOME = $script:OldHome
}

Describe 'Get-ShareFileAccountReport classifies every ShareFile account' {
    It 'writes one entry per account (employees and clients), then one summary' {
        $script:Entries.Count | Should -Be 15
        $script:Summary | Should -BeOfType 'ShareFileProvisioning.ShareFileAccountReportSummary'
        @($script:Out | Where-Object { $_ -is [ShareFileProvisioning.ShareFileAccountReportSummary] }).Count | Should -Be 1
        (Control 'sharefile/state' Get).users.Count | Should -Be 15
    }

    It '<Email> is <Class> <Reason>' -ForEach @(
        @{ Email = 'ada.lovelace@contoso.example'; Class = 'Managed'; Reason = $null }
        @{ Email = 'alan.turing@contoso.example'; Class = 'Managed'; Reason = $null }
        @{ Email = 'grace.hopper@contoso.example'; Class = 'Managed'; Reason = $null }
        @{ Email = 'katherine.johnson@contoso.example'; Class = 'Managed'; Reason = $null }
        @{ Email = 'late.joiner@contoso.example'; Class = 'AssignedNotLinked'; Reason = $null }
        @{ Email = 'left.scope@contoso.example'; Class = 'Unassigned'; Reason = 'NotAssigned' }
        @{ Email = 'margaret.hamilton@contoso.example'; Class = 'Unassigned'; Reason = 'NotAssigned' }
        @{ Email = 'gus.partner@fabrikam.example'; Class = 'Unassigned'; Reason = 'NotAssigned' }
        @{ Email = 'filtered.out@contoso.example'; Class = 'Unassigned'; Reason = 'FilteredOut' }
        @{ Email = 'dennis.ritchie@contoso.example'; Class = 'Unassigned'; Reason = 'Disabled' }
        @{ Email = 'linus.torvalds@contoso.example'; Class = 'Unassigned'; Reason = 'Disabled' }
        @{ Email = 'barbara.liskov@contoso.example'; Class = 'Unassigned'; Reason = 'SoftDeleted' }
        @{ Email = 'local.contractor@acme.com'; Class = 'Local'; Reason = $null }
        @{ Email = 'bob.smith@partner.com'; Class = 'Local'; Reason = $null }
        @{ Email = 'admin@acme.com'; Class = 'Local'; Reason = $null }
    ) {
        $e = E $Email
        $e.Class | Should -Be $Class
        $e.UnassignedReason | Should -Be $Reason
        if ($Class -eq 'Local') { $e.EntraId | Should -BeNullOrEmpty } else { $e.EntraId | Should -Not -BeNullOrEmpty }
    }

    It 'names the Entra user behind a linked, an unlinked and a guest account' {
        (E 'ada.lovelace@contoso.example').EntraId | Should -Be '0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01'
        (E 'left.scope@contoso.example').EntraId | Should -Be $script:Leaver
        (E 'barbara.liskov@contoso.example').EntraId | Should -Be '7bd2ad8e-8888-4f9a-9b0c-1d2e3f4a5b08'
        (E 'gus.partner@fabrikam.example').EntraUserPrincipalName | Should -Be 'gus.partner_fabrikam.example#EXT#@contoso.example'
    }

    It 'flags the administrator, the disabled employee, employees and clients, and the groups each account owns' {
        (E 'admin@acme.com').IsAdministrator | Should -BeTrue
        @($script:Entries | Where-Object IsAdministrator).Email | Should -Be @('admin@acme.com')
        # Margaret is disabled in ShareFile; the sync adopted the disabled Dennis and disabled his client account.
        @($script:Entries | Where-Object IsDisabled).Email | Should -Be @('dennis.ritchie@contoso.example', 'margaret.hamilton@contoso.example')
        @($script:Entries | Where-Object { $_.IsDisabled -and $_.UserType -eq 'Employee' }).Email | Should -Be @('margaret.hamilton@contoso.example')
        @($script:Entries | Where-Object UserType -eq 'Client').Email | Sort-Object |
            Should -Be @('barbara.liskov@contoso.example', 'bob.smith@partner.com', 'dennis.ritchie@contoso.example', 'gus.partner@fabrikam.example')
        (E 'admin@acme.com').OwnedGroups | Should -Be 'Engineering'
        (E 'ada.lovelace@contoso.example').OwnedGroups | Should -Be 'Analytics'
        @($script:Entries | Where-Object OwnedGroups).Count | Should -Be 2
    }

    It 'gives the last sign-in and days since, "never" for an employee who never signed in' {
        $alan = E 'alan.turing@contoso.example'
        [int] $alan.DaysSinceSignIn | Should -BeIn 199, 200
        $alan.LastSignIn | Should -BeOfType [DateTime]
        (E 'grace.hopper@contoso.example').DaysSinceSignIn | Should -Be 'never'
        (E 'grace.hopper@contoso.example').LastSignIn | Should -BeNullOrEmpty
        (E 'linus.torvalds@contoso.example').DaysSinceSignIn | Should -Be 'never'
        [int] (E 'katherine.johnson@contoso.example').DaysSinceSignIn | Should -BeIn 0, 1
    }

    It 'proposes a downgrade for the disabled, the inactive and the never-signed-in employees, never for the administrator or a client' {
        $reclaim = @{}
        foreach ($e in $script:Entries | Where-Object ReclaimReason) { $reclaim[$e.Email] = $e.ReclaimReason }
        $reclaim.Count | Should -Be 4
        $reclaim['margaret.hamilton@contoso.example'] | Should -Be 'Disabled'
        $reclaim['alan.turing@contoso.example'] | Should -Be 'Inactive'
        $reclaim['grace.hopper@contoso.example'] | Should -Be 'NeverSignedIn'
        $reclaim['linus.torvalds@contoso.example'] | Should -Be 'NeverSignedIn'
    }

    It 'sums it up: counts per class and reason, licences used and cap, held by disabled, inactive and never-signed-in employees, and what a downgrade frees' {
        $s = $script:Summary
        ($s.Total, $s.Managed, $s.AssignedNotLinked, $s.Unassigned, $s.Local) | Should -Be @(15, 4, 1, 7, 3)
        $s.UnassignedReasons | Should -Be 'NotAssigned 3, FilteredOut 1, Disabled 2, SoftDeleted 1'
        ($s.Employees, $s.Clients, $s.Administrators) | Should -Be @(11, 4, 1)
        ($s.LicencesUsed, $s.LicenceCap) | Should -Be @(11, 50)
        $s.DisabledEmployees | Should -Be 1
        $s.InactiveDays | Should -Be 90
        $s.InactiveEmployees | Should -Be 1
        $s.NeverSignedInEmployees | Should -Be 2
        $s.ReclaimableLicences | Should -Be 4
        $s.TenantReadStrategy | Should -Be 'PagedTenantRead'
        $s.Path | Should -Be $script:HtmlPath
    }

    It 'counts a 3-day-old sign-in as inactive with -InactiveDays 3, and -Summary writes the summary alone' {
        $out = @(Get-ShareFileAccountReport -InactiveDays 3 -Summary)
        $out.Count | Should -Be 1
        # Alan (200 d), Left Scope (4), Late Joiner (5), Filtered Out (6), Local Contractor (10); Margaret is disabled.
        $out[0].InactiveEmployees | Should -Be 5
        $out[0].ReclaimableLicences | Should -Be 8
    }

    It 'writes nothing to ShareFile or Graph' {
        Control 'requests' Delete | Out-Null
        Get-ShareFileAccountReport -Summary | Out-Null
        $c = (Control 'requests' Get).counts
        # A $batch envelope is a POST that carries reads; its steps are logged with their own methods ("GET … in $batch").
        @($c.PSObject.Properties | Where-Object { $_.Name -match '^(POST|PATCH|PUT|DELETE) /(sf/v3|v1\.0)/' -and $_.Name -ne 'POST /v1.0/$batch' }).Count | Should -Be 0
        @($c.PSObject.Properties | Where-Object { $_.Name -match '^GET ' }).Count | Should -BeGreaterThan 0
    }
}

Describe 'Get-ShareFileAccountReport -AdministratorCheck ReclaimCandidates' {
    BeforeAll {
        function script:UserReads { [int](@((Control 'requests' Get).counts.PSObject.Properties | Where-Object { $_.Name -match '^GET /sf/v3/Users\(' } | ForEach-Object Value) | Measure-Object -Sum).Sum }
        Control 'requests' Delete | Out-Null
        $script:AllReads = (Get-ShareFileAccountReport -Summary), (UserReads)
        Control 'requests' Delete | Out-Null
        $script:Partial = @(Get-ShareFileAccountReport -AdministratorCheck ReclaimCandidates)
        $script:PartialReads = UserReads
        $script:PartialEntries = @($script:Partial | Where-Object { $_ -is [ShareFileProvisioning.ShareFileAccountReportEntry] })
        function script:P([string] $Email) { $script:PartialEntries | Where-Object Email -eq $Email }
    }

    It 'reads every employee once by default' {
        $script:AllReads[1] | Should -Be $script:AllReads[0].Employees
    }

    It 'reads the roles of the reclaim candidates only: one request fewer per employee left out' {
        $unknown = @($script:PartialEntries | Where-Object { $null -eq $_.IsAdministrator })
        $unknown.Count | Should -Be 7
        @($unknown | Where-Object UserType -ne 'Employee').Count | Should -Be 0
        # The 4 candidates: disabled, inactive, and the 2 who never signed in.
        $script:PartialReads | Should -Be ($script:AllReads[1] - $unknown.Count)
        $script:PartialReads | Should -Be 4
        $script:Partial[-1].EmployeesWithUnknownRoles | Should -Be 7
        $script:AllReads[0].EmployeesWithUnknownRoles | Should -Be 0
    }

    It 'proposes the same employees for the same reasons, with exact flags on them; the active administrator is not flagged but never proposed' {
        @($script:PartialEntries | Where-Object ReclaimReason | Sort-Object Email | ForEach-Object { "$($_.Email)=$($_.ReclaimReason)" }) |
            Should -Be @($script:Entries | Where-Object ReclaimReason | Sort-Object Email | ForEach-Object { "$($_.Email)=$($_.ReclaimReason)" })
        foreach ($e in $script:PartialEntries | Where-Object ReclaimReason) { $e.IsAdministrator | Should -BeFalse -Because $e.Email }
        (P 'admin@acme.com').IsAdministrator | Should -BeNullOrEmpty
        (P 'admin@acme.com').ReclaimReason | Should -BeNullOrEmpty
        (P 'bob.smith@partner.com').IsAdministrator | Should -BeFalse
        ($script:Partial[-1].Administrators, $script:Partial[-1].ReclaimableLicences) | Should -Be @(0, 4)
    }
}

Describe 'The report pipes cleanly' {
    It 'round-trips through Export-Csv and Import-Csv: the same accounts, classes, reasons and flags' {
        $csv = Join-Path $TestDrive 'accounts.csv'
        $script:Out | Where-Object Class | Export-Csv $csv
        $back = @(Import-Csv $csv)
        $back.Count | Should -Be 15
        for ($i = 0; $i -lt 15; $i++) {
            $a = $script:Entries[$i]; $b = $back[$i]
            ($b.Id, $b.Email, $b.Class, $b.UserType, $b.DaysSinceSignIn, $b.IsAdministrator) |
                Should -Be @($a.Id, $a.Email, $a.Class, $a.UserType, $a.DaysSinceSignIn, "$($a.IsAdministrator)")
            "$($b.UnassignedReason)" | Should -Be "$($a.UnassignedReason)"
            "$($b.ReclaimReason)" | Should -Be "$($a.ReclaimReason)"
        }
    }

    It 'converts to JSON and back with every entry and the summary' {
        $json = $script:Out | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $json.Count | Should -Be 16
        @($json | Where-Object Class -eq 'Unassigned').Count | Should -Be 7
        $json[-1].ReclaimableLicences | Should -Be 4
    }

    It 'filters with Where-Object on class, flags and reclaim reason' {
        @($script:Out | Where-Object Class -eq 'Local').Count | Should -Be 3
        @($script:Out | Where-Object { $_.UserType -eq 'Employee' -and $_.ReclaimReason }).Count | Should -Be 4
    }

    It 'shows entries as a table with the useful columns and the summary as a list' {
        $table = ($script:Entries | Format-Table | Out-String -Width 200)
        foreach ($h in 'Email', 'Class', 'Reason', 'Type', 'Admin', 'Disabled', 'Days', 'Reclaim', 'Owns groups') { $table | Should -Match ([regex]::Escape($h)) }
        $table | Should -Match 'SoftDeleted'
        ($script:Summary | Out-String) | Should -Match 'Licences\s*:\s*11 of 50'
    }
}

Describe 'The HTML report (-Path)' {
    BeforeAll {
        # AngleSharp, the HTML parser the xunit project restores (Directory.Packages.props pins its version).
        $version = ([xml] (Get-Content (Join-Path $PSScriptRoot '../../Directory.Packages.props') -Raw)).Project.ItemGroup.PackageVersion |
            Where-Object Include -eq 'AngleSharp' | ForEach-Object Version
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
        # The newest lib/netN.0 this runtime can load.
        $lib = Get-ChildItem (Join-Path $packages "anglesharp/$version/lib") -Directory | Where-Object Name -match '^net\d+\.0$' |
            Sort-Object { [version] $_.Name.Substring(3) } | Where-Object { ([version] $_.Name.Substring(3)).Major -le [Environment]::Version.Major } | Select-Object -Last 1
        Add-Type -Path (Join-Path $lib.FullName 'AngleSharp.dll')
        $script:Html = Get-Content $script:HtmlPath -Raw
        $script:Doc = [AngleSharp.Html.Parser.HtmlParser]::new().ParseDocument($script:Html)
        function script:Q([string] $Selector) { @($script:Doc.QuerySelectorAll($Selector)) }
        function script:Bars([string] $Chart) {
            $bars = [ordered]@{}
            foreach ($g in Q "#$Chart g.bar") { $bars[$g.GetAttribute('data-label')] = [int] $g.GetAttribute('data-value') }
            $bars
        }
    }

    It 'has the summary, the two charts and the account table' {
        foreach ($id in 'summary', 'classes', 'licences', 'accounts') { $script:Doc.GetElementById($id) | Should -Not -BeNullOrEmpty -Because "section #$id" }
        (Q 'section h2').TextContent | Should -Be @('Summary', 'Accounts by class', 'Employee licences', 'Accounts')
        (Q 'svg#chart-classes').Count | Should -Be 1
        (Q 'svg#chart-licences').Count | Should -Be 1
    }

    It 'shows every summary figure' {
        $rows = @{}
        foreach ($tr in Q '#summary tr[data-key]') { $rows[$tr.GetAttribute('data-key')] = $tr.QuerySelector('td').TextContent }
        $expected = [ordered]@{
            total = '15'; managed = '4'; assignedNotLinked = '1'; unassigned = '7 (NotAssigned 3, FilteredOut 1, Disabled 2, SoftDeleted 1)'; local = '3'
            employees = '11 / 4'; administrators = '1'; licences = '11 / 50'; disabledEmployees = '1'; inactiveEmployees = '1'; neverSignedIn = '2'; reclaimable = '4'
        }
        foreach ($key in $expected.Keys) { $rows[$key] | Should -Be $expected[$key] -Because "summary row $key" }
        $rows.Count | Should -Be $expected.Count
    }

    It 'draws the classes and the licence use as inline SVG bars carrying the same figures' {
        $classes = Bars 'chart-classes'
        ($classes['Managed'], $classes['AssignedNotLinked'], $classes['Unassigned'], $classes['Local']) | Should -Be @(4, 1, 7, 3)
        (Q '#chart-classes rect').Count | Should -Be 4
        $licences = Bars 'chart-licences'
        ($licences['Cap'], $licences['Used'], $licences['Disabled'], $licences['No sign-in 90 d'], $licences['Never signed in'], $licences['Reclaimable']) |
            Should -Be @(50, 11, 1, 1, 2, 4)
    }

    It 'lists every account in the table, with its class, reason and flags' {
        $rows = Q '#account-table tbody tr'
        $rows.Count | Should -Be 15
        $headers = (Q '#account-table thead th').TextContent
        $at = @{}; for ($i = 0; $i -lt $headers.Count; $i++) { $at[$headers[$i]] = $i }
        foreach ($tr in $rows) {
            $cells = @($tr.QuerySelectorAll('td') | ForEach-Object TextContent)
            $e = E $cells[$at['Email']]
            $e | Should -Not -BeNullOrEmpty
            $tr.GetAttribute('data-class') | Should -Be $e.Class
            $cells[$at['Class']] | Should -Be $e.Class
            $cells[$at['Reason']] | Should -Be "$($e.UnassignedReason)"
            $cells[$at['Type']] | Should -Be $e.UserType
            $cells[$at['Reclaim']] | Should -Be "$($e.ReclaimReason)"
        }
        $admin = $rows | Where-Object { $_.QuerySelector('td').TextContent -eq 'admin@acme.com' }
        ($admin.QuerySelectorAll('td') | ForEach-Object TextContent)[$at['Administrator']] | Should -Be 'yes'
        $grace = $rows | Where-Object { $_.QuerySelector('td').TextContent -eq 'grace.hopper@contoso.example' }
        ($grace.QuerySelectorAll('td') | ForEach-Object TextContent)[$at['Last sign-in']] | Should -Be 'never'
    }

    It 'sorts and filters without a server: sortable headings, a text filter, a class filter and the script inline' {
        (Q '#account-table thead th[data-column]').Count | Should -Be 11
        (Q 'input#filter').Count | Should -Be 1
        @((Q 'select#class-filter option').TextContent) | Should -Be @('Every class', 'Managed', 'AssignedNotLinked', 'Unassigned', 'Local')
        $scripts = Q 'script'
        $scripts.Count | Should -Be 1
        $scripts[0].TextContent | Should -Match "addEventListener\('click'"
        $scripts[0].TextContent | Should -Match "addEventListener\('input'"
    }

    It 'is self-contained: no external script, style sheet, font or image' {
        (Q 'script[src], link, img, iframe, object, embed, [href], [src], [srcset]').Count | Should -Be 0
        foreach ($style in Q 'style') { $style.TextContent | Should -Not -Match '@import|url\(|@font-face' }
        @(Q '[style]' | Where-Object { $_.GetAttribute('style') -match 'url\(' }).Count | Should -Be 0
        $script:Html | Should -Not -Match '(src|href)\s*=\s*["'']?https?:'
    }
}
