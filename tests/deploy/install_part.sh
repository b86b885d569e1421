#!/bin/sh
# One part of the install test (install_test.sh) as its own ctest result: passed when that run wrote
# "PART passed" to PARTS_FILE, skipped (77) when the part could not run on this machine or the whole test
# was skipped, failed when the run never reached it.
#
# usage: install_part.sh PARTS_FILE PART
parts=$1
part=$2
[ -f "$parts" ] || { echo "SKIP: the install test has not run (no $parts)"; exit 77; }
if grep -q "^all skipped: " "$parts"; then
  echo "SKIP: the whole install test was skipped: $(sed -n 's/^all skipped: //p' "$parts")"
  exit 77
fi
if grep -qx "$part passed" "$parts"; then
  echo "$part passed in the install test"
  exit 0
fi
if grep -q "^$part skipped: " "$parts"; then
  echo "SKIP: $(sed -n "s/^$part skipped: //p" "$parts")"
  exit 77
fi
echo "FAIL: the install test never reached $part (see deploy_package_install_and_purge)"
exit 1
