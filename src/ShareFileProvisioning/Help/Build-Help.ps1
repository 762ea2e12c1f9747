<#
.SYNOPSIS
    Compiles the per-cmdlet markdown in this folder into MAML (en-US/ShareFileProvisioning.dll-Help.xml) and the
    about_*.md topics into en-US/about_*.help.txt, for the built module.
.DESCRIPTION
    Structure (parameter sets, types, mandatory, position, pipeline input, outputs) comes from the built module through
    Get-Command; prose comes from markdown with platyPS headings (SYNOPSIS, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS,
    OUTPUTS, NOTES, RELATED LINKS), so platyPS can take over later. Missing prose, fewer than two examples, or a
    documented parameter the cmdlet does not have fails the build, and so does a state-changing cmdlet (by verb) without
    ShouldProcess. Run in a fresh pwsh (build.ps1 does).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $SourcePath = $PSScriptRoot
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$CommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters |
    Where-Object { $_ -notin 'WhatIf', 'Confirm' }

# -WhatIf and -Confirm mean the same everywhere; markdown may still describe them when a cmdlet needs more.
$StandardParameterText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing changes.'
    Confirm = 'Prompts you for confirmation before each change. -Confirm:$false never prompts (runbooks).'
}

# Verbs whose cmdlets change ShareFile, configuration or sync state: they must support -WhatIf and -Confirm.
$StateChangingVerbs = 'Set', 'Add', 'Remove', 'New', 'Invoke', 'Import', 'Reset', 'Enable', 'Disable', 'Clear', 'Sync', 'Approve', 'Update', 'Send', 'Export'

function Read-HelpMarkdown([string] $Path) {
    # Returns @{ Sections = @{ NAME = text }; Subsections = @{ NAME = ordered @{ title = text } } }
    $sections = @{}
    $subsections = @{}
    $section = $null
    $sub = $null
    $inFence = $false
    $lines = Get-Content $Path
    if ($lines.Count -gt 0 -and $lines[0] -eq '---') {
        $end = [Array]::IndexOf($lines, '---', 1)
        $lines = $lines[($end + 1)..($lines.Count - 1)]
    }
    foreach ($line in $lines) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^## (.+)$') {
            $section = $Matches[1].Trim().ToUpperInvariant(); $sub = $null
            $sections[$section] = [Text.StringBuilder]::new(); $subsections[$section] = [ordered]@{}
            continue
        }
        if (-not $inFence -and $section -and $line -match '^### (.+)$') {
            $sub = $Matches[1].Trim(); $subsections[$section][$sub] = [Text.StringBuilder]::new()
            continue
        }
        if ($section) {
            $target = if ($sub) { $subsections[$section][$sub] } else { $sections[$section] }
            [void]$target.AppendLine($line)
        }
    }
    $flat = @{}; foreach ($k in $sections.Keys) { $flat[$k] = $sections[$k].ToString().Trim() }
    $flatSub = @{}
    foreach ($k in $subsections.Keys) {
        $flatSub[$k] = [ordered]@{}
        foreach ($s in $subsections[$k].Keys) { $flatSub[$k][$s] = $subsections[$k][$s].ToString().Trim() }
    }
    @{ Sections = $flat; Subsections = $flatSub }
}

function Split-Example([string] $Text) {
    # The first fenced block is the code; the prose after it is the remarks.
    if ($Text -notmatch '(?s)```[a-zA-Z]*\r?\n(.*?)\r?\n```(.*)$') { return $null }
    @{ Code = $Matches[1].Trim(); Remarks = $Matches[2].Trim() }
}

function Get-Paragraphs([string] $Text) {
    if (-not $Text) { return @() }
    @($Text -split '(\r?\n){2,}' | ForEach-Object { ($_ -replace '\r?\n', ' ').Trim() } | Where-Object { $_ })
}

$problems = [Collections.Generic.List[string]]::new()
Import-Module $ModulePath -Force
$module = Get-Module ShareFileProvisioning
$commands = Get-Command -Module ShareFileProvisioning | Sort-Object Name
$helpDir = Join-Path $ModulePath 'en-US'
New-Item -ItemType Directory -Path $helpDir -Force | Out-Null

