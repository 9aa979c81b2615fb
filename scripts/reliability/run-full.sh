#!/usr/bin/env bash
# Runs the five reliability suites of issue 6 at their full sizes (CRMSYNC_RELIABILITY=full) and prints a summary.
#
#   scripts/reliability/run-full.sh                 # all five
#   scripts/reliability/run-full.sh crash watermark # some of: crash soak watermark hostile canary
#   CRMSYNC_RELIABILITY_SEED=1234 scripts/reliability/run-full.sh crash   # replay a printed seed
#
# Full sizes: crash safety 500 deals / 100 SIGKILLs of a real `crm-sync sync --once` child; fault soak >= 10,000
# API requests with 20 % faults; watermark property test 10,000 writes; hostile corpus and secret canary in their
# full form. Logs go to .build/reliability/<suite>.log. Exit status: 0 when every suite passed.
set -uo pipefail
cd "$(dirname "$0")/../.."

declare -A filters=(
  [crash]='ReliabilityTests\.CrashSafetyTests'
  [soak]='ReliabilityTests\.FaultSoakTests'
  [watermark]='ReliabilityTests\.WatermarkPropertyTests'
  [hostile]='ReliabilityTests\.Hostile'
  [canary]='ReliabilityTests\.Canary'
)
order=(crash soak watermark hostile canary)
selected=("$@")
[ ${#selected[@]} -eq 0 ] && selected=("${order[@]}")
for name in "${selected[@]}"; do
  [ -n "${filters[$name]:-}" ] || { echo "unknown suite '$name' (choose from: ${order[*]})" >&2; exit 64; }
done

echo "== building (tests and the crm-sync executable the crash suite runs)"
swift build --build-tests 2>&1 | grep -E "error|warning: unre" | head -20
swift build --product crm-sync 2>&1 | grep -E "error" | head -20
[ -x .build/debug/crm-sync ] || { echo "crm-sync was not built" >&2; exit 1; }

mkdir -p .build/reliability
export CRMSYNC_RELIABILITY=full
status=0
summary=()
for name in "${selected[@]}"; do
  log=".build/reliability/$name.log"
  echo "== $name (log: $log)"
  started=$(date +%s)
  if swift test --skip-build --filter "${filters[$name]}" >"$log" 2>&1; then result=passed; else result=FAILED; status=1; fi
  seconds=$(( $(date +%s) - started ))
  grep -E '^\[[a-z-]+\] ' "$log" | sed 's/^/   /'
  [ "$result" = FAILED ] && grep -E "✘|recorded an issue|error:" "$log" | head -20 | sed 's/^/   /'
  summary+=("$(printf '%-10s %-7s %6ss' "$name" "$result" "$seconds")")
done

echo
echo "== summary (CRMSYNC_RELIABILITY=full, $(nproc) cores, debug build)"
printf '%s\n' "${summary[@]}"
exit $status
