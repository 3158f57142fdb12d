#!/usr/bin/env bash
# Times whole processes on the same 3-minute 48 kHz stereo file, several runs each:
#   bin/mixdojo analyze --only loudness, full bin/mixdojo analyze, and
#   ffmpeg -i FILE -af ebur128=peak=true -f null -
# and prints medians and ratios (JVM start-up included). Then shows that a one-hour 48 kHz
# stereo file is analysed with MIXDOJO_JAVA_OPTS=-Xmx512m (time and peak memory).
#
#   scripts/bench-analyze.sh [RUNS] [--no-hour]
#
# Needs ffmpeg and sox (sudo apt-get install ffmpeg sox); uses a song from
# fretsonfire-songs-sectoid as the 3-minute file when that package is installed, otherwise
# sox-generated pink noise. Files go to a temporary folder and are deleted afterwards.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
hour=yes
[ "${2:-}" = "--no-hour" ] && hour=no
for tool in ffmpeg sox python3; do
  command -v "$tool" >/dev/null || { echo "Please install $tool (sudo apt-get install $tool)." >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file="$work/three-minutes.wav"
song=$(dpkg -L fretsonfire-songs-sectoid 2>/dev/null | grep -m1 'Escape from chaosland/song.ogg' || true)
if [ -n "$song" ]; then
  ffmpeg -nostdin -v error -i "$song" -t 180 -ar 48000 -ac 2 -c:a pcm_s24le "$file"
  what="music ($(basename "$(dirname "$song")"), first 180 s)"
else
  sox -n -r 48000 -b 24 -c 2 "$file" synth 180 pinknoise pinknoise gain -12
  what="pink noise"
fi
"$root/bin/mixdojo" --version >/dev/null   # builds the jar if needed, outside the timings

seconds() {  # runs the command, prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}
declare -A times
for ((i = 1; i <= runs; i++)); do
  times[ffmpeg]+="$(seconds ffmpeg -nostdin -nostats -i "$file" -af ebur128=peak=true -f null -) "
  times[loudness]+="$(seconds "$root/bin/mixdojo" analyze "$file" --only loudness --format json) "
  times[full]+="$(seconds "$root/bin/mixdojo" analyze "$file" --format json) "
done
echo "3-minute 48 kHz stereo file: $what; $runs runs each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
python3 - "${times[ffmpeg]}" "${times[loudness]}" "${times[full]}" <<'PY'
import statistics, sys
ff, loud, full = ([float(x) for x in a.split()] for a in sys.argv[1:4])
m = {name: statistics.median(v) for name, v in (("ffmpeg", ff), ("loudness", loud), ("full", full))}
fmt = lambda v: " ".join(f"{x:.2f}" for x in v)
print(f"  ffmpeg ebur128=peak=true        median {m['ffmpeg']:.2f} s  (runs: {fmt(ff)})")
print(f"  mixdojo analyze --only loudness median {m['loudness']:.2f} s  (runs: {fmt(loud)})")
print(f"  mixdojo analyze (everything)    median {m['full']:.2f} s  (runs: {fmt(full)})")
print(f"  ratios: loudness/ffmpeg {m['loudness'] / m['ffmpeg']:.2f}, full/ffmpeg {m['full'] / m['ffmpeg']:.2f}"
      f"  (below 1 is faster than ffmpeg)")
PY

if [ "$hour" = yes ]; then
  long="$work/one-hour.wav"
  sox -n -r 48000 -b 16 -c 2 "$long" synth 3600 pinknoise pinknoise gain -12
  echo "One-hour 48 kHz stereo file ($(du -h "$long" | cut -f1)), MIXDOJO_JAVA_OPTS=-Xmx512m:"
  MIXDOJO_JAVA_OPTS=-Xmx512m /usr/bin/time -f "  %e s wall, %M KB peak resident memory, exit %x" \
    "$root/bin/mixdojo" analyze "$long" --format json --out "$work/hour.json"
  python3 -c "import json,sys; j=json.load(open(sys.argv[1])); l=j['loudness']; print(f\"  read {j['durationS']:.0f} s: integrated {l['integratedLufs']} LUFS, LRA {l['loudnessRangeLu']} LU, true peak {l['truePeakDbtp']} dBTP\")" "$work/hour.json"
fi
