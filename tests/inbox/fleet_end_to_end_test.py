#!/usr/bin/python3
"""Heartbeats end to end, as installed: the real kiosk-sender program posts its heartbeat through nginx (the
shipped site config, tests/inbox/arrangement.py) to a real intake-inbox, and signed-in staff see the kiosk on
the Kiosks page with its queue and versions.

1. `kiosk-sender --once` with the kiosk's config pointing at the arrangement: "heartbeat: HTTP 200".
2. Staff sign in through the real form; /kiosks shows front-desk-1 OK, its content and package version and
   "1 of 2 kiosks need attention" (kiosk-2 is configured but never heard from).
3. A heartbeat over 64 KiB is refused with 413 by nginx's own location for heartbeats.
4. The inbox logged the heartbeat's request, and no answer or signature.

Under with_postgresql.py (KIOSK_TEST_POSTGRESQL set) the inbox's store is a new database on that server.
Usage: fleet_end_to_end_test.py --inbox BIN --sender BIN --source DIR. Exit 0 when every step held.
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile

from arrangement import Arrangement, run, test_database


class FleetArrangement(Arrangement):
    """The arrangement with a second kiosk, kiosk-2, that never reports."""

    def make_files(self):
        super().make_files()
        etc = os.path.join(self.d, "etc")
        with open(os.path.join(etc, "kiosk-2.whsec"), "w") as f:
            f.write("whsec_" + base64.b64encode(os.urandom(32)).decode() + "\n")
        config = json.load(open(self.config))
        config["kiosks"]["kiosk-2"] = {"webhook_secret_files": ["kiosk-2.whsec"]}
        with open(self.config, "w") as f:
            json.dump(config, f, indent=1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--inbox", required=True)
    p.add_argument("--sender", required=True)
    p.add_argument("--source", required=True)
    a = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="inbox-fleet-") as d:
        arr = FleetArrangement(a.inbox, a.source, d, mode="nginx", postgresql=test_database("inbox_fleet"))
        try:
            arr.start()
            with open(os.path.join(d, "kiosk.json"), "w") as f:
                json.dump({"kiosk_id": "front-desk-1",
                           "delivery": {"url": f"https://127.0.0.1:{arr.port}/intakes",
                                        "webhook_secret_file": os.path.join(d, "etc", "front-desk-1.whsec"),
                                        "ca_file": arr.ca}}, f)
            sent = run([a.sender, "--once", "--config", "kiosk.json", "--data-dir", "kiosk-data",
                        "--content", os.path.join(a.source, "content")], cwd=d)
            assert "heartbeat: HTTP 200" in sent.stdout, sent.stdout + sent.stderr

            session = arr.sign_in()
            status, _, page = arr.fetch("GET", "/kiosks", headers={"Cookie": "__Host-inbox_session=" + session})
            assert status == 200, status
            manifest = json.load(open(os.path.join(a.source, "content", "manifest.json")))
            for text in ("1 of 2 kiosks need attention", "front-desk-1", '<span class="badge state ok">OK</span>',
                         "NEVER HEARD FROM", f"{manifest['id']} {manifest['version']}"):
                assert text in page, f"/kiosks lacks {text!r}:\n{page}"
            version = subprocess.run([a.sender, "--version"], capture_output=True, text=True).stdout.strip()
            assert version and f'<td data-label="Package">{version}</td>' in page, (version, page)

            big = json.dumps({"type": "heartbeat", "pad": "x" * (65 * 1024)}).encode()
            headers = arr.signed_headers("3b753adb-040d-4be8-a4a0-a6164053d358", big)
            status = arr.request("POST", "/heartbeats", big, headers)[0]
            assert status == 413, f"a 65 KiB heartbeat: {status}"
        finally:
            arr.stop()
        log = open(arr.inbox_log).read()
        assert "/heartbeats" in log, log[-2000:]
        for word in ("answers", "iVBOR"):
            assert word not in log, f"the inbox log holds {word}"
    print("fleet end to end: heartbeat through nginx, Kiosks page checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
