"""Plain text (often a scraped page flattened to lines) to Document."""
from __future__ import annotations

import re

from auditor.normalize.assemble import RawBlock, assemble
from auditor.normalize.boilerplate import mark_runs
from auditor.normalize.limits import Limits
from auditor.records import Document

_LIST = re.compile(r"^\s*(?:[-*•·▪–]|\(?\d{1,3}[.)]|[a-z][.)])\s+")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S")
_DIRECTIVE = re.compile(r"^(?:#|//)?\s*auditor:\s*(?:disable|enable)")
_MINOR = frozenset("a an and as at but by for from in into nor of on or per the to vs via with".split())


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)]
    if not words:
        return False
    major = [w for w in words if w.lower() not in _MINOR]
    if not major:
        return False
    return sum(1 for w in major if w[0].isupper()) / len(major) >= 0.75


def looks_like_heading(line: str) -> bool:
    """Heading by shape: short, no final period, and title case, a question or numbered."""
    text = line.strip()
    words = text.split()
    if not words or len(words) > 14 or len(text) > 100:
        return False
    if text[-1] in ".,;" or text.endswith("…"):
        return False
    if text.endswith("?") and len(words) <= 12:
        return True
    if _NUMBERED_HEADING.match(text) and _title_case(text):
        return True
    return _title_case(text) or (text.isupper() and len(words) <= 8)


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, with hard-wrapped prose lines joined back together."""
    lines = text.splitlines()
    out: list[str] = []
    prev_blank = True
    for line in lines:
        stripped = line.strip()
        if _DIRECTIVE.match(stripped):
            continue  # inline suppressions are for the auditor, not part of the text
        if not stripped:
            prev_blank = True
            continue
        if (out and not prev_blank and stripped[0].islower() and out[-1][-1:] not in ".!?:;"
                and not _LIST.match(line) and len(out[-1]) > 40):
            out[-1] = out[-1] + " " + stripped
        else:
            out.append(stripped)
        prev_blank = False
    return out


def _block(line: str) -> RawBlock:
    text = " ".join(line.split())
    if looks_like_heading(text):
        return RawBlock("heading", text, level=2, tag="line")
    match = _LIST.match(text)
    if match:
        return RawBlock("list_item", text[match.end():].strip() or text, tag="line")
    return RawBlock("paragraph", text, tag="line")


def _mark_menus(raw: list[RawBlock], flags: list[bool], min_run: int = 3) -> None:
    """Runs of three or more one-to-three-word lines are menus flattened to text."""
    start = 0
    while start < len(raw):
        end = start
        while end < len(raw) and len(raw[end].text.split()) <= 3 and raw[end].text[-1:] not in ".!?":
            end += 1
        if end - start >= min_run:
            for i in range(start, end):
                flags[i] = True
        start = max(end, start + 1)


def normalize_text(source: str, text: str, encoding: str = "utf-8", warnings: tuple[str, ...] = (),
                   limits: Limits | None = None) -> Document:
    """Split plain ``text`` into blocks (headings by shape, list items, paragraphs)."""
    raw = [_block(p) for p in _paragraphs(text)]
    flags = mark_runs([b.text for b in raw], [b.kind == "heading" for b in raw])
    _mark_menus(raw, flags)
    for block, flag in zip(raw, flags):
        block.boilerplate = flag
    return assemble(source, "text", text, text, raw, {}, encoding, warnings, limits=limits)
