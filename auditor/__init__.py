"""Health-content quality and marketing-bias auditor."""
from __future__ import annotations

__version__ = "0.1.0"

from auditor.records import Block, Document, Finding, Link, Location, Metadata, Sentence, Severity, Span

__all__ = [
    "Block", "Document", "Finding", "Link", "Location", "Metadata", "Sentence", "Severity", "Span",
    "__version__",
]
