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
from auditor.engine.selling import sells_unless_report
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
    yield from consequence_claims(ctx, spec)
    yield from uncontrolled_cure_headlines(ctx, spec)
    yield from release_outcome_forecasts(ctx, spec)


def footer_pattern_findings(ctx: DocContext, spec: RuleSpec, rule) -> Iterator[Finding]:
    """HC203's pattern-rule findings in a release's product or disease section (``rule`` is the
    pattern rule built without the footer guard)."""
    if not ctx.is_press_release or ctx.release_footer_start is None:
        return
    for finding in rule.run(ctx):
        if finding.span and finding.span.start >= ctx.release_footer_start and in_product_section(ctx, finding.span.start):
            yield finding


# -- a selling page's product told as the agent of a body change ----------------------------------------
# The shape, not a list of phrases: on a page that sells (not a release, not a news story), a sentence whose
# SUBJECT is the product, one of its ingredients or the procedure, and whose verb is a present-tense action
# on the body ("Selenium protects thyroid cells", "Ashwagandha balances cortisol", "Laser light targets the
# vessels and seals them shut", "The heel cup and arch of the <Name> realign your foot", "The quercetin in
# <Name> acts as a natural antihistamine"), or one that "uses/delivers X that trigger ...". A single cause
# asserted for a condition on such a page ("Plantar fasciitis is caused by flat feet", "the root cause of
# X is Y") is the same kind of claim. Hedged ("may", "is designed to"), negated, sourced, quoted and cited
# sentences are left alone.

# What a product is called when the page does not use its name.
_PRODUCT_NOUN = (
    r"formulas?|formulations?|blends?|supplements?|capsules?|caps|tablets?|pills?|softgels?|gumm(?:y|ies)|serums?|creams?|gels?|"
    r"balms?|lotions?|ointments?|patch(?:es)?|devices?|lasers?|light|LEDs?|IPL|treatments?|therapy|therapies|procedures?|"
    r"insoles?|orthotics?|inserts?|splints?|braces?|chairs?|sprays?|drops|teas?|tonics?|drinks?|shakes?|powders?|oils?|"
    r"extracts?|remed(?:y|ies)|wraps?|masks?|pulses|waves|current|stimulation|injections?|infusions?|drips?|shots?|"
    r"heel cups?|arch(?:es)? supports?|cushions?|stockings|socks|sleeves?|bands?|headbands?|wearables?|ingredients?|"
    r"herbs?|botanicals?|compounds?|nutrients?|vitamins?|minerals?|enzymes?|probiotics?|peptides?|antioxidants?|strains?|"
    r"sessions?|protocol|programme|program|system|technology|machine|pads?|cups?"
)
# Ingredients that supplement and wellness pages sell by name.
_INGREDIENT = (
    r"selenium|zinc|magnesium|iodine|iron|calcium|potassium|chromium|boron|copper|ashwagandha|rhodiola|maca|ginseng|"
    r"quercetin|bromelain|nettle|butterbur|turmeric|curcumin|ginger|garlic|ginkgo|berberine|resveratrol|melatonin|"
    r"valerian|chamomile|lavender|passionflower|l-theanine|theanine|gaba|5-htp|saffron|collagen|biotin|keratin|"
    r"elderberry|echinacea|propolis|bee pollen|pollen|royal jelly|manuka honey|honey|apple cider vinegar|charcoal|"
    r"spirulina|chlorella|moringa|matcha|green tea|cinnamon|fenugreek|saw palmetto|milk thistle|dandelion|"
    r"omega-3s?|fish oil|krill oil|coq10|coenzyme q10|nad\+?|nmn|glutathione|creatine|glucosamine|chondroitin|msm|"
    r"hyaluronic acid|retinol|niacinamide|vitamin [a-k]\d{0,2}|cbd|hemp|mushrooms?|lion's mane|reishi|chaga|cordyceps|"
    r"arnica|capsaicin|menthol|peppermint|eucalyptus|tea tree|aloe(?: vera)?|probiotic strains?|lactobacillus|"
    r"bifidobacterium|fibre|fiber|psyllium|inulin|electrolytes|ketones|magnets?|copper ions|infrared|red light|"
    r"electromagnetic (?:pulses|energy|fields?)|radiofrequency|ultrasound|shockwaves?|cold laser|microcurrents?"
)
_BODY_VERB = (
    r"protect|repair|rebalance|balance|calm|soothe|strengthen|target|block|restore|detoxif(?:y|ie)|boost|re-?train|train|"
    r"rebuild|regenerate|seal|re-?align|align|flush|heal|nourish|stimulate|regulate|normali[sz]e|eliminate|attack|kill|"
    r"destroy|neutrali[sz]e|reverse|reactivate|activate|stop|shut|lock|speed|fight|clear|dissolve|unblock|rewire|reset|"
    r"trigger|penetrate|melt|burn|break|draw|tighten|firm|plump|erase|shrink|collapse|bind|switch|turn|wake|teach|feed|"
    r"fuel|shield|cleanse|purify|open|relax|loosen|release|correct|fix|revitali[sz]e|rejuvenate|energi[sz]e|recharge|"
    r"awaken|supercharge|reprogram|retune|tone|kick-?start|jump-?start|ramp|rev|crank|dampen|quiet|quench|silence|"
    r"starve|flood|coat|line|hug|cradle|cushion|absorb|reduce|lower|raise|increase|improve|enhance|promote|support|give|keep|"
    r"repopulate|replenish|oxygenate|alkali[sz]e|lubricate|decompress|mobili[sz]e|unlock|optimi[sz]e|modulate|inhibit|suppress|"
    r"counteract|combat|re-?hydrate|hydrate"
)
# The verb's forms, with an adverb allowed before it; "acts as a natural antihistamine" too.
_VERB_FORMS = (
    r"(?:(?:\w+ly|also|even|actually|directly|instantly|naturally|gently|quickly|deeply|literally|simply) )?"
    r"(?P<evidence>(?:acts? as (?:an? )?(?:natural |powerful |potent |gentle |built-in )?[\w-]+|"
    r"works? (?:by|through) (?:[a-z-]+ing)(?: [\w'’-]+){1,3}|"
    r"(?:" + _BODY_VERB + r")(?:s|es|ies)?(?= )(?: (?:up|down|out|off|on|back|away|shut|open))?(?: [\w'’-]+){1,3}))"
)
# Verbs that only soften or that report: these need a body object to count ("supports thyroid function").
_SOFT_VERB = re.compile(r"^(?:reduc|lower|rais|increas|improv|enhanc|promot|support|releas|open|line|coat|hug|cradle|cushion|absorb|"
                        r"turn|switch|break|draw|speed|lock|shut|stop|fix|correct|clear|firm|tone|feed|fuel|bind|wake|giv|keep|optimi|modulat|hydrat|rehydrat|unlock|mobili)", re.IGNORECASE)
