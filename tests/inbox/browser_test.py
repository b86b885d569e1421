#!/usr/bin/python3
"""The whole path in a real browser: a kiosk and an inbox side by side, as the README describes them.

Makes a certificate (openssl CLI), a webhook secret and both configs in a temp dir; adds a staff user with
`intake-inbox add-user` (password on stdin); starts `intake-inbox`; runs the kiosk headless through
tests/scripts/stop-flag.kiosk and delivers with `kiosk sender --once`; posts a few more signed intakes (HMAC
by Python's hmac module, independent of the C++ code; the kiosk's signature image reused); then headless
Chromium (selenium + chromedriver) signs in, opens the list, opens the kiosk's flagged intake, marks it reviewed, and saves screenshots.

Usage: browser_test.py --inbox BIN --kiosk BIN --source DIR --screenshots DIR. Exit 0 when every step held.
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

PASSWORD = "a long staff password"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, **kw):
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stdout}\n{done.stderr}")
    return done


def make_files(d, port, source):
    run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "2", "-keyout", "inbox.key", "-out", "inbox.pem", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], cwd=d)
    secret = "whsec_" + base64.b64encode(os.urandom(32)).decode()
    with open(os.path.join(d, "kiosk.whsec"), "w") as f:
        f.write(secret + "\n")
    inbox = {"listen": {"address": "127.0.0.1", "port": port},
             "tls": {"cert_file": "inbox.pem", "key_file": "inbox.key"},
             "kiosks": {"front-desk-1": {"webhook_secret_files": ["kiosk.whsec"]}},
             "content_dir": os.path.join(source, "content"), "data_dir": "inbox-data"}
    kiosk = {"kiosk_id": "front-desk-1",
             "delivery": {"url": f"https://127.0.0.1:{port}/intakes",
                          "webhook_secret_file": os.path.join(d, "kiosk.whsec"),
                          "ca_file": os.path.join(d, "inbox.pem")}}
    for name, doc in (("inbox.json", inbox), ("kiosk.json", kiosk)):
        with open(os.path.join(d, name), "w") as f:
            json.dump(doc, f, indent=1)
    return base64.b64decode(secret[len("whsec_"):])


def post_signed(port, ca, key, intake):
    body = json.dumps(intake).encode()
    stamp = str(int(time.time()))
    mac = hmac.new(key, f"{intake['intake_id']}.{stamp}.".encode() + body, hashlib.sha256).digest()
    req = urllib.request.Request(f"https://127.0.0.1:{port}/intakes", data=body, method="POST", headers={
        "Content-Type": "application/json", "webhook-id": intake["intake_id"], "webhook-timestamp": stamp,
        "webhook-signature": "v1," + base64.b64encode(mac).decode()})
    with urllib.request.urlopen(req, context=ssl.create_default_context(cafile=ca), timeout=10) as r:
        return r.status


def sample_intakes(signature, before):
    """A morning's worth of other clients before `before` (the kiosk's intake: the newest, so it heads the
    list whatever the time of day the test runs), so the list looks like a real day."""
    now = before
    people = [("Lucía", "Fernández", "es", [("sunburn_or_tan", "recent_sun", "defer", "Sunburn or tanning in the last 2 weeks", 14)], 35),
              ("Grace", "Okafor", "en", [("blood_thinner_use", "blood_thinners", "review", "Blood thinners (including daily aspirin)", 0)], 50),
              ("Hannah", "Moore", "en", [], 75),
              ("Sofía", "Martín", "es", [], 120)]
    out = []
    for first, last, lang, flags, minutes_ago in people:
        at = (now - datetime.timedelta(minutes=minutes_ago)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        out.append({"schema_version": 1, "intake_id": str(uuid.uuid4()), "kiosk_id": "front-desk-1",
                    "started_at": at, "submitted_at": at, "language": lang,
                    "content": {"id": "glowup-microneedling", "version": "2026.11.1"}, "demo": False,
                    "answers": {"first_name": first, "last_name": last, "date_of_birth": "1990-04-02",
                                "skin_concerns": ["wrinkles", "pores"], "areas": ["face"],
                                "pregnancy": False, "blood_thinners": any(f[0] == "blood_thinner_use" for f in flags),
                                "recent_sun": any(f[0] == "sunburn_or_tan" for f in flags)},
                    "flags": [dict({"id": i, "question_id": q, "tier": t, "reason": r}, **({"wait_days": w} if w else {}))
                              for i, q, t, r, w in flags],
                    "consents": [{"id": "treatment_consent", "version": "2026-11", "accepted": True}],
                    "signatures": {"client_signature": {"png_base64": signature, "strokes": 2, "media_type": "image/png"}}})
    return out


def wait_healthy(port, ca, proc):
    ctx = ssl.create_default_context(cafile=ca)
    for _ in range(100):
        if proc.poll() is not None:
            raise SystemExit(f"intake-inbox exited with {proc.returncode}: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(f"https://127.0.0.1:{port}/healthz", context=ctx, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("intake-inbox did not answer /healthz")


def browse(port, shots):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--ignore-certificate-errors", "--window-size=1440,1000", "--hide-scrollbars",
                 "--force-device-scale-factor=1", "--lang=en-GB"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"),
                              options=options)
    base = f"https://127.0.0.1:{port}"

    def wait_for(css, text=""):
        """Waits (up to 30 s, for loaded machines) until an element matching css shows `text`."""
        located = (By.CSS_SELECTOR, css)
        condition = (expected_conditions.text_to_be_present_in_element(located, text) if text
                     else expected_conditions.presence_of_element_located(located))
        WebDriverWait(driver, 30).until(condition)

    def shot(name):
        height = driver.execute_script("return document.documentElement.scrollHeight")
        width = driver.get_window_size()["width"]
        driver.set_window_size(width, max(600, height + 120))
        driver.save_screenshot(os.path.join(shots, name))

    try:
        driver.get(base + "/")
        assert driver.current_url.endswith("/login"), driver.current_url
        shot("login.png")
        driver.find_element(By.NAME, "user").send_keys("vanessa")
        driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "button.primary").click()
        wait_for("table.list")
        rows = driver.find_elements(By.CSS_SELECTOR, "table.list tbody tr")
        assert len(rows) == 5, f"{len(rows)} rows"
        first = rows[0].text
        assert "STOP" in first and "Ana Ruiz" in first, first
        assert "DEFER" in rows[1].text, rows[1].text
        shot("list.png")
        driver.find_element(By.LINK_TEXT, "Ana Ruiz").click()
        wait_for(".signatures img")
        page = driver.find_element(By.TAG_NAME, "main").text
        assert "Pregnant" in page or "pregnan" in page.lower(), page[:400]
        signature = driver.find_element(By.CSS_SELECTOR, ".signatures img")
        assert driver.execute_script("return arguments[0].naturalWidth", signature) > 10, "signature not shown"
        shot("intake.png")
        driver.find_element(By.XPATH, "//button[normalize-space()='Mark reviewed']").click()
        wait_for(".review-status", "Reviewed by")
        status = driver.find_element(By.TAG_NAME, "main").text[:300]
        assert "Reviewed by vanessa" in status, f"{driver.current_url}: {status}"
        shot("intake-reviewed.png")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert not driver.find_element(By.CLASS_NAME, "bar").is_displayed(), "the top bar prints"
        shot("intake-print.png")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.find_element(By.LINK_TEXT, "Intakes").click()
        wait_for("table.list")
        driver.set_window_size(820, 1180)  # a tablet, portrait
        shot("list-tablet.png")
        driver.find_element(By.LINK_TEXT, "Lucía Fernández").click()
        wait_for(".signatures img")
        shot("intake-tablet-es.png")
    finally:
        driver.quit()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--inbox", required=True)
    p.add_argument("--kiosk", required=True)
    p.add_argument("--sender", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--screenshots", required=True)
    a = p.parse_args()
    shutil.rmtree(a.screenshots, ignore_errors=True)
    os.makedirs(a.screenshots)
    with tempfile.TemporaryDirectory(prefix="inbox-browser-") as d:
        port = free_port()
        key = make_files(d, port, a.source)
        ca = os.path.join(d, "inbox.pem")
        run([a.inbox, "--config", "inbox.json", "add-user", "vanessa"], cwd=d, input=PASSWORD + "\n")
        inbox = subprocess.Popen([a.inbox, "--config", os.path.join(d, "inbox.json")], cwd=d,
                                 stderr=subprocess.PIPE, text=True)
        try:
            wait_healthy(port, ca, inbox)
            run([a.kiosk, "--headless", "--script", os.path.join(a.source, "tests/scripts/stop-flag.kiosk"),
                 "--config", "kiosk.json", "--data-dir", "kiosk-data"], cwd=d)
            # The headless run's virtual clock stands at 10:00 UTC, so its intake is queued as due then: make
            # it due now, so the real sender delivers it in this run.
            with sqlite3.connect(os.path.join(d, "kiosk-data", "outbox.sqlite")) as db:
                assert db.execute("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z'").rowcount == 1
                payload = json.loads(db.execute("SELECT payload FROM outbox").fetchone()[0])
            sent = run([a.sender, "--once", "--config", "kiosk.json", "--data-dir", "kiosk-data"], cwd=d)
            signature = payload["signatures"]["client_signature"]["png_base64"]
            ana_at = datetime.datetime.fromisoformat(payload["submitted_at"].replace("Z", "+00:00"))
            for intake in sample_intakes(signature, ana_at):
                assert post_signed(port, ca, key, intake) == 201
            browse(port, a.screenshots)
        finally:
            inbox.send_signal(signal.SIGTERM)
            log = inbox.communicate(timeout=20)[1]
        if inbox.returncode != 0:
            raise SystemExit(f"intake-inbox exited with {inbox.returncode} after SIGTERM")
        for word in ("Ana", "Ruiz", "Lucía", "iVBOR"):
            assert word not in log, f"the inbox log holds personal data ({word})"
        assert "201" in log, log
        print(sent.stderr.strip().splitlines()[-1] if sent.stderr.strip() else "sender done")
    print(f"browser run: screenshots in {a.screenshots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
