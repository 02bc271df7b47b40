"""GitHub Actions workflow commands: one annotation per located finding."""
from __future__ import annotations

from typing import Any

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(documents: list[dict[str, Any]]) -> str:
    """``::warning file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message`` lines."""
    lines = []
    for doc in documents:
        file = _escape_property(doc["source"])
        if doc.get("error"):
            lines.append(f"::error file={file},title=HC901 unparsable-document::{_escape_data(doc['error'])}")
            continue
        for f in doc["findings"]:
            level = LEVELS[f["severity"]]
            title = _escape_property(f"{f['rule']} {f['name']}")
            props = [f"file={file}"]
            if f["line"]:
                props += [f"line={f['line']}", f"col={f['column']}", f"endLine={f['end_line']}", f"endColumn={f['end_column']}"]
            props.append(f"title={title}")
            message = f["message"] + (f" Suggestion: {f['suggestion']}" if f.get("suggestion") else "")
            lines.append(f"::{level} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
