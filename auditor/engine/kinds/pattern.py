"""Regular-expression rules, compiled with RE2 so no pattern can backtrack catastrophically.

A rule's patterns run over the document text (blocks are separated by blank lines there, and
``(?m)`` makes ``^``/``$`` block edges) joined in chunks of a few alternatives, and the chunks'
matches are merged as one alternation of all the patterns would find them: leftmost first, the
earlier pattern on a tie, none overlapping. (RE2's automaton for a hundred case-insensitive
alternatives outgrows its cache on non-ASCII text; small chunks stay fast.) A named group
``evidence`` narrows the finding to part of the match.
"""
from __future__ import annotations

from collections.abc import Iterator

from auditor.engine.context import DocContext
from auditor.engine.kinds._guarded import GUARD_KEYS, Guards, compile_re2, limit, reject_unknown, strings
from auditor.engine.spec import RuleSpec
from auditor.errors import RuleDefinitionError
from auditor.records import Finding

PARAMS = GUARD_KEYS | {"patterns"}
# Alternatives per joined expression. Measured on 200 real pages (benchmarks/engine.py's set), all
# pattern rules: one expression per rule 19.9 ms a page, one per pattern 18.1, chunks of 8 6.0.
CHUNK = 8


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
        case_sensitive = bool(spec.params.get("case_sensitive"))
        # Patterns are joined in chunks; each alternative gets its own evidence group (RE2 rejects
        # duplicate group names).
        self.regexes = []
        for first in range(0, len(patterns), CHUNK):
            joined = "(?m)" + "|".join(f"(?:{p.replace('(?P<evidence>', f'(?P<evidence{i}>')})"
                                       for i, p in enumerate(patterns[first:first + CHUNK]))
            self.regexes.append(compile_re2(joined, spec, "patterns", case_sensitive))
        self.evidence = [[index for name, index in regex.groupindex.items() if name.startswith("evidence")]
                         for regex in self.regexes]
        self.guards = Guards.from_spec(spec)
        self.spec = spec

    def matches(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of the rule's matches in ``text`` (the evidence group's, where a pattern has one),
        as one alternation of the patterns would find them."""
        pending = {}
        for index, regex in enumerate(self.regexes):
            match = regex.search(text)
            if match is not None:
                pending[index] = match
        while pending:
            index = min(pending, key=lambda i: (pending[i].start(), i))
            match = pending[index]
            yield next((match.span(g) for g in self.evidence[index] if match.group(g) is not None), match.span())
            # The scan goes on from the match's end (past an empty match, one character on); every
            # chunk whose next match starts before that looks again from there.
            resume = match.end() if match.end() > match.start() else match.end() + 1
            for other in [i for i, m in pending.items() if i == index or m.start() < resume]:
                again = self.regexes[other].search(text, resume) if resume <= len(text) else None
                if again is None:
                    del pending[other]
                else:
                    pending[other] = again

    def run(self, ctx: DocContext) -> list[Finding]:
        """Findings of this rule in one document."""
        if not self.guards.may_fire(ctx):
            return []  # every match would be vetoed: skip the search
        found = []
        for start, end in self.matches(ctx.doc.text):
            if end <= start:
                continue
            finding = self.guards.accept(ctx, start, end)
            if finding is not None:
                found.append(finding)
        return limit(found, self.guards)
