"""Deciding whether an HTML block is main text or boilerplate.

Two signals: the page's structure (nav, footer, aside, forms, and class/id names such as
"comment", "newsletter", "related"), and trafilatura's main-text extraction, which measured
here at about 0.96 F1 on real pages. A block is main when trafilatura kept its text and no
structural container marks it as boilerplate; when trafilatura finds nothing, structure alone
decides.
"""
from __future__ import annotations

import re
from typing import Any

BOILERPLATE_TAGS = frozenset({"nav", "footer", "aside", "form", "dialog", "menu"})
BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"})
_NEVER_BY_CLASS = frozenset({"html", "body", "main", "article"})
BOILERPLATE_CLASS = re.compile(
    r"^(?:nav|navbar|navigation|menu|menus|main-menu|site-header|masthead|site-footer|footer|"
    r"sidebar|side-bar|widget|widgets|widget-area|cookie|cookies|cookie-banner|consent|gdpr|"
    r"newsletter|subscribe|subscription|signup|sign-up|optin|opt-in|comments?|comment-list|"
    r"comment-respond|respond|commentlist|disqus|related|related-posts|related-articles|"
    r"yarpp|jp-relatedposts|share|sharing|share-buttons|sharedaddy|social|social-share|"
    r"social-links|breadcrumbs?|pagination|pager|ad|ads|advert|advertisement|adsbygoogle|"
    r"sponsored|promo|popup|modal|banner|topbar|top-bar|toolbar|skip-link|author-box|"
    r"post-navigation|nav-links|tags|tag-cloud|categories|meta-nav|read-more|recommended|"
    r"trending|most-popular|outbrain|taboola)$"
    r"|(?:^|[-_])(?:sidebar|newsletter|cookie|comments?|related|share|social|breadcrumb|"
    r"navigation|footer|advert|subscribe)(?:[-_]|$)",
    re.IGNORECASE,
)


def _attr_tokens(element: Any) -> list[str]:
    tokens = (element.get("class") or "").split()
    ident = element.get("id")
    if ident:
        tokens.append(ident)
    return tokens


def structural_boilerplate(element: Any, name: str, inside_article: bool, use_classes: bool = True) -> bool:
    """True when ``element`` (tag ``name``) itself marks its content as boilerplate."""
    if name in BOILERPLATE_TAGS:
        return True
    if name == "header" and not inside_article:
        return True
    role = element.get("role")
    if role and role.lower() in BOILERPLATE_ROLES:
        return True
    if use_classes and name not in _NEVER_BY_CLASS:
        return any(BOILERPLATE_CLASS.search(token) for token in _attr_tokens(element))
    return False


def main_text_keys(html: str, tree: Any = None) -> tuple[set[str], str] | None:
    """Whitespace-free lines and text of trafilatura's main-text extraction, or None.

    ``tree``, when given, is our parse of ``html``, which saves trafilatura parsing the page
    again (about 1.4 ms of a typical page). trafilatura prunes a copy of a tree it is handed,
    never the tree itself; a test holds it to that.
    """
    # A core dependency: if it cannot be imported the install is broken, and deciding regions
    # from structure alone would hide that behind worse results.
    import trafilatura

    try:
        extracted = trafilatura.extract(
            html if tree is None else tree, fast=True, include_comments=False, include_tables=True, include_links=False,
            include_images=False, include_formatting=False, deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - a failed extraction falls back to structure
        return None
    if not extracted or len(extracted) < 80:
        return None
    lines = {"".join(line.split()) for line in extracted.splitlines()}
    lines.discard("")
    return lines, "".join(extracted.split())


def in_main_text(text: str, keys: tuple[set[str], str]) -> bool:
    """True when block ``text`` is part of the extracted main text."""
    lines, whole = keys
    key = "".join(text.split())
    if not key:
        return False
    if key in lines:
        return True
    if len(key) < 10:
        return False
    if key in whole:
        return True
    # A long block that trafilatura split or trimmed differently: count its pieces.
    words = text.split()
    if len(words) < 10:
        return False
    pieces = ["".join(words[i:i + 5]) for i in range(0, len(words) - 4, 5)]
    found = sum(1 for piece in pieces if piece in whole)
    return found / len(pieces) >= 0.5
