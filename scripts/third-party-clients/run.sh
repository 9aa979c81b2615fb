#!/usr/bin/env bash
# Runs standard third-party Python clients (simple-salesforce, pyodata, requests-oauthlib) against
# `crm-sync sandbox`. Usage: scripts/third-party-clients/run.sh [path/to/crm-sync]   (default .build/debug/crm-sync,
# relative to the repository root). Exits non-zero if any check fails. Venv: $TPC_VENV (default /tmp/crm-sync-tpc-venv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="${1:-.build/debug/crm-sync}"
case "$binary" in /*) ;; *) if [ -e "$binary" ]; then binary="$(pwd)/$binary"; else binary="$root/$binary"; fi ;; esac
[ -x "$binary" ] || { echo "crm-sync binary not found: $binary (build it first: swift build --product crm-sync)" >&2; exit 2; }
venv="${TPC_VENV:-/tmp/crm-sync-tpc-venv}"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
cd "$root"
exec "$venv/bin/python" "$here/check.py" "$binary"
