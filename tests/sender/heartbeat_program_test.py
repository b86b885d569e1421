#!/usr/bin/python3
"""The real kiosk-sender program's heartbeat, checked from outside it.

Runs `kiosk-sender --once` against a plain-HTTP endpoint on 127.0.0.1 (Python's http.server; plain HTTP is
allowed to loopback only) that takes intakes at /intakes and heartbeats at /heartbeats:
1. The endpoint answers 404 to heartbeats (it does not know them): the queued intake is delivered all the
   same, the program exits 0 and says "heartbeat: HTTP 404".
2. The endpoint takes heartbeats: the heartbeat is valid against content/schema/heartbeat.schema.json
   (python3-jsonschema, Draft 2020-12, formats checked), its Standard Webhooks signature verifies with the
   kiosk's secret (Python's hmac, independent of the C++ code), webhook-id is its heartbeat_id, its counts
   and alert match the outbox (one intake waiting after a TLS failure, one delivered), and it carries no
   name, answer or signature of the intakes in the outbox.

Usage: heartbeat_program_test.py --sender BIN --source DIR. Exit 0 when every check held.
"""
import argparse
import base64
import hashlib
import hmac
import http.server
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading

import jsonschema

NAME, EMAIL, SIGNATURE = "Marisol Quintanilla", "marisol@example.com", "iVBORw0KGgoAAAANSUhEUgAAAAE"


class Endpoint(http.server.BaseHTTPRequestHandler):
    heartbeat_status = 404
    received = []  # (path, headers, body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Endpoint.received.append((self.path, dict(self.headers), body))
        status = 201 if self.path == "/intakes" else Endpoint.heartbeat_status if self.path == "/heartbeats" else 404
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def queue(db_path, intake_id, state="pending", last_error=None, next_at="2000-01-01T00:00:00.000Z"):
    payload = json.dumps({"intake_id": intake_id, "kiosk_id": "front-desk-1",
                          "answers": {"first_name": NAME.split()[0], "last_name": NAME.split()[1],
                                      "email": EMAIL},
                          "signatures": {"client_signature": {"png_base64": SIGNATURE}}})
    with sqlite3.connect(db_path) as db:
        db.execute("INSERT INTO outbox (id, created_at, kind, state, attempts, next_attempt_at, last_error, payload) "
                   "VALUES (?, '2026-12-06T08:00:00.000Z', 'intake', ?, 0, ?, ?, ?)",
                   (intake_id, state, next_at, last_error, payload))


def run_sender(args, d):
    done = subprocess.run([args.sender, "--once", "--config", "kiosk.json", "--data-dir", "data",
                           "--content", os.path.join(args.source, "content")],
                          cwd=d, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"kiosk-sender exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sender", required=True)
    p.add_argument("--source", required=True)
    args = p.parse_args()
    args.sender, args.source = os.path.abspath(args.sender), os.path.abspath(args.source)
    schema = json.load(open(os.path.join(args.source, "content", "schema", "heartbeat.schema.json")))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = "whsec_" + base64.b64encode(os.urandom(32)).decode()
    key = base64.b64decode(secret[len("whsec_"):])
    with tempfile.TemporaryDirectory(prefix="heartbeat-program-") as d:
        with open(os.path.join(d, "kiosk.whsec"), "w") as f:
            f.write(secret + "\n")
        os.chmod(os.path.join(d, "kiosk.whsec"), 0o600)
        with open(os.path.join(d, "kiosk.json"), "w") as f:
            json.dump({"kiosk_id": "front-desk-1",
                       "delivery": {"url": f"http://127.0.0.1:{server.server_port}/intakes",
                                    "webhook_secret_file": "kiosk.whsec"}}, f)
        run_sender(args, d)  # makes the outbox
        db_path = os.path.join(d, "data", "outbox.sqlite")

        # 1. heartbeats unknown to the endpoint: the intake goes all the same
        queue(db_path, "intake-1")
        out = run_sender(args, d)
        assert "delivered 1" in out and "heartbeat: HTTP 404" in out, out
        with sqlite3.connect(db_path) as db:
            assert db.execute("SELECT state FROM outbox WHERE id = 'intake-1'").fetchone()[0] == "delivered"
        paths = [r[0] for r in Endpoint.received]
        assert paths.count("/intakes") == 1 and paths[-1] == "/heartbeats", paths

        # 2. heartbeats taken: schema, signature, counts, nothing personal
        Endpoint.heartbeat_status, Endpoint.received = 200, []
        queue(db_path, "intake-2", last_error="TLS: SSL certificate problem: certificate has expired",
              next_at="2999-01-01T00:00:00.000Z")
        out = run_sender(args, d)
        assert "heartbeat: HTTP 200" in out, out
        beats = [r for r in Endpoint.received if r[0] == "/heartbeats"]
        assert len(beats) == 1, Endpoint.received
        _, headers, body = beats[0]
        beat = json.loads(body)
        errors = sorted(validator.iter_errors(beat), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"/{'/'.join(map(str, e.path))}: {e.message}" for e in errors)
        headers = {k.lower(): v for k, v in headers.items()}
        assert headers["webhook-id"] == beat["heartbeat_id"], headers
        mac = hmac.new(key, f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body,
                       hashlib.sha256).digest()
        assert "v1," + base64.b64encode(mac).decode() in headers["webhook-signature"].split(), "bad signature"
        manifest = json.load(open(os.path.join(args.source, "content", "manifest.json")))
        assert beat["kiosk_id"] == "front-desk-1"
        assert beat["content"] == {"id": manifest["id"], "version": manifest["version"]}, beat["content"]
        queue_state = beat["queue"]
        assert queue_state["waiting"] == 1 and queue_state["parked"] == 0, queue_state
        assert queue_state["oldest_waiting_s"] > 0 and queue_state["last_delivered_at"], queue_state
        assert [a["code"] for a in beat["alerts"]] == ["tls"], beat["alerts"]
        text = body.decode()
        for personal in (NAME.split()[0], NAME.split()[1], EMAIL, SIGNATURE[:8], "intake-1", "intake-2", "answers"):
            assert personal not in text, f"the heartbeat holds {personal!r}: {text}"
        print(f"heartbeat valid, signed, {len(body)} bytes: {text}")
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
