"""A pattern rule's chunks find what one alternation of all its patterns would find."""
from __future__ import annotations

import pytest
import re2

from auditor.engine.kinds import pattern
from auditor.engine.kinds.pattern import PatternRule
from auditor.engine.spec import RuleSpec
from auditor.records import Severity

# Overlaps and ties between patterns, line anchors, word edges and an evidence group.
PATTERNS = [
    r"\bmiracle cure\b", r"\bcure[sd]?\b", r"\bmiracle\b", r"(?P<evidence>no side effects)(?: at all)?",
    r"^Book now\b", r"\bside effects at all\b", r"\b100% (?:safe|natural)\b", r"\bsafe\b", r"(?:x)*\bgone\b",
    r"\bcures? (?:all|every)\b", r"\bguaranteed?\b", r"\bgold standard\b",
]
TEXTS = [
    "A miracle cure with no side effects at all. It cures all aches, 100% safe and safe again.",
    "Book now! Pain gone, guaranteed.\n\nBook now and see the gold standard miracle.",
    "cure cured cures curing miracle-cure miraclecure",
    "Ünïcödé text: miracle cure — “no side effects” — 100% natural, gone.",
    "",
]


def rule(patterns: list[str]) -> PatternRule:
    return PatternRule(RuleSpec(id="HC999", name="test", category="hype", severity=Severity.WARNING, kind="pattern",
                                message="m", why="w", references=(), fires=(), passes=(), params={"patterns": patterns}))


def joined_spans(text: str) -> list[tuple[int, int]]:
    """Spans one expression of all the patterns finds (the behaviour the chunks must keep)."""
    options = re2.Options()
    options.case_sensitive = False
    regex = re2.compile("(?m)" + "|".join(f"(?:{p.replace('(?P<evidence>', f'(?P<evidence{i}>')})"
                                          for i, p in enumerate(PATTERNS)), options)
    groups = [i for name, i in regex.groupindex.items() if name.startswith("evidence")]
    return [next((m.span(g) for g in groups if m.group(g) is not None), m.span()) for m in regex.finditer(text)]


@pytest.mark.parametrize("chunk", [1, 2, 3, 8, 100])
@pytest.mark.parametrize("text", TEXTS)
def test_chunks_match_like_one_alternation(monkeypatch: pytest.MonkeyPatch, chunk: int, text: str) -> None:
    monkeypatch.setattr(pattern, "CHUNK", chunk)
    assert list(rule(PATTERNS).matches(text)) == joined_spans(text)


def test_a_pattern_that_matches_empty_text_in_context_does_not_stall_the_scan() -> None:
    # Refused patterns match empty text on their own; this one matches only at word edges.
    spans = list(rule([r"\bcure\b", r"(?:zq)*\b"]).matches("a cure, then " * 200))
    assert sum(1 for start, end in spans if end > start) == 200
