#!/usr/bin/env bash
# The first step of `npm test`: what the tests need from the machine beyond node_modules.
# - The Debian packages the README's prerequisites name: when one is missing, one line says which
#   and how to install them, and the tests do not start (a browser test failing ten minutes in
#   says less than this line does now).
# - Firefox ESR 140, the oldest the Firefox manifest accepts: apt does not install two Firefox ESR
#   versions side by side, so it is unpacked from Debian's archive into .cache/ (once; idempotent).
#
# Each need is checked by the file the tests use, not by package name, so the check says the same
# thing the tests will meet. SYSTEM_ROOT prefixes those paths (for this script's own test only).
set -euo pipefail
cd "$(dirname "$0")/.."

root="${SYSTEM_ROOT:-}"
# package name, then the file the tests use from it
needs=(
  chromium /usr/bin/chromium
  firefox-esr /usr/bin/firefox-esr
  chromium-l10n /usr/lib/chromium/locales/zh-CN.pak
  firefox-esr-l10n-zh-cn /usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi
  fonts-noto-cjk /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
)
missing=()
for ((i = 0; i < ${#needs[@]}; i += 2)); do
  [ -e "${root}${needs[i + 1]}" ] || missing+=("${needs[i]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "npm test needs Debian packages that are not installed: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

scripts/fetch-oldest-firefox.sh
