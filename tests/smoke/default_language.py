#!/usr/bin/env python3
"""The content's default language governs everything before a client chooses; staff read the staff language.

usage: default_language.py KIOSK_BINARY SCREENSHOT_DIR WxH
Builds a third language mechanically ("[xx] " + English) from the default content and makes it the default
(alphabetically last, so a fallback to the first language would show English), with a config whose
staff.language is "es". Before Begin the attract screen and the staff PIN pad must read "[xx] ..." and
Spanish; after the client chooses English, the staff PIN pad and staff home stay Spanish.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from language_choice import write_test_language_content  # noqa: E402

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PIN = "2468"


SCRIPT = """expect screen attract
expect text "[xx] Tap to start"
screenshot attract_default_language.png
hold "top_left" 3s
expect text "PIN del personal"
expect no text "Staff PIN"
screenshot staff_pin_before_choice.png
tap "Cancelar"
tap "[xx] Tap to start"
expect screen language
tap "English"
expect screen privacy
expect text "Step 1 of 7"
hold "top_left" 3s
expect text "PIN del personal"
expect no text "Staff PIN"
tap "2"
tap "4"
tap "6"
tap "8"
tap "Desbloquear"
expect text "Envío"
expect no text "Delivery"
screenshot staff_home_client_english.png
tap "Bloquear"
expect screen privacy
expect text "Step 1 of 7"
"""


def main():
    kiosk, shots, size = sys.argv[1], sys.argv[2], sys.argv[3]
    with tempfile.TemporaryDirectory() as tmp:
        content = os.path.join(tmp, "content")
        shutil.copytree(os.path.join(REPO, "content"), content)
        write_test_language_content(content, default=True)
        config = os.path.join(tmp, "kiosk.json")
        with open(config, "w", encoding="utf-8") as f:
            json.dump({"kiosk_id": "default-language", "staff": {"language": "es"}}, f)
        script = os.path.join(tmp, "default-language.kiosk")
        with open(script, "w", encoding="utf-8") as f:
            f.write(SCRIPT)
        common = ["--content", content, "--config", config, "--data-dir", os.path.join(tmp, "data")]
        pin = subprocess.run([kiosk, "set-pin"] + common, input=PIN + "\n", capture_output=True, text=True,
                             timeout=120)
        if pin.returncode != 0:
            print(pin.stderr + pin.stdout)
            print("0 passed, 1 failed")
            return 1
        run = subprocess.run([kiosk, "--headless", "--script", script, "--screenshots", shots, "--size", size]
                             + common, capture_output=True, text=True, timeout=300)
        if run.returncode != 0:
            print(run.stderr + run.stdout)
            print("0 passed, 1 failed")
            return 1
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
