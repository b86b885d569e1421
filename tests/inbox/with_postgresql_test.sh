#!/bin/sh
# with_postgresql.py when PostgreSQL cannot be started (its programs pointed at a folder without them): with
# CI=true the test fails (exit 1), never skips; without CI it skips (exit 77) and says why. Either way the
# command is not run.
script="$1"
marker=$(mktemp)
rm -f "$marker"
err=$(mktemp)
fail() { echo "FAIL: $*" >&2; cat "$err" >&2; rm -f "$marker" "$err"; exit 1; }

CI=true KIOSK_POSTGRESQL_BIN=/nonexistent python3 "$script" -- touch "$marker" 2>"$err"
rc=$?
[ "$rc" -eq 1 ] || fail "CI=true: exit $rc, expected 1"
grep -q "cannot start PostgreSQL" "$err" || fail "CI=true: no reason given"
[ ! -e "$marker" ] || fail "CI=true: the command ran without a database"

env -u CI KIOSK_POSTGRESQL_BIN=/nonexistent python3 "$script" -- touch "$marker" 2>"$err"
rc=$?
[ "$rc" -eq 77 ] || fail "without CI: exit $rc, expected 77 (skip)"
grep -q "SKIPPED: cannot start PostgreSQL: /nonexistent/initdb is missing" "$err" || fail "without CI: no reason"
[ ! -e "$marker" ] || fail "without CI: the command ran without a database"
rm -f "$err"
echo "ok: fails under CI=true, skips with the reason otherwise"
