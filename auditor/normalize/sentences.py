"""Sentence splitting that survives abbreviations, initials, decimals and list items."""
from __future__ import annotations

import re

# Lower-cased tokens that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """
    dr mr mrs ms mx prof sr jr st mt ft vs etc e.g i.e eg ie al cf approx appt apt dept est
    fig figs inc ltd co corp no nos vol vols ed eds p pp para ref refs jan feb mar apr jun jul
    aug sep sept oct nov dec mon tue wed thu fri sat sun u.s u.k u.s.a ph.d m.d d.o r.n b.sc
    m.sc mg mcg kg ml approx. min max avg ca c ibid op viz no. tel ext dept univ assn assoc
    gen gov rev hon sgt capt lt col cmdr adm
    """.split()
)
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+|$)""")
_NEXT_START = re.compile(r"""\s+(["'“‘(\[]?[A-Z0-9¿¡À-ÖØ-Þ])""")


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period ending at ``end`` closes an abbreviation or an initial."""
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([\"'“":
        start -= 1
    token = text[start:end].rstrip(".").lower()
    if not token:
        return False
    if token in ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "J. Smith"
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))  # "u.s", "e.g", "ph.d"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return ``(start, end)`` character spans.

    A boundary is terminal punctuation followed by whitespace and an upper-case letter,
    digit or opening quote, unless the punctuation closes an abbreviation ("Dr.", "e.g.",
    "U.S.", "et al.") or an initial. Decimals ("2.5 mg") and ranges ("60-80%") never
    contain a boundary because no whitespace follows their punctuation.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start < length and text[start].isspace():
        start += 1
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end <= start:
            continue
        follower = _NEXT_START.match(text, end)
        if end < length and not follower:
            continue
        punct = match.group()
        if punct.rstrip("\"'”’)]").endswith(".") and _is_abbreviation(text, match.start() + len(punct.rstrip("\"'”’)]"))):
            continue
        spans.append((start, end))
        start = follower.start(1) if follower else length
    tail = text[start:].rstrip()
    if tail:
        spans.append((start, start + len(tail)))
    return spans
