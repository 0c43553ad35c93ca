<#
.SYNOPSIS
    Writes en-US/BittensorPow.dll-Help.xml (MAML) from module/help/<Cmdlet>.psd1 and the cmdlets' own metadata.
.DESCRIPTION
    Help text lives in small data files next to the module; syntax, types and pipeline facts come from the
    compiled cmdlets, so the help never disagrees with the code. build.ps1 runs it in a child pwsh so that the build's
    session never loads the module it is about to overwrite.
#>
param([Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'

Import-Module (Join-Path $ModulePath 'BittensorPow.psd1') -Force
Import-Module (Join-Path $PSScriptRoot 'HelpFacts.psm1') -Force
$helpDir = Join-Path $ModulePath 'help'
function Esc([string] $s) { [System.Security.SecurityElement]::Escape($s) }
function Paras([string] $text) { ($text -split "`n`n" | ForEach-Object { "<maml:para>$(Esc $_.Trim())</maml:para>" }) -join '' }

# OUTPUTS: each type's text, then every public property of the module's own types in declared order, with the types
# a property holds (PowSolution.Hosts) after it. Outputs.json also declares those properties (tools/gen/
# GenerateOutputTypes.cs writes the classes from it), so a property without text, or text for no property, means the
# committed Output/*.g.cs are stale: that stops the build.
$outputs = Get-Content -Raw (Join-Path $helpDir 'Outputs.json') | ConvertFrom-Json -AsHashtable
$described = [System.Collections.Generic.HashSet[string]]::new()
function OutputParas([type] $Type) {
    $h = $outputs[$Type.Name]
    if (-not $h) { throw "module/help/Outputs.json does not describe $($Type.FullName)." }
    [void]$described.Add($Type.Name)
    $paras = @($h.Description)
    if ($Type.Namespace -ne 'BittensorPow.Cmdlets.Output') { return $paras }
    $props = @($Type.GetProperties([System.Reflection.BindingFlags]'Public, Instance'))
    $texts = if ($h.Properties) { $h.Properties } else { @{} }
    foreach ($stale in $texts.Keys | Where-Object { $_ -notin $props.Name }) {
        throw "Outputs.json describes $stale, which $($Type.Name) does not have: run dotnet run tools/gen/GenerateOutputTypes.cs."
    }
    $nested = @()
    foreach ($p in $props) {
        if (-not $texts[$p.Name]) { throw "Outputs.json does not describe $($Type.Name).$($p.Name)." }
        $paras += "$($p.Name): $($texts[$p.Name].Text)"
        $inner = if ($p.PropertyType.IsArray) { $p.PropertyType.GetElementType() } else { $p.PropertyType }
        if ($inner.Namespace -eq $Type.Namespace -and $inner -ne $Type) { $nested += $inner }
    }
    foreach ($n in $nested) { $paras += "Each $($n.Name):"; $paras += OutputParas $n }
    $paras
}
$sb = [System.Text.StringBuilder]::new()
[void]$sb.AppendLine('<?xml version="1.0" encoding="utf-8"?>')
[void]$sb.AppendLine('<helpItems schema="maml" xmlns="http://msh">')
foreach ($cmd in Get-Command -Module BittensorPow -CommandType Cmdlet | Sort-Object Name) {
    $file = Join-Path $helpDir "$($cmd.Name).psd1"
    if (-not (Test-Path $file)) { throw "No help file $file for $($cmd.Name)." }
    $h = Import-PowerShellDataFile $file
    [void]$sb.AppendLine('<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" ' +
        'xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" ' +
        'xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">')
    [void]$sb.AppendLine("<command:details><command:name>$($cmd.Name)</command:name>" +
        "<maml:description>$(Paras $h.Synopsis)</maml:description>" +
        "<command:verb>$($cmd.Verb)</command:verb><command:noun>$($cmd.Noun)</command:noun></command:details>")
    [void]$sb.AppendLine("<maml:description>$(Paras $h.Description)</maml:description>")
    [void]$sb.AppendLine('<command:syntax>')
    # -WhatIf and -Confirm are common parameters, but only cmdlets that support ShouldProcess take them: SYNTAX shows them there.
    $shouldProcess = @('WhatIf', 'Confirm')
    foreach ($set in $cmd.ParameterSets) {
        [void]$sb.Append("<command:syntaxItem><maml:name>$($cmd.Name)</maml:name>")
        foreach ($p in $set.Parameters | Where-Object { -not (Test-CommonParameter $_.Name) -or $_.Name -in $shouldProcess }) {
            $pos = if ($p.Position -ge 0) { $p.Position } else { 'named' }
            $type = Get-HelpTypeName $p.ParameterType
            [void]$sb.Append("<command:parameter required=`"$($p.IsMandatory.ToString().ToLower())`" position=`"$pos`">" +
                "<maml:name>$($p.Name)</maml:name>")
            if ($type -ne 'SwitchParameter') { [void]$sb.Append("<command:parameterValue required=`"true`">$type</command:parameterValue>") }
            [void]$sb.Append('</command:parameter>')
        }
        [void]$sb.AppendLine('</command:syntaxItem>')
    }
    [void]$sb.AppendLine('</command:syntax><command:parameters>')
    $defaults = [Activator]::CreateInstance($cmd.ImplementingType)
    foreach ($p in Get-ShownParameters $cmd) {
        $text = $h.Parameters[$p.Name]
        if (-not $text) { throw "Help for $($cmd.Name) does not describe -$($p.Name)." }
        $facts = Get-ParameterHelpFacts $cmd $p $defaults
        $default = if ($null -ne $facts.DefaultValue) { "<dev:defaultValue>$(Esc $facts.DefaultValue)</dev:defaultValue>" } else { '' }
        [void]$sb.AppendLine("<command:parameter required=`"$($facts.Required)`" pipelineInput=`"$($facts.PipelineInput)`" " +
            "globbing=`"false`" position=`"$($facts.Position)`"><maml:name>$($p.Name)</maml:name>" +
            "<maml:description>$(Paras $text)</maml:description>" +
            "<command:parameterValue required=`"true`">$(Esc $facts.TypeName)</command:parameterValue>" +
            "<dev:type><maml:name>$(Esc $facts.TypeFullName)</maml:name></dev:type>$default</command:parameter>")
    }
    # For the cmdlets that submit with ConfirmImpact High; the others say what their -WhatIf and -Confirm do in their own file.
    $whatIfText = @{
        WhatIf  = 'Shows what would be submitted to the chain, after every check, without submitting (or decrypting a coldkey).'
        Confirm = 'Asks before anything is submitted (the default for this High-impact cmdlet); -Confirm:$false goes ahead ' +
            'without asking, as scripts and jobs must.'
    }
    foreach ($name in $shouldProcess | Where-Object { $cmd.Parameters.ContainsKey($_) }) {
        [void]$sb.AppendLine("<command:parameter required=`"false`" pipelineInput=`"False`" globbing=`"false`" position=`"named`">" +
            "<maml:name>$name</maml:name><maml:description>$(Paras ($h.Parameters[$name] ?? $whatIfText[$name]))</maml:description>" +
            "<command:parameterValue required=`"false`">SwitchParameter</command:parameterValue>" +
            "<dev:type><maml:name>System.Management.Automation.SwitchParameter</maml:name></dev:type>" +
            "<dev:defaultValue>False</dev:defaultValue></command:parameter>")
    }
    [void]$sb.AppendLine('</command:parameters>')
    [void]$sb.Append('<command:inputTypes>')
    foreach ($in in Get-PipelineInputs $cmd) {
        $what = if ($in.Parameter) { "$($in.Description) $($h.Parameters[$in.Parameter])" } else { $in.Description }
        [void]$sb.Append("<command:inputType><dev:type><maml:name>$(Esc $in.Type)</maml:name></dev:type>" +
            "<maml:description>$(Paras $what)</maml:description></command:inputType>")
    }
    [void]$sb.AppendLine('</command:inputTypes>')
    [void]$sb.Append('<command:returnValues>')
    foreach ($t in $cmd.OutputType) {
        $paras = (OutputParas $t.Type | ForEach-Object { "<maml:para>$(Esc $_)</maml:para>" }) -join ''
        [void]$sb.Append("<command:returnValue><dev:type><maml:name>$(Esc $t.Name)</maml:name></dev:type>" +
            "<maml:description>$paras</maml:description></command:returnValue>")
    }
    [void]$sb.AppendLine('</command:returnValues>')
    if ($h.Notes) { [void]$sb.AppendLine("<maml:alertSet><maml:alert>$(Paras $h.Notes)</maml:alert></maml:alertSet>") }
    [void]$sb.AppendLine('<command:examples>')
    $i = 0
    foreach ($ex in $h.Examples) {
        $i++
        [void]$sb.AppendLine("<command:example><maml:title>-------------------------- Example $i --------------------------</maml:title>" +
            "<dev:code>$(Esc $ex.Code)</dev:code><dev:remarks>$(Paras $ex.Remarks)</dev:remarks></command:example>")
    }
    [void]$sb.AppendLine('</command:examples></command:command>')
}
[void]$sb.AppendLine('</helpItems>')
foreach ($unused in $outputs.Keys | Where-Object { -not $described.Contains($_) }) { throw "Outputs.json describes $unused, which no cmdlet writes." }
$enUs = New-Item -ItemType Directory -Force (Join-Path $ModulePath 'en-US')
Set-Content -Path (Join-Path $enUs 'BittensorPow.dll-Help.xml') -Value $sb.ToString() -Encoding utf8
Remove-Item $helpDir -Recurse -Force

