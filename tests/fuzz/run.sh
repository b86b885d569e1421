#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (ASan + UBSan) and runs each for a bounded time from its
# committed corpus: no crash, no hang (-timeout), no leak (-detect_leaks). New inputs go to a scratch copy,
# so the committed corpus changes only by hand. Usage: tests/fuzz/run.sh [SECONDS_EACH] (default 20).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
CC=clang-14 CXX=clang++-14 cmake -S tests/fuzz -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_UNITY_BUILD=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)"
# The three run side by side (they are CPU-bound; on 2 cores each gets two thirds of one), then each one's
# summary is printed; any crash, hang or leak fails the script.
status=0
names=(content config inbox_request)
pids=()
for name in "${names[@]}"; do
  scratch=build-fuzz/corpus-$name
  mkdir -p "$scratch"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "build-fuzz/${name}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix=build-fuzz/ "$scratch" "tests/fuzz/corpus/$name" \
    >"build-fuzz/$name.log" 2>&1 &
  pids+=($!)
done
for i in "${!names[@]}"; do
  rc=0
  wait "${pids[$i]}" || rc=$?
  echo "== fuzz ${names[$i]} for ${seconds}s: exit $rc =="
  tail -n 12 "build-fuzz/${names[$i]}.log"
  [ "$rc" -eq 0 ] || status=1
done
exit "$status"
