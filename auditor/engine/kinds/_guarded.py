"""The guard options every matching kind shares, and the finding they produce."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import re2

from auditor.engine.context import DocContext
from auditor.engine.guards import is_answered_no, is_attributed, is_debunked, is_hedged, is_negated
from auditor.engine.selling import sells_by_findings
from auditor.engine.spec import RuleSpec
from auditor.errors import RuleDefinitionError
from auditor.records import Finding, Span

GUARD_KEYS = frozenset({
    "ignore_when_negated", "ignore_when_hedged", "ignore_when_debunked", "ignore_when_attributed",
    "ignore_when_cited", "ignore_when_referenced", "unless", "lede_unless_document", "require", "case_sensitive", "max_per_document", "max_per_block", "ignore_in_press_release", "ignore_in_release_footer", "when",
})


def reject_unknown(spec: RuleSpec, allowed: frozenset[str], kind: str) -> None:
    """Fail naming the first ``params`` key the rule's kind does not accept."""
    unknown = set(spec.params) - allowed
    if unknown:
        raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.{sorted(unknown)[0]}: "
                                  f"not an option of the {kind} kind")


def compile_re2(pattern: str, spec: RuleSpec, field: str, case_sensitive: bool = False) -> re2._Regexp:
    """Compile with RE2 (linear time), or fail naming the file, rule and field."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = case_sensitive
    # A large expression (a rule's joined ``unless`` list, a check's patterns) can outgrow RE2's
    # default 8 MB and make its DFA cache thrash. The budget is a cap, not an allocation.
    options.max_mem = 32 << 20
    try:
        return re2.compile(pattern, options)
    except Exception as exc:  # noqa: BLE001 - re2 raises its own error type
        detail = str(exc).replace("b'", "").replace("'", "") or "invalid pattern"
        raise RuleDefinitionError(
            f"{spec.path}:{spec.line}: {spec.id}.params.{field}: pattern {pattern!r} rejected "
            f"by the linear-time engine ({detail}); backreferences and lookaround are not supported"
        ) from exc


@dataclass
class Guards:
    """Compiled guard options of one rule."""

    spec: RuleSpec
    negated: bool
    hedged: bool
    debunked: bool
    attributed: bool
    cited: bool
    referenced: bool
    press_release: bool
    release_footer: bool  # skip the "About X", contacts and notes a release ends with
    when: str
    unless: list[re2._Regexp]
    require: list[re2._Regexp]
    max_per_document: int
    max_per_block: int
    # Not in the lede (up to the second main paragraph) of a document whose main text matches
    # one of these anywhere: a story that names the journal further down identifies the
    # "new study" its lede announces, though not the other studies it mentions.
    lede_unless_document: list[re2._Regexp] = field(default_factory=list)

    @classmethod
    def from_spec(cls, spec: RuleSpec) -> Guards:
        params = spec.params
        return cls(
            spec=spec,
            negated=bool(params.get("ignore_when_negated", False)),
            hedged=bool(params.get("ignore_when_hedged", False)),
            debunked=bool(params.get("ignore_when_debunked", True)),
            attributed=bool(params.get("ignore_when_attributed", False)),
            cited=bool(params.get("ignore_when_cited", False)),
            referenced=bool(params.get("ignore_when_referenced", False)),
            press_release=bool(params.get("ignore_in_press_release", False)),
            release_footer=bool(params.get("ignore_in_release_footer", False)),
            when=str(params.get("when", "always")),
            unless=[compile_re2(p, spec, "unless") for p in _strings(params.get("unless", []), spec, "unless")],
            require=[compile_re2(p, spec, "require") for p in _strings(params.get("require", []), spec, "require")],
            max_per_document=int(params.get("max_per_document", 50)),
            max_per_block=int(params.get("max_per_block", 1000)),
            lede_unless_document=[compile_re2(p, spec, "lede_unless_document")
                                  for p in _strings(params.get("lede_unless_document", []), spec, "lede_unless_document")],
        )

    def may_fire(self, ctx: DocContext) -> bool:
        """False when no match in this document could pass: a commercial-only rule on a page that
        does not sell, or a rule that skips press releases on one."""
        if self.when == "commercial" and not sells_by_findings(ctx):
            return False
        return not (self.press_release and ctx.is_press_release)

    def accept(self, ctx: DocContext, start: int, end: int) -> Finding | None:
        """A finding for the match ``[start, end)`` of the text, or None if a guard vetoes it."""
        if self.when == "commercial" and not sells_by_findings(ctx):
            return None
        if self.press_release and ctx.is_press_release:
            return None
        located = ctx.block_at(start)
        if located is None or not ctx.in_scope(self.spec, located[1]):
            return None
        block_index, _block = located
        sentence = ctx.sentence_at(start)
        text = sentence.text if sentence else ctx.doc.blocks[block_index].text
        base = sentence.span.start if sentence else ctx.doc.blocks[block_index].span.start
        s, e = start - base, end - base
        if self.release_footer and ctx.in_release_footer(start, block_index, text):
            return None
        if self.negated and is_negated(text, s, e):
            return None
        if self.negated and sentence is not None and is_answered_no(text, ctx.doc.text[sentence.span.end:sentence.span.end + 40]):
            return None
        if self.hedged and is_hedged(text, s, e):
            return None
        if self.debunked and is_debunked(text, s, e):
            return None
        if self.attributed and is_attributed(text, s):
            return None
        if self.cited and ctx.is_cited(block_index, sentence):
            return None
        if self.referenced and (ctx.doc.metadata.has_references or ctx.doc.metadata.reviewed_by):
            return None
        if self.unless and any(p.search(text) for p in self.unless):
            return None
        if self.require and not any(p.search(text) for p in self.require):
            return None
        if (self.lede_unless_document and block_index <= ctx.lede_end
                and any(p.search(ctx.main_text()) for p in self.lede_unless_document)):
            return None
        evidence = ctx.doc.text[start:end]
        return ctx.finding(self.spec, Span(start, end), evidence)


def _strings(value: object, spec: RuleSpec, field: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        got = type(value).__name__ if value is not None else "nothing"
        raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.{field}: expected a list of strings, got {got}")
    return value


def strings(value: object, spec: RuleSpec, field: str) -> list[str]:
    """``value`` as a list of strings, or a RuleDefinitionError naming the field."""
    return _strings(value, spec, field)


def limit(findings: Iterable[Finding], guards: Guards) -> list[Finding]:
    """At most ``max_per_document`` findings, and one per identical span."""
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    per_block: dict[int, int] = {}
    for finding in findings:
        key = (finding.span.start, finding.span.end) if finding.span else (-1, -1)
        if key in seen:
            continue
        seen.add(key)
        block = finding.line or 0
        if per_block.get(block, 0) >= guards.max_per_block:
            continue
        per_block[block] = per_block.get(block, 0) + 1
        out.append(finding)
        if len(out) >= guards.max_per_document:
            break
    return out
