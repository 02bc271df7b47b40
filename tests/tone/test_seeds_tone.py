"""The seed pages that sell (the clinic page, the Q&A site) read as promotional, and their calls
to action are among their most promotional sentences (skipped when ../shared is absent)."""
from __future__ import annotations

import pytest

from auditor.pipeline import audit_path
from tests.conftest import SHARED
from tests.seed_expectations import parse_expected

EXPECTED = SHARED / "seeds" / "EXPECTED.md"
pytestmark = pytest.mark.skipif(not EXPECTED.exists(), reason="../shared/seeds is not available")


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_selling_seeds_score_as_promotional(prefix: str) -> None:
    seed = next(s for s in parse_expected(EXPECTED) if s.name.startswith(prefix))
    tone = audit_path(str(SHARED / "seeds" / seed.name)).tone
    assert tone.is_promotional, f"{seed.name}: tone {tone.promotional} below threshold {tone.threshold}"
    ranked = sorted(tone.sentences, key=lambda s: -s.promotional)
    rank = {id(s): i for i, s in enumerate(ranked)}
    cta = [e for item in seed.must for e in item.excerpts if "cta" in item.categories and len(e.split()) >= 3]
    ranks = []
    for excerpt in cta:
        holders = [s for s in tone.sentences if excerpt.split(",")[0][:40] in s.text]
        if holders:
            ranks.append(min(rank[id(h)] for h in holders) / len(ranked))
    assert ranks, "no call-to-action sentence was scored"
    # Every call to action is in the most promotional 40% of the page, and most are in the top tenth.
    assert max(ranks) <= 0.40, ranks
    assert sorted(ranks)[len(ranks) // 2] <= 0.10, ranks
