"""HTML to Document with BeautifulSoup and lxml: blocks, regions, links and metadata."""
from __future__ import annotations

import json
import re
import warnings as _warnings
from typing import Any

import numpy as np
from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.element import CData, Declaration, ProcessingInstruction

from auditor.normalize.assemble import RawBlock, assemble
from auditor.normalize.boilerplate import is_boilerplate_line
from auditor.normalize.html_regions import RegionJudge, in_main_text, main_text_keys
from auditor.normalize.limits import Limits
from auditor.normalize.positions import blank, blank_text, decode_entities
from auditor.records import Document

DROP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object", "canvas", "math"})
BLOCK_KINDS = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "p": "paragraph", "li": "list_item", "dt": "list_item", "dd": "list_item",
    "td": "table_cell", "th": "table_cell", "blockquote": "quote", "button": "button",
    "label": "label", "caption": "caption", "figcaption": "caption", "pre": "code",
    "summary": "heading", "legend": "label", "option": "other", "select": "other",
}
CONTAINERS = frozenset({
    "html", "body", "div", "section", "article", "main", "header", "footer", "nav", "aside",
    "form", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "figure", "address",
    "fieldset", "details", "hgroup", "center", "dialog", "menu", "frameset", "noframes",
})
EXTRACTION_LIMIT = 3_000_000
_BUTTON_CLASS = re.compile(r"(?:^|[-_])(?:btn|button|cta)(?:[-_]|$)", re.IGNORECASE)
_SKIP_STRINGS = (Comment, Doctype, CData, ProcessingInstruction, Declaration)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_RAW_DROP = re.compile(r"<(script|style|noscript|template|svg|title)\b", re.IGNORECASE)


_HEAVY = re.compile(r"<(svg|style|noscript|template)\b[^>]*>", re.IGNORECASE)


def without_invisible(text: str) -> str:
    """``text`` with the insides of svg, style, noscript and template elements removed.

    They are dropped anyway; parsing thousands of SVG path nodes only to discard them is
    wasted work.
    """
    lowered = text.lower()
    pieces = []
    cursor = 0
    for match in _HEAVY.finditer(text):
        if match.start() < cursor:
            continue
        close = lowered.find("</" + match.group(1).lower(), match.end())
        if close < 0:
            break
        pieces.append(text[cursor:match.end()])
        cursor = close
    pieces.append(text[cursor:])
    return "".join(pieces)


def visible_html(text: str) -> str:
    """The source with tags, comments and invisible elements blanked, entities decoded."""
    out = re.sub(r"<!--.*?(?:-->|$)", blank, text, flags=re.DOTALL)
    pieces = []
    cursor = 0
    lowered = out.lower()
    for match in _RAW_DROP.finditer(out):
        if match.start() < cursor:
            continue
        close = lowered.find("</" + match.group(1).lower(), match.end())
        end = len(out) if close < 0 else lowered.find(">", close) + 1 or len(out)
        pieces.append(out[cursor:match.start()])
        pieces.append(blank_text(out[match.start():end]))
        cursor = end
    pieces.append(out[cursor:])
    out = "".join(pieces)
    return decode_entities(_blank_tags(out))


def _blank_tags(text: str) -> str:
    """``text`` with every tag (``<`` + letter, ``/``, ``!`` or ``?`` up to ``>``) blanked.

    Vectorised because a page has hundreds of tags and a callback per tag was a tenth of
    the normalizer's time. Newlines inside tags are kept so line numbers stay true.
    """
    if "<" not in text:
        return text
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    opens = np.flatnonzero(codes[:-1] == 60)  # "<"
    after = codes[opens + 1]
    lower = after | 32  # ASCII letters folded to lower case
    starts = opens[np.isin(after, (47, 33, 63)) | ((lower >= 97) & (lower <= 122))]  # / ! ? or a letter
    closes = np.flatnonzero(codes == 62)  # ">"
    found = np.searchsorted(closes, starts)
    ends = np.full(len(starts), len(codes), dtype=np.int64)
    has_close = found < len(closes)
    ends[has_close] = closes[found[has_close]] + 1
    depth = np.cumsum(np.bincount(starts, minlength=len(codes) + 1) - np.bincount(ends, minlength=len(codes) + 1))
    codes[(depth[:-1] > 0) & (codes != 10)] = 32
    return codes.tobytes().decode("utf-32-le", "surrogatepass")


_ROOT_STATE: tuple[Tag | None, Tag | None, bool] = (None, None, False)


