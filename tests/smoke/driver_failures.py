#!/usr/bin/env python3
"""The headless driver fails a run, naming the script line, when a line does not hold.

usage: driver_failures.py KIOSK_BINARY
Each case is a small script with the line expected to fail and a phrase the error must contain.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CASES = [
    ("a label that is not on screen",
     'tap "Tap to start"\ntap "Continue to payment"\n', 2, 'no target labelled "Continue to payment"'),
    ("an ambiguous label",
     'tap "Tap to start"\ntap "English"\ntap "I have read this notice"\ntap "Next"\n'
     'tap "First name"\ntype "A"\ntap "Last name"\ntype "B"\ntap "Day" in "Date of birth"\ntap "1"\ntap "May"\n'
     'tap "1990"\ntap "Phone number"\ntype "0123456789"\ntap "Email address"\ntype "a@b.co"\ntap "Next"\n'
     'tap "Something else"\n', 18, 'targets are labelled "Something else"'),
    ("the wrong screen",
     'tap "Tap to start"\nexpect screen review\n', 2, "expected screen review, but it is language"),
    ("text that is not there",
     'expect text "Welcome to somewhere else"\n', 1, 'expected text "Welcome to somewhere else" is not on screen'),
    ("text that must not be there",
     'expect no text "Tap to start"\n', 1, 'text "Tap to start" is on screen but must not be'),
    ("a line the parser cannot read",
     'tap "Tap to start"\nwait forever\n', 2, "expected a duration"),
    ("an unknown command",
     'swipe "left"\n', 1, "unknown command 'swipe'"),
]


# Layout checks, provoked with content whose words do not fit: (name, ui overrides, script, line, phrase).
LAYOUT_CASES = [
    ("a label that does not fit its button",
     {"month": "The month of the year in which you were born"},
     'tap "Tap to start"\ntap "English"\ntap "I have read this notice"\ntap "Next"\n', 4, "does not fit its button"),
    ("two targets that overlap",
      {"back": "Go back to the page you were looking at a moment ago, if you would like to change anything",
      "next": "Carry on to the next page of this questionnaire now that you have read everything here"},
     'tap "Tap to start"\n', 1, "overlap"),
]


def content_with(tmp, name, overrides):
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    folder = os.path.join(tmp, "content-" + name.replace(" ", "-"))
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.join(repo, "content"), folder)
    app_path = os.path.join(folder, "app.json")
    with open(app_path, encoding="utf-8") as f:
        app = json.load(f)
    for key, text in overrides.items():
        app["ui"][key] = {code: text for code in app["ui"]["next"]}  # the same words in every language
    with open(app_path, "w", encoding="utf-8") as f:
        json.dump(app, f, ensure_ascii=False)
    return folder


def main():
    kiosk = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        cases = [(n, s, l, p, []) for n, s, l, p in CASES]
        cases += [(n, s, l, p, ["--content", content_with(tmp, n, o), "--size", "1280x800"])
                  for n, o, s, l, p in LAYOUT_CASES]
        for name, script, line, phrase, extra in cases:
            path = os.path.join(tmp, "case.kiosk")
            with open(path, "w", encoding="utf-8") as f:
                f.write(script)
            run = subprocess.run([kiosk, "--headless", "--script", path, "--data-dir", os.path.join(tmp, "data")] + extra,
                                 capture_output=True, text=True, timeout=120)
            out = run.stderr + run.stdout
            where = f"{path}:{line}" if "parser" not in name and "unknown" not in name else f"line {line}"
            ok = run.returncode != 0 and phrase in out and where in out
            print(("ok   " if ok else "FAIL ") + name)
            if not ok:
                failures += 1
                print(f"  exit {run.returncode}; wanted '{where}' and '{phrase}' in:\n{out}")
    print(f"{len(cases) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
