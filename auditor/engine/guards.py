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
# "appear" hedges only as "appears to/that" ("before symptoms appear" states a fact); "could" is no
# hedge as a person's regained ability ("I could finally take the stairs", "she could sleep again").
_HEDGES = re.compile(
    r"\b(?:may|might|(?<!\bI )(?<!\bwe )(?<!\bWe )(?<!\bhe )(?<!\bHe )(?<!\bshe )(?<!\bShe )(?<!\bI finally )(?<!\bI now )could|"
    r"possibly|possible|potentially|perhaps|(?:appears?|appeared) (?:to|that)|it appears|seems?|seemed|"
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
# The month, not the hedge: "May 6, 2026", "in May", "since May". Case-sensitive.
_MONTH_MAY = re.compile(r"\b(?:(?:in|on|of|since|until|by|from|early|late|mid|last|next|this)\s+)?May\b(?:(?=,?\s+\d)|)")


def _blank_month(sentence: str) -> str:
    """``sentence`` with the month May blanked out, offsets unchanged."""
    def blank(match: re.Match[str]) -> str:
        text = match.group(0)
        if text == "May" and not re.match(r",?\s+\d", sentence[match.end():match.end() + 4]):
            return text  # a sentence-initial "May help ..." is still a hedge
        return text[:-3] + "   "
    return _MONTH_MAY.sub(blank, sentence) if "May" in sentence else sentence



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
    joined = None
    for joined in _NEXT_PREDICATE.finditer(before):
        pass
    if joined is not None:
        before = before[joined.end():]  # "requires no downtime and carries no side effects": a new predicate
    if _NEGATORS.search(before) and not _NOT_ONLY.search(before):
        return True
    if _denied_by_evidence(sentence, start):
        return True
    after = sentence[end:end + 80].replace("’", "'")
    return bool(_AFTER_NEGATION.search(after[:40]) or _STILL_TO_COME.search(after))


# "No evidence that ..." denies its whole that-clause, however long: "there is no good evidence
# that the drip is safe and works for everyone". A contrast or a new clause ends its reach.
_NO_EVIDENCE_THAT = re.compile(
    r"\b(?:no|little|scant|insufficient|not enough|nothing (?:like )?enough|lacks?|lacking|without) "
    r"(?:[\w-]+ ){0,2}?(?:evidence|proof|data|studies|research|trials?|sign|reason to (?:believe|think)) "
    r"(?:(?:yet |so far |to date )?(?:that|to (?:suggest|show|prove|support the (?:idea|claim) that)|showing|suggesting|proving)\b)",
    re.IGNORECASE)
_SCOPE_BREAK = re.compile(r"[;:.!?]\s|\b(?:but|however|although|though|whereas|yet|while|instead)\b", re.IGNORECASE)


def _denied_by_evidence(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - WINDOW):start]
    last = None
    for last in _NO_EVIDENCE_THAT.finditer(before):
        pass
    return last is not None and not _SCOPE_BREAK.search(before[last.end():])


# A second predicate joined by "and" starts its own clause for negation: the first one's "no" does
# not reach it.
_NEXT_PREDICATE = re.compile(r"\b(?:requires?|needs?|has|have|involves?|means|takes?|leaves?) no [\w-]+(?: [\w-]+)? and\b\s*(?:also )?"
                             r"(?=(?:carries|has|offers|gives|delivers|provides|comes with|causes|leaves|requires|works|restores|"
                             r"ends|stops|cures|eliminates)\b|\s*$)", re.IGNORECASE)


# "Is it a miracle cure? No, the evidence is weak.": a question the text itself answers "no".
_ANSWERED_NO = re.compile(r"\s*[\"”’)]*\s*(?:no\b|nope\b|not (?:really|yet|quite|so)\b|(?:unfortunately|sadly|alas),? (?:no|not)\b)",
                          re.IGNORECASE)


def is_answered_no(question: str, following: str) -> bool:
    """True when ``question`` is a question and the text right after it (``following``) answers no."""
    return question.rstrip().rstrip("\"”’)").endswith("?") and bool(_ANSWERED_NO.match(following))


def is_hedged(sentence: str, start: int = 0, end: int | None = None) -> bool:
    """True when the claim at ``[start, end)`` is hedged ("may", "some studies suggest").

    Hedges count before the claim anywhere in the sentence ("research suggests that X is
    safe") and after it only within its clause, so "X is safe, although it may cause
    nausea" stays a claim.
    """
    end = len(sentence) if end is None else end
    sentence = _blank_month(sentence)
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


