"""HTML to Document: blocks, regions, links and metadata from one lxml parse.

The tree is walked directly with lxml: building a BeautifulSoup tree of the same page cost
about 13 ms of a 35 ms page (over a third of the normalizer's time), walking lxml's costs
about 2 ms, and both see the same libxml2 parse.
"""
from __future__ import annotations

import json
import re
import threading
from typing import Any, NamedTuple

import lxml.html
import numpy as np
from lxml import etree

from auditor.normalize.assemble import RawBlock, assemble
from auditor.normalize.boilerplate import is_boilerplate_line
from auditor.normalize.html_regions import in_main_text, main_text_keys, structural_boilerplate
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
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_RAW_DROP = re.compile(r"<(script|style|noscript|template|svg|title)\b", re.IGNORECASE)


_ROOT_END_TAG = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
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
    if not len(starts):
        return text
    closes = np.flatnonzero(codes == 62)  # ">"
    found = np.searchsorted(closes, starts)
    ends = np.full(len(starts), len(codes), dtype=np.int64)
    has_close = found < len(closes)
    ends[has_close] = closes[found[has_close]] + 1
    # A tag runs to the first ">" after its "<", so ends never decrease as starts increase and
    # overlapping tags ("<a <b> c>") merge with their neighbours: mark where each merged run
    # opens and closes, and a running sum says what is inside a tag.
    opens_run = np.ones(len(starts), dtype=bool)
    opens_run[1:] = starts[1:] >= ends[:-1]
    closes_run = np.ones(len(starts), dtype=bool)
    closes_run[:-1] = opens_run[1:]
    edges = np.zeros(len(codes) + 1, dtype=np.int8)
    edges[starts[opens_run]] += 1
    edges[ends[closes_run]] -= 1
    inside = np.cumsum(edges[:-1], dtype=np.int8).astype(bool)
    codes[inside & (codes != 10)] = 32
    return codes.tobytes().decode("utf-32-le", "surrogatepass")


class _Context(NamedTuple):
    """What text at a point of the tree belongs to."""

    block: Any  # the nearest block or container element
    link: Any  # the nearest link below that block
    hidden: bool
    block_boiler: bool  # the block's own structural verdict
    boiler: bool  # the structural verdict at this point
    article: bool  # inside article/main


_ROOT = _Context(None, None, False, False, False, False)


def _enter(element: Any, name: str, outer: _Context, use_classes: bool) -> _Context:
    """The context of the text directly inside ``element``, given its parent's.

    Text belongs to its nearest block or container element; only a dropped or hidden element
    between the text and that block hides it, and only a link below the block is its link.
    Structural boilerplate (nav, footer, "sidebar" classes...) is inherited downwards.
    """
    block, link, hidden, block_boiler, boiler, article = outer
    article = article or name in ("article", "main") or element.get("role") == "main"
    boiler = boiler or structural_boilerplate(element, name, article and name not in ("article", "main"), use_classes)
    if name in DROP_TAGS:
        return _Context(None, None, True, False, boiler, article)
    if name == "a":
        classes = element.get("class")
        if classes and any(_BUTTON_CLASS.search(t) for t in classes.split()):
            return _Context(element, element, False, boiler, boiler, article)
        link = element
    elif name in BLOCK_KINDS or name in CONTAINERS:
        return _Context(element, None, False, boiler, boiler, article)
    style = element.get("style")
    if style and _HIDDEN.search(style):
        return _Context(None, None, True, False, boiler, article)
    return _Context(block, link, hidden, block_boiler, boiler, article)


def _text_of(element: Any) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _kind(name: str) -> tuple[str, int]:
    if name == "a":
        return "button", 0
    kind = BLOCK_KINDS.get(name, "paragraph")
    level = int(name[1]) if kind == "heading" and name[0] == "h" and name[1:].isdigit() else 0
    return kind, level


