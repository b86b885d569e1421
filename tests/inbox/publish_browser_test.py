#!/usr/bin/python3
"""Content published from the inbox, end to end, with a real browser.

Starts `intake-inbox` serving HTTPS in a temp dir (tests/inbox/arrangement.py, mode "direct") with a content
signing key made by `intake-inbox make-signing-key` and a publisher (`add-user vanessa --publisher`). Headless
Chromium signs in, opens "Publish content", uploads a content folder with a problem (a .zip: refused, each
problem with its file and JSON pointer), then a good one under a new version (a .tar.gz: signed and
offered), with screenshots. Then the kiosk's side: `kiosk-sender --once` with kiosk.json "content_updates"
fetches and checks the bundle; a headless kiosk run (tests/scripts/published-content.kiosk) keeps the old
content during a visit and shows the new one on the attract screen once the visit ended; the next sender
check reports it and its heartbeat names it on the Kiosks page. A second bundle is published and switched
to (published-second.kiosk); staff roll it back (published-rollback-to-first.kiosk): the first bundle runs
again, not the packaged content, and the inbox's pages say so; staff's Reload content reads that bundle
again, not the packaged folder (published-reload.kiosk); staff roll that one back too
(published-rollback.kiosk): the packaged content runs, on the Kiosks page too. Last, a bundle signed with another key is
refused by the sender and the refusal is on the inbox's page.
Under with_postgresql.py (KIOSK_TEST_POSTGRESQL set: inbox_publish_browser_postgresql) the inbox's store is a
new database on that server.

Usage: publish_browser_test.py --inbox BIN --kiosk BIN --sender BIN --source DIR --screenshots DIR.
"""
import argparse
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import zipfile

from selenium.webdriver.common.by import By

from arrangement import PASSWORD, Arrangement, run, test_database
from staff_browser import DESKTOP, PHONE, StaffBrowser


class Publishing(Arrangement):
    """The arrangement, plus a signing key and a group in inbox.json."""

    def make_files(self):
        super().make_files()
        key = os.path.join(self.d, "etc", "content-signing.key")
        self.public_key = run([self.inbox_bin, "make-signing-key", key]).stdout.strip()
        assert oct(os.stat(key).st_mode & 0o777) == "0o600", oct(os.stat(key).st_mode)
        again = subprocess.run([self.inbox_bin, "make-signing-key", key], capture_output=True, text=True)
        assert again.returncode != 0 and "never overwritten" in again.stderr, again.stderr
        with open(self.config) as f:
            config = json.load(f)
        config["publishing"] = {"signing_key_file": key, "groups": {"front-desk": ["front-desk-1"]}}
        with open(self.config, "w") as f:
            json.dump(config, f, indent=1)


def content_files(source, edit=None):
    """The repository's content folder as {path: bytes}, with `edit(path, text) -> text` applied."""
    root = os.path.join(source, "content")
    out = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.relpath(os.path.join(folder, name), root)
            data = open(os.path.join(folder, name), "rb").read()
            if edit and path.endswith(".json"):
                data = edit(path, data.decode()).encode()
            out[path] = data
    return out


def new_version(path, text, version="2030.3.1", title="Welcome to the new Glow Up"):
    if path == "manifest.json":
        manifest = json.loads(text)
        manifest["version"] = version
        manifest["languages"][0]["name"] = "English (UK)"
        return json.dumps(manifest, indent=2, ensure_ascii=False)
    if path == "app.json":
        return text.replace("Welcome to Glow Up by Vanessa", title, 1)
    return text


def broken(path, text):
    if path == "questionnaire.json":  # a question type no kiosk knows, and a rule naming no question
        text = text.replace('"type": "', '"type": "slider-', 1)
    return text


def as_zip(files, folder):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files.items():
            z.writestr(folder + "/" + path, data)
    return buf.getvalue()


