<#
.SYNOPSIS
    Lists the C# methods longer than a threshold, by brace matching (no compiler needed).
.DESCRIPTION
    For each .cs file below -Path (bin/ and obj/ skipped), comments, strings and character literals are blanked, then
    every '{' whose header (the text since the previous ';', '{' or '}') looks like a method, constructor, operator or
    local function opens a method body, unless it is already inside one (local functions count toward their method).
    A method's length runs from the first line of its header to its closing brace. Lambdas, accessors, types,
    namespaces and control-flow blocks are not methods. Expression-bodied members are not counted.
.EXAMPLE
    dotnet pwsh ./tools/Measure-MethodLength.ps1 -Path src -Threshold 60
#>
param(
    [string] $Path = 'src',
    [int] $Threshold = 60,
    [switch] $Quiet
)
$ErrorActionPreference = 'Stop'

$notMethod = '^(if|else|for|foreach|while|do|switch|catch|try|finally|using|lock|fixed|checked|unchecked|unsafe|get|set|init|add|remove|return|yield|await|case|default)\b'
$typeHeader = '\b(class|struct|interface|enum|record|namespace)\b'

function Get-Blanked([string] $text) {
    # Blanks comments, strings (regular, verbatim, interpolated, raw) and char literals, keeping newlines.
    $sb = [System.Text.StringBuilder]::new($text.Length)
    $i = 0; $n = $text.Length
    while ($i -lt $n) {
        $c = $text[$i]
        $next = if ($i + 1 -lt $n) { $text[$i + 1] } else { [char]0 }
        if ($c -eq '/' -and $next -eq '/') {
            while ($i -lt $n -and $text[$i] -ne "`n") { [void]$sb.Append(' '); $i++ }
            continue
        }
        if ($c -eq '/' -and $next -eq '*') {
            $end = $text.IndexOf('*/', $i + 2); if ($end -lt 0) { $end = $n - 2 }
            for (; $i -lt $end + 2; $i++) { [void]$sb.Append($(if ($text[$i] -eq "`n") { "`n" } else { ' ' })) }
            continue
        }
        if ($c -eq "'") {
            $j = $i + 1
            while ($j -lt $n -and $text[$j] -ne "'") { if ($text[$j] -eq '\') { $j++ }; $j++ }
            for (; $i -le $j -and $i -lt $n; $i++) { [void]$sb.Append(' ') }
            continue
        }
        if ($c -eq '"' -or (($c -eq '@' -or $c -eq '$') -and ($next -eq '"' -or $next -eq '@' -or $next -eq '$'))) {
            $start = $i; $verbatim = $false
            while ($i -lt $n -and $text[$i] -ne '"') { if ($text[$i] -eq '@') { $verbatim = $true }; $i++ }
            if ($i + 2 -lt $n -and $text[$i + 1] -eq '"' -and $text[$i + 2] -eq '"') {
                $end = $text.IndexOf('"""', $i + 3); if ($end -lt 0) { $end = $n - 3 }; $i = $end + 3
            }
            else {
                $i++
                while ($i -lt $n) {
                    $ch = $text[$i]
                    if (-not $verbatim -and $ch -eq '\') { $i += 2; continue }
                    if ($ch -eq '"') {
                        if ($verbatim -and $i + 1 -lt $n -and $text[$i + 1] -eq '"') { $i += 2; continue }
                        $i++; break
                    }
                    if (-not $verbatim -and $ch -eq "`n") { break }
                    $i++
                }
            }
            for ($k = $start; $k -lt $i; $k++) { [void]$sb.Append($(if ($text[$k] -eq "`n") { "`n" } else { ' ' })) }
            continue
        }
        [void]$sb.Append($c); $i++
    }
    $sb.ToString()
}

$results = [System.Collections.Generic.List[object]]::new()
$files = Get-ChildItem -Path $Path -Recurse -Filter *.cs | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
$root = (Get-Location).Path
foreach ($file in $files) {
    $text = Get-Blanked ([System.IO.File]::ReadAllText($file.FullName))
    $line = 1; $headerStart = -1; $header = [System.Text.StringBuilder]::new()
    $stack = [System.Collections.Generic.Stack[object]]::new()
    $inMethod = 0
    foreach ($c in $text.ToCharArray()) {
        if ($c -eq '{') {
            $h = ($header.ToString() -replace '\s+', ' ').Trim()
            $isMethod = $inMethod -eq 0 -and $h -match '\)\s*(where\s.*)?(:\s*(base|this)\s*\(.*\))?$' -and $h -match '^[^=]*\(' -and
                $h -notmatch $notMethod -and $h -notmatch '=>' -and $h -notmatch '^new\b' -and $h -notmatch $typeHeader
            if ($isMethod) {
                $name = if ($h -match '([\w<>\[\],.]+)\s*\(') { $Matches[1] } else { $h }
                if ($h -match '\boperator\b') { $name = 'operator' }
                $inMethod++
            }
            $stack.Push([pscustomobject]@{ IsMethod = $isMethod; Start = $(if ($headerStart -gt 0) { $headerStart } else { $line }); Name = $name })
            [void]$header.Clear(); $headerStart = -1
        }
        elseif ($c -eq '}') {
            if ($stack.Count -gt 0) {
                $open = $stack.Pop()
                if ($open.IsMethod) {
                    $inMethod--
                    $relative = [System.IO.Path]::GetRelativePath($root, $file.FullName)
                    $results.Add([pscustomobject]@{ Lines = $line - $open.Start + 1; Method = $open.Name; File = $relative; Line = $open.Start })
                }
            }
            [void]$header.Clear(); $headerStart = -1
        }
        elseif ($c -eq ';') {
            [void]$header.Clear(); $headerStart = -1
        }
        else {
            if ($headerStart -lt 0 -and -not [char]::IsWhiteSpace($c)) { $headerStart = $line }
            if ($c -eq "`n") { [void]$header.Append(' ') } else { [void]$header.Append($c) }
        }
        if ($c -eq "`n") { $line++ }
    }
}

$long = @($results | Where-Object Lines -gt $Threshold | Sort-Object Lines -Descending)
if (-not $Quiet) {
    $long | Format-Table Lines, Method, @{ n = 'Where'; e = { "$($_.File):$($_.Line)" } } -AutoSize | Out-String -Width 200 | Write-Output
}
"$($long.Count) of $($results.Count) methods in $Path are longer than $Threshold lines."
