#!/usr/bin/python3
"""The whole path in a real browser: a kiosk and an inbox side by side, as the README describes them.

Starts `intake-inbox` alone serving HTTPS in a temp dir as tests/inbox/arrangement.py does (mode "direct": a
certificate, a webhook secret, its config, a staff user added with `intake-inbox add-user`); writes the
kiosk's config pointing at it; runs the kiosk headless through
tests/scripts/stop-flag.kiosk and delivers with `kiosk sender --once`; posts a few more signed intakes (HMAC
by Python's hmac module, independent of the C++ code; the kiosk's signature image reused); then headless
Chromium (selenium + chromedriver) signs in, opens the list, opens the kiosk's flagged intake, marks it reviewed, and saves screenshots.
The same `kiosk-sender --once` posts the kiosk's heartbeat to the inbox; two more kiosks report by signed
heartbeats (one then made silent for 2 hours in the inbox's database, one with a parked intake and a TLS
alert), and the Kiosks page must show front-desk-1 OK, the silent one SILENT and the other a PROBLEM
(screenshots kiosks.png and kiosks-tablet.png).
Under with_postgresql.py (KIOSK_TEST_POSTGRESQL set: inbox_browser_postgresql) the inbox's store is a new
database on that server.

Usage: browser_test.py --inbox BIN --kiosk BIN --source DIR --screenshots DIR. Exit 0 when every step held.
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import time
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import uuid

from selenium.webdriver.common.by import By

from arrangement import Arrangement, run, test_database
from staff_browser import DESKTOP, PHONE, TABLET, StaffBrowser


# Two more kiosks of the clinic, each with its own secret: one gone silent, one reporting problems.
OTHER_KIOSKS = ("treatment-room-2", "event-stand")


class FleetArrangement(Arrangement):
    def make_files(self):
        super().make_files()
        self.other_keys = {}
        config = json.load(open(self.config))
        for kiosk in OTHER_KIOSKS:
            key = os.urandom(32)
            self.other_keys[kiosk] = key
            with open(os.path.join(self.d, "etc", kiosk + ".whsec"), "w") as f:
                f.write("whsec_" + base64.b64encode(key).decode() + "\n")
            config["kiosks"][kiosk] = {"webhook_secret_files": [kiosk + ".whsec"]}
        with open(self.config, "w") as f:
            json.dump(config, f, indent=1)


def post_heartbeat(arr, kiosk, queue, alerts, content):
    """A heartbeat signed with the kiosk's own secret (Python's hmac), as its kiosk-sender would post it."""
    beat = {"type": "heartbeat", "schema_version": 1, "heartbeat_id": str(uuid.uuid4()), "kiosk_id": kiosk,
            "sent_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "package_version": "0.1.0", "content": content, "queue": queue, "alerts": alerts}
    body = json.dumps(beat).encode()
    stamp = str(int(time.time()))
    mac = hmac.new(arr.other_keys[kiosk], f"{beat['heartbeat_id']}.{stamp}.".encode() + body, hashlib.sha256)
    headers = {"Content-Type": "application/json", "webhook-id": beat["heartbeat_id"], "webhook-timestamp": stamp,
               "webhook-signature": "v1," + base64.b64encode(mac.digest()).decode()}
    status = arr.request("POST", "/heartbeats", body, headers)[0]
    assert status == 200, f"heartbeat of {kiosk}: {status}"


def other_kiosks_report(arr, content):
    """treatment-room-2 reported 2 hours ago (its row moved back in the database); event-stand reports a
    parked intake, a TLS failure and an intake waiting 40 minutes."""
    post_heartbeat(arr, "treatment-room-2", {"waiting": 0, "parked": 0, "oldest_waiting_s": None,
                                             "last_delivered_at": None}, [], content)
    post_heartbeat(arr, "event-stand", {"waiting": 3, "parked": 1, "oldest_waiting_s": 2400,
                                        "last_delivered_at": None},
                   [{"code": "tls", "detail": "TLS: SSL certificate problem: certificate has expired"}], content)
    two_hours_ago = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=2, minutes=5))
    arr.execute(f"UPDATE kiosk_heartbeats SET received_at = '{two_hours_ago.strftime('%Y-%m-%dT%H:%M:%S.000Z')}' "
                "WHERE kiosk_id = 'treatment-room-2'")


def write_kiosk_config(arr):
    """kiosk.json beside the inbox's files: deliveries to the inbox, signed with its secret, its CA."""
    kiosk = {"kiosk_id": "front-desk-1",
             "delivery": {"url": f"https://127.0.0.1:{arr.port}/intakes",
                          "webhook_secret_file": os.path.join(arr.d, "etc", "front-desk-1.whsec"),
                          "ca_file": arr.ca}}
    with open(os.path.join(arr.d, "kiosk.json"), "w") as f:
        json.dump(kiosk, f, indent=1)


