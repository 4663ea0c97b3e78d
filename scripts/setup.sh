#!/usr/bin/env bash
# Install what Expediente needs on Debian/Ubuntu: Tesseract (spa+eng) and poppler when
# missing, then a virtual environment in .venv with the project installed.
#   scripts/setup.sh          the app
#   scripts/setup.sh --test   the app plus what the tests need (Chromium, pytest, ...)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

need=()
command -v tesseract >/dev/null || need+=(tesseract-ocr)
if command -v tesseract >/dev/null; then
  langs=$(tesseract --list-langs 2>/dev/null || true)
  grep -qx spa <<<"$langs" || need+=(tesseract-ocr-spa)
  grep -qx eng <<<"$langs" || need+=(tesseract-ocr-eng)
else
  need+=(tesseract-ocr-spa tesseract-ocr-eng)
fi
command -v pdftotext >/dev/null || need+=(poppler-utils)  # the text layer (PDFium reads it when missing)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
if [ "$want_test" = 1 ]; then
  command -v chromium >/dev/null || need+=(chromium)
  command -v mvn >/dev/null || need+=(maven)
  command -v unzip >/dev/null || need+=(unzip)
  command -v curl >/dev/null || need+=(curl)
fi
if [ "${#need[@]}" -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null
if [ "$want_test" = 1 ]; then
  .venv/bin/pip install -q -e '.[test]'
else
  .venv/bin/pip install -q -e .
fi
echo "setup: ready ($(tesseract --version 2>&1 | head -1); $(.venv/bin/python --version))" >&2
