"""Invariants every rule must keep; each failure names the rule."""
from __future__ import annotations

import re

import pytest

from auditor.engine import load_pack
from auditor.engine.docs import rules_markdown
from tests.conftest import REPO

PACK = load_pack()
RULES = [s for s in PACK.specs.values() if s.category != "engine"]
FAMILY_BLOCKS = {"evidence": "HC1", "claims": "HC2", "promotion": "HC3", "transparency": "HC4", "balance": "HC5",
                 "seo": "HC6", "boilerplate": "HC7", "readability": "HC8"}


@pytest.mark.parametrize("spec", RULES, ids=lambda s: s.id)
def test_rule_is_documented_and_tested(spec) -> None:  # noqa: ANN001
    assert len(spec.fires) >= 2 and len(spec.passes) >= 2, f"{spec.id}: needs 2+ fires and 2+ passes examples"
    assert len(spec.why) >= 40, f"{spec.id}: 'why' is too thin"
    assert all(r["url"].startswith("https://") for r in spec.references), f"{spec.id}: references need https URLs"
    assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", spec.name) and not spec.name.startswith(("no-", "avoid-", "disallow-"))
    assert spec.id.startswith(FAMILY_BLOCKS[spec.family]), f"{spec.id}: code outside its family's block"
    if spec.params.get("ignore_when_negated") or spec.params.get("ignore_when_hedged"):
        guarded = re.compile(r"\b(?:not|no|may|might|some studies|suggest)\b", re.I)
        assert any(guarded.search(e.text) for e in spec.passes), f"{spec.id}: guards need a negated or hedged passes case"
    if not spec.document_level:
        assert "{evidence}" in spec.message, f"{spec.id}: message should quote the evidence"


def test_codes_and_names_are_unique() -> None:
    assert len({s.id for s in PACK.specs.values()}) == len(PACK.specs)
    assert len({s.name for s in PACK.specs.values()}) == len(PACK.specs)


def test_every_category_is_covered() -> None:
    categories = {s.category for s in RULES}
    assert categories == {"cta", "testimonial", "stat", "attribution", "absolute", "causal", "hype", "risk-minimizing",
                          "seo", "boilerplate", "transparency", "balance", "readability"}


def test_docs_rules_md_is_current() -> None:
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(PACK), "docs/rules.md is stale: run `auditor rules --format markdown > docs/rules.md`"
