#!/usr/bin/env bash
# Install the Debian packages the build and the tests need beyond Python itself.
# Idempotent: packages already present are not fetched again. Run as root (or with sudo).
#
#   bash tools/install-system-packages.sh
#
# Today the HTML build and its tests need only make; later features (PDF, browser tests) add
# their packages to PACKAGES below, so that CI and every machine install them the same way.
set -euo pipefail

PACKAGES=(
  make
  # Browser tests (tests/test_browser.py): headless Chromium driven by Playwright, with fonts
  # for the Chinese pages.
  chromium
  fonts-noto-cjk
)
# npm installs axe-core for the accessibility audit (make axe); a Node.js that already brings
# its own npm is kept.
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages: all present (${PACKAGES[*]})."
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "System packages: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
