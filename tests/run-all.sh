#!/usr/bin/env bash
# Builds and runs every test: the normal build (unit, integration, headless UI runs), then the unit and
# integration tests again under AddressSanitizer + UndefinedBehaviorSanitizer. Exit 0 only if all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== build (RelWithDebInfo) =="
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
# The VM boot test's Debian image (mmdebstrap: minutes, mostly download and dpkg) is made in the background
# meanwhile; the boot test itself runs at the end, alone, since its checks have time limits.
vm_image_log=build/vm-image.log
if [ "$(id -u)" -eq 0 ]; then
  python3 tests/deploy/vm/boot_test.py build . --image-only >"$vm_image_log" 2>&1 &
  vm_image_pid=$!
fi
echo "== tests =="
ctest --test-dir build --output-on-failure -j "$jobs" -LE 'bench|install|soak|vm'
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

echo "== VM boot test (the package booted in QEMU: screen, tap, delivery, sandbox, restarts; root only) =="
# KVM when /dev/kvm works, else emulated (TCG: slower, its time limits scaled; the log says which).
if [ -n "${vm_image_pid:-}" ]; then
  status=0
  wait "$vm_image_pid" || status=$?
  # 77: it cannot run here (the boot test below says why, and ctest reports it as skipped)
  [ "$status" -eq 0 ] || [ "$status" -eq 77 ] || { cat "$vm_image_log"; echo "the VM image could not be made"; exit 1; }
  tail -n 3 "$vm_image_log"
fi
ctest --test-dir build --output-on-failure -V -L vm | grep -v '^[0-9]*: Test command\|^UpdateCTestConfiguration'

