"""Metadata found in text: bylines, credentials, dates, reviewers. Shared by every format."""
from __future__ import annotations

import re

CREDENTIALS = (
    "MD", "M.D.", "DO", "D.O.", "PhD", "Ph.D.", "RN", "NP", "PA-C", "PharmD", "RD", "RDN",
    "MPH", "MSc", "MS", "DNP", "FNP", "APRN", "MBBS", "FRCP", "DDS", "DMD", "DC", "LCSW",
    "PsyD", "LPC", "CNM", "BSN", "MSN", "FACP", "FAAP", "OD", "DPT",
)
_CRED = "|".join(re.escape(c) for c in sorted(CREDENTIALS, key=len, reverse=True))
_NAME = r"[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]+){0,3}"
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
# Releases write months in capitals ("MARCH 12, 2024") and newsrooms as "11-MAR-2026".
_DATE = (
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\.?\s+\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}-{_MONTH}-\d{{4}})\b"
)
DATE = re.compile(_DATE, re.IGNORECASE)
# "By Jane Doe, RN", "Written by ...", "Answered by ..." opening a line or one of its
# " | " / " · " segments ("Leaflet MS-07 | Written by the pharmacy team | Last reviewed ...").
# A bare "By" counts only at the start of the line, where a byline stands.
BYLINE = re.compile(
    rf"^(?:(?:written|answered|prepared|produced|compiled|words)\s+)?by[:\s]+(?P<name>{_NAME})(?P<cred>(?:,?\s*(?:{_CRED}))+)?\b",
    re.IGNORECASE,
)
_SEGMENT_BYLINE = re.compile(
    rf"(?:^|\s[|·•]\s+)(?:written|answered|prepared|produced|compiled)\s+by[:\s]+(?P<name>{_NAME})(?P<cred>(?:,?\s*(?:{_CRED}))+)?\b",
    re.IGNORECASE,
)
# "Posted on 3 July 2024 by Tomasz Wielgus, community pharmacist".
_DATED_BYLINE = re.compile(
    rf"^(?:posted|published|written)\s+on\s+(?:{_DATE})\s+by\s+(?P<name>{_NAME})(?P<cred>(?:,?\s*(?:{_CRED}))+)?\b",
    re.IGNORECASE,
)
# A name heading a line before its credit or date: "Dr. Ingrid Solberg · Published 9 July 2024",
# "Lena Thorsby, health reporter". Case matters here: the name must be capitalised.
_NAME_FIRST_BYLINE = re.compile(
    rf"^(?P<name>(?:Dr\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+){{1,2}})(?P<cred>(?:,?\s*(?:{_CRED}))+)?"
    rf"(?:\s*[·|]\s*(?i:(?:published|posted|updated)\s+(?:on\s+)?{_DATE})"
    r"|,\s+(?i:(?:[a-z&]+\s+){0,3}(?:reporter|correspondent|writer|journalist|editor))$"
    # ...or before a wire's credit: "Jane Doe, AP", "Jane Doe, Reuters". (The credit alone names
    # no one.)
    r"|,\s+(?:AP|The Associated Press|Associated Press|Reuters|AFP|Agence France-Presse|Bloomberg(?: News)?|HealthDay)$)"
)
# A reporter's tagline closing a story: "Jane Doe: 555-010-0100 or jdoe@example.com", "Jane Doe is
# a health reporter for the Daily Ledger", "Jane Doe can be reached at jdoe@example.com".
_TAGLINE = re.compile(
    r"^(?P<name>(?:Dr\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-zA-Z'’.-]+){1,2})"
    r"(?:\s*:\s*(?:[(+\d][\d()\s.+-]{6,20}\s*(?:or|,|/|;)\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$"
    r"|\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w&'’.-]+\s+){0,6}?(?i:reporter|correspondent|(?:staff |health |science |medical )?writer|journalist|columnist|editor)\b"
    r"|\s+can\s+be\s+reached\s+at\s+\S*@)"
)
TAGLINE_LINES = 8
# "Medically reviewed by ...", and a review dated before its reviewer: "Last reviewed 14 May
# 2024 by Dr. Ines Halvorsen".
REVIEWER = re.compile(
    rf"(?:medically|clinically|fact[- ]checked and)?\s*(?:reviewed|fact[- ]checked)"
    rf"(?:\s+(?:on\s+)?(?:{_DATE}|{_MONTH}\.?\s+\d{{4}}),?)?\s+by[:\s]+"
    rf"(?P<name>{_NAME})(?P<cred>(?:,?\s*(?:{_CRED}))+)?",
    re.IGNORECASE,
)
# Leaflets date themselves by month ("Reviewed: March 2024"); a month and year counts only
# beside a word saying what the date is, or as a line of its own.
MONTH_YEAR = re.compile(rf"\b{_MONTH}\.?\s+\d{{4}}\b", re.IGNORECASE)
_MONTH_YEAR_LINE = re.compile(rf"^{_MONTH}\.?\s+\d{{4}}$", re.IGNORECASE)
# Wikis date a page by its last edit: "This page was last edited on 11 March 2024".
UPDATED = re.compile(r"\b(?:(?:last\s+)?(?:updated|modified|reviewed)|last\s+edited|edited\s+on)(?:\s+on)?[:\s]", re.IGNORECASE)
# A dated correction says when the page was last changed: "Correction (May 30, 2016): an earlier
# version of this article gave the wrong dose."
CORRECTED = re.compile(r"\b(?:corrections?|corrected|clarifications?)\b[^.\n]{0,40}[:(]|\ban earlier version of this "
                       r"(?:article|story|report|page|post)\b", re.IGNORECASE)
