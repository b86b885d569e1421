#!/bin/sh
# An inbox.json from before nginx (HTTPS on an address and port) started as the packaged unit starts the
# inbox: it must exit 78 at once with one message naming the file and what to write instead, and the unit
# must run it that way and not restart it on 78 (else it fails every 5 s after an upgrade, forever).
# usage: config_before_nginx_test.sh INTAKE_INBOX OLD_CONFIG UNIT_FILE
inbox=$1 config=$2 unit=$3
out=$("$inbox" --config "$config" --unix-socket-only 2>&1)
rc=$?
echo "$out"
fail() { echo "FAIL: $*"; exit 1; }
[ "$rc" -eq 78 ] || fail "exit $rc, not 78"
[ "$(echo "$out" | wc -l)" -eq 1 ] || fail "more than one line"
echo "$out" | grep -qF "$config: /listen: " || fail "the message does not name the file and /listen"
echo "$out" | grep -qF '"unix_socket": "/run/glowup-kiosk-inbox/inbox.sock"' || fail "the message does not say what to write"
grep -qx 'ExecStart=/usr/bin/intake-inbox --config /etc/glowup-kiosk-inbox/inbox.json --unix-socket-only' "$unit" ||
  fail "$unit does not start the inbox with --unix-socket-only"
grep -qx 'RestartPreventExitStatus=78' "$unit" || fail "$unit restarts the inbox after exit 78"
echo "refused with exit 78, one line; the unit runs it so and does not restart on 78"
