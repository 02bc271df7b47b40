"""Core records shared by every stage of the pipeline.

The records import nothing from the rest of the package, so every layer can use them.
Character spans are half-open ``[start, end)`` offsets into ``Document.text``; line and column
numbers are 1-based positions in the original (decoded) file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """How serious a finding is; an IntEnum so ``fail-on`` is a comparison."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Return the severity named by ``value`` (case-insensitive)."""
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected info, warning or error)") from None

    def __str__(self) -> str:
        return self.name.lower()


REGIONS = ("main", "boilerplate")
BLOCK_KINDS = (
    "heading", "paragraph", "list_item", "table_cell", "quote", "button", "label",
    "caption", "code", "other",
)
LINK_KINDS = ("citation", "internal", "external", "contact", "social", "anchor")


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` in ``Document.text``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based line/column range in the original file."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of text: a heading, paragraph, list item, cell, button...

    ``section`` is the text of the nearest heading above the block, so rules can tell a
    "References" list or a "Side effects" section from the rest.
    """

    kind: str
    region: str
    text: str
    span: Span
    location: Location
    level: int = 0
    section: str = ""
    tag: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or heading, or list item without final punctuation) inside one block."""

    text: str
    span: Span
    block: int


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink, classified by what it points at."""

    href: str
    text: str
    kind: str
    block: int | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself: title, people, dates, publisher, language."""

    title: str | None = None
    author: str | None = None
    author_credentials: str | None = None
    published: str | None = None
    updated: str | None = None
    reviewed_by: str | None = None
    publisher: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    language: str | None = None
    declared_language: str | None = None
    jsonld_types: tuple[str, ...] = ()
    has_references: bool = False
    extra: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Plain-dict view for reporters."""
        out = {name: getattr(self, name) for name in self.__slots__ if name != "extra"}  # type: ignore[attr-defined]
        out["jsonld_types"] = list(self.jsonld_types)
        out["extra"] = dict(self.extra)
        return out


@dataclass(frozen=True, slots=True)
class Document:
    """One input, normalized: text, blocks, sentences, links, metadata and source positions.

    ``text`` is the blocks' texts joined by blank lines; ``source_text`` is the decoded
    original, which line/column positions refer to.
    """

    id: str
    source: str
    format: str
    text: str
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    links: tuple[Link, ...]
    metadata: Metadata
    source_text: str = field(repr=False, default="")
    offsets: tuple[int, ...] = field(repr=False, default=())
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()

    @property
    def title(self) -> str | None:
        """The document title, from metadata."""
        return self.metadata.title

    def original_offset(self, index: int) -> int:
        """Offset in ``source_text`` of character ``index`` of ``text``."""
        if not self.offsets:
            return 0
        index = max(0, min(index, len(self.offsets) - 1))
        return self.offsets[index]

    def block_of(self, index: int) -> int:
        """Index of the block containing character ``index`` of ``text`` (-1 if none)."""
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            span = self.blocks[mid].span
            if index < span.start:
                hi = mid - 1
            elif index >= span.end:
                lo = mid + 1
            else:
                return mid
        return -1


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found, with where it is and what to do about it."""

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    excerpt: str = ""
    evidence: str = ""
    suggestion: str | None = None
    span: Span | None = None
    location: Location | None = None
    weight: float = 1.0
    fingerprint: str = ""

    @property
    def line(self) -> int | None:
        """1-based start line, or None for a document-level finding."""
        return self.location.line if self.location else None

    def as_dict(self) -> dict[str, Any]:
        """Plain-dict view in the reporters' schema."""
        loc = self.location
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "end_line": loc.end_line if loc else None,
            "end_column": loc.end_column if loc else None,
            "excerpt": self.excerpt,
            "evidence": self.evidence,
            "suggestion": self.suggestion,
            "fingerprint": self.fingerprint,
        }
