"""Markdown to Document with markdown-it-py: front matter, blocks with source lines, links."""
from __future__ import annotations

import re
from typing import Any

import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from markdown_it.token import Token

from auditor._compat import tomllib
from auditor.normalize.assemble import RawBlock, assemble
from auditor.normalize.boilerplate import mark_runs
from auditor.normalize.limits import Limits
from auditor.normalize.positions import blank, decode_entities
from auditor.records import Document

_FRONT = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.DOTALL)
_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
_MASKS = (
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"\]\([^)\n]*\)"),          # link destinations
    re.compile(r"\]\[[^\]\n]*\]"),         # reference links
    re.compile(r"^\s{0,3}\[[^\]\n]+\]:.*$", re.MULTILINE),  # link definitions
    re.compile(r"<[/!?a-zA-Z][^>\n]*>"),   # inline HTML and autolink brackets
    re.compile(r"^\s{0,3}#{1,6}(?=\s)", re.MULTILINE),
    re.compile(r"^\s*(?:>\s*)+", re.MULTILINE),
    re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?=\s)", re.MULTILINE),
    re.compile(r"[*`~|\\]|!?\[|(?<!\w)_+|_+(?!\w)"),
)
_KEY_MAP = {
    "title": "title", "author": "author", "authors": "author", "date": "published",
    "published": "published", "pubdate": "published", "updated": "updated",
    "lastmod": "updated", "last_modified": "updated", "modified": "updated",
    # A review date or a last edit tells the reader how current the page is.
    "reviewed": "updated", "last_reviewed": "updated", "last_edited": "updated", "edited": "updated",
    "reviewed_by": "reviewed_by", "reviewer": "reviewed_by", "medically_reviewed_by": "reviewed_by",
    "publisher": "publisher", "site": "publisher", "site_name": "publisher", "canonical": "canonical_url", "canonical_url": "canonical_url",
    "url": "canonical_url", "description": "description", "lang": "declared_language",
    "language": "declared_language",
}


def _front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    match = _FRONT.match(text)
    if not match:
        return {}, text, None
    body = match.group(2)
    warning = None
    data: Any = {}
    try:
        data = tomllib.loads(body) if match.group(1) == "+++" else yaml.safe_load(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        warning = f"front matter could not be parsed: {str(exc).splitlines()[0]}"
    if not isinstance(data, dict):
        data = {}
    blanked = re.sub(r"[^\n]", " ", match.group())
    return data, blanked + text[match.end():], warning


def _meta_from_front(data: dict[str, Any]) -> dict[str, str | None]:
    meta: dict[str, str | None] = {}
    for key, value in data.items():
        field = _KEY_MAP.get(str(key).lower().replace("-", "_"))
        if not field or value is None:
            continue
        if isinstance(value, list):
            value = ", ".join(str(v.get("name", v)) if isinstance(v, dict) else str(v) for v in value)
        elif isinstance(value, dict):
            value = value.get("name", "")
        meta.setdefault(field, str(value))
    return meta


def _inline(token: Token) -> tuple[str, list[tuple[str, str]]]:
    parts: list[str] = []
    links: list[tuple[str, str]] = []
    open_href: str | None = None
    anchor: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
            if open_href is not None:
                anchor.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "link_open":
            open_href = str(child.attrGet("href") or "")
            anchor = []
        elif child.type == "link_close" and open_href is not None:
            links.append((open_href, "".join(anchor)))
            open_href = None
        elif child.type == "html_inline":
            continue
    return " ".join("".join(parts).split()), links


def _blocks(tokens: list[Token]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    stack: list[str] = []
    for token in tokens:
        if token.nesting == 1:
            stack.append(token.type)
            continue
        if token.nesting == -1:
            if stack:
                stack.pop()
            continue
        if token.type == "inline":
            text, links = _inline(token)
            kind, level = "paragraph", 0
            if "heading_open" in stack:
                kind = "heading"
            elif "th_open" in stack or "td_open" in stack:
                kind = "table_cell"
            elif "list_item_open" in stack:
                kind = "list_item"
            elif "blockquote_open" in stack:
                kind = "quote"
            blocks.append(RawBlock(kind, text, False, level, kind, links))
        elif token.type in ("fence", "code_block"):
            blocks.append(RawBlock("code", " ".join(token.content.split()), False, 0, "pre"))
        elif token.type == "html_block":
            text = " ".join(BeautifulSoup(token.content, "lxml").get_text(" ").split())
            if text:
                blocks.append(RawBlock("paragraph", text, False, 0, "html"))
    return blocks


def _heading_levels(tokens: list[Token], blocks: list[RawBlock]) -> None:
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    for block in blocks:
        if block.kind == "heading" and levels:
            block.level = levels.pop(0)


def visible_markdown(text: str) -> str:
    """The source with Markdown syntax, HTML and link targets blanked, entities decoded."""
    for pattern in _MASKS:
        text = pattern.sub(blank, text)
    return decode_entities(text)


def normalize_markdown(source: str, text: str, encoding: str = "utf-8", warnings: tuple[str, ...] = (),
                       limits: Limits | None = None) -> Document:
    """Parse ``text`` as Markdown into a Document."""
    data, body, warning = _front_matter(text)
    tokens = _PARSER.parse(body)
    raw = _blocks(tokens)
    _heading_levels(tokens, raw)
    flags = mark_runs([b.text for b in raw], [b.kind == "heading" for b in raw])
    for block, flag in zip(raw, flags):
        block.boilerplate = flag
    meta = _meta_from_front(data)
    all_warnings = warnings + ((warning,) if warning else ())
    return assemble(source, "markdown", text, visible_markdown(body), raw, meta, encoding, all_warnings, limits=limits)
