"""Rule precision and recall per category, measured on the labeled corpus.

A located finding is right when it overlaps a sentence the editors labeled with the same
category; a labeled sentence is found when a finding of its category overlaps it.
Document-level categories (transparency, balance, readability) compare the set of
categories found with the set the editors listed for the document.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from auditor.pipeline import audit_path
from auditor.records import Span
from auditor.tone.corpus import LabeledDocument

DOCUMENT_CATEGORIES = ("transparency", "balance", "readability")


def locate_sentences(text: str, sentences: list[str]) -> list[Span | None]:
    """Where each labeled sentence is in the normalized text (in order, whitespace-tolerant)."""
    spans: list[Span | None] = []
    cursor = 0
    for sentence in sentences:
        words = sentence.split()
        if not words:
            spans.append(None)
            continue
        pattern = re.compile(r"\s*".join(re.escape(w) for w in words))
        match = pattern.search(text, cursor) or pattern.search(text)
        if match:
            spans.append(Span(match.start(), match.end()))
            cursor = match.end()
        else:
            spans.append(None)
    return spans


def evaluate_rules(documents: list[LabeledDocument]) -> dict[str, Any]:
    """Per-category precision/recall and examples of misses, over ``documents``."""
    # Precision counts findings (tp, fp); recall counts labeled sentences (found, fn), so two findings
    # on one sentence do not count it twice.
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "found": 0, "fn": 0})
    false_positives: dict[str, list[str]] = defaultdict(list)
    misses: dict[str, list[str]] = defaultdict(list)
    for doc in documents:
        result = audit_path(str(doc.path))
        if not result.ok or result.document is None:
            continue
        text = result.document.text
        spans = locate_sentences(text, [s.text for s in doc.sentences])
        labeled = [(span, set(s.categories)) for span, s in zip(spans, doc.sentences) if span is not None]
        found_docs = set()
        for finding in result.findings:
            if finding.category in ("engine",):
                continue
            if finding.category in DOCUMENT_CATEGORIES:
                found_docs.add(finding.category)
                continue
            if finding.span is None:
                continue
            hits = [cats for span, cats in labeled if span.overlaps(finding.span)]
            if any(finding.category in cats for cats in hits):
                counts[finding.category]["tp"] += 1
            else:
                counts[finding.category]["fp"] += 1
                false_positives[finding.rule].append(f"{doc.id}: {finding.excerpt[:140]}")
        for span, cats in labeled:
            for category in cats:
                if category in DOCUMENT_CATEGORIES:
                    continue
                covered = any(f.category == category and f.span is not None and f.span.overlaps(span) for f in result.findings)
                if covered:
                    counts[category]["found"] += 1
                else:
                    counts[category]["fn"] += 1
                    misses[category].append(f"{doc.id}: {text[span.start:span.end][:140]}")
        gold_docs = set(doc.document_findings)
        for category in DOCUMENT_CATEGORIES:
            if category in doc.document_borderline:
                continue
            if category in found_docs and category in gold_docs:
                counts[category]["tp"] += 1
                counts[category]["found"] += 1
            elif category in found_docs:
                counts[category]["fp"] += 1
                false_positives[category].append(f"{doc.id}: (document)")
            elif category in gold_docs:
                counts[category]["fn"] += 1
                misses[category].append(f"{doc.id}: (document)")
    categories = {}
    for category, c in sorted(counts.items()):
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
        recall = c["found"] / (c["found"] + c["fn"]) if c["found"] + c["fn"] else None
        categories[category] = {**c, "precision": None if precision is None else round(precision, 3),
                                "recall": None if recall is None else round(recall, 3)}
    return {"documents": len(documents), "categories": categories,
            "false_positives": {k: v[:10] for k, v in false_positives.items()},
            "misses": {k: v[:10] for k, v in misses.items()}}


def format_rule_report(report: dict[str, Any], examples: int = 3) -> str:
    """The per-category table, then a few false positives and misses to read."""
    lines = [f"Rule pack on {report['documents']} labeled documents", "",
             f"{'category':<16} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>5} {'found':>6} {'fn':>5}",
             "(precision: tp and fp count findings; recall: found and fn count labeled sentences or documents)"]
    for category, c in report["categories"].items():
        fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
        lines.append(f"{category:<16} {fmt(c['precision']):>9} {fmt(c['recall']):>7} {c['tp']:>5} {c['fp']:>5} "
                     f"{c['found']:>6} {c['fn']:>5}")
    if report["false_positives"]:
        lines += ["", "False positives (first few per rule):"]
        for rule, items in sorted(report["false_positives"].items()):
            lines += [f"  {rule}: {item}" for item in items[:examples]]
    if report["misses"]:
        lines += ["", "Misses (first few per category):"]
        for category, items in sorted(report["misses"].items()):
            lines += [f"  {category}: {item}" for item in items[:examples]]
    return "\n".join(lines)
