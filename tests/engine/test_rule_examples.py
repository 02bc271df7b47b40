"""Every rule's own examples: each ``fires`` case fires, each ``passes`` case does not."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.engine import load_pack
from auditor.engine.examples import example_settings
from auditor.engine.spec import Example, RuleSpec
from tests.engine_helpers import findings_for

ROOT = Path(__file__).resolve().parents[2]
PACK = load_pack()
RULES = [spec for spec in PACK.specs.values() if spec.category != "engine"]


def _cases(kind: str) -> list[object]:
    cases = []
    for spec in RULES:
        examples = spec.fires if kind == "fires" else spec.passes
        for index, example in enumerate(examples):
            cases.append(pytest.param(spec, example, id=f"{spec.id}-{kind}-{index}"))
    return cases


@pytest.mark.parametrize(("spec", "example"), _cases("fires"))
def test_fires(spec: RuleSpec, example: Example) -> None:
    hits = [f for f in findings_for(example.text, example.format, example_settings(spec)) if f.rule == spec.id]
    if spec.document_level:
        assert len(hits) == 1, f"{spec.id} should fire once on {example.text[:60]!r}"
        return
    assert len(hits) == 1, f"{spec.id} fired {len(hits)} times on {example.text!r}: {[h.evidence for h in hits]}"
    if example.evidence is not None:
        assert hits[0].evidence.lower() == example.evidence.lower()
        assert hits[0].location is not None


@pytest.mark.parametrize(("spec", "example"), _cases("passes"))
def test_passes(spec: RuleSpec, example: Example) -> None:
    hits = [f for f in findings_for(example.text, example.format, example_settings(spec)) if f.rule == spec.id]
    assert hits == [], f"{spec.id} should not fire on {example.text!r}: {[h.evidence for h in hits]}"


# Standard furniture that is word for word the same on countless sites, so the corpus's pages and
# a rule's example may both carry it.
STOCK_STRINGS = {"your email address will not be published."}


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [" ".join(part.split()).lower() for part in parts if len(part.split()) >= 6]


def test_examples_do_not_repeat_corpus_sentences() -> None:
    """A rule's examples are written for the rule, so the corpus measures it on text it has not seen."""
    corpus = " ".join(
        " ".join(path.read_text(encoding="utf-8", errors="replace").split())
        for path in sorted((ROOT / "corpus" / "docs").iterdir())
    ).lower()
    shared = [
        f"{spec.id}: {sentence}"
        for spec in RULES
        for example in (*spec.fires, *spec.passes)
        for sentence in _sentences(example.text)
        if sentence not in STOCK_STRINGS and sentence in corpus
    ]
    assert shared == []
