#!/usr/bin/env bash
# The long-file check: a 48 kHz stereo 24-bit WAV of pink noise, HOURS long (default 3), made here
# with sox and deleted afterwards (never committed), goes through `process` with a reverb chain and
# through `analyze`, each with a 256 MiB heap; prints the wall time and peak resident memory of each.
#   scripts/long-file-check.sh [HOURS] [WORK_DIR]
# Needs about 2 × 1.04 GB per hour of free disk in WORK_DIR (default: target/long-file-check).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
hours=${1:-3}
dir=${2:-target/long-file-check}
mkdir -p "$dir"
seconds=$(python3 -c "print(int(float('$hours') * 3600))")
df -h "$dir" | tail -1 | awk '{print "Free disk in '"$dir"': " $4}'

in="$dir/long.wav"
out="$dir/long-reverb.wav"
trap 'rm -f "$in" "$out"' EXIT
echo "Making a ${hours} h 48 kHz stereo 24-bit WAV with sox…"
sox -n -r 48000 -c 2 -b 24 "$in" synth "$seconds" pinknoise vol 0.25
ls -l "$in" | awk '{printf "Input: %.2f GB\n", $5 / 1e9}'

bin/mixdojo --help > /dev/null  # builds the jar first if needed, outside the measurement
measure() {
  local label=$1
  shift
  /usr/bin/time -f "$label: %e s wall, peak resident memory %M KiB" env MIXDOJO_JAVA_OPTS=-Xmx256m bin/mixdojo "$@"
}
measure "process (reverb, -Xmx256m)" process "$in" "$out" --chain-json \
  '[{"reverb": {"decayS": 2.0, "predelayMs": 20, "damping": 0.4, "mix": 0.25}}]' > /dev/null
ls -l "$out" | awk '{printf "Output: %.2f GB\n", $5 / 1e9}'
measure "analyze (all sections, -Xmx256m)" analyze "$in" --format json > "$dir/long-analysis.json"
python3 - "$dir/long-analysis.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
print("Analysis: %.1f s long, integrated %.2f LUFS, true peak %.2f dBTP" % (
    report["durationS"], report["loudness"]["integratedLufs"], report["loudness"]["truePeakDbtp"]))
PY
