"""Checklists against public instruments, computed from the same findings as the scorecard.

JAMA benchmarks (Silberg et al., 1997): authorship, attribution, disclosure, currency.
HealthNewsReview-style criteria: costs, quantified benefits, harms, evidence quality,
alternatives, independent sources, availability. Each is ``met``, ``not met`` or ``n/a``.
"""
from __future__ import annotations

import re

from auditor.records import Document, Finding

MET, NOT_MET, NA = "met", "not met", "n/a"
_DISCLOSURE = re.compile(r"\b(?:disclosure|disclaimer|sponsored|advertis\w+|affiliate|commission|conflicts? of interest|funded by|funding)\b", re.I)
_AVAILABILITY = re.compile(r"\b(?:approved|approval|available|availability|prescription|off-label|licensed|clinical trials? (?:are|is) (?:recruiting|under way)|not yet (?:available|approved)|fda|ema|nice)\b", re.I)
_NUMBER_WITH_CONTEXT = re.compile(r"\d")
CLAIM_CATEGORIES = {"absolute", "causal", "hype", "stat", "attribution", "risk-minimizing", "cta", "testimonial"}


def jama(document: Document, findings: list[Finding]) -> dict[str, str]:
    """The four JAMA benchmarks."""
    rules = {f.rule for f in findings}
    meta = document.metadata
    commercial = any(f.category in ("cta", "testimonial") for f in findings)
    disclosed = bool(_DISCLOSURE.search(document.text))
    return {
        "authorship": MET if meta.author else NOT_MET,
        "attribution": MET if meta.has_references else NOT_MET,
        "disclosure": MET if disclosed or (meta.publisher and not commercial and "HC405" not in rules) else NOT_MET,
        "currency": MET if (meta.published or meta.updated) else NOT_MET,
    }


def _unweighed(code: str, claims: bool, main_text: str) -> str:
    """The criterion of a balance rule ``code`` that did not fire: ``met`` when the rule weighed the
    page or the page says what the rule looks for; ``n/a`` when the rule did not apply (a page with
    no claims, or shorter than the rule's ``min_words``) and the page does not say it: a criterion
    nobody checked is not met."""
    from auditor.engine.kinds.required import RequiredRule
    from auditor.engine.registry import load_pack

    rule = next((r for r in load_pack().document_rules if r.spec.id == code), None)
    if not isinstance(rule, RequiredRule):
        return NA
    if claims and len(main_text.split()) >= rule.min_words:
        return MET
    return MET if rule.mentions(main_text) else NA


def healthnewsreview(document: Document, findings: list[Finding]) -> dict[str, str]:
    """HealthNewsReview-style criteria; ``n/a`` when the page discusses no treatment claims, and for
    harms, evidence and alternatives when the rule that weighs them did not apply and the page does
    not address them."""
    rules = {f.rule for f in findings}
    categories = {f.category for f in findings}
    if not categories & CLAIM_CATEGORIES and len(document.text.split()) < 150:
        return dict.fromkeys(("costs", "benefits", "harms", "evidence", "alternatives", "sources", "availability"), NA)
    text = document.text
    cited_numbers = any(link.kind == "citation" for link in document.links) and bool(_NUMBER_WITH_CONTEXT.search(text))
    claims = bool(categories & CLAIM_CATEGORIES)
    main_text = "\n\n".join(b.text for b in document.blocks if b.region == "main")

    def weighed(fired: bool, code: str) -> str:
        return NOT_MET if fired else _unweighed(code, claims, main_text)

    return {
        "costs": NOT_MET if "HC503" in rules else (MET if re.search(r"\b(?:costs?|price|insurance|\$\s?\d)", text, re.I) else NA),
        "benefits": MET if cited_numbers and "HC101" not in rules else NOT_MET,
        "harms": weighed(bool(rules & {"HC501", "HC205"}), "HC501"),
        "evidence": weighed(bool(rules & {"HC504", "HC203"}), "HC504"),
        "alternatives": weighed("HC502" in rules, "HC502"),
        "sources": MET if document.metadata.has_references and not rules & {"HC102", "HC103"} else NOT_MET,
        "availability": MET if _AVAILABILITY.search(text) else NOT_MET,
    }
