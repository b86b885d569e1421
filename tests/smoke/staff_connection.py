#!/usr/bin/python3
"""Staff's Test connection and Retry against a real HTTPS receiver on 127.0.0.1, with the sender as its own
process (as installed: the UI has no network and asks the sender through the outbox file).

Usage: staff_connection.py KIOSK SCRIPT SCREENSHOTS_DIR

Makes a throwaway CA and a server certificate for 127.0.0.1 with the openssl CLI, serves HTTPS with
Python's ssl module (POST /ok answers 200, /auth answers 401), sets the staff PIN, parks one intake in the
outbox, starts `kiosk sender`, and runs SCRIPT headless (unlock, see the parked intake and the alert, test
the connection, retry). Then checks the receiver got one signed connection test (Standard Webhooks HMAC
verified, no intake in it) and the parked intake is due again. Then the plain-words outcomes of two failing tests: the server
refusing the token (401) and a certificate this kiosk does not trust, and what staff read when no sender
is running. Exits 0 when all holds.
"""
import base64
import hashlib
import hmac
import http.server
import json
import os
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time

SECRET = base64.b64encode(b"staff-connection-test-key-32byte").decode()
PIN = "2468"


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certs(d):
    for name in ("ca", "other-ca"):
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.pem",
                "-days", "2", "-subj", f"/CN=Test {name}", cwd=d)
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
            "-subj", "/CN=127.0.0.1", cwd=d)
    with open(os.path.join(d, "san.ext"), "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "san.ext", cwd=d)


class Receiver(http.server.BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        Receiver.received.append((self.path, dict(self.headers), body))
        self.send_response(200 if self.path == "/ok" else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def serve(d):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(d, "server.pem"), os.path.join(d, "server.key"))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(cmd, stdin=None):
    done = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}\n{done.stderr[-3000:]}")
    return done.stdout


def kiosk_run(kiosk, d, url, ca, script_text=None, script=None, shots=None, until_state=None, sender=True):
    """A fresh data dir with the PIN set and one parked intake, then the script headless."""
    data = tempfile.mkdtemp(dir=d)
    config = os.path.join(data, "kiosk.json")
    with open(config, "w") as f:
        json.dump({"kiosk_id": "test-kiosk", "delivery": {"url": url, "ca_file": ca,
                                                           "webhook_secret_file": os.path.join(d, "secret")}}, f)
    common = ["--config", config, "--data-dir", data]
    run([kiosk, "set-pin", *common], stdin=PIN + "\n")
    opening = os.path.join(d, "open.kiosk")
    with open(opening, "w") as f:
        f.write("expect screen attract\n")
    run([kiosk, "--headless", "--script", opening, *common])  # creates the outbox
    db = sqlite3.connect(os.path.join(data, "outbox.sqlite"))
    db.execute("INSERT INTO outbox (id, created_at, kind, state, attempts, last_error, payload) VALUES "
               "('parked-1', '2026-11-25T09:00:00.000Z', 'intake', 'parked', 1, 'HTTP 401 Unauthorized', '{}')")
    db.commit()
    db.close()
    if script_text is not None:
        script = os.path.join(d, "variant.kiosk")
        with open(script, "w") as f:
            f.write(script_text)
    cmd = [kiosk, "--headless", "--script", script, *common]
    if shots:
        cmd += ["--screenshots", shots]
    if not sender:
        print(run(cmd).strip())
        return data
    sender = subprocess.Popen([os.environ["KIOSK_SENDER"], *common], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
    try:
        print(run(cmd).strip())
        if until_state:
            wait_for_state(os.path.join(data, "outbox.sqlite"), until_state)
    finally:
        sender.terminate()
        _, err = sender.communicate(timeout=30)
    if sender.returncode != 0:
        raise RuntimeError(f"kiosk sender exited {sender.returncode}\n{err[-3000:]}")
    return data


def wait_for_state(outbox, states, seconds=30):
    """Waits until parked-1 is in one of `states`."""
    deadline = time.monotonic() + seconds
    while True:
        db = sqlite3.connect(outbox)
        now = db.execute("SELECT state FROM outbox WHERE id = 'parked-1'").fetchone()[0]
        db.close()
        if now in states:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"after Retry the parked intake is {now!r} after {seconds} s, expected {states}")
        time.sleep(0.2)


def check_signed_test(problems):
    tests = [r for r in Receiver.received if r[0] == "/ok" and b"connection_test" in r[2]]
    if len(tests) != 1:
        return problems.append(f"the receiver got {len(tests)} request(s) on /ok, expected one connection test")
    _, headers, body = tests[0]
    h = {k.lower(): v for k, v in headers.items()}
    payload = json.loads(body)
    if payload.get("type") != "connection_test" or "answers" in payload:
        problems.append(f"the connection test body is not a test document: {sorted(payload)}")
    signed = f"{h.get('webhook-id')}.{h.get('webhook-timestamp')}.".encode() + body
    expected = "v1," + base64.b64encode(hmac.new(base64.b64decode(SECRET), signed, hashlib.sha256).digest()).decode()
    if h.get("webhook-signature") != expected:
        problems.append("the connection test's webhook-signature does not verify")
    if not h.get("webhook-id", "").startswith("test-") or h.get("idempotency-key") != h.get("webhook-id"):
        problems.append("the connection test needs its own test- id as webhook-id and Idempotency-Key")


def main(kiosk, script, shots):
    problems = []
    with tempfile.TemporaryDirectory(prefix="kiosk-staff-net-") as d:
        make_certs(d)
        with open(os.path.join(d, "secret"), "w") as f:
            f.write("whsec_" + SECRET + "\n")
        server = serve(d)
        port = server.server_address[1]
        ca, other_ca = os.path.join(d, "ca.pem"), os.path.join(d, "other-ca.pem")
        try:
            # Retry makes the row due at the UI's clock; the headless UI's clock is fixed (10:00 UTC on the
            # day), the sender's is real, so the sender delivers it now or, before 10:00, later.
            kiosk_run(kiosk, d, f"https://127.0.0.1:{port}/ok", ca, script=script, shots=shots,
                      until_state=("pending", "delivered"))
            check_signed_test(problems)
            unlock = 'hold "top_left" 3s\n' + "".join(f'tap "{c}"\n' for c in PIN) + 'tap "Unlock"\n'
            kiosk_run(kiosk, d, f"https://127.0.0.1:{port}/auth", ca, unlock + 'tap "Test connection"\n'
                      'expect text "Connected securely, but the clinic\'s system refused our signature or token (401)." within 30s\n')
            before_untrusted = len(Receiver.received)
            kiosk_run(kiosk, d, f"https://127.0.0.1:{port}/ok", other_ca, unlock + 'tap "Test connection"\n'
                      'expect text "certificate is not trusted by this kiosk. Nothing was sent." within 30s\n'
                      "screenshot staff_connection_untrusted.png\n", shots=shots)
            # No sender running: staff are told nothing is being sent (the UI itself never posts).
            kiosk_run(kiosk, d, f"https://127.0.0.1:{port}/ok", ca, unlock + 'tap "Test connection"\n'
                      'expect text "Testing the connection"\nwait 60s\n'
                      'expect text "The sending service did not answer within 55 seconds"\n'
                      "screenshot staff_connection_no_sender.png\n", shots=shots, sender=False)
            if len(Receiver.received) != before_untrusted:
                problems.append("a request reached the receiver through an untrusted certificate")
        except (RuntimeError, subprocess.SubprocessError, OSError, sqlite3.Error, ValueError) as e:
            problems.append(str(e))
        finally:
            server.shutdown()
    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    if not problems:
        print("staff connection: signed test by the sender process verified, retry made the parked intake due, "
              "401, untrusted CA and no sender in plain words")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
