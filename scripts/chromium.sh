#!/usr/bin/env bash
# Makes sure a Chromium is installed for the console's browser tests (test/browser/): Debian's `chromium`
# package, installed with apt-get when missing (as root, or through sudo). Browser downloads from elsewhere
# (Playwright's own builds) are not used. Prints the browser's path; CHROMIUM_PATH overrides the search.
set -euo pipefail

find_browser() {
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if find_browser; then exit 0; fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else echo "chromium is missing and installing it needs root: apt-get install chromium" >&2; exit 1; fi
fi
echo "installing Debian's chromium for the browser tests (apt-get)…" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
find_browser
