"""Markdown for a pull-request comment or a job summary: a table, then findings per document."""
from __future__ import annotations

from typing import Any


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(documents: list[dict[str, Any]], max_findings: int = 50) -> str:
    """A summary table of scores and grades, then each document's findings."""
    out = ["## Health content audit", "", "| Document | Score | Grade | Findings | Top categories |", "|---|---:|:---:|---:|---|"]
    for doc in documents:
        if doc.get("error"):
            out.append(f"| `{_cell(doc['source'])}` | – | – | – | error: {_cell(doc['error'])} |")
            continue
        top = ", ".join(f"{c} ({n})" for c, n in sorted(doc["counts"].items(), key=lambda kv: -kv[1])[:3]) or "–"
        score = "–" if doc.get("score") is None else f"{doc['score']:.0f}"
        grade = doc.get("grade") or "–"
        out.append(f"| `{_cell(doc['source'])}` | {score} | {grade} | {len(doc['findings'])} | {top} |")
    for doc in documents:
        if doc.get("error") or not doc["findings"]:
            continue
        out += ["", f"<details><summary><code>{_cell(doc['source'])}</code>: {len(doc['findings'])} findings</summary>", ""]
        out += ["| Line | Rule | Severity | Message |", "|---:|---|---|---|"]
        for f in doc["findings"][:max_findings]:
            out.append(f"| {f['line'] or '–'} | `{f['rule']}` {f['name']} | {f['severity']} | {_cell(f['message'])} |")
        if len(doc["findings"]) > max_findings:
            out.append(f"| | | | …and {len(doc['findings']) - max_findings} more |")
        out += ["", "</details>"]
    return "\n".join(out) + "\n"
