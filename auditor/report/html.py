"""One self-contained HTML page: scores, charts, and the document text with findings highlighted in place.

Everything taken from a document (text, metadata, messages, sources) passes through ``_e`` and is only
ever placed in element content or plain data/title attributes, never in a script, style or URL. The
page carries no script at all: tooltips open on hover (title), on focus (click) and on ``:target``
(a link from the findings list) with CSS alone, so the Content-Security-Policy can forbid scripts.
"""
from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from typing import Any

from auditor.ingest.sources import GENERATOR

DIMENSIONS = ("evidence", "claims", "balance", "transparency", "tone", "seo", "readability")
CATEGORY_COLOURS = {
    "cta": "#f4a261", "testimonial": "#e9c46a", "stat": "#8ecae6", "attribution": "#a3c4f3",
    "absolute": "#f28482", "causal": "#cdb4db", "hype": "#ffafcc", "risk-minimizing": "#ff8fa3",
    "seo": "#b7e4c7", "boilerplate": "#ced4da", "transparency": "#90dbf4", "balance": "#ffd6a5",
    "readability": "#d8e2dc",
}
GRADE_COLOURS = {"A": "#2a9d8f", "B": "#57a773", "C": "#e9c46a", "D": "#f4a261", "E": "#e76f51",
                 "F": "#d62828"}
CHECK_CLASSES = {"met": "ok", "not met": "no", "n/a": "na"}
META_FIELDS = ("title", "author", "author_credentials", "reviewed_by", "publisher", "published", "updated",
               "canonical_url", "description", "language")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2433;background:#f3f4f7}
