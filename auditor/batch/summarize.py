"""``auditor summarize``: figures over a batch's results (the SQLite store or the JSONL).

Records are streamed and folded into counters, so a summary of millions of documents needs
memory for the counters only (one entry per score value, rule, category and domain).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.batch.store import Store, is_store
from auditor.batch.worker import domain_of
from auditor.errors import AuditorError
from auditor.score.scorecard import DEFAULT_GRADES, FAIL_GRADE

# The scorecard's default letters; a configuration may define others, which are listed too.
GRADES = (*DEFAULT_GRADES, FAIL_GRADE)


@dataclass
class Summary:
    """Counters over every record of a run."""

    documents: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    unreadable_lines: int = 0
    scores: Counter[float] = field(default_factory=Counter)
    grades: Counter[str] = field(default_factory=Counter)
    rule_findings: Counter[str] = field(default_factory=Counter)
    rule_documents: Counter[str] = field(default_factory=Counter)
    rule_names: dict[str, str] = field(default_factory=dict)
    categories: Counter[str] = field(default_factory=Counter)
    category_documents: Counter[str] = field(default_factory=Counter)
    domain_documents: Counter[str] = field(default_factory=Counter)
    domain_scores: dict[str, float] = field(default_factory=dict)
    error_reasons: Counter[str] = field(default_factory=Counter)
    # Audited documents with no score (too short, another language, a bot check), by reason.
    unscored: Counter[str] = field(default_factory=Counter)

    def add(self, record: dict[str, Any]) -> None:
        """Fold one record in."""
        self.documents += 1
        if record.get("error") is not None:
            self.skipped += bool(record.get("skipped"))
            self.errors += not record.get("skipped")
            self.error_reasons[_reason(str(record.get("error")))] += 1
            return
        self.ok += 1
        score = record.get("score")
        if not isinstance(score, (int, float)):
            # "too short: 6 words of main text, ..." counts as "too short".
            self.unscored[_reason(str(record.get("not_scored") or "not scored").split(":")[0])] += 1
        else:
            self.scores[round(float(score), 1)] += 1
            domain = domain_of(record.get("url") or (record.get("metadata") or {}).get("canonical_url"))
            if domain:
                self.domain_documents[domain] += 1
                self.domain_scores[domain] = self.domain_scores.get(domain, 0.0) + float(score)
        if record.get("grade"):
            self.grades[str(record["grade"])] += 1
        rules = Counter(str(f.get("rule")) for f in record.get("findings") or ())
        for finding in record.get("findings") or ():
            self.rule_names.setdefault(str(finding.get("rule")), str(finding.get("name", "")))
        self.rule_findings.update(rules)
        self.rule_documents.update(rules.keys())
        counts = {k: int(v) for k, v in (record.get("counts") or {}).items() if v}
        self.categories.update(counts)
        self.category_documents.update(counts.keys())

    @property
    def scored(self) -> int:
        """How many documents have a score."""
        return sum(self.scores.values())

    def mean(self) -> float | None:
        """The mean score."""
        return sum(s * n for s, n in self.scores.items()) / self.scored if self.scored else None

    def quantile(self, q: float) -> float | None:
        """The score at quantile ``q`` (0..1), nearest rank."""
        if not self.scored:
            return None
        rank, seen = max(1, round(q * self.scored)), 0
        for score in sorted(self.scores):
            seen += self.scores[score]
            if seen >= rank:
                return score
        return max(self.scores)

    def grade_letters(self) -> list[str]:
        """The default grade letters and any other letter a record carries, in order."""
        return sorted(set(GRADES) | set(self.grades))

    def histogram(self, width: int = 10) -> list[tuple[str, int]]:
        """Documents per score band: 0-9, 10-19, ..., 90-100."""
        bands = [0] * (100 // width)
        for score, n in self.scores.items():
            bands[min(int(score // width), len(bands) - 1)] += n
        labels = [f"{i * width}-{i * width + width - 1}" for i in range(len(bands))]
        labels[-1] = f"{(len(bands) - 1) * width}-100"
        return list(zip(labels, bands, strict=True))

    def domains(self, top: int) -> list[tuple[str, int, float]]:
        """The ``top`` domains by documents: (domain, documents, mean score)."""
        return [(d, n, self.domain_scores[d] / n) for d, n in self.domain_documents.most_common(top)]


def _reason(error: str) -> str:
    """An error message without the parts that differ per document (names, numbers)."""
    text = error.split(" (first seen at")[0]
    if text.startswith("duplicate id"):
        return "duplicate id"
    return re.sub(r"\d+", "N", text)[:120]


def iter_records(path: Path) -> Iterator[dict[str, Any] | None]:
    """Every record of a results store or JSONL file; None for a JSONL line that is not JSON."""
    if is_store(path):
        store = Store(path, readonly=True)
        try:
            for line in store.lines():
                yield json.loads(line)
        finally:
            store.close()
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                yield None
                continue
            yield record if isinstance(record, dict) else None


def summarize(path: Path) -> Summary:
    """Read every record of ``path`` and return the Summary."""
    summary = Summary()
    results = 0
    for record in iter_records(path):
        if record is None:
            summary.unreadable_lines += 1
        else:
            results += "findings" in record or "error" in record
            summary.add(record)
    if (summary.documents and not results) or (not summary.documents and summary.unreadable_lines):
        raise AuditorError(f"{path}: not a batch results file (no record has findings or an error; "
                           "summarize reads what `auditor batch --out` wrote)")
    return summary


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def render_text(s: Summary, top: int = 10) -> str:
    """The summary as plain text for the terminal."""
    lines = [f"documents: {s.documents:,} ({s.ok:,} audited, {s.errors:,} errors, {s.skipped:,} skipped)"]
    if s.unreadable_lines:
        lines.append(f"unreadable lines: {s.unreadable_lines:,}")
    if s.unscored:
        lines.append(f"not scored: {sum(s.unscored.values()):,} ("
                     + ", ".join(f"{reason} {n:,}" for reason, n in s.unscored.most_common(top)) + ")")
    lines.append(f"score: mean {_fmt(s.mean())}, median {_fmt(s.quantile(0.5))}, "
                 f"p10 {_fmt(s.quantile(0.1))}, p90 {_fmt(s.quantile(0.9))}")
    lines.append("score distribution:")
    peak = max((n for _, n in s.histogram()), default=0) or 1
    lines += [f"  {label:>6}  {'#' * round(30 * n / peak):<30} {n:,}" for label, n in s.histogram()]
    lines.append("grades: " + "  ".join(f"{g} {s.grades[g]:,} ({_pct(s.grades[g], s.scored)})" for g in s.grade_letters()))
    lines.append("top rules (findings, documents):")
    lines += [f"  {rule:<7} {s.rule_names.get(rule, ''):<32} {n:>8,} {s.rule_documents[rule]:>8,}"
              for rule, n in s.rule_findings.most_common(top)]
    lines.append("top categories (findings, documents):")
    lines += [f"  {cat:<18} {n:>8,} {s.category_documents[cat]:>8,}" for cat, n in s.categories.most_common(top)]
    if s.domain_documents:
        lines.append("domains (documents, mean score):")
        lines += [f"  {d:<40} {n:>8,} {mean:>6.1f}" for d, n, mean in s.domains(top)]
    if s.error_reasons:
        lines.append("errors and skips:")
        lines += [f"  {n:>8,}  {reason}" for reason, n in s.error_reasons.most_common(top)]
    return "\n".join(lines) + "\n"


def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(s: Summary, top: int = 10) -> str:
    """The summary as Markdown tables."""
    out = ["# Batch summary", "",
           f"{s.documents:,} documents: {s.ok:,} audited ({s.scored:,} scored), {s.errors:,} errors, {s.skipped:,} skipped.", "",
           f"Score: mean {_fmt(s.mean())}, median {_fmt(s.quantile(0.5))}, p10 {_fmt(s.quantile(0.1))}, "
           f"p90 {_fmt(s.quantile(0.9))}.", "", "## Score distribution", "", "| score | documents |", "|---|--:|"]
    out += [f"| {label} | {n:,} |" for label, n in s.histogram()]
    out += ["", "## Grades", "", "| grade | documents | share |", "|---|--:|--:|"]
    out += [f"| {g} | {s.grades[g]:,} | {_pct(s.grades[g], s.scored)} |" for g in s.grade_letters()]
    out += ["", "## Top rules", "", "| rule | name | findings | documents |", "|---|---|--:|--:|"]
    out += [f"| {_md(r)} | {_md(s.rule_names.get(r, ''))} | {n:,} | {s.rule_documents[r]:,} |"
            for r, n in s.rule_findings.most_common(top)]
    out += ["", "## Top categories", "", "| category | findings | documents |", "|---|--:|--:|"]
    out += [f"| {_md(c)} | {n:,} | {s.category_documents[c]:,} |" for c, n in s.categories.most_common(top)]
    if s.domain_documents:
        out += ["", "## Domains", "", "| domain | documents | mean score |", "|---|--:|--:|"]
        out += [f"| {_md(d)} | {n:,} | {mean:.1f} |" for d, n, mean in s.domains(top)]
    if s.error_reasons:
        out += ["", "## Errors and skips", "", "| documents | reason |", "|--:|---|"]
        out += [f"| {n:,} | {_md(r)} |" for r, n in s.error_reasons.most_common(top)]
    return "\n".join(out) + "\n"
