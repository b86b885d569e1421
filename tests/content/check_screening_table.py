#!/usr/bin/env python3
"""content/SCREENING.md and content/questionnaire.json agree: every row of the screening table names a
question that exists and raises the row's flag in the row's tier (and waiting period, for defer), and
every flag in the questionnaire has a row. Before checking the real files it checks itself: a table with
a row dropped, a tier changed or a question misnamed must be refused.

Usage: check_screening_table.py CONTENT_DIR
"""
import json
import re
import sys


def table_rows(markdown):
    """The rows of the table under "## Screening table" as lists of cells."""
    rows, inside = [], False
    for line in markdown.splitlines():
        if line.startswith("## "):
            inside = line.strip() == "## Screening table"
            continue
        if inside and line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] == "label item" or set("".join(cells)) <= set("-: "):
                continue  # header and separator
            rows.append(cells)
    return rows


def content_flags(questionnaire):
    """question id -> {flag id: (tier, wait_days)} for every question, follow-ups included."""
    out = {}

    def walk(questions):
        for q in questions:
            out[q["id"]] = {f["id"]: (f["tier"], f.get("wait_days")) for f in q.get("flags", [])}
            walk(q.get("follow_ups", []))

    for step in questionnaire["steps"]:
        walk(step["questions"])
    return out


def problems(markdown, questionnaire):
    found = []
    flags = content_flags(questionnaire)
    rows = table_rows(markdown)
    if not rows:
        return ["SCREENING.md: no rows under \"## Screening table\""]
    seen = set()
    for n, cells in enumerate(rows, 1):
        if len(cells) != 6:
            found.append(f"SCREENING.md: table row {n}: {len(cells)} cells, expected 6: {cells}")
            continue
        item, _kind, source, question, flag, tier = cells
        if not source:
            found.append(f"SCREENING.md: row {n} ({item}): no source")
        m = re.fullmatch(r"(stop|review|defer (\d+))", tier)
        if not m:
            found.append(f"SCREENING.md: row {n} ({item}): tier {tier!r} is not stop, review or defer DAYS")
            continue
        if question not in flags:
            found.append(f"SCREENING.md: row {n} ({item}): no question {question!r} in questionnaire.json")
            continue
        if flag not in flags[question]:
            found.append(f"SCREENING.md: row {n} ({item}): question {question!r} has no flag {flag!r}")
            continue
        want = ("defer", int(m.group(2))) if m.group(2) else (tier, None)
        if flags[question][flag] != want:
            found.append(f"SCREENING.md: row {n} ({item}): {flag} is {flags[question][flag]} in "
                         f"questionnaire.json, the table says {tier!r}")
        seen.add((question, flag))
    for question, by_id in flags.items():
        for flag in by_id:
            if (question, flag) not in seen:
                found.append(f"questionnaire.json: flag {flag!r} of {question!r} has no row in SCREENING.md")
    return found


def self_test(markdown, questionnaire):
    """The check refuses a table that no longer agrees; returns what it failed to notice."""
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "| stop |" in line]
    if not rows:
        return ["self-test: no stop row to alter"]
    missed = []
    altered = {
        "a row dropped": markdown.replace(rows[0] + "\n", "", 1),
        "a tier changed": markdown.replace(rows[0], rows[0].replace("| stop |", "| review |"), 1),
        "a question misnamed": markdown.replace(rows[0], rows[0].replace("| stop |", "| stop |").replace(
            "| " + rows[0].split("|")[4].strip() + " |", "| no_such_question |", 1), 1),
    }
    for what, text in altered.items():
        if text == markdown or not problems(text, questionnaire):
            missed.append(f"self-test: {what} was not refused")
    return missed


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(f"{argv[1]}/SCREENING.md", encoding="utf-8") as f:
        markdown = f.read()
    with open(f"{argv[1]}/questionnaire.json", encoding="utf-8") as f:
        questionnaire = json.load(f)
    found = self_test(markdown, questionnaire) + problems(markdown, questionnaire)
    for p in found:
        print(p)
    if found:
        return 1
    n = len(table_rows(markdown))
    print(f"SCREENING.md agrees with questionnaire.json: {n} rows, every flag has one")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
