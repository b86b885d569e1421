#!/usr/bin/python3
"""The processes and screens of tests/bench/run: Xvfb and cage (started once, apps launched into them),
an app started in its own process group, a beacon the Chromium page calls after its first frame, and the
/proc readings (process trees, PSS/RSS, CPU ticks) its figures are made of."""
import ctypes
import http.server
import os
import pwd
import re
import shutil
import signal
import struct
import subprocess
import tempfile
import threading
import time

HZ = os.sysconf("SC_CLK_TCK")
SIZE = (1920, 1080)
# cage as production runs it (deploy/systemd/glowup-kiosk.service), on wlroots' headless backend with its
# software renderer (this machine has no GPU). wlroots 0.15's headless output is always 1280x720.
CAGE_ENV = {"WLR_BACKENDS": "headless", "WLR_LIBINPUT_NO_DEVICES": "1", "WLR_RENDERER": "pixman"}
CAGE_SIZE = (1280, 720)


def now_ms():
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC) / 1e6


def proc_kb(pid, field):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except OSError:
        return 0


def tree(root):
    """root and every descendant process."""
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(name))
            except OSError:
                pass
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def memory_mb(root):
    pids = tree(root)
    return (sum(proc_kb(p, "Rss") for p in pids) / 1024, sum(proc_kb(p, "Pss") for p in pids) / 1024, len(pids))


def idle_cpu(root, xserver, seconds):
    """% of one core used by root's process tree, and by the X server, over `seconds`."""
    before = {p: ticks(p) for p in tree(root)}
    x_before = ticks(xserver)
    time.sleep(seconds)
    used = sum(ticks(p) - before.get(p, 0) for p in tree(root))
    return 100 * used / HZ / seconds, 100 * (ticks(xserver) - x_before) / HZ / seconds


class Xvfb:
    def __enter__(self):
        r, w = os.pipe()
        self.fbdir = tempfile.mkdtemp(prefix="kiosk-bench-fb-")
        self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24",
                                      "-nolisten", "tcp", "-fbdir", self.fbdir], pass_fds=(w,),
                                     stderr=subprocess.DEVNULL)
        os.close(w)
        with os.fdopen(r) as f:
            self.display = ":" + f.readline().strip()
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.fbdir, ignore_errors=True)

    def pixel(self, x, y):
        """0xRRGGBB on the screen now, from the frame buffer Xvfb keeps as an XWD file in fbdir."""
        with open(os.path.join(self.fbdir, "Xvfb_screen0"), "rb") as f:
            head = struct.unpack(">25I", f.read(100))
            f.seek(head[0] + head[19] * 12 + y * head[12] + x * head[11] // 8)
            return int.from_bytes(f.read(4), "little" if head[7] == 0 else "big") & 0xFFFFFF

    def env(self):
        return dict(os.environ, DISPLAY=self.display)

    name, size, chromium_flags = "Xvfb", SIZE, []

    @property
    def server_pid(self):
        return self.proc.pid

    def touch(self, x, y, to_y=None):
        """A tap at x,y, or a slow drag from x,y to x,to_y, through XTest (what a mouse or a finger sends)."""
        x11, xtst = ctypes.CDLL("libX11.so.6"), ctypes.CDLL("libXtst.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        d = ctypes.c_void_p(x11.XOpenDisplay(self.display.encode()))

        def send(event, *args):
            event(d, *args)
            x11.XFlush(d)
            time.sleep(0.05)

        send(xtst.XTestFakeMotionEvent, -1, x, y, 0)
        send(xtst.XTestFakeButtonEvent, 1, 1, 0)
        for i in range(1, 21 if to_y is not None else 0):
            send(xtst.XTestFakeMotionEvent, -1, x, y + (to_y - y) * i // 20, 0)
        send(xtst.XTestFakeButtonEvent, 1, 0, 0)
        time.sleep(1.5)  # the glide after a drag, the transition after a tap
        x11.XCloseDisplay(d)


class Cage:
    """cage on wlroots' headless backend, started once; its only child waits, and every app is started into it
    with that child's environment, as cage's own child would be, so an app's first frame counts its own start
    and not cage's. cage refuses to run as root: as root it runs as `nobody`."""

    name, size = "cage", CAGE_SIZE
    chromium_flags = ["--ozone-platform=wayland"]

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="kiosk-bench-cage-")  # XDG_RUNTIME_DIR: the Wayland socket
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.update(CAGE_ENV, XDG_RUNTIME_DIR=self.dir, HOME=self.dir)
        cmd = ["cage", "--", "sleep", "infinity"]
        if os.geteuid() == 0:
            user = pwd.getpwnam("nobody")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            cmd = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", *cmd]
        self.log = open(os.path.join(tempfile.gettempdir(), f"kiosk-bench-cage-{os.getpid()}.log"), "w+")
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.child_env = None
        end = time.monotonic() + 30
        while self.child_env is None and time.monotonic() < end and self.proc.poll() is None:
            for pid in tree(self.proc.pid)[1:]:
                try:
                    with open(f"/proc/{pid}/environ", "rb") as f:
                        pairs = dict(v.split(b"=", 1) for v in f.read().split(b"\0") if b"=" in v)
                    if b"WAYLAND_DISPLAY" in pairs:
                        self.child_env = {k.decode(): pairs[k].decode() for k in (b"WAYLAND_DISPLAY", b"DISPLAY")
                                          if k in pairs}
                except OSError:
                    pass
            time.sleep(0.05)
        if self.child_env is None:
            self.log.seek(0)
            self.__exit__()
            raise RuntimeError(f"cage did not start its child: {self.log.read()[-2000:]}")
        return self

    def __exit__(self, *exc):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.log.close()
        os.unlink(self.log.name)
        shutil.rmtree(self.dir, ignore_errors=True)

    @property
    def server_pid(self):
        return self.proc.pid

    def env(self):
        """What the kiosk unit gives the kiosk (SDL_VIDEODRIVER=wayland) plus what cage gives its child."""
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.update(self.child_env, XDG_RUNTIME_DIR=self.dir, XDG_SESSION_TYPE="wayland", SDL_VIDEODRIVER="wayland")
        return env


class Process:
    """A process we start in its own process group (so its children end with it) and stop by that id."""

    def __init__(self, cmd, env, log):
        self.log = open(log, "a+")  # append: the child writes at the end whatever offset we read from
        self.started_ms = now_ms()
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_for(self, pattern, timeout=60):
        """The first match of pattern in the output, or None."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and self.proc.poll() is None:
            self.log.seek(0)
            m = re.search(pattern, self.log.read())
            if m:
                return m
            time.sleep(0.02)
        return None

    def stop(self, sig=signal.SIGTERM):
        try:
            os.killpg(self.proc.pid, sig)
            self.proc.wait(10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.log.close()


class Beacon:
    """A listener on 127.0.0.1 that records when the page's first-frame request arrives."""

    def __init__(self):
        beacon = self
        self.at_ms = None

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if beacon.at_ms is None:
                    beacon.at_ms = now_ms()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/painted"
