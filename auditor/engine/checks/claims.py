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
