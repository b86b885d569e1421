#!/usr/bin/python3
"""Run a command against a copy of content/ whose manifest names another default language.

usage: default_language_run.py LANG -- COMMAND [ARGS...]
Copies the repository's content/ to a temporary directory, sets manifest.json's default_language to LANG
(which must be one of the declared languages), runs COMMAND with "--content TMPDIR" appended, and exits with
its status. A clinic whose content defaults to French, say, is tested on the shipped French without a
second copy of the content in the repository.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    lang, command = sys.argv[1], sys.argv[3:]
    with tempfile.TemporaryDirectory() as tmp:
        content = os.path.join(tmp, "content")
        shutil.copytree(os.path.join(REPO, "content"), content)
        path = os.path.join(content, "manifest.json")
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
        codes = [language["code"] for language in manifest["languages"]]
        if lang not in codes:
            print(f"{lang} is not declared in content/manifest.json ({', '.join(codes)})", file=sys.stderr)
            return 1
        manifest["default_language"] = lang
        with open(path, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=2)
        return subprocess.call(command + ["--content", content])


if __name__ == "__main__":
    sys.exit(main())
