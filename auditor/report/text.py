"""Terminal output: one line per finding, then a summary per document and for the run."""
from __future__ import annotations

from typing import Any

_COLORS = {"error": "31", "warning": "33", "info": "36", "grade_good": "32", "grade_bad": "31", "dim": "2", "bold": "1"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\033[{_COLORS.get(code, code)}m{text}\033[0m" if color else text


def render_text(documents: list[dict[str, Any]], color: bool = False, show_excerpt: bool = True) -> str:
    """``path:line:col: CODE [severity] message`` lines with excerpt and suggestion, then summaries."""
    lines: list[str] = []
    for doc in documents:
        source = doc["source"]
        if doc.get("error"):
            lines.append(f"{source}: HC901 [{_paint('error', 'error', color)}] Document could not be audited: {doc['error']}")
            continue
        for f in doc["findings"]:
            where = f"{source}:{f['line']}:{f['column']}" if f["line"] else source
            lines.append(f"{where}: {_paint(f['rule'], 'bold', color)} [{_paint(f['severity'], f['severity'], color)}] {f['message']}")
            if show_excerpt and f.get("excerpt") and f["line"]:
                flat = " ".join(f["excerpt"].split())  # one line, so the "    |" margin holds
                excerpt = flat if len(flat) <= 160 else flat[:157] + "..."
                lines.append(_paint(f"    | {excerpt}", "dim", color))
            if show_excerpt and f.get("suggestion"):
                lines.append(_paint(f"    = {f['suggestion']}", "dim", color))
        lines.append(_summary(doc, color))
    if len(documents) > 1:
        lines.append(_run_summary(documents, color))
    return "\n".join(lines) + "\n"


def _summary(doc: dict[str, Any], color: bool) -> str:
    notes = "".join(f"{doc['source']}: note: {w}\n" for w in doc.get("warnings") or ())
    if doc.get("score") is None:
        return f"{notes}{doc['source']}: not scored ({doc.get('not_scored') or 'the content rules did not run'})"
    grade = doc["grade"] or "-"
    painted = _paint(grade, "grade_good" if grade in ("A", "B") else "grade_bad" if grade in ("D", "E", "F") else "bold", color)
    counts = ", ".join(f"{cat} {n}" for cat, n in doc["counts"].items()) or "no findings"
    # Strongly promotional sentences cost points without being findings: say so, or a score short of
    # 100 with "no findings" is a riddle (`auditor score --format json` lists them).
    promo = len(((doc.get("dimensions") or {}).get("tone") or {}).get("deductions") or ())
    if promo:
        counts += f"; {promo} strongly promotional sentence{'' if promo == 1 else 's'}"
    tone = f", tone {doc['tone']['promotional']:.0%} promotional" if doc.get("tone") else ""
    partial = doc.get("not_assessed") or []
    # A narrowed rule selection leaves dimensions out of the score: say which, or 100 reads as clean.
    missing = f"; not assessed: {', '.join(partial)}" if partial else ""
    return f"{notes}{doc['source']}: score {_shown(doc['score'])}/100, grade {painted}{tone} ({counts}{missing})"


def _shown(score: float) -> str:
    """The score as printed: whole numbers, except that a score short of 100 never shows as 100."""
    return f"{score:.1f}" if 99.5 <= score < 100 else f"{score:.0f}"


def _run_summary(documents: list[dict[str, Any]], color: bool) -> str:
    scored = [d for d in documents if d.get("score") is not None]
    findings = sum(len(d["findings"]) for d in documents)
    # Documents that could not be audited, not error-severity findings.
    unaudited = sum(1 for d in documents if d.get("error"))
    mean = f"mean score {sum(d['score'] for d in scored) / len(scored):.0f}" if scored else "none scored"
    text = (f"{len(documents)} documents, {findings} finding{'' if findings == 1 else 's'}, "
            f"{unaudited} not audited, {mean}")
    return _paint(text, "bold", color)


def render_score_table(documents: list[dict[str, Any]]) -> str:
    """A table of scorecards, one row per document (``auditor score``)."""
    dims = ("evidence", "claims", "balance", "transparency", "tone", "seo", "readability")
    width = max([len("document")] + [len(d["source"]) for d in documents])
    header = f"{'document':<{width}}  score grade  " + " ".join(f"{d:>{len(d)}}" for d in dims)
    rows = [header, "-" * len(header)]
    for doc in documents:
        if doc.get("error"):
            rows.append(f"{doc['source']:<{width}}  error: {doc['error']}")
            continue
        if doc.get("score") is None:
            rows.append(f"{doc['source']:<{width}}  not scored: {doc.get('not_scored') or 'the content rules did not run'}")
            continue
        cells = " ".join(f"{doc['dimensions'][d]['score']:>{len(d)}.0f}" if d in doc["dimensions"] else f"{'-':>{len(d)}}"
                         for d in dims)
        rows.append(f"{doc['source']:<{width}}  {_shown(doc['score']):>5} {doc['grade']:>5}  {cells}")
    return "\n".join(rows) + "\n"