def sample_intakes(signature, before, content):
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
                    "content": content, "demo": False,
                    "answers": {"first_name": first, "last_name": last, "date_of_birth": "1990-04-02",
                                "skin_concerns": ["wrinkles", "pores"], "areas": ["face"],
                                "pregnancy": False, "blood_thinners": any(f[0] == "blood_thinner_use" for f in flags),
                                "recent_sun": any(f[0] == "sunburn_or_tan" for f in flags)},
                    "flags": [dict({"id": i, "question_id": q, "tier": t, "reason": r}, **({"wait_days": w} if w else {}))
                              for i, q, t, r, w in flags],
                    "consents": [{"id": "treatment_consent", "version": "2026-12", "accepted": True}],
                    "signatures": {"client_signature": {"png_base64": signature, "strokes": 2, "media_type": "image/png"}}})
    return out


def browse(port, shots):
    browser = StaffBrowser(port, shots)
    driver, wait_for, shot = browser.driver, browser.wait_for, browser.shot
    try:
        driver.get(browser.base + "/")
        assert driver.current_url.endswith("/login"), driver.current_url
        shot("login.png")
        browser.sign_in()
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
        browser.size(TABLET)
        shot("list-tablet.png")
        driver.find_element(By.LINK_TEXT, "Lucía Fernández").click()
        wait_for(".signatures img")
        shot("intake-tablet-es.png")
        browser.size(DESKTOP)
        driver.find_element(By.LINK_TEXT, "Kiosks").click()
        wait_for("table.kiosks")
        summary = driver.find_element(By.CLASS_NAME, "fleet-summary").text
        assert summary == "2 of 3 kiosks need attention", summary
        states = {row.find_element(By.CLASS_NAME, "kiosk-id").text: row.find_element(By.CLASS_NAME, "state").text
                  for row in driver.find_elements(By.CSS_SELECTOR, "table.kiosks tr.kiosk")}
        assert states == {"treatment-room-2": "SILENT", "event-stand": "PROBLEM", "front-desk-1": "OK"}, states
        page = driver.find_element(By.TAG_NAME, "main").text
        for text in ("Silent for 2 h 5 min", "certificate has expired", "1 intake refused by the inbox and parked",
                     "An intake has waited 40 min"):
            assert text in page, f"the Kiosks page lacks {text!r}: {page[:1500]}"
        shot("kiosks.png")
        browser.size(TABLET)
        shot("kiosks-tablet.png")
        browser.size(PHONE)
        shot("kiosks-phone.png")
        browser.check_fit()
    finally:
        browser.quit()


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
        arr = FleetArrangement(a.inbox, a.source, d, mode="direct", postgresql=test_database("inbox_browser"))
        try:
            arr.start()
            write_kiosk_config(arr)
            run([a.kiosk, "--headless", "--script", os.path.join(a.source, "tests/scripts/stop-flag.kiosk"),
                 "--config", "kiosk.json", "--data-dir", "kiosk-data"], cwd=d, timeout=600)
            # The headless run's virtual clock stands at 10:00 UTC, so its intake is queued as due then: make
            # it due now, so the real sender delivers it in this run.
            with sqlite3.connect(os.path.join(d, "kiosk-data", "outbox.sqlite")) as db:
                assert db.execute("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z'").rowcount == 1
                payload = json.loads(db.execute("SELECT payload FROM outbox").fetchone()[0])
            sent = run([a.sender, "--once", "--config", "kiosk.json", "--data-dir", "kiosk-data"], cwd=d, timeout=600)
            assert "heartbeat: HTTP 200" in sent.stdout, sent.stdout
            signature = payload["signatures"]["client_signature"]["png_base64"]
            ana_at = datetime.datetime.fromisoformat(payload["submitted_at"].replace("Z", "+00:00"))
            for intake in sample_intakes(signature, ana_at, payload["content"]):
                body = json.dumps(intake).encode()
                assert arr.request("POST", "/intakes", body, arr.signed_headers(intake["intake_id"], body))[0] == 201
            other_kiosks_report(arr, payload["content"])
            browse(arr.port, a.screenshots)
            if arr.postgresql:  # and not SQLite beside it
                assert not os.path.exists(os.path.join(d, "data", "inbox.sqlite")), "the inbox wrote SQLite"
        finally:
            arr.stop()
        if arr.inbox.returncode != 0:
            raise SystemExit(f"intake-inbox exited with {arr.inbox.returncode} after SIGTERM")
        log = open(arr.inbox_log).read()
        for word in ("Ana", "Ruiz", "Lucía", "iVBOR"):
            assert word not in log, f"the inbox log holds personal data ({word})"
        assert "201" in log, log
        print(sent.stderr.strip().splitlines()[-1] if sent.stderr.strip() else "sender done")
    print(f"browser run: screenshots in {a.screenshots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
