#!/usr/bin/env bash
# Times whole processes on the same 3-minute 48 kHz stereo file, several runs each:
#   bin/mixdojo analyze --only loudness, full bin/mixdojo analyze, and
#   ffmpeg -i FILE -af ebur128=peak=true -f null -
# and prints medians and ratios (JVM start-up included); also the full analysis under Java 25
# (where installed) and the analysis of the file's first second alone (the fixed start-up cost). Then shows that a one-hour 48 kHz
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
# One second of the same file: what every run costs before there is much audio to measure
# (JVM start, command line, class set-up, report).
second="$work/one-second.wav"
sox "$file" "$second" trim 0 1

seconds() {  # runs the command; prints "wall,cpu" in seconds (cpu = user + system, all threads)
  /usr/bin/time -f "%e,%U,%S" -o "$work/time" "$@" >/dev/null 2>&1
  python3 -c "w,u,s = open('$work/time').read().strip().splitlines()[-1].split(','); print(f'{float(w):.3f},{float(u) + float(s):.3f}')"
}
# The full analysis is also timed under Java 25 where it is installed (bin/mixdojo runs the java on
# PATH, Java 17 here): a newer JIT and class-data sharing, measured rather than assumed.
other_java=$(ls /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1 || true)
[ -n "$other_java" ] || echo "No Java 25 under /usr/lib/jvm: no Java 25 row." >&2
[ -z "$other_java" ] || MIXDOJO_JAVA="$other_java" "$root/bin/mixdojo" --version >/dev/null   # its archive, outside the timings
declare -A times=([other]="")
for ((i = 1; i <= runs; i++)); do
  times[ffmpeg]+="$(seconds ffmpeg -nostdin -nostats -i "$file" -af ebur128=peak=true -f null -) "
  times[loudness]+="$(seconds "$root/bin/mixdojo" analyze "$file" --only loudness --format json) "
  times[full]+="$(seconds "$root/bin/mixdojo" analyze "$file" --format json) "
  [ -z "$other_java" ] || times[other]+="$(MIXDOJO_JAVA="$other_java" seconds "$root/bin/mixdojo" analyze "$file" --format json) "
  times[second]+="$(seconds "$root/bin/mixdojo" analyze "$second" --format json) "
done
echo "3-minute 48 kHz stereo file: $what; $runs runs each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
python3 - "${times[ffmpeg]}" "${times[loudness]}" "${times[full]}" "${times[other]}" "${times[second]}" \
    "$([ -z "$other_java" ] || "$other_java" -version 2>&1 | head -n 1)" <<'PY'
import statistics, sys
names = ("ffmpeg", "loudness", "full", "other", "second")
runs = {name: [tuple(map(float, r.split(","))) for r in a.split()] for name, a in zip(names, sys.argv[1:6]) if a.strip()}
wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
labels = {"ffmpeg": "ffmpeg ebur128=peak=true", "loudness": "mixdojo analyze --only loudness", "full": "mixdojo analyze (everything)",
          "other": "the same under Java 25", "second": "mixdojo analyze, first second only"}
if "other" in runs:
    print(f"  (Java 25 row: {sys.argv[6]})")
for k in runs:
    print(f"  {labels[k]:34} wall median {wall[k]:5.2f} s, cpu median {cpu[k]:5.2f} s  (wall runs: {' '.join(f'{w:.2f}' for w, _ in runs[k])})")
print(f"  wall ratios: loudness/ffmpeg {wall['loudness'] / wall['ffmpeg']:.2f}, full/ffmpeg {wall['full'] / wall['ffmpeg']:.2f}"
      f"  (below 1 is faster than ffmpeg)")
print(f"  cpu ratios:  loudness/ffmpeg {cpu['loudness'] / cpu['ffmpeg']:.2f}, full/ffmpeg {cpu['full'] / cpu['ffmpeg']:.2f}"
      f"  (cpu adds up all threads, the JIT compilers' too)")
print(f"  start-up: the first second alone takes {wall['second'] / wall['ffmpeg']:.2f} of ffmpeg's wall time for the whole file")
if "other" in runs:
    print(f"  Java 25 / java on PATH, full analysis: {wall['other'] / wall['full']:.2f}")
PY

if [ "$hour" = yes ]; then
  long="$work/one-hour.wav"
  sox -n -r 48000 -b 16 -c 2 "$long" synth 3600 pinknoise pinknoise gain -12
  echo "One-hour 48 kHz stereo file ($(du -h "$long" | cut -f1)), MIXDOJO_JAVA_OPTS=-Xmx512m:"
  MIXDOJO_JAVA_OPTS=-Xmx512m /usr/bin/time -f "  %e s wall, %M KB peak resident memory, exit %x" \
    "$root/bin/mixdojo" analyze "$long" --format json --out "$work/hour.json"
  python3 -c "import json,sys; j=json.load(open(sys.argv[1])); l=j['loudness']; print(f\"  read {j['durationS']:.0f} s: integrated {l['integratedLufs']} LUFS, LRA {l['loudnessRangeLu']} LU, true peak {l['truePeakDbtp']} dBTP\")" "$work/hour.json"
fi