# -- Who makes the claim: a release's own voice, or a news story reporting someone ----------------
# A release's closing furniture, wherever it sits: its end mark, notes to editors, the press office.
# (Some releases carry these early, before long "About" sections, so the context misses them.)
_RELEASE_FURNITURE = re.compile(
    r"(?m)^\s*(?:###|-30-)\s*$|\b(?:notes? to editors?|press office)\b|^\W{0,3}(?:media|press) (?:contacts?|inquiries|enquiries)\b",
    re.IGNORECASE,
)
# Someone else's words: a quotation or a reporting verb in the sentence.
_REPORTING = re.compile(
    r"\b(?:said|says|(?:they|doctors|experts|researchers|scientists|officials|analysts|specialists|physicians|clinicians|critics|patients) say|told|tells|according to|added|adds|explained|noted|(?:call|calls|called) (?:it|them|the [\w-]+)|"
    r"describ(?:es|ed) (?:it|them|the [\w-]+) as|hail(?:s|ed))\b",
    re.IGNORECASE,
)
# What a story sets against the quoted claim (HealthNewsReview's criteria: quality of evidence, harms,
# costs, conflicts of interest, an independent voice): "the science is early and should be confirmed in
# larger studies", "comes with significant risks", "costs $20,000 and insurers have refused it", "has
# advised the company", "will need more data", "not peer reviewed", "won't cure it".
_BALANCE = re.compile(
    r"\b(?:early science|(?:it'?s|it is) (?:still )?(?:too |very )?early (?:days|to (?:say|tell|know))|still early days|"
    r"too early to (?:say|tell|know)|should be confirmed|must be confirmed|need(?:s|ed)? (?:to be )?confirm\w*|"
    r"(?:confirm\w*|replicat\w*|tested|proven) (?:in|by|through|with) (?:much )?(?:larger|bigger|longer)|"
    r"(?:larger|bigger|longer)(?: and (?:larger|longer|bigger))? (?:studies|trials) (?:are|will be|would be) (?:needed|required)|"
    r"(?:need|needs|needed|require|requires) (?:more|further|additional) (?:data|research|studies|trials|evidence)|"
    r"more (?:data|research|studies|evidence) (?:is|are|will be) (?:needed|required)|"
    r"(?:not|yet to be|hasn'?t|has not|have not) (?:yet )?(?:been )?peer[- ]reviewed|"
    r"(?:need|needs|needed|require\w*|await\w*|without) (?:\w+ ){0,3}?replicat\w+|(?:be|been|yet to be) replicated|"
    r"no (?:idea|data) (?:about|on) the long[- ]term|long[- ]term (?:effects|safety|risks) (?:are|is|remain) (?:unknown|unclear)|"
    r"significant risks?|(?<!no )(?<!without )(?<!few )(?<!any )serious (?:risks|side effects|complications|harms?)|(?:comes|come|came) with (?:\w+ )?risks|not risk[- ]free|"
    r"(?:showed|shows|found|had|has|carries|carried|with) an? (?:higher|increased|greater) risk of|"
    r"(?:is|was|are|were|remains?) (?:very |quite |extremely )?(?:expensive|costly)|insurers (?:have |has )?(?:been )?(?:reluctant|refused|denied|declined|won'?t)|"
    r"(?:not|isn'?t|aren'?t) covered by (?:insurance|insurers|medicare)|"
    r"who (?:has|have|had) (?:also )?advised|(?:paid )?consultant (?:to|for)|(?:is|are|was|were) paid by|financial (?:ties|interests?|stake)|"
    r"(?:owns?|holds?) (?:shares|stock)|disclosed (?:financial )?(?:ties|payments|a conflict|conflicts)|"
    r"(?:won'?t|will not|doesn'?t|does not|cannot|can'?t) cure|less good news|the (?:catch|downside)|cautioned|careful to (?:note|say|add)|"
    r"may not (?:be effective|work) for (?:all|everyone)|not effective for all)\b",
    re.IGNORECASE,
)
# A hedged forecast of how many might be helped, credited to independent clinicians: "doctors say
# it could help millions more patients" (not the makers: "the founders say it could help millions").
_INDEPENDENT_SAY = re.compile(
    r"\b(?:doctors|experts|specialists|physicians|clinicians|dermatologists|cardiologists|oncologists) "
    r"(?:say|said|believe|think|predict|expect)\b", re.IGNORECASE)
_PLAIN_PROSPECT = re.compile(
    r"^(?:could|may|might)\s+(?:\w+ly\s+)?(?:help|benefit|bring relief|improve|protect|spare|offer)\b", re.IGNORECASE)


def has_release_furniture(text: str) -> bool:
    """True when ``text`` carries a press release's end mark or press-office lines anywhere."""
    return bool(_RELEASE_FURNITURE.search(text))


def is_quoted_or_reported(sentence: str, start: int, end: int, lead: str = "") -> bool:
    """True when the words at ``[start, end)`` are someone's quoted or reported words: inside an
    open quotation (``lead`` is the paragraph text before the sentence, for a quote spanning
    sentences or paragraphs) or in a sentence with a reporting verb ("said", "call it")."""
    before = lead + sentence[:start]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return opened or bool(_REPORTING.search(sentence))


