"""Format detection: by file extension first, then by sniffing the content."""
from __future__ import annotations

import re

FORMATS = ("html", "markdown", "text")
_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".txt": "text", ".text": "text",
}
_HTML_SNIFF = re.compile(
    r"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<!doctype html)", re.IGNORECASE
)
_HTML_TAGS = re.compile(r"</?(p|div|span|a|h[1-6]|ul|li|table|article|section|br)\b[^>]*>", re.IGNORECASE)
_MD_SIGNS = re.compile(
    r"^(#{1,6} \S|[-*+] \S|\d+\. \S|> \S|```|---\s*$)|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*",
    re.MULTILINE,
)


def format_from_name(name: str) -> str | None:
    """The format implied by a file name's extension, or None."""
    lowered = name.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lowered.endswith(ext):
            return fmt
    return None


def detect_format(text: str, name: str = "") -> str:
    """Return ``"html"``, ``"markdown"`` or ``"text"`` for ``text``.

    The extension decides when it is known; otherwise the first few kilobytes are sniffed:
    a doctype or html/body tag, or several block tags, mean HTML; Markdown syntax on
    several lines means Markdown.
    """
    by_name = format_from_name(name)
    if by_name:
        return by_name
    head = text[:8192]
    if _HTML_SNIFF.search(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    if len(_MD_SIGNS.findall(head)) >= 2 or re.match(r"\s*(?:---\n|#{1,6} \S)", head):
        return "markdown"
    return "text"
