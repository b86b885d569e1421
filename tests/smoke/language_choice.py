#!/usr/bin/env python3
"""With two languages in the content, the client chooses one after the attract screen and every text follows it.

usage: language_choice.py KIOSK_BINARY SCREENSHOT_DIR
Builds a second language mechanically ("[xx] " + English) from the default content, then walks in it,
back to the language screen, and on in English.
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def add_language(node, code):
    if isinstance(node, dict):
        if "en" in node and all(isinstance(v, str) for v in node.values()):
            node[code] = "[" + code + "] " + node["en"]
        for value in node.values():
            add_language(value, code)
    elif isinstance(node, list):
        for value in node:
            add_language(value, code)


SCRIPT = """expect screen attract
tap "Tap to start"
expect screen language
screenshot language.png
tap "Testish"
expect screen privacy
expect text "[xx] Step 1 of 7"
tap "[xx] I have read this notice"
tap "[xx] Next"
expect screen about_you
tap "[xx] Back"
tap "[xx] Back"
expect screen language
tap "English"
expect screen privacy
expect text "Step 1 of 7"
"""


def write_test_language_content(content, default=False):
    """Adds the made-up language xx ("[xx] " before every English text) to the content folder `content`."""
    for name in ("app.json", "questionnaire.json", "demo.json"):
        path = os.path.join(content, name)
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        add_language(data, "xx")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
    manifest_path = os.path.join(content, "manifest.json")
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    manifest["languages"].append({"code": "xx", "name": "Testish", "keyboard": "en"})
    if default:
        manifest["default_language"] = "xx"
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f)


def main():
    kiosk, shots = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        content = os.path.join(tmp, "content")
        shutil.copytree(os.path.join(REPO, "content"), content)
        write_test_language_content(content)
        script = os.path.join(tmp, "language.kiosk")
        with open(script, "w", encoding="utf-8") as f:
            f.write(SCRIPT)
        run = subprocess.run([kiosk, "--headless", "--script", script, "--content", content, "--screenshots", shots,
                              "--data-dir", os.path.join(tmp, "data")], capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            print(run.stderr + run.stdout)
            print("0 passed, 1 failed")
            return 1
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
