"""Self-promotion: the publisher or a configured brand name selling itself inside the article."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from auditor.engine.context import COMMERCIAL, STORY_TESTIMONIALS, DocContext
from auditor.engine.kinds.python import prepared, register
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
_READER_REVENUE = re.compile(
    r"\b(?:subscri(?:be|bers?|ption)|premium|newsletter|journalism|donat(?:e|ion)|membership|members(?:hip)? today|"
    r"unlimited (?:articles|access)|e-?paper|editors?\b|letters?\b|feedback|tip-?off|news ?tips?|listener|reader)\w*",
    re.IGNORECASE,
)
# What a shop's own text says; two different kinds of these make a shop: cart words, order
# buttons, guarantees, free shipping or consultations, verified-buyer reviews, prices.
_SHOP_SIGNALS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\badd to (?:cart|bag|basket)\b|\bcheckout\b|\bin stock\b",
    r"\b(?:buy now|order (?:now|today)|book (?:now|online)|subscribe (?:&|and) save)\b",
    r"\bmoney[- ]back\b|\brisk-free\b|\brefund\b",
    r"\bfree shipping\b|\b(?:free|complimentary) consultation\b",
    r"\bverified (?:buyer|purchase)\b|★★★",
    r"[$£€]\d+\.\d\d\b|[$£€]\d[\d,.]* (?:per|a|/) ?(?:bottle|jar|month|session|syringe|visit|unit|treatment)\b|\b\d+ (?:bottles|jars|kits)\b",
))


# A page's own offer: "Book your free consultation", "Schedule Your FREE Hearing
# Evaluation", "0% financing", "20% off with code SAVE20", "Add to cart", "Start your transformation".
# The call-to-action rules run after the claim and statistics rules, which ask this instead.
_OWN_OFFER = re.compile(
    r"\b(?:(?:book|schedule|request|claim|reserve) (?:your|a|an|my) (?:free |complimentary |first |no-obligation )?(?:[\w-]+ ){0,2}?"
    r"(?:consult|consultation|evaluation|case review|appointment|assessment|test|scan|session|visit|drip|call|exam)s?\b|"
    r"book now\b|(?:free|complimentary) (?:phone |video |initial )?(?:consult|consultation|evaluation|case review|assessment)\b|"
    r"(?:0%|low monthly|interest-free) (?:financing|payments)|(?:monthly )?payment plans\b|"
    r"(?:use|with) (?:the )?(?:promo |discount |coupon )?code [A-Z0-9]{4,}\b|\d{1,2}% off\b|[$£€]\d+ off\b|check (?:the )?price\b|"
    r"call (?:us )?(?:now|today)|sign up (?:today|now)|order (?:now|today)|buy now|add to (?:cart|basket)|shop now|"
    r"start your (?:journey|transformation|free trial)\b)",
    re.IGNORECASE,
)


def offers_in_own_words(ctx: DocContext) -> bool:
    """True when the page makes an offer of its own, in its text or its buttons (read once per page)."""
    if "own_offer" not in ctx.memo:
        ctx.memo["own_offer"] = bool(_OWN_OFFER.search(ctx.doc.text))
    return ctx.memo["own_offer"]


def _pattern_rules(spec: RuleSpec) -> tuple[Any, Any]:
    """The rule's patterns compiled twice: for the main text, and for furniture."""
    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package

    params = {k: v for k, v in spec.params.items() if k not in _FURNITURE_ONLY}
    main = PatternRule(replace(spec, kind="pattern", params=params))
    extra = params.get("unless", []) + spec.params.get("furniture_unless", [])
    furniture_params = {k: v for k, v in params.items() if k != "when"} | {"unless": extra}
    furniture = PatternRule(replace(spec, kind="pattern", params=furniture_params, region="boilerplate", blocks=()))
    return main, furniture


def main_text_sells(ctx: DocContext, own: list[Finding]) -> bool:
    """True when the main text already sells: a call to action or a testimonial outside the furniture."""
    if ctx.is_press_release:
        return False  # a release's header and footer are the wire's and the issuer's furniture
    selling = set()
    for finding in [*own, *ctx.findings]:
        if (finding.span is not None and finding.category in COMMERCIAL
                and finding.rule not in STORY_TESTIMONIALS):
            located = ctx.block_at(finding.span.start)
            if located is not None and located[1].region == "main":
                selling.add(finding.excerpt)
    # A news site asking for subscribers, members, donations or letters is not selling a treatment.
    if any(not _READER_REVENUE.search(text) for text in selling):
        return True
    # The rules that would say so may run after this one: read the main text's shop signals directly.
    if "shop_signals" not in ctx.memo:
        text = ctx.main_text()
        ctx.memo["shop_signals"] = sum(1 for signal in _SHOP_SIGNALS if signal.search(text))
    return ctx.memo["shop_signals"] >= 2


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