def as_tar_gz(files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        for path, data in files.items():
            info = tarfile.TarInfo(path)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


class Browser(StaffBrowser):
    """The staff pages of publishing."""

    def upload(self, file, target):
        self.driver.get(self.base + "/publish")
        self.wait_for("form.publish")
        self.driver.find_element(By.NAME, "archive").send_keys(file)
        select = self.driver.find_element(By.NAME, "target")
        select.find_element(By.CSS_SELECTOR, f"option[value='{target}']").click()
        self.driver.find_element(By.CSS_SELECTOR, "form.publish button.primary").click()
        self.wait_for("section.outcome")
        return self.driver.find_element(By.TAG_NAME, "main").text

    def page(self):
        self.driver.get(self.base + "/publish")
        self.wait_for("form.publish")
        return self.driver.find_element(By.TAG_NAME, "main").text

    def offers(self):
        """{content "id version": its kiosks' states as the publish page words them}."""
        self.page()
        out = {}
        for row in self.driver.find_elements(By.CSS_SELECTOR, "table.bundles tbody tr"):
            cells = row.find_elements(By.TAG_NAME, "td")
            out[cells[1].text] = [li.text for li in cells[4].find_elements(By.TAG_NAME, "li")]
        return out

    def kiosk_content(self, kiosk):
        """The Content cell of `kiosk` on the Kiosks page: what its last heartbeat said it runs."""
        self.driver.get(self.base + "/kiosks")
        self.wait_for("table.kiosks")
        for row in self.driver.find_elements(By.CSS_SELECTOR, "table.kiosks tr.kiosk"):
            cells = row.find_elements(By.TAG_NAME, "td")
            if cells[0].text == kiosk:
                return cells[5].text
        raise AssertionError(f"no {kiosk} on the Kiosks page")


def main():
    p = argparse.ArgumentParser()
    for name in ("--inbox", "--kiosk", "--sender", "--source", "--screenshots"):
        p.add_argument(name, required=True)
    a = p.parse_args()
    shutil.rmtree(a.screenshots, ignore_errors=True)
    os.makedirs(a.screenshots)
    with tempfile.TemporaryDirectory(prefix="publish-browser-") as d:
        arr = Publishing(a.inbox, a.source, d, mode="direct", postgresql=test_database("inbox_publish"))
        browser = None
        try:
            arr.start()
            run([a.inbox, "--config", arr.config, "add-user", "vanessa", "--publisher"], input=PASSWORD + "\n")
            for name, data in (("broken-content.zip", as_zip(content_files(a.source, broken), "content")),
                               ("content-2030.3.1.tar.gz", as_tar_gz(content_files(a.source, new_version))),
                               ("content-2030.3.2.tar.gz", as_tar_gz(content_files(
                                   a.source, lambda path, text: new_version(
                                       path, text, "2030.3.2", "Welcome to the second Glow Up")))),
                               ("content-2030.3.3.tar.gz", as_tar_gz(content_files(
                                   a.source, lambda path, text: new_version(path, text, "2030.3.3"))))):
                with open(os.path.join(d, name), "wb") as f:
                    f.write(data)
            browser = Browser(arr.port, a.screenshots)
            browser.sign_in()
            assert "Publish content" in browser.driver.find_element(By.TAG_NAME, "header").text
            text = browser.page()
            assert "Nothing published yet" in text, text
            browser.shots("publish-form")
            text = browser.upload(os.path.join(d, "broken-content.zip"), "all")
            assert "Not published" in text and "questionnaire.json" in text and "/steps/" in text, text
            browser.shots("publish-validation-errors")
            text = browser.upload(os.path.join(d, "content-2030.3.1.tar.gz"), "front-desk")
            assert "Published glowup-microneedling 2030.3.1" in text, text
            assert "front-desk-1: offered, not fetched yet" in text, text
            browser.shots("publish-offered")

            # The kiosk: its sender fetches and checks the bundle; the UI takes it on the attract screen.
            kiosk = {"kiosk_id": "front-desk-1",
                     "delivery": {"url": f"https://127.0.0.1:{arr.port}/intakes",
                                  "webhook_secret_file": os.path.join(arr.d, "etc", "front-desk-1.whsec"),
                                  "ca_file": arr.ca},
                     "content_updates": {"public_key": arr.public_key}}
            with open(os.path.join(d, "kiosk.json"), "w") as f:
                json.dump(kiosk, f, indent=1)
            sender = [a.sender, "--once", "--config", "kiosk.json", "--data-dir", "kiosk-data"]
            fetched = run(sender, cwd=d, timeout=300).stdout
            assert "content: fetched " in fetched, fetched
            bundles = os.listdir(os.path.join(d, "kiosk-data", "bundles"))
            assert len(bundles) == 1 and bundles[0].endswith(".json"), bundles
            assert "front-desk-1: fetched, waiting for the attract screen" in browser.page()
            run([a.kiosk, "set-pin", "--config", "kiosk.json", "--data-dir", "kiosk-data"], cwd=d, input="2468\n")
            packaged = json.load(open(os.path.join(a.source, "content", "manifest.json")))["version"]
            assert browser.kiosk_content("front-desk-1") == f"glowup-microneedling {packaged}"

            def kiosk_run(script, size):
                """One headless run; its screenshots in kiosk-WxH/ (the staff screens at three sizes)."""
                run([a.kiosk, "--headless", "--script", os.path.join(a.source, "tests", "scripts", script),
                     "--config", "kiosk.json", "--data-dir", "kiosk-data", "--size", size,
                     "--screenshots", os.path.join(a.screenshots, "kiosk-" + size)], cwd=d, timeout=600)

            def kiosk_bundles():
                with sqlite3.connect(os.path.join(d, "kiosk-data", "outbox.sqlite")) as db:
                    return db.execute("SELECT content_version, state, detail FROM content_bundles "
                                      "ORDER BY content_version").fetchall()

            kiosk_run("published-content.kiosk", "1920x1080")  # installed on the attract screen after the visit
            assert kiosk_bundles() == [("2030.3.1", "installed", "glowup-microneedling 2030.3.1")]
            reported = run(sender, cwd=d, timeout=300).stdout
            assert "reported 1" in reported, reported
            # the heartbeat names the content the kiosk runs, not its content folder's
            running = browser.kiosk_content("front-desk-1")
            assert running == "glowup-microneedling 2030.3.1", running
            assert "front-desk-1: running it" in browser.page()

            # A second bundle, switched to; staff roll it back: the first one runs again, not the packaged.
            a_, b_ = "glowup-microneedling 2030.3.1", "glowup-microneedling 2030.3.2"
            text = browser.upload(os.path.join(d, "content-2030.3.2.tar.gz"), "front-desk")
            assert f"Published {b_}" in text, text
            assert "content: fetched " in run(sender, cwd=d, timeout=300).stdout
            kiosk_run("published-second.kiosk", "1080x1920")
            reported = run(sender, cwd=d, timeout=300).stdout
            assert "reported 1" in reported, reported
            running = browser.kiosk_content("front-desk-1")
            assert running == b_, running
            summary = browser.driver.find_element(By.CLASS_NAME, "fleet-summary").text
            assert summary == "The one kiosk is OK", summary  # it read "All 1 kiosk OK"
            browser.shots("kiosks-running-second")
            offers = browser.offers()
            assert offers[b_][0].startswith(f"front-desk-1: running it ({b_})"), offers
            browser.size(PHONE)  # every column there, stacked (the tablet rule for the intakes list hid "To")
            browser.page()
            cells = [td.text for td in browser.driver.find_elements(By.CSS_SELECTOR, "table.bundles tbody td")
                     if td.is_displayed()]
            assert cells.count("front-desk") == 2, cells
            browser.size(DESKTOP)
            assert offers[a_][0].startswith(f"front-desk-1: replaced by a newer bundle ({b_} runs instead)"), \
                offers
            browser.shots("publish-second-running")
            kiosk_run("published-rollback-to-first.kiosk", "1280x800")
            assert kiosk_bundles() == [("2030.3.1", "installed", "again, staff rolled back 2030.3.2"),
                                       ("2030.3.2", "rolled_back", f"{a_} runs instead")], kiosk_bundles()
            reported = run(sender, cwd=d, timeout=300).stdout
            assert "reported 2" in reported, reported
            running = browser.kiosk_content("front-desk-1")
            assert running == a_, running
            offers = browser.offers()
            assert offers[a_][0].startswith("front-desk-1: running it (again, staff rolled back 2030.3.2)"), offers
            assert offers[b_][0].startswith(f"front-desk-1: rolled back by staff ({a_} runs instead)"), offers
            browser.shots("publish-rolled-back-to-previous")

            # Staff reload the content: the bundle that runs is read again (not the packaged folder).
            kiosk_run("published-reload.kiosk", "1280x800")
            assert kiosk_bundles() == [("2030.3.1", "installed", "again, staff rolled back 2030.3.2"),
                                       ("2030.3.2", "rolled_back", f"{a_} runs instead")], kiosk_bundles()
            with sqlite3.connect(os.path.join(d, "kiosk-data", "outbox.sqlite")) as db:
                running = db.execute("SELECT content_version FROM running_content").fetchall()
            assert running == [("2030.3.1",)], running
            listed = run([a.kiosk, "outbox", "--config", "kiosk.json", "--data-dir", "kiosk-data"], cwd=d).stdout
            assert f"content running: {a_} (since " in listed, listed  # `kiosk outbox` names it too

            # Staff roll back the first one too: the packaged content runs.
            kiosk_run("published-rollback.kiosk", "1080x1920")
            assert kiosk_bundles() == [("2030.3.1", "rolled_back", "the packaged content runs instead"),
                                       ("2030.3.2", "rolled_back", f"{a_} runs instead")], kiosk_bundles()
            reported = run(sender, cwd=d, timeout=300).stdout
            assert "reported 1" in reported, reported
            assert browser.kiosk_content("front-desk-1") == f"glowup-microneedling {packaged}"
            offers = browser.offers()
            assert offers[a_][0].startswith(
                "front-desk-1: rolled back by staff (the packaged content runs instead)"), offers
            assert offers[b_][0].startswith(f"front-desk-1: rolled back by staff ({a_} runs instead)"), offers
            browser.shots("publish-rolled-back")

            # A bundle signed with another key: the kiosk refuses it and the inbox shows why.
            other = os.path.join(d, "other.key")
            kiosk["content_updates"]["public_key"] = run([a.inbox, "make-signing-key", other]).stdout.strip()
            with open(os.path.join(d, "kiosk.json"), "w") as f:
                json.dump(kiosk, f, indent=1)
            text = browser.upload(os.path.join(d, "content-2030.3.3.tar.gz"), "all")
            assert "Published glowup-microneedling 2030.3.3" in text, text
            refused = run(sender, cwd=d, timeout=300).stdout
            assert "refused (signed with another key" in refused, refused
            text = browser.page()
            assert "front-desk-1: refused it (signed with another key" in text, text
            kiosk_run("published-refused.kiosk", "1920x1080")  # and staff on the kiosk read why
            browser.shots("publish-refused")
            browser.check_fit()
            if arr.postgresql:  # and not SQLite beside it
                assert not os.path.exists(os.path.join(d, "data", "inbox.sqlite")), "the inbox wrote SQLite"
        finally:
            if browser:
                browser.quit()
            arr.stop()
        log = open(arr.inbox_log).read()
        assert "POST /publish 200" in log and "POST /content/offer 200" in log, log[-2000:]
    print(f"publish browser run: screenshots in {a.screenshots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
