#!/usr/bin/python3
"""python3-jsonschema's verdict on every case in a cases file (fixtures/intake_cases.json,
fixtures/heartbeat_cases.json) must be the case's own.

Usage: check_intake_cases.py SCHEMA CASES. The same cases go through the inbox's own check (CheckIntakeV1 or
CheckHeartbeatV1, in inbox_unit), so together the two tests show both give the same verdict. Exit 1 on any disagreement.
"""
import copy
import json
import sys

import jsonschema


def walk(doc, path):
    """The parent container of a JSON pointer's target and the last key."""
    parts = [p.replace("~1", "/").replace("~0", "~") for p in path.split("/")[1:]]
    for p in parts[:-1]:
        doc = doc[int(p)] if isinstance(doc, list) else doc[p]
    return doc, parts[-1]


def apply(doc, ops):
    """The add, replace and remove operations of RFC 6902 (all the cases use)."""
    doc = copy.deepcopy(doc)
    for op in ops:
        if op["path"] == "":
            doc = op["value"]
            continue
        parent, key = walk(doc, op["path"])
        if isinstance(parent, list):
            if op["op"] == "remove":
                del parent[int(key)]
            elif key == "-":
                parent.append(op["value"])
            elif op["op"] == "add":
                parent.insert(int(key), op["value"])
            else:
                parent[int(key)] = op["value"]
        elif op["op"] == "remove":
            del parent[key]
        else:
            parent[key] = op["value"]
    return doc


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    with open(sys.argv[2], encoding="utf-8") as f:
        cases = json.load(f)
    wrong = 0
    for case in cases["cases"]:
        valid = validator.is_valid(apply(cases["base"], case["patch"]))
        if valid != case["valid"]:
            wrong += 1
            print(f"{case['name']}: jsonschema says {'valid' if valid else 'invalid'}, the case says otherwise")
    print(f"{sys.argv[2]}: {len(cases['cases']) - wrong} of {len(cases['cases'])} as expected by jsonschema")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
