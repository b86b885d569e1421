#!/usr/bin/python3
"""`kiosk check-content` on a deliberately broken content folder reports every mistake, and only those.

Usage: check_broken_content.py KIOSK BROKEN_CONTENT_DIR
(BROKEN_CONTENT_DIR is tests/fixtures/broken-content: a copy of content/ with the mistakes listed
in EXPECTED below; every file still parses, so one mistake cannot hide the others.)

Passes (exit 0) when the kiosk exits 1, prints one `DIR/FILE: /pointer: message` line for each
expected mistake (matched on file, pointer and a key phrase of the message), prints no other
problem, and ends with "N problem(s) in DIR". Otherwise prints what was missing or unexpected
and the kiosk's whole output, and exits 1.
"""
import os
import subprocess
import sys

# (file, JSON pointer, key phrase of the message): one per mistake planted in the fixture.
EXPECTED = [
    ("manifest.json", "/default_language", '"fr" is not one of the declared languages'),
    ("app.json", "/review/edit", 'missing the "en" text'),
    ("questionnaire.json", "/steps/1/questions/0/requird", 'unknown key "requird"'),
    ("questionnaire.json", "/steps/1/questions/1/id", 'duplicate id "first_name"'),
    ("questionnaire.json", "/steps/1/questions/4/type", 'unknown question type "e-mail"'),
    ("questionnaire.json", "/steps/3/questions/0/flags/0", 'missing required "tier"'),
    ("questionnaire.json", "/steps/3/questions/17/flags/0", 'missing required "wait_days"'),
    ("questionnaire.json", "/steps/4/questions/1/visible_if/question", 'names unknown question "skin_concern"'),
    ("questionnaire.json", "/steps/4/questions/2/visible_if/includes", 'has no option "acne_scarring"'),
]


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    kiosk, content_dir = argv
    cmd = [kiosk, "check-content", content_dir]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"FAIL: cannot run {' '.join(cmd)}: {e}", file=sys.stderr)
        return 1
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    failures = []
    if done.returncode != 1:
        failures.append(f"expected exit code 1, got {done.returncode}")

    matched = set()
    for file, ptr, phrase in EXPECTED:
        prefix = f"{os.path.join(content_dir, file)}: {ptr}: "
        hits = [i for i, line in enumerate(lines) if line.startswith(prefix) and phrase in line[len(prefix):]]
        if hits:
            matched.update(hits)
        else:
            failures.append(f"missing: {prefix}...{phrase}...")

    summary = f"{len(EXPECTED)} problem(s) in {content_dir}"
    summary_at = [i for i, line in enumerate(lines) if line == summary]
    if not summary_at:
        failures.append(f'missing the summary line "{summary}"')
    matched.update(summary_at)
    for i, line in enumerate(lines):
        if i not in matched:
            failures.append(f"unexpected: {line}")

    if failures:
        for f in failures:
            print(f"FAIL: {f}", file=sys.stderr)
        print(f"--- {' '.join(cmd)} (exit {done.returncode}) ---\n{done.stdout}{done.stderr}", file=sys.stderr)
        return 1
    print(f"check-content {content_dir}: ok: exit 1 and all {len(EXPECTED)} expected problems, nothing else")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