def _blocks(root: Any, keys: tuple[set[str], str] | None, head: _HeadTags | None = None) -> list[RawBlock]:
    """The page's text blocks in document order, each with its region decided."""
    # With a main-text extraction to lean on, class names add more errors than they fix.
    use_classes = keys is None
    blocks: list[RawBlock] = []
    current: Any = None
    current_boiler = False
    strings: list[str] = []
    links: list[tuple[str, str]] = []
    seen_links: set[Any] = set()  # elements, kept alive so lxml's proxies stay the same objects
    undecided: set[int] = set()

    def flush() -> None:
        if current is None:
            return
        text = " ".join("".join(strings).split())
        if text:
            kind, level = _kind(current.tag)
            boiler = current_boiler
            if keys is not None and not boiler:
                boiler = not in_main_text(text, keys)
                if boiler and len("".join(text.split())) < 10:
                    undecided.add(len(blocks))
            boiler = boiler or is_boilerplate_line(text)
            blocks.append(RawBlock(kind, text, boiler, level, current.tag, list(links)))

    def add_text(text: str, context: _Context) -> None:
        nonlocal current, current_boiler, strings, links
        if context.hidden or context.block is None:
            return
        if context.block is not current:
            flush()
            current, current_boiler, strings, links = context.block, context.block_boiler, [], []
        strings.append(text)
        link = context.link
        if link is not None and link not in seen_links:
            href = link.get("href")
            if href and href.strip():
                seen_links.add(link)
                links.append((href.strip(), " ".join(link.itertext())))

    # One pass of start/end events: an element's text belongs to it, its tail to its parent.
    stack: list[_Context] = [_ROOT]
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            stack.pop()
            if element.tail:
                add_text(element.tail, stack[-1])
            continue
        name = element.tag
        if not isinstance(name, str):  # a comment or processing instruction
            stack.append(stack[-1])
            continue
        context = _enter(element, name, stack[-1], use_classes)
        stack.append(context)
        if head is not None and name in _HeadTags.NAMES:
            head.add(element, name)
        if name == "br" and current is not None:
            strings.append(" ")
        elif name == "input" and (element.get("type") or "").lower() in ("submit", "button"):
            value = element.get("value")
            if value and value.strip():
                flush()
                current, current_boiler, strings, links = element, context.boiler, [value], []
                flush()
                current, strings, links = None, [], []
        if element.text:
            add_text(element.text, context)
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
        self.first: dict[str, Any] = {}
        self.jsonld: list[str] = []
        self.rel: dict[str, Any] = {}

    def add(self, tag: Any, name: str) -> None:
        """Record element ``tag`` (named ``name``, one of ``NAMES``) for metadata."""
        if name == "meta":
            content = tag.get("content")
            if isinstance(content, str) and content.strip():
                for attr in ("property", "name", "itemprop"):
                    key = tag.get(attr)
                    if isinstance(key, str):
                        self.meta.setdefault(key.lower(), " ".join(content.split()))
        elif name == "script":
            if (tag.get("type") or "").lower() == "application/ld+json":
                self.jsonld.append(tag.text or "")
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
        return _text_of(tag) or None if tag is not None else None


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
        or ld.get("author") or (_text_of(rel_author) or None if rel_author is not None else None),
        "published": head.get("article:published_time", "datepublished", "date", "pubdate", "publish-date",
                              "citation_publication_date", "dc.date", "dc.date.issued")
        or ld.get("published")
        or ((time_tag.get("datetime") or _text_of(time_tag)).strip() or None if time_tag is not None else None),
        "updated": head.get("article:modified_time", "og:updated_time", "datemodified", "last-modified")
        or ld.get("updated"),
        "reviewed_by": ld.get("reviewed_by"),
        "publisher": head.get("og:site_name", "publisher", "application-name") or ld.get("publisher"),
        "canonical_url": (canonical.get("href") or None if canonical is not None else None) or head.get("og:url"),
        "description": head.get("description", "og:description"),
        "declared_language": (html_tag.get("lang") or None) if html_tag is not None else None,
    }
    if meta["author"] and meta["author"].lower().startswith("http"):
        meta["author"] = None
    return meta, tuple(t for t in types if t), warnings


_LOCAL = threading.local()  # one parser per thread: its error log is read after each parse


def _parser() -> Any:
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        # Comments and processing instructions carry no text.
        parser = _LOCAL.parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False,
                                                      encoding="utf-8")
    return parser


def parse_html(text: str) -> Any:
    """The lxml tree of ``text``, or None when there is no document in it."""
    data = text.encode("utf-8", "replace")
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):  # "Document is empty"
        return None
    if any("Excessive depth" in error.message for error in parser.error_log):
        # libxml2 stops building the tree past 256 levels and the rest of the page would be
        # lost; build it from parser events instead, flattening the excess nesting.
        return etree.fromstring(data, etree.HTMLParser(target=_FlatteningTarget(), encoding="utf-8"))
    return root


class _FlatteningTarget:
    """Parser target that builds a tree no deeper than ``max_depth`` elements."""

    def __init__(self, max_depth: int = 200) -> None:
        self._builder = etree.TreeBuilder()
        self._kept: list[bool] = []
        self._depth = 0
        self._max_depth = max_depth

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        keep = self._depth < self._max_depth
        self._kept.append(keep)
        if keep:
            self._depth += 1
            self._builder.start(tag, dict(attrib))

    def end(self, tag: str) -> None:
        if self._kept and self._kept.pop():
            self._depth -= 1
            self._builder.end(tag)

    def data(self, text: str) -> None:
        self._builder.data(text)

    def close(self) -> Any:
        return self._builder.close()


def normalize_html(source: str, text: str, encoding: str = "utf-8", warnings: tuple[str, ...] = (),
                   limits: Limits | None = None) -> Document:
    """Parse ``text`` as HTML into a Document."""
    # libxml2 drops everything after an early </html> (seen on real pages); both end tags
    # are optional, so removing them loses nothing.
    lighter = _ROOT_END_TAG.sub("", without_invisible(text))
    root = parse_html(lighter)
    head = _HeadTags()
    # Past a few megabytes the extraction costs more than it earns; structure decides alone.
    keys = None
    if len(lighter) <= EXTRACTION_LIMIT:
        # The flattened tree of a too-deep page is not an lxml.html tree; trafilatura parses that one itself.
        keys = main_text_keys(lighter, root if isinstance(root, lxml.html.HtmlElement) else None)
    raw = _blocks(root, keys, head) if root is not None else []  # also collects the metadata tags
    meta, types, meta_warnings = _metadata(head)
    if keys is not None and raw and not any(not b.boilerplate for b in raw):
        # trafilatura kept text we could not match: let structure decide instead.
        raw = _blocks(root, None)
    return assemble(source, "html", text, visible_html(text), raw, meta, encoding,
                    warnings + tuple(meta_warnings), types, limits)
