#!/usr/bin/env bash
# Proves the module's own libsodium is the one an INSTALLED module maps, on a machine without a usable system
# libsodium: publishes out/BittensorPow to a scratch PSResourceGet repository, saves (installs) it from there, then
# runs tests/pester/Libsodium.Tests.ps1 against that copy inside a private mount namespace in which the system's
# libsodium files are /dev/null. Needs Linux, root (unshare -m) and ./build.ps1 -Task Build first; it changes
# nothing outside its own processes and scratch folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f out/BittensorPow/BittensorPow.psd1 ] || { echo "Run ./build.ps1 -Task Build first." >&2; exit 2; }
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home/.local/share" "$scratch/home/.config" "$scratch/repo" "$scratch/installed"
dotnet restore tools/pester/Pester.Download.csproj --nologo -v quiet >/dev/null

# PSResourceGet keeps its repository list under HOME: a scratch HOME leaves the real one alone. `dotnet pwsh` needs
# the real HOME (its tool manifest and package cache), so pwsh.dll is started directly here.
pwsh_dll="$(dotnet pwsh -NoProfile -Command 'Join-Path $PSHOME pwsh.dll')"
HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/.local/share" XDG_CONFIG_HOME="$scratch/home/.config" \
    dotnet "$pwsh_dll" -NoProfile -NonInteractive -Command "
        \$ErrorActionPreference = 'Stop'
        Register-PSResourceRepository -Name scratch -Uri '$scratch/repo' -Trusted
        Publish-PSResource -Path ./out/BittensorPow -Repository scratch
        Save-PSResource -Name BittensorPow -Repository scratch -Path '$scratch/installed' -TrustRepository"
installed="$(ls "$scratch"/installed/BittensorPow/*/BittensorPow.psd1)"
echo "installed at $installed"

unshare -m --propagation private bash -c '
    for f in /usr/lib/*/libsodium.so* /lib/*/libsodium.so* /usr/local/lib/libsodium.so*; do
        if [ -f "$f" ] && [ ! -L "$f" ]; then mount --bind /dev/null "$f"; echo "hidden: $f"; fi
    done
    BITTENSORPOW_MODULE="$1" BITTENSORPOW_ROOT="$PWD" dotnet pwsh -NoProfile -NonInteractive -Command "
        Import-Module (Get-ChildItem ./.pester/pester -Directory | Sort-Object { [version]\$_.Name } | Select-Object -Last 1 | ForEach-Object { Join-Path \$_.FullName tools/Pester.psd1 })
        \$c = New-PesterConfiguration; \$c.Run.Path = \"./tests/pester/Libsodium.Tests.ps1\"; \$c.Run.Exit = \$true; \$c.Output.Verbosity = \"Detailed\"
        Invoke-Pester -Configuration \$c"
' _ "$installed"
