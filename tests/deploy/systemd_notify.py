#!/usr/bin/env python3
"""sd_notify from the real kiosk binary: the UI loop (idle, as cage's child) and the sender process each send
READY=1 and then WATCHDOG=1 often enough for systemd's watchdog, and stay silent for another process's watchdog.

usage: systemd_notify.py KIOSK_BINARY CONFIG_FILE
"""
import os
import socket
import subprocess
import sys
import tempfile
import time

WATCHDOG_USEC = 800_000  # systemd would kill a process silent for 0.8 s
LISTEN_S = 3.0


def listen(kiosk, args, env_extra, tmp):
    """Runs kiosk ARGS for LISTEN_S with a notify socket; returns [(seconds since start, message)]."""
    path = os.path.join(tmp, "notify.sock")
    if os.path.exists(path):
        os.unlink(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.05)
    env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC=str(WATCHDOG_USEC), **env_extra)
    start = time.monotonic()
    proc = subprocess.Popen([kiosk] + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    messages = []
    try:
        while time.monotonic() - start < LISTEN_S:
            try:
                data = sock.recv(4096).decode()
                messages.append((time.monotonic() - start, data))
            except socket.timeout:
                pass
            if proc.poll() is not None:
                raise SystemExit(f"kiosk {' '.join(args)} exited early with {proc.returncode}: "
                                 f"{proc.stderr.read().decode()}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        sock.close()
    return messages


def check(name, messages, expect_watchdog):
    texts = [m for _, m in messages]
    if not texts or texts[0] != "READY=1":
        return f"{name}: expected READY=1 first, got {texts[:3]}"
    pings = [t for t, m in messages if m == "WATCHDOG=1"]
    if not expect_watchdog:
        return f"{name}: sent WATCHDOG=1 for another process's watchdog" if pings else None
    limit = WATCHDOG_USEC / 1e6
    if len(pings) < 3:
        return f"{name}: only {len(pings)} WATCHDOG=1 in {LISTEN_S} s"
    gaps = [b - a for a, b in zip(pings, pings[1:])]
    if max(gaps) >= limit:
        return f"{name}: {max(gaps):.2f} s between keep-alives, the watchdog fires at {limit} s"
    print(f"{name}: READY=1, then {len(pings)} keep-alives, longest gap {max(gaps) * 1000:.0f} ms "
          f"(watchdog {limit * 1000:.0f} ms)")
    return None


def main():
    kiosk, config = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = ["--config", config, "--data-dir", os.path.join(tmp, "data")]
        ui = ["--windowed", "--size", "640x480"] + paths
        ui_env = {"SDL_VIDEODRIVER": "dummy"}
        parent = {"WATCHDOG_PID": str(os.getpid())}  # as under cage: the main process is the parent
        runs = [
            ("idle UI under its parent's watchdog", ui, dict(ui_env, **parent), True),
            ("UI with another process's watchdog", ui, dict(ui_env, WATCHDOG_PID="1"), False),
            ("sender", ["sender"] + paths, {}, True),
        ]
        for name, args, env, expect in runs:
            problem = check(name, listen(kiosk, args, env, tmp), expect)
            if problem:
                failures.append(problem)
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
