#!/usr/bin/python3
"""A clinic group's inbox: two intake-inbox instances on one PostgreSQL behind nginx, one killed mid-stream.

Run under with_postgresql.py (KIOSK_TEST_POSTGRESQL). tests/inbox/arrangement.py starts nginx with the
package's site config, its upstream block listing two instances (README "A clinic group"), and both
instances at the same moment on a new database. Then:
- a staff member signs in on the first instance directly (its own socket, not through nginx);
- 4 senders post 2,000 signed intakes through nginx, each retried until it is answered 201 or 200, as the
  kiosk's sender retries; the first instance is killed with SIGKILL after a quarter of them;
- every intake is in the database exactly once, no sender saw an error answer (nginx passed each request the
  dead instance could not answer to the survivor), and both instances stored some;
- the session made on the killed instance goes on working through the survivor: the intake list and an
  intake's page, then a new sign-in.

Usage: two_inboxes_test.py --inbox BIN --source DIR
"""
import argparse
import json
import os
import re
import signal
import sys
import tempfile
import threading
import time

from arrangement import Arrangement, psql, test_database

SENDERS, PER_SENDER = 4, 500


def send(arr, n, sent, errors, lock, progress):
    for _ in range(n):
        intake = arr.intake()
        body = json.dumps(intake).encode()
        for attempt in range(100):
            try:
                status = arr.request("POST", "/intakes", body, arr.signed_headers(intake["intake_id"], body),
                                     timeout=10)[0]
            except OSError as e:
                status = f"no answer ({e})"
            if status in (200, 201):
                break
            with lock:
                errors.append(status)
            time.sleep(0.1)
        with lock:
            sent.append(intake["intake_id"])
            if len(sent) >= SENDERS * PER_SENDER // 4:
                progress.set()


def nginx_errors(log):
    kinds = {}
    for line in open(log, errors="replace"):
        m = re.search(r"\[error\] [0-9#]+: \*[0-9]+ (.*?), client:.*?(upstream: \"[^\"]*\")?", line)
        if m:
            key = re.sub(r"/tmp/[^ ]*/run/", "", f"{m.group(1)} {m.group(2) or ''}")
            kinds[key] = kinds.get(key, 0) + 1
    return "\n".join(f"  {n} x {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))


def stored_by(log):
    return sum(1 for line in open(log, errors="replace") if re.search(r"POST /intakes 201", line))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inbox", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    database = test_database("inbox_two")
    if not database:
        print("run me under with_postgresql.py")
        return 2
    problems = []
    with tempfile.TemporaryDirectory(prefix="inbox-two-") as work:
        arr = Arrangement(args.inbox, args.source, work, "nginx", postgresql=database, instances=2)
        try:
            arr.start()
            session = arr.sign_in(instance=0)
            sent, errors, lock, quarter = [], [], threading.Lock(), threading.Event()
            threads = [threading.Thread(target=send, args=(arr, PER_SENDER, sent, errors, lock, quarter))
                       for _ in range(SENDERS)]
            began = time.monotonic()
            for t in threads:
                t.start()
            quarter.wait(300)
            arr.inbox.send_signal(signal.SIGKILL)
            arr.inbox.wait()
            with lock:
                at_kill = len(sent)
            for t in threads:
                t.join()
            seconds = time.monotonic() - began
            rows = psql(database, "SELECT id FROM intakes")
            first, survivor = stored_by(arr.log(0)), stored_by(arr.log(1))
            print(f"{len(sent)} intakes sent by {SENDERS} senders in {seconds:.1f} s; the first instance killed "
                  f"(SIGKILL) after {at_kill}; stored (201) by the first {first}, by the survivor {survivor}; "
                  f"{len(rows)} rows, {len(set(rows))} distinct; answers other than 200/201: {len(errors)}")
            if sorted(rows) != sorted(sent):
                missing, extra = set(sent) - set(rows), set(rows) - set(sent)
                problems.append(f"the database is not the 2,000 intakes once each: {len(rows)} rows, "
                                f"{len(missing)} missing, {len(extra)} unknown, {len(rows) - len(set(rows))} twice")
            if errors:
                problems.append(f"senders saw {len(errors)} error answers (first: {errors[0]}): nginx did not pass "
                                "the dead instance's requests to the survivor")
            if not first or not survivor:
                problems.append("one instance stored nothing: the two did not share the deliveries")

            cookie = {"Cookie": f"__Host-inbox_session={session}"}
            status, page = arr.request("GET", "/", headers=cookie)
            shown = page.decode(errors="replace").count("/intakes/")
            print(f"staff list through the survivor with the killed instance's session: {status}, {shown} links")
            if status != 200 or shown == 0:
                problems.append(f"the session made on the killed instance did not work on the survivor ({status})")
            else:
                status, _ = arr.request("GET", f"/intakes/{sent[0]}", headers=cookie)
                if status != 200:
                    problems.append(f"an intake's page through the survivor: {status}")
            survivor_session = arr.sign_in(instance=1)
            status, _ = arr.request("GET", "/", headers={"Cookie": f"__Host-inbox_session={survivor_session}"})
            if status != 200:
                problems.append(f"a new sign-in on the survivor, then the list: {status}")
        finally:
            arr.stop()
            if problems:
                print(arr.logs())
                print("nginx's errors, by kind and upstream:\n" + nginx_errors(os.path.join(work, "nginx.log")))
    if problems:
        print("FAIL:\n  " + "\n  ".join(problems))
        return 1
    print("PASS: every intake stored once, no sender saw an error, staff kept working through the survivor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
