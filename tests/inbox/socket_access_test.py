#!/usr/bin/python3
"""Only nginx reaches the inbox's unix socket (tests/inbox/arrangement.py: the inbox as installed).

Behind nginx the inbox trusts X-Real-IP for its sign-in locks and leaves slow clients to nginx, so another
local user who could connect to the socket would bypass nginx's limits, forge the client address (and lock
the front desk's address out) and hold the inbox's worker threads. The socket must be mode 0660 in nginx's
group (www-data): checked here as root, with nginx's workers running as www-data as Debian's nginx.conf
says, and another user (nobody) trying to connect.

Usage: socket_access_test.py --inbox BIN --source DIR. Exit 0 when every check held, 77 when not root.
"""
import argparse
import grp
import os
import stat
import subprocess
import tempfile

from arrangement import Arrangement

CONNECT = """
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    s.connect(sys.argv[1])
except PermissionError:
    print("refused")
    raise SystemExit(0)
s.sendall(b"GET /healthz HTTP/1.0\\r\\nX-Real-IP: 203.0.113.9\\r\\n\\r\\n")
print("connected: " + s.recv(64).decode(errors="replace").splitlines()[0])
"""


def connect_as(user, group, path):
    done = subprocess.run(["/usr/bin/python3", "-c", CONNECT, path], user=user, group=group, extra_groups=[],
                          capture_output=True, text=True, timeout=30)
    return (done.stdout + done.stderr).strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inbox", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("skipped: needs root (nginx's workers as www-data, a connection as nobody)")
        return 77
    failures = []
    with tempfile.TemporaryDirectory(prefix="inbox-socket-") as work:
        arr = Arrangement(args.inbox, args.source, work)
        try:
            arr.start()
            path = os.path.join(work, "run", "inbox.sock")
            st = os.stat(path)
            mode, group = stat.S_IMODE(st.st_mode), grp.getgrgid(st.st_gid).gr_name
            print(f"socket: mode {mode:04o}, group {group}")
            if mode != 0o660:
                failures.append(f"socket mode {mode:04o}, not 0660")
            if group != "www-data":
                failures.append(f"socket group {group}, not www-data (nginx's)")
            other = connect_as("nobody", "nogroup", path)
            print(f"as nobody: {other}")
            if other != "refused":
                failures.append(f"user nobody reached the socket: {other}")
            nginx = connect_as("www-data", "www-data", path)
            print(f"as www-data: {nginx}")
            if "200" not in nginx:
                failures.append(f"www-data (nginx's workers) did not reach the inbox: {nginx}")
            status = arr.deliver()
            print(f"a delivery through nginx: {status}")
            if status != 201:
                failures.append(f"a delivery through nginx answered {status}, not 201")
        finally:
            arr.stop()
        if failures:
            print(arr.logs())
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
