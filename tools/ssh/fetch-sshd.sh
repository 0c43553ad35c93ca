#!/usr/bin/env bash
# Puts an OpenSSH server under .tools/ssh (sbin/sshd, and lib/ for the libraries it needs that this machine lacks,
# libwrap0 on a stock Debian image) for the remoting tests, without installing anything system-wide: apt downloads
# Debian bookworm's openssh-server with a private source list and state folder, and dpkg-deb unpacks it. Never
# `apt-get install`: the package's setup would start a system sshd on port 22.
# sshd also wants its privilege-separation user `sshd` and /run/sshd; both are created here when missing (as root,
# which is how CI runs; otherwise that is the reason given).
# Exit: 0 when sshd is there and starts (`sshd -t` on a throwaway config); 1 with "cannot fetch sshd: <reason>" on
# stderr, so the test run can say why the remoting tests did not run instead of skipping them quietly.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.tools/ssh"
fail() { echo "cannot fetch sshd: $*" >&2; exit 1; }

ensure_privsep() {
    if ! getent passwd sshd >/dev/null; then
        [ "$(id -u)" -eq 0 ] || fail "the privilege-separation user 'sshd' is missing and only root can create it"
        useradd --system --no-create-home --home-dir /run/sshd --shell /usr/sbin/nologin sshd \
            || fail "useradd sshd failed"
    fi
    if [ ! -d /run/sshd ]; then
        [ "$(id -u)" -eq 0 ] || fail "/run/sshd is missing and only root can create it"
        mkdir -p /run/sshd && chmod 0755 /run/sshd
    fi
}

# sshd -t with a minimal config proves the binary loads (every library found) and accepts our options.
check_sshd() {
    local t; t="$(mktemp -d)"
    ssh-keygen -q -t ed25519 -N '' -f "$t/host" >/dev/null
    printf 'HostKey %s/host\nListenAddress 127.0.0.1\nUsePAM no\n' "$t" >"$t/config"
    LD_LIBRARY_PATH="$dest/lib" "$dest/sbin/sshd" -t -f "$t/config" >"$t/log" 2>&1
    local rc=$?; local msg; msg="$(tail -1 "$t/log")"; rm -rf "$t"
    [ $rc -eq 0 ] || { echo "$msg"; return 1; }
}

command -v ssh-keygen >/dev/null 2>&1 || fail "ssh-keygen (openssh-client) is not installed"
ensure_privsep
if [ -x "$dest/sbin/sshd" ] && check_sshd >/dev/null; then exit 0; fi

for tool in apt-get dpkg-deb ldd; do command -v "$tool" >/dev/null 2>&1 || fail "$tool is not available"; done
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
cat >"$work/sources.list" <<SOURCES
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
apt_opts=(-q -o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Sandbox::User=root)
first_error() { grep -m1 '^E:' "$work/log" || tail -1 "$work/log"; }
apt-get "${apt_opts[@]}" -o APT::Update::Error-Mode=any update >"$work/log" 2>&1 || fail "apt-get update: $(first_error)"
# libwrap0 is the one library of sshd's that a slim bookworm image does not have; the rest (libcrypto, libpam,
# libselinux, libgssapi, libaudit, libz, libcrypt, libsystemd) come with the openssh-client that the image has.
(cd "$work" && apt-get "${apt_opts[@]}" download openssh-server libwrap0) >"$work/log" 2>&1 \
    || fail "apt-get download openssh-server libwrap0: $(first_error)"
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/x"; done
[ -x "$work/x/usr/sbin/sshd" ] || fail "openssh-server has no usr/sbin/sshd"
rm -rf "$dest"; mkdir -p "$dest/sbin" "$dest/lib"
cp "$work/x/usr/sbin/sshd" "$dest/sbin/"
cp -P "$work"/x/lib/x86_64-linux-gnu/libwrap.so* "$dest/lib/" 2>/dev/null \
    || cp -P "$work"/x/usr/lib/x86_64-linux-gnu/libwrap.so* "$dest/lib/" 2>/dev/null || true
missing="$(LD_LIBRARY_PATH="$dest/lib" ldd "$dest/sbin/sshd" | awk '/not found/ {print $1}' | tr '\n' ' ')"
[ -z "$missing" ] || { rm -rf "$dest"; fail "sshd needs libraries this machine lacks: $missing"; }
reason="$(check_sshd)" || { rm -rf "$dest"; fail "sshd does not start here: $reason"; }
echo "sshd: $(LD_LIBRARY_PATH="$dest/lib" "$dest/sbin/sshd" -V 2>&1 | head -1 || true)"
