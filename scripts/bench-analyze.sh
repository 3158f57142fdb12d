#!/usr/bin/env bash
# Times whole `bin/mixdojo analyze` processes against ffmpeg's EBU R128 meter
# (`ffmpeg -af ebur128=peak=true`) on the same files, alternating the runs so that both see the
# same machine load, and prints medians of wall and CPU time (user + system, all threads) side by side:
#   1. an album: 12 three-minute 48 kHz stereo files in one `analyze` call, against 12 ffmpeg runs
#      one after another (goal: at most 0.5 of ffmpeg's wall time) and against 12 `analyze` calls,
#      one process per file (what the batch saves);
#   2. a one-hour 48 kHz stereo file, fully analysed with a 256 MiB heap, against one ffmpeg run
#      (goal: at most 0.5 of ffmpeg's wall time; peak resident memory is printed too);
#   3. one three-minute file (a figure: JVM start-up and JIT compilation are most of it), and the
#      same file's first second alone (what every run costs before there is much audio to measure).
#
#   scripts/bench-analyze.sh [RUNS] [--no-hour] [--compare DIR]
#
# RUNS (default 3) rounds; the hour file is timed in min(RUNS, 3) of them. --compare DIR times the
# MixDojo checkout in DIR too (e.g. an older commit, `git archive COMMIT | tar -x -C DIR`), in the
# same rounds (a checkout whose `analyze` takes one file gets only the 12-call album row).
#
# Needs ffmpeg, sox and python3. The music is the songs and guitar tracks of
# fretsonfire-songs-sectoid and fretsonfire-songs-muldjord (sudo apt-get install …) when they are
# installed, otherwise pink noise at twelve levels; the hour file is the album played twice,
# cut at 60 minutes. Files go to a temporary folder (about 2 GB) and are deleted afterwards.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=3
hour=yes
compare=""
while [ $# -gt 0 ]; do
  case $1 in
    --no-hour) hour=no ;;
    --compare) compare=$(cd "$2" && pwd); shift ;;
    [0-9]*) runs=$1 ;;
    *) echo "usage: scripts/bench-analyze.sh [RUNS] [--no-hour] [--compare DIR]" >&2; exit 2 ;;
  esac
  shift
