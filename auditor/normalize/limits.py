"""Limits that bound the work of normalizing one document (configurable; see SECURITY.md)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """``max_blocks``: later blocks are dropped with a warning; ``max_sentence_chars``:
    run-on text is cut into pieces of at most this many characters."""

    max_blocks: int = 20_000
    max_sentence_chars: int = 2_000
