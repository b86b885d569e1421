#!/usr/bin/python3
"""Run one headless kiosk script end to end and check what it put in the outbox.

Usage:
  run_script.py --kiosk KIOSK --script SCRIPT --schema INTAKE_SCHEMA [--screenshots DIR]
                [--expect-intakes N] [--expect-flag TIER:FLAG_ID ...]
                [--expect-no-flag-tier TIER ...] [--expect-language CODE] [--expect-signatures N] [--expect-keyed N]
                [--size WxH] [--content DIR] [--expect-answer ID=JSON ...] [--show-kiosk-output]
  run_script.py --schema INTAKE_SCHEMA --outbox OUTBOX.sqlite [expectations...]

Runs `KIOSK --headless --script SCRIPT --data-dir TMP [--screenshots DIR] [--size WxH]` in a fresh
temporary data dir, then for every row of TMP/outbox.sqlite: validates the payload against the
intake schema (JSON Schema 2020-12), checks intake_id equals the row id, decodes every signature
and checks it is a PNG with a non-empty IHDR, and checks the expected flags are raised and no
flag has a forbidden tier. With --outbox instead of --kiosk/--script, checks an existing outbox
file without running the kiosk (used to check the checker with a doctored payload).
Exits 0 when everything holds, 1 otherwise (every problem is printed), 2 on bad usage.
Needs python3-jsonschema (Draft 2020-12).
"""
import argparse
import base64
import binascii
import json
import os
import sqlite3
import struct
import subprocess
import sys
import tempfile

import jsonschema

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
TIERS = ("stop", "defer", "review")


def pointer(path):
    """A JSON pointer for a jsonschema error path."""
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)


def shorten(text, limit=200):
    return text if len(text) <= limit else text[: limit - 3] + "..."


def tier_flag(text):
    tier, sep, flag_id = text.partition(":")
    if not sep or tier not in TIERS or not flag_id:
        raise argparse.ArgumentTypeError(f"expected TIER:FLAG_ID with TIER one of {', '.join(TIERS)}, got {text!r}")
    return tier, flag_id


def tier_name(text):
    if text not in TIERS:
        raise argparse.ArgumentTypeError(f"expected one of {', '.join(TIERS)}, got {text!r}")
    return text


def size(text):
    w, sep, h = text.partition("x")
    if not sep or not w.isdigit() or not h.isdigit() or int(w) == 0 or int(h) == 0:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, e.g. 1920x1080, got {text!r}")
    return text


def id_json(text):
    qid, sep, value = text.partition("=")
    try:
        if sep and qid:
            return qid, json.loads(value)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"expected QUESTION_ID=JSON, e.g. months=9, got {text!r}")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kiosk", help="the kiosk binary")
    p.add_argument("--script", help="the .kiosk script to run headless")
    p.add_argument("--schema", required=True, help="content/schema/intake.schema.json")
    p.add_argument("--screenshots", help="folder for the script's screenshots")
    p.add_argument("--size", type=size, help="window size, e.g. 1080x1920")
    p.add_argument("--expect-intakes", type=int, default=1, metavar="N", help="rows expected in the outbox (default 1)")
    p.add_argument("--expect-flag", type=tier_flag, action="append", default=[], metavar="TIER:FLAG_ID",
                   help="a flag every intake must carry, with this tier")
    p.add_argument("--expect-no-flag-tier", type=tier_name, action="append", default=[], metavar="TIER",
                   help="no intake may carry a flag of this tier")
    p.add_argument("--expect-language", metavar="CODE", help="every intake records this language")
    p.add_argument("--expect-signatures", type=int, metavar="N", help="every intake carries N signature PNGs")
    p.add_argument("--expect-keyed", type=int, metavar="N",
                   help="every intake carries N signatures confirmed with the keypad (method keyed_confirmation)")
    p.add_argument("--content", help="content folder for the kiosk (default: the kiosk's)")
    p.add_argument("--expect-answer", type=id_json, action="append", default=[], metavar="ID=JSON",
                   help="every intake's answers/ID equals this JSON value, type included (months=9, not \"9\")")
    p.add_argument("--outbox", help="check this existing outbox.sqlite instead of running the kiosk")
    p.add_argument("--show-kiosk-output", action="store_true",
                   help="print the kiosk's own summary (first frame, memory) when it succeeds (tests/bench/run)")
    args = p.parse_args(argv)
    if args.outbox is None and (not args.kiosk or not args.script):
        p.error("--kiosk and --script are required (or --outbox to check an existing outbox)")
    if args.outbox is not None and (args.kiosk or args.script):
        p.error("--outbox checks an existing outbox; do not combine it with --kiosk/--script")
    return args


def run_kiosk(args, data_dir):
    """Runs the script; returns a list of problems (empty when the kiosk exited 0)."""
    cmd = [args.kiosk, "--headless", "--script", args.script, "--data-dir", data_dir]
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
        cmd += ["--screenshots", args.screenshots]
    if args.size:
        cmd += ["--size", args.size]
    if args.content:
        cmd += ["--content", args.content]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return [f"cannot run {' '.join(cmd)}: {e}"]
    if done.returncode != 0:
        return [f"kiosk exited with {done.returncode}: {' '.join(cmd)}\n"
                f"--- kiosk stderr ---\n{done.stderr.rstrip()}\n--- kiosk stdout ---\n{done.stdout.rstrip()}"]
    if args.show_kiosk_output:
        print(done.stdout.rstrip())
    return []


def read_outbox(path):
    """[(row id, kind, state, payload text)] or raises sqlite3.Error."""
    if not os.path.isfile(path):
        raise sqlite3.OperationalError(f"{path} does not exist (nothing was submitted?)")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("SELECT id, kind, state, payload FROM outbox ORDER BY created_at, id").fetchall()
    finally:
        db.close()


