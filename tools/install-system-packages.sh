#!/usr/bin/env bash
# Install the Debian packages the build and the tests need beyond Python itself.
# Idempotent: packages already present are not fetched again. Run as root (or with sudo).
#
#   bash tools/install-system-packages.sh
#
# The HTML build and its tests need only make; the PDFs (make pdf) need TeX Live. Features add
# their packages to PACKAGES below, so that CI and every machine install them the same way.
# Measured on Debian 12 with the PDF packages: 46 packages, ~216 MB download, ~614 MB, ~1 min.
set -euo pipefail

PACKAGES=(
  make
  # PDF (make pdf): Sphinx's LaTeX builder with LuaLaTeX for every language (any script).
  latexmk
  texlive-latex-recommended
  texlive-latex-extra        # packages Sphinx's LaTeX style loads (fncychap, tabulary, ...)
  texlive-fonts-recommended
  tex-gyre
  texlive-lang-german        # babel-german and German hyphenation patterns
  texlive-luatex             # LuaLaTeX, luaotfload (font fallback) and fontspec
  texlive-xetex
  fonts-freefont-otf         # Sphinx's LuaLaTeX fonts (FreeSerif/Sans/Mono)
  texlive-lang-chinese       # the Fandol CJK fonts (Chinese in every PDF)
  fonts-dejavu-core          # fallback: arrows, math, symbols, control pictures
  fonts-noto-core            # fallback: symbols, math, Arabic, Hebrew, Latin/Greek/Cyrillic extensions
  fonts-symbola              # fallback: emoji (monochrome, Unicode 9)
  fonts-noto-color-emoji     # fallback: newer emoji, printed as colour pictures
  xindy                      # the index sorter Sphinx uses with LuaLaTeX
  poppler-utils              # pdftotext and pdftoppm: the PDF tests read the PDFs back
  # Browser tests (tests/test_browser.py): headless Chromium driven by Playwright, with fonts
  # for the Chinese pages.
  chromium
  fonts-noto-cjk             # also the PDFs' fallback for CJK that Fandol lacks (hangul, ...)
  # The Nu HTML Checker (vnu-jar, installed by make axe) runs on Java: make check and the tests
  # validate every page of the built site with it.
  default-jre-headless
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
