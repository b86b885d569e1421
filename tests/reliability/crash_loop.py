#!/usr/bin/python3
"""Crash loop: content that fails validation at start shows a staff-readable error screen, not a crash and
not a restart loop.

Usage: crash_loop.py KIOSK BROKEN_CONTENT_DIR SCREENSHOTS_DIR
Headless: the kiosk exits 1 (not a signal), prints every problem naming the file, and leaves
problems.png (a real frame, not blank). In a window (SDL dummy driver): the kiosk stays up showing the
problems, so systemd sees a running service instead of restarting it in a loop; SIGTERM then ends it.
"""
import os
import signal
import struct
import subprocess
import sys
import time
import zlib


def png_size_and_colours(path):
    """Width, height and how many distinct rows the image has (a blank frame has one)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = len(raw) // height
    return width, height, len({raw[i * stride + 1:(i + 1) * stride] for i in range(height)})


def main():
    kiosk, broken, shots = sys.argv[1:4]
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    problems = []
    script = os.path.join(shots, "nothing.kiosk")
    os.makedirs(shots, exist_ok=True)
    with open(script, "w") as f:
        f.write("expect screen attract\n")
    listed = []
    for width, height in ((1920, 1080), (1080, 1920)):
        size = f"{width}x{height}"
        out = os.path.join(shots, size)
        p = subprocess.run([kiosk, "--headless", "--script", script, "--content", broken, "--screenshots", out,
                            "--size", size], env=env, capture_output=True, text=True)
        if p.returncode != 1:
            problems.append(f"headless {size}: exit {p.returncode}, expected 1 (a negative exit is a crash by a "
                            "signal)")
        listed = [line for line in p.stderr.splitlines() if broken in line]
        if len(listed) < 2:
            problems.append(f"headless {size}: expected every problem on stderr naming its file, got: "
                            f"{p.stderr[:400]}")
        png = os.path.join(out, "problems.png")
        if not os.path.exists(png):
            problems.append(f"headless {size}: no problems.png was written")
        else:
            w, h, rows = png_size_and_colours(png)
            if (w, h) != (width, height) or rows < 20:
                problems.append(f"{size}/problems.png is {w}x{h} with {rows} distinct rows: not a screen with text")
    w = subprocess.Popen([kiosk, "--windowed", "--content", broken], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)
    if w.poll() is not None:
        problems.append(f"windowed: the kiosk exited ({w.returncode}) instead of showing the problems")
    else:
        w.send_signal(signal.SIGTERM)
        try:
            w.wait(timeout=10)
        except subprocess.TimeoutExpired:
            w.kill()
            problems.append("windowed: SIGTERM did not end the error screen")
    for line in problems:
        print(line)
    print("crash loop: " + ("FAILED" if problems else f"{len(listed)} problems shown on a staff screen"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
