#!/usr/bin/env bash
# Runs bin/bench LiveClassBench twice in one go, the server on the classes of BASE (a commit; default main) and then
# on this working tree's, with the load average before each: the machine is shared, so compare the two runs' figures
# only next to their loads.  Usage: scripts/live-bench-before-after.sh [BASE] [STUDENTS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base=${1:-main}
students=${2:-300}
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
git -C "$root" archive "$base" | tar -x -C "$before"
(cd "$before" && mvn -q -B -o compile >&2)
echo "== before: server on $(git -C "$root" rev-parse --short "$base"); load $(cut -d' ' -f1-3 /proc/loadavg)"
LIVE_BENCH_SERVER_CLASSES="$before/target/classes" "$root/bin/bench" LiveClassBench "$students"
echo "== after: server on this working tree; load $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/bin/bench" LiveClassBench "$students"
