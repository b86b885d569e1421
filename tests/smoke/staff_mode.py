#!/usr/bin/python3
"""Run headless staff-mode scripts on one data dir with the staff PIN 2468, and check what they left.

Usage:
  staff_mode.py --kiosk KIOSK --schema INTAKE_SCHEMA --script SCRIPT [--script SCRIPT2 ...]
                [--screenshots DIR] [--size WxH] [--expect-demo-leads N [--export-dir]]

Sets the PIN with `kiosk set-pin` (the PIN on stdin, never on the command line) in a fresh data dir, then
runs each script as its own process on that same data dir (so a second script sees what a first one left:
the wrong-PIN count survives a restart). With --expect-demo-leads N: the outbox holds exactly N rows, all
demo, each valid against the intake schema with "demo": true, no flags, no health answers, marketing consent
given; and `kiosk leads --csv` prints them as CSV with the same first names (UTF-8). With --export-dir the
kiosk runs with a config whose demo.export_dir is a temporary folder standing in for a USB drive, and the
CSV the script exported there must equal `kiosk leads --csv`.
Exits 0 when everything holds, 1 otherwise.
"""
import argparse
import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

import jsonschema

PIN = "2468"
HEALTH_ANSWERS = ("pregnant", "breastfeeding", "blood_thinners", "isotretinoin", "bleeding_disorder")


def run(cmd, stdin=None):
    """stdout as UTF-8 text, line ends kept as written (CSV uses CRLF)."""
    done = subprocess.run(cmd, input=stdin.encode() if stdin else None, capture_output=True, timeout=600)
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {done.returncode}\n{err.rstrip()}\n{out.rstrip()}")
    return out


def check_demo_leads(args, data_dir, common):
    problems = []
    db = sqlite3.connect(f"file:{os.path.join(data_dir, 'outbox.sqlite')}?mode=ro", uri=True)
    rows = db.execute("SELECT id, kind, state, payload FROM outbox ORDER BY created_at").fetchall()
    db.close()
    if len(rows) != args.expect_demo_leads:
        problems.append(f"{len(rows)} row(s) in the outbox, expected {args.expect_demo_leads} demo lead(s)")
    with open(args.schema, encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    names = []
    for row_id, kind, state, text in rows:
        payload = json.loads(text)
        for e in validator.iter_errors(payload):
            problems.append(f"{row_id}: schema: {list(e.absolute_path)}: {e.message[:200]}")
        if kind != "demo" or payload.get("demo") is not True:
            problems.append(f"{row_id}: kind {kind!r}, demo {payload.get('demo')!r}: expected a demo lead")
        if state != "pending":
            problems.append(f"{row_id}: state {state!r}: with no demo URL a lead stays on the kiosk")
        answers = payload.get("answers", {})
        if payload.get("flags"):
            problems.append(f"{row_id}: a demo lead raised flags")
        for health in HEALTH_ANSWERS:
            if health in answers:
                problems.append(f"{row_id}: a demo lead holds the health answer {health!r}")
        consents = {c.get("id"): c.get("accepted") for c in payload.get("consents", [])}
        if consents.get("info_request") is not True:
            problems.append(f"{row_id}: the request for information is not recorded")
        if consents.get("marketing_consent") is not False:  # the script leaves it unticked: still a lead
            problems.append(f"{row_id}: marketing consent {consents.get('marketing_consent')!r}, expected False")
        names.append(answers.get("first_name"))
    out = run([args.kiosk, "leads", "--csv"] + common)
    table = list(csv.DictReader(io.StringIO(out, newline="")))
    if [(r.get("info_request"), r.get("marketing_consent")) for r in table] != [("yes", "no")] * len(names):
        problems.append("kiosk leads --csv: info_request and marketing_consent are not yes and no for every lead")
    if [r.get("first_name") for r in table] != names:
        problems.append(f"kiosk leads --csv: first names {[r.get('first_name') for r in table]}, expected {names}")
    if not out.startswith("intake_id,submitted_at,language,") or "\r\n" not in out:
        problems.append("kiosk leads --csv: not the expected header or CRLF line ends")
    return problems


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kiosk", required=True)
    p.add_argument("--schema", required=True)
    p.add_argument("--script", action="append", required=True)
    p.add_argument("--screenshots")
    p.add_argument("--size")
    p.add_argument("--export-dir", action="store_true")
    p.add_argument("--expect-demo-leads", type=int)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kiosk-staff-") as data_dir:
        common = ["--data-dir", data_dir]
        usb = os.path.join(data_dir, "usb")
        if args.export_dir:
            os.mkdir(usb)
            config = os.path.join(data_dir, "kiosk.json")
            with open(config, "w") as f:
                json.dump({"kiosk_id": "fair-stand", "demo": {"export_dir": usb}}, f)
            common += ["--config", config]
        try:
            run([args.kiosk, "set-pin"] + common, stdin=PIN + "\n")
            for script in args.script:
                cmd = [args.kiosk, "--headless", "--script", script] + common
                if args.screenshots:
                    cmd += ["--screenshots", args.screenshots]
                if args.size:
                    cmd += ["--size", args.size]
                print(run(cmd).strip())
            problems = check_demo_leads(args, data_dir, common) if args.expect_demo_leads is not None else []
            if args.export_dir:
                files = os.listdir(usb)
                if len(files) != 1 or not files[0].startswith("leads-") or not files[0].endswith(".csv"):
                    problems.append(f"the USB folder holds {files}, expected one leads-*.csv")
                else:
                    with open(os.path.join(usb, files[0]), "rb") as f:
                        if f.read().decode("utf-8") != run([args.kiosk, "leads", "--csv"] + common):
                            problems.append("the exported CSV differs from kiosk leads --csv")
        except (RuntimeError, OSError, subprocess.TimeoutExpired, sqlite3.Error, ValueError) as e:
            problems = [str(e)]
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
