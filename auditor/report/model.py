"""The reporters' shared view of a run: one plain dict per document, in the JSON schema.

Every reporter formats these dicts, so the text, JSON, SARIF and HTML outputs never disagree.
Paths are shown as the user gave them, or relative to the working directory when they are
under it, so reports carry no absolute paths of the auditing machine unless asked.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.pipeline import AuditResult
from auditor.score.scorecard import category_counts

SCHEMA_VERSION = "auditor-report/1"


def display_path(source: str, absolute: bool = False) -> str:
    """``source`` as reports show it."""
    if source in ("-", "<string>") or "://" in source:
        return source
    path = Path(source)
    if absolute:
        return str(path.resolve())
    if path.is_absolute():
        try:
            return Path(os.path.relpath(path)).as_posix()
        except ValueError:  # another drive on Windows
            return path.name
    return path.as_posix()


def document_dict(result: AuditResult, include_text: bool = False, absolute_paths: bool = False) -> dict[str, Any]:
    """The report record of one audited (or failed) document."""
    source = display_path(result.source, absolute_paths)
    if not result.ok or result.document is None:
        return {"source": source, "id": source, "error": result.error, "score": None, "grade": None,
                "dimensions": {}, "tone": None, "metadata": {}, "findings": [], "counts": {}}
    doc = result.document
    card = result.scorecard
    scored = card.as_dict() if card else {}
    findings = []
    for finding in result.findings:
        item = finding.as_dict()
        if include_text:
            item["span"] = [finding.span.start, finding.span.end] if finding.span else None
        findings.append(item)
    tone = result.tone
    out: dict[str, Any] = {
        "source": source,
        "id": doc.id.replace(doc.source, source, 1),
        "format": doc.format,
        "score": card.score if card else None,
        "grade": card.grade if card else None,
        "dimensions": scored.get("dimensions", {}),
        "not_assessed": scored.get("not_assessed", []),
        "not_scored": result.not_scored,
        "tone": None if tone is None else {
            "promotional": tone.promotional,
            "model": tone.model_version,
            "sentences": [{"index": s.index, "text": s.text, "promotional": s.promotional} for s in tone.sentences],
        },
        "metadata": doc.metadata.as_dict(),
        "findings": findings,
        "counts": card.counts if card else category_counts(result.findings),
        "readability": card.readability if card else {},
        "checklist": card.checklist if card else {},
        "versions": card.versions if card else {"engine": __version__},
        "warnings": list(doc.warnings),
    }
    if include_text:
        out["text"] = doc.text
        out["blocks"] = [{"kind": b.kind, "region": b.region, "span": [b.span.start, b.span.end]} for b in doc.blocks]
    return out


def run_dict(results: list[AuditResult], absolute_paths: bool = False) -> dict[str, Any]:
    """The JSON report of a whole run."""
    docs = [document_dict(r, absolute_paths=absolute_paths) for r in results]
    scored = [d["score"] for d in docs if d["score"] is not None]
    return {
        "schema": SCHEMA_VERSION,
        "tool": {"name": "auditor", "version": __version__},
        "summary": {
            "documents": len(docs),
            "errors": sum(1 for d in docs if d.get("error")),
            "findings": sum(len(d["findings"]) for d in docs),
            "mean_score": round(sum(scored) / len(scored), 1) if scored else None,
        },
        "documents": docs,
    }
