#!/usr/bin/env python3
"""The kiosk under the real cage compositor, as the UI service runs it (wlroots' headless backend instead of a
screen): the kiosk, a child of cage, sends READY=1 and WATCHDOG=1 while WATCHDOG_PID names cage; it draws
without OpenGL (no EGL, Mesa driver or libLLVM in its memory: SDL 2.26 loads them for a Wayland window unless
told otherwise), laid out for the output's size from its first frame; and when the kiosk is killed, cage
exits, which is what makes systemd restart the service.

usage: cage_session.py KIOSK_BINARY CONFIG_FILE CONTENT_DIR
(as root, cage runs as `nobody`, since it refuses root, on copies of the three in a directory nobody can read)
"""
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

WATCHDOG_USEC = 2_000_000
OUTPUT = (1280, 720)  # wlroots 0.15's headless output
# What SDL 2.26 maps for a Wayland window's EGL surface: glvnd's libEGL and libGL, Mesa's EGL, its DRI driver and
# libLLVM (libgbm is not among them: Debian's libSDL2 links it).
GL_LIBRARY = re.compile(r"/lib(EGL|GL|glapi|LLVM)[^/]*\.so|_dri\.so")


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except FileNotFoundError:
        return []


def main():
    kiosk, config, content = sys.argv[1], sys.argv[2], sys.argv[3]
    if not shutil.which("cage"):
        print("SKIP: cage is not installed (deploy/setup-debian.sh installs it)")
        return 77
    run_as = []
    if os.getuid() == 0:
        run_as = ["runuser", "-u", "nobody", "--"]
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        runtime = os.path.join(tmp, "runtime")
        os.mkdir(runtime, 0o700)
        if run_as:
            nobody = pwd.getpwnam("nobody")
            os.chown(runtime, nobody.pw_uid, nobody.pw_gid)
        # the checkout may be where `nobody` cannot read (e.g. under /root)
        kiosk = shutil.copy(kiosk, os.path.join(tmp, "kiosk"))
        config = shutil.copy(config, os.path.join(tmp, "kiosk.json"))
        content = shutil.copytree(content, os.path.join(tmp, "content"))
        notify_path = os.path.join(tmp, "notify.sock")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(notify_path)
        os.chmod(notify_path, 0o777)
        sock.settimeout(0.2)
        env = dict(os.environ, NOTIFY_SOCKET=notify_path, WATCHDOG_USEC=str(WATCHDOG_USEC),
                   XDG_RUNTIME_DIR=runtime, SDL_VIDEODRIVER="wayland", WLR_BACKENDS="headless",
                   WLR_RENDERER="pixman", WLR_LIBINPUT_NO_DEVICES="1")
        # As systemd does for the UI service: WATCHDOG_PID is the main process, cage (the shell execs it).
        cmd = run_as + ["sh", "-c", 'export WATCHDOG_PID=$$; exec cage -- "$@"', "cage",
                        kiosk, "--config", config, "--content", content, "--data-dir", os.path.join(runtime, "data")]
        cage = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            messages, start = [], time.monotonic()
            while time.monotonic() - start < 30 and messages.count("WATCHDOG=1") < 2:
                try:
                    messages.append(sock.recv(4096).decode())
                except socket.timeout:
                    if cage.poll() is not None:
                        print(cage.stdout.read().decode())
                        print(f"FAIL: cage exited with {cage.returncode} before the kiosk was up")
                        return 1
            if not messages or messages[0] != "READY=1" or messages.count("WATCHDOG=1") < 2:
                print(f"FAIL: expected READY=1 then keep-alives from the kiosk under cage, got {messages[:5]}")
                return 1
            print(f"kiosk under cage: READY=1 and keep-alives after {time.monotonic() - start:.1f} s")

            # cage's pid is the sh's (exec); with runuser in front, it is runuser's child.
            cage_pid = cage.pid if not run_as else children(cage.pid)[0]
            kiosk_pids = children(cage_pid)
            if not kiosk_pids:
                print("FAIL: cage has no child process")
                return 1
            with open(f"/proc/{kiosk_pids[0]}/maps") as f:
                gl = sorted({line.split()[-1] for line in f if GL_LIBRARY.search(line)})
            if gl:
                print(f"FAIL: the kiosk under cage has OpenGL libraries in its memory: {', '.join(gl)}")
                return 1
            print("kiosk under cage: no EGL, GL driver or libLLVM in its memory")
            os.kill(kiosk_pids[0], signal.SIGKILL)
            killed = time.monotonic()
            try:
                cage.wait(timeout=10)
            except subprocess.TimeoutExpired:
                print("FAIL: cage is still running 10 s after its kiosk was killed: systemd would not restart it")
                return 1
            print(f"kiosk killed: cage exited {time.monotonic() - killed:.2f} s later (status {cage.returncode}),"
                  " so the service's main process ends and Restart=always starts it again")
            # The kiosk logs (on stdout) the size it lays out for whenever it builds its fonts: the output's, from the
            # first frame on.
            sizes = re.findall(r"fonts built at \d+ px for (\d+x\d+)", cage.stdout.read().decode())
            if not sizes or set(sizes) != {"%dx%d" % OUTPUT}:
                print(f"FAIL: the kiosk laid out for {sizes}, not for cage's {OUTPUT[0]}x{OUTPUT[1]} output only")
                return 1
            print(f"kiosk under cage: laid out for the output's size from its first frame ({sizes[0]})")
            return 0
        finally:
            if cage.poll() is None:
                os.killpg(cage.pid, signal.SIGKILL)
                cage.wait()
            sock.close()


if __name__ == "__main__":
    sys.exit(main())
