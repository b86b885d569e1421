#!/usr/bin/python3
"""Generate the browser-kiosk equivalent of one questionnaire step, from our content and config.

Usage: make_form_page.py --content DIR --config KIOSK_JSON --out PAGE.html [--step about_you]
                         [--language en] [--beacon URL]

The page shows the same step the kiosk shows: the progress line ("Step 2 of 7 · About you"), the step's
heading and intro, every question's label and help with a touch-sized field (text, date as day/month/year,
choices as cards), and Back/Next, in the theme's colours and font size from kiosk.json. Every word comes
from content/ (questionnaire.json for the step, app.json for Back, Next, Day, Month, Year and the step line),
so the browser shows the same words in the same colours. With --beacon, after the first frame is painted
(two requestAnimationFrame callbacks) the page fetches URL: tests/bench/run takes that as Chromium's first
frame. Used only by tests/bench/run.
"""
import argparse
import html
import json
import os
import sys

CSS = """
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; background: {background}; color: {text}; font-family: "Noto Sans", sans-serif;
  font-size: {font_px}px; scrollbar-width: none; }}
header {{ height: 3em; line-height: 3em; padding: 0 1.5em; font-weight: 700; color: {brand};
  border-bottom: 1px solid {line}; }}
main {{ max-width: 30em; margin: 0 auto; padding: 1.2em 1.5em 6em; }}
.progress {{ color: {muted}; }}
.bar {{ height: 0.3em; background: {brand_soft}; border-radius: 0.15em; margin: 0.4em 0 1em; }}
.bar span {{ display: block; height: 100%; background: {brand}; border-radius: 0.15em; }}
h1 {{ font-size: 1.5em; margin: 0 0 0.3em; }}
.intro, .help {{ color: {muted}; }}
label, legend {{ display: block; font-weight: 600; margin: 1em 0 0.3em; }}
input, select {{ font: inherit; width: 100%; min-height: 2.2em; padding: 0 0.5em; border: 2px solid {line};
  border-radius: {radius}em; background: {background}; color: {text}; }}
.date {{ display: flex; gap: 0.5em; }}
fieldset {{ border: 0; padding: 0; margin: 0; }}
.cards {{ display: grid; grid-template-columns: 1fr 1fr; gap: 0.5em; }}
.card {{ min-height: 2.2em; display: flex; align-items: center; padding: 0 0.7em; border: 2px solid {line};
  border-radius: {radius}em; background: {brand_soft}; }}
nav {{ position: fixed; left: 0; right: 0; bottom: 0; display: flex; justify-content: space-between;
  padding: 0.6em 1.5em; background: {background}; border-top: 2px solid {line}; }}
button {{ font: inherit; min-height: 2.2em; min-width: 6em; border-radius: {radius}em; border: 2px solid {brand}; }}
.back {{ background: {background}; color: {brand}; }}
.next {{ background: {brand}; color: {background}; }}
"""


def word(entry, lang):
    return html.escape(entry[lang])


def field(q, ui, lang):
    """One question as HTML, the way the kiosk lays it out (label, help, the touch target)."""
    out = []
    label = word(q["label"], lang)
    if q["type"] in ("single_choice", "multi_choice"):
        kind = "radio" if q["type"] == "single_choice" else "checkbox"
        out.append(f'<fieldset><legend>{label}</legend><div class="cards">')
        for o in q["options"]:
            out.append(f'<label class="card"><input type="{kind}" name="{q["id"]}" style="width:auto"> '
                       f'{word(o["label"], lang)}</label>')
        out.append("</div></fieldset>")
    elif q["type"] == "date":
        out.append(f"<label>{label}</label><div class=\"date\">")
        for part in ("day", "month", "year"):
            out.append(f'<select aria-label="{word(ui[part], lang)}"><option>{word(ui[part], lang)}</option></select>')
        out.append("</div>")
    elif q["type"] == "info":
        out.append(f"<h2>{label}</h2><p>{word(q['body'], lang)}</p>")
    else:
        kind = {"email": "email", "phone": "tel", "number": "number"}.get(q["type"], "text")
        out.append(f'<label for="{q["id"]}">{label}</label><input id="{q["id"]}" type="{kind}">')
    if "help" in q:
        out.append(f'<div class="help">{word(q["help"], lang)}</div>')
    return "\n".join(out)


def page(content_dir, config_file, step_id, lang, beacon):
    with open(os.path.join(content_dir, "questionnaire.json"), encoding="utf-8") as f:
        steps = json.load(f)["steps"]
    with open(os.path.join(content_dir, "app.json"), encoding="utf-8") as f:
        ui = json.load(f)["ui"]
    with open(os.path.join(content_dir, "app.json"), encoding="utf-8") as f:
        clinic = json.load(f)["clinic_name"]
    with open(config_file, encoding="utf-8") as f:
        theme = json.load(f)["theme"]
    index = next(i for i, s in enumerate(steps) if s["id"] == step_id)
    step = steps[index]
    total = len(steps) + 1  # the review step counts too, as in core::ProgressOf
    progress = (ui["step_of"][lang].replace("{n}", str(index + 1)).replace("{m}", str(total))
                .replace("{title}", step["title"][lang]))
    css = CSS.format(radius=theme.get("corner_radius", 0.6) / 2, **theme)
    body = [f'<div class="progress">{html.escape(progress)}</div>',
            f'<div class="bar"><span style="width:{100 * (index + 1) / total:.0f}%"></span></div>',
            f"<h1>{word(step.get('heading', step['title']), lang)}</h1>"]
    if "intro" in step:
        body.append(f'<p class="intro">{word(step["intro"], lang)}</p>')
    body += [field(q, ui, lang) for q in step["questions"]]
    script = ""
    if beacon:
        script = ("<script>requestAnimationFrame(() => requestAnimationFrame(() => "
                  f"fetch({json.dumps(beacon)}, {{mode: 'no-cors'}})));</script>")
    return (f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(step['title'][lang])}</title><style>{css}</style></head>\n"
            f"<body><header>{html.escape(clinic)}</header><main>\n" + "\n".join(body) + "\n</main>\n"
            f'<nav><button class="back">{word(ui["back"], lang)}</button>'
            f'<button class="next">{word(ui["next"], lang)}</button></nav>\n{script}</body></html>\n')


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--content", required=True)
    p.add_argument("--config", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--step", default="about_you")
    p.add_argument("--language", default="en")
    p.add_argument("--beacon")
    args = p.parse_args(argv)
    try:
        text = page(args.content, args.config, args.step, args.language, args.beacon)
    except (OSError, ValueError, KeyError, StopIteration) as e:
        print(f"make_form_page: cannot build step {args.step!r} from {args.content}: {e!r}", file=sys.stderr)
        return 1
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
