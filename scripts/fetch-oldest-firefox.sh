#!/usr/bin/env bash
# Unpacks Debian's Firefox ESR of the oldest major version the Firefox manifest accepts
# (strict_min_version, 140) into .cache/firefox-esr-<major>/ (git-ignored), for the browser tests
# that check what that version draws (tests/e2e/marks.firefox-oldest.e2e.ts). `npm test` runs it
# first (through scripts/prepare-test-machine.sh). Idempotent: does nothing when the unpacked
# browser already reports that version. Needs apt-get (Debian); uses sudo for `apt-get update`
# only when not root and only when the package lists do not have that version yet.
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
echo "Fetching Firefox ESR ${major} for the oldest-browser tests into ${dir} (once, about 80 MB)"
if ! download; then
  echo "Updating the package lists to find firefox-esr ${major}"
  "${as_root[@]}" apt-get update -qq
  if ! download; then
    echo "No firefox-esr ${major}.* in this machine's apt sources (apt-cache madison firefox-esr lists what they have): the oldest-browser tests need Debian 12's archive" >&2
    exit 1
  fi
fi
package=("$download_dir"/firefox-esr_"${major}".*.deb)
rm -rf "$dir"
mkdir -p "$dir"
dpkg -x "${package[0]}" "$dir"
"$binary" --version
