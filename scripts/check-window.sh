#!/usr/bin/env bash
# Starts the app under Xvfb with no audio device and measures how long the "MixDojo" window
# takes to appear, checks that its X11 class (WM_CLASS, read with xprop) is MixDojo, the desktop
# entry's StartupWMClass, then that the app is still running a few seconds later, and saves a
# screenshot; then times, RUNS times (default 3) after a first start, how long the app takes from
# the start of its JVM until Home shows the lessons (`bin/mixdojo gui --time-start`; the budget is 1.5 s).
# Needs Debian's xvfb, x11-utils and xdotool (installed if missing).
#   scripts/check-window.sh [screenshot.png] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shot=${1:-$root/target/window.png}
runs=${2:-3}
if ! command -v Xvfb >/dev/null || ! command -v xwininfo >/dev/null || ! command -v xdotool >/dev/null \
    || ! ldconfig -p | grep -q libgtk-3.so.0; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb x11-utils xdotool imagemagick libgtk-3-0 libxtst6 >/dev/null
fi
"$root/bin/mixdojo" --version >/dev/null   # builds the jar if it is stale, outside the timing

display=:97
Xvfb $display -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
app=""
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1

start=$(date +%s.%N)
DISPLAY=$display java -Dmixdojo.audio.device=none -cp "$root/target/mixdojo.jar:$root/target/lib/*" dev.mixdojo.ui.Launcher \
  >"$root/target/window.log" 2>&1 &
app=$!
shown=""
for _ in $(seq 1 200); do
  if DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q '"MixDojo"'; then
    shown=$(date +%s.%N); break
  fi
  sleep 0.05
done
[ -n "$shown" ] || { echo "The MixDojo window did not appear within 10 s."; cat "$root/target/window.log"; exit 1; }
printf 'window appeared after %.2f s\n' "$(echo "$shown - $start" | bc)"
wanted=$(sed -n 's/^StartupWMClass=//p' "$root/packaging/linux/mixdojo.desktop")
window=""
for _ in $(seq 1 100); do   # the window is listed a moment before xdotool finds it by its name
  window=$(DISPLAY=$display xdotool search --name '^MixDojo$' 2>/dev/null | sed -n 1p || true)
  [ -n "$window" ] && break
  sleep 0.1
done
class=$(DISPLAY=$display xprop -id "$window" WM_CLASS)
echo "$class"
if [ "$class" != "WM_CLASS(STRING) = \"$wanted\", \"$wanted\"" ]; then
  echo "The window's class is not the desktop entry's StartupWMClass ($wanted)."; exit 1
fi
sleep 4
if kill -0 $app 2>/dev/null; then echo "still running 4 s later"; else echo "the app exited"; cat "$root/target/window.log"; exit 1; fi
if command -v import >/dev/null; then DISPLAY=$display import -window root "$shot" && echo "screenshot: $shot"; fi
kill $app 2>/dev/null || true
wait $app 2>/dev/null || true

# Home ready: the app as `bin/mixdojo gui` starts it, timed from inside its JVM until Home's lesson cards are on
# screen (`gui --time-start`). The first window writes the app's class-data archive as it quits (see bin/mixdojo):
# that run is the first start's figure, the others map the archive, as every later start does.
for run in $(seq 0 "$runs"); do
  data=$(mktemp -d)
  if [ "$run" = 0 ]; then echo "first start (writes the class-data archive):"; else echo "run $run:"; fi
  DISPLAY=$display MIXDOJO_HOME="$data" timeout 60 "$root/bin/mixdojo" gui --time-start 2>/dev/null
  rm -rf "$data"
done
