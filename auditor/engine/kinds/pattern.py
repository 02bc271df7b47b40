"""Regular-expression rules, compiled with RE2 so no pattern can backtrack catastrophically.

Each rule's patterns are joined into one expression and run once over the document text; in
the text, blocks are separated by blank lines and ``(?m)`` makes ``^``/``$`` block edges. A
named group ``evidence`` narrows the finding to part of the match.
"""
from __future__ import annotations

from auditor.engine.context import DocContext
from auditor.engine.kinds._guarded import GUARD_KEYS, Guards, compile_re2, limit, reject_unknown, strings
from auditor.engine.spec import RuleSpec
from auditor.errors import RuleDefinitionError
from auditor.records import Finding

PARAMS = GUARD_KEYS | {"patterns"}


class PatternRule:
    """One compiled pattern rule."""

    def __init__(self, spec: RuleSpec) -> None:
        reject_unknown(spec, PARAMS, "pattern")
        patterns = strings(spec.params.get("patterns"), spec, "patterns")
        if not patterns:
            raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.patterns: at least one pattern is required")
        for pattern in patterns:  # each alone first, so an error names the culprit
            compiled = compile_re2(pattern, spec, "patterns", bool(spec.params.get("case_sensitive")))
            if compiled.search("") is not None or compiled.search(" ") is not None:
                raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.patterns: pattern "
                                          f"{pattern!r} matches empty text, so it would match everywhere")
        # Each alternative gets its own evidence group (RE2 rejects duplicate group names).
        joined = "(?m)" + "|".join(
            f"(?:{p.replace('(?P<evidence>', f'(?P<evidence{i}>')})" for i, p in enumerate(patterns)
        )
        self.regex = compile_re2(joined, spec, "patterns", bool(spec.params.get("case_sensitive")))
        self.groups = [index for name, index in self.regex.groupindex.items() if name.startswith("evidence")]
        self.guards = Guards.from_spec(spec)
        self.spec = spec

    def run(self, ctx: DocContext) -> list[Finding]:
        """Findings of this rule in one document."""
        if not self.guards.may_fire(ctx):
            return []  # every match would be vetoed: skip the search
        found = []
        for match in self.regex.finditer(ctx.doc.text):
            start, end = match.span()
            for group in self.groups:
                if match.group(group) is not None:
                    start, end = match.span(group)
                    break
            if end <= start:
                continue
            finding = self.guards.accept(ctx, start, end)
            if finding is not None:
                found.append(finding)
        return limit(found, self.guards)
