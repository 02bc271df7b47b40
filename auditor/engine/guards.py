"""Shared guards that keep rules from firing on disclaimers, hedges and debunked claims.

"Ketamine is not a cure" is a disclaimer, "some studies suggest it may help" is a hedge, and
"the site promises a 'miracle cure', which experts dispute" quotes a claim in order to reject
it. None of them is the page's own claim.
"""
from __future__ import annotations

import re

_NEGATORS = re.compile(
    r"\b(?:not|no|never|nor|neither|without|nothing|none|cannot|lacks?|lacking|unlikely|"
    r"far from|no longer|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|won't|can't|couldn't|"
    r"shouldn't|hasn't|haven't|myth|false|untrue|debunked|disproven|unproven)\b|n't\b",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(r"\bnot (?:only|just|merely)\b", re.IGNORECASE)
_AFTER_NEGATION = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,2}?(?:is|are|was|were|has|have|does|do)\s+(?:not|never|n't)\b|^\W{0,3}(?:\w+\W+){0,1}?does not exist",
    re.IGNORECASE,
)
# "a pill with no side effects ... is still a dream": the claim is named as out of reach.
_STILL_TO_COME = re.compile(r"^[^.;]{0,60}?\b(?:is|are|remains?) (?:still )?(?:a dream|a myth|a fantasy|elusive|out of reach|"
                            r"(?:a long way|years) (?:off|away))\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()\u2014]|\b(?:but|however|although|though|whereas|yet|while)\b", re.IGNORECASE)
_HEDGES = re.compile(
    r"\b(?:may|might|could|possibly|possible|potentially|perhaps|appears?|appeared|seems?|seemed|"
    r"suggests?|suggested|suggesting|preliminary|early (?:research|studies|evidence|results|data)|"
    r"some (?:studies|research|evidence|trials|patients|people|reports)|limited (?:evidence|data)|"
    r"in some (?:people|patients|cases)|likely|uncertain|not yet (?:known|proven|clear)|"
    r"more research|further research|it is possible|if (?:any|at all)|"
    r"the hope is|(?:we|they|researchers|scientists|doctors) hope|it is hoped|hopes? (?:that|to)|hoping (?:that|to))\b",
    re.IGNORECASE,
)
_CRITIQUE = re.compile(
    r"\b(?:claims?|claimed|claiming|promises?|promised|promising that|touts?|touted|markets?|marketed|"
    r"advertis\w*|so-called|purported\w*|alleged\w*|unproven|no evidence|little evidence|misleading|"
    r"disputed?|false|myth|critics?|warn\w*|skeptic\w*|sceptic\w*|dubious|bogus|exaggerat\w*|"
    r"overstat\w*|hype|red flag|too good to be true|calls? it|called it|describes? (?:it|them) as|"
    r"bills? itself|billed as|labels?)\b",
    re.IGNORECASE,
)
_QUOTES = re.compile(r"[\"“”„«»]([^\"“”„«»]{1,300})[\"“”„«»]|(?<!\w)['‘]([^'’‘]{1,200})['’](?!\w)")
_ATTRIBUTED = re.compile(
    r"\b(?:found|find|finds|showed|shows|show|reported|reports|concluded|concludes?|observed|estimated|according to|"
    r"(?:research|study|trial|data|evidence|results?) (?:indicates?|indicated|demonstrates?|demonstrated)|"
    r"in (?:a|one|the) (?:\w+ )?(?:study|trial|review|meta-analysis))\b",
    re.IGNORECASE,
)


WINDOW = 300  # characters of context a guard looks at; keeps every guard linear in the text


def clause_before(sentence: str, start: int, max_words: int = 7) -> str:
    """The words of the clause that precede position ``start``, at most ``max_words``."""
    before = sentence[max(0, start - WINDOW):start]
    cut = 0
    for match in _CLAUSE.finditer(before):
        cut = match.end()
    words = before[cut:].split()
    return " ".join(words[-max_words:])


def is_negated(sentence: str, start: int, end: int) -> bool:
    """True when the words at ``[start, end)`` are negated in their clause.

    Looks back over the clause ("is not a cure", "no evidence that it is safe", "no treatment
    is 100% effective") and a few words ahead ("a cure does not exist").
    """
    before = clause_before(sentence, start).replace("’", "'")  # "isn’t cured" as "isn't cured"
    if _NEGATORS.search(before) and not _NOT_ONLY.search(before):
        return True
    after = sentence[end:end + 80].replace("’", "'")
    return bool(_AFTER_NEGATION.search(after[:40]) or _STILL_TO_COME.search(after))


def is_hedged(sentence: str, start: int = 0, end: int | None = None) -> bool:
    """True when the claim at ``[start, end)`` is hedged ("may", "some studies suggest").

    Hedges count before the claim anywhere in the sentence ("research suggests that X is
    safe") and after it only within its clause, so "X is safe, although it may cause
    nausea" stays a claim.
    """
    end = len(sentence) if end is None else end
    after = re.split(r"[,;:()\u2014]|\b(?:but|however|although|though|whereas|while|as)\b", sentence[end:end + WINDOW], maxsplit=1)[0]
    before = sentence[max(0, start - WINDOW):start]
    return bool(_HEDGES.search(before) or _HEDGES.search(sentence[start:end]) or _HEDGES.search(after))


_SCARE_QUOTE_WORDS = 4


def is_debunked(sentence: str, start: int, end: int) -> bool:
    """True when the match is a claim the sentence quotes or reports in order to question it."""
    lo, hi = max(0, start - WINDOW), min(len(sentence), end + WINDOW)
    window = sentence[lo:hi]
    for match in _QUOTES.finditer(window):
        if lo + match.start() <= start and end <= lo + match.end():
            outside = window[:match.start()] + " " + window[match.end():]
            if _CRITIQUE.search(outside):
                return True
    # Scare quotes around the very words: "miracle" masks. A whole quoted sentence is a quote.
    if (start > 0 and end < len(sentence) and sentence[start - 1] in "\"“'‘" and sentence[end] in "\"”'’"
            and len(sentence[start:end].split()) <= _SCARE_QUOTE_WORDS):
        return True
    before = clause_before(sentence, start, 5)
    return bool(re.search(r"\b(?:so-called|claims? (?:of|that|to)|promises? (?:of|that|to)|myth that|"
                          r"marketed as|billed as|touted as|advertised as|sold as|selling (?:it|them|this) as|"
                          r"promoted as|presented as)\b", before, re.IGNORECASE))


def is_attributed(sentence: str, start: int) -> bool:
    """True when what precedes ``start`` reports a study's finding ("a trial found that...")."""
    return bool(_ATTRIBUTED.search(sentence[max(0, start - WINDOW):start]))
