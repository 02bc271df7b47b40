"""Claims of cause and effect that the page's own evidence cannot carry."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from auditor.engine.context import DocContext
from auditor.engine.guards import is_hedged, is_negated
from auditor.engine.kinds.python import register
from auditor.engine.selling import main_text_sells, offers_unless_news, sells_by_findings
from auditor.engine.spec import RuleSpec
from auditor.records import Finding, Span

_CAUSAL = re.compile(
    r"\b(?:prevents|cures|reverses|protects against|reduces the risk of|lowers the risk of|cuts the risk of|"
    r"boosts|stops|halts|wards off|extends life|slashes|prevent|reverse|protect against|ward off|"
    r"rebuilds|restores|repairs|regenerates|rewires|resets|wipes out|clears|clears away|switch(?:es)? off|silences|"
    r"defuses|erases|slash|slashes|halve|halves|cuts? (?:the |their |your |its )?risk|adds? years to|keeps? [\w']+ at bay|"
    r"shields?|strengthens (?:bones|the heart|your heart|aging bones|the immune system)|lifts depression|shrinks tumou?rs|staves? off|fends? off|saves lives)\b",
    re.IGNORECASE,
)
_WEAK_EVIDENCE = re.compile(
    r"\b(?:in mice|in rats|mouse study|preclinical|pre-clinical|mice (?:that|who|given|fed)|rats (?:that|given|fed)|animal (?:study|studies|model)|"
    r"in (?:the )?(?:lab|laboratory|petri dish|test tubes?|cell cultures?)|observational (?:study|data|research)|"
    r"(?:was|were|is|are) (?:associated|linked|correlated|tied) with|(?:the|treated|untreated|older|young) (?:mice|rats|animals)|"
    r"mice (?:treated|injected)|in animals|animal experiments|cohort study|observational|self-reported|questionnaires?|"
    r"(?:a |an online |national )?survey (?:of|found|shows|showed|reveals)|people who (?:drank|ate|eat|drink|walked|walk|took|used|slept|exercised))\b",
    re.IGNORECASE,
)
# "whether aspirin reduces the risk", "if coffee protects": the question, not the claim.
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\b", re.IGNORECASE)


def _hype_rules(spec: RuleSpec) -> list:
    """HC204's patterns as pattern rules: those fired whatever the hedging, and those a hedge withdraws."""
    from dataclasses import replace

    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package

    base = {k: v for k, v in spec.params.items() if k not in ("check", "hedged_patterns", "ignore_when_balanced_report")}
    if spec.params.get("ignore_when_balanced_report"):
        # hype_terms weighs negation and quotation itself, knowing whether the page is a release.
        base |= {"ignore_when_negated": False, "ignore_when_debunked": False}
    rules = [PatternRule(replace(spec, kind="pattern", params=base))]
    if spec.params.get("hedged_patterns"):
        hedged = base | {"patterns": spec.params["hedged_patterns"], "ignore_when_hedged": True}
        rules.append(PatternRule(replace(spec, kind="pattern", params=hedged)))
    return rules