def _enter(tag: Tag, outer: tuple[Tag | None, Tag | None, bool]) -> tuple[Tag | None, Tag | None, bool]:
    """The context text directly inside ``tag`` has: its block, its link, whether it is hidden.

    Text belongs to its nearest block or container element; only a dropped or hidden element
    between the text and that block hides it, and only a link below the block is its link.
    """
    name = tag.name
    if name in DROP_TAGS:
        return None, None, True
    block, link, dropped = outer
    if name == "a":
        classes = tag.get("class")
        if isinstance(classes, str) and any(_BUTTON_CLASS.search(t) for t in classes.split()):
            return tag, tag, False
        link = tag
    elif name in BLOCK_KINDS or name in CONTAINERS:
        return tag, None, False
    style = tag.get("style")
    if isinstance(style, str) and _HIDDEN.search(style):
        return None, None, True
    return block, link, dropped


def _kind(tag: Tag) -> tuple[str, int]:
    name = tag.name
    if name == "a":
        return "button", 0
    kind = BLOCK_KINDS.get(name, "paragraph")
    level = int(name[1]) if kind == "heading" and name[0] == "h" and name[1:].isdigit() else 0
    return kind, level


def _blocks(soup: BeautifulSoup, keys: tuple[set[str], str] | None, head: _HeadTags | None = None) -> list[RawBlock]:
    # With a main-text extraction to lean on, class names add more errors than they fix.
    judge = RegionJudge(use_classes=keys is None)
    blocks: list[RawBlock] = []
    current: Tag | None = None
    strings: list[str] = []
    links: list[tuple[str, str]] = []
    seen_links: set[int] = set()
    undecided: set[int] = set()

    def flush() -> None:
        if current is None:
            return
        text = " ".join("".join(strings).split())
        if text:
            kind, level = _kind(current)
            boiler, _ = judge.judge(current)
            if keys is not None and not boiler:
                boiler = not in_main_text(text, keys)
                if boiler and len("".join(text.split())) < 10:
                    undecided.add(len(blocks))
            boiler = boiler or is_boilerplate_line(text)
            blocks.append(RawBlock(kind, text, boiler, level, current.name, list(links)))

    states: dict[int, tuple[Tag | None, Tag | None, bool]] = {}
    for node in soup.descendants:
        if isinstance(node, Tag):
            # Parents come before their children, so the parent's context is always known.
            states[id(node)] = _enter(node, states.get(id(node.parent), _ROOT_STATE))
            if head is not None and node.name in _HeadTags.NAMES:
                head.add(node)
            if node.name == "br" and current is not None:
                strings.append(" ")
            elif node.name == "input" and str(node.get("type", "")).lower() in ("submit", "button"):
                value = node.get("value")
                if isinstance(value, str) and value.strip():
                    flush()
                    current, strings, links = node, [value], []
                    flush()
                    current, strings, links = None, [], []
            continue
        if isinstance(node, _SKIP_STRINGS) or not isinstance(node, NavigableString):
            continue
        element, link, dropped = states.get(id(node.parent), _ROOT_STATE)
        if dropped or element is None:
            continue
        if element is not current:
            flush()
            current, strings, links = element, [], []
        strings.append(str(node))
        if link is not None and id(link) not in seen_links:
            href = link.get("href")
            if isinstance(href, str) and href.strip():
                seen_links.add(id(link))
                links.append((href.strip(), link.get_text(" ")))
    flush()
    _settle_short_blocks(blocks, undecided)
    return blocks


def _settle_short_blocks(blocks: list[RawBlock], undecided: set[int]) -> None:
    """Short blocks too small to match the extraction take their neighbours' region.

    A table cell "Adults" between two main-text blocks is main text; a lone "Home" among
    menu items stays boilerplate.
    """
    for index in sorted(undecided):
        before = next((not blocks[i].boilerplate for i in range(index - 1, -1, -1) if i not in undecided), False)
        after = next((not blocks[i].boilerplate for i in range(index + 1, len(blocks)) if i not in undecided), False)
        if before and after and not is_boilerplate_line(blocks[index].text):
            blocks[index].boilerplate = False


