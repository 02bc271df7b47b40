"""The summary as one self-contained HTML page: inline CSS and SVG charts, no scripts, no links.

Every value that comes from the data (rule names, domains, error messages) is HTML-escaped.
"""
from __future__ import annotations

from html import escape

from auditor.batch.summarize import Summary, _fmt, _pct
from auditor.ingest.sources import GENERATOR

_CSS = """body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd}td.n,th.n{text-align:right}
.lead{color:#444}svg{max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif;fill:#333}"""


def _bars(rows: list[tuple[str, int]], width: int = 640, title: str = "") -> str:
    """A horizontal bar chart as inline SVG."""
    height, peak = 22, max((n for _, n in rows), default=0) or 1
    # Room for the longest (shortened) label at about 7 px a character, so none is cut off at the left.
    label_width = 12 + 7 * max((min(len(label), 28) for label, _ in rows), default=4)
    span = width - label_width - 70
    parts = [f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height * len(rows) + 4}" '
             f'width="{width}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, n) in enumerate(rows):
        y = i * height + 2
        bar = round(span * n / peak)
        short = label if len(label) <= 28 else label[:27] + "\u2026"
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end"><title>{escape(label)}</title>'
                     f'{escape(short)}</text>'
                     f'<rect x="{label_width}" y="{y + 3}" width="{bar}" height="{height - 6}" fill="#3d6fb4"/>'
                     f'<text x="{label_width + bar + 6}" y="{y + 15}">{n:,}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _columns(rows: list[tuple[str, int]], title: str, width: int = 640, height: int = 200) -> str:
    """A vertical bar chart (the score histogram) as inline SVG."""
    peak = max((n for _, n in rows), default=0) or 1
    step = width / max(len(rows), 1)
    parts = [f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height + 40}" width="{width}" '
             'xmlns="http://www.w3.org/2000/svg">']
    for i, (label, n) in enumerate(rows):
        bar = round(height * n / peak)
        x = round(i * step + 4)
        parts.append(f'<rect x="{x}" y="{height - bar + 16}" width="{round(step - 8)}" height="{bar}" fill="#3d6fb4"/>'
                     f'<text x="{x + step / 2 - 4:.0f}" y="{height - bar + 12}" text-anchor="middle">{n:,}</text>'
                     f'<text x="{x + step / 2 - 4:.0f}" y="{height + 32}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(head: list[str], rows: list[list[object]], numeric: set[int]) -> str:
    cls = [' class="n"' if i in numeric else "" for i in range(len(head))]
    out = ["<table><thead><tr>", *(f"<th{cls[i]}>{escape(h)}</th>" for i, h in enumerate(head)), "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td{cls[i]}>{escape(str(v))}</td>" for i, v in enumerate(row)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_html(s: Summary, top: int = 10, title: str = "Batch summary") -> str:
    """The whole page."""
    body = [f"<h1>{escape(title)}</h1>",
            f'<p class="lead">{s.documents:,} documents: {s.ok:,} audited ({s.scored:,} scored), {s.errors:,} errors, {s.skipped:,} '
            f"skipped. Score mean {_fmt(s.mean())}, median {_fmt(s.quantile(0.5))}, p10 {_fmt(s.quantile(0.1))}, "
            f"p90 {_fmt(s.quantile(0.9))}.</p>",
            "<h2>Score distribution</h2>", _columns(s.histogram(), "documents per score band"),
            "<h2>Grades</h2>", _bars([(g, s.grades[g]) for g in s.grade_letters()], title="documents per grade"),
            _table(["grade", "documents", "share"], [[g, f"{s.grades[g]:,}", _pct(s.grades[g], s.scored)] for g in s.grade_letters()],
                   {1, 2}),
            "<h2>Top rules</h2>",
            _bars([(f"{r} {s.rule_names.get(r, '')}", n) for r, n in s.rule_findings.most_common(top)],
                  title="findings per rule"),
            _table(["rule", "name", "findings", "documents"],
                   [[r, s.rule_names.get(r, ""), f"{n:,}", f"{s.rule_documents[r]:,}"]
                    for r, n in s.rule_findings.most_common(top)], {2, 3}),
            "<h2>Top categories</h2>", _bars(s.categories.most_common(top), title="findings per category"),
            _table(["category", "findings", "documents"],
                   [[c, f"{n:,}", f"{s.category_documents[c]:,}"] for c, n in s.categories.most_common(top)], {1, 2})]
    if s.domain_documents:
        body += ["<h2>Domains</h2>", _table(["domain", "documents", "mean score"],
                                            [[d, f"{n:,}", f"{m:.1f}"] for d, n, m in s.domains(top)], {1, 2})]
    if s.error_reasons:
        body += ["<h2>Errors and skips</h2>", _table(["documents", "reason"],
                                                     [[f"{n:,}", r] for r, n in s.error_reasons.most_common(top)], {0})]
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + GENERATOR +
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{escape(title)}</title>"
            f"<style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
