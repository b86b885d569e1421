#!/usr/bin/python3
"""Disk full at Submit: the headless script tests/scripts/disk-full.kiosk makes the outbox unable to grow
(SQLite max_page_count, `disk full`) before Send, and checks the screens (review with "please tell the front
desk", answers kept, no "Thank you"; staff mode names the full disk). This checks what the script cannot: the
outbox holds no row (nothing claims to be submitted) and the log says why without personal data.

Usage: disk_full.py KIOSK SCRIPT SIZE SCREENSHOTS_DIR. Exit 0 when everything holds.
"""
import os
import sqlite3
import subprocess
import sys
import tempfile

PIN = "2468"


def main():
    kiosk, script, size, shots = sys.argv[1:5]
    problems = []
    with tempfile.TemporaryDirectory(prefix="disk-full-") as data:
        env = dict(os.environ, SDL_VIDEODRIVER="dummy")
        common = ["--data-dir", data]
        subprocess.run([kiosk, "set-pin"] + common, input=PIN + "\n", text=True, check=True, timeout=60,
                       capture_output=True)
        run = subprocess.run([kiosk, "--headless", "--script", script, "--size", size, "--screenshots", shots]
                             + common, capture_output=True, text=True, timeout=300, env=env)
        log = run.stdout + run.stderr
        if run.returncode != 0:
            problems.append(f"the script failed (exit {run.returncode}):\n{log.strip()[-2000:]}")
        db = sqlite3.connect(f"file:{os.path.join(data, 'outbox.sqlite')}?mode=ro", uri=True)
        rows = db.execute("SELECT id, state FROM outbox").fetchall()
        db.close()
        if rows:
            problems.append(f"the outbox holds {len(rows)} row(s) after a failed save: {rows}")
        if "could not be saved" not in log or "disk is full" not in log:
            problems.append("the log does not say the intake could not be saved because the disk is full")
        for typed in ("Maria", "García", "maria@example.com", "7700 900123"):
            if typed in log:
                problems.append(f"the log holds a typed answer ({typed!r})")
    for p in problems:
        print(p)
    print("disk full:", "FAILED" if problems else "not submitted, answers kept, the client and staff told why")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
