"""Claims of cause and effect that the page's own evidence cannot carry."""
from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.engine.context import DocContext
from auditor.engine.guards import is_hedged, is_negated
from auditor.engine.kinds.python import register
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
_QUALIFIED = re.compile(
    r"\b(?:mice|mouse|rats?|animals?|cells?|lab|laboratory|observational|associated|linked|correlat\w*|"
    r"in the study|researchers (?:found|say)|people who)\b",
    re.IGNORECASE,
)

_NOT_STATED = re.compile(r"\b(?:the|to|may|might|could|can)\s+$")
# "whether aspirin reduces the risk", "if coffee protects": the question, not the claim.
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\b", re.IGNORECASE)


@register("causal_overreach")
def causal_overreach(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A cause-and-effect claim stated plainly when the page's own evidence is animal, cell or
    observational: the headline says "coffee prevents Alzheimer's", the study found an association."""
    if not _WEAK_EVIDENCE.search(ctx.main_text()):
        return
    # Overreach lives in the headline, the headings and the lede: where readers take the message.
    main = ctx.main_sentences
    lede = {id(s) for s in main[:3]}
    for sentence in main:
        block = ctx.doc.blocks[sentence.block]
        if block.kind != "heading" and id(sentence) not in lede or sentence.text.rstrip().endswith("?"):
            continue  # a question ("Can coffee prevent dementia?") states nothing
        if not ctx.in_scope(spec, block) or _QUALIFIED.search(sentence.text) or ctx.is_cited(sentence.block, sentence):
            continue
        match = _CAUSAL.search(sentence.text)
        if match is None or _NOT_STATED.search(sentence.text[max(0, match.start() - 8):match.start()]) \
                or _OPEN_QUESTION.search(sentence.text[max(0, match.start() - 120):match.start()]):
            continue  # "the reverse", "try to prevent", "could prevent": not a stated effect
        if is_hedged(sentence.text, match.start(), match.end()) or is_negated(sentence.text, match.start(), match.end()):
            continue
        start = sentence.span.start + match.start()
        yield ctx.finding(spec, Span(start, start + len(match.group())), match.group(), sentence.text)


def _hype_rules(spec: RuleSpec) -> list:
    """HC204's patterns as pattern rules: those fired whatever the hedging, and those a hedge withdraws."""
    from dataclasses import replace

    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package

    base = {k: v for k, v in spec.params.items() if k not in ("check", "hedged_patterns")}
    rules = [PatternRule(replace(spec, kind="pattern", params=base))]
    if spec.params.get("hedged_patterns"):
        hedged = base | {"patterns": spec.params["hedged_patterns"], "ignore_when_hedged": True}
        rules.append(PatternRule(replace(spec, kind="pattern", params=hedged)))
    return rules


@register("hype_terms")
def hype_terms(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """Hype terms (HC204). ``patterns`` fire even in a hedged sentence: "could transform how we
    treat" is hype because of its "could". ``hedged_patterns`` are sensational only when stated:
    "dramatically reduced pain" is, "could dramatically cut the need for scans" is a forecast."""
    from auditor.engine.kinds.python import prepared

    seen: set[tuple[int, int]] = set()
    limit = int(spec.params.get("max_per_document", 50))
    for rule in prepared(spec, "hype_terms", _hype_rules):
        for finding in rule.run(ctx):
            key = (finding.span.start, finding.span.end) if finding.span else (-1, -1)
            if key in seen or len(seen) >= limit:
                continue
            seen.add(key)
            yield finding


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


def _risk_rule(spec: RuleSpec):
    """HC205's patterns and guards as one pattern rule."""
    from dataclasses import replace

    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package

    return PatternRule(replace(spec, kind="pattern", params={k: v for k, v in spec.params.items() if k != "check"}))


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
    from auditor.engine.kinds.python import prepared

    rates: bool | None = None
    for finding in prepared(spec, "risk_minimizing", _risk_rule).run(ctx):
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
