"""How well the tone score separates sensational from measured press releases (real text).

Usage: python benchmarks/hnr_tone.py [--model MODEL.json] [--data DIR]

Uses ../shared/datasets/healthnewsreview-dev/releases.jsonl.gz: expert reviewers judged each
release "Satisfactory" or "Not Satisfactory" on ``sensational_language``. Prints the ROC-AUC of
the document tone score for "Not Satisfactory". The model never trains on this data.

Each release is audited as published: its headline (kept in the dataset's ``title`` field, and
missing from ``text`` in all but a few) first, then its text. Reviewers judged the headline with
the rest, and headlines are where releases overstate most. ``--no-headline`` scores the text alone.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from auditor.pipeline import audit_text
from auditor.tone import default_model, score_document

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "healthnewsreview-dev"


def release_text(row: dict, headline: bool = True) -> str:
    """The release as published: its headline, unless the text already starts with it, then the text."""
    text, title = row.get("text") or "", (row.get("title") or "").strip()
    if not headline or not title or title[:40] in text[:400]:
        return text
    return f"{title}\n\n{text}"


def main() -> int:
    from sklearn.metrics import roc_auc_score

    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=None)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--no-headline", action="store_true", help="Score the text without its headline.")
    args = parser.parse_args()
    path = Path(args.data) / "releases.jsonl.gz"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    model = default_model(args.model)
    labels, scores = [], []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            verdict = row["labels"]["criteria"].get("sensational_language")
            if verdict not in ("Satisfactory", "Not Satisfactory"):
                continue
            result = audit_text(release_text(row, headline=not args.no_headline), "text", source=row["id"])
            tone = score_document(result.document, model, list(result.findings)) if result.document else None
            labels.append(1 if verdict == "Not Satisfactory" else 0)
            scores.append(tone.promotional if tone else 0.0)
    print(f"releases: {len(labels)} ({sum(labels)} not satisfactory on sensational_language)")
    print(f"model: {model.version if model else 'none'}")
    print(f"ROC-AUC of document tone score: {roc_auc_score(labels, scores):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
