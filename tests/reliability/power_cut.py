#!/usr/bin/python3
"""Power cut: the kiosk is SIGKILLed right after "Thank you" appears, N times; every intake must be in the
outbox afterwards.

Usage: power_cut.py KIOSK SCRIPT N [--size WxH]
Each run does a whole visit headless (virtual clock) into one shared data dir. The script takes a screenshot
as soon as "Thank you" shows; the test polls for that file and kills the process at once (the script goes
on into a second visit, so the kill lands while the kiosk runs). After each kill the outbox must hold one
more intake, its payload whole JSON whose intake_id is the row id. Exit 0 when all N held.
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def intakes(outbox):
    db = sqlite3.connect(f"file:{outbox}?mode=ro", uri=True)
    try:
        return db.execute("SELECT id, payload FROM outbox ORDER BY created_at").fetchall()
    finally:
        db.close()


def main():
    kiosk, script, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    size = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--size" else "1280x800"
    problems = []
    with tempfile.TemporaryDirectory(prefix="power-cut-") as tmp:
        data = os.path.join(tmp, "data")
        env = dict(os.environ, SDL_VIDEODRIVER="dummy")
        started = time.monotonic()
        for i in range(runs):
            shots = os.path.join(tmp, f"shots-{i}")
            marker = os.path.join(shots, "thank_you.png")
            proc = subprocess.Popen([kiosk, "--headless", "--script", script, "--data-dir", data,
                                     "--screenshots", shots, "--size", size],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
            while not os.path.exists(marker) and proc.poll() is None:
                time.sleep(0.001)
            proc.send_signal(signal.SIGKILL)
            err = proc.communicate()[1].decode(errors="replace")
            if proc.returncode != -signal.SIGKILL:
                problems.append(f"run {i + 1}: the kiosk ended by itself (exit {proc.returncode}) before the kill: "
                                f"{err.strip()[-300:]}")
                break
            rows = intakes(os.path.join(data, "outbox.sqlite"))
            if len(rows) != i + 1:
                problems.append(f"run {i + 1}: killed after \"Thank you\", but the outbox holds {len(rows)} "
                                f"intake(s), not {i + 1}")
                break
            row_id, payload = rows[-1]
            try:
                if json.loads(payload).get("intake_id") != row_id:
                    problems.append(f"run {i + 1}: payload of {row_id} names another intake id")
            except (TypeError, ValueError) as e:
                problems.append(f"run {i + 1}: payload of {row_id} is not whole JSON: {e}")
        took = time.monotonic() - started
    for p in problems:
        print(p)
    print(f"power cut: {runs} run(s) in {took:.1f} s, {'FAILED' if problems else 'every intake in the outbox'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
