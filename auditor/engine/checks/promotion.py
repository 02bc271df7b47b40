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
        # A release speaks for its organisation by definition, and its About paragraph is furniture;
        # but a person's own business site set beside their name ("says editor Ana Ruiz,
        # anaruiz-consulting.com") plugs that person, not the issuer.
        yield from _personal_sites(ctx, spec)
        return
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


# A name set off by a comma or a bracket right before the address: "John Doe, johndoe-advice.com".
_PERSON_BEFORE = re.compile(r"\b[A-Z][a-z]+ (?:[A-Z]\. )?([A-Z][a-z]{3,})\s*[,(]\s*$")


def _personal_sites(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """Web addresses that carry the surname of the person named right before them."""
    for sentence in ctx.main_sentences:
        for site in DOMAIN.finditer(sentence.text):
            at = site.start()
            if (at > 0 and sentence.text[at - 1] == "@") or _PUBLIC_SITE.search(site.group()):
                continue
            address = site.group().lower()
            person = _PERSON_BEFORE.search(sentence.text[max(0, at - 60):at])
            if person and person.group(1).lower() in address:
                start = sentence.span.start + at
                yield ctx.finding(spec, Span(start, start + len(site.group())), site.group(), sentence.text)


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
    reads_furniture = spec.params.get("furniture") == "when selling"
    if (reads_furniture or selling is not None) and main_text_sells(ctx, own):
        if selling is not None:
            yield from _new_spans(selling.run(ctx), own)
        if reads_furniture:
            yield from furniture.run(ctx)
    elif reads_furniture:
        # The rules that would show the page sells (testimonials, later calls to action) may not
        # have run yet: look at the furniture again once they have.
        ctx.deferred.append((spec.id, lambda: _furniture_if_selling(ctx, spec, own, furniture)))


def _furniture_if_selling(ctx: DocContext, spec: RuleSpec, own: list[Finding], furniture: Any) -> list[Finding]:
    if not main_text_sells(ctx, own):
        return []
    found = list(furniture.run(ctx))
    selling = _selling_rule(spec)
    if selling is not None:
        found += _new_spans(selling.run(ctx), own)
    return found


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


# -- a release's own patient voices --------------------------------------------------------------
# A press release speaks for its issuer: when it quotes a treated patient, a parent or a customer
# ("I slept through the night for the first time," said Dana, 54, from Ashford), the issuer chose
# that voice to sell the result, as a testimonial (FTC 16 CFR 255: the advertiser is responsible
# for the endorsement). A news story quoting the same patient is reporting, so only releases count,
# and only a lay person introduced as such (an age, a family role, "one participant", "patient X"),
# speaking in the first person; researchers, doctors and executives speak for the science or the firm.
_NAME = r"(?-i:[A-Z][a-z]+(?:[ -][A-Z][a-z'’-]+)?)"
_LAY_ROLE = (r"(?:mother|father|mum|mom|dad|parent|grandmother|grandfather|grandparent|wife|husband|daughter|son|"
             r"patient|participant|member|customer|user|client|volunteer|tester|subscriber|mum-of-\w+|mother-of-\w+|father-of-\w+)")
_LAY_VOICE = re.compile(
    r"\b(?:said|says|according to|recalls|recalled|added|adds) " + _NAME + r", (?:\d{2}\b|an? (?:\d{2}-year-old |[\w-]+ )?" + _LAY_ROLE + r"\b)"
    r"|\b" + _NAME + r", (?:\d{2},|the " + _LAY_ROLE + r" of\b)"
    r"|\b(?:one|another) (?:\d{2}-year-old )?(?:study |trial |program |programme )?" + _LAY_ROLE + r"\b(?:,| who)"
    r"|\b(?:(?:study |trial |programme |program )?(?:participant|patient|customer|user|member|client|volunteer|mother|father|mum|mom|dad|parent|grandmother|grandfather)"
    r"|(?:mum|mother|father|dad)-of-\w+|(?:mother|father) of (?:two|three|four|five|\d)) " + _NAME
    + r"|\bearly (?:users|customers|testers|adopters|members) (?:describe|say|call|report|rave)",
    re.IGNORECASE,
)
_EXPERT = re.compile(
    r"\b(?:dr|prof|professor|ceo|cfo|coo|cso|cmo|chief|officer|founder|co-founder|director|president|chair|investigator|researcher|"
    r"scientist|physician|surgeon|doctor|dietitian|spokes\w+|head of|lead author|author|mayor)\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{12,600})(?:[”\"]|$)")
_ATTRIBUTION = re.compile(
    r"\s*,?\s*(?:(?:said|says|added|adds|recalls|recalled|explained|explains)\s+(?P<who>(?!she\b|he\b|they\b)[^.“”\"]{1,100})"
    r"|(?:she|he|they)\s+(?:said|says|added|adds|recalls|recalled|explained|explains)\b)",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i['’](?:m|ve|d|ll)|my|me|we|we['’](?:re|ve|d)|our|us)\b", re.IGNORECASE)


@register("selling_page_pattern_and_release_voices")
def selling_page_pattern_and_release_voices(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """``selling_page_pattern``, and in a press release the first-person quotes of a lay person it introduces."""
    own = list(selling_page_pattern(ctx, spec))
    yield from own
    if ctx.is_press_release:
        taken = [f.span for f in own if f.span is not None]
        # A quote already flagged whole is not flagged twice; one with a phrase flagged inside is.
        yield from (f for f in _release_voices(ctx, spec)
                    if not any(t.start <= f.span.start and f.span.end <= t.end for t in taken))


def _release_voices(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    for index, block in ctx.blocks_in_scope(spec):
        text = block.text
        if block.kind == "code" or not _LAY_VOICE.search(text):
            continue
        if ctx.in_release_footer(block.span.start, index, text):
            continue
        for quote in _QUOTE.finditer(text):
            said = quote.group(1)
            if not _FIRST_PERSON.search(said) or said.rstrip().endswith("?"):
                continue
            # Who is speaking: the words right after the quote (", said Dana, 54") or, after a bare
            # "she said" or none, the introduction before the quote ("Participant Jo Bell, 38, said ...").
            after = _ATTRIBUTION.match(text, quote.end())
            if after and after.group("who"):
                speaker = "said " + after.group("who")
            else:
                intros = list(_LAY_VOICE.finditer(text, max(0, quote.start() - 200), quote.start()))
                if not intros:
                    continue
                # The introduction up to its clause's end ("One member, a 52-year-old teacher, said").
                intro = intros[-1]
                speaker = intro.group() + re.split(r"[.;:]\s|\bsaid\b", text[intro.end():quote.start()])[0][:60]
            if _EXPERT.search(speaker) or not _LAY_VOICE.search(speaker):
                continue
            start = block.span.start + quote.start(1)
            yield ctx.finding(spec, Span(start, start + len(said)), said[:120].strip())


# -- a selling page's quoted reviews, whole ------------------------------------------------------------
# A review on a shop's or a clinic's page is one quote that may run over several sentences: the first
# sets the scene ("Three kids and a lice outbreak the week before vacation."), a later one carries the
# first person ("I'm wearing sandals again!") and the last may have none ("This did."). Every sentence
# of the quote is the customer's endorsement, and so is the signature line under it ("Renée L.,
# Carrow", "— Caroline, Bellhaven"). Only on a page whose main text sells, never in a release, and
# only for a quote nobody is reported as saying (", said Dr. Forde" makes it reporting).
_REVIEW_QUOTE = re.compile(r"^[\s★⭐☆*]*[“\"](?P<said>[^“”\"\n]{8,900})[”\"]?(?P<after>[^“”\"\n]{0,80})$")
_REVIEWER_VOICE = re.compile(
    r"\b(?:i|i['’](?:m|ve|d|ll)|my|me|myself)\b|\bour (?:family|daughter|son|kids|children|baby|twins|trip|holiday|vacation|home|lives|marriage|evenings|nights)\b"
    r"|\b(?:saved|helped|gave|got|changed) (?:us|our)\b",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(r"\b(?:said|says|told|tells|adds|added|explains|explained|recalls|recalled|according|wrote|writes|asks|asked)\b", re.IGNORECASE)


_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_WORD = f"[{_UP}][{_LOW}'’-]+"
_REVIEW_SIGNATURE = re.compile(
    rf"^\s*(?:[—–-]\s*{_WORD}(?: [{_UP}]\.| {_WORD})?|{_WORD} [{_UP}]\.(?=,|\s*$)|{_WORD}(?: {_WORD})?(?=,))"
    rf"(?:,\s*(?:[Aa]ge \d{{2}}|\d{{2}}|[Vv]erified (?:buyer|customer|patient|purchase)|(?:[Pp]atient|[Cc]lient|[Cc]ustomer|[Mm]ember) since \d{{4}}|"
    rf"(?:[Mm]om|[Mm]um|[Dd]ad|[Mm]other|[Ff]ather) of (?:two|three|four|five|\d)|{_WORD}(?: {_WORD})?(?:,\s*[A-Z]{{2}})?))?\s*$"
)


@register("selling_page_pattern_and_quoted_reviews")
def selling_page_pattern_and_quoted_reviews(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """``selling_page_pattern``, and on a page that sells every sentence of an unattributed first-person
    review quote and the signature line under it."""
    own = list(selling_page_pattern(ctx, spec))
    yield from own
    if ctx.is_press_release or not main_text_sells(ctx, own):
        return
    taken = [f.span for f in own if f.span is not None]
    review_blocks: set[int] = set()
    scoped = list(ctx.blocks_in_scope(spec))
    for position, (index, block) in enumerate(scoped):
        if block.kind == "code" or block.region != "main":
            continue
        quote = _REVIEW_QUOTE.match(block.text)
        if quote:
            said, after = quote.group("said"), quote.group("after")
            starred = block.text.lstrip()[:1] in "★⭐"  # a star row marks a customer review
            if not (starred or _REVIEWER_VOICE.search(said)) or _SAID_AFTER.search(after) or said.rstrip().endswith("?"):
                continue
            review_blocks.add(index)
            for sentence in ctx.doc.sentences:
                if sentence.block != index or any(sentence.span.overlaps(t) for t in taken):
                    continue
                yield ctx.finding(spec, sentence.span, sentence.text.strip(' \t★⭐☆*“”"')[:120])
        elif position and scoped[position - 1][0] in review_blocks and len(block.text) <= 60 and _REVIEW_SIGNATURE.match(block.text):
            if not any(block.span.overlaps(t) for t in taken):
                yield ctx.finding(spec, block.span, block.text.strip())
