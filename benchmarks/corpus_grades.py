"""How the scorecard's grades split the labeled corpus by its promotional label.

Usage: python benchmarks/corpus_grades.py [CORPUS]

Audits every corpus document (default: ``corpus/``) and prints, for documents labeled
promotional and not, how many get each grade and the median score, then the promotional
documents that scored best and the non-promotional ones that scored worst. The corpus is the
tone model's training data, so the tone dimension has seen these documents; the rule-driven
dimensions have not been fitted to them.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from auditor.pipeline import audit_path
from auditor.tone.corpus import load_corpus


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "corpus"
    scored: dict[int, list[tuple[float, str, str, str]]] = {0: [], 1: []}
    unscored = 0
    for doc in load_corpus(root):
        card = audit_path(str(doc.path)).scorecard
        if card is None:
            unscored += 1
            continue
        scored[doc.promotional].append((card.score, card.grade, doc.id, doc.genre))
    for label, name in ((0, "not promotional"), (1, "promotional")):
        rows = sorted(scored[label])
        grades = Counter(grade for _, grade, _, _ in rows)
        median = rows[len(rows) // 2][0] if rows else float("nan")
        print(f"{name:>16}: {len(rows)} documents, grades {dict(sorted(grades.items()))}, median score {median:.1f}")
    if unscored:
        print(f"not scored: {unscored}")
    print("promotional documents that scored best:")
    for score, grade, doc_id, genre in sorted(scored[1], reverse=True)[:5]:
        print(f"  {score:5.1f} {grade}  {doc_id} ({genre})")
    print("non-promotional documents that scored worst:")
    for score, grade, doc_id, genre in sorted(scored[0])[:5]:
        print(f"  {score:5.1f} {grade}  {doc_id} ({genre})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
