"""Findings, tone and figures -> one Scorecard per document, every point traced.

Each dimension starts at 100. A finding takes off ``weight x severity factor x points per
weight``; the k-th finding of the same rule counts ``decay**(k-1)`` of that, so repeats
matter less and less, and one rule can take at most ``rule_cap`` points. The overall score is
the weighted mean of the dimensions. Nothing ever adds points, so more or worse findings
never raise a score. Defaults and their reasons: docs/scoring.md.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from auditor import __version__
from auditor.config import Settings
from auditor.records import Document, Finding, Severity
from auditor.score.checklist import healthnewsreview, jama

DIMENSIONS = ("evidence", "claims", "balance", "transparency", "tone", "seo", "readability")
CATEGORY_DIMENSION = {
    "stat": "evidence", "attribution": "evidence",
    "absolute": "claims", "causal": "claims", "hype": "claims", "risk-minimizing": "claims",
    "balance": "balance", "transparency": "transparency",
    "cta": "tone", "testimonial": "tone",
    "seo": "seo", "boilerplate": "seo",
    "readability": "readability",
}
DEFAULT_WEIGHTS = {"evidence": 20.0, "claims": 20.0, "balance": 15.0, "transparency": 15.0, "tone": 15.0,
                   "seo": 10.0, "readability": 5.0}
DEFAULT_GRADES = {"A": 90.0, "B": 80.0, "C": 70.0, "D": 60.0}
FAIL_GRADE = "F"  # below every threshold
SEVERITY_FACTOR = {Severity.INFO: 0.5, Severity.WARNING: 1.0, Severity.ERROR: 1.5}
POINTS_PER_WEIGHT = 5.0
DECAY = 0.5
RULE_CAP = 40.0
TONE_THRESHOLD = 0.7
TONE_POINTS = 6.0
READABILITY_POINTS_PER_GRADE = 8.0
# Below this many words of main text a page is not scored: its balance (HC501 weighs pages of 50
# words or more), readability and transparency cannot be judged, and a score of 100 for an empty
# page or 95 for a one-line "our drops cure migraines" would be read as a clean bill of health.
MIN_WORDS = 50


@dataclass(frozen=True)
class Deduction:
    """Points one finding or figure took off one dimension."""

    dimension: str
    points: float
    reason: str
    rule: str | None = None
    fingerprint: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Dimension:
    """One dimension's score and the deductions behind it."""

    name: str
    score: float
    deductions: tuple[Deduction, ...]
    # False when no rule that feeds the dimension ran (``--select``/``ignore`` left none): the
    # dimension is then left out of the overall score and shown as not assessed, not as 100.
    assessed: bool = True


@dataclass(frozen=True)
class Scorecard:
    """The audit of one document, summarised."""

    source: str
    document_id: str
    score: float
    grade: str
    dimensions: tuple[Dimension, ...]
    counts: dict[str, int]
    tone: float | None
    readability: dict[str, float]
    checklist: dict[str, dict[str, str]]
    versions: dict[str, str]
    extra: dict[str, Any] = field(default_factory=dict)

    def dimension(self, name: str) -> Dimension:
        """The dimension called ``name``."""
        return next(d for d in self.dimensions if d.name == name)

    def as_dict(self) -> dict[str, Any]:
        """Plain-data view for reporters."""
        return {
            "score": self.score, "grade": self.grade,
            "dimensions": {d.name: {"score": d.score, "deductions": [_ded(x) for x in d.deductions]}
                           for d in self.dimensions if d.assessed},
            "not_assessed": [d.name for d in self.dimensions if not d.assessed],
            "counts": self.counts, "readability": self.readability, "checklist": self.checklist,
            "versions": self.versions,
        }


def _ded(d: Deduction) -> dict[str, Any]:
    return {"dimension": d.dimension, "points": d.points, "reason": d.reason, "rule": d.rule,
            "fingerprint": d.fingerprint, "line": d.line}


def grade_for(score: float, grades: dict[str, float]) -> str:
    """The letter for ``score``: the first grade whose threshold it reaches, else F."""
    for letter, threshold in sorted(grades.items(), key=lambda kv: -kv[1]):
        if score >= threshold:
            return letter
    return FAIL_GRADE


def _finding_deductions(findings: list[Finding]) -> list[Deduction]:
    seen: Counter[str] = Counter()
    taken: Counter[str] = Counter()
    out = []
    # Two rules flagging the same words for the same fault ("completely safe" as an absolute claim
    # and as overstated safety) cost the points once: the weightier finding is charged.
    repeats = _overlapped(findings)
    for index, finding in enumerate(findings):
        dimension = CATEGORY_DIMENSION.get(finding.category)
        if dimension is None or finding.weight <= 0 or index in repeats:
            continue
        base = finding.weight * SEVERITY_FACTOR[finding.severity] * POINTS_PER_WEIGHT
        points = min(base * DECAY ** seen[finding.rule], max(0.0, RULE_CAP - taken[finding.rule]))
        seen[finding.rule] += 1
        if points <= 0.05:
            continue
        taken[finding.rule] += points
        where = f" (line {finding.line})" if finding.line else ""
        out.append(Deduction(dimension, round(points, 2), f"{finding.rule} {finding.name}{where}: {finding.evidence or finding.message}"[:200],
                             finding.rule, finding.fingerprint, finding.line))
    return out