done
for tool in ffmpeg sox python3; do
  command -v "$tool" >/dev/null || { echo "Please install $tool (sudo apt-get install $tool)." >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/album"
mapfile -t songs < <(dpkg -L fretsonfire-songs-sectoid fretsonfire-songs-muldjord 2>/dev/null \
  | grep -E '/(song|guitar)\.ogg$' | sort | head -n 12 || true)
if [ ${#songs[@]} -eq 12 ]; then
  for i in "${!songs[@]}"; do
    ffmpeg -nostdin -v error -i "${songs[$i]}" -t 180 -ar 48000 -ac 2 -c:a pcm_s24le "$work/album/$(printf %02d $((i + 1))).wav"
  done
  what="music (fretsonfire songs and guitar tracks, first 180 s of each)"
else
  for i in $(seq 1 12); do
    sox -n -r 48000 -b 24 -c 2 "$work/album/$(printf %02d "$i").wav" synth 180 pinknoise pinknoise gain -$((8 + i))
  done
  what="pink noise at 12 levels (install fretsonfire-songs-sectoid and -muldjord for music)"
fi
single="$work/album/01.wav"
sox "$single" "$work/one-second.wav" trim 0 1
long="$work/one-hour.wav"
[ "$hour" = no ] || sox "$work"/album/*.wav "$work"/album/*.wav "$long" trim 0 3600

builds=("$root")
[ -z "$compare" ] || builds+=("$compare")
for build in "${builds[@]}"; do
  "$build/bin/mixdojo" --version >/dev/null   # builds the jar and the start-up archive outside the timings
done

python3 - "$runs" "$hour" "$work" "$what" "${builds[@]}" <<'PY'
import glob, os, statistics, subprocess, sys, time

runs, hour, work, what, builds = int(sys.argv[1]), sys.argv[2] == "yes", sys.argv[3], sys.argv[4], sys.argv[5:]
album = sorted(glob.glob(os.path.join(work, "album", "*.wav")))
single, second, long = album[0], os.path.join(work, "one-second.wav"), os.path.join(work, "one-hour.wav")
ffmpeg = ["ffmpeg", "-nostdin", "-nostats", "-hide_banner", "-af", "ebur128=peak=true", "-f", "null", "-"]

def ffmpeg_on(path):
    return ffmpeg[:4] + ["-i", path] + ffmpeg[4:]

def takes_many(build):
    usage = subprocess.run([os.path.join(build, "bin", "mixdojo"), "analyze", "--help"], capture_output=True, text=True).stdout
    return "FILE..." in usage or "FILE…" in usage

def timed(commands, env=None):
    """Runs the commands one after another; returns (wall s, cpu s, peak resident MB) of the lot."""
    start, cpu, peak = time.monotonic(), 0.0, 0.0
    for command in commands:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   env=dict(os.environ, **(env or {})))
        err = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            sys.exit(f"{' '.join(command[:3])}… failed ({process.returncode}): {err.decode(errors='replace')[-500:]}")
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss / 1024)
    return time.monotonic() - start, cpu, peak

rows = {}  # (section, label) -> list of (wall, cpu, peak)
def record(section, label, result):
    rows.setdefault((section, label), []).append(result)

names = {builds[0]: "mixdojo"}
if len(builds) > 1:
    names[builds[1]] = "compared: " + os.path.basename(builds[1].rstrip("/"))
heap = {"MIXDOJO_JAVA_OPTS": "-Xmx256m"}
load_before = open("/proc/loadavg").read().split()[:3]
for round_ in range(runs):
    record("album", "ffmpeg, 12 runs one after another", timed([ffmpeg_on(f) for f in album]))
    for build in builds:
        mixdojo = os.path.join(build, "bin", "mixdojo")
        if takes_many(build):
            record("album", names[build] + " analyze, one call", timed([[mixdojo, "analyze", *album, "--format", "json"]], heap))
        record("album", names[build] + " analyze, 12 calls", timed([[mixdojo, "analyze", f, "--format", "json"] for f in album], heap))
    record("single", "ffmpeg", timed([ffmpeg_on(single)]))
    for build in builds:
        mixdojo = os.path.join(build, "bin", "mixdojo")
        record("single", names[build] + " analyze", timed([[mixdojo, "analyze", single, "--format", "json"]], heap))
        record("single", names[build] + " analyze, first second only", timed([[mixdojo, "analyze", second, "--format", "json"]], heap))
    if hour and round_ < min(runs, 3):
        record("hour", "ffmpeg", timed([ffmpeg_on(long)]))
        for build in builds:
            record("hour", names[build] + " analyze (-Xmx256m)", timed([[os.path.join(build, "bin", "mixdojo"), "analyze", long, "--format", "json"]], heap))
    print(f"  round {round_ + 1} of {runs} done, load {open('/proc/loadavg').read().split()[0]}", file=sys.stderr)
load_after = open("/proc/loadavg").read().split()[:3]

titles = {"album": "12 three-minute files (an album)", "hour": "one-hour file", "single": "one three-minute file (a figure)"}
print(f"{what}; 48 kHz stereo 24-bit; {runs} rounds, medians; {os.cpu_count()} cores; "
      f"load average {'/'.join(load_before)} before, {'/'.join(load_after)} after")
for section in ("album", "hour", "single"):
    labels = [label for (s, label) in rows if s == section]
    if not labels:
        continue
    print(f"\n{titles[section]}:")
    print(f"  {'':44} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'wall/ffmpeg':>12} {'cpu/ffmpeg':>11}   wall of each run")
    base = None
    for label in labels:
        results = rows[(section, label)]
        wall = statistics.median(r[0] for r in results)
        cpu = statistics.median(r[1] for r in results)
        peak = max(r[2] for r in results)
        if base is None:
            base = (wall, cpu)
            ratios = f"{'':>12} {'':>11}"
        else:
            ratios = f"{wall / base[0]:12.2f} {cpu / base[1]:11.2f}"
        print(f"  {label:44} {wall:7.2f} {cpu:7.2f} {peak:8.0f} {ratios}   {' '.join(f'{r[0]:.2f}' for r in results)}")
    one, each = (section, "mixdojo analyze, one call"), (section, "mixdojo analyze, 12 calls")
    if one in rows and each in rows:
        def median_wall(key):
            return statistics.median(r[0] for r in rows[key])
        print(f"  one call / 12 calls (wall): {median_wall(one) / median_wall(each):.2f}")
PY
