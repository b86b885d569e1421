#!/usr/bin/env bash
# Builds and runs every test: the normal build (unit, integration, headless UI runs), then the unit and
# integration tests again under AddressSanitizer + UndefinedBehaviorSanitizer. Exit 0 only if all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== build (RelWithDebInfo) =="
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
echo "== tests =="
ctest --test-dir build --output-on-failure -j "$jobs" -LE 'bench|install|soak'
echo "== install test (the Debian package installed, started, purged; root only) =="
KIOSK_INSTALL_TEST=1 ctest --test-dir build --output-on-failure -L install

echo "== build (ASan + UBSan: core and store) =="
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON -DKIOSK_UI=OFF -DKIOSK_WERROR=ON >/dev/null
cmake --build build-asan -j "$jobs"
echo "== tests under sanitizers =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -L 'unit|integration|reliability'

echo "== fuzzing (libFuzzer, clang, ASan + UBSan): content, config, inbox request checks =="
tests/fuzz/run.sh 20