class _HeadTags:
    """The tags metadata comes from, collected in one pass over the tree."""

    NAMES = frozenset({"meta", "link", "title", "h1", "time", "script", "a", "html"})

    def __init__(self) -> None:
        self.meta: dict[str, str] = {}
        self.first: dict[str, Tag] = {}
        self.jsonld: list[str] = []
        self.rel: dict[str, Tag] = {}

    def add(self, tag: Tag) -> None:
        """Record ``tag`` if metadata can come from it (called during the block walk)."""
        name = tag.name
        if name not in self.NAMES:
            return
        if name == "meta":
            content = tag.get("content")
            if isinstance(content, str) and content.strip():
                for attr in ("property", "name", "itemprop"):
                    key = tag.get(attr)
                    if isinstance(key, str):
                        self.meta.setdefault(key.lower(), " ".join(content.split()))
        elif name == "script":
            if str(tag.get("type", "")).lower() == "application/ld+json":
                self.jsonld.append(tag.string or "")
        elif name in ("link", "a"):
            rel = tag.get("rel")
            for value in rel.split() if isinstance(rel, str) else []:
                self.rel.setdefault(value.lower(), tag)
        else:
            self.first.setdefault(name, tag)

    def get(self, *names: str) -> str | None:
        """The first non-empty meta content among ``names``."""
        for name in names:
            if name.lower() in self.meta:
                return self.meta[name.lower()]
        return None

    def text(self, name: str) -> str | None:
        """Text of the first ``name`` tag, whitespace collapsed."""
        tag = self.first.get(name)
        return " ".join(tag.get_text(" ").split()) or None if tag is not None else None


def _jsonld(scripts: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    items: list[dict[str, Any]] = []
    warnings = []
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            warnings.append("invalid JSON-LD ignored")
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return items, warnings


def _name_of(value: Any) -> str | None:
    if isinstance(value, list) and value:
        names = [n for n in (_name_of(v) for v in value) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _metadata(head: _HeadTags) -> tuple[dict[str, str | None], tuple[str, ...], list[str]]:
    items, warnings = _jsonld(head.jsonld)
    types: list[str] = []
    ld: dict[str, str | None] = {}
    for item in items:
        kind = item.get("@type")
        types.extend(kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else [])
        for key, field in (("author", "author"), ("reviewedBy", "reviewed_by"), ("publisher", "publisher")):
            if not ld.get(field):
                ld[field] = _name_of(item.get(key))
        for key, field in (("datePublished", "published"), ("dateModified", "updated"), ("headline", "title")):
            if not ld.get(field) and isinstance(item.get(key), str):
                ld[field] = item[key]
    canonical = head.rel.get("canonical")
    rel_author = head.rel.get("author")
    html_tag = head.first.get("html")
    time_tag = head.first.get("time")
    meta: dict[str, str | None] = {
        "title": head.get("og:title", "twitter:title") or ld.get("title") or head.text("h1") or head.text("title"),
        "author": head.get("author", "article:author", "citation_author", "dc.creator", "parsely-author")
        or ld.get("author") or (" ".join(rel_author.get_text(" ").split()) or None if rel_author else None),
        "published": head.get("article:published_time", "datepublished", "date", "pubdate", "publish-date",
                              "citation_publication_date", "dc.date", "dc.date.issued")
        or ld.get("published")
        or (str(time_tag.get("datetime") or time_tag.get_text(" ")).strip() or None if time_tag else None),
        "updated": head.get("article:modified_time", "og:updated_time", "datemodified", "last-modified")
        or ld.get("updated"),
        "reviewed_by": ld.get("reviewed_by"),
        "publisher": head.get("og:site_name", "publisher", "application-name") or ld.get("publisher"),
        "canonical_url": (str(canonical.get("href") or "") or None if canonical else None) or head.get("og:url"),
        "description": head.get("description", "og:description"),
        "declared_language": (str(html_tag.get("lang") or "") or None) if html_tag else None,
    }
    if meta["author"] and meta["author"].lower().startswith("http"):
        meta["author"] = None
    return meta, tuple(t for t in types if t), warnings


def normalize_html(source: str, text: str, encoding: str = "utf-8", warnings: tuple[str, ...] = (),
                   limits: Limits | None = None) -> Document:
    """Parse ``text`` as HTML into a Document."""
    lighter = without_invisible(text)
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        # Attribute values stay plain strings: splitting every class list costs more than
        # the few places that need tokens.
        soup = BeautifulSoup(lighter, "lxml", multi_valued_attributes=None)
    head = _HeadTags()
    # Past a few megabytes the extraction costs more than it earns; structure decides alone.
    keys = main_text_keys(lighter) if len(lighter) <= EXTRACTION_LIMIT else None
    raw = _blocks(soup, keys, head)  # the walk also collects the tags metadata comes from
    meta, types, meta_warnings = _metadata(head)
    if keys is not None and raw and not any(not b.boilerplate for b in raw):
        # trafilatura kept text we could not match: let structure decide instead.
        raw = _blocks(soup, None)
    return assemble(source, "html", text, visible_html(text), raw, meta, encoding,
                    warnings + tuple(meta_warnings), types, limits)