@register("hype_terms")
def hype_terms(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """Hype terms (HC204). ``patterns`` fire even in a hedged sentence: "could transform how we
    treat" is hype because of its "could". ``hedged_patterns`` are sensational only when stated:
    "dramatically reduced pain" is, "could dramatically cut the need for scans" is a forecast.

    With ``ignore_when_balanced_report``, who makes the claim decides: in a news story, hype a
    named source is quoted saying and the story at once sets against it (the science is early,
    the risks, the cost, the source's ties, more data needed) is reporting, and so is a hedged
    estimate credited to independent doctors ("doctors say it could help millions"). A press
    release's quotes of its own people are the issuer's claims and still fire."""
    from auditor.engine.guards import (
        has_release_furniture, is_balanced_report, is_news_story_text, is_reported_prospect,
    )
    from auditor.engine.kinds.python import prepared

    seen: set[tuple[int, int]] = set()
    limit = int(spec.params.get("max_per_document", 50))
    weigh = bool(spec.params.get("ignore_when_balanced_report"))
    text = ctx.doc.text
    furniture = has_release_furniture(text)
    release = (ctx.is_press_release or furniture) and not is_news_story_text(text)
    news = weigh and not release and not sells_by_findings(ctx)
    for rule in prepared(spec, "hype_terms", _hype_rules):
        for finding in rule.run(ctx):
            key = (finding.span.start, finding.span.end) if finding.span else (-1, -1)
            if key in seen or len(seen) >= limit:
                continue
            if finding.span and _in_link_list(ctx, finding.span.start):
                continue  # another article's title in a related-posts list, not this page's claim
            if _descriptive_hype(ctx, finding):
                continue  # a factual first, the comparator's quality, a field's goal
            if weigh and finding.span and _withdrawn(ctx, spec, finding.span.start, finding.span.end, release):
                continue
            if news and finding.span and _reported_in_news(ctx, finding.span.start, finding.span.end,
                                                           is_balanced_report, is_reported_prospect):
                continue
            seen.add(key)
            yield finding


def _in_link_list(ctx: DocContext, pos: int) -> bool:
    """True when ``pos`` is in a list item outside the main text that is wholly a link's text."""
    located = ctx.block_at(pos)
    if located is None:
        return False
    index, block = located
    if block.region == "main" or block.kind != "list_item":
        return False
    text = " ".join(block.text.split())
    return any(link.block == index and " ".join(link.text.split()) == text for link in ctx.doc.links)


# -- HC203: headline and lede overreach on weak evidence, with the verbs and kinds of weak evidence below,
# plus the rule's own patterns (a single study as proof, a mechanism as settled fact) run as
# pattern rules wherever the page states them.
_CAUSAL_MORE = re.compile(
    r"\b(?:halves|halved|slashed|cuts? (?:[\w'’-]+ ){0,3}?(?:risk|flares|deaths?|attacks)|lowers? (?:[\w'’-]+ ){0,3}?risk|"
    r"reduces? (?:[\w'’-]+ ){0,3}?risk|dramatically (?:reduces|cuts|lowers|improves)|"
    r"protects? (?:your |the |our |older |aging |ageing )?(?:brain|heart|bones|liver|memory|eyes|sight|skin|cells|kidneys|joints|mind)|"
    r"strengthens (?:[\w'’-]+ ){0,2}?bones|add(?:s)? (?:years|decades) to|keeps? the doctor away|turns? back|"
    r"reverses|resets|rewires|extends? (?:your )?(?:life|lifespan)|slows? (?:down )?(?:the )?(?:aging|ageing)(?: process)?|"
    r"wipes? out|beats|fights|lifts (?:[\w'’-]+ ){0,2}?depression)\b",
    re.IGNORECASE,
)
_WEAK_MORE = re.compile(
    r"\b(?:(?:health|medical|hospital|insurance|pharmacy|anonymi[sz]ed) records|food (?:frequency )?questionnaires?|"
    r"(?:wearable|tracker|registry|claims) data|data (?:from|on) (?:more than |over |nearly |about )?[\d,]{3,}|"
    r"(?:those|people|women|men|adults|participants) who (?:ate|drank|reported|walked|took|used|slept|exercised|managed|had)|"
    r"(?:less|more) likely to (?:die|develop|break|have|get|suffer)|prospective cohort|population-based|observational analysis|in the animals|treated animals)\b",
    re.IGNORECASE,
)
# A randomised, placebo-controlled trial shows cause and effect: on such a page only animal or
# cell evidence is weak (an aside about "earlier observational studies" is not the page's evidence).
_RANDOMISED = re.compile(r"\b(?:randomi[sz]ed|placebo|sham)\b", re.IGNORECASE)
_ANIMAL_OR_CELL = re.compile(
    r"\b(?:in mice|in rats|mouse study|preclinical|pre-clinical|mice|rats|animal (?:study|studies|model)|in animals|"
    r"in (?:the )?(?:lab|laboratory|petri dish|test tubes?|cell cultures?))\b",
    re.IGNORECASE,
)
# In a headline "can" and "could" still promise an effect (Sumner et al. count "could add years to
# your life", said of an association, as causal language); "may" and "might" are left as hedges.
_HEADLINE_NOT_STATED = re.compile(r"\b(?:the|to|may|might)\s+$", re.IGNORECASE)
_HEADLINE_CAN = re.compile(r"\b(?:can|could)\s+$", re.IGNORECASE)


_LEDE = 3
_SUBSTANTIVE = re.compile(r"(?:\b\w[\w'’-]*\W+){4}\w")  # five words or more: not a masthead or a section label
_CLOSED = re.compile(r"[.!\"”’']\s*$")
# The sentence says itself what kind of evidence it rests on. ("Researchers say the extract
# reverses liver damage" does not: naming who says it leaves the cause and effect as stated.)
_QUALIFIED_STUDY = re.compile(
    r"\b(?:mice|mouse|rats?|animals?|cells?|lab|laboratory|observational|associated|associations?|linked|links?|tied to|"
    r"correlat\w*|in the study|people who|those who|likelihood|less likely|more likely|odds)\b",
    re.IGNORECASE,
)


def _causal_headlines(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A cause-and-effect claim in the headline, headings or lede ("coffee slashes the risk of...",
    "adds years to") of a page whose own evidence is animal, cell, observational or uncontrolled
    (health records, food questionnaires, people who ate or drank more). In a headline, "can" and
    "could" do not withdraw the claim."""
    if not _weak_evidence(ctx):
        return
    main = ctx.main_sentences
    # The lede: the opening sentences after the masthead and navigation a page starts with (a
    # dateline or byline such as "Press release · February 24, 2026" is not one of them).
    lede = {id(s) for s in [s for s in main if _SUBSTANTIVE.search(s.text) and "|" not in s.text
                            and not _DATELINE_ONLY.search(s.text)][:_LEDE]}
    for sentence in main:
        block = ctx.doc.blocks[sentence.block]
        # A headline or deck: a heading, or an opening line with no closing full stop.
        heading = block.kind == "heading" or (id(sentence) in lede and not _CLOSED.search(sentence.text))
        if sentence.text.rstrip().endswith("?"):
            continue
        if not ctx.in_scope(spec, block) or _QUALIFIED_STUDY.search(sentence.text) or ctx.is_cited(sentence.block, sentence):
            continue
        if not heading and id(sentence) not in lede:
            # In the body, only the result itself restated as an effect: "coffee also slashed the risk".
            match = _BODY_CAUSAL.search(sentence.text)
        else:
            match = _causal_match(sentence.text)
        if match is None:
            continue
        before = sentence.text[max(0, match.start() - 8):match.start()]
        can = bool(_HEADLINE_CAN.search(before))
        # A lede's "can" is causal language too (Sumner et al.); its "could" is left as a forecast.
        lede_can = can and id(sentence) in lede and before.rstrip().lower().endswith("can")
        # "the key to reversing ageing": before an -ing form, "to" takes a noun and states the effect.
        gerund = match.group().lower().endswith("ing") and before.rstrip().lower().endswith("to")
        # "a brisk walk is enough to add years to your life": "enough to" states the effect.
        enough = bool(_ENOUGH_TO.search(sentence.text[max(0, match.start() - 12):match.start()]))
        if (_HEADLINE_NOT_STATED.search(before) and not gerund and not enough) or (can and not heading and not lede_can) \
                or _OPEN_QUESTION.search(sentence.text[max(0, match.start() - 120):match.start()]):
            continue
        if is_negated(sentence.text, match.start(), match.end()):
            continue
        if _hedged_claim(sentence.text, match.start(), match.end()) and not (can and not _MAY.search(sentence.text)):
            continue
        start = sentence.span.start + match.start()
        yield ctx.finding(spec, Span(start, start + len(match.group())), match.group(), sentence.text)


_BODY_CAUSAL = re.compile(
    r"\b(?:(?:slash(?:es|ed)?|halv(?:es|ed)) (?:the|their|its|your)|cut (?:their|the|its) (?:[\w'’-]+ ){0,2}?risk|add(?:s|ed)? (?:years|decades) to)\b",
    re.IGNORECASE,
)
_MAY = re.compile(r"\b(?:may|might|possibly|perhaps|suggests?|appears?|seems?)\b", re.IGNORECASE)


def _causal_pattern_rules(spec: RuleSpec) -> list:
    """HC203's patterns as a pattern rule with the rule's guards."""
    from dataclasses import replace

    from auditor.engine.kinds._guarded import GUARD_KEYS
    from auditor.engine.kinds.pattern import PatternRule

    if not spec.params.get("patterns"):
        return []
    base = {k: v for k, v in spec.params.items() if k in GUARD_KEYS or k == "patterns"}
    return [PatternRule(replace(spec, kind="pattern", params=base))]


def _causal_footer_rules(spec: RuleSpec) -> list:
    """HC203's patterns as a pattern rule that also reads a release's closing sections."""
    from dataclasses import replace

    rules = _causal_pattern_rules(spec)
    return [type(r)(replace(r.spec, params={**r.spec.params, "ignore_in_release_footer": False})) for r in rules]


@register("causal_claims")
def causal_claims(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """Causal claims the evidence cannot carry (HC203): a headline that states as cause and effect
    what an observational or animal study found, and, anywhere, the shapes of ``patterns``: a
    single study offered as proof ("this proves that"), a mechanism stated as fact ("by blocking
    X, the drug shields Y", "works by rewiring the brain", "addresses the root cause")."""
    from auditor.engine.kinds.python import prepared

    seen: set[tuple[int, int]] = set()
    # A news story's "researchers say therapy could make pills a thing of the past" is the speaker's
    # claim; a release's "said" is its own people's word and stays the release's claim.
    found = [f for f in _causal_headlines(ctx, spec)
             if ctx.is_press_release or not _REPORTED_HEADLINE.search(f.excerpt)]
    for rule in prepared(spec, "causal_claims", _causal_pattern_rules):
        found.extend(rule.run(ctx))
    # A release's closing "About <the drug>" section, and the shapes that need the page's or the
    # speaker's conditions (auditor/engine/checks/causal.py).
    from auditor.engine.checks.causal import footer_pattern_findings, own_mechanism_and_proof

    for rule in prepared(spec, "causal_claims_footer", _causal_footer_rules):
        found.extend(footer_pattern_findings(ctx, spec, rule))
    found.extend(own_mechanism_and_proof(ctx, spec))
    from auditor.engine.checks.causal import product_action_claims

    found.extend(product_action_claims(ctx, spec))
    for finding in found:
        key = (finding.span.start, finding.span.end) if finding.span else (-1, -1)
        sentence = ctx.sentence_at(finding.span.start) if finding.span else None
        skey = (sentence.span.start, -2) if sentence else key
        if key in seen or skey in seen:
            continue
        seen.update({key, skey})
        yield finding


_FOLLOWING_PARAGRAPHS = 7  # how far a story may go on before it sets the evidence against a quote
_FOLLOWING_CHARS = 3000


def _reported_in_news(ctx: DocContext, start: int, end: int, balanced, prospect) -> bool:
    """True when the story reports the hype at ``[start, end)`` as someone's words and balances it,
    or credits a hedged estimate of who might benefit to independent doctors."""
    sentence = ctx.sentence_at(start)
    index = ctx.doc.block_of(start)
    if sentence is None or index < 0:
        return False
    blocks = ctx.doc.blocks
    s, e = start - sentence.span.start, end - sentence.span.start
    lead = ctx.doc.text[blocks[index].span.start:sentence.span.start]
    last = blocks[min(len(blocks) - 1, index + _FOLLOWING_PARAGRAPHS)]
    following = ctx.doc.text[sentence.span.end:min(last.span.end, sentence.span.end + _FOLLOWING_CHARS)]
    return balanced(sentence.text, s, e, lead, following) or prospect(sentence.text, s, e)


def _withdrawn(ctx: DocContext, spec: RuleSpec, start: int, end: int, release: bool) -> bool:
    """The negation and quotation guards, weighed by who speaks: a negation inside a relative clause
    ("people who cannot tolerate CPAP") does not negate the hype; in a press release, scare quotes
    and "called it" are the issuer's emphasis, not doubt (a quote held up by critics still is)."""
    from auditor.engine.guards import is_answered_no, is_debunked, is_doubted_by_issuer, is_negated_claim

    sentence = ctx.sentence_at(start)
    if sentence is not None:
        text, base = sentence.text, sentence.span.start
    else:  # a heading or list item the splitter left without sentences: the block, as the guards do
        index = ctx.doc.block_of(start)
        if index < 0:
            return False
        text, base = ctx.doc.blocks[index].text, ctx.doc.blocks[index].span.start
    s, e = start - base, end - base
    if spec.params.get("ignore_when_negated") and is_negated_claim(text, s, e):
        return True
    if spec.params.get("ignore_when_negated") and sentence is not None \
            and is_answered_no(text, ctx.doc.text[sentence.span.end:sentence.span.end + 40]):
        return True  # "Is it a miracle cure? No, ..."
    if spec.params.get("ignore_when_debunked", True):
        return (is_doubted_by_issuer if release else is_debunked)(text, s, e)
    return False


# -- HC205: harms waved away, read against the rest of the document ------------------------------

# A trial's tolerability summed up in words: "was well tolerated", "a favorable safety profile",
# "all device-related adverse events were mild".
_TOLERABILITY = re.compile(
    r"well[- ]tolerated|tolerate|safety profile|(?:side effects?|adverse (?:events?|effects|reactions)|reactions)\b.*\b(?:mild|minimal|minor|rare|"
    r"temporary|transient|short-lived|negligible|uncommon|infrequent)",
    re.IGNORECASE,
)
_HARMS = re.compile(r"\b(?:adverse (?:events?|effects|reactions)|side[- ]effects?|complications|safety|tolerability)\b",
                    re.IGNORECASE)
_RATE = re.compile(r"\b\d{1,2}(?:\.\d+)?\s*(?:%|percent\b|per cent\b)")
_OPENS_QUOTE = re.compile(r"^\W{0,2}[\"“‘]")
# A sentence that goes on listing what the previous one attributed to the study: "In addition, ...".
_CONTINUES = re.compile(
    r"^\W{0,2}(?:in addition|additionally|also|moreover|furthermore|what's more|(?:they|the (?:researchers|team|study team|"
    r"investigators|authors)) also (?:found|reported|observed|noted|showed|saw))\b",
    re.IGNORECASE,
)


_SPEECH_VERB = r"(?:said|says|added|adds|told|tells|explained|explains|argued|argues|noted|notes|wrote|writes|cautioned|pointed out)"
# The person a sentence credits: "Batzofin added that", "..." said Dr. Charles L. Sawyers".
_SPEAKER_AFTER = re.compile(
    _SPEECH_VERB + r",? (?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.? )?(?:[A-Z][\w.'’-]* ){0,3}([A-Z][a-z][\w'’-]+)\b")
_SPEAKER_BEFORE = re.compile(r"\b([A-Z][a-z][\w'’-]+) (?:also )?" + _SPEECH_VERB + r"\b")
_NOT_NAMES = frozenset({"The", "But", "And", "It", "He", "She", "They", "We", "This", "That", "There", "Experts",
                        "Researchers", "Scientists", "Doctors", "Officials", "Critics", "Company", "Study", "Team"})
# How a document introduces someone with a stake in the treatment: its maker, the study's leader,
# the clinic's director ("the dermatologist who led the study", "the institute's director").
_STAKE = re.compile(
    r"\b(?:led|leads|lead (?:author|researcher|investigator)|leader|co-?authors?|authors?|investigators?|director|"
    r"founder|co-?founder|chief executive|CEO|president|company|firm|maker|manufacturer|developer|developed|"
    r"invent(?:ed|or)|spokes(?:man|woman|person)|team|ran the|conducted|study's)\b",
    re.IGNORECASE,
)


def _speaker(text: str) -> str | None:
    """The surname of the person ``text`` credits with its words, if it names one."""
    for pattern in (_SPEAKER_AFTER, _SPEAKER_BEFORE):
        for match in pattern.finditer(text):
            if match.group(1) not in _NOT_NAMES:
                return match.group(1)
    return None


def _outside_voice(ctx: DocContext, name: str) -> bool:
    """True when nowhere in the document is ``name`` introduced as having a stake in the
    treatment (its maker, the study's leader or team, the clinic's director)."""
    text = ctx.doc.text
    for match in re.finditer(r"\b" + re.escape(name) + r"\b", text):
        if _STAKE.search(text[max(0, match.start() - 60):match.end() + 100]):
            return False
    return True


def _gives_harm_rates(ctx: DocContext) -> bool:
    """True when the document lists the harms one by one with their rates: a paragraph (or the one
    under a heading such as "ADVERSE EVENTS") that names side effects or adverse events and gives at
    least three percentages ("acne (2.9 percent vs. 2.9 percent), headache (0.5 percent vs. ...")."""
    previous = ""
    for block in ctx.doc.blocks:
        if len(_RATE.findall(block.text)) >= 3 and (_HARMS.search(block.text) or _HARMS.search(previous)):
            return True
        previous = block.text
    return False


@register("risk_minimizing")
def risk_minimizing(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """Risk-minimizing language (HC205), less what the rest of the document answers for:

    - a tolerability summary ("was well tolerated") in a document that lists the adverse events
      one by one with their rates reports the harms, it does not wave them away;
    - in a news story, a side of the argument a source is quoted as making ("Batzofin added that",
      a quote the paragraph credits to a named oncologist) is reported, not asserted;
    - a sentence that goes on listing what the study was just said to have found ("The team found
      that ... In addition, the supplements were well tolerated") is attributed like the first.
    """
    from auditor.engine.guards import is_attributed

    rates: bool | None = None
    for finding in own_voice_findings(ctx, spec, "risk_minimizing_own_voice"):
        sentence = ctx.sentence_at(finding.span.start) if finding.span else None
        if sentence is None:
            yield finding
            continue
        if _TOLERABILITY.search(finding.evidence):
            if rates is None:
                rates = _gives_harm_rates(ctx)
            if rates:
                continue
        block = ctx.doc.blocks[sentence.block].text
        if not ctx.is_press_release:
            speaker = _speaker(sentence.text) or (_speaker(block) if _OPENS_QUOTE.search(sentence.text) else None)
            if speaker and _outside_voice(ctx, speaker):
                continue
        if _CONTINUES.search(sentence.text):
            index = ctx.doc.sentences.index(sentence)
            before = ctx.doc.sentences[index - 1] if index > 0 else None
            if before is not None and before.block == sentence.block and is_attributed(before.text, len(before.text)):
                continue
        yield finding


# -- HC203, third pass: more weak evidence, more headline verbs, hedges kept to their own clause ----

# Evidence that cannot show cause and effect in people, in words the lists above miss: "the subjects
# were mice", "old mice", a pilot or single-arm study, a study with no control group.
_ANIMALS_THIRD = r"(?:were|are) (?:\w+ )?(?:mice|rats)|(?:old|aged|elderly|young|obese|diabetic) (?:mice|rats)"
_ANIMAL_THIRD = re.compile(rf"\b(?:{_ANIMALS_THIRD})\b", re.IGNORECASE)
_WEAK_THIRD = re.compile(
    rf"\b(?:{_ANIMALS_THIRD}|pilot (?:study|trial)|open-label|single-arm|uncontrolled (?:study|trial)|"
    r"(?:no|without an?|lacked an?) (?:control|comparison|placebo) (?:group|arm))\b",
    re.IGNORECASE,
)
# A dateline or byline line: a date and at most eight words ("Press release · February 24, 2026").
_DATELINE_ONLY = re.compile(r"^(?=.*\b(?:19|20)\d\d\b)(?!(?:\S+\s+){8})[^.!?]*$")
# Headline verbs of repair and rescue the lists above miss: "Scientists find key to reversing
# ageing", "Survivors regain arm movement", "Scientists rebuild lost bone", "injection silenced ringing".
_CAUSAL_THIRD = re.compile(
    r"\b(?:revers(?:ing|ed)|regain(?:s|ed)?|rebuil(?:d|ds|t)|restored|silenc(?:ed|es)|halted|"
    r"protects? against|protected against|freed from)\b",
    re.IGNORECASE,
)
# A hedge after the claim counts only within its own verb phrase: in "reverses bone thinning and
# could spare millions" or "silenced ringing in a study that could transform care", the "could"
# belongs to the second claim.
_NEXT_CLAIM = re.compile(r"\s[-–—]\s|\s(?:and|but|while|that|which)\s+(?:(?:it|they|this|we|he|she)\s+)?(?:could|may|might|will|can|would)\b", re.IGNORECASE)


def _weak_evidence(ctx: DocContext) -> bool:
    """The page's own evidence cannot show cause and effect in people: animal, cell, observational
    or uncontrolled. On a page that reports a randomised comparison only animal or cell work is."""
    text = ctx.main_text()
    if _reports_randomised(text):
        return bool(_ANIMAL_OR_CELL.search(text) or _ANIMAL_THIRD.search(text))
    return bool(_WEAK_EVIDENCE.search(text) or _WEAK_MORE.search(text) or _WEAK_THIRD.search(text)
                or _WEAK_FIFTH.search(text))


# "to help them regain function", "helping patients regain": a purpose or an aid, not a stated result.
_PURPOSE_BEFORE = re.compile(r"\b(?:to|help(?:s|ed|ing)?|aims?|aimed|designed|intended|hopes?)\b(?:\s+[\w'’-]+){0,2}\s+$",
                             re.IGNORECASE)


def _repair_verb(text: str) -> re.Match[str] | None:
    """The first verb of repair or rescue that is not a purpose ("to help them regain function");
    ("the key to reversing ageing" is no purpose: there "to" takes a noun)."""
    match = _CAUSAL_THIRD.search(text)
    while match is not None and not match.group().lower().endswith("ing") \
            and _PURPOSE_BEFORE.search(text[max(0, match.start() - 40):match.start()]):
        match = _CAUSAL_THIRD.search(text, match.end())
    return match


def _hedged_claim(text: str, start: int, end: int) -> bool:
    cut = _NEXT_CLAIM.search(text, end)
    return is_hedged(text[:cut.start()] if cut else text, start, end)


# -- HC203, fourth pass: a trial said not to be randomised, and headline promises of an end ---------

# "There was no placebo group", "the study was not randomized", "a randomized trial lasting this
# long is unlikely ever to be done": the words name the missing control, not a controlled trial.
_NOT_RANDOMISED_BEFORE = re.compile(
    r"\b(?:no|not|non|without(?: an?)?|lacked(?: an?)?|lacking(?: an?)?|never|nor|rather than(?: an?)?|instead of(?: an?)?)[\s-]+(?:(?:a|an|been|being|yet)\s+)?$",
    re.IGNORECASE,
)
_RANDOMISED_HYPOTHETICAL = re.compile(
    r"^(?:[\s,-]+(?:controlled|placebo-controlled|clinical|double-blind|blinded|long-term|large|larger))*\s+(?:trials?|study|studies)\b[^.!?]{0,50}?\b(?:(?:is|are|was|were) (?:\w+ )?(?:unlikely|needed|required|planned|impossible|unethical)|would (?:be|need|have)|will be needed|is the next step)\b",
    re.IGNORECASE,
)


def _reports_randomised(text: str) -> bool:
    """The page reports a randomised, placebo- or sham-controlled comparison, not merely names one
    that was missing or that might be run one day."""
    for m in _RANDOMISED.finditer(text):
        if _NOT_RANDOMISED_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue
        if _RANDOMISED_HYPOTHETICAL.search(text[m.end():m.end() + 120]):
            continue
        return True
    return False


# Headline promises the verb lists above miss: "therapy could end binge eating", "coffee could be
# the key to a longer life", "gel could make injections a thing of the past", "therapy delivers rapid,
# lasting reductions in binge episodes".
_CAUSAL_FOURTH = re.compile(
    r"\b(?:(?:be|is|are|holds?|hold) the key to (?:a |an |your )?(?:longer|long|healthier|sharper|stronger|younger|better|slower)\b|"
    r"ends? (?:[\w'’-]+ ){0,2}?(?:eating|depression|addiction|migraines?|pain|diabetes|obesity|dementia|alzheimer's|insomnia|tinnitus|baldness|hair loss|ageing|aging)\b|"
    r"make[s]? [\w'’ -]{1,40}? a thing of the past|"
    r"deliver(?:s|ed)? (?:[\w'’-]+,? ){0,3}?(?:reductions|improvements|relief|remission|recovery)\b)",
    re.IGNORECASE,
)


# Coming off medicines credited to the product in a headline or lede of an uncontrolled study: "members
# lowered their A1C and reduced or stopped diabetes medicines within six months of starting the program".
_CAUSAL_SEVENTH = re.compile(
    r"\b(?:reduced or stopped|stopped or reduced|cut down or stopped|came off|no longer needed|were able to (?:cut down or )?stop) "
    r"(?:taking )?(?:(?:some|all|most|their|of|or|[\w-]+) ){0,6}?(?:medicines|medications|insulin|painkillers|opioids)\b|"
    # A result credited to one cause alone: "patients cleared excess liver fat through food alone".
    r"\b(?:cleared|reversed|beat|cured|healed|eliminated|got rid of|put [\w-]+ into remission) [\w'’ -]{1,40}? "
    r"(?:through|by|with) (?:[\w'’-]+ ){0,2}?[\w'’-]+ alone\b|"
    # A study said to show that an organ can heal: "study shows the injured brain can relearn".
    r"\bshows? (?:that )?(?:the )?(?:injured |damaged |ageing |aging |adult |old |older )?(?:brain|body|heart|spinal cord|nerves?|"
    r"liver|kidneys?|pancreas|cartilage) can (?:relearn|re-learn|heal|repair|regenerate|recover|rewire|regrow|reverse)\b|"
    # A heading that opens on the repair itself: "Rewiring through play", "Restoring strength, not just density".
    r"^\W{0,3}(?:rewiring|resetting|rebuilding|regrowing|restoring|repairing|reawakening|rejuvenating|regenerating)\b",
    re.IGNORECASE,
)


def _causal_match(text: str) -> re.Match[str] | None:
    """The earliest causal wording of any of the lists (on a tie, the earlier list's)."""
    found = [m for m in (_CAUSAL.search(text), _CAUSAL_MORE.search(text), _repair_verb(text), _CAUSAL_FOURTH.search(text),
                         _CAUSAL_FIFTH.search(text), _CAUSAL_SEVENTH.search(text)) if m]
    return min(found, key=lambda m: m.start()) if found else None


_ENOUGH_TO = re.compile(r"\benough to\s+$", re.IGNORECASE)


# -- HC204 on a page that sells: the rule's ``selling_patterns`` ----------------------------------
# "Where Hope Becomes Healing", "Reclaim your vitality", "Honestly, I'm blown away" are a clinic's or a
# shop's own slogans; a patient or a scientist saying the same in a news story describes a feeling.
def _hype_without_slogans(spec: RuleSpec) -> RuleSpec:
    """HC204's spec without ``selling_patterns``, for ``hype_terms`` (built once per rule)."""
    from dataclasses import replace

    return replace(spec, params={k: v for k, v in spec.params.items() if k != "selling_patterns"})


def _hype_slogan_rule(spec: RuleSpec):
    """The rule's ``selling_patterns`` as a pattern rule with its guards (hedges do not withdraw a slogan)."""
    from dataclasses import replace

    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package

    params = {k: v for k, v in spec.params.items()
              if k not in ("check", "hedged_patterns", "selling_patterns", "ignore_when_balanced_report")}
    params |= {"patterns": spec.params["selling_patterns"], "ignore_when_hedged": False}
    return PatternRule(replace(spec, kind="pattern", params=params))


@register("hype_terms_with_slogans")
def hype_terms_with_slogans(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """``hype_terms``, and on a page that sells (never a press release) the rule's ``selling_patterns``
    wherever they do not overlap a finding already made."""
    from auditor.engine.kinds.python import prepared

    own = list(hype_terms(ctx, prepared(spec, "hype_without_slogans", _hype_without_slogans)))
    yield from own
    if not spec.params.get("selling_patterns") or not (main_text_sells(ctx, own) or offers_unless_news(ctx)):
        return
    yield from _apart_from(ctx, prepared(spec, "hype_slogans", _hype_slogan_rule).run(ctx), own)


# -- HC203: uncontrolled programme evaluations, and headline verbs of coming off medicine, drug-free
# answers and lifted depression ------------------------------------------------------------------------

# A programme's own members followed with no comparison group: "followed 64 adults ... who enrolled in
# the program", "people ... who used GlucoPath for six months", "most of the patients who completed it".
_WEAK_FIFTH = re.compile(
    r"\b(?:(?:followed|tracked|included|analy[sz]ed|studied) (?:[\d,]+|more than [\d,]+|over [\d,]+) (?:adults|patients|people|participants|members|women|men|users|employees)\b[^.!?]{0,160}?\bwho (?:enrolled|used|joined|completed|signed up|took part|stayed)|"
    r"(?:patients|people|participants|members|users|women|men|adults) (?:with [\w' -]{3,40} )?who (?:used|completed|enrolled in|joined|stayed in) (?:it|the program(?:me)?|[A-Z][\w-]+)\b(?! (?:or|and) (?:a|the) (?:control|placebo|comparison))|"
    # One group given the treatment and measured before and after: "gave 30 adults with depression one capsule".
    r"(?:gave|treated|offered) (?:[\d,]+|ten|twelve|twenty|thirty|forty|fifty) (?:adults|patients|people|volunteers|participants|women|men) (?:with [^.!?]{0,60}? )?(?:one|a single|a|an) (?:dose|capsule|infusion|injection|session|course)|"
    r"(?:scans|measurements|samples|tests) (?:taken |done |made )?before and after (?:the |each |a |one )?(?:session|treatment|course|program|programme|therapy|dose|infusion))",
)
# Headline verbs the lists above miss: "helps people come off their medications", "offers women a
# drug-free answer to night sweats", "has lifted severe depression", "can dramatically reduce anxiety".
_CAUSAL_FIFTH = re.compile(
    r"\b(?:come off (?:their |your |all |some )?(?:medications?|medicines?|meds|insulin|pills|drugs)|"
    r"(?:a |an |the )(?:drug-free|natural|non-invasive|simple|lasting|real) (?:answer|solution|fix|cure) (?:to|for)|"
    r"(?:has |have )?lifted (?:[\w'’-]+ ){0,2}?depression|dramatically (?:reduce|cut|lower|improve|boost|ease)|"
    r"br(?:ought|ings?) (?:fast |rapid |quick |lasting |swift )?relief (?:to|for)|"
    r"(?:brain|memory|immune|heart|bone|liver)-(?:boosting|protecting|saving|strengthening)|"
    r"transforms? (?:[\w'’-]+ ){0,2}?(?:immune health|immunity|heart health|brain health|bone health))\b",
    re.IGNORECASE,
)


_REPORTED_HEADLINE = re.compile(r"\b(?:say|says|said|told)\b", re.IGNORECASE)


# -- HC204, sixth pass: hype words used as plain description ------------------------------------------

# "its first-ever head-injury survey", "the association's first-ever conference": a first in the owner's
# own history, or a first data collection, not a world first claimed for a treatment.
_OWN_FIRST_BEFORE = re.compile(r"\b(?:its|their|our|his|her|(?-i:[A-Z])[\w.&-]*(?:'s|’s))\s+$", re.IGNORECASE)
_FIRST_OF_RECORD = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:survey|poll|census|report|conference|meeting|summit|symposium|award|audit|registry|guidelines?)s?\b",
    re.IGNORECASE,
)
_FIRST_TERMS = re.compile(r"^(?:first-ever|first-of-its-kind)$", re.IGNORECASE)
# "nearly as accurate as a state-of-the-art CT scan", "compared with cutting-edge MRI": the praise is the
# comparator's, the standard the new test is measured against, not the product's.
_COMPARATOR_BEFORE = re.compile(
    r"\b(?:as (?:[\w-]+ )?as|than|compared (?:with|to)|versus|vs\.?|against)\s+(?:(?:a|an|the|today's|today’s|current|existing|standard)\s+)?$",
    re.IGNORECASE,
)
_DESCRIPTIVE_TERMS = re.compile(
    r"^(?:state-of-the-art|cutting[- ]edge|world-class|best-in-class|groundbreaking|ground-breaking|pioneering|"
    r"revolutionary|trailblazing|landmark|world-leading|first-ever|first-of-its-kind)$",
    re.IGNORECASE,
)
# "Stem cells are like the Holy Grail of vision research", "The Holy Grail is to have a therapy that...":
# a field's goal named, not a result claimed.
_GRAIL_SIMILE_BEFORE = re.compile(r"\blike (?:the |a )?$", re.IGNORECASE)
_GRAIL_GOAL_AFTER = re.compile(r"^\s+(?:is|was|would be|remains) (?:to|finding|getting|having)\b", re.IGNORECASE)
# "This could ultimately change the way we diagnose": a far-off, hedged aspiration of change.
_FAR_OFF = re.compile(r"\b(?:ultimately|eventually|one day|someday|some day|in time|in the long run)\b", re.IGNORECASE)
_CHANGE_ONLY = re.compile(r"\bchange\b", re.IGNORECASE)


def _descriptive_hype(ctx: DocContext, finding: Finding) -> bool:
    """True when the hype word at the finding describes rather than sells: a first in the owner's own
    record or a first survey, the comparator's quality, a field's "Holy Grail" named as its goal, or a distant
    "could ultimately change the way" aspiration."""
    if finding.span is None:
        return False
    sentence = ctx.sentence_at(finding.span.start)
    if sentence is None:
        return False
    text = sentence.text
    s = finding.span.start - sentence.span.start
    e = finding.span.end - sentence.span.start
    word = text[s:e]
    before, after = text[max(0, s - 60):s], text[e:e + 80]
    if _FIRST_TERMS.match(word) and (_OWN_FIRST_BEFORE.search(before) or _FIRST_OF_RECORD.search(after)):
        return True
    if _DESCRIPTIVE_TERMS.match(word) and _COMPARATOR_BEFORE.search(before):
        return True
    if word.lower() == "holy grail" and (_GRAIL_SIMILE_BEFORE.search(before) or _GRAIL_GOAL_AFTER.search(after)):
        return True
    if _FAR_OFF.search(word) and _CHANGE_ONLY.search(word):
        return True
    return False


# -- HC202 and HC205: a study's finding in the issuer's own voice ----------------------------------
# "Study shows our serum reverses skin ageing" in a release's headline, "research shows online therapy
# is just as effective" on a page that sells, "no serious side effects were reported, confirming the
# formula's excellent safety profile": on a press release or a selling page the study reported is the
# issuer's own, and the claim made from it is the issuer's. In a news story (or any other page) a
# reported finding stays the study's; and "according to" hands the words to someone else everywhere.
_OTHERS_WORDS = re.compile(r"\baccording to\b", re.IGNORECASE)
# A test still to be passed ("would first need to show that the compound is safe") is no finding.
_TO_BE_SHOWN = re.compile(
    r"\b(?:to|would|will|must|should|could|may|might|can)\s+(?:\w+\s+)?(?:show|find|prove|demonstrate|confirm)\b", re.IGNORECASE)
# A study's result as a plain comparison or verdict ("the research indicates that X is significantly more
# effective", "results showed that it is safe") reports the study; the overclaim needs more than that.
_PLAIN_RESULT = re.compile(r"^(?:(?:much|far|significantly) )?more effective$|^(?:is|are) (?:very |also )?safe$", re.IGNORECASE)


def _own_voice_rule(spec: RuleSpec):
    """The rule's patterns and guards as one pattern rule, less the attribution guard (weighed by page)."""
    from dataclasses import replace

    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package

    params = {k: v for k, v in spec.params.items() if k not in ("check", "selling_patterns", "selling_unless")}
    params |= {"ignore_when_attributed": False}
    return PatternRule(replace(spec, kind="pattern", params=params))


def _issuer_page(ctx: DocContext) -> bool:
    """A press release (not a news story carrying its furniture) or a page that sells (read once per page)."""
    if "issuer_page" not in ctx.memo:
        from auditor.engine.guards import has_release_furniture, is_news_story_text
        from auditor.engine.selling import sells_unless_report

        text = ctx.doc.text
        release = (ctx.is_press_release or has_release_furniture(text)) and not is_news_story_text(text)
        ctx.memo["issuer_page"] = release or sells_unless_report(ctx)
    return ctx.memo["issuer_page"]


def own_voice_findings(ctx: DocContext, spec: RuleSpec, key: str) -> Iterator[Finding]:
    """The rule's pattern findings; with ``ignore_when_attributed``, one a study is reported to have
    found is kept only on the issuer's own page (a release, a selling page) and not after "according to"."""
    from auditor.engine.guards import is_attributed
    from auditor.engine.kinds.python import prepared

    weigh = bool(spec.params.get("ignore_when_attributed"))
    for finding in prepared(spec, key, _own_voice_rule).run(ctx):
        sentence = ctx.sentence_at(finding.span.start) if (weigh and finding.span) else None
        if sentence is not None:
            s = finding.span.start - sentence.span.start
            before = sentence.text[max(0, s - 300):s]
            if is_attributed(sentence.text, s) and (
                    not _issuer_page(ctx) or _OTHERS_WORDS.search(before) or _TO_BE_SHOWN.search(before)
                    or _PLAIN_RESULT.match(finding.evidence)):
                continue
        yield finding


@register("overstated_efficacy")
def overstated_efficacy(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """Overstated efficacy (HC202): the rule's patterns, a study's reported finding counting as the
    issuer's claim on a release or a selling page (see ``own_voice_findings``); on a page that sells,
    also the seller's own verdicts of ``selling_patterns`` (see ``selling_verdicts``)."""
    own = list(own_voice_findings(ctx, spec, "overstated_efficacy"))
    yield from own
    yield from selling_verdicts(ctx, spec, own)


# -- HC202 on a page that sells: the rule's ``selling_patterns`` ------------------------------------
# "For most people, X is the fastest way to clear skin", "nothing works better", "trained on proven
# techniques", "the gold standard for knee pain": verdicts a seller gives its own product. A health page
# or a news story may call colonoscopy the gold standard for screening or say statins are proven to
# lower risk; only on a page that sells (never a release or a news story) are they the seller's verdict.
def _selling_verdict_rule(spec: RuleSpec):
    """The rule's ``selling_patterns`` with its negation and hedging guards and ``selling_unless``."""
    from dataclasses import replace

    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package

    params = {k: spec.params[k] for k in ("ignore_when_negated", "ignore_when_hedged") if k in spec.params}
    params |= {"patterns": spec.params["selling_patterns"], "unless": spec.params.get("selling_unless", [])}
    return PatternRule(replace(spec, kind="pattern", params=params))


def selling_verdicts(ctx: DocContext, spec: RuleSpec, own: list[Finding]) -> Iterator[Finding]:
    """Findings of ``selling_patterns`` on a page that sells, where they overlap none of ``own``."""
    from auditor.engine.kinds.python import prepared
    from auditor.engine.selling import sells_unless_report

    if not spec.params.get("selling_patterns") or not sells_unless_report(ctx):
        return
    yield from _apart_from(ctx, prepared(spec, "selling_verdicts", _selling_verdict_rule).run(ctx), own)


def _apart_from(ctx: DocContext, found: Iterable[Finding], own: list[Finding]) -> Iterator[Finding]:
    """``found`` less what overlaps ``own`` or an earlier one, and less matches in a list of links."""
    taken = [f.span for f in own if f.span is not None]
    for finding in found:
        if finding.span is None or any(finding.span.overlaps(t) for t in taken):
            continue
        if _in_link_list(ctx, finding.span.start):
            continue
        taken.append(finding.span)
        yield finding