$settings = [Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [Text.UTF8Encoding]::new($false)
$xmlPath = Join-Path $helpDir 'ShareFileProvisioning.dll-Help.xml'
$w = [Xml.XmlWriter]::Create($xmlPath, $settings)
$maml = 'http://schemas.microsoft.com/maml/2004/10'
$cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$w.WriteStartDocument()
$w.WriteStartElement('helpItems', 'http://msh')
$w.WriteAttributeString('schema', 'maml')
$w.WriteAttributeString('xmlns', 'maml', $null, $maml)
$w.WriteAttributeString('xmlns', 'command', $null, $cmd)
$w.WriteAttributeString('xmlns', 'dev', $null, $dev)

function Write-Paras($Writer, [string] $Text) {
    $Writer.WriteStartElement('maml', 'description', $maml)
    foreach ($p in (Get-Paragraphs $Text)) { $Writer.WriteElementString('maml', 'para', $maml, $p) }
    $Writer.WriteEndElement()
}

function Write-Type($Writer, [string] $Name, [string] $Text) {
    $Writer.WriteStartElement('dev', 'type', $dev)
    $Writer.WriteElementString('maml', 'name', $maml, $Name)
    $Writer.WriteEndElement()
    Write-Paras $Writer $Text
}

foreach ($command in $commands) {
    $name = $command.Name
    $mdPath = Join-Path $SourcePath "$name.md"
    if (-not (Test-Path $mdPath)) { $problems.Add("${name}: no help source $mdPath"); continue }
    $md = Read-HelpMarkdown $mdPath
    $s = $md.Sections; $sub = $md.Subsections
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION') {
        if (-not $s.ContainsKey($required) -or -not $s[$required]) { $problems.Add("${name}: $required is empty") }
    }
    $examples = if ($sub.ContainsKey('EXAMPLES')) { $sub['EXAMPLES'] } else { [ordered]@{} }
    if ($examples.Count -lt 2) { $problems.Add("${name}: needs at least two examples, has $($examples.Count)") }
    $paramDocs = if ($sub.ContainsKey('PARAMETERS')) { $sub['PARAMETERS'] } else { [ordered]@{} }
    foreach ($standard in $StandardParameterText.Keys) {
        if ($command.Parameters.ContainsKey($standard) -and -not $paramDocs.Contains("-$standard")) { $paramDocs["-$standard"] = $StandardParameterText[$standard] }
    }
    $parameters = $command.Parameters.Values | Where-Object { $_.Name -notin $CommonParameters }
    foreach ($p in $parameters) {
        if (-not $paramDocs.Contains("-$($p.Name)") -or -not $paramDocs["-$($p.Name)"]) { $problems.Add("${name}: parameter -$($p.Name) is not described") }
    }
    foreach ($documented in $paramDocs.Keys) {
        if ($documented.TrimStart('-') -notin $parameters.Name) { $problems.Add("${name}: documents $documented, which the cmdlet does not have") }
    }
    if (-not $command.OutputType) { $problems.Add("${name}: no [OutputType]") }
    if ($name.Split('-')[0] -in $StateChangingVerbs -and -not $command.Parameters.ContainsKey('WhatIf')) {
        $problems.Add("${name}: changes state but does not support ShouldProcess (-WhatIf/-Confirm)")
    }

    $verb, $noun = $name -split '-', 2
    $w.WriteStartElement('command', 'command', $cmd)
    $w.WriteStartElement('command', 'details', $cmd)
    $w.WriteElementString('command', 'name', $cmd, $name)
    $w.WriteElementString('command', 'verb', $cmd, $verb)
    $w.WriteElementString('command', 'noun', $cmd, $noun)
    Write-Paras $w $s['SYNOPSIS']
    $w.WriteEndElement()
    Write-Paras $w $s['DESCRIPTION']

    $w.WriteStartElement('command', 'syntax', $cmd)
    foreach ($set in $command.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $cmd)
        $w.WriteElementString('maml', 'name', $maml, $name)
        foreach ($p in ($set.Parameters | Where-Object { $_.Name -notin $CommonParameters } | Sort-Object { if ($_.Position -ge 0) { $_.Position } else { 1000 } })) {
            $w.WriteStartElement('command', 'parameter', $cmd)
            $w.WriteAttributeString('required', $p.IsMandatory.ToString().ToLowerInvariant())
            $w.WriteAttributeString('position', $(if ($p.Position -ge 0) { [string]($p.Position + 1) } else { 'named' }))
            $w.WriteElementString('maml', 'name', $maml, $p.Name)
            if ($p.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                $w.WriteStartElement('command', 'parameterValue', $cmd)
                $w.WriteAttributeString('required', 'true')
                $w.WriteString($p.ParameterType.Name)
                $w.WriteEndElement()
            }
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $cmd)
    foreach ($p in ($parameters | Sort-Object Name)) {
        $attrs = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
        $mandatory = [bool]($attrs | Where-Object Mandatory)
        $positions = @($attrs | Where-Object { $_.Position -ge 0 } | ForEach-Object Position)
        $pipeline = @()
        if ($attrs | Where-Object ValueFromPipeline) { $pipeline += 'ByValue' }
        if ($attrs | Where-Object ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
        $pipelineText = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
        $w.WriteStartElement('command', 'parameter', $cmd)
        $w.WriteAttributeString('required', $mandatory.ToString().ToLowerInvariant())
        $w.WriteAttributeString('globbing', [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) -as [string])
        $w.WriteAttributeString('pipelineInput', $pipelineText)
        $w.WriteAttributeString('position', $(if ($positions) { [string]($positions[0] + 1) } else { 'named' }))
        $w.WriteAttributeString('aliases', $(if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }))
        $w.WriteElementString('maml', 'name', $maml, $p.Name)
        $doc = if ($paramDocs.Contains("-$($p.Name)")) { $paramDocs["-$($p.Name)"] } else { '' }
        $defaultText = ''
        if ($doc -match '(?m)^Default(?: value)?:\s*(.+)$') { $defaultText = $Matches[1].Trim(); $doc = ($doc -replace '(?m)^Default(?: value)?:.*$', '').Trim() }
        Write-Paras $w $doc
        $w.WriteStartElement('command', 'parameterValue', $cmd)
        $w.WriteAttributeString('required', ($p.ParameterType -ne [System.Management.Automation.SwitchParameter]).ToString().ToLowerInvariant())
        $w.WriteString($p.ParameterType.Name)
        $w.WriteEndElement()
        $w.WriteStartElement('dev', 'type', $dev)
        $w.WriteElementString('maml', 'name', $maml, $p.ParameterType.FullName)
        $w.WriteEndElement()
        $w.WriteElementString('dev', 'defaultValue', $dev, $(if ($defaultText) { $defaultText } elseif ($p.ParameterType -eq [System.Management.Automation.SwitchParameter]) { 'False' } else { 'None' }))
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'inputTypes', $cmd)
    $inputs = if ($sub.ContainsKey('INPUTS')) { $sub['INPUTS'] } else { [ordered]@{} }
    if ($inputs.Count -eq 0) { $inputs = [ordered]@{ 'None' = 'This cmdlet takes no pipeline input.' } }
    foreach ($k in $inputs.Keys) { $w.WriteStartElement('command', 'inputType', $cmd); Write-Type $w $k $inputs[$k]; $w.WriteEndElement() }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'returnValues', $cmd)
    $outputs = if ($sub.ContainsKey('OUTPUTS')) { $sub['OUTPUTS'] } else { [ordered]@{} }
    foreach ($t in $command.OutputType) {
        $short = $t.Name.Split('.')[-1]
        $text = if ($outputs.Contains($t.Name)) { $outputs[$t.Name] } elseif ($outputs.Contains($short)) { $outputs[$short] } else { '' }
        if (-not $text) { $problems.Add("${name}: output type $($t.Name) is not described under OUTPUTS") }
        $w.WriteStartElement('command', 'returnValue', $cmd); Write-Type $w $t.Name $text; $w.WriteEndElement()
    }
    $w.WriteEndElement()

    if ($s.ContainsKey('NOTES') -and $s['NOTES']) {
        $w.WriteStartElement('maml', 'alertSet', $maml)
        $w.WriteStartElement('maml', 'alert', $maml)
        foreach ($p in (Get-Paragraphs $s['NOTES'])) { $w.WriteElementString('maml', 'para', $maml, $p) }
        $w.WriteEndElement(); $w.WriteEndElement()
    }

    $w.WriteStartElement('command', 'examples', $cmd)
    foreach ($title in $examples.Keys) {
        $example = Split-Example $examples[$title]
        if (-not $example) { $problems.Add("${name}: example '$title' has no code block"); continue }
        $w.WriteStartElement('command', 'example', $cmd)
        $w.WriteElementString('maml', 'title', $maml, "-------------------------- $title --------------------------")
        $w.WriteElementString('dev', 'code', $dev, $example.Code)
        $w.WriteStartElement('dev', 'remarks', $dev)
        foreach ($p in (Get-Paragraphs $example.Remarks)) { $w.WriteElementString('maml', 'para', $maml, $p) }
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $cmd)
    $links = if ($s.ContainsKey('RELATED LINKS')) { $s['RELATED LINKS'] } else { '' }
    foreach ($m in [regex]::Matches($links, '\[([^\]]+)\]\(([^)]*)\)')) {
        $w.WriteStartElement('maml', 'navigationLink', $maml)
        $w.WriteElementString('maml', 'linkText', $maml, $m.Groups[1].Value)
        $uri = $m.Groups[2].Value
        $w.WriteElementString('maml', 'uri', $maml, $(if ($uri -match '^https?://') { $uri } else { '' }))
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteEndElement()   # command:command
}
$w.WriteEndElement()
$w.WriteEndDocument()
$w.Dispose()

# about_ topics: markdown source, plain-text output.
foreach ($about in Get-ChildItem $SourcePath -Filter 'about_*.md') {
    $text = (Get-Content $about.FullName -Raw) -replace '(?m)^#+\s*', '' -replace '```[a-zA-Z]*\r?\n', '' -replace '```', ''
    Set-Content -Path (Join-Path $helpDir ($about.BaseName + '.help.txt')) -Value $text -Encoding utf8
}

foreach ($md in Get-ChildItem $SourcePath -Filter '*-*.md') {
    if ($md.BaseName -notin $commands.Name) { $problems.Add("$($md.Name) documents a cmdlet the module does not export") }
}

if ($problems.Count) {
    $problems | ForEach-Object { Write-Host "help: $_" -ForegroundColor Red }
    throw "Help is incomplete: $($problems.Count) problem(s)."
}
Write-Host "Help for $($commands.Count) cmdlets written to $xmlPath"
