<#
.SYNOPSIS
    Writes BittensorPow.<version>.nupkg for the laid-out module into -Destination, through a scratch PSResourceGet
    file repository, so that the package is exactly what Install-PSResource / Save-PSResource read.
.DESCRIPTION
    PSResourceGet keeps its repository list under HOME: run this in a pwsh whose HOME is scratch (build.ps1 does) to
    leave the user's own list alone. Returns the package's path.
#>
param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $Destination)
$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force $Destination | Out-Null
$name = "BittensorPowPackage$PID"
Register-PSResourceRepository -Name $name -Uri (Resolve-Path $Destination).Path -Trusted
try { Publish-PSResource -Path $ModulePath -Repository $name }
finally { Unregister-PSResourceRepository -Name $name }
$version = (Import-PowerShellDataFile (Join-Path $ModulePath 'BittensorPow.psd1')).ModuleVersion
Join-Path (Resolve-Path $Destination).Path "BittensorPow.$version.nupkg"
