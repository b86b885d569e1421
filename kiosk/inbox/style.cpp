// The staff pages' stylesheet: a calm clinic look (the kiosk's plum brand), readable on a desktop and a
// tablet, tables stacked as labelled lines on a phone, and a clean print of one intake (no bars, no buttons).
#include "inbox/pages.h"

namespace inbox {

const std::string& StyleSheet() {
  static const std::string css = R"css(
:root { --brand: #8b3d60; --soft: #f9eef3; --text: #251e29; --muted: #6b616e; --line: #e1d6db;
        --stop: #b3261e; --stop-bg: #fdecea; --defer: #9a5b00; --defer-bg: #fff4e0; --review: #1f5f99;
        --review-bg: #e8f1fb; --ok: #2e7d32; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 "Noto Sans", "Segoe UI", system-ui, sans-serif; color: var(--text); background: #faf8f9; }
a { color: var(--brand); }
.bar { display: flex; align-items: center; justify-content: space-between; gap: 1rem; flex-wrap: wrap;
       padding: .75rem 2rem; background: #fff; border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--brand); }
.brand span { font-weight: 400; color: var(--muted); margin-left: .4rem; }
.bar nav { display: flex; align-items: center; gap: .5rem 1.25rem; flex-wrap: wrap; }
.bar nav a { text-decoration: none; font-weight: 600; }
.who { color: var(--muted); }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.7rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 0 0 .75rem; color: var(--brand); }
section { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 1.25rem 1.5rem; margin: 0 0 1.25rem; }
button { font: inherit; font-weight: 600; padding: .6rem 1.1rem; min-height: 2.75rem; border-radius: 8px;
         border: 1px solid var(--line); background: #fff; color: var(--text); cursor: pointer; }
button.primary { background: var(--brand); border-color: var(--brand); color: #fff; }
button.link { border: 0; background: none; color: var(--brand); padding: 0; min-height: 0; }
input, select { font: inherit; padding: .55rem .75rem; min-height: 2.75rem; border: 1px solid #cbbfc5; border-radius: 8px; background: #fff;
                max-width: 100%; }
code { overflow-wrap: anywhere; }
form.publish { display: flex; flex-direction: column; gap: 1rem; align-items: flex-start; }
form.publish label { align-self: stretch; }
.offers { margin: 0; padding-left: 1.1rem; }
.offers .when { color: var(--muted); font-size: .85rem; white-space: nowrap; }
label { display: flex; flex-direction: column; gap: .3rem; font-weight: 600; }
.login { max-width: 26rem; margin: 4rem auto; }
.login form { display: flex; flex-direction: column; gap: 1rem; }
.error { background: var(--stop-bg); color: var(--stop); padding: .6rem .9rem; border-radius: 8px; font-weight: 600; }
.toolbar { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; margin-bottom: 1rem; }
.tabs { display: flex; gap: .25rem; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: .25rem; }
.tabs a { padding: .5rem 1rem; border-radius: 8px; text-decoration: none; font-weight: 600; color: var(--muted); }
.tabs a.on { background: var(--brand); color: #fff; }
.search { display: flex; gap: .5rem; }
.search input { width: 16rem; }
table { width: 100%; border-collapse: collapse; }
.list { background: #fff; border: 1px solid var(--line); border-radius: 12px; overflow: hidden; }
.list th { text-align: left; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted);
           padding: .7rem 1rem; border-bottom: 1px solid var(--line); background: #fdfbfc; }
.list td { padding: .8rem 1rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
.list tr:last-child td { border-bottom: 0; }
.list tr.new td:first-child { box-shadow: inset 4px 0 0 var(--brand); }
.list tr.new td a { font-weight: 700; }
.list tr.urgent.stop { background: var(--stop-bg); }
.list tr.urgent.stop td:first-child { box-shadow: inset 6px 0 0 var(--stop); }
.list tr.urgent.defer { background: var(--defer-bg); }
.list tr.urgent.defer td:first-child { box-shadow: inset 6px 0 0 var(--defer); }
.list tr.done { color: var(--muted); }
.badge { display: inline-block; font-size: .75rem; font-weight: 800; letter-spacing: .06em; padding: .2rem .55rem;
         border-radius: 6px; border: 1px solid transparent; vertical-align: middle; }
.badge.stop { background: var(--stop); color: #fff; }
.badge.defer { background: var(--defer); color: #fff; }
.badge.review { background: var(--review-bg); color: var(--review); border-color: #b9d3ee; }
.badge.none { color: var(--muted); font-weight: 600; letter-spacing: 0; }
.badge.unreviewed { background: var(--soft); color: var(--brand); border-color: #e7c9d7; }
.badge.demo { background: #eee; color: #555; }
.count { margin-left: .5rem; color: var(--muted); font-size: .85rem; }
.empty { padding: 2rem; text-align: center; color: var(--muted); background: #fff; border-radius: 12px; border: 1px dashed var(--line); }
.export { display: flex; align-items: flex-end; gap: .75rem; flex-wrap: wrap; margin-top: 1.5rem; padding: 1rem 1.5rem;
          background: #fff; border: 1px solid var(--line); border-radius: 12px; }
.export h2 { width: 100%; margin: 0; }
.title { display: flex; align-items: center; gap: .75rem; }
.title h1 { margin: 0; }
.back { margin: 0 0 .5rem; }
.review-status { display: flex; align-items: center; gap: .75rem; flex-wrap: wrap; margin: .75rem 0 1.25rem; }
.review-status form { margin-left: auto; }
.review-status .done { color: var(--ok); font-weight: 600; }
.review-status .done strong { color: var(--text); }
.flags ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem; }
.flag { display: flex; gap: .9rem; align-items: flex-start; padding: .75rem 1rem; border-radius: 10px; border: 1px solid var(--line); }
.flag div { display: flex; flex-direction: column; }
.flag.stop { background: var(--stop-bg); border-color: #f3b8b3; }
.flag.defer { background: var(--defer-bg); border-color: #f0d29b; }
.flag.review { background: var(--review-bg); border-color: #c6dcf2; }
.flag .wait { font-weight: 600; }
.flag .from { color: var(--muted); font-size: .9rem; }
.flags.clear p { margin: 0; color: var(--ok); font-weight: 600; }
dl { margin: 0; display: grid; grid-template-columns: 1fr; }
.qa { display: grid; grid-template-columns: minmax(12rem, 2fr) 3fr; gap: 1rem; padding: .55rem 0; border-bottom: 1px solid #f0e8ec; }
.qa:last-child { border-bottom: 0; }
.qa.flagged { margin: 0 -.75rem; padding: .55rem .75rem; border-radius: 8px; border-bottom: 0; }
.qa.flagged.stop { background: var(--stop-bg); }
.qa.flagged.defer { background: var(--defer-bg); }
.qa.flagged.review { background: var(--review-bg); }
dt { color: var(--muted); }
dd { margin: 0; font-weight: 600; }
.choices { margin: 0; padding-left: 1.1rem; }
.muted { color: var(--muted); font-weight: 400; }
.consents th { text-align: left; color: var(--muted); font-weight: 600; padding: .4rem .5rem .4rem 0; border-bottom: 1px solid var(--line); }
.consents td { padding: .5rem .5rem .5rem 0; border-bottom: 1px solid #f0e8ec; }
td.yes { color: var(--ok); font-weight: 700; }
td.no { color: var(--muted); font-weight: 700; }
.signatures { display: flex; gap: 1.5rem; flex-wrap: wrap; margin-top: 1rem; }
.signatures figure { margin: 0; }
.signatures img { display: block; max-width: 22rem; width: 100%; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.signatures .keyed { max-width: 22rem; margin: 0; padding: .8rem 1rem; border: 1px dashed var(--line); border-radius: 8px; background: #fff; }
.signatures figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }
.ids { font-family: ui-monospace, monospace; font-size: .8rem; word-break: break-all; }
.message { max-width: 36rem; margin: 3rem auto; }
.fleet-summary { font-weight: 700; font-size: 1.1rem; padding: .7rem 1rem; border-radius: 10px; margin: 0 0 1rem; }
.fleet-summary.ok { background: #e8f5e9; color: var(--ok); }
.fleet-summary.attention { background: var(--stop-bg); color: var(--stop); }
.kiosks .kiosk-id { font-weight: 700; white-space: nowrap; }
.badge.state.ok { background: #e8f5e9; color: var(--ok); border-color: #a5d6a7; }
.badge.state.problem { background: var(--defer); color: #fff; }
.badge.state.silent { background: var(--stop); color: #fff; }
.badge.state.never { background: #eee; color: #444; border-color: #bbb; }
.kiosks tr.kiosk.silent td:first-child { box-shadow: inset 6px 0 0 var(--stop); }
.kiosks tr.kiosk.problem td:first-child { box-shadow: inset 6px 0 0 var(--defer); }
.kiosks tr.kiosk.silent, .kiosks tr.kiosk-problems.silent { background: var(--stop-bg); }
.kiosks tr.kiosk.problem, .kiosks tr.kiosk-problems.problem { background: var(--defer-bg); }
.kiosks tr.kiosk:has(+ tr.kiosk-problems) td { border-bottom: 0; }
.kiosks tr.kiosk-problems td { padding-top: 0; }
.kiosks tr.kiosk-problems ul { margin: 0; padding-left: 1.2rem; font-weight: 600; }
.note { color: var(--muted); }
@media (max-width: 820px) {
  main { padding: 1rem; }
  .bar { padding: .75rem 1rem; }
  .qa { grid-template-columns: 1fr; gap: .1rem; }
  .list:not(.stack) th:nth-child(4), .list:not(.stack) td:nth-child(4) { display: none; }
  .search input { width: 100%; }
}
@media (max-width: 600px) {
  .bar nav { gap: .5rem 1rem; }
  .stack thead { display: none; }
  .stack, .stack tbody, .stack tr, .stack td { display: block; width: 100%; }
  .stack tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  .stack tr:last-child { border-bottom: 0; }
  .stack td { border-bottom: 0; padding: .2rem 1rem; }
  .stack td[data-label]::before { content: attr(data-label); display: block; font-size: .75rem; font-weight: 600;
                                  text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
  .kiosks tr.kiosk:has(+ tr.kiosk-problems) { border-bottom: 0; }
}
@media print {
  body { background: #fff; font-size: 11pt; }
  .bar, .back, .review-status form, .export, .toolbar { display: none; }
  main { max-width: none; padding: 0; }
  section { border: 0; border-top: 1px solid #999; border-radius: 0; padding: .6rem 0; break-inside: avoid; }
  .badge.stop, .badge.defer { border: 1px solid #000; }
  .qa.flagged { margin: 0; }
}
)css";
  return css;
}

}  // namespace inbox
