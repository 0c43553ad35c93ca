#!/usr/bin/env bash
# Puts afl-fuzz (Debian bookworm's afl++) under .tools/afl without installing anything system-wide, the same way
# tools/ptx/fetch-ptxas.sh does: a private apt source list and state folder, `apt-get download`, `dpkg-deb -x`.
# afl-fuzz links only against libc/libm here; anything else it needs is unpacked beside it into .tools/afl/lib.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.tools/afl"
runs() { ! LD_LIBRARY_PATH="$dest/lib" ldd "$dest/bin/afl-fuzz" | grep -q 'not found'; }
if [ -x "$dest/bin/afl-fuzz" ] && runs; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "SKIP: apt-get/dpkg-deb not available; cannot fetch AFL++." >&2; exit 3
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
echo "deb http://deb.debian.org/debian bookworm main" >"$work/sources.list"
apt_opts=(-q -o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Sandbox::User=root)
apt-get "${apt_opts[@]}" update >/dev/null
(cd "$work" && apt-get "${apt_opts[@]}" download afl++ >/dev/null)
dpkg-deb -x "$work"/afl++_*.deb "$work/x"
mkdir -p "$dest/bin" "$dest/lib"
cp "$work/x/usr/bin/afl-fuzz" "$dest/bin/"
# Debian builds afl-fuzz with its Python mutator hook, so it links libpython; a bare image may lack it.
if ! runs; then
    (cd "$work" && apt-get "${apt_opts[@]}" download libpython3.11 >/dev/null)
    dpkg-deb -x "$work"/libpython3.11_*.deb "$work/py"
    cp -L "$work"/py/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0 "$dest/lib/"
fi
if ! runs; then echo "afl-fuzz still misses libraries:" >&2; LD_LIBRARY_PATH="$dest/lib" ldd "$dest/bin/afl-fuzz" | grep 'not found' >&2; exit 1; fi
basename "$work"/afl++_*.deb >"$dest/VERSION"
echo "afl-fuzz: $(cat "$dest/VERSION")"
