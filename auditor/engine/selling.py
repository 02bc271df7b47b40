"""Does this page sell? The answers rules ask for, in one place.

Rules ask in slightly different ways because they run at different times and guard against
different mistakes:

``sells_by_findings(ctx)``
    A call to action or a testimonial (not a patient's story) among the findings made so far.
    Cheap and asked often, but only as good as the rules that already ran: the call-to-action
    and testimonial rules run before the claim and statistics rules, but a shop's header, footer
    and buttons are read only after every sentence rule (``DocContext.deferred``). With ``exclude_ad_slots=True`` a call to
    action inside an inserted advertisement does not count (a news page carrying ads does not
    sell what its article describes); the document-level "required" rules ask that way.
``offers_in_own_words(ctx)``
    The page's text or buttons make an offer of its own ("Book your free consultation",
    "20% off"). Read straight from the text, so it does not depend on rule order.
``main_text_sells(ctx, own)``
    A selling finding located in the main text (the rule's ``own`` findings included), other
    than a news site asking for subscribers; or two kinds of shop signal in the main text. Never
    in a press release. Rules that also read a page's header and footer ask this.
``sells_unless_release(ctx)``
    Not a press release, and ``sells_by_findings`` or ``offers_in_own_words``.
``offers_unless_news(ctx)``
    ``offers_in_own_words`` on a page that is neither a release (nor carries a release's
    furniture) nor a news story.
``is_report(ctx)``
    A press release, a page with a release's furniture, or a news story.
``sells_unless_report(ctx)``
    A page that is neither a release (nor carries a release's furniture) nor a news story, and
    sells: ``sells_by_findings``, ``offers_in_own_words``, or a shop's own words ("check today's
    price", "free shipping", "book your consultation"). Asked by rules that read a product's
    claims about the body as the seller's.

Whether one line of a release's footer sells (an ordering line, a helpline) is a different
question, about that line: see ``DocContext.in_release_footer``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from auditor.engine.guards import has_release_furniture, is_news_story_text
from auditor.records import Finding

if TYPE_CHECKING:
    from auditor.engine.context import DocContext

# Findings of these categories make a page one that sells...
COMMERCIAL = ("cta", "testimonial")
# ...except a patient's story (HC311): news stories and releases quote patients too, and a quote
# alone does not sell. A call to action, a star rating or a customer's endorsement does.
STORY_TESTIMONIALS = frozenset({"HC311"})


def is_selling_finding(finding: Finding) -> bool:
    """True for a call to action or a testimonial other than a patient's story."""
    return finding.category in COMMERCIAL and finding.rule not in STORY_TESTIMONIALS


# -- from the findings so far ----------------------------------------------------------------------
# An ad slot's label: what follows it is the publisher's advertising, not the article selling.
_AD_LABEL = re.compile(r"^\W*(?:advertisement|advertising|sponsored(?: content| message)?|paid content|promoted|ad)\W*$", re.IGNORECASE)


def sells_by_findings(ctx: DocContext, *, exclude_ad_slots: bool = False) -> bool:
    """True when the rules run so far found a call to action or a testimonial other than a
    patient's story; with ``exclude_ad_slots``, not counting one inside an inserted advertisement
    (the block right after an "ADVERTISEMENT" label, or the one after that)."""
    if not exclude_ad_slots:
        return any(is_selling_finding(f) for f in ctx.findings)
    return any(is_selling_finding(f) and (f.span is None or not _in_ad_slot(ctx, f.span.start)) for f in ctx.findings)


def _in_ad_slot(ctx: DocContext, pos: int) -> bool:
    sentence = ctx.sentence_at(pos)
    if sentence is None:
        return False
    return any(_AD_LABEL.match(ctx.doc.blocks[i].text.strip()) for i in range(max(0, sentence.block - 2), sentence.block))


# -- from the page's own words ----------------------------------------------------------------------
# A page's own offer: "Book your free consultation", "Schedule Your FREE Hearing
# Evaluation", "0% financing", "20% off with code SAVE20", "Add to cart", "Start your transformation".
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


# -- in the main text --------------------------------------------------------------------------------
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


def main_text_sells(ctx: DocContext, own: list[Finding]) -> bool:
    """True when the main text already sells: a call to action or a testimonial outside the
    furniture, among ``own`` (the asking rule's findings) and the findings so far."""
    if ctx.is_press_release:
        return False  # a release's header and footer are the wire's and the issuer's furniture
    selling = set()
    for finding in [*own, *ctx.findings]:
        if finding.span is not None and is_selling_finding(finding):
            located = ctx.block_at(finding.span.start)
            if located is not None and located[1].region == "main":
                selling.add(finding.excerpt)
    # A news site asking for subscribers, members, donations or letters is not selling a treatment.
    if any(not _READER_REVENUE.search(text) for text in selling):
        return True
    # The rules that would say so may run after the asking one: read the main text's shop signals directly.
    if "shop_signals" not in ctx.memo:
        text = ctx.main_text()
        ctx.memo["shop_signals"] = sum(1 for signal in _SHOP_SIGNALS if signal.search(text))
    return ctx.memo["shop_signals"] >= 2


# -- combined, for rules that run before the call-to-action rules --------------------------------------
def sells_unless_release(ctx: DocContext) -> bool:
    """A page that sells and is not a release: a call to action found so far, or an offer of its own."""
    return not ctx.is_press_release and (sells_by_findings(ctx) or offers_in_own_words(ctx))


def is_report(ctx: DocContext) -> bool:
    """A press release (or a page carrying a release's furniture) or a news story (read once per page)."""
    if "is_report" not in ctx.memo:
        text = ctx.doc.text
        ctx.memo["is_report"] = ctx.is_press_release or has_release_furniture(text) or is_news_story_text(text)
    return ctx.memo["is_report"]


def offers_unless_news(ctx: DocContext) -> bool:
    """True when a page that is neither a release nor a news story offers its service or a deal."""
    return not is_report(ctx) and offers_in_own_words(ctx)


# A shop's own words: cart and order buttons, price checks, guarantees, bookings, scarcity.
_SELL_WORDS = re.compile(
    r"\b(?:add to (?:cart|bag|basket)|buy (?:now|today|it now)|order (?:now|today|yours)|shop now|get yours|grab yours|"
    r"claim your (?:bottle|jar|kit|discount|supply)|subscribe (?:&|and) save|free shipping|money-back|risk-free|"
    r"book (?:your|a|now|online|today)|schedule (?:your|a) (?:free )?(?:consult|consultation|appointment|visit)|"
    r"check (?:today's |today’s |the )?price|see (?:the )?(?:latest )?price|view (?:it )?on amazon|"
    r"while (?:supplies|stocks?|the deal) lasts?)\b",
    re.IGNORECASE,
)


def sells_unless_report(ctx: DocContext) -> bool:
    """True when a page that is neither a release nor a news story sells. The page's own words are
    read once; the findings are asked each time, since a rule that runs later sees more of them."""
    if is_report(ctx):
        return False
    if "sells_in_own_words" not in ctx.memo:
        ctx.memo["sells_in_own_words"] = offers_in_own_words(ctx) or bool(_SELL_WORDS.search(ctx.doc.text))
    return ctx.memo["sells_in_own_words"] or sells_by_findings(ctx)
