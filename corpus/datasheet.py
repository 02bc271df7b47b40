"""Regenerate the counts section of corpus/README.md from the labels files.

Usage: python corpus/datasheet.py          (rewrites the section between the markers)
       python corpus/datasheet.py --check  (exit 1 if the README is stale)
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
START, END = "<!-- counts:start -->", "<!-- counts:end -->"


def _table(title: str, counter: Counter[str], by_label: dict[str, Counter[int]]) -> list[str]:
    rows = [f"| {title} | documents | promotional | informational |", "|---|---:|---:|---:|"]
    for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        rows.append(f"| {key} | {count} | {by_label[key][1]} | {by_label[key][0]} |")
    return rows


def counts_markdown() -> str:
    """The counts section: totals, then documents by topic, genre, format and split."""
    labels = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "labels").glob("*.json"))]
    sentences = sum(len(d["sentences"]) for d in labels)
    promotional = sum(s["promotional"] for d in labels for s in d["sentences"])
    categories = Counter(c for d in labels for s in d["sentences"] for c in s.get("categories", []))
    doc_findings = Counter(c for d in labels for c in d.get("document_findings", []))
    lines = [START, "",
             f"**{len(labels)} documents, {sentences:,} labeled sentences** ({promotional:,} promotional, "
             f"{sentences - promotional:,} informational); {sum(1 for d in labels if d['promotional'])} promotional "
             f"documents; {sum(1 for d in labels if d.get('hard_case'))} marked as hard cases; "
             f"{len({d['topic'] for d in labels})} topics, {len({d['genre'] for d in labels})} genres.", ""]
    for field in ("genre", "topic", "format", "split"):
        counter = Counter(d[field] for d in labels)
        by_label: dict[str, Counter[int]] = {k: Counter() for k in counter}
        for d in labels:
            by_label[d[field]][d["promotional"]] += 1
        lines += _table(field, counter, by_label) + [""]
    lines += ["| sentence category | labeled sentences |", "|---|---:|"]
    lines += [f"| {c} | {n} |" for c, n in categories.most_common()] + [""]
    lines += ["| document finding | documents |", "|---|---:|"]
    lines += [f"| {c} | {n} |" for c, n in doc_findings.most_common()]
    borderline = Counter(c for d in labels for c in d.get("document_borderline", []))
    lines += [f"| {c} (borderline, not scored) | {n} |" for c, n in borderline.most_common()] + ["", END]
    return "\n".join(lines)


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    new = head + counts_markdown() + tail
    if "--check" in sys.argv:
        if new != text:
            print("corpus/README.md counts are stale: run python corpus/datasheet.py")
            return 1
        return 0
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