header.page{background:#1d2433;color:#fff;padding:1rem 2rem}header.page h1{margin:0;font-size:1.3rem}
main{max-width:1400px;margin:0 auto;padding:1rem 2rem}nav.toc table,table.check{border-collapse:collapse}
nav.toc{background:#fff;border-radius:8px;padding:.8rem 1.2rem;margin-bottom:1rem}
nav.toc td{padding:.2rem .8rem}
section.doc{background:#fff;border-radius:10px;box-shadow:0 1px 4px #0002;margin:1.5rem 0;
  padding:1.2rem 1.6rem}
.head{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap;border-bottom:1px solid #e3e6ec;
  padding-bottom:.8rem}
.head .who{flex:1;min-width:16rem}.head h2{margin:0;font-size:1.2rem;word-break:break-all}
.head .title{margin:.2rem 0;font-size:1.05rem;color:#444}
.scorebox{display:flex;align-items:baseline;gap:.6rem}.score{font-size:3.2rem;font-weight:700;line-height:1}
.of{color:#777}.grade{font-size:2.2rem;font-weight:800;color:#fff;border-radius:8px;padding:.1rem .9rem}
.tonebox{text-align:center}.tonebox b{display:block;font-size:1.8rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.4rem 0 0;font-size:.85rem;
  color:#555}
dl.meta dt{font-weight:600}dl.meta dd{margin:0;word-break:break-word}
.overview{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1.2rem;margin:1rem 0}
h3{font-size:1rem;margin:.2rem 0 .5rem}table.check{font-size:.85rem;margin-bottom:.6rem}
table.check th{text-align:left;padding:.1rem .6rem .1rem 0;font-weight:500}
table.check td span{border-radius:4px;padding:0 .45rem;font-size:.8rem}.ok{background:#d8f3dc;color:#1b4332}
.no{background:#ffd6d6;color:#7a1010}.na{background:#eceff3;color:#555}
details.ded{font-size:.85rem;margin:.15rem 0}details.ded summary{cursor:pointer}
details.ded ul{margin:.2rem 0 .4rem;padding-left:1.2rem}
.pts{font-variant-numeric:tabular-nums;color:#a61b1b}
.body{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:1.5rem;align-items:start}
@media (max-width:900px){.body{grid-template-columns:1fr}}article.text{font-size:1rem;max-width:48rem}
article.text .blk{white-space:pre-wrap;margin:0 0 .8rem}article.text h4.blk{font-size:1.1rem}
article.text blockquote.blk{border-left:3px solid #ccc;padding-left:.8rem;font-style:italic}
article.text .k-list_item::before{content:"\\2022  "}
article.text .k-button{display:inline-block;border:1px solid #999;border-radius:6px;padding:.1rem .6rem}
.boiler{opacity:.45}
.boiler::before{content:"boilerplate \\00b7  ";font-size:.7rem;text-transform:uppercase;
  letter-spacing:.05em}
aside.findings{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto;font-size:.85rem;
  border-left:1px solid #e3e6ec;padding-left:1rem}
aside ol{padding-left:1.1rem;margin:.2rem 0 .8rem}aside li{margin-bottom:.45rem}
aside .sugg{display:block;color:#555}
aside h4{margin:.6rem 0 .2rem;font-size:.85rem;text-transform:uppercase;letter-spacing:.04em}
.chip{display:inline-block;width:.8em;height:.8em;border-radius:2px;vertical-align:middle;margin-right:.3em;
  background:#ddd}
.legend{font-size:.78rem;margin-bottom:.8rem}.legend span{margin-right:.8rem;white-space:nowrap}
mark{background:#eee;color:inherit;padding:0 1px;border-radius:2px}
mark.finding{position:relative;cursor:help;scroll-margin-top:40vh;box-shadow:inset 0 -2px #0004}
mark mark{border-bottom:2px solid #0008}nav.toc .grade{font-size:.9rem;padding:0 .5rem;border-radius:4px}
mark.finding:empty::after{content:"\\2691"}mark.finding:focus,mark.finding:target{outline:2px solid #1d2433}
mark.finding:focus::after,mark.finding:target::after{content:attr(data-tip);position:absolute;left:0;
  top:1.6em;z-index:5;width:max-content;max-width:26rem;white-space:pre-wrap;
  font:400 .8rem/1.4 system-ui,sans-serif;font-style:normal;background:#1d2433;color:#fff;
  padding:.45rem .6rem;border-radius:6px;box-shadow:0 2px 8px #0005}
.error{background:#ffe3e3;border-left:4px solid #d62828;padding:.6rem .9rem}
.note{color:#555;font-size:.85rem;margin:.3rem 0}.g-none{background:#9aa3ad}
footer{color:#777;font-size:.8rem;padding:1rem 2rem}figure svg{max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif;fill:#1d2433}
"""


def _e(value: Any) -> str:
    """``value`` as escaped HTML text, safe in element content and quoted attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def _num(value: Any) -> str:
    """A score rounded for display, or a dash."""
    return "–" if value is None else f"{float(value):.0f}"


def _category_css() -> str:
    """Mark and chip colours per category."""
    rules = [f'[data-cat="{cat}"]{{background:{colour}}}' for cat, colour in CATEGORY_COLOURS.items()]
    grades = [f'.g-{grade}{{background:{colour}}}' for grade, colour in GRADE_COLOURS.items()]
    return "\n".join(rules + grades)


def render_html(documents: list[dict[str, Any]]) -> str:
    """The whole report as one self-contained HTML page."""
    ids = itertools.count(1)
    sections = [_document(doc, i, ids) for i, doc in enumerate(documents, 1)]
    toc = _toc(documents) if len(documents) > 1 else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer">{GENERATOR}<title>Health content audit</title>'
        f"<style>{CSS}{_category_css()}</style></head><body>"
        f'<header class="page"><h1>Health content audit</h1><div>{len(documents)} document(s)</div></header>'
        f"<main>{toc}{''.join(sections)}</main>"
        f"<footer>{_versions(documents)}</footer></body></html>\n"
    )


def _toc(documents: list[dict[str, Any]]) -> str:
    """A table of contents with each document's score and grade."""
    rows = []
    for i, doc in enumerate(documents, 1):
        grade = doc.get("grade")
        missing = "error" if doc.get("error") else "–"
        badge = f'<span class="grade g-{_e(grade)}">{_e(grade)}</span>' if grade else missing
        rows.append(f'<tr><td><a href="#d-{i}">{_e(doc.get("source"))}</a></td>'
                    f"<td>{_num(doc.get('score'))}</td><td>{badge}</td>"
                    f"<td>{len(doc.get('findings') or [])} findings</td></tr>")
    return f'<nav class="toc"><h3>Documents</h3><table>{"".join(rows)}</table></nav>'


def _versions(documents: list[dict[str, Any]]) -> str:
    """The engine, rules and model versions of the run."""
    versions = next((d["versions"] for d in documents if d.get("versions")), {})
    return " · ".join(f"{_e(k)} {_e(v)}" for k, v in versions.items() if k != "model_sha256")


def _document(doc: dict[str, Any], index: int, ids: Iterator[int]) -> str:
    """One document's section; an unreadable document shows its error."""
    if doc.get("error"):
        return (f'<section class="doc" id="d-{index}"><div class="head"><div class="who">'
                f'<h2>{_e(doc.get("source"))}</h2></div></div>'
                f'<p class="error">Could not be audited: {_e(doc["error"])}</p></section>')
    findings = doc.get("findings") or []
    anchors = {k: f"f-{next(ids)}" for k, f in enumerate(findings) if f.get("span")}
    targets = {findings[k]["fingerprint"]: a for k, a in anchors.items() if findings[k].get("fingerprint")}
    dimensions = doc.get("dimensions") or {}
    return (f'<section class="doc" id="d-{index}">{_header(doc)}<div class="overview">'
            f'<figure>{_chart(dimensions, doc)}</figure><div>{_checklists(doc.get("checklist") or {})}</div>'
            f'{_took_off(doc, dimensions, targets)}</div>'
            f'<div class="body"><div>{_legend(doc.get("counts") or {})}<article class="text">'
            f"{_text(doc, anchors)}</article></div>{_findings(findings, anchors)}</div></section>")


def _header(doc: dict[str, Any]) -> str:
    """Source, title, metadata, the big score and grade, and the promotional-tone share."""
    meta = doc.get("metadata") or {}
    title = f'<p class="title">{_e(meta["title"])}</p>' if meta.get("title") else ""
    rows = "".join(f"<dt>{_e(key.replace('_', ' '))}</dt><dd>{_e(_plain(meta[key]))}</dd>"
                   for key in META_FIELDS[1:] if meta.get(key))
    read = doc.get("readability") or {}
    if read.get("reading_grade") is not None:
        words = _num(read.get("words"))
        rows += f"<dt>reading grade</dt><dd>{float(read['reading_grade']):.1f} ({words} words)</dd>"
    grade = doc.get("grade") or "–"
    tone = doc.get("tone")
    tone_box = (f'<div class="tonebox"><b>{float(tone["promotional"]):.0%}</b>promotional tone</div>'
                if tone and tone.get("promotional") is not None else "")
    return (f'<div class="head"><div class="who"><h2>{_e(doc.get("source"))}</h2>{title}'
            f'<dl class="meta">{rows}</dl></div>{tone_box}<div class="scorebox">'
            f'<span class="score">{_num(doc.get("score"))}</span><span class="of">/ 100</span>'
            f'<span class="grade {"g-" + _e(grade) if doc.get("grade") else "g-none"}" title="grade">{_e(grade)}</span>'
            '</div></div>')


def _plain(value: Any) -> str:
    """A metadata value as one line of text."""
    return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


def _chart(dimensions: dict[str, Any], doc: dict[str, Any]) -> str:
    """A horizontal bar chart of the dimension scores, as inline SVG; or why there is none."""
    if doc.get("score") is None:
        return f'<h3>Dimensions</h3><p class="note">Not scored: {_e(doc.get("not_scored") or "the content rules did not run")}.</p>'
    skipped = doc.get("not_assessed") or []
    note = (f'<p class="note">Not assessed (no rule selected for them): {_e(", ".join(skipped))}.</p>'
            if skipped else "")
    names = [n for n in DIMENSIONS if n in dimensions] + [n for n in dimensions if n not in DIMENSIONS]
    row, left, width = 28, 96, 220
    bars = []
    for i, name in enumerate(names):
        score = max(0.0, min(100.0, float(dimensions[name].get("score") or 0)))
        colour = "#2a9d8f" if score >= 75 else "#e9c46a" if score >= 50 else "#e76f51"
        y = i * row + 6
        bars.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{_e(name)}</text>'
                    f'<rect x="{left}" y="{y + 2}" width="{width}" height="18" rx="3" fill="#eceff3"/>'
                    f'<rect x="{left}" y="{y + 2}" width="{width * score / 100:.1f}" height="18" rx="3" '
                    f'fill="{colour}"/>'
                    f'<text x="{left + width + 8}" y="{y + 15}">{score:.0f}</text>')
    # A viewBox lets the chart shrink with its column instead of spilling into the checklists beside it.
    w, h = left + width + 40, len(names) * row + 10
    size = f'viewBox="0 0 {w} {h}" width="{w}" height="{h}"'
    return (f'<h3>Dimensions</h3><svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-label="dimension scores" {size}>{"".join(bars)}</svg>{note}')


def _checklists(checklist: dict[str, dict[str, str]]) -> str:
    """The JAMA and HealthNewsReview checklists as small tables."""
    titles = {"jama": "JAMA benchmarks", "healthnewsreview": "HealthNewsReview criteria"}
    out = []
    for key, items in checklist.items():
        rows = "".join(f'<tr><th>{_e(name)}</th><td><span class="{CHECK_CLASSES.get(value, "na")}">'
                       f"{_e(value)}</span></td></tr>" for name, value in items.items())
        out.append(f'<h3>{_e(titles.get(key, key))}</h3><table class="check">{rows}</table>')
    return "".join(out)


def _took_off(doc: dict[str, Any], dimensions: dict[str, Any], targets: dict[str, str]) -> str:
    """The deductions column; nothing for a document that was not scored."""
    if doc.get("score") is None:
        return ""
    return f"<div><h3>What took points off</h3>{_deductions(dimensions, targets)}</div>"


def _deductions(dimensions: dict[str, Any], targets: dict[str, str]) -> str:
    """Each dimension's deductions, largest first, in a collapsible list linked to their highlights."""
    out = []
    for name in [n for n in DIMENSIONS if n in dimensions] + [n for n in dimensions if n not in DIMENSIONS]:
        items = sorted(dimensions[name].get("deductions") or [], key=lambda d: -float(d.get("points") or 0))
        lost = sum(float(d.get("points") or 0) for d in items)
        lines = "".join(f'<li><span class="pts">−{float(d.get("points") or 0):.1f}</span> '
                        f"{_reason(d, targets)}</li>" for d in items) or "<li>nothing</li>"
        taken = f'<span class="pts">(−{lost:.1f} from {len(items)})</span>' if items else "(no deductions)"
        score = _num(dimensions[name].get("score"))
        out.append(f'<details class="ded"><summary><b>{_e(name)}</b> {score} {taken}</summary>'
                   f"<ul>{lines}</ul></details>")
    return "".join(out)


def _reason(deduction: dict[str, Any], targets: dict[str, str]) -> str:
    """A deduction's reason, linked to the highlight of the finding behind it when there is one."""
    anchor = targets.get(deduction.get("fingerprint") or "")
    reason = _e(deduction.get("reason"))
    return f'<a href="#{anchor}">{reason}</a>' if anchor else reason


def _legend(counts: dict[str, int]) -> str:
    """Colour key for the categories found in this document."""
    keys = "".join(f'<span><i class="chip" data-cat="{_e(cat)}"></i>{_e(cat)} {_e(n)}</span>'
                   for cat, n in sorted(counts.items()) if n)
    return f'<div class="legend">{keys}</div>'


def _blocks(doc: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, region) of each text block; blank-line paragraphs when the blocks are missing."""
    text = doc.get("text") or ""
    if doc.get("blocks"):
        return [(min(b["span"][0], len(text)), min(b["span"][1], len(text)), b.get("kind") or "paragraph",
                 b.get("region") or "main") for b in doc["blocks"]]
    paragraphs = re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", text, re.S)
    spans = [(m.start(), m.end(), "paragraph", "main") for m in paragraphs]
    return spans or [(0, len(text), "paragraph", "main")]


def _place(findings: list[dict[str, Any]], anchors: dict[int, str], blocks: list[tuple[int, int, str, str]],
           ) -> list[list[tuple[int, int, int]]]:
    """Per block, the (start, end, finding) pieces to highlight; a span across blocks is cut at each block."""
    pieces: list[list[tuple[int, int, int]]] = [[] for _ in blocks]
    for k in anchors:
        start, end = findings[k]["span"]
        hits = [(b, max(start, lo), min(end, hi)) for b, (lo, hi, _, _) in enumerate(blocks)
                if max(start, lo) < min(end, hi)]
        if not hits:
            # Empty spans and spans between blocks still get their (empty) mark, in the nearest block.
            b = next((b for b, blk in enumerate(blocks) if start <= blk[1]), len(blocks) - 1)
            at = min(max(start, blocks[b][0]), blocks[b][1])
            hits = [(b, at, at)]
        for b, lo, hi in hits:
            pieces[b].append((lo, hi, k))
    return pieces


def _text(doc: dict[str, Any], anchors: dict[int, str]) -> str:
    """The document text as blocks, boilerplate dimmed, findings highlighted in place."""
    text, findings = doc.get("text") or "", doc.get("findings") or []
    blocks = _blocks(doc)
    opened: set[int] = set()
    out = []
    for (lo, hi, kind, region), pieces in zip(blocks, _place(findings, anchors, blocks)):
        tag = {"heading": "h4", "quote": "blockquote"}.get(kind, "p")
        dim = " boiler" if region == "boilerplate" else ""
        inner = _inline(text, lo, hi, pieces, findings, anchors, opened)
        out.append(f'<{tag} class="blk k-{_e(kind)}{dim}">{inner}</{tag}>')
    return "".join(out)


def _inline(text: str, lo: int, hi: int, pieces: list[tuple[int, int, int]], findings: list[dict[str, Any]],
            anchors: dict[int, str], opened: set[int]) -> str:
    """Escaped ``text[lo:hi]`` with nested marks; a crossing mark is closed and reopened as a part."""
    starts = sorted(pieces, key=lambda p: (p[0], -p[1], p[2]))
    points = sorted({lo, hi, *(p[0] for p in pieces), *(p[1] for p in pieces)})
    out: list[str] = []
    stack: list[tuple[int, int, int]] = []
    pos, i = lo, 0
    for point in points:
        out.append(_e(text[pos:point]))
        pos = point
        ending = [j for j, p in enumerate(stack) if p[1] <= point]
        if ending:
            out.append("</mark>" * (len(stack) - ending[0]))
            survivors = [p for p in stack[ending[0]:] if p[1] > point]
            del stack[ending[0]:]
            for p in survivors:
                out.append(_open(p[2], findings, anchors, opened))
                stack.append(p)
        while i < len(starts) and starts[i][0] == point:
            p = starts[i]
            i += 1
            out.append(_open(p[2], findings, anchors, opened))
            if p[1] > point:
                stack.append(p)
            else:
                out.append("</mark>")
    return "".join(out) + "</mark>" * len(stack)


def _open(k: int, findings: list[dict[str, Any]], anchors: dict[int, str], opened: set[int]) -> str:
    """The opening tag for finding ``k``: the first is ``mark.finding`` (the link target), then parts."""
    f = findings[k]
    tip = _e(f"{f.get('rule')} {f.get('name')}: {f.get('message')}\n"
             f"Suggestion: {f.get('suggestion') or '–'}")
    common = f'data-rule="{_e(f.get("rule"))}" data-cat="{_e(f.get("category"))}" title="{tip}"'
    if k in opened:
        return f'<mark class="finding-part" data-for="{anchors[k]}" {common}>'
    opened.add(k)
    return f'<mark class="finding" id="{anchors[k]}" tabindex="0" data-tip="{tip}" {common}>'


def _findings(findings: list[dict[str, Any]], anchors: dict[int, str]) -> str:
    """The findings list: located ones grouped by category with links, then the page-level ones."""
    order = {cat: n for n, cat in enumerate(CATEGORY_COLOURS)}
    groups: dict[str, list[int]] = {}
    for k in sorted(anchors, key=lambda k: (order.get(findings[k].get("category"), 99), k)):
        groups.setdefault(findings[k].get("category") or "other", []).append(k)
    out = [f'<aside class="findings"><h3>Findings in the text ({len(anchors)})</h3>']
    for cat, ks in groups.items():
        items = "".join(f'<li><a href="#{anchors[k]}">{_where(findings[k])}</a> {_entry(findings[k])}</li>'
                        for k in ks)
        out.append(f'<h4><i class="chip" data-cat="{_e(cat)}"></i>{_e(cat)} ({len(ks)})</h4><ol>{items}</ol>')
    page = [f for k, f in enumerate(findings) if k not in anchors]
    if page:
        items = "".join(f'<li><i class="chip" data-cat="{_e(f.get("category"))}"></i>'
                        f'<b>{_e(f.get("rule"))}</b> {_entry(f)}</li>' for f in page)
        out.append(f"<h3>About the whole page ({len(page)})</h3><ol>{items}</ol>")
    if not findings:
        out.append("<p>No findings.</p>")
    return "".join(out) + "</aside>"


def _where(f: dict[str, Any]) -> str:
    """Link text for a located finding: line and rule."""
    line = f"line {_e(f['line'])} · " if f.get("line") else ""
    return f"{line}{_e(f.get('rule'))} {_e(f.get('name'))}"


def _entry(f: dict[str, Any]) -> str:
    """A finding's message and suggestion."""
    sugg = f'<span class="sugg">→ {_e(f["suggestion"])}</span>' if f.get("suggestion") else ""
    return f"{_e(f.get('message'))}{sugg}"