def check_png(name, text):
    """Problems with one signature's png_base64 (empty list when it is a PNG with a real size)."""
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError, TypeError) as e:
        return [f"{name}: not valid base64: {e}"]
    if not data.startswith(PNG_MAGIC):
        return [f"{name}: decoded bytes do not start with the PNG signature (got {data[:8]!r})"]
    # The first chunk must be IHDR: length (4 bytes, 13), type "IHDR", then width and height (big endian).
    if len(data) < 33 or data[12:16] != b"IHDR":
        return [f"{name}: PNG does not start with an IHDR chunk"]
    width, height = struct.unpack(">II", data[16:24])
    if width == 0 or height == 0:
        return [f"{name}: PNG is {width}x{height}"]
    return []


def check_payload(validator, row_id, text, args):
    """Problems with one outbox row; the second value is the parsed payload (or None)."""
    where = f"intake {row_id}"
    if text is None:
        return [f"{where}: payload is NULL"], None
    try:
        payload = json.loads(text)
    except ValueError as e:
        return [f"{where}: payload is not JSON: {e}"], None
    problems = []
    for e in sorted(validator.iter_errors(payload), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(f"{where}: schema: {pointer(e.absolute_path)}: {shorten(e.message)}")
    if not isinstance(payload, dict):
        return problems, None
    if payload.get("intake_id") != row_id:
        problems.append(f"{where}: /intake_id is {payload.get('intake_id')!r}, but the outbox row id is {row_id!r}")
    signatures = payload.get("signatures")
    keyed = 0
    for qid, sig in (signatures.items() if isinstance(signatures, dict) else []):
        if isinstance(sig, dict) and sig.get("method") == "keyed_confirmation":
            keyed += 1  # confirmed with the keypad: a statement, no image
            if not isinstance(sig.get("statement"), str) or not sig["statement"]:
                problems.append(f"{where}: /signatures/{qid}/statement: not a non-empty string")
        elif isinstance(sig, dict) and isinstance(sig.get("png_base64"), str):
            problems += [f"{where}: /signatures/{qid}/png_base64: {p}" for p in check_png(qid, sig["png_base64"])]
        else:
            problems.append(f"{where}: /signatures/{qid}: no png_base64 string")
    if args.expect_language and payload.get("language") != args.expect_language:
        problems.append(f"{where}: /language is {payload.get('language')!r}, expected {args.expect_language!r}")
    count = (len(signatures) if isinstance(signatures, dict) else 0) - keyed
    if args.expect_signatures is not None and count != args.expect_signatures:
        problems.append(f"{where}: /signatures has {count} PNG(s), expected {args.expect_signatures}")
    if args.expect_keyed is not None and keyed != args.expect_keyed:
        problems.append(f"{where}: /signatures has {keyed} keyed confirmation(s), expected {args.expect_keyed}")
    answers = payload.get("answers") if isinstance(payload.get("answers"), dict) else {}
    for qid, value in args.expect_answer:
        if qid not in answers or answers[qid] != value or type(answers[qid]) is not type(value):
            problems.append(f"{where}: /answers/{qid} is {json.dumps(answers.get(qid))}, expected {json.dumps(value)}")
    flags = payload.get("flags") if isinstance(payload.get("flags"), list) else []
    raised = {(f.get("tier"), f.get("id")) for f in flags if isinstance(f, dict)}
    for tier, flag_id in args.expect_flag:
        if (tier, flag_id) not in raised:
            have = ", ".join(f"{t}:{i}" for t, i in sorted(raised, key=str)) or "none"
            problems.append(f"{where}: expected flag {tier}:{flag_id}, flags raised: {have}")
    for tier, flag_id in sorted(raised, key=str):
        if tier in args.expect_no_flag_tier:
            problems.append(f"{where}: flag {tier}:{flag_id} raised, but no {tier} flag was expected")
    return problems, payload


def check_outbox(outbox_path, args):
    """Returns (problems, summary)."""
    try:
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as e:
        return [f"{args.schema}: cannot use as a schema: {shorten(str(e), 500)}"], ""
    validator = jsonschema.Draft202012Validator(schema)
    try:
        rows = read_outbox(outbox_path)
    except sqlite3.Error as e:
        return [f"{outbox_path}: cannot read the outbox: {e}"], ""
    problems = []
    if len(rows) != args.expect_intakes:
        problems.append(f"{outbox_path}: {len(rows)} intake(s) in the outbox, expected {args.expect_intakes}")
    flag_count = 0
    for row_id, _kind, _state, text in rows:
        found, payload = check_payload(validator, row_id, text, args)
        problems += found
        if payload and isinstance(payload.get("flags"), list):
            flag_count += len(payload["flags"])
    summary = f"{len(rows)} intake(s), schema-valid, signatures are PNGs, {flag_count} flag(s)"
    return problems, summary


def main(argv):
    args = parse_args(argv)
    label = os.path.basename(args.script) if args.script else args.outbox
    if args.size:
        label += f" at {args.size}"
    if args.outbox is not None:
        problems, summary = check_outbox(args.outbox, args)
    else:
        with tempfile.TemporaryDirectory(prefix="kiosk-smoke-") as data_dir:
            problems = run_kiosk(args, data_dir)
            summary = ""
            if not problems:
                problems, summary = check_outbox(os.path.join(data_dir, "outbox.sqlite"), args)
    if problems:
        for p in problems:
            print(f"FAIL: {p}", file=sys.stderr)
        print(f"{label}: FAILED ({len(problems)} problem(s))", file=sys.stderr)
        return 1
    print(f"{label}: ok: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
