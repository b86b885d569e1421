#!/usr/bin/env bash
# Builds and runs every test: the normal build (unit, integration, headless UI runs), then the unit and
# integration tests again under AddressSanitizer + UndefinedBehaviorSanitizer. Exit 0 only if all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
# Tests run two per core: most of them wait (on servers, sockets, a killed process's lease, PostgreSQL) far more
# than they compute; on 2 cores this halved the test stage (521 s -> 258 s, loaded machine, all passing).
test_jobs=$((jobs * 2))
# Each stage says when it starts (seconds since this script started), so a CI log shows where its minutes go.
stage() { echo "== $* == (at ${SECONDS} s)"; }

stage "build (RelWithDebInfo)"
# Line tables only (-g1) rather than full debug info: the same code (GCC's -g never changes it), backtraces keep
# their lines, and packages are stripped either way. A unity build (CMAKE_UNITY_BUILD: up to 8 sources of a
# target compiled as one) parses each header and instantiates each template once per batch rather than once per
# file; 8 core unit test files took 11 s of CPU together instead of 31 s apart.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_WERROR=ON -DCMAKE_UNITY_BUILD=ON \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" >/dev/null
cmake --build build -j "$jobs"
# The VM boot test's Debian image (mmdebstrap: minutes, mostly download and dpkg) is made in the background
# meanwhile; the boot test itself runs at the end, alone, since its checks have time limits.
vm_image_log=build/vm-image.log
if [ "$(id -u)" -eq 0 ]; then
  python3 tests/deploy/vm/boot_test.py build . --image-only >"$vm_image_log" 2>&1 &
  vm_image_pid=$!
fi
stage "tests"
ctest --test-dir build --output-on-failure -j "$test_jobs" -LE 'bench|install|soak|vm'
stage "install test (the Debian package installed, started, purged; root only)"
KIOSK_INSTALL_TEST=1 ctest --test-dir build --output-on-failure -L install

stage "build (ASan + UBSan: core and store)"
# Unoptimised, line tables only, unity: GCC's UBSan instrumentation costs most at -O1 (a test file 44 s of CPU
# there, 25 s at -O0); the sanitizers check the same code either way.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON -DKIOSK_UI=OFF -DKIOSK_WERROR=ON \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_CXX_FLAGS_DEBUG=-g1 "-DKIOSK_TEST_COMPILE_OPTIONS=-O0;-g1" >/dev/null
cmake --build build-asan -j "$jobs"
stage "tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$test_jobs" -L 'unit|integration|reliability'

stage "fuzzing (libFuzzer, clang, ASan + UBSan): content, config, inbox request checks"
tests/fuzz/run.sh 20

stage "VM boot test (the package booted in QEMU: screen, tap, delivery, sandbox, restarts; root only)"
# KVM when /dev/kvm works, else emulated (TCG: slower, its time limits scaled; the log says which).
if [ -n "${vm_image_pid:-}" ]; then
  status=0
  wait "$vm_image_pid" || status=$?
  # 77: it cannot run here (the boot test below says why, and ctest reports it as skipped)
  [ "$status" -eq 0 ] || [ "$status" -eq 77 ] || { cat "$vm_image_log"; echo "the VM image could not be made"; exit 1; }
  tail -n 3 "$vm_image_log"
fi
ctest --test-dir build --output-on-failure -V -L vm | grep -v '^[0-9]*: Test command\|^UpdateCTestConfiguration'
stage "all passed"
