"""Self-promotion: the publisher or a configured brand name selling itself inside the article."""
from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.engine.context import DocContext
from auditor.engine.kinds.python import register
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
    brand_re = re.compile("|".join(re.escape(b) for b in brands), re.IGNORECASE) if brands else None
    if ctx.is_press_release:
        return  # a release speaks for its organisation by definition; its About paragraph is furniture
    for sentence in ctx.doc.sentences:
        block = ctx.doc.blocks[sentence.block]
        if not ctx.in_scope(spec, block) or block.kind == "code" or _INFO_POINTER.search(sentence.text):
            continue
        name = DOMAIN.search(sentence.text) or (brand_re.search(sentence.text) if brand_re else None)
        if name and name.start() > 0 and sentence.text[name.start() - 1] == "@":
            continue  # an e-mail address is a contact, not a plug
        if name and PROMO_VERBS.search(sentence.text):
            start = sentence.span.start + name.start()
            yield ctx.finding(spec, Span(start, start + len(name.group())), name.group(), sentence.text)
