"""Required elements: the document fires when none of the listed signs is present.

Signs are metadata fields, RE2 patterns over the main text, link kinds, or a references
section. ``when`` restricts the rule to commercial pages, pages that make claims, or advice
pages (pages that make claims and either sell or speak to the reader as "you").
"""
from __future__ import annotations

import re

from auditor.engine.context import COMMERCIAL, DocContext
from auditor.engine.kinds._guarded import compile_re2, reject_unknown, strings
from auditor.engine.spec import RuleSpec
from auditor.errors import RuleDefinitionError
from auditor.records import Finding

PARAMS = frozenset({"metadata", "patterns", "link_kinds", "references", "when", "min_words", "region",
                    "ignore_in_press_release"})
CONDITIONS = ("always", "commercial", "claims", "advice")
# Consumer health pages address the reader; news and research reports rarely do (measured: a
# tenth of a leaflet's sentences or more, none in the median news story or press release).
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|yourself)\b", re.IGNORECASE)
ADVICE_SHARE = 0.10
CLAIMS = ("absolute", "hype", "causal", "stat", "attribution", "risk-minimizing")


class RequiredRule:
    """One compiled required-element rule."""

    def __init__(self, spec: RuleSpec) -> None:
        params = spec.params
        reject_unknown(spec, PARAMS, "required")
        self.when = params.get("when", "always")
        if self.when not in CONDITIONS:
            raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.when: expected one of {', '.join(CONDITIONS)}")
        self.metadata = strings(params.get("metadata", []), spec, "metadata")
        self.link_kinds = strings(params.get("link_kinds", []), spec, "link_kinds")
        self.patterns = [compile_re2(p, spec, "patterns") for p in strings(params.get("patterns", []), spec, "patterns")]
        self.references = bool(params.get("references", False))
        self.min_words = int(params.get("min_words", 0))
        self.region = params.get("region", "main")
        self.skip_press_release = bool(params.get("ignore_in_press_release", False))
        if not (self.metadata or self.link_kinds or self.patterns or self.references):
            raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params: name at least one of "
                                      "metadata, patterns, link_kinds or references")
        self.spec = spec

    def _applies(self, ctx: DocContext) -> bool:
        if self.skip_press_release and ctx.is_press_release:
            return False
        if self.when == "commercial":
            return ctx.is_commercial()
        if self.when == "claims":
            return ctx.has_category(*CLAIMS, *COMMERCIAL)
        if self.when == "advice":
            return ctx.is_commercial() or (ctx.has_category(*CLAIMS) and _addresses_reader(ctx))
        return True

    def _present(self, ctx: DocContext) -> bool:
        meta = ctx.doc.metadata
        if any(getattr(meta, name, None) for name in self.metadata):
            return True
        if self.references and meta.has_references:
            return True
        if any(link.kind in self.link_kinds for link in ctx.doc.links):
            return True
        text = ctx.doc.text if self.region == "all" else ctx.main_text()
        return any(p.search(text) for p in self.patterns)

    def run(self, ctx: DocContext) -> list[Finding]:
        """A document-level finding when the element is missing."""
        if len(ctx.main_text().split()) < self.min_words or not self._applies(ctx):
            return []
        if self._present(ctx):
            return []
        return [ctx.finding(self.spec, None, "", excerpt="")]


def _addresses_reader(ctx: DocContext) -> bool:
    """True when at least ``ADVICE_SHARE`` of the main-text sentences speak to the reader."""
    main = ctx.main_sentences
    return bool(main) and sum(1 for s in main if _SECOND_PERSON.search(s.text)) >= ADVICE_SHARE * len(main)
