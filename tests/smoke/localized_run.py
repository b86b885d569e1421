#!/usr/bin/python3
"""Run a headless visit written once, by question id, in any language of the content.

usage: localized_run.py --language LANG --template TEMPLATE [--default-language] [--save DIR] -- COMMAND [ARGS...]

Expands TEMPLATE into a .kiosk script whose labels are the content's own texts in LANG, so the script
follows the content when its wording changes (a French script spelled by hand also has to match French
spacing, U+00A0 and U+202F, that no editor shows). Runs COMMAND with "--script SCRIPT" appended (and
"--content DIR" with --default-language) and exits with its status. --save DIR keeps the expanded script.

--default-language: runs on a copy of content/ whose manifest.json names LANG as default_language (a clinic
whose content defaults to French, tested on the shipped French without a second copy in the repository).

Template placeholders (everything else is copied as it is):
  {L:qid}         a question's label (questionnaire.json, follow-ups included)
  {O:qid:opt}     an option's label
  {S:sid:key}     a step's text (title, heading, intro)
  {U:key}         app.json ui text;  {A:path/to/text}  any app.json text ("idle/title", "review/submit")
  {D:qid} {DO:qid:opt} {DA:path}   the same for demo.json
  {M:name}        the language's own name (manifest.json), as the language screen shows it
  {ANSWER:sid:yes_id,...}  one line per yes/no question of step sid: tap Yes for the ids listed, else No
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


class Texts:
    def __init__(self, content, lang):
        def load(name):
            with open(os.path.join(content, name), encoding="utf-8") as f:
                return json.load(f)
        self.lang, self.app, self.q, self.demo = lang, load("app.json"), load("questionnaire.json"), load("demo.json")
        self.manifest = load("manifest.json")

    def text(self, node, where):
        if not isinstance(node, dict) or self.lang not in node:
            raise KeyError(f"{where}: no {self.lang!r} text")
        return node[self.lang]

    @staticmethod
    def question(doc, qid):
        def find(questions):
            for q in questions:
                if q["id"] == qid:
                    return q
                found = find(q.get("follow_ups", []))
                if found:
                    return found
            return None
        for step in doc["steps"]:
            found = find(step["questions"])
            if found:
                return found
        raise KeyError(f"no question {qid!r}")

    def option(self, doc, qid, oid):
        for o in self.question(doc, qid).get("options", []):
            if o["id"] == oid:
                return self.text(o["label"], f"{qid}/{oid}")
        raise KeyError(f"no option {oid!r} in {qid!r}")

    def path(self, doc, path):
        node = doc
        for key in path.split("/"):
            node = node[int(key)] if isinstance(node, list) else node[key]
        return self.text(node, path)

    def answers(self, sid, yes):
        step = next((s for s in self.q["steps"] if s["id"] == sid), None)
        if step is None:
            raise KeyError(f"no step {sid!r}")
        lines = []
        for q in step["questions"]:
            if q["type"] == "yes_no":
                answer = self.app["ui"]["yes" if q["id"] in yes else "no"]
                lines.append(f'tap "{self.text(answer, "ui/yes")}" in "{self.text(q["label"], q["id"])}"')
        return "\n".join(lines)

    def expand(self, match):
        kind, _, rest = match.group(1).partition(":")
        doc = self.demo if kind.startswith("D") else self.q
        if kind in ("L", "D"):
            return self.text(self.question(doc, rest)["label"], rest)
        if kind in ("O", "DO"):
            return self.option(doc, *rest.split(":"))
        if kind == "S":
            sid, key = rest.split(":")
            return self.text(next(s for s in self.q["steps"] if s["id"] == sid)[key], f"{sid}/{key}")
        if kind == "U":
            return self.text(self.app["ui"][rest], f"ui/{rest}")
        if kind == "A":
            return self.path(self.app, rest)
        if kind == "DA":
            return self.path(self.demo, rest)
        if kind == "M" and rest == "name":
            return next(l["name"] for l in self.manifest["languages"] if l["code"] == self.lang)
        if kind == "ANSWER":
            sid, _, ids = rest.partition(":")
            return self.answers(sid, set(filter(None, ids.split(","))))
        raise KeyError(f"unknown placeholder {match.group(0)}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--language", required=True)
    p.add_argument("--template", required=True)
    p.add_argument("--default-language", action="store_true")
    p.add_argument("--save")
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        p.error("a command to run is needed after --")
    with tempfile.TemporaryDirectory() as tmp:
        content = os.path.join(REPO, "content")
        if args.default_language:
            content = shutil.copytree(content, os.path.join(tmp, "content"))
            path = os.path.join(content, "manifest.json")
            with open(path, encoding="utf-8") as f:
                manifest = json.load(f)
            codes = [language["code"] for language in manifest["languages"]]
            if args.language not in codes:
                print(f"{args.language} is not declared in content/manifest.json ({', '.join(codes)})", file=sys.stderr)
                return 1
            manifest["default_language"] = args.language
            with open(path, "w", encoding="utf-8") as f:
                json.dump(manifest, f, ensure_ascii=False, indent=2)
            command += ["--content", content]
        with open(args.template, encoding="utf-8") as f:
            template = f.read()
        try:
            script = re.sub(r"\{([A-Z]+:[^{}\n]*)\}", Texts(content, args.language).expand, template)
        except (KeyError, StopIteration, ValueError) as e:
            print(f"{args.template}: {e}", file=sys.stderr)
            return 1
        name = os.path.basename(args.template).removesuffix(".in")
        script_path = os.path.join(tmp, name)
        with open(script_path, "w", encoding="utf-8") as f:
            f.write(script)
        if args.save:
            os.makedirs(args.save, exist_ok=True)
            shutil.copy(script_path, os.path.join(args.save, name))
        return subprocess.call(command + ["--script", script_path])


if __name__ == "__main__":
    sys.exit(main())