def is_balanced_report(sentence: str, start: int, end: int, lead: str, following: str) -> bool:
    """True when a news story reports the claim at ``[start, end)`` as someone's words and sets the
    evidence against it in the same sentence or the paragraphs that follow (``following``): the
    science is early, the risks, the cost, the speaker's ties to the maker, more data needed."""
    if not is_quoted_or_reported(sentence, start, end, lead):
        return False
    return bool(_BALANCE.search(sentence[end:end + WINDOW]) or _BALANCE.search(following))


def is_reported_prospect(sentence: str, start: int, end: int) -> bool:
    """True for a hedged estimate of who might be helped that the sentence credits to independent
    clinicians: "doctors say the drugs could help millions more patients"."""
    return bool(_PLAIN_PROSPECT.search(sentence[start:end]) and _INDEPENDENT_SAY.search(sentence[max(0, start - WINDOW):start]))


def release_furniture_start(text: str) -> int | None:
    """Offset of the first end mark or press-office line past the first third of ``text``, or None."""
    match = _RELEASE_FURNITURE.search(text, len(text) // 3)
    return match.start() if match else None


# A news outlet's marks, which a press-release dateline test can mistake for a release's: the wire's
# dateline "(Reuters) -", a source who "told Reuters Health", the story's closing "SOURCE: bit.ly/..."
# link to the journal.
_NEWS_OUTLET = re.compile(
    r"\((?:Reuters(?: Health)?|AP|AFP|CNN|HealthDay(?: News)?|Bloomberg|UPI)\)|"
    r"\b(?:told|tells|telling) (?:Reuters(?: Health)?|WebMD|HealthDay|CNN|NPR|the BBC|the Associated Press)\b|"
    r"(?m:^SOURCE:? (?:bit\.ly|link\.reuters\.com)/)",
)


def is_news_story_text(text: str) -> bool:
    """True when ``text`` carries a news outlet's marks (wire dateline, "told Reuters Health")."""
    return bool(_NEWS_OUTLET.search(text))


# Doubt a press release could cast on its own words: quotation marks and "called it" are not doubt
# there (a release that calls its test a "game-changer" makes the claim).
_DOUBT = re.compile(
    r"\b(?:so-called|purported\w*|alleged\w*|unproven|no evidence|little evidence|misleading|disputed?|false|myth|"
    r"critics?|skeptic\w*|sceptic\w*|dubious|bogus|exaggerat\w*|overstat\w*|hype|red flag|too good to be true)\b",
    re.IGNORECASE,
)
# A negation inside a relative clause before the claim negates the clause, not the claim: "offers
# people who cannot tolerate a mask a game-changing option".
_RELATIVE_NEGATION = re.compile(
    r"\b(?:who|that|which|whose \w+)\s+(?:\w+\s+)?(?:cannot|can't|can’t|could not|couldn't|do not|don't|does not|doesn't|"
    r"did not|didn't|are not|aren't|is not|isn't|have not|haven't|has not|hasn't|no longer|never)\s+\w+",
    re.IGNORECASE,
)

_NEW_OBJECT = re.compile(r"(?:\s+[\w'’-]+){1,3}\s+(?:a|an)\s*", re.IGNORECASE)


def is_doubted_by_issuer(sentence: str, start: int, end: int) -> bool:
    """``is_debunked`` for a press release's own text: a quotation held up for doubt is still
    doubted ("what critics call a 'miracle'"), but scare quotes and "called it" are the
    release's own emphasis."""
    lo, hi = max(0, start - WINDOW), min(len(sentence), end + WINDOW)
    window = sentence[lo:hi]
    for match in _QUOTES.finditer(window):
        if lo + match.start() <= start and end <= lo + match.end():
            if _DOUBT.search(window[:match.start()] + " " + window[match.end():]):
                return True
    return bool(re.search(r"\b(?:so-called|myth that)\b", clause_before(sentence, start, 5), re.IGNORECASE))


def is_negated_claim(sentence: str, start: int, end: int) -> bool:
    """``is_negated``, except that a negation inside a relative clause before the claim ("people
    who cannot tolerate CPAP") does not negate the claim."""
    before = clause_before(sentence, start)
    last = None
    for last in _RELATIVE_NEGATION.finditer(before):
        pass
    # Only when the clause has its own object and the claim starts a new one: "who cannot tolerate
    # CPAP a game-changing path", not "imports that do not meet the world-class standards".
    if last is None or not _NEW_OBJECT.fullmatch(before[last.end():]):
        return is_negated(sentence, start, end)
    before = _RELATIVE_NEGATION.sub(" ", before).replace("’", "'")
    if _NEGATORS.search(before) and not _NOT_ONLY.search(before):
        return True
    after = sentence[end:end + 80].replace("’", "'")
    return bool(_AFTER_NEGATION.search(after[:40]) or _STILL_TO_COME.search(after))
