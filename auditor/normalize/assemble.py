"""Turning the blocks a format parser found into one Document with positions."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from auditor.normalize.language import detect_language
from auditor.normalize.limits import Limits
from auditor.normalize.links import classify_link, host_of, urls_in_text
from auditor.normalize.metadata import find_text_metadata
from auditor.normalize.positions import Aligner, LineIndex
from auditor.normalize.sentences import split_sentences
from auditor.records import Block, Document, Link, Metadata, Sentence, Span

REFERENCE_HEADING = re.compile(
    r"^(?:\d+[.)]?\s*)?(references?|sources?|citations?|bibliography|works cited|literature|"
    r"further reading|notes and references|studies cited|scientific references)\s*:?$",
    re.IGNORECASE,
)
_SINGLE_SENTENCE_KINDS = frozenset({"heading", "button", "label", "caption"})


@dataclass
class RawBlock:
    """A block as a format parser sees it, before positions are known."""

    kind: str
    text: str
    boilerplate: bool = False
    level: int = 0
    tag: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)


def document_id(source: str, text: str) -> str:
    """A stable id: the source name plus a short hash of its content."""
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{source}#{digest}"


def _sections(raw: list[RawBlock]) -> list[str]:
    sections = []
    current = ""
    for block in raw:
        if block.kind == "heading":
            current = block.text
            sections.append(current)
        else:
            sections.append(current)
    return sections


def _chunks(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """A run-on "sentence" longer than ``limit`` characters, cut at spaces into bounded pieces."""
    out = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        out.append((start, cut))
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if end > start:
        out.append((start, end))
    return out


def _sentences(block: Block, index: int, limit: int) -> list[Sentence]:
    spans = [(0, len(block.text))] if block.kind in _SINGLE_SENTENCE_KINDS else split_sentences(block.text)
    out = []
    for raw_start, raw_end in spans:
        for start, end in _chunks(block.text, raw_start, raw_end, limit):
            span = Span(block.span.start + start, block.span.start + end)
            out.append(Sentence(block.text[start:end], span, index))
    return out


def _links(raw: list[RawBlock], blocks: list[Block], base_host: str | None) -> list[Link]:
    links = []
    for index, (rb, block) in enumerate(zip(raw, blocks)):
        cursor = 0
        for href, anchor in rb.links:
            span = None
            anchor = " ".join(anchor.split())
            pos = block.text.find(anchor, cursor) if anchor else -1
            if pos >= 0:
                span = Span(block.span.start + pos, block.span.start + pos + len(anchor))
                cursor = pos + len(anchor)
            links.append(Link(href, anchor, classify_link(href, base_host), index, span))
        if not rb.links:
            for start, end, href in urls_in_text(block.text):
                span = Span(block.span.start + start, block.span.start + end)
                links.append(Link(href, block.text[start:end], classify_link(href, base_host), index, span))
    return links


def _has_references(blocks: list[Block], links: list[Link]) -> bool:
    in_refs = [b for b in blocks if REFERENCE_HEADING.match(b.section) and b.kind != "heading"]
    if in_refs:
        return True
    citations = {link.href for link in links if link.kind == "citation"}
    return len(citations) >= 2


def assemble(
    source: str,
    fmt: str,
    source_text: str,
    visible: str,
    raw: list[RawBlock],
    meta: dict[str, str | None],
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
    jsonld_types: tuple[str, ...] = (),
    limits: Limits | None = None,
) -> Document:
    """Build a Document: join block texts, place them in the source, split sentences."""
    limits = limits or Limits()
    raw = [rb for rb in raw if rb.text]
    if len(raw) > limits.max_blocks:
        warnings += (f"document has {len(raw):,} blocks; only the first {limits.max_blocks:,} are audited",)
        raw = raw[: limits.max_blocks]
    aligner = Aligner(visible)
    lines = LineIndex(source_text)
    parts: list[str] = []
    offsets: list[int] = []
    blocks: list[Block] = []
    sections = _sections(raw)
    pos = 0
    last = 0
    for rb, section in zip(raw, sections):
        if parts:
            parts.append("\n\n")
            offsets.extend((last + 1, last + 1))
            pos += 2
        char_offsets = aligner.locate(rb.text, last)
        if char_offsets:
            last = char_offsets[-1]
        span = Span(pos, pos + len(rb.text))
        location = lines.location(char_offsets[0], char_offsets[-1] + 1)
        region = "boilerplate" if rb.boilerplate else "main"
        blocks.append(Block(rb.kind, region, rb.text, span, location, rb.level, section, rb.tag))
        parts.append(rb.text)
        offsets.extend(char_offsets)
        pos = span.end
    text = "".join(parts)
    sentences = [s for i, b in enumerate(blocks) for s in _sentences(b, i, limits.max_sentence_chars)]
    base_host = host_of(meta.get("canonical_url"))
    links = _links(raw, blocks, base_host)
    found = find_text_metadata([b.text for b in blocks])
    for key, value in found.items():
        if not meta.get(key):
            meta[key] = value
    main_text = " ".join(b.text for b in blocks if b.region == "main") or text
    language, _confidence = detect_language(main_text)
    metadata = Metadata(
        title=meta.get("title")
        or next((b.text for b in blocks if b.kind == "heading" and b.region == "main"), None)
        or next((b.text for b in blocks if b.kind == "heading"), None),
        author=meta.get("author"),
        author_credentials=meta.get("author_credentials"),
        published=meta.get("published"),
        updated=meta.get("updated"),
        reviewed_by=meta.get("reviewed_by"),
        publisher=meta.get("publisher"),
        canonical_url=meta.get("canonical_url"),
        description=meta.get("description"),
        language=language,
        declared_language=meta.get("declared_language"),
        jsonld_types=jsonld_types,
        has_references=_has_references(blocks, links),
    )
    return Document(
        id=document_id(source, source_text),
        source=source,
        format=fmt,
        text=text,
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        links=tuple(links),
        metadata=metadata,
        source_text=source_text,
        offsets=tuple(offsets),
        encoding=encoding,
        warnings=warnings,
    )
