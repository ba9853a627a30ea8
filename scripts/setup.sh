#!/usr/bin/env bash
# Set up easyread on a fresh Debian/Ubuntu machine: system packages, a virtualenv
# in .venv, and easyread with its embedded model.
#   bash scripts/setup.sh        # to run the service
#   bash scripts/setup.sh test   # also the test tools and the benchmarks (benchmarks/)
set -euo pipefail
cd "$(dirname "$0")/.."

# Pango for WeasyPrint's PDF output, Cairo for turning SVG symbols into PNG, and fonts that cover the scripts of the UK's
# community languages (Arabic, Urdu, Bengali, Gurmukhi, Gujarati, Tamil, Tigrinya...), with fonts-noto-cjk for Chinese
# (simplified and traditional).
SYSTEM_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2 fonts-dejavu-core fonts-noto-core fonts-noto-cjk
    espeak-ng)
# The tests also drive a real browser (Debian's Chromium; Playwright's own download does not work offline).
if [[ "${1:-}" == "test" ]]; then
    SYSTEM_PACKAGES+=(chromium redis-server postgresql)
    command -v npm >/dev/null || SYSTEM_PACKAGES+=(nodejs npm)
fi

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    elif command -v sudo >/dev/null; then
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
        echo "Install these system packages first, then run this again: ${missing[*]}" >&2
        exit 1
    fi
fi

PYTHON=${PYTHON:-python3}
[[ -x .venv/bin/python ]] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# torch is named first and exactly so pip takes the CPU build, never a multi-GB CUDA one.
extras=""
[[ "${1:-}" == "test" ]] && extras="[test]"
.venv/bin/python -m pip install -q "torch==2.13.0" -e ".${extras}"
if [[ "${1:-}" == "test" ]]; then
    # The benchmarks (`easyread bench`) are their own distribution, so the service's wheel does not carry their data
    .venv/bin/python -m pip install -q -e benchmarks
    # playwright-core and axe-core for the browser and accessibility tests, pinned by the lock file
    npm ci --prefix scripts --ignore-scripts --no-audit --no-fund --loglevel=error
fi
echo "easyread is installed in .venv"
