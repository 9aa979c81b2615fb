#!/usr/bin/env bash
# Full-size benchmarks (issue 6): API calls, Zoho pacing, idle cycle, scale (100,000 then 200,000 products with
# 10,000 deals) and read path (100,000 Opportunities), in a release build, printed as a table and JSON.
# Usage: scripts/benchmarks/run-full.sh [--only stock|deals|zoho|idle|scale|readpath]
# The release build goes to .build-release (git-ignored) and takes several minutes the first time; run one at a time.
set -euo pipefail
cd "$(dirname "$0")/../.."
nice -n 10 swift build -c release --scratch-path .build-release --product crm-sync
nice -n 10 swift build -c release --scratch-path .build-release --product crm-sync-bench
exec .build-release/release/crm-sync-bench --full "$@"
