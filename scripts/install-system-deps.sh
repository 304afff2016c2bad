#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real (OCR, the dashboard's browser tests), when we may.
# As root on Debian/Ubuntu it installs what is missing; elsewhere it says what to install.
set -euo pipefail

packages=()
command -v tesseract >/dev/null 2>&1 || packages+=(tesseract-ocr)
if ! tesseract --list-langs 2>/dev/null | grep -qx deu; then packages+=(tesseract-ocr-deu); fi
# Playwright drives Debian's chromium at /usr/bin/chromium; it never downloads a browser of its own.
command -v chromium >/dev/null 2>&1 || packages+=(chromium)

if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
else
  echo "missing system packages: ${packages[*]} (e.g. sudo apt-get install ${packages[*]})" >&2
  exit 1
fi