_BODY_OBJECT = re.compile(
    r"\b(?:your|the|its|their)? ?(?:body|bod(?:y|ies)'s|brain|nerves?|nerve endings|nervous system|immune system|immunity|cells?|"
    r"tissues?|muscles?|fascia|tendons?|ligaments?|joints?|cartilage|bones?|spine|discs?|blood|bloodstream|blood vessels|"
    r"vessels|veins|arteries|circulation|blood flow|hormones?|cortisol|insulin|histamine|serotonin|dopamine|thyroid|adrenals?|"
    r"liver|kidneys?|gut|colon|microbiome|metabolism|inflammation|pain signals|signals|receptors|skin|collagen|elastin|"
    r"follicles|scalp|hair|pores|sinuses|airways|lungs|bladder|pelvic floor|prostate|heart|eyes?|retina|ears?|sleep|"
    r"energy|mood|memory|focus|foot|feet|arch|heel|knees?|back|neck|posture|alignment|strain|pressure|toxins|free radicals|"
    r"bacteria|virus(?:es)?|infection|plaque|fat|cravings|appetite|blood sugar|glucose|cholesterol|swelling|redness|"
    r"flushing|itch(?:ing)?|symptoms|reaction|response|healing|repair|recovery|function|production|levels)\b",
    re.IGNORECASE,
)
_INTRO = re.compile(r"^\W{0,3}(?:(?:within|in|after|over|from|with|once|every|each|unlike|like|compared with|compared to)\b[^,.;!?]{0,40}, )?", re.IGNORECASE)
_VERB_AT = re.compile(r"(?<=\s)" + _VERB_FORMS, re.IGNORECASE)
_WORD_START = re.compile(r"(?<=\s)\S")
_DANGLING = re.compile(r"\b(?:and|or|of|the|a|an|in|on|with|to|for|from|by|as|at|its|our|this|these|each|every|plus|&)\s*$", re.IGNORECASE)
# Carriers: "The chair delivers thousands of pulses that trigger deep muscle contractions".
_CARRIER = re.compile(
    r"\b(?:uses?|delivers?|sends?|emits?|combines?|contains?|provides?|packs?|features?|releases?|supplies?)\b[^.!?;]{3,80}?"
    r"\b(?:that|which|to)\s+" + _VERB_FORMS,
    re.IGNORECASE,
)
_PHYSICAL_VERB = re.compile(r"^(?:support|cushion|cradle|hug|coat|line|lift|firm|tone)", re.IGNORECASE)
_PHYSIO_OBJECT = re.compile(
    r"\b(?:immune|immunity|hormones?|hormonal|function|health|healthy|levels|production|sleep|energy|mood|memory|focus|metabolism|"
    r"metabolic|blood sugar|glucose|cholesterol|circulation|blood flow|detox\w*|digestion|gut|microbiome|thyroid|liver|adrenals?|"
    r"cortisol|inflammation|healing|repair|recovery|collagen|cells?|brain|nervous system|testosterone|estrogen|fertility)\b",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"(?:\s+(?:and|or|with|to|for|of|in|on|at|by|from|the|a|an|your|its|their|throughout|during|deep))+$",
                       re.IGNORECASE)
