"""Self-promotion: the publisher or a configured brand name selling itself inside the article."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from auditor.engine.context import DocContext
from auditor.engine.kinds.python import prepared, register
from auditor.engine.selling import main_text_sells
from auditor.engine.spec import RuleSpec
from auditor.records import Finding, Span

# A site name written as a domain inside prose: "WHAT.EDU.VN", "healthhub.com".
DOMAIN = re.compile(
    r"\b(?:[A-Za-z0-9-]{2,}\.)+(?:com|net|org|info|biz|co|io|vn|us|uk|ca|au|health|clinic|care)\b(?![./\w])",
    re.IGNORECASE,
)
_INFO_POINTER = re.compile(r"\b(?:prescribing information|package insert|more information|patient information|recruiting|enrol+ing|media|reporters)\b", re.IGNORECASE)
PROMO_VERBS = re.compile(
    r"\b(?:visit|learn more|discover|explore|ask|join|contact|call|book|schedule|choose|trust|rely on|"
    r"go-to|leading|premier|trusted|best|number one|#1|your source|we offer|we provide|our team|our experts)\b",
    re.IGNORECASE,
)


@register("self_promotion")
def self_promotion(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A sentence that names the site or a configured brand and pushes the reader toward it."""
    brands = [b for b in ctx.options.brand_names if b.strip()]
    # Brands are proper nouns: matched as written, as whole words, so a brand that is also a word
    # ("Calm", "Verve") does not fire on the word in lower case or inside another word.
    brand_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(b.strip()) for b in brands) + r")(?!\w)") if brands else None
    if ctx.is_press_release:
        return  # a release speaks for its organisation by definition; its About paragraph is furniture
    for sentence in ctx.doc.sentences:
        block = ctx.doc.blocks[sentence.block]
        if not ctx.in_scope(spec, block) or block.kind == "code" or _INFO_POINTER.search(sentence.text):
            continue
        name = DOMAIN.search(sentence.text) or (brand_re.search(sentence.text) if brand_re else None)
        if name and name.start() > 0 and sentence.text[name.start() - 1] == "@":
            continue  # an e-mail address is a contact, not a plug
        if name and _PUBLIC_SITE.search(name.group()) and not _own_site(ctx, name.group()):
            continue  # a pointer to a charity's or an agency's site ("learn more at heart.org") informs
        if name and PROMO_VERBS.search(sentence.text):
            start = sentence.span.start + name.start()
            yield ctx.finding(spec, Span(start, start + len(name.group())), name.group(), sentence.text)


_PUBLIC_SITE = re.compile(r"\.(?:gov|org|edu|int)$", re.IGNORECASE)


def _own_site(ctx: DocContext, domain: str) -> bool:
    """True when ``domain`` is the page's own site, as its canonical address or source says."""
    where = f"{ctx.doc.metadata.canonical_url or ''} {ctx.doc.source}".lower()
    return domain.lower().removeprefix("www.") in where


# -- pattern rules that also read a selling page's furniture ---------------------------------------
# A shop's "Add to Cart" button, its sale banner and its footer phone line sit in the header,
# footer or button rows that the main-text rules skip. On a page that sells (its main text carries
# a call to action, a star rating or a customer endorsement, or two kinds of shop signal) they are
# part of the pitch; on a news site, a hospital page or a release the same furniture is navigation
# and is left alone. Rules that use this check keep their pattern-kind options.
_FURNITURE_ONLY = frozenset({"check", "furniture", "furniture_unless", "selling_patterns"})


def _pattern_rules(spec: RuleSpec) -> tuple[Any, Any]:
    """The rule's patterns compiled twice: for the main text, and for furniture."""
    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package

    params = {k: v for k, v in spec.params.items() if k not in _FURNITURE_ONLY}
    main = PatternRule(replace(spec, kind="pattern", params=params))
    extra = params.get("unless", []) + spec.params.get("furniture_unless", [])
    furniture_params = {k: v for k, v in params.items() if k != "when"} | {"unless": extra}
    furniture = PatternRule(replace(spec, kind="pattern", params=furniture_params, region="boilerplate", blocks=()))
    return main, furniture


@register("selling_page_pattern")
def selling_page_pattern(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """Pattern rule over the main text and, on a page that sells, over its header, footer and buttons."""
    main, furniture = prepared(spec, "selling_page_pattern", _pattern_rules)
    own = main.run(ctx)
    yield from own
    selling = _selling_rule(spec)
    if (spec.params.get("furniture") == "when selling" or selling is not None) and main_text_sells(ctx, own):
        if selling is not None:
            yield from _new_spans(selling.run(ctx), own)
        if spec.params.get("furniture") == "when selling":
            yield from furniture.run(ctx)


# -- patterns that only count on a page that sells ---------------------------------------------------
# "No waitlists, no referral needed", "tell us a little about your back" and a customer's "it changed
# our family" are pitches on a clinic's or a shop's page; the same words in a news story describe a
# service or quote a patient. A rule's ``selling_patterns`` run over its main text, with the rule's
# guards, only when ``main_text_sells`` says the page sells (never in a press release).
def _selling_rule(spec: RuleSpec) -> Any:
    """The rule's ``selling_patterns`` compiled as a main-text pattern rule, or None."""
    if not spec.params.get("selling_patterns"):
        return None
    return prepared(spec, "selling_patterns", _build_selling_rule)


def _build_selling_rule(spec: RuleSpec) -> Any:
    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package

    params = {k: v for k, v in spec.params.items() if k not in _FURNITURE_ONLY and k != "when"}
    params["patterns"] = spec.params["selling_patterns"]
    return PatternRule(replace(spec, kind="pattern", params=params))


def _new_spans(findings: list[Finding], own: list[Finding]) -> list[Finding]:
    """``findings`` that do not overlap one of the rule's own findings."""
    taken = [f.span for f in own if f.span is not None]
    return [f for f in findings if f.span is None or not any(f.span.overlaps(t) for t in taken)]
