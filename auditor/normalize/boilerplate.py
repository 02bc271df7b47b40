"""Recognising boilerplate lines by what they say: comment forms, newsletters, related posts.

Used for plain text and Markdown, which have no markup to say where boilerplate is, and for
HTML blocks that the structure left in the main region.
"""
from __future__ import annotations

import re

# Lines that are boilerplate on their own.
_LINE = re.compile(
    r"""^(?:
      leave\ a\ (?:reply|comment)|post\ a\ comment|add\ a\ comment|\d+\ comments?|comments?
    | your\ email\ address\ will\ not\ be\ published.*|required\ fields\ are\ marked.*
    | save\ my\ name,?\ email.*|notify\ me\ of\ (?:new\ )?(?:follow-up\ comments|posts).*
    | (?:name|email|website|comment)\s*\*?|post\ comment|submit\ comment|cancel\ reply
    | reply|share|share\ this(?:\ (?:post|article))?:?|sharing\ is\ caring!?|tweet|pin\ it
    | (?:subscribe|sign\ up)(?:\ (?:to|for)\ (?:our|the)\ newsletter)?.*newsletter.*
    | get\ the\ (?:best|latest)\ in\ .{0,40}|join\ our\ (?:mailing\ list|newsletter).*
    | (?:related|popular|recent|latest|more)\ (?:posts|articles|stories|reads)(?:\ from\ this\ blog)?:?
    | you\ (?:may|might)\ also\ (?:like|enjoy):?|read\ (?:more|next):?|see\ also:?
    | (?:all\ rights\ reserved|copyright|©).*|privacy\ policy|terms\ (?:of\ (?:use|service)|and\ conditions)
    | cookie\ (?:policy|settings)|we\ use\ cookies.*|accept(?:\ all)?(?:\ cookies)?
    | skip\ to\ (?:main\ )?content|back\ to\ top|menu|home|search|log\ ?in|sign\ in|search\ for:?
    | advertisement(?:\ continue\ reading.*)?|continue\ reading(?:\ the\ main\ story)?|story\ continues\ below.*
    | \#\#\#|source:?\ .{0,80}|(?:photo|image|video)\ (?:credit|courtesy).*|courtesy\ of\ .{0,80}|credit:\ .{0,80}
    | use\ the\ "?report\ abuse"?\ button.*|comments?\ (?:are|is)\ (?:moderated|closed).*
    | adresa\ ta\ de\ email.*|deine\ e-mail-adresse.*|votre\ adresse\ (?:e-)?mail.*
    | tu\ direcci[oó]n\ de\ correo.*|il\ tuo\ indirizzo\ email.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Lines that open a run of boilerplate (the lines after them are boilerplate too, until a
# long paragraph of prose shows the article has resumed).
_OPENER = re.compile(
    r"^(?:leave\ a\ (?:reply|comment)|post\ a\ comment|comments?|\d+\ comments?|\#\#\#"
    r"|forward-looking\ statements?|(?:media|press)\ (?:contacts?|inquiries|enquiries)|safe\ harbor\ statement"
    r"|(?:related|popular|recent|latest|more)\ (?:posts|articles|stories)(?:\ from\ this\ blog)?:?"
    r"|you\ (?:may|might)\ also\ (?:like|enjoy):?|read\ next:?)$",
    re.IGNORECASE | re.VERBOSE,
)
_NEWSLETTER = re.compile(
    r"\b(?:newsletter|subscribe|sign up for|inbox|exclusive content|personali[sz]ed homepage)\b",
    re.IGNORECASE,
)


# "About Acme Health: Acme is a ..." closes a press release; it is furniture, not content.
_ABOUT = re.compile(r"^About [A-Z][\w&.,' -]{1,60}:?$")
_ABOUT_PARAGRAPH = re.compile(r"^About (?:the )?[A-Z][\w&.' -]{2,60}(?::| [-–—] )")


def is_boilerplate_line(text: str) -> bool:
    """True when ``text`` on its own is boilerplate (comment form, share prompt, menu...)."""
    stripped = text.strip().rstrip(".:!")
    if _LINE.match(stripped) or _LINE.match(text.strip()):
        return True
    return bool(_NEWSLETTER.search(text)) and len(text) < 300 and (
        "newsletter" in text.lower() or "subscribe" in text.lower() or "exclusive content" in text.lower()
    )


def opens_boilerplate(text: str) -> bool:
    """True when ``text`` starts a boilerplate run (comments, related posts)."""
    return bool(_OPENER.match(text.strip()))


def mark_runs(texts: list[str], is_heading: list[bool]) -> list[bool]:
    """Boilerplate flags for a sequence of lines.

    A line is boilerplate on its own, or because it follows an opener ("Leave a Reply",
    "Popular posts from this blog") and is short or a heading: a run ends at the first
    prose paragraph of 25 words or more.
    """
    flags = []
    in_run = False
    for text, heading in zip(texts, is_heading):
        words = len(text.split())
        if opens_boilerplate(text) or _ABOUT.match(text) or _ABOUT_PARAGRAPH.match(text):
            in_run = True
            flags.append(True)
            continue
        if in_run and words >= 25 and not heading:
            in_run = False
        flags.append(in_run or is_boilerplate_line(text))
    return flags
