"""Normalize: decoded text of any format -> one Document with blocks, sentences and positions."""
from __future__ import annotations

from auditor.ingest import RawInput
from auditor.normalize.html import normalize_html
from auditor.normalize.limits import Limits
from auditor.normalize.markdown import normalize_markdown
from auditor.normalize.plaintext import normalize_text
from auditor.records import Document

__all__ = ["Limits", "normalize", "normalize_string"]

_BY_FORMAT = {"html": normalize_html, "markdown": normalize_markdown, "text": normalize_text}


def normalize(raw: RawInput, limits: Limits | None = None) -> Document:
    """Turn one decoded input into a Document."""
    warnings = ("undecodable bytes were replaced with U+FFFD",) if raw.replaced else ()
    return _BY_FORMAT[raw.format](raw.source, raw.text, raw.encoding, warnings, limits)


def normalize_string(text: str, format: str = "text", source: str = "<string>",  # noqa: A002
                     limits: Limits | None = None) -> Document:
    """Normalize a string already in memory (``format``: html, markdown or text)."""
    aliases = {"md": "markdown", "txt": "text", "htm": "html"}
    fmt = aliases.get(format, format)
    if fmt not in _BY_FORMAT:
        raise ValueError(f"unknown format {format!r} (expected html, markdown or text)")
    return _BY_FORMAT[fmt](source, text, "utf-8", (), limits)
