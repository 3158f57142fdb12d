#!/usr/bin/env bash
# Redraws docs/screenshots/: every view of `mixdojo gui --screenshot` in the light theme, and
# Home, Practice and Progress in the dark one, under Xvfb (installed if missing).
#   scripts/screenshots.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if ! command -v xvfb-run >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb >/dev/null
fi
for spec in home lesson drill drill-answered round-summary mixer progress analyze settings exam teacher projector \
    home:dark drill:dark progress:dark; do
  view=${spec%%:*}
  theme=light
  name=$view
  if [[ $spec == *:dark ]]; then theme=dark; name=$view-dark; fi
  xvfb-run -a -s "-screen 0 1280x800x24" bin/mixdojo gui --screenshot "docs/screenshots/$name.png" --view "$view" \
    --theme "$theme" 2>/dev/null
  echo "docs/screenshots/$name.png"
done
