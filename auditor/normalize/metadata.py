"""Metadata found in text: bylines, credentials, dates, reviewers. Shared by every format."""
from __future__ import annotations

import re

CREDENTIALS = (
    "MD", "M.D.", "DO", "D.O.", "PhD", "Ph.D.", "RN", "NP", "PA-C", "PharmD", "RD", "RDN",
    "MPH", "MSc", "MS", "DNP", "FNP", "APRN", "MBBS", "FRCP", "DDS", "DMD", "DC", "LCSW",
    "PsyD", "LPC", "CNM", "BSN", "MSN", "FACP", "FAAP",
)
_CRED = "|".join(re.escape(c) for c in sorted(CREDENTIALS, key=len, reverse=True))
_NAME = r"[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]+){0,3}"
BYLINE = re.compile(
    rf"^(?:written\s+)?by[:\s]+(?P<name>{_NAME})(?P<cred>(?:,?\s*(?:{_CRED}))+)?\b", re.IGNORECASE
)
REVIEWER = re.compile(
    rf"(?:medically|clinically|fact[- ]checked and)?\s*(?:reviewed|fact[- ]checked)\s+by[:\s]+"
    rf"(?P<name>{_NAME})(?P<cred>(?:,?\s*(?:{_CRED}))+)?",
    re.IGNORECASE,
)
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\.?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})\b"
)
UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|modified|reviewed)(?:\s+on)?[:\s]", re.IGNORECASE)
PUBLISHED = re.compile(r"\b(?:published|posted|date)(?:\s+on)?[:\s]", re.IGNORECASE)


def find_text_metadata(lines: list[str], limit: int = 40) -> dict[str, str]:
    """Byline, credentials, reviewer and dates stated in the first ``limit`` lines."""
    found: dict[str, str] = {}
    for line in lines[:limit]:
        text = line.strip()
        if len(text) > 300:
            continue
        byline = BYLINE.match(text)
        if byline and "author" not in found:
            found["author"] = byline.group("name").strip()
            if byline.group("cred"):
                found["author_credentials"] = byline.group("cred").strip(" ,")
        reviewer = REVIEWER.search(text)
        if reviewer and "reviewed_by" not in found:
            found["reviewed_by"] = reviewer.group("name").strip()
        date = DATE.search(text)
        if date:
            if UPDATED.search(text) and "updated" not in found:
                found["updated"] = date.group()
            elif "published" not in found and (PUBLISHED.search(text) or byline or len(text) < 60):
                found["published"] = date.group()
    if "published" not in found:
        # A dateline: "WASHINGTON, March 4, 2026 -- ..." in the first lines.
        for line in lines[:3]:
            date = DATE.search(line[:120])
            if date and re.search(r"(?:--|—|–| - )", line[date.end():date.end() + 6]):
                found["published"] = date.group()
                break
    for line in lines[limit:]:
        if "updated" not in found and len(line) < 200 and UPDATED.search(line):
            date = DATE.search(line)
            if date:
                found["updated"] = date.group()
    return found
