#!/usr/bin/env bash
# Unpacks Debian's Firefox ESR of the oldest major version the Firefox manifest accepts
# (strict_min_version, 140) into .cache/firefox-esr-<major>/ (git-ignored), for the browser tests
# that check what that version draws (tests/e2e/marks.firefox-oldest.e2e.ts). Idempotent: does
# nothing when the unpacked browser already reports that version. Needs apt-get (Debian).
#
#   scripts/fetch-oldest-firefox.sh [MAJOR]
set -euo pipefail
cd "$(dirname "$0")/.."

major="${1:-140}"
dir=".cache/firefox-esr-${major}"
binary="${dir}/usr/lib/firefox-esr/firefox-esr"

if [ -x "$binary" ] && "$binary" --version 2>/dev/null | grep -q "Firefox ${major}\."; then
  echo "Firefox ESR ${major} already at ${binary}"
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
download_dir="$(mktemp -d)"
trap 'rm -rf "$download_dir"' EXIT
# apt's sandbox user must be able to write where the package lands.
chmod 0777 "$download_dir"
download() {
  (cd "$download_dir" && apt-get download -qq "firefox-esr=${major}.*" 2>/dev/null)
}
if ! download; then
  echo "Updating the package lists to find firefox-esr ${major}"
  "${as_root[@]}" apt-get update -qq
  download
fi
package=("$download_dir"/firefox-esr_"${major}".*.deb)
rm -rf "$dir"
mkdir -p "$dir"
dpkg -x "${package[0]}" "$dir"
"$binary" --version
