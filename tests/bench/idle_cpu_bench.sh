#!/bin/bash
# Idle CPU on the attract screen: runs the real kiosk loop in a window on a virtual X server (Xvfb, a real
# X11 driver, so SDL really blocks between deadlines) and prints the CPU it used over 30 s of nobody
# touching it (the highlights rotate meanwhile), and its peak RSS. A figure, never a failure.
# usage: idle_cpu_bench.sh KIOSK [SECONDS]
set -eu
kiosk=$1 seconds=${2:-30}
if ! command -v xvfb-run >/dev/null; then
  echo "idle_cpu_bench: needs xvfb-run (Debian package xvfb, not part of CI); no figure"
  exit 0
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --windowed --size 1920x1080 --data-dir "$data" >"$data/log" 2>&1 &
runner=$!
for _ in $(seq 50); do
  pid=$(pgrep -n -P "$runner" -f -- "--data-dir $data" || true)
  [ -z "$pid" ] && pid=$(pgrep -n -f -- "^$kiosk --windowed --size 1920x1080 --data-dir $data" || true)
  [ -n "$pid" ] && break
  sleep 0.2
done
sleep 3  # first frame and fonts
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
sleep "$seconds"
after=$(ticks)
hz=$(getconf CLK_TCK)
awk -v t=$((after - before)) -v hz="$hz" -v s="$seconds" \
  'BEGIN { printf "attract screen idle: %.2f s of CPU in %d s = %.2f%% of one core\n", t / hz, s, 100 * t / hz / s }'
grep VmHWM "/proc/$pid/status" | awk '{ printf "peak RSS: %d MB\n", $2 / 1024 }'
kill "$pid"
wait "$runner" || true
