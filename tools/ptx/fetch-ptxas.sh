#!/usr/bin/env bash
# Puts ptxas and cuobjdump (CUDA 11.8, Debian non-free nvidia-cuda-toolkit) under .tools/cuda/bin without
# installing anything system-wide: apt downloads the one .deb with a private source list and state folder,
# and dpkg-deb unpacks it. Both programs are static apart from libc, so they run from there.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.tools/cuda"
if [ -x "$dest/bin/ptxas" ] && [ -x "$dest/bin/cuobjdump" ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "SKIP: apt-get/dpkg-deb not available; the PTX check will be skipped."; exit 0
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
echo "deb http://deb.debian.org/debian bookworm non-free" >"$work/sources.list"
apt_opts=(-q -o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Sandbox::User=root)
apt-get "${apt_opts[@]}" update >/dev/null
(cd "$work" && apt-get "${apt_opts[@]}" download nvidia-cuda-toolkit >/dev/null)
dpkg-deb -x "$work"/nvidia-cuda-toolkit_*.deb "$work/x"
mkdir -p "$dest/bin"
cp "$work/x/usr/bin/ptxas" "$work/x/usr/bin/cuobjdump" "$dest/bin/"
echo "ptxas: $("$dest/bin/ptxas" --version | tail -1)"
