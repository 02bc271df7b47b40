"""How the balance and transparency findings line up with expert reviewers' criteria (real text).

Usage: python benchmarks/hnr_criteria.py [--data DIR]

Uses ../shared/datasets/healthnewsreview-dev/releases.jsonl.gz: HealthNewsReview's reviewers
judged each release "Satisfactory", "Not Satisfactory" or "Not Applicable" on ten criteria. For
the criteria a rule speaks to (harms: HC501, alternatives: HC502, cost: HC503, evidence quality:
HC504, funding and conflicts of interest: HC405), prints, over the releases judged either way,
how many "Not Satisfactory" releases get the finding (recall), how many of the releases with the
finding were judged "Not Satisfactory" (precision), and the share judged "Not Satisfactory" at
all (what a rule that always fired would score as precision). Each release is audited as
published, headline first (see hnr_tone.py). Nothing here trains or tunes anything.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from hnr_tone import DATA, release_text

from auditor.pipeline import audit_text

CRITERIA = {"harms": "HC501", "alternatives": "HC502", "cost": "HC503", "evidence_quality": "HC504",
            "sources_and_coi": "HC405"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(DATA))
    args = parser.parse_args()
    path = Path(args.data) / "releases.jsonl.gz"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    counts = {c: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for c in CRITERIA}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            result = audit_text(release_text(row), "text", source=row["id"])
            rules = {f.rule for f in result.findings}
            for criterion, rule in CRITERIA.items():
                verdict = row["labels"]["criteria"].get(criterion)
                if verdict not in ("Satisfactory", "Not Satisfactory"):
                    continue
                bad, fired = verdict == "Not Satisfactory", rule in rules
                counts[criterion][("tp" if fired else "fn") if bad else ("fp" if fired else "tn")] += 1
    print(f"{'criterion':18} {'rule':6} {'judged':>6} {'not sat.':>8} {'findings':>8} {'precision':>9} {'recall':>6}")
    for criterion, c in counts.items():
        judged, bad, fired = sum(c.values()), c["tp"] + c["fn"], c["tp"] + c["fp"]
        precision = f"{c['tp'] / fired:.2f}" if fired else "-"
        recall = f"{c['tp'] / bad:.2f}" if bad else "-"
        print(f"{criterion:18} {CRITERIA[criterion]:6} {judged:6d} {bad:8d} {fired:8d} {precision:>9} {recall:>6}"
              f"   (base rate {bad / judged:.2f})" if judged else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
