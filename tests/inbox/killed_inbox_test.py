#!/usr/bin/python3
"""201 means stored: intake-inbox killed with SIGKILL while deliveries pour in, again and again.

Each round starts intake-inbox (serving HTTPS itself: tests/inbox/arrangement.py, mode direct; nginx only
passes the inbox's answer on), has 8 threads post signed intakes as fast as it answers, kills the inbox with
SIGKILL at a random moment, then reads its database with SQLite: every intake answered 201 must be there
(the answer came after its COMMIT), and the database must pass `PRAGMA integrity_check`. A kill cannot show a missing fsync (the kernel keeps what was written); it
shows an answer given before the commit.

Under with_postgresql.py (KIOSK_TEST_POSTGRESQL set: inbox_killed_mid_delivery_postgresql) the inbox stores
into a new database on that PostgreSQL, and the intakes are read back with psql; PostgreSQL checks its own
pages, so there is no integrity_check to run there.

Usage: killed_inbox_test.py --inbox BIN --source DIR [--rounds 6]
"""
import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

from arrangement import Arrangement, psql, test_database

SENDERS = 8


def post_until(arr, stop, answered_201, lock):
    while not stop.is_set():
        intake = arr.intake()
        body = json.dumps(intake).encode()
        try:
            status = arr.request("POST", "/intakes", body, arr.signed_headers(intake["intake_id"], body),
                                 timeout=10)[0]
        except OSError:
            continue  # the inbox is gone (killed) or restarting: no answer, nothing promised
        if status == 201:
            with lock:
                answered_201.append(intake["intake_id"])


def stored_ids(database, postgresql):
    """The ids in the inbox's database and what its integrity check says."""
    if postgresql:
        return set(psql(postgresql, "SELECT id FROM intakes")), "n/a (PostgreSQL)"
    db = sqlite3.connect(database)
    stored = {row[0] for row in db.execute("SELECT id FROM intakes")}
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    return stored, integrity


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inbox", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    rng = random.Random()
    problems, total = [], 0
    with tempfile.TemporaryDirectory(prefix="inbox-kill-") as work:
        postgresql = test_database("inbox_kill")
        arr = Arrangement(args.inbox, args.source, work, "direct", postgresql=postgresql)
        arr.start()
        database = os.path.join(work, "data", "inbox.sqlite")
        for round_no in range(1, args.rounds + 1):
            if round_no > 1:  # the same database, a new process
                arr.inbox = subprocess.Popen([arr.inbox_bin, "--config", arr.config], stdout=subprocess.DEVNULL,
                                             stderr=open(arr.inbox_log, "a"))
                arr.wait_healthy()
            answered, lock, stop = [], threading.Lock(), threading.Event()
            threads = [threading.Thread(target=post_until, args=(arr, stop, answered, lock))
                       for _ in range(SENDERS)]
            for t in threads:
                t.start()
            while True:  # kill while deliveries are being stored, after at least a few
                time.sleep(rng.uniform(0.3, 1.2))
                with lock:
                    if len(answered) >= 5:
                        break
            arr.inbox.send_signal(signal.SIGKILL)
            arr.inbox.wait()
            stop.set()
            for t in threads:
                t.join()
            with lock:
                promised = list(answered)
            stored, integrity = stored_ids(database, postgresql)
            missing = [i for i in promised if i not in stored]
            total += len(promised)
            print(f"round {round_no}: killed after {len(promised)} answered 201; {len(stored)} stored in all; "
                  f"{len(missing)} answered 201 but not stored; integrity {integrity}")
            if missing:
                problems.append(f"round {round_no}: {len(missing)} intakes answered 201 are not in the database "
                                f"(e.g. {missing[0]})")
            if integrity not in ("ok", "n/a (PostgreSQL)"):
                problems.append(f"round {round_no}: integrity_check says {integrity}")
        arr.inbox = None
        arr.stop()
    if problems:
        print("FAIL:\n  " + "\n  ".join(problems))
        return 1
    print(f"every one of {total} intakes answered 201 was in the database after each of {args.rounds} kills")
    return 0


if __name__ == "__main__":
    sys.exit(main())
