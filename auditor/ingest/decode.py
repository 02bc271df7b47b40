"""Bytes to text: BOM, then declared charset (HTTP-equiv/meta/XML), then detection."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^<\?xml[^>]{0,100}encoding=["']([a-zA-Z0-9_.:-]{2,40})["']""")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding used, and how it was chosen."""

    text: str
    encoding: str
    method: str
    replaced: bool


def _declared(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` without ever raising.

    Order: a byte-order mark; then strict UTF-8 (most of the web, and a declaration that
    says otherwise is often wrong about bytes that are valid UTF-8); then the declared
    charset; then charset-normalizer's detection; finally UTF-8 with replacement characters,
    recorded in ``replaced``.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(name, errors="replace")
            return Decoded(text, name, "bom", "\ufffd" in text)
    declared = _declared(data)
    text = _try(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8", False)
    if declared and declared not in ("utf-8",):
        text = _try(data, declared)
        if text is not None:
            return Decoded(text, declared, "declared", False)
    detected = _detect(data)
    if detected:
        text = _try(data, detected)
        if text is not None:
            return Decoded(text, detected, "detected", False)
    text = data.decode(declared or "utf-8", errors="replace")
    return Decoded(text, declared or "utf-8", "replaced", True)


_LATIN_FAMILY = ("mac_", "cp125", "cp775", "cp850", "cp437", "hp_roman8", "iso8859_1", "iso8859_2",
                 "iso8859_15", "latin_1", "ascii")


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess, with windows-1252 preferred among Latin look-alikes.

    Undeclared legacy Western pages are windows-1252 far more often than the Mac or DOS code
    pages that decode the same bytes with equal confidence (it is the WHATWG default).
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    if best.encoding.startswith(_LATIN_FAMILY) and _try(data, "cp1252") is not None:
        return "cp1252"
    return best.encoding
