"""Phrase lists: case-insensitive, word-bounded, with inflections, in one Aho-Corasick pass.

Every phrase of every phrase rule goes into one automaton per rule pack, so a document is
scanned once however many phrases there are.
"""
from __future__ import annotations

from collections import defaultdict

import ahocorasick

from auditor.engine.context import DocContext
from auditor.engine.kinds._guarded import GUARD_KEYS, Guards, limit, reject_unknown, strings
from auditor.engine.spec import RuleSpec
from auditor.errors import RuleDefinitionError
from auditor.records import Finding

PARAMS = GUARD_KEYS | {"phrases", "inflect"}
_TOO_COMMON = frozenset("the a an and or of to in is it that this for on with as are be by at from was not".split())


def inflections(phrase: str) -> set[str]:
    """The phrase with common English endings on its last word ("cure" -> "cures", "cured")."""
    words = phrase.split(" ")
    last = words[-1]
    head = " ".join(words[:-1])
    forms = {last}
    if last.isalpha() and len(last) > 2:
        forms |= {last + "s", last + "es", last + "ed", last + "ing"}
        if last.endswith("e"):
            forms |= {last + "d", last[:-1] + "ing"}
        if last.endswith("y") and last[-2] not in "aeiou":
            forms |= {last[:-1] + "ies", last[:-1] + "ied"}
    return {f"{head} {form}".strip() for form in forms}


class PhraseMatcher:
    """All phrase rules of a pack, compiled into one automaton."""

    def __init__(self, specs: list[RuleSpec]) -> None:
        self.guards: dict[str, Guards] = {}
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for spec in specs:
            reject_unknown(spec, PARAMS, "phrase")
            phrases = strings(spec.params.get("phrases"), spec, "phrases")
            if not phrases:
                raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.phrases: at least one phrase is required")
            self.guards[spec.id] = Guards.from_spec(spec)
            for phrase in phrases:
                phrase = " ".join(phrase.lower().split())
                if len(phrase) < 2:
                    raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.phrases: phrase {phrase!r} is too short")
                if phrase in _TOO_COMMON:
                    raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.phrases: phrase {phrase!r} "
                                              "would match almost every document")
                forms = inflections(phrase) if spec.params.get("inflect", True) else {phrase}
                for form in forms:
                    table[form].append((spec.id, phrase))
        for form, payload in table.items():
            self._automaton.add_word(form, (len(form), tuple(payload)))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()

    def run(self, ctx: DocContext, enabled: set[str]) -> dict[str, list[Finding]]:
        """Findings of every enabled phrase rule, keyed by rule id."""
        results: dict[str, list[Finding]] = defaultdict(list)
        if self._empty:
            return results
        text = ctx.lower
        length = len(text)
        for end_index, (size, payload) in self._automaton.iter(text):
            start, end = end_index - size + 1, end_index + 1
            if (start > 0 and text[start - 1].isalnum()) or (end < length and text[end].isalnum()):
                continue
            for rule_id, _phrase in payload:
                if rule_id not in enabled:
                    continue
                finding = self.guards[rule_id].accept(ctx, start, end)
                if finding is not None:
                    results[rule_id].append(finding)
        return {rid: limit(fs, self.guards[rid]) for rid, fs in results.items()}
