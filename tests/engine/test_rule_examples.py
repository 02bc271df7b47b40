"""Every rule's own examples: each ``fires`` case fires, each ``passes`` case does not."""
from __future__ import annotations

import pytest

from auditor.engine import load_pack
from auditor.engine.spec import Example, RuleSpec
from tests.engine_helpers import findings_for

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
    hits = [f for f in findings_for(example.text, example.format) if f.rule == spec.id]
    if spec.document_level:
        assert len(hits) == 1, f"{spec.id} should fire once on {example.text[:60]!r}"
        return
    assert len(hits) == 1, f"{spec.id} fired {len(hits)} times on {example.text!r}: {[h.evidence for h in hits]}"
    if example.evidence is not None:
        assert hits[0].evidence.lower() == example.evidence.lower()
        assert hits[0].location is not None


@pytest.mark.parametrize(("spec", "example"), _cases("passes"))
def test_passes(spec: RuleSpec, example: Example) -> None:
    hits = [f for f in findings_for(example.text, example.format) if f.rule == spec.id]
    assert hits == [], f"{spec.id} should not fire on {example.text!r}: {[h.evidence for h in hits]}"
