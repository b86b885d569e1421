#!/usr/bin/python3
"""Validate a content folder's four files against content/schema/content.schema.json, and its
keyboards/*.json against content/schema/keyboard.schema.json.

Usage: validate_content_schema.py CONTENT_DIR
Prints every error as `FILE: /json/pointer: message` and exits 1 if there is any;
otherwise prints "content schema: 3 files valid" and exits 0.
Needs python3-jsonschema (Draft 2020-12). This checks shapes only; `kiosk check-content`
checks the rest (unique ids, rules naming existing questions, every language present).
"""
import json
import os
import sys

import jsonschema
from jsonschema.exceptions import best_match

FILES = {"manifest.json": "manifest", "app.json": "app", "questionnaire.json": "questionnaire", "demo.json": "demo"}


def pointer(path):
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts)


def shorten(text, limit=300):
    return text if len(text) <= limit else text[: limit - 3] + "..."


def closest_branch_errors(error):
    """For a failed oneOf/anyOf over objects: the errors of the branch whose declared
    properties cover all of the instance's keys (the form the author meant), if any."""
    branches = error.validator_value if isinstance(error.validator_value, list) else []
    if isinstance(error.instance, dict):
        for index, branch in enumerate(branches):
            declared = branch.get("properties") if isinstance(branch, dict) else None
            if declared and set(error.instance) <= set(declared):
                matching = [e for e in error.context if e.schema_path and e.schema_path[0] == index]
                if matching:
                    return matching
    return list(error.context)


def describe(error):
    """The error's message; for oneOf/anyOf, also the most relevant reason a branch failed."""
    message = shorten(error.message)
    if error.context:
        inner = best_match(closest_branch_errors(error))
        message += f" (closest match: {pointer(inner.absolute_path)}: {describe(inner)})"
    return message


def validate_keyboards(content_dir):
    """keyboards/*.json against schema/keyboard.schema.json: (errors, files checked)."""
    folder = os.path.join(content_dir, "keyboards")
    if not os.path.isdir(folder):
        return 0, 0
    with open(os.path.join(content_dir, "schema", "keyboard.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    errors = files = 0
    for entry in sorted(os.listdir(folder)):
        if not entry.endswith(".json"):
            continue
        name = f"keyboards/{entry}"
        files += 1
        try:
            with open(os.path.join(folder, entry), encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{name}: /: cannot read: {e}")
            errors += 1
            continue
        for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
            print(f"{name}: {pointer(error.absolute_path)}: {describe(error)}")
            errors += 1
    return errors, files


def main(argv):
    if len(argv) != 2:
        print("usage: validate_content_schema.py CONTENT_DIR", file=sys.stderr)
        return 2
    content_dir = argv[1]
    schema_path = os.path.join(content_dir, "schema", "content.schema.json")
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as e:
        print(f"{schema_path}: {e}")
        return 1

    errors = 0
    for name, definition in FILES.items():
        path = os.path.join(content_dir, name)
        if name == "demo.json" and not os.path.exists(path):
            continue  # the demo flow is optional
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{name}: /: cannot read: {e}")
            errors += 1
            continue
        validator = jsonschema.Draft202012Validator(
            {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]})
        for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
            print(f"{name}: {pointer(error.absolute_path)}: {describe(error)}")
            errors += 1

    keyboards = validate_keyboards(content_dir)
    errors += keyboards[0]

    if errors:
        print(f"content schema: {errors} error(s)")
        return 1
    print(f"content schema: {len(FILES)} files and {keyboards[1]} keyboard layouts valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