def _overlapped(findings: list[Finding]) -> set[int]:
    """Indexes of findings whose words a weightier (or equal and earlier) finding of the same
    category already covers."""
    by_category: dict[str, list[int]] = defaultdict(list)
    for index, finding in enumerate(findings):
        if finding.span is not None:
            by_category[finding.category].append(index)

    def rank(k: int) -> tuple[float, float, int]:
        return findings[k].weight, SEVERITY_FACTOR[findings[k].severity], -k

    out = set()
    for indexes in by_category.values():
        indexes.sort(key=lambda k: findings[k].span.start)  # type: ignore[union-attr]
        for n, i in enumerate(indexes):
            for j in indexes[n + 1:]:
                if findings[j].span.start >= findings[i].span.end:  # type: ignore[union-attr]
                    break  # sorted by start: nothing later overlaps i
                if findings[j].span.overlaps(findings[i].span):  # type: ignore[union-attr,arg-type]
                    out.add(i if rank(j) > rank(i) else j)
    return out


def _tone_deductions(tone: Any) -> list[Deduction]:
    if tone is None:
        return []
    out = []
    strong = sorted((s for s in tone.sentences if s.promotional >= TONE_THRESHOLD), key=lambda s: -s.promotional)
    for k, sentence in enumerate(strong):
        points = TONE_POINTS * DECAY ** (k / 3)  # slower decay: many promotional sentences add up
        if points < 0.5:
            break
        out.append(Deduction("tone", round(points, 2), f"promotional sentence (p={sentence.promotional:.2f}): {sentence.text[:120]}", "tone"))
    return out


def category_counts(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, int]:
    """Findings per category (engine notices left out), sorted by category."""
    return dict(sorted(Counter(f.category for f in findings if f.category != "engine").items()))


def unscorable(document: Document) -> str | None:
    """Why ``document`` gets no scorecard (too little main text to judge), or None."""
    from auditor.metrics.readability import readability, reading_text

    words = int(readability(reading_text(document.blocks)).get("words", 0))
    if words < MIN_WORDS:
        return f"too short: {words} word{'' if words == 1 else 's'} of main text, a score needs {MIN_WORDS}"
    return None


def assessed_dimensions(categories: set[str] | frozenset[str], tone: bool = True) -> frozenset[str]:
    """The dimensions that rules of ``categories`` (and, for tone, the tone model) can assess."""
    out = {CATEGORY_DIMENSION[c] for c in categories if c in CATEGORY_DIMENSION}
    return frozenset(out | ({"tone"} if tone else set()))


def build_scorecard(document: Document, findings: tuple[Finding, ...] | list[Finding], tone: Any,
                    settings: Settings, pack_version: str, assessed: frozenset[str] | None = None) -> Scorecard:
    """The Scorecard of one audited document.

    ``assessed`` names the dimensions some enabled rule (or the tone model) feeds (default: all);
    the others are reported as not assessed and left out of the overall score."""
    from auditor.metrics.readability import readability, reading_text

    findings = list(findings)
    figures = {k: round(v, 2) for k, v in readability(reading_text(document.blocks)).items()}
    deductions = _finding_deductions(findings) + _tone_deductions(tone)
    # Readability deducts through HC801, scaled by how far the grade is above target.
    grade_gap = figures.get("reading_grade", 0.0) - settings.target_grade
    by_dim: dict[str, list[Deduction]] = defaultdict(list)
    for d in deductions:
        if d.rule == "HC801":
            d = Deduction(d.dimension, round(min(60.0, max(d.points, grade_gap * READABILITY_POINTS_PER_GRADE)), 2),
                          f"reading grade {figures.get('reading_grade', 0):.1f} above target {settings.target_grade:g}", d.rule, d.fingerprint)
        by_dim[d.dimension].append(d)
    dimensions = tuple(
        Dimension(name, round(max(0.0, 100.0 - sum(d.points for d in by_dim[name])), 1), tuple(by_dim[name]),
                  assessed is None or name in assessed)
        for name in DIMENSIONS
    )
    weights = {**DEFAULT_WEIGHTS, **dict(settings.weights)}
    counted = [d for d in dimensions if d.assessed]
    total = sum(weights.get(d.name, 0) for d in counted) or 1.0
    score = round(sum(d.score * weights.get(d.name, 0) for d in counted) / total, 1)
    grades = {**DEFAULT_GRADES, **dict(settings.grades)}
    counts = category_counts(findings)
    model_version = tone.model_version if tone is not None else "none"
    return Scorecard(
        source=document.source, document_id=document.id, score=score, grade=grade_for(score, grades),
        dimensions=dimensions, counts=counts, tone=tone.promotional if tone is not None else None,
        readability=figures,
        checklist={"jama": jama(document, findings), "healthnewsreview": healthnewsreview(document, findings)},
        versions={"engine": __version__, "rules": pack_version, "model": model_version,
                  "model_sha256": tone.model_sha256 if tone is not None else ""},
    )
