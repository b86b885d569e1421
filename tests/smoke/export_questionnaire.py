#!/usr/bin/python3
"""`kiosk export-fhir-questionnaire` prints the privacy notice as the kiosk shows it, filled from its config.

usage: export_questionnaire.py KIOSK CONTENT_DIR CONFIG

Exports the Questionnaire three times: with CONFIG (the repository's: no delivery.url), with a copy of it
that delivers, and with a copy whose retention.delivered_days is 0 while the notice promises a period.
The first two must be valid JSON whose every text is free of {placeholders} and whose privacy item says
what that config does (the content's own privacy_not_sent / privacy_sent texts); the third must fail,
naming the notice's promise, as `kiosk check-content` does.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def texts(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value)
    elif isinstance(node, str):
        yield node


def export(kiosk, content, config):
    return subprocess.run([kiosk, "export-fhir-questionnaire", content, "--config", config],
                          capture_output=True, text=True, timeout=60)


def check(kiosk, content, config, expected, what):
    run = export(kiosk, content, config)
    if run.returncode != 0:
        sys.exit(f"FAIL ({what}): exit {run.returncode}: {run.stderr.strip()}")
    questionnaire = json.loads(run.stdout)
    all_text = list(texts(questionnaire))
    left = sorted({m for t in all_text for m in re.findall(r"\{[a-z_]+\}", t)})
    if left:
        sys.exit(f"FAIL ({what}): placeholders left in the Questionnaire: {', '.join(left)}")
    # the sentence up to its first placeholder: the rest depends on the periods
    start = expected.split("{")[0]
    if not any(start in t for t in all_text):
        sys.exit(f"FAIL ({what}): the privacy notice does not say \"{start}\"")
    print(f"ok ({what}): no placeholders, the notice says \"{start[:60]}...\"")


def main():
    kiosk, content, config_path = sys.argv[1:4]
    with open(os.path.join(content, "app.json"), encoding="utf-8") as f:
        ui = json.load(f)["ui"]
    with open(config_path, encoding="utf-8") as f:
        config = json.load(f)
    if config.get("delivery", {}).get("url"):
        sys.exit(f"{config_path} delivers; this test expects the repository's config, which does not")
    check(kiosk, content, config_path, ui["privacy_not_sent"]["en"], "no delivery")
    with tempfile.TemporaryDirectory() as tmp:
        delivering = dict(config, delivery={"url": "https://clinic.example/intakes",
                                            "webhook_secret_file": os.path.join(tmp, "secret")})
        path = os.path.join(tmp, "delivering.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(delivering, f)
        check(kiosk, content, path, ui["privacy_sent"]["en"], "delivering")
        forever = dict(delivering, retention=dict(config.get("retention", {}), delivered_days=0))
        with open(path, "w", encoding="utf-8") as f:
            json.dump(forever, f)
        run = export(kiosk, content, path)
        if run.returncode == 0 or "delivered_days" not in run.stdout + run.stderr:
            sys.exit(f"FAIL: a notice promising a period the config lacks was exported (exit {run.returncode})")
        print("ok (delivered_days 0): refused, naming delivered_days")


if __name__ == "__main__":
    main()