# A newsletter dates its issue: "Issue 41 | May 2024".
PUBLISHED = re.compile(r"\b(?:published|posted|date|issued|issue\s+\d+\s*[|·,])(?:\s+on)?[:\s]", re.IGNORECASE)
# "Review date: June 2026", "Review due: ...": the page is on a review cycle, dated by it.
REVIEW_DUE = re.compile(r"\b(?:next\s+review|review\s+(?:date|due))\b", re.IGNORECASE)
# A dateline's date runs into a dash, sometimes through a wire credit: "Sept. 10, 2024 /Wire/ --",
# "Sept. 29, 2012 (HealthDay News) --".
# A release may also set its date off with a slash: "January 6, 2015 / It is normal ...", or run
# it into the text with a bare hyphen: "June 19, 2017-A pilot study ...".
_DATELINE_END = re.compile(r"\s*(?:/[^/\n]{1,40}/\s*|\([^()\n]{1,40}\)\s*)?(?:--|—|–| - | / |-(?=[A-Z]))")
# ...after a place in capitalised words: "ST. LOUIS, Mo. — ", "LA JOLLA, Calif., ", "NEW YORK and
# SAN DIEGO, ".
_DATELINE_PLACE = re.compile(r"(?:[A-Z][\w.'’-]*,?\s*(?:[—–-]\s*)?|(?:and|&)\s+(?=[A-Z]))+")


def find_text_metadata(lines: list[str], limit: int = 40) -> dict[str, str]:
    """Byline, credentials, reviewer and dates stated in the first ``limit`` lines."""
    found: dict[str, str] = {}
    for line in lines[:limit]:
        text = line.strip()
        if len(text) > 300:
            continue
        byline = (BYLINE.match(text) or _SEGMENT_BYLINE.search(text) or _DATED_BYLINE.match(text)
                  or _NAME_FIRST_BYLINE.match(text))
        if byline and "author" not in found:
            found["author"] = byline.group("name").strip()
            if byline.group("cred"):
                found["author_credentials"] = byline.group("cred").strip(" ,")
        reviewer = REVIEWER.search(text)
        if reviewer and "reviewed_by" not in found:
            found["reviewed_by"] = reviewer.group("name").strip()
        date = DATE.search(text)
        # "Review date:" names a review, not a publication; "Published: May 2023 · Review due:
        # May 2025" is dated by publication.
        published = PUBLISHED.search(REVIEW_DUE.sub("", text))
        updated = UPDATED.search(text) or (None if published else REVIEW_DUE.search(text))
        if not date and (updated or published or _MONTH_YEAR_LINE.match(text)):
            date = MONTH_YEAR.search(text)
        if date:
            if updated and "updated" not in found:
                found["updated"] = date.group()
            elif "published" not in found and (published or byline or len(text) < 60):
                found["published"] = date.group()
    if "published" not in found:
        # A dateline: "WASHINGTON, March 4, 2026 -- ..." opening one of the first lines, after
        # any menu, headline, subhead and "NEWS RELEASE" lines.
        for index, line in enumerate(lines[:25]):
            date = DATE.search(line[:80])
            place = line[:date.start()] if date else ""
            if date and _DATELINE_END.match(line, date.end()) and (
                    _DATELINE_PLACE.fullmatch(place) if place else index < 3):
                found["published"] = date.group()
                break
    if "author" not in found:
        tail = [line.strip() for line in lines if line.strip()][-TAGLINE_LINES:]
        for text in tail:
            tagline = _TAGLINE.match(text) if len(text) < 200 else None
            if tagline:
                found["author"] = tagline.group("name").strip()
                break
    for line in lines[limit:]:
        if "updated" not in found and len(line) < 300 and (UPDATED.search(line) or CORRECTED.search(line)):
            date = DATE.search(line)
            if date:
                found["updated"] = date.group()
    return found
