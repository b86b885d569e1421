#!/usr/bin/env python3
"""Runs a command against a real PostgreSQL 15 started here, in a temporary directory, and stops it after.

    with_postgresql.py [--durable] -- COMMAND [ARGS...]

initdb and postgres from Debian's postgresql-15 (/usr/lib/postgresql/15/bin), a unix socket in the temporary
directory and no TCP port, so runs side by side never meet. PostgreSQL refuses to run as root: as root the
server runs as the user "postgres" (Debian's package makes it) or else "nobody". The command gets
KIOSK_TEST_POSTGRESQL, a libpq connection string to the server's "postgres" database as superuser "inbox".

The server is stopped and its directory deleted when the command ends, however it ends; it also dies with
this script (PR_SET_PDEATHSIG), should this script be killed. Without --durable the server skips fsync: the
tests check what the inbox commits and answers, not the disk under the server; --durable (the bench) keeps
PostgreSQL's defaults.

When PostgreSQL cannot be started: with CI=true that is a failure (exit 1); otherwise the test is skipped
(exit 77) with the reason.
"""

import ctypes
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# KIOSK_POSTGRESQL_BIN: another folder (the test of this script points it at one without PostgreSQL).
BIN = os.environ.get("KIOSK_POSTGRESQL_BIN", "/usr/lib/postgresql/15/bin")
SKIP = 77


def in_ci():
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def cannot_start(reason):
    if in_ci():
        print(f"with_postgresql: FAILED: cannot start PostgreSQL: {reason} (CI=true: a test that cannot "
              "start its database fails)", file=sys.stderr)
        sys.exit(1)
    print(f"with_postgresql: SKIPPED: cannot start PostgreSQL: {reason} (install postgresql-15: "
          "deploy/setup-debian.sh)", file=sys.stderr)
    sys.exit(SKIP)


def server_user():
    """The user the server runs as: this one, or when root, postgres or nobody."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    cannot_start("running as root and no user postgres or nobody to run the server as")


def as_user(user):
    """preexec_fn: become `user` (when root) and die with this script."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)

    def become():
        if user is not None:
            os.setgroups([])
            os.setgid(user.pw_gid)
            os.setuid(user.pw_uid)
        # PR_SET_PDEATHSIG, after setuid (which clears it): an immediate shutdown if this script dies
        libc.prctl(1, signal.SIGQUIT)
    return become


def main():
    args = sys.argv[1:]
    durable = False
    if args and args[0] == "--durable":
        durable = True
        args = args[1:]
    if not args or args[0] != "--" or len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command = args[1:]
    for tool in ("initdb", "postgres", "pg_isready"):
        if not os.access(os.path.join(BIN, tool), os.X_OK):
            cannot_start(f"{BIN}/{tool} is missing")
    user = server_user()
    work = tempfile.mkdtemp(prefix="inbox-postgresql-")
    server = None
    try:
        if user is not None:
            os.chown(work, user.pw_uid, user.pw_gid)
        os.chmod(work, 0o700)
        data = os.path.join(work, "data")
        made = subprocess.run([f"{BIN}/initdb", "-D", data, "--auth=trust", "--username=inbox",
                               "--encoding=UTF8", "--no-instructions"],
                              preexec_fn=as_user(user), cwd=work, capture_output=True, text=True)
        if made.returncode != 0:
            cannot_start(f"initdb failed: {made.stderr.strip()[-400:]}")
        settings = ["-c", "listen_addresses=", "-c", f"unix_socket_directories={work}", "-c", "port=5432",
                    "-c", "max_connections=200"]
        if not durable:
            settings += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        log = open(os.path.join(work, "server.log"), "w")
        server = subprocess.Popen([f"{BIN}/postgres", "-D", data] + settings, preexec_fn=as_user(user),
                                  cwd=work, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            ready = subprocess.run([f"{BIN}/pg_isready", "-q", "-h", work, "-p", "5432"])
            if ready.returncode == 0:
                break
            if server.poll() is not None or time.monotonic() > deadline:
                with open(os.path.join(work, "server.log")) as f:
                    cannot_start("the server did not come up: " + f.read()[-400:])
            time.sleep(0.1)
        env = dict(os.environ, KIOSK_TEST_POSTGRESQL=f"host={work} port=5432 user=inbox dbname=postgres")
        print(f"with_postgresql: PostgreSQL 15 on {work} ({'durable' if durable else 'fsync off'})",
              file=sys.stderr, flush=True)
        return subprocess.run(command, env=env).returncode
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGINT)  # fast shutdown: clients cut, no checkpoint wait
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # ctest's timeout: still stop the server
    sys.exit(main())
