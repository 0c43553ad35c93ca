#!/usr/bin/env bash
# Puts every CUDA program tools/ptx/check.sh runs (ptxas, cuobjdump, and nvdisasm, which cuobjdump -sass calls) under
# .tools/cuda/bin without installing anything system-wide: apt downloads Debian bookworm's non-free
# nvidia-cuda-toolkit (CUDA 11.8, all three are in that one .deb) with a private source list and state folder,
# and dpkg-deb unpacks it. They need nothing beyond libc, libm, libdl and libpthread, so they run from there.
# Exit: 0 when all of them are there afterwards; 1 with "cannot fetch …: <reason>" on stderr when they cannot be had,
# so the test run can say why the PTX/SASS check did not run instead of skipping it quietly.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.tools/cuda"
programs=(ptxas cuobjdump nvdisasm)
missing=()
for p in "${programs[@]}"; do [ -x "$dest/bin/$p" ] || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
fail() { echo "cannot fetch ${missing[*]}: $*" >&2; exit 1; }
for tool in apt-get dpkg-deb; do command -v "$tool" >/dev/null 2>&1 || fail "$tool is not available"; done
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
echo "deb http://deb.debian.org/debian bookworm non-free" >"$work/sources.list"
apt_opts=(-q -o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Sandbox::User=root)
first_error() { grep -m1 '^E:' "$work/log" || tail -1 "$work/log"; }
# Error-Mode=any: an unreachable mirror fails here, not later as a misleading "Unable to locate package".
apt-get "${apt_opts[@]}" -o APT::Update::Error-Mode=any update >"$work/log" 2>&1 || fail "apt-get update: $(first_error)"
(cd "$work" && apt-get "${apt_opts[@]}" download nvidia-cuda-toolkit) >"$work/log" 2>&1 \
    || fail "apt-get download nvidia-cuda-toolkit: $(first_error)"
dpkg-deb -x "$work"/nvidia-cuda-toolkit_*.deb "$work/x"
mkdir -p "$dest/bin"
for p in "${programs[@]}"; do
    [ -x "$work/x/usr/bin/$p" ] || fail "nvidia-cuda-toolkit has no usr/bin/$p"
    cp "$work/x/usr/bin/$p" "$dest/bin/"
    # A program that does not start here (a library missing on this machine) would fail the check later, less clearly.
    "$dest/bin/$p" --version >/dev/null 2>&1 || { rm -f "$dest/bin/$p"; fail "$p does not run here"; }
done
echo "ptxas: $("$dest/bin/ptxas" --version | tail -1)"
