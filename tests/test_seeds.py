"""Acceptance: the auditor makes the findings EXPECTED.md lists for each seed, and no others of
the categories it warns about (skipped when ../shared is absent)."""
from __future__ import annotations

import re

import pytest

from auditor.pipeline import audit_path
from auditor.records import Finding
from tests.conftest import SHARED
from tests.seed_expectations import MustFlag, MustNotFlag, SeedSpec, parse_expected

EXPECTED = SHARED / "seeds" / "EXPECTED.md"
SEEDS = parse_expected(EXPECTED) if EXPECTED.exists() else []
pytestmark = pytest.mark.skipif(not EXPECTED.exists(), reason="../shared/seeds is not available")
_RESULTS: dict[str, object] = {}


def _result(name: str):  # noqa: ANN202 - AuditResult
    if name not in _RESULTS:
        _RESULTS[name] = audit_path(str(SHARED / "seeds" / name))
    return _RESULTS[name]


def _squash(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).lower()


def _occurrences(text: str, excerpt: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(excerpt), text)]
    if not spans:  # tolerate quote styles and spacing; squashing keeps offsets close enough
        squashed, key = _squash(text), _squash(excerpt)
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(key), squashed)]
    return spans


def _covers(finding: Finding, text: str, excerpt: str) -> bool:
    key = _squash(excerpt)
    if key in _squash(finding.evidence) or (finding.span is None and key in _squash(finding.excerpt)):
        return True
    if finding.span is None:
        return False
    return any(finding.span.start < end and start < finding.span.end for start, end in _occurrences(text, excerpt))


def _must_cases() -> list[object]:
    return [pytest.param(seed, item, id=f"{seed.name[:3]}-must-{i}-{'/'.join(item.categories)}")
            for seed in SEEDS for i, item in enumerate(seed.must)]


def _must_not_cases() -> list[object]:
    return [pytest.param(seed, item, id=f"{seed.name[:3]}-must-not-{i}")
            for seed in SEEDS for i, item in enumerate(seed.must_not)]


def test_expected_md_was_parsed() -> None:
    assert len(SEEDS) == 5
    assert sum(len(s.must) for s in SEEDS) >= 40
    assert all(s.must_not for s in SEEDS)


@pytest.mark.parametrize(("seed", "item"), _must_cases())
def test_must_flag(seed: SeedSpec, item: MustFlag) -> None:
    result = _result(seed.name)
    assert result.ok, result.error
    text = result.document.text
    found = [f for f in result.findings if f.category in item.categories]
    if not item.excerpts:
        assert found, f"no {item.categories} finding for: {item.line}"
        return
    for excerpt in item.excerpts:
        assert _occurrences(text, excerpt), f"excerpt not in the normalized text: {excerpt!r}"
        assert any(_covers(f, text, excerpt) for f in found), (
            f"{seed.name}: no {'/'.join(item.categories)} finding covers {excerpt!r}; "
            f"found: {[(f.rule, f.evidence) for f in found][:12]}")


@pytest.mark.parametrize(("seed", "item"), _must_not_cases())
def test_must_not_flag(seed: SeedSpec, item: MustNotFlag) -> None:
    result = _result(seed.name)
    text = result.document.text
    spans = _occurrences(text, item.excerpt)
    assert spans, f"excerpt not in the normalized text: {item.excerpt!r}"
    bad = [f for f in result.findings if f.span is not None
           and (not item.categories or f.category in item.categories)
           and any(f.span.start < end and start < f.span.end for start, end in spans)]
    assert bad == [], f"{seed.name}: {item.excerpt[:60]!r} was flagged: {[(f.rule, f.evidence) for f in bad]}"
