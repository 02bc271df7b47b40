"""Item: one input document as the batch reads it, before it is audited."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Item:
    """One input document, or one input that could not become a document.

    ``key`` locates the input uniquely and stably (an absolute path, ``path:LINE`` for a JSONL
    line, ``path#N`` for the N-th WARC record); resume matches on it and on ``content_hash``.
    ``id`` is the id the input gives itself (JSONL id field, WARC target URI), or None for
    files, whose record id is the one ``auditor check`` reports. ``source`` is what the audit
    is told and the record shows. ``format`` forces a format; None detects it as ``check``
    does. ``problem`` makes the item an error record and ``skip`` a skip record, unaudited.
    ``size`` is how many input bytes the item used up, for the progress bar.
    """

    key: str
    source: str
    data: bytes = b""
    id: str | None = None
    url: str | None = None
    format: str | None = None
    problem: str | None = None
    skip: str | None = None
    size: int = 0

    @property
    def content_hash(self) -> str:
        """SHA-1 of the input's bytes (of the problem text for a bad input)."""
        payload = self.data if self.problem is None else self.problem.encode("utf-8", "replace")
        return hashlib.sha1(payload).hexdigest()

    @property
    def to_audit(self) -> bool:
        """True when the item is a document to audit (not an error or skip record)."""
        return self.problem is None and self.skip is None


def failed(key: str, source: str, problem: str, size: int = 0, id: str | None = None) -> Item:  # noqa: A002
    """An item for an input that could not be read: it becomes an error record."""
    return Item(key=key, source=source, id=id, problem=problem, size=size)
