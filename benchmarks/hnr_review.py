"""Re-check an editor's review of findings on real press releases and news stories.

Usage: python benchmarks/hnr_review.py [REVIEW_DIR]

A review directory holds findings an editor reviewed (``sample-keys.tsv``: document id, rule,
line) and the verdicts (``judgments.tsv``; D: an editor would defend it, R: reject it):

- ``docs/hnr-review/`` (the default): 186 findings sampled on rule pack 2026.11.0;
- ``docs/hnr-review-2/``: 151 findings, up to 14 per category, sampled on rule pack 2026.11.1
  and judged by a second reviewer;
- ``docs/hnr-review-3/``: 145 findings, up to 14 per category (one per document, rule and
  line), sampled on rule pack 2026.11.6 (seed 20261124) and judged by a third reviewer;
- ``docs/hnr-review-4/``: 124 findings, up to 12 per category, sampled on rule pack 2026.11.7
  (seed 20261125) and judged by a fourth reviewer;
- ``docs/hnr-review-5/``: 121 findings, up to 12 per category, sampled on rule pack 2026.11.8
  (seed 20261124) and judged by a fifth reviewer;
- ``docs/hnr-review-6/``: 121 findings, up to 12 per category, sampled on rule pack 2026.11.9
  (seed 20261126) and judged by a sixth reviewer;
- ``docs/hnr-review-7/``: 121 findings, up to 12 per category, sampled on rule pack 2026.11.10
  before its last change (seed 20261127) and judged by a seventh reviewer;
- ``docs/hnr-review-8/``: 121 findings, up to 12 per category, sampled on the final rule pack
  2026.11.10 (seed 20261128) and judged by an eighth reviewer;
- ``docs/hnr-review-9/``: 123 findings, up to 12 per category, sampled on rule pack 2026.11.12
  (seed 20261129) and judged by a ninth reviewer;
- ``docs/hnr-review-10/``: 121 findings, up to 12 per category, sampled on rule pack 2026.11.13
  (seed 20261130) and judged by a tenth reviewer;
- ``docs/hnr-review-11/``: 122 findings, up to 12 per category, sampled on rule pack 2026.11.14
  before its last changes (seed 20261201) and judged by an eleventh reviewer.

This script audits the same documents with the current rules and counts which
reviewed findings still fire, so a rule change is measured against the same judgments:
precision among the surviving reviewed findings, and how many defended findings were lost.
Needs ../shared/datasets/healthnewsreview-dev (skipped when absent).
"""
from __future__ import annotations

import csv
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from auditor.pipeline import audit_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "healthnewsreview-dev"


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    review = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "hnr-review"
    keys = list(csv.DictReader((review / "sample-keys.tsv").open(), delimiter="\t"))
    verdicts = {row["n"]: row["verdict"] for row in csv.DictReader((review / "judgments.tsv").open(), delimiter="\t")}
    texts = {}
    for name in ("releases", "stories"):
        with gzip.open(DATA / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                texts[row["id"]] = row["text"]
    findings: dict[str, list] = {}
    kept: Counter[str] = Counter()
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    for key in keys:
        doc = key["document"]
        if doc not in findings:
            findings[doc] = list(audit_text(texts[doc], "text", source=doc).findings)
        line = int(key["line"]) if key["line"] else None
        alive = any(f.rule == key["rule"] and (line is None or f.line == line) for f in findings[doc])
        verdict = verdicts[key["n"]]
        kept[("kept " if alive else "dropped ") + verdict] += 1
        by_category[key["category"]][("kept " if alive else "dropped ") + verdict] += 1
    surviving = kept["kept D"] + kept["kept R"]
    print(f"reviewed findings: {len(keys)}; originally defended {kept['kept D'] + kept['dropped D']}")
    print(f"still reported: {surviving}, of which defended {kept['kept D']} "
          f"({kept['kept D'] / max(1, surviving):.0%}); defended findings no longer reported: {kept['dropped D']}")
    print(f"{'category':<16} {'kept D':>7} {'kept R':>7} {'dropped D':>10} {'dropped R':>10}")
    for category, c in sorted(by_category.items()):
        print(f"{category:<16} {c['kept D']:>7} {c['kept R']:>7} {c['dropped D']:>10} {c['dropped R']:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
