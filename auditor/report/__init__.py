"""Reporters: the same per-document records, formatted for each kind of user."""
from __future__ import annotations

import json
from typing import Any

from auditor.pipeline import AuditResult
from auditor.report.model import SCHEMA_VERSION, display_path, document_dict, run_dict

FORMATS = ("text", "json", "jsonl", "sarif", "github", "markdown", "html")

__all__ = ["FORMATS", "SCHEMA_VERSION", "display_path", "document_dict", "render", "run_dict"]


def render(fmt: str, results: list[AuditResult], color: bool = False, absolute_paths: bool = False) -> str:
    """Format ``results`` as ``fmt`` (one of FORMATS)."""
    if fmt == "json":
        return json.dumps(run_dict(results, absolute_paths), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from auditor.report.html import render_html

        return render_html([document_dict(r, include_text=True, absolute_paths=absolute_paths) for r in results])
    documents = [document_dict(r, absolute_paths=absolute_paths) for r in results]
    if fmt == "jsonl":
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)
    if fmt == "text":
        from auditor.report.text import render_text

        return render_text(documents, color)
    if fmt == "github":
        from auditor.report.github import render_github

        return render_github(documents)
    if fmt == "markdown":
        from auditor.report.markdown import render_markdown

        return render_markdown(documents)
    if fmt == "sarif":
        from auditor.engine import load_pack
        from auditor.report.sarif import render_sarif

        return json.dumps(render_sarif(documents, load_pack()), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def schema() -> dict[str, Any]:
    """The JSON Schema of the json/jsonl output."""
    from importlib import resources

    return json.loads((resources.files("auditor.report") / "schema" / "report.schema.json").read_text(encoding="utf-8"))
