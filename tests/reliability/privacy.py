#!/usr/bin/python3
"""Privacy: after scripted visits, delivery and the retention purge, nothing typed is left anywhere.

Usage: privacy.py KIOSK SOURCE_DIR
1. A whole visit (tests/scripts/full-visit.kiosk) and a walk-away visit wiped by the idle timer
   (idle-wipe.kiosk), headless, into one data dir.
2. `kiosk-sender --once` delivers the intake to a plain-HTTP receiver on 127.0.0.1; its delivered_at is then
   moved back 30 days (virtual time) and a second `kiosk-sender --once` runs the retention purge.
Then no typed string may appear in the stdout/stderr of any of those runs, nor in the raw bytes of the
outbox file, its WAL or shared-memory file; and those files must be mode 0660 (the UI's user and the
   group the sender joins; nobody else).
Exit 0 when all of that holds, 1 otherwise (every problem printed).
"""
import os
import sqlite3
import stat
import subprocess
import sys
import tempfile

# Everything the two scripts type (UTF-8), and the typed date of birth as it is stored.
TYPED = ["Maria", "García López", "+44 7700 900123", "7700 900123", "maria@example.com", "Zebedee", "Quuxworth",
         "1988-05-14"]


def run(cmd, env, logs, name):
    p = subprocess.run(cmd, env=env, capture_output=True)
    logs[name] = p.stdout + p.stderr
    return p.returncode, (p.stdout + p.stderr).decode(errors="replace")


def main():
    kiosk, src = sys.argv[1], sys.argv[2]
    sender = os.environ["KIOSK_SENDER"]
    problems, logs = [], {}
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    with tempfile.TemporaryDirectory(prefix="privacy-") as tmp:
        data = os.path.join(tmp, "data")
        for script in ("full-visit.kiosk", "idle-wipe.kiosk"):
            rc, out = run([kiosk, "--headless", "--script", os.path.join(src, "tests/scripts", script),
                           "--data-dir", data, "--size", "1280x800"], env, logs, script)
            if rc != 0:
                problems.append(f"{script} did not run: {out.strip()[-400:]}")
        receiver = subprocess.Popen([sys.executable, os.path.join(src, "tests/deploy/loopback_receiver.py"),
                                     os.path.join(tmp, "received")], stdout=subprocess.PIPE, text=True)
        try:
            port = int(receiver.stdout.readline())
            secret = os.path.join(tmp, "secret")
            with open(secret, "w") as f:
                f.write("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n")
            os.chmod(secret, 0o600)
            config = os.path.join(tmp, "kiosk.json")
            with open(config, "w") as f:
                f.write('{"kiosk_id": "front-desk-1", "data_dir": "%s", "delivery": {"url": '
                        '"http://127.0.0.1:%d/intakes", "webhook_secret_file": "%s"}}' % (data, port, secret))
            # the headless runs' virtual clock may be ahead of the real one: make the intake due now
            db = sqlite3.connect(os.path.join(data, "outbox.sqlite"))
            db.execute("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE state = 'pending'")
            db.commit()
            db.close()
            rc, out = run([sender, "--once", "--config", config], env, logs, "sender (deliver)")
            if rc != 0:
                problems.append(f"sender did not deliver: {out.strip()[-400:]}")
            outbox = os.path.join(data, "outbox.sqlite")
            db = sqlite3.connect(outbox)
            delivered = db.execute("SELECT count(*) FROM outbox WHERE state = 'delivered'").fetchone()[0]
            db.execute("UPDATE outbox SET delivered_at = '2026-01-01T00:00:00.000Z' WHERE state = 'delivered'")
            db.commit()
            db.close()
            if delivered != 1:
                problems.append(f"expected 1 delivered intake, found {delivered}")
            rc, out = run([sender, "--once", "--config", config], env, logs, "sender (purge)")
            if rc != 0 or "purged 1" not in out:
                problems.append(f"the purge did not run: {out.strip()[-400:]}")
        finally:
            receiver.kill()
            receiver.wait()
        files = sorted(f for f in os.listdir(data) if f.startswith("outbox.sqlite"))
        for name in files:
            path = os.path.join(data, name)
            mode = stat.S_IMODE(os.stat(path).st_mode)
            if mode != 0o660:
                problems.append(f"{name} has mode {mode:o}, not 660")
            raw = open(path, "rb").read()
            for s in TYPED:
                if s.encode() in raw:
                    problems.append(f"typed string {s!r} is still in the bytes of {name}")
        for name, out in logs.items():
            for s in TYPED:
                if s.encode() in out:
                    problems.append(f"typed string {s!r} appears in the output of {name}")
        print(f"checked {', '.join(files)} and the output of {len(logs)} runs")
    for p in problems:
        print(p)
    print("privacy: " + ("FAILED" if problems else "nothing typed is left"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
