#!/usr/bin/env python3
"""sd_notify from the real kiosk binary: the UI loop (idle, as cage's child) and the sender process each send
READY=1 and then WATCHDOG=1 often enough for systemd's watchdog, and stay silent for another process's watchdog;
SIGTERM (systemctl stop) makes each send STOPPING=1 and exit 0 within a second, never waiting for SIGKILL. The
UI runs in a development window (--windowed), so it also starts its kiosk-sender child, which must stay
silent on the UI's notification socket and end with it.

usage: systemd_notify.py KIOSK_BINARY KIOSK_SENDER_BINARY CONFIG_FILE
"""
import os
import socket
import subprocess
import sys
import tempfile
import time

WATCHDOG_USEC = 800_000  # systemd would kill a process silent for 0.8 s
LISTEN_S = 3.0


def children_of(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def listen(kiosk, args, env_extra, tmp):
    """Runs kiosk ARGS for LISTEN_S with a notify socket, then SIGTERM; returns [(seconds since start,
    message)], with ("exit", rc, seconds from SIGTERM to exit) last, or a problem string."""
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
        children = children_of(proc.pid)
        stop_at = time.monotonic()
        proc.terminate()
        try:
            rc = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return f"{os.path.basename(kiosk)} {' '.join(args)}: still running 5 s after SIGTERM"
        stopped_after = time.monotonic() - stop_at
        try:
            while True:
                messages.append((time.monotonic() - start, sock.recv(4096).decode()))
        except socket.timeout:
            pass
        for child in children:
            for _ in range(100):
                if not os.path.exists(f"/proc/{child}") or open(f"/proc/{child}/stat").read().split()[2] == "Z":
                    break
                time.sleep(0.05)
            else:
                return f"{os.path.basename(kiosk)}: its child {child} outlived it by 5 s"
        messages.append(("exit", rc, stopped_after))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        sock.close()
    return messages


def check(name, messages, expect_watchdog):
    if isinstance(messages, str):
        return messages
    _, rc, stopped_after = messages.pop()
    if rc != 0 or stopped_after > 1.0:
        return f"{name}: SIGTERM ended it with {rc} after {stopped_after:.2f} s (expected 0 within 1 s)"
    if not messages or messages[-1][1] != "STOPPING=1":
        return f"{name}: no STOPPING=1 after SIGTERM (last: {messages[-1:]})"
    messages.pop()
    if any(m == "READY=1" for _, m in messages[1:]):
        return f"{name}: READY=1 twice (a child on the service's socket?)"
    print(f"{name}: SIGTERM: STOPPING=1, exit 0 after {stopped_after * 1000:.0f} ms")
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
    kiosk, sender, config = sys.argv[1], sys.argv[2], sys.argv[3]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = ["--config", config, "--data-dir", os.path.join(tmp, "data")]
        ui = ["--windowed", "--size", "640x480"] + paths
        ui_env = {"SDL_VIDEODRIVER": "dummy"}
        parent = {"WATCHDOG_PID": str(os.getpid())}  # as under cage: the main process is the parent
        runs = [
            ("idle UI under its parent's watchdog", kiosk, ui, dict(ui_env, **parent), True),
            ("UI with another process's watchdog", kiosk, ui, dict(ui_env, WATCHDOG_PID="1"), False),
            ("sender", sender, paths, {}, True),
        ]
        for name, program, args, env, expect in runs:
            problem = check(name, listen(program, args, env, tmp), expect)
            if problem:
                failures.append(problem)
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
