#!/usr/bin/env bash
# Installs MixDojo's .deb on a clean Debian (a debootstrap chroot: Debian's own packages, no JDK,
# no Maven) and checks what a learner does: 'mixdojo lessons list' from /, and 'mixdojo' opening
# the app's window (under xvfb-run inside the chroot; its name and class are printed and a
# screenshot is saved). Run as root on Debian with debootstrap installed (apt-get install debootstrap).
#   scripts/check-deb-in-chroot.sh [DEB] [SCREENSHOT.png]
# The bare Debian is made once and kept in /var/tmp/mixdojo-debootstrap (MIXDOJO_CHROOT_BASE);
# each run installs into a fresh copy of it, removed at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

deb=${1:-$(ls target/dist/mixdojo_*.deb 2>/dev/null | head -1)}
shot=${2:-target/dist/chroot-window.png}
base=${MIXDOJO_CHROOT_BASE:-/var/tmp/mixdojo-debootstrap}
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
[ -f "$deb" ] || { echo "No .deb: run scripts/package.sh first, or name one." >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "Run as root (debootstrap and chroot need it)." >&2; exit 2; }

if [ ! -x "$base/bin/sh" ]; then
  echo "Making a bare Debian $suite in $base (once)…"
  debootstrap --variant=minbase "$suite" "$base" http://deb.debian.org/debian >/dev/null
fi

root=$(mktemp -d /var/tmp/mixdojo-chroot.XXXXXX)
cleanup() {
  for m in dev/pts dev sys proc; do umount -l "$root/$m" 2>/dev/null || true; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
cp -a "$base/." "$root/"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/mixdojo.deb"
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

echo "== A bare Debian: java and mvn are absent"
for tool in java mvn; do
  if in_root sh -c "command -v $tool" >/dev/null; then echo "FAIL: $tool is installed in the chroot" >&2; exit 1; fi
  echo "  no $tool"
done

echo "== apt-get install ./mixdojo.deb"
in_root apt-get update -qq
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/mixdojo.deb >/tmp/install.log 2>&1' \
  || { tail -20 "$root/tmp/install.log"; exit 1; }
in_root sh -c 'dpkg -s mixdojo | grep -E "^(Status|Version|Installed-Size)"'
for tool in java mvn; do
  if in_root sh -c "command -v $tool" >/dev/null; then echo "FAIL: installing MixDojo brought $tool onto the PATH" >&2; exit 1; fi
done

echo "== cd / && mixdojo lessons list"
in_root sh -c 'cd / && mixdojo lessons list' > "$root/tmp/lessons.txt"
head -8 "$root/tmp/lessons.txt"
lessons=$(grep -c '([0-9]* drill' "$root/tmp/lessons.txt" || true)
echo "  ($lessons lessons)"
[ "$lessons" -gt 10 ] || { echo "FAIL: the lessons were not listed" >&2; exit 1; }

echo "== mixdojo (the app) under xvfb-run"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth x11-utils x11-apps >/dev/null 2>&1'
in_root sh -c 'cd / && xvfb-run -a -s "-screen 0 1280x800x24" sh -c "
  mixdojo >/tmp/app.log 2>&1 & app=\$!
  for i in \$(seq 1 90); do xwininfo -root -tree | grep -q \"MixDojo\" && break; sleep 1; done
  sleep 40 # the first start reads the lessons and renders what Home shows
  xwininfo -root -tree | grep -i mixdojo | head -3
  id=\$(xwininfo -root -tree | grep \"\\\"MixDojo\\\"\" | head -1 | sed \"s/^ *\\(0x[0-9a-f]*\\).*/\\1/\")
  [ -n \"\$id\" ] && xprop -id \$id WM_NAME WM_CLASS && xprop -id \$id _NET_WM_ICON | head -1 | cut -c1-60
  xwd -root -silent > /tmp/window.xwd
  kill \$app; wait \$app 2>/dev/null; true"'
echo "  the app's own output:"; sed 's/^/    /' "$root/tmp/app.log" | head -10
[ -s "$root/tmp/window.xwd" ] || { echo "FAIL: no screenshot" >&2; exit 1; }
mkdir -p "$(dirname "$shot")"
ffmpeg -v error -y -i "$root/tmp/window.xwd" "$shot"
echo "Screenshot of the app in the chroot: $shot"
echo "PASS"
