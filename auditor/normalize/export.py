"""Plain-data view of a Document, for ``auditor normalize`` and for debugging."""
from __future__ import annotations

from typing import Any

from auditor.records import Document


def document_to_dict(doc: Document, include_text: bool = False) -> dict[str, Any]:
    """A JSON-ready dict of ``doc``: metadata, blocks with positions, sentences and links."""
    out: dict[str, Any] = {
        "id": doc.id,
        "source": doc.source,
        "format": doc.format,
        "encoding": doc.encoding,
        "warnings": list(doc.warnings),
        "metadata": doc.metadata.as_dict(),
        "blocks": [
            {
                "kind": b.kind, "region": b.region, "level": b.level, "section": b.section,
                "text": b.text, "span": [b.span.start, b.span.end],
                "line": b.location.line, "column": b.location.column,
                "end_line": b.location.end_line, "end_column": b.location.end_column,
            }
            for b in doc.blocks
        ],
        "sentences": [
            {"text": s.text, "span": [s.span.start, s.span.end], "block": s.block} for s in doc.sentences
        ],
        "links": [
            {"href": link.href, "text": link.text, "kind": link.kind, "block": link.block}
            for link in doc.links
        ],
    }
    if include_text:
        out["text"] = doc.text
    return out