_SUBJECT_VETO = re.compile(
    r"\b(?:you|your|yours|we|I|me|my|he|she|they|them|his|her|it|people|patients|customers|clients|women|men|children|kids|"
    r"doctors?|researchers|scientists|studies|study|research|trials?|that|which|who|when|if|because|while|whether|how|why|"
    r"what|is|are|was|were|be|been|has|have|had|can|could|will|would|may|might|should|must|does|do|did|not|no|never|"
    r"body|immune system|brain|provides?|uses?|offers?|gives?|makes?|helps?|takes?|works?|comes?|includes?|involves?|requires?|"
    r"allows?|lets?|means|becomes?|seems?|appears?|getting|current|existing|other|but|yet|so|or)\b",
    re.IGNORECASE,
)
_SOURCED = re.compile(
    r"\b(?:stud(?:y|ies)|trials?|research(?:ers)?|scientists|according to|data|evidence|shown|showed|found|published|"
    r"journal|participants|placebo|reported?|FDA|approved|cleared|experts?|doctors? say)\b|%|\bper ?cent\b",
    re.IGNORECASE,
)
# Safety advice and interactions are facts a label must give, not claims: "iron blocks the absorption of some antibiotics".
_SAFETY = re.compile(
    r"\b(?:interact\w*|absorption of|medications?|medicines?|prescriptions?|pregnan\w*|breastfeeding|consult|talk to your|"
    r"ask your|allergic|side effects?|warnings?|caution|do not|don't|stop taking|overdose|toxic to)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”]|\b(?:says?|said|told|explains?|according)\b", re.IGNORECASE)
_SINGLE_CAUSE = re.compile(
    r"^\W{0,3}(?P<evidence>(?:[\w'’-]+ ){1,5}(?:is|are) (?:caused|triggered|driven) by\b[^.!?;]{1,60})"
    r"|\b(?P<evidence2>the (?:root|real|true|underlying|hidden) cause of [^.!?;]{1,50}? is\b[^.!?;]{1,40}|"
    r"(?:is|are) the (?:root|real|true|underlying|hidden) cause of\b[^.!?;]{1,50})",
    re.IGNORECASE,
)
_CAUSE_HEDGE = re.compile(
    r"\b(?:often|sometimes|usually|typically|commonly|mostly|mainly|frequently|can be|may be|might be|could be|in some|"
    r"in many|in most|many|some|several|one of|a number of|among|various|range of|not always|rarely|partly|also)\b",
    re.IGNORECASE,
)


# The reader's symptoms read as signs of the weak organ the product fixes: "classic signs of a sluggish thyroid".
_SIGNS_OF = re.compile(
    r"\b(?P<evidence>(?:classic|telltale|tell-tale|common|typical|early|warning|hidden|sure|surefire|clear) (?:signs?|symptoms?) "
    r"(?:of|that) (?:a |an |your )?(?:sluggish|underactive|overworked|tired|toxic|weak|weakened|leaky|imbalanced|clogged|"
    r"struggling|stressed|burned-out|burnt-out|exhausted|congested|blocked|overloaded|depleted) [\w-]+)",
    re.IGNORECASE,
)


