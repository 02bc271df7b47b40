"""HC203: a release's and a story's own mechanism and proof talk.

Shapes the pattern list of HC203 cannot carry because each needs a condition of the page or of the
speaker: an issuer's "we have shown that it can reverse" (a release's own voice), a forecast of lives
saved stated as the release's estimate, a surrogate read as protection, a "simple way to protect"
drawn from an observational or animal study, and the targeted-therapy and immune-system metaphors of
a mechanism told as fact ("while sparing healthy cells", "hunt down and destroy"). A release's closing
"About <the drug>" section describes the product, not the issuer, and is checked like its body (the
"About <the company>" section is not).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from auditor.engine.context import DocContext
from auditor.engine.guards import is_debunked, is_hedged, is_negated
from auditor.engine.spec import RuleSpec
from auditor.records import Finding, Span

# -- a release's closing sections: the product's and the disease's, not the issuer's -------------------

_ABOUT = re.compile(r"^\W{0,3}about\s+(?:the\s+)?(\S.{0,100}?)\s*(?::|$)", re.IGNORECASE)
# The issuer's own name: "About Elsmere Pharma", "About the Halberd Institute for Healthy Aging".
_ORG_NAME = re.compile(
    r"\b(?:universit(?:y|ies)|institutes?|hospitals?|cent(?:er|re)s?|health|healthcare|system|therapeutics|pharma|"
    r"pharmaceuticals?|bio|biosciences?|biologics|biotherapeutics|biotech|biopharma|genetics|genomics|oncology|medical|"
    r"medicine|labs?|laborator(?:y|ies)|diagnostics|neurosciences?|neurotech|neuro|respiratory|dermatologics|co|inc|"
    r"ltd|llc|plc|corp(?:oration)?|gmbh|ag|sa|alliance|society|association|foundation|group|network|college|school|"
    r"department|agency|council|trust|clinic|practice|partners|holdings|technologies|technology|sciences?|"
    r"programs?|programmes?|newsline|news|wire|media|press)\b\.?\W*$",
    re.IGNORECASE,
)
# The section's first sentence introduces an organisation: "Tidemark is a digital health company".
_ORG_INTRO = re.compile(
    r"\b(?:is|was|are)\s+(?:a|an|the|one of the)\b[^.!?]{0,160}?\b(?:compan(?:y|ies)|corporation|organi[sz]ation|"
    r"universit(?:y|ies)|institute|hospital|health system|foundation|charity|society|association|network|alliance|"
    r"cent(?:er|re)|college|school|agency|provider|business|firm|start-?up|non-?profit|department|clinic|"
    r"laborator(?:y|ies)|leader|pioneer|developer|manufacturer|maker|innovator|publisher|service|practice|team)\b"
    r"|\b(?:founded|headquartered|based) in\b",
    re.IGNORECASE,
)


def _about_heading(ctx: DocContext, block_index: int) -> int | None:
    """Index of the closest "About X" heading at or before ``block_index``, within the footer."""
    footer = ctx.release_footer_start
    if footer is None:
        return None
    blocks = ctx.doc.blocks
    for index in range(block_index, -1, -1):
        block = blocks[index]
        if block.span.end < footer:
            return None
        if _ABOUT.match(block.text.strip()):
            return index
    return None


def in_product_section(ctx: DocContext, start: int) -> bool:
    """True when ``start`` lies in a release's closing "About X" section that describes a product, a
    study or a disease ("About Dovrabrutinib", "About the LOOP-AF study"), not the issuer."""
    if not ctx.is_press_release:
        return False
    index = ctx.doc.block_of(start)
    if index < 0:
        return False
    heading = _about_heading(ctx, index)
    if heading is None:
        return False
    block = ctx.doc.blocks[heading]
    match = _ABOUT.match(block.text.strip())
    name = match.group(1) if match else ""
    if _ORG_NAME.search(name):
        return False
    # The section's own opening text: the rest of a run-in heading ("About X: X is ...") or the next block.
    rest = block.text.strip()[match.end():] if match else ""
    opening = rest if len(rest.split()) > 4 else (ctx.doc.blocks[heading + 1].text if heading + 1 < len(ctx.doc.blocks) else "")
    first = re.split(r"(?<=[.!?])\s", opening.strip(), maxsplit=1)[0]
    return not _ORG_INTRO.search(first)


# -- the shapes --------------------------------------------------------------------------------------

# Anywhere in a page's own voice: the targeted-therapy and immune metaphors and a surrogate read as
# protection. "kills cancer cells while sparing healthy ones", "trains the immune system to hunt down
# and destroy", "forcing the body to burn stored fat", "point to meaningful protection of the heart".
_MECHANISM = re.compile(
    r"\b(?:(?:while|whilst) (?:also )?sparing (?:the )?(?:surrounding |nearby |normal |healthy |rest of the )*"
    r"(?:cells|tissues?|organs|body|brain)|"
    r"hunt(?:s|ing)? down and (?:destroy|kill|eliminate|wipe out)|seek(?:s|ing)? out and (?:destroy|kill)|"
    r"forc(?:e|es|ing) (?:the|your) body to (?:burn|shed|use|break down|release)|"
    r"switch(?:es|ing)? off (?:the )?(?:hunger|appetite|craving|pain) signals|"
    r"point(?:s|ing)? to (?:meaningful |real |lasting |long-term |broad |genuine )?protection (?:of|against|from|for)|"
    r"support(?:s|ing)? (?:its|their|the (?:drug|pill|therapy|treatment|vaccine|device)(?:'s|’s)) potential to "
    r"(?:protect|prevent|halt|stop|reverse|slow))\b",
    re.IGNORECASE,
)
# A selection tool said to pick the winners: "picks the embryos most likely to result in a pregnancy" (its
# "likely" is the claim, not a hedge).
_PICKS = re.compile(
    r"\b(?:identif(?:y|ies|ying)|picks?|picking|selects?|selecting|chooses?|choosing) the (?:embryos?|ones?|eggs?|sperm) "
    r"most likely to (?:become|result in|lead to|implant|succeed|produce)\b",
    re.IGNORECASE,
)
# Only in a release (its own text and its spokespeople's quotes): proof of a reversal or cure, a
# forecast of lives or events averted, a treatment said to change the course of a disease.
_PROOF = re.compile(
    r"\bwe (?:have )?(?:now |finally )?(?:shown|proven|proved|demonstrated)(?:,? for the first time,?)? that\b"
    r"[^.!?;]{0,120}?\b(?:revers\w*|cur(?:e|es|ed|ing)|fix(?:es|ed)?|repair\w*|heal\w*|restor\w*|regenerat\w*|"
    r"rebuil\w*|eliminat\w*|eradicat\w*|undo(?:ne|es)?|is not permanent|are not permanent|reversible)\b",
    re.IGNORECASE,
)
_FORECAST = re.compile(
    r"\b(?:can|could|will|would) (?:help )?(?:to )?(?:dramatically |significantly |substantially )?(?:improve [\w'’ -]{1,40}? and )?"
    r"(?:save|avert|prevent|spare|stop) (?:tens of |hundreds of )?(?:thousands|millions|hundreds) of "
    r"(?:lives|strokes|deaths|heart attacks|cases|hospitali[sz]ations|admissions|amputations|fractures|infections)\b|"
    # "clinics using EmbryoLens could see pregnancy rates rise by up to 100%".
    r"\b(?:can|could|will|would) see (?:[\w-]+ ){0,3}?rates? (?:rise|double|triple|climb|jump|soar|improve) by (?:up to |as much as )?\d+",
    re.IGNORECASE,
)
_COURSE = re.compile(
    r"\b(?:can|will|does|to) (?:change|alter|modify|transform) the course of (?:the |their |this |his |her |a |an |your )?"
    r"(?:[\w'’-]+ )?(?:illness|disease|condition)\b",
    re.IGNORECASE,
)
# On a page whose evidence is observational, animal or uncontrolled: "a simple way to protect your
# liver", "the easiest way to keep Alzheimer's at bay", "a simple, affordable step ... to protect their memory".
_SIMPLE_WAY = re.compile(
    r"\b(?:a|an|the) (?:simple|simplest|easy|easiest|cheap|cheapest|affordable|inexpensive|natural)(?:,? (?:and )?"
    r"(?:simple|easy|cheap|affordable|inexpensive|natural))? (?:way|step|thing|change|swap|habit)s? "
    r"(?:[\w'’-]+ ){0,3}?to (?:help )?(?:protect|prevent|keep [\w'’ -]{1,30}? at bay|ward off|stave off|fend off|"
    r"cut (?:the |your |their )?risk|lower (?:the |your |their )?risk|reduce (?:the |your |their )?risk|slow|reverse)\b",
    re.IGNORECASE,
)
# A single study said to confirm received wisdom: "these findings confirm what chiropractors have known for a century".
_KNOWN = re.compile(r"\bconfirms? what (?:[\w'’-]+ ){1,3}?(?:have|has) (?:long |always |already )?known\b", re.IGNORECASE)
# In a release: the study's mechanism told as a switch ("switch off the circuits that produce motivation").
_SWITCH = re.compile(r"\bswitch(?:es|ing)? (?:on|off) the (?:[\w-]+ )?(?:cells|circuits|genes?|neurons) that\b", re.IGNORECASE)
# On a page whose evidence is observational or uncontrolled: deaths said to be preventable ("one in ten
# early deaths could have been prevented") and the association named as protection or benefit ("two to
# three cups a day offer the most protection", "how strong the protection was").
_COUNTERFACTUAL = re.compile(
    r"\b(?:deaths|cases|heart attacks|strokes|cancers|fractures|infections|hospitali[sz]ations|admissions|diagnoses) "
    r"(?:[\w-]+ ){0,2}?could have been (?:prevented|avoided|averted|delayed)\b",
    re.IGNORECASE,
)
_MOST_PROTECTION = re.compile(
    r"\b(?:(?:offers?|gives?|provides?|for|gets?|got|see|saw|with) the (?:most|biggest|greatest|strongest|largest) "
    r"(?:protection|protective effect|benefit)|how strong the protection (?:was|is)|"
    r"(?:the )?(?:benefits?|protection|protective effects?) (?:was|were) (?:seen|found|observed) (?:for|in|among|with))\b",
    re.IGNORECASE,
)
# In a release whose evidence is observational, animal or uncontrolled, the body told as talking and
# listening ("the gut and the skeleton are in constant conversation", "the bones listen", "CU-7 is telling
# it to calm down") and a condition said to be fixable ("faulty circuits can be fixed").
_BODY_TALK = re.compile(
    r"\b(?:(?:gut|bacteria|microbes|microbiome|bones?|skeleton|brain|immune system|body|cells|nerves)(?: and (?:the |our |your )?"
    r"[\w-]+)? (?:are|is) (?:talking|speaking|in (?:constant |direct |daily )?conversation|chatting)\b|"
    r"(?:the )?(?:bones|brain|body|gut|cells|skin|nerves|immune system) (?:listens?|listen up|hears? it|gets? the message)\b|"
    r"(?:is |are )?telling (?:it|them|the brain|the body|the gut|the immune system|the cells) to (?:calm down|relax|heal|grow|stop|repair|switch off)\b|"
    r"(?:[\w-]+ )?(?:circuits?|damage|decline|loss|disease|condition) (?:can|will) be (?:fixed|reversed|repaired|undone|cured)\b|"
    r"\ba signal to the (?:brain|body|nervous system|immune system) that\b|"
    r"\bwatch(?:ing)? (?:the|your|their) (?:[\w-]+ ){0,2}?(?:reorgani[sz]e|rewire|heal|repair|regrow|regenerate|melt away|dissolve)\b|"
    r"\b(?:it|they|the (?:liver|brain|body|gut|skin|heart|nerves?|cartilage)) (?:repairs|heals|regenerates|rebuilds|renews) (?:itself|themselves)\b|"
    r"\b(?:our|the|these) (?:data|results|findings|scans) show (?:it|this|that|them) working\b)",
    re.IGNORECASE,
)
# An animal result, or one disease's, said to hold elsewhere: "the team believe the same biology drives ageing
# in people", "the same boost could be waiting for human babies", "expects the same mechanism to deliver
# comparable benefits". The belief is the claim; only "may" or "might" takes it back.
_SAME = re.compile(
    r"\b(?:believes?|expects?|think|thinks|says?|(?:is|are) confident) (?:that )?the same (?:mechanism|biology|boost|effects?|"
    r"benefits?|process|pathway)s? (?:[\w'’-]+ ){0,4}?(?:(?:in|for) (?:people|humans|human [\w-]+|patients)|"
    r"(?:comparable|similar|the same) (?:benefits?|results?|effects?))\b",
    re.IGNORECASE,
)
# Hedged mechanism: "is designed to", "is thought to", "researchers believe", "in theory".
_MECHANISM_HEDGE = re.compile(
    r"\b(?:designed|intended|engineered|meant|aims?|aimed|thought|believed|expected|hoped|hypothesi[sz]ed|proposed) to\b|"
    r"\b(?:believes?|think|thinks|hypothesi[sz]e|in theory|theoretically|if|whether|unless|would need)\b",
    re.IGNORECASE,
)
_MAY = re.compile(r"\b(?:may|might|possibly|perhaps|potentially|suggests?|appears?|seems?|if|whether)\b", re.IGNORECASE)


def _withdrawn(ctx: DocContext, spec: RuleSpec, text: str, s: int, e: int, mode: str) -> bool:
    """Negated, hedged, criticised or conditional: not the page's claim. ``mode`` "could": the forecast
    itself is the claim ("could help avert tens of thousands of strokes"), and only "may" or a condition
    ("if it performs in patients") withdraws it; "counterfactual": the "if" is the claim's own."""
    if is_negated(text, s, e) or is_debunked(text, s, e):
        return True
    if mode == "could":
        if _MAY.search(text[max(0, s - 200):e]) or re.search(r"\b(?:if|provided|as long as|once)\b", text[e:e + 120], re.IGNORECASE):
            return True
    elif mode == "counterfactual":
        if re.search(r"\b(?:may|might|possibly|perhaps)\b", text[max(0, s - 200):e], re.IGNORECASE):
            return True
    elif is_hedged(text, s, e) or _MECHANISM_HEDGE.search(text[max(0, s - 200):s]):
        return True
    return any(p.search(text) for p in _unless(tuple(spec.params.get("unless", []))))


