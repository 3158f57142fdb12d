#!/usr/bin/env bash
# Compares `mixdojo analyze` with ffmpeg's EBU R128 meter (ebur128=peak=true) on real,
# commercially produced music from Debian's game-music packages, and prints a table:
# integrated loudness (within 0.1 LU), loudness range (within 1 LU on material of 30 s or more)
# and true peak (within 0.3 dB).
#
#   scripts/compare-ffmpeg.sh [MAX_FILES] [AUDIO FILES…]
#
# Without files it uses the songs of fretsonfire-songs-sectoid and drascula-music (installed
# with apt-get when run as root; otherwise: sudo apt-get install fretsonfire-songs-sectoid
# drascula-music ffmpeg). Each file is decoded to 24-bit WAV with ffmpeg first, so both meters
# read the same samples. ffmpeg prints its summary to one decimal, so a difference of up to
# 0.05 is rounding.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
max=${1:-12}
shift || true

need=()
command -v ffmpeg >/dev/null || need+=(ffmpeg)
command -v python3 >/dev/null || need+=(python3)
packages=(fretsonfire-songs-sectoid drascula-music)
if [ $# -eq 0 ]; then
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need[*]}…" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Please install: sudo apt-get install ${need[*]}" >&2
    exit 2
  fi
fi

if [ $# -gt 0 ]; then
  sources=("$@")
else
  mapfile -t sources < <(dpkg -L "${packages[@]}" | grep -E '/song\.ogg$|/track[0-9]+\.ogg$' | sort -V)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows="$work/rows.tsv"
: > "$rows"
n=0
for src in "${sources[@]}"; do
  [ "$n" -ge "$max" ] && break
  n=$((n + 1))
  wav="$work/$n.wav"
  ffmpeg -nostdin -v error -i "$src" -c:a pcm_s24le "$wav"
  ffmpeg -nostdin -nostats -hide_banner -i "$wav" -af ebur128=peak=true -f null - 2> "$work/$n.ff" || true
  "$root/bin/mixdojo" analyze "$wav" --format json > "$work/$n.json"
  printf '%s\t%s\t%s\n' "$src" "$work/$n.json" "$work/$n.ff" >> "$rows"
done

python3 - "$rows" <<'PY'
import json, re, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
def ff(path):
    text = open(path).read()
    summary = text[text.rfind("Summary:"):]
    get = lambda pat: float(re.search(pat, summary, re.S).group(1))
    return get(r"I:\s+(-?[\d.]+) LUFS"), get(r"LRA:\s+(-?[\d.]+) LU"), get(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS")
print(f"{'file':34} {'dur s':>6} | {'I ours':>7} {'I ff':>6} {'dI':>5} | {'LRA us':>6} {'LRA ff':>6} {'dLRA':>5} | {'TP ours':>7} {'TP ff':>6} {'dTP':>5} | ok")
fails = 0
for src, js, ffpath in rows:
    j = json.load(open(js)); l = j["loudness"]
    fi, flra, ftp = ff(ffpath)
    d = j["durationS"]
    di, dlra, dtp = l["integratedLufs"] - fi, l["loudnessRangeLu"] - flra, l["truePeakDbtp"] - ftp
    ok = abs(di) <= 0.1 and abs(dtp) <= 0.3 and (d < 30 or abs(dlra) <= 1.0)
    fails += 0 if ok else 1
    name = "/".join(src.split("/")[-2:])[-34:]
    print(f"{name:34} {d:6.1f} | {l['integratedLufs']:7.2f} {fi:6.1f} {di:+5.2f} | {l['loudnessRangeLu']:6.2f} {flra:6.1f} {dlra:+5.2f} | "
          f"{l['truePeakDbtp']:7.2f} {ftp:6.1f} {dtp:+5.2f} | {'yes' if ok else 'NO'}")
print(f"{len(rows) - fails} of {len(rows)} files within tolerance (I ±0.1 LU, LRA ±1 LU when ≥30 s, TP ±0.3 dB)")
sys.exit(1 if fails else 0)
PY
