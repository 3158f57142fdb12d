#!/usr/bin/env bash
# Starts the app under Xvfb with no audio device and a fresh data folder, then cycles every
# screen by its keyboard shortcut (Ctrl+1 to Ctrl+9, Ctrl+Shift+A/G/P) ROUNDS times (default 3),
# pressing the main keys of the screens that have them (Home's focused button, a Practice answer,
# the Mixer's play, the Projector's play, A/B, answer, reveal and next) and taking a screenshot of
# each screen in the first round; fails if the app printed an exception or stopped. Needs Debian's xvfb, x11-utils and xdotool (installed if missing).
#   scripts/check-screens.sh [ROUNDS] [SCREENSHOT_DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-3}
shots=${2:-$root/target/screens}
if ! command -v Xvfb >/dev/null || ! command -v xwininfo >/dev/null || ! command -v xdotool >/dev/null \
    || ! ldconfig -p | grep -q libgtk-3.so.0; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb x11-utils xdotool imagemagick \
    libgtk-3-0 libxtst6 >/dev/null
fi
"$root/bin/mixdojo" --version >/dev/null   # builds the jar if it is stale
mkdir -p "$shots"
log="$root/target/screens.log"
data=$(mktemp -d)

display=:96
Xvfb $display -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
app=""
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1

DISPLAY=$display MIXDOJO_HOME="$data" java -Dmixdojo.audio.device=none -cp "$root/target/mixdojo.jar:$root/target/lib/*" \
  dev.mixdojo.ui.Launcher >"$log" 2>&1 &
app=$!
window=""
for _ in $(seq 1 400); do
  window=$(DISPLAY=$display xdotool search --name '^MixDojo$' 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  sleep 0.05
done
[ -n "$window" ] || { echo "The MixDojo window did not appear within 20 s."; cat "$log"; exit 1; }
sleep 3
keys=(ctrl+1 ctrl+2 ctrl+3 ctrl+4 ctrl+5 ctrl+6 ctrl+7 ctrl+8 ctrl+9 ctrl+shift+a ctrl+shift+g ctrl+shift+p)
declare -A actions=([ctrl+1]="Return" [ctrl+3]="space 1 Return Return" [ctrl+4]="space space"
  [ctrl+shift+p]="space b 1 r n")
for round in $(seq 1 "$rounds"); do
  for key in "${keys[@]}"; do
    DISPLAY=$display xdotool windowactivate --sync "$window" key --clearmodifiers "$key" 2>/dev/null \
      || DISPLAY=$display xdotool windowfocus "$window" key "$key"
    sleep 1.5
    for action in ${actions[$key]:-}; do
      DISPLAY=$display xdotool key --clearmodifiers "$action"
      sleep 0.7
    done
    if [ "$round" = 1 ] && command -v import >/dev/null; then
      DISPLAY=$display import -window root "$shots/${key//+/-}.png"
    fi
    kill -0 $app 2>/dev/null || { echo "The app stopped after $key in round $round."; cat "$log"; exit 1; }
  done
  echo "round $round: ${#keys[@]} screens opened"
done
if grep -n -E 'Exception|Error:' "$log"; then
  echo "The app printed an exception while its screens were cycled (log: $log)."
  exit 1
fi
echo "No exception in $rounds rounds of ${#keys[@]} screens; screenshots of the first round in $shots"