@lru_cache(maxsize=8)
def _unless(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


def _speakers_claim(text: str, s: int, e: int, lead: str) -> bool:
    """In a news story: the words are inside a quotation, or the sentence credits them to a named
    person ("Dr. Lee said"); "experts say" names nobody and leaves the claim the story's."""
    from auditor.engine.checks.claims import _speaker

    before = lead + text[:s]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return opened or bool(re.search(r"^\W{0,2}[\"“]", text)) or _speaker(text) is not None


def own_mechanism_and_proof(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """The shapes above, with their conditions (see the module's docstring)."""
    from auditor.engine.checks.claims import _reports_randomised, _weak_evidence

    release = ctx.is_press_release
    weak = observational = None
    footer = ctx.release_footer_start if release else None
    for sentence in ctx.main_sentences:
        text = sentence.text
        block = ctx.doc.blocks[sentence.block]
        if not ctx.in_scope(spec, block):
            continue
        in_footer = footer is not None and sentence.span.start >= footer
        if in_footer and not in_product_section(ctx, sentence.span.start):
            continue
        shapes: list[tuple[re.Pattern[str], str]] = [(_MECHANISM, "strict"), (_KNOWN, "strict"), (_PICKS, "could"),
                                                      (_SAME, "counterfactual")]
        if release:
            shapes += [(_PROOF, "strict"), (_FORECAST, "could"), (_COURSE, "strict"), (_SWITCH, "strict")]
        if _SIMPLE_WAY.search(text) or _COUNTERFACTUAL.search(text) or _MOST_PROTECTION.search(text) \
                or (release and _BODY_TALK.search(text)):
            if weak is None:
                # Animal or cell work is weak evidence on any page; an association read as protection
                # needs a page with no randomised comparison.
                weak = _weak_evidence(ctx)
                observational = weak and not _reports_randomised(ctx.main_text())
            if weak:
                shapes.append((_SIMPLE_WAY, "could"))
                if release:
                    shapes.append((_BODY_TALK, "strict"))
            if observational:
                shapes += [(_COUNTERFACTUAL, "counterfactual"), (_MOST_PROTECTION, "strict")]
        for pattern, mode in shapes:
            match = pattern.search(text)
            if match is None:
                continue
            s, e = match.span()
            # A news story's quote or reported speech is the speaker's claim, not the story's.
            if not release and _speakers_claim(text, s, e, ctx.doc.text[block.span.start:sentence.span.start]):
                continue
            if _withdrawn(ctx, spec, text, s, e, mode):
                continue
            start = sentence.span.start + s
            yield ctx.finding(spec, Span(start, start + (e - s)), match.group(), text)
            break


def footer_pattern_findings(ctx: DocContext, spec: RuleSpec, rule) -> Iterator[Finding]:
    """HC203's pattern-rule findings in a release's product or disease section (``rule`` is the
    pattern rule built without the footer guard)."""
    if not ctx.is_press_release or ctx.release_footer_start is None:
        return
    for finding in rule.run(ctx):
        if finding.span and finding.span.start >= ctx.release_footer_start and in_product_section(ctx, finding.span.start):
            yield finding
