"""Helpers for running rules in tests."""
from __future__ import annotations

from auditor.config import Settings
from auditor.engine import load_pack, run
from auditor.normalize import normalize_string
from auditor.records import Finding


def findings_for(text: str, fmt: str = "text", settings: Settings | None = None) -> list[Finding]:
    """All findings the built-in pack makes on ``text``."""
    doc = normalize_string(text, fmt, "example." + {"markdown": "md", "html": "html"}.get(fmt, "txt"))
    return run(load_pack(), doc, settings or Settings())