_NOT_NAMES = frozenset({"January", "February", "March", "April", "June", "July", "August", "September", "October",
                        "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                        "English", "American", "British", "Dr", "Doctor", "Professor"})


def _page_names(ctx: DocContext) -> re.Pattern[str] | None:
    """The product names the page repeats: CamelCase or digit-bearing names ("AireCalm", "HSU-417") and
    capitalised words used mid-sentence three times or more."""
    if "product_names" in ctx.memo:
        return ctx.memo["product_names"]
    text = ctx.main_text()
    counts: dict[str, int] = {}
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+[A-Z][\w-]*|[A-Z][A-Za-z]*-?\d+[\w-]*)\b", text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    names = [n for n, c in counts.items() if c >= 2]
    # Plain capitalised names ("Nasolin") used mid-sentence three times or more and never written in lower case.
    plain: dict[str, int] = {}
    for m in re.finditer(r"(?<=[a-z,;:] )([A-Z][a-z]{3,})\b", text):
        plain[m.group(1)] = plain.get(m.group(1), 0) + 1
    lowered = text.lower()
    names += [n for n, c in plain.items()
              if c >= 3 and not re.search(r"(?<![A-Za-z])" + re.escape(n.lower()) + r"(?![a-z])", text)
              and n.lower() in lowered and n not in _NOT_NAMES]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b") if names else None
    ctx.memo["product_names"] = pattern
    return pattern


# A subject that names an ingredient anywhere, or "our/this/the ... <product noun>".
_PRODUCT_SUBJECT = re.compile(r"\b(?:" + _INGREDIENT + r")\b|\b(?:our|this|the|each|every|these)\s+(?:[\w-]+\s+){0,3}(?:"
                              + _PRODUCT_NOUN + r")\b", re.IGNORECASE)
# ... or ends on a product noun ("Laser light").
_PRODUCT_END = re.compile(r"\b(?:" + _PRODUCT_NOUN + r")\s*$", re.IGNORECASE)


def _is_product(subject: str, names: re.Pattern[str] | None) -> bool:
    if names is not None and names.search(subject):
        return True
    return bool(_PRODUCT_END.search(subject) or _PRODUCT_SUBJECT.search(subject))


# A release that sells its news as a cure in its headline: "Breakthrough Compound Against Lyme Disease",
# "Revolutionary Non-Surgical Cure for Bladder Leaks". Its own narrative is then read like a selling page's.
_SENSATIONAL_HEADLINE = re.compile(
    r"\b(?:breakthrough|revolutionar\w*|miracle|game[- ]chang\w*|groundbreaking|cures?|wipes? out|eliminates?|eradicates?|"
    r"reverses?|ends|transforms?|transformative|stops|regrows?|(?:could|can|will|would) (?:help )?(?:end|cure|reverse|wipe out|eliminate))\b",
    re.IGNORECASE,
)
# A release's label lines are not its headline: "PRESS RELEASE", "FOR IMMEDIATE RELEASE", "News release".
_RELEASE_LABEL = re.compile(
    r"^\W{0,3}(?:(?:for )?immediate release|(?:press|news|media) release|press statement|news|embargoed\b[^.!?]{0,60}|"
    r"for release\b[^.!?]{0,40})\W*$",
    re.IGNORECASE,
)


def _sensational_release(ctx: DocContext) -> bool:
    """A release whose headline, or its deck (the lines before the dateline), sells the news as a cure."""
    if "sensational_release" not in ctx.memo:
        lines: list[str] = []
        if ctx.is_press_release:
            title = ctx.doc.metadata.title or ""
            if title and not _RELEASE_LABEL.match(title):
                lines.append(title)
            for block in ctx.doc.blocks[:6]:
                text = block.text.strip()
                if block.region != "main" or not text or _RELEASE_LABEL.match(text):
                    continue
                # The headline and its deck end where the dated body text starts.
                if len(text) >= 200 or _YEAR.search(text) or len(lines) >= 3:
                    break
                lines.append(text)
        ctx.memo["sensational_release"] = any(_SENSATIONAL_HEADLINE.search(line) for line in lines)
    return ctx.memo["sensational_release"]


def product_action_claims(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """The product, an ingredient or the procedure as the subject of a present-tense action on the body, and a
    single cause asserted for a condition, on a page that sells (see the comment above ``_PRODUCT_NOUN``)."""
    release = _sensational_release(ctx)
    if not release and not sells_unless_report(ctx):
        return
    footer = ctx.release_footer_start if release else None
    names = _page_names(ctx)
    for sentence in ctx.main_sentences:
        text = sentence.text
        block = ctx.doc.blocks[sentence.block]
        if not ctx.in_scope(spec, block) or text.rstrip().endswith("?") or len(text) > 400:
            continue
        if footer is not None and sentence.span.start >= footer:
            continue
        if _SOURCED.search(text) or _QUOTED.search(text) or _SAFETY.search(text) or ctx.is_cited(sentence.block, sentence):
            continue
        hit = None
        intro = _INTRO.match(text).end()
        for word in _WORD_START.finditer(text, intro):
            m = _VERB_AT.match(text, word.start())
            if m is None:
                continue
            subject = text[intro:m.start()].strip()
            if len(subject) > 90 or _CLAUSE_MARK.search(subject):
                break
            if not m.group("evidence")[:1].islower():
                continue
            if subject and not _DANGLING.search(subject) and not _SUBJECT_VETO.search(subject) and _is_product(subject, names):
                hit = m
                break
        if hit is None:
            c = _CARRIER.search(text)
            before = text[:c.start()] if c else ""
            if c is not None and before.strip() and not _SUBJECT_VETO.search(before) and _is_product(before, names):
                hit = c
        if hit is not None:
            evidence = hit.group("evidence")
            window = text[hit.start("evidence"):hit.end("evidence") + 40]
            if _SOFT_VERB.match(evidence) and not _BODY_OBJECT.search(window):
                hit = None
            # A brace or a pillow supports and cushions a knee literally; only a body process counts.
            elif _PHYSICAL_VERB.match(evidence) and not _PHYSIO_OBJECT.search(window):
                hit = None
        span = None
        if hit is not None:
            span = hit.span("evidence")
            trail = _TRAILING.search(text[span[0]:span[1]])
            if trail is not None and trail.start() > 0:
                span = (span[0], span[0] + trail.start())
        else:
            cause = _SINGLE_CAUSE.search(text)
            if cause is not None and not _CAUSE_HEDGE.search(text):
                group = "evidence" if cause.group("evidence") else "evidence2"
                span = cause.span(group)
        if span is None:
            sign = _SIGNS_OF.search(text)
            span = sign.span("evidence") if sign else None
        if span is None:
            continue
        s, e = span
        if _withdrawn(ctx, spec, text, s, e, "strict") or is_hedged(text, 0, len(text)) \
                or _MECHANISM_HEDGE.search(text[:s]):
            continue
        start = sentence.span.start + s
        yield ctx.finding(spec, Span(start, start + (e - s)), text[s:e], text)


# -- the symptom's end told as the consequence of the product's action -------------------------------------
# "..., so the tingling fades and your grip comes back", "..., so outbreaks simply cannot get started",
# "..., and the disease resolves": a mechanism followed by its promised result, told as what happens. On a
# page that sells and in a release (its own text and its spokespeople's quotes, not the issuer's "About"
# section); a news story's own narrative and its quotes are left alone.
_SYMPTOM = (
    r"pain|aches?|aching|tingling|numbness|itch(?:ing|iness)?|redness|flushing|swelling|puffiness|inflammation|burning|"
    r"stiffness|cramps?|cramping|spasms?|leaks?|leakage|leaking|reflux|heartburn|acid|congestion|snoring|ringing|tinnitus|"
    r"symptoms?|disease|condition|infection|outbreaks?|flare-?ups?|flares?|breakouts?|blisters?|sores?|attacks?|"
    r"migraines?|headaches?|cravings?|bloating|fatigue|brain fog|fog|anxiety|reaction|irritation|discomfort|soreness|"
    r"tension|cough(?:ing)?|wheez(?:e|ing)|dryness|grittiness|sneezing|allergies|stabbing|throbbing|clicking|grinding|"
    r"dizziness|vertigo|nausea|constipation|diarrh(?:o)?ea|insomnia|sleeplessness|restlessness|stress|urges?|damage|colds?|flu|"
    r"dryness|hot flushes|hot flashes|night sweats|acne|spots|dandruff|odou?r|snoring"
)
_FUNCTION = (
    r"grip|strength|energy|vision|sight|eyesight|hearing|sleep|memory|focus|movement|mobility|balance|bladder control|"
    r"control|stamina|libido|appetite|confidence|range of motion|flexibility|function|hair|glow|colour|color|voice|smell|taste"
)
_CONSEQUENCE = re.compile(
    r"(?:,\s*|\s[—–-]\s*|;\s*|\s)(?:and so |and |so that |so |which means |meaning |leaving |until )"
    r"(?P<evidence>(?:the |your |their |its |any |all |those |these |his |her |every |each |future |new |existing )?"
    r"(?:[\w'’-]+ ){0,2}?(?:(?:" + _SYMPTOM + r") (?:simply |quickly |naturally |finally |gradually |soon |just |never |no longer )?"
    r"(?:fades?(?: away)?|stops?(?: [a-z]+ing(?: [a-z]+)?)?|disappears?|resolves?|vanish(?:es)?|goes? away|clears?(?: up)?|"
    r"subsides?|eases?(?: off)?|melts? away|lifts?|dissolves?|settles?(?: down)?|calms? down|dies? down|"
    r"(?:simply )?(?:cannot|can't|can’t|can no longer|won't|won’t|will not|never) (?:get started|start|begin|come back|return|"
    r"take hold|form|spread|develop|recur|break out)|never (?:starts?|returns?|comes? back|begins?)|(?:is|are) gone)|"
    r"(?:" + _FUNCTION + r") (?:simply |quickly |naturally |finally |gradually |soon |just )?(?:comes? back|returns?|is restored|"
    r"are restored)))\b",
    re.IGNORECASE,
)
_CONSEQUENCE_VETO = re.compile(
    r"\b(?:if|unless|whether|until you|when you stop|stop taking|see (?:a|your) doctor|call|seek|contact|side effects?|"
    r"warning|rest|ice|painkillers?|ibuprofen|paracetamol|acetaminophen)\b",
    re.IGNORECASE,
)


def consequence_claims(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A symptom's end, or a lost function's return, told as the consequence of what the product does, on a
    page that sells or in a release (see the comment above ``_SYMPTOM``)."""
    release = ctx.is_press_release
    if not release and not sells_unless_report(ctx):
        return
    footer = ctx.release_footer_start if release else None
    for sentence in ctx.main_sentences:
        text = sentence.text
        block = ctx.doc.blocks[sentence.block]
        if not ctx.in_scope(spec, block) or text.rstrip().endswith("?") or len(text) > 400:
            continue
        if footer is not None and sentence.span.start >= footer and not in_product_section(ctx, sentence.span.start):
            continue
        match = _CONSEQUENCE.search(text)
        if match is None or match.start() < 12:
            continue
        s, e = match.span("evidence")
        if _CONSEQUENCE_VETO.search(text) or ctx.is_cited(sentence.block, sentence):
            continue
        # On a page that sells, a customer's quoted story is a testimonial, not the page's mechanism.
        if not release and _QUOTED.search(text):
            continue
        if _withdrawn(ctx, spec, text, s, e, "strict") or is_hedged(text, 0, len(text)) or _MECHANISM_HEDGE.search(text[:s]):
            continue
        start = sentence.span.start + s
        yield ctx.finding(spec, Span(start, start + (e - s)), text[s:e], text)


# -- a cure told in the headline of a story or release whose only evidence is an uncontrolled result ----------
# HealthNewsReview's evidence criterion: "New gel wipes out nerve pain in days" or "chair could end bladder
# leaks" over "in a study of 30 patients, 90% reported relief" (no comparison group) states as the product's
# effect what an uncontrolled count cannot show. "May" and "might" take the headline back, "could" does not
# (Sumner et al.); a news headline's "says" credits the claim to its speaker.
_CURE_HEADLINE = re.compile(
    r"\b(?:wipes? out|ends?|cures?|eliminates?|eradicates?|stops?|halts?|reverses?|heals?|banish(?:es)?|erases?|beats?|"
    r"defeats?|clears?|regrows?|rebuilds?|restores?|repairs?|silences?|melts? away|kills?|frees? [\w'’ -]{1,40}? from)\b"
    r"(?: [\w'’-]+){0,3}? (?:" + _SYMPTOM + r"|leaks|bladder|incontinence|sinusitis|arthritis|acne|eczema|psoriasis|rosacea|"
    r"baldness|hair loss|wrinkles|ageing|aging|diabetes|obesity|depression|dementia|alzheimer's|cancer|tumou?rs?|"
    r"glands?|cartilage|nerves?|bacteria|virus|shingles|lyme|dry eye|hearing|vision|sight|memory|bones?|teeth|gums|"
    r"blindness|deafness|paralysis|addiction|autism|adhd)\b",
    re.IGNORECASE,
)
_UNCONTROLLED = re.compile(
    r"\b(?:pilot (?:study|trial|data|results)|open-label|single-arm|uncontrolled (?:study|trial)|"
    r"(?:study|trial) of (?:just |only )?\d{1,3} (?:patients|people|adults|women|men|participants|volunteers|users|children)|"
    r"\d{1,3} ?(?:%|percent|per cent) (?:of (?:the )?(?:[\w-]+ )?(?:patients|people|adults|women|men|participants|users|volunteers|"
    r"them|those) )?(?:reported|said|say|felt|noticed))\b",
    re.IGNORECASE,
)
# Small tests the headline checks make per line, compiled once.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLAUSE_MARK = re.compile(r"[,;:\"“”(]")
_CLOSED_LINE = re.compile(r"[.!\"”]\s*$")
_CURE_NOUN = re.compile(r"(?:cures?|ends?) (?:for|of|to)\b", re.IGNORECASE)
_CREDITED = re.compile(r"\b(?:say|says|said|told|claims?|promises?|vows?|pledges?)\b", re.IGNORECASE)
_BYLINE = re.compile(r"^By (?:[A-Z][\w.'’-]+ ){1,3}(?:\||[|·•–—-]|and\b|$)|^By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}$")
_CONTROLLED = re.compile(r"\b(?:randomi[sz]ed|placebo|sham|control group|controlled trial|double-blind)\b", re.IGNORECASE)
_HEADLINE_TAKEN_BACK = re.compile(r"\b(?:may|might|whether|if|hope|hopes|aims?|seeks?|bid|quest|race|could it)\b|\?", re.IGNORECASE)


def uncontrolled_cure_headlines(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A cure verb in the headline of a page whose evidence is an uncontrolled count (see above)."""
    # A shop's own headline is weighed by HC207 and HC208; a bylined article carrying an advertisement is not a shop.
    if sells_unless_report(ctx) and not any(_BYLINE.match(b.text.strip()) for b in ctx.doc.blocks[:8]):
        return
    text = ctx.main_text()
    if not _UNCONTROLLED.search(text) or _CONTROLLED.search(text):
        return
    release = ctx.is_press_release
    checked = 0
    for sentence in ctx.main_sentences:
        block = ctx.doc.blocks[sentence.block]
        line = sentence.text.strip()
        if not line or _RELEASE_LABEL.match(line) or "|" in line:
            continue
        checked += 1
        if checked > 3:
            break
        # A headline or deck: a heading, or an opening line with no closing full stop.
        if block.kind != "heading" and _CLOSED_LINE.search(line):
            continue
        if not ctx.in_scope(spec, block) or _YEAR.search(line):
            continue
        match = _CURE_HEADLINE.search(line)
        if match is None or _HEADLINE_TAKEN_BACK.search(line):
            continue
        # "A Cure for Bladder Leaks", "the end of back pain": nouns, left to the hype and certainty rules.
        if _CURE_NOUN.match(match.group()):
            continue
        if not release and _CREDITED.search(line):
            continue
        s, e = match.span()
        if is_negated(line, s, e):
            continue
        offset = sentence.text.find(line)
        start = sentence.span.start + offset + s
        yield ctx.finding(spec, Span(start, start + (e - s)), match.group(), sentence.text)


# -- a release's benefit forecast for the people its product reaches ------------------------------------------
# A release (its own text and its spokespeople's quotes) that turns one result into what will happen to patients:
# "this could mean fewer crises, less organ damage and a longer life", "could help millions of people hear better",
# "could spare many of them from surgery", "could reverse these symptoms by clearing the hidden bacteria". As with
# the lives-saved forecast, "could" is the claim and only "may", "might" or a condition ("if larger trials confirm")
# takes it back. News stories are left alone: their forecasts are their sources'.
_OUTCOME_FORECAST = re.compile(
    r"\b(?:this|that|it|which|they|these results|the (?:results|findings|drug|pill|device|treatment|therapy|test|vaccine)) "
    r"(?:could|can|will|would) (?:also )?mean (?:far |many |much )?(?:fewer|less|no more|a longer|longer|better|healthier|"
    r"more years|an end to|freedom from|a life without)\b|"
    r"\b(?:could|can|will|would) (?:also )?help (?:millions|thousands|hundreds of thousands|tens of thousands|countless) "
    r"(?:of )?(?:[\w'’-]+ ){0,2}?(?:to )?(?:hear|see|sleep|walk|live|breathe|avoid|stay|lose|regain|recover|beat|overcome|"
    r"keep|get back|return|quit|stop|heal|move|remember)\b|"
    r"\b(?:could|can|will|would) (?:also )?spare (?:many|most|thousands|millions|countless|hundreds|patients|people|women|"
    r"men|children|them|many of them|most of them|thousands of [\w-]+|millions of [\w-]+) (?:from |the need for )?"
    r"(?:[\w-]+ )?(?:surgery|an operation|operations|dialysis|amputations?|chemo(?:therapy)?|radiation|transplants?|a transplant|"
    r"hospital|years of|a lifetime of|long-term|invasive|painful|daily injections)\b|"
    r"\b(?:could|can|will|would) (?:help )?(?:reverse|cure|halt|repair|regrow|regenerate|restore|eliminate|eradicate) "
    r"[^.!?;]{3,60}? by (?:clearing|killing|blocking|switching|resetting|repairing|rebuilding|restoring|targeting|"
    r"removing|wiping out|starving|waking|reawakening|rewiring|flushing|unlocking)\b|"
    # "a single daily pill could protect patients from both high blood sugar and painful flares", "giving patients a
    # realistic chance of never needing dialysis".
    r"\b(?:could|can|will|would) (?:also )?(?:protect|shield) (?:patients|people|women|men|children|millions|thousands|them|"
    r"families|babies|survivors) (?:[\w'’-]+ ){0,3}?(?:from|against)\b|"
    r"\b(?:giv(?:e|es|ing)|offer(?:s|ing)?) (?:patients|people|women|men|families|children|them|survivors|couples) "
    r"(?:a |an |the |their )?(?:first |best |realistic |real |genuine |new |lasting )?(?:chance|shot|prospect) "
    r"(?:of|to|at|for) (?:never|a life|a normal|a cure|being cured|beating|avoiding|living|walking|seeing|hearing|"
    r"staying|getting|going|coming off|life without)\b",
    re.IGNORECASE,
)
# ... and the same result told as a recovery or carried past the data: "They got their arms back", "patients are getting
# their lives back", "indicating that participants would continue to lose weight with longer treatment".
_OUTCOME_TOLD = re.compile(
    r"\b(?:they|patients|people|participants|families|women|men|children|kids|she|he|survivors|users) (?:have |had )?"
    r"(?:got|get|are getting|were getting|have gotten|have got|gained|regained|won) (?:their|her|his) (?:own )?"
    r"(?:lives|life|arms?|legs?|hands?|voices?|sight|hearing|memor(?:y|ies)|independence|mobility|movement|smiles?|"
    r"confidence|freedom|futures?|childhood|health|energy|sleep) back\b|"
    r"\b(?:indicating|suggesting that|showing|meaning|which means|signalling|signaling)(?: that)? (?:[\w'’-]+ ){0,4}?"
    r"(?:would|will) (?:continue|keep on|go on) (?:to )?(?:los(?:e|ing)|improv(?:e|ing)|gain(?:ing)?|benefit(?:ing)?|heal(?:ing)?|"
    r"recover(?:ing)?|get(?:ting)? better)\b",
    re.IGNORECASE,
)

# ... and a test's earlier answer told as the patient's better outcome (HealthNewsReview: a screening or diagnostic
# benefit needs outcome evidence): "Because the test can rule endometriosis in or out early, women can start the right
# treatment sooner", "catching the disease this early gives patients the best chance", "could help catch silent AFib
# before it leads to a stroke", "most of the problems I see could have been prevented with a device like this".
_DETECTION_BENEFIT = re.compile(
    r"\b(?:because|since|as|now that|with) (?:[\w'’-]+ ){1,4}?(?:can|will|could) (?:now )?(?:detect|catch|rule|spot|diagnose|"
    r"identify|find|flag|pick up|predict)\b[^.!?;]{0,80}?, (?:women|men|patients|people|doctors|clinicians|families|parents|"
    r"couples|we|they|you) (?:can|will|could) (?:now )?(?:start|begin|get|avoid|receive|access|be treated|act|intervene|save|prevent|plan|prepare|treat)\b|"
    r"\b(?:catching|detecting|finding|diagnosing|spotting|identifying) (?:[\w'’-]+ ){0,4}?(?:early|sooner|earlier)\b[^.!?;]{0,30}?"
    r"\b(?:gives|give|means|lets|allows|is the best way to|saves|can save|will save|could save|offers)\b|"
    r"\b(?:catch|detect|spot|find|flag|stop) (?:[\w'’-]+ ){0,4}?before (?:it|they) (?:leads? to|causes?|turns? into|becomes?|"
    r"spreads?|progress(?:es)?|triggers?|strikes?)\b|"
    r"\bcould have been (?:prevented|avoided|averted|stopped|caught) (?:early )?(?:with|by using|by|had they used|if they had used) "
    r"(?:a|an|this|our|the|regular) (?:[\w-]+ ){0,2}?(?:device|test|product|scan|screening|treatment|drug|pill|spray|app|"
    r"supplement|program|programme|tool|system|like this|like ours)\b",
    re.IGNORECASE,
)
# ... and the product set above the others by a mechanism told as fact: "Unlike nicotine patches or pills, the program works
# directly on the subconscious mind", "Unlike most current therapies, which act on immune cells in the blood, the drug crosses
# the blood-brain barrier".
_UNLIKE = re.compile(
    r"(?:^|[.!?\"“]\s*)Unlike [^.;!?]{3,120}?, (?:which [^.;!?]{3,120}?, )?(?:[\w'’-]+ ){1,4}?(?:works|acts|goes|targets|reaches|crosses|"
    r"reads|attacks|repairs|rebuilds|regrows|heals|tackles|addresses|gets to|treats the|switches|resets|rewires|penetrates|fixes|"
    r"corrects|restores|reverses|eliminates|clears|kills|stops)\b[^.!?;]{0,40}",
)


def release_outcome_forecasts(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A release's forecast of what its product will do for patients (see the comment above)."""
    if not ctx.is_press_release:
        return
    footer = ctx.release_footer_start
    for sentence in ctx.main_sentences:
        text = sentence.text
        block = ctx.doc.blocks[sentence.block]
        if not ctx.in_scope(spec, block) or text.rstrip().endswith("?"):
            continue
        if footer is not None and sentence.span.start >= footer and not in_product_section(ctx, sentence.span.start):
            continue
        match, mode = None, "strict"
        for pattern, kind in ((_OUTCOME_FORECAST, "could"), (_DETECTION_BENEFIT, "could"), (_OUTCOME_TOLD, "strict"),
                              (_UNLIKE, "strict")):
            match, mode = pattern.search(text), kind
            if match is not None:
                break
        if match is None:
            continue
        s, e = match.span()
        if _withdrawn(ctx, spec, text, s, e, mode):
            continue
        start = sentence.span.start + s
        yield ctx.finding(spec, Span(start, start + (e - s)), match.group(), text)
