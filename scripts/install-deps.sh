#!/bin/sh
# Installs the Debian bookworm packages sitrep builds with, when missing.
# Called by make; safe to run by hand.  Needs root (or sudo) only when
# something is actually missing.
set -e
need=""
check() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" || need="$need $1"; }
for p in make build-essential pkg-config libxml2-dev zlib1g-dev libicu-dev libcmocka-dev libmicrohttpd-dev libsqlite3-dev libpq-dev python3 time gzip; do
  check "$p"
done
[ -z "$need" ] && exit 0
echo "install-deps: installing$need" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >&2
