# What the help says about a parameter that the cmdlet's metadata decides (required, position, type, pipeline,
# default): read here from the compiled cmdlet so that the generated help cannot disagree with the code.
$script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

function Test-CommonParameter([string] $Name) { $Name -in $script:Common }

function Get-ShownParameters($Command) {
    $Command.Parameters.Values | Where-Object {
        -not (Test-CommonParameter $_.Name) -and
        -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
    }
}

<# The type as a user types it: SealByteOrder, not Nullable`1; Int32[] for an array. #>
function Get-HelpType([type] $Type) {
    if ($Type.IsArray) { return (Get-HelpType $Type.GetElementType()).MakeArrayType() }
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { $inner } else { $Type }
}
function Get-HelpTypeName([type] $Type) { (Get-HelpType $Type).Name }

<# One row per parameter set the parameter is in (the cmdlet's sets, not __AllParameterSets). #>
function Get-SetFacts($Command, $Parameter) {
    foreach ($set in $Command.ParameterSets) {
        $p = $set.Parameters | Where-Object Name -eq $Parameter.Name
        if ($p) { [pscustomobject]@{ Set = $set.Name; Mandatory = $p.IsMandatory; Position = $p.Position } }
    }
}

<# "true" when mandatory in every set it is in, "false" in none, else "true (SetA), false (SetB)". #>
function Format-PerSet($Rows, [scriptblock] $Value) {
    $groups = @($Rows | Group-Object -Property { & $Value $_ })
    if ($groups.Count -eq 1) { return $groups[0].Name }
    ($groups | Sort-Object Name | ForEach-Object { "$($_.Name) ($(($_.Group.Set | Sort-Object) -join ', '))" }) -join ', '
}

function Get-ParameterHelpFacts($Command, $Parameter, $Defaults) {
    $rows = @(Get-SetFacts $Command $Parameter)
    $attrs = @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
    $byValue = [bool]($attrs | Where-Object ValueFromPipeline); $byName = [bool]($attrs | Where-Object ValueFromPipelineByPropertyName)
    $type = Get-HelpType $Parameter.ParameterType
    [pscustomobject]@{
        Required      = Format-PerSet $rows { param($r) $r.Mandatory.ToString().ToLowerInvariant() }
        Position      = Format-PerSet $rows { param($r) if ($r.Position -ge 0) { "$($r.Position)" } else { 'named' } }
        PipelineInput = if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' }
                        elseif ($byName) { 'True (ByPropertyName)' }
                        elseif ($byValue) { 'True (ByValue)' }
                        else { 'False' }
        TypeName      = $type.Name
        TypeFullName  = $type.FullName
        # A mandatory parameter has no default a user could rely on.
        DefaultValue  = if ($rows | Where-Object { -not $_.Mandatory }) { Get-DefaultText $Defaults $Parameter }
    }
}

<# The value a new cmdlet object holds before binding; none for null or an empty string. #>
function Get-DefaultText($Defaults, $Parameter) {
    $v = $Defaults.GetType().GetProperty($Parameter.Name).GetValue($Defaults)
    if ($null -eq $v) { return $null }
    if ($v -is [System.Management.Automation.SwitchParameter]) { return $v.IsPresent.ToString() }
    if ($v -is [string]) { return ($v.Length -gt 0 ? $v : $null) }
    if ($v -is [array]) { return ($v.Count -gt 0 ? ($v -join ', ') : $null) }
    if ($v -is [IFormattable]) { return $v.ToString($null, [cultureinfo]::InvariantCulture) }
    "$v"
}

<# INPUTS: each parameter bound from the pipeline by value, then the properties bound by name. #>
function Get-PipelineInputs($Command) {
    $shown = @(Get-ShownParameters $Command)
    foreach ($p in $shown) {
        if ($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ValueFromPipeline }) {
            [pscustomobject]@{ Type = (Get-HelpType $p.ParameterType).FullName; Parameter = $p.Name; Description = "Bound to -$($p.Name) by value." }
        }
    }
    $byName = @($shown | Where-Object {
        $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ValueFromPipelineByPropertyName }
    })
    if ($byName) {
        $list = ($byName | ForEach-Object { "$($_.Name) ($(Get-HelpTypeName $_.ParameterType))" }) -join ', '
        [pscustomobject]@{ Type = 'System.Object'; Parameter = $null; Description = "Any object whose properties bind by name: $list." }
    }
}

Export-ModuleMember -Function Test-CommonParameter, Get-ShownParameters, Get-HelpTypeName, Get-ParameterHelpFacts, Get-PipelineInputs
