"""The scorecard: honest numbers, every point traced, monotone in findings."""
from __future__ import annotations

import dataclasses

import pytest

from auditor.config import Settings
from auditor.pipeline import audit_path, audit_text
from auditor.records import Finding, Severity, Span
from auditor.score import DIMENSIONS, build_scorecard
from tests.conftest import REPO, SHARED

EXAMPLES = REPO / "examples"
ADVERTORIAL = (EXAMPLES / "supplement-blog.txt").read_text(encoding="utf-8")


def test_well_sourced_leaflet_scores_well_above_advertorials() -> None:
    leaflet = audit_path(str(EXAMPLES / "patient-leaflet.md")).scorecard
    for advert in ("clinic-landing.html", "supplement-blog.txt"):
        card = audit_path(str(EXAMPLES / advert)).scorecard
        assert leaflet.score >= card.score + 30, (advert, leaflet.score, card.score)
    assert leaflet.grade in ("A", "B")


def test_every_point_taken_off_is_traced() -> None:
    card = audit_path(str(EXAMPLES / "clinic-landing.html")).scorecard
    assert [d.name for d in card.dimensions] == list(DIMENSIONS)
    for dim in card.dimensions:
        assert dim.score == pytest.approx(max(0.0, 100 - sum(d.points for d in dim.deductions)), abs=0.11)
        for deduction in dim.deductions:
            assert deduction.points > 0 and deduction.reason and deduction.rule


def test_repeats_of_one_rule_count_less_and_less() -> None:
    card = audit_text("Miracle. " * 1 + "\n\n".join(["This miracle tea is a breakthrough."] * 9), "text").scorecard
    hype = [d.points for d in card.dimension("claims").deductions if d.rule == "HC204"]
    assert len(hype) >= 3 and all(a > b for a, b in zip(hype, hype[1:]))


def test_more_or_worse_findings_never_raise_the_score() -> None:
    result = audit_text(ADVERTORIAL, "text")
    base = build_scorecard(result.document, result.findings, result.tone, Settings(), "test").score
    extra = Finding("HC201", "absolute-claim", "absolute", Severity.WARNING, "x", span=Span(0, 4), weight=4)
    worse = dataclasses.replace(result.findings[0], severity=Severity.ERROR)
    for findings in (result.findings + (extra,), (worse,) + result.findings[1:]):
        assert build_scorecard(result.document, findings, result.tone, Settings(), "test").score <= base


@pytest.mark.parametrize("cause", ["revolutionary ", "Order today and get 50% off your first bottle. ", "Doctors recommend it, and "])
def test_removing_a_findings_cause_never_lowers_the_score(cause: str) -> None:
    assert cause in ADVERTORIAL
    before = audit_text(ADVERTORIAL, "text").scorecard.score
    after = audit_text(ADVERTORIAL.replace(cause, "", 1), "text").scorecard.score
    assert after >= before


def test_weights_and_grades_are_configurable() -> None:
    result = audit_text(ADVERTORIAL, "text")
    only_readability = Settings(weights=tuple((d, 0.0 if d != "readability" else 1.0) for d in DIMENSIONS))
    card = build_scorecard(result.document, result.findings, result.tone, only_readability, "test")
    assert card.score == card.dimension("readability").score
    lenient = build_scorecard(result.document, result.findings, result.tone, Settings(grades=(("A", 10.0),)), "test")
    assert lenient.grade == "A"


def test_checklists_and_versions() -> None:
    card = audit_path(str(EXAMPLES / "patient-leaflet.md")).scorecard
    assert card.checklist["jama"] == {"authorship": "met", "attribution": "met", "disclosure": "met", "currency": "met"}
    assert card.checklist["healthnewsreview"]["costs"] == "met"
    assert card.checklist["healthnewsreview"]["harms"] == "met"
    advert = audit_path(str(EXAMPLES / "supplement-blog.txt")).scorecard
    assert advert.checklist["jama"]["authorship"] == "not met"
    assert set(card.versions) >= {"engine", "rules", "model"} and card.versions["model"].startswith("tone-")


def test_a_criterion_no_rule_weighed_is_not_met() -> None:
    # Too short for HC502 and HC504 (they weigh pages of 80 words or more), long enough for HC501
    # (50): nothing says the page gives alternatives or the quality of its evidence, so those
    # criteria are n/a, not met.
    page = ("TurmaMax drops cure joint pain for good. Our formula works for everyone.\n\n"
            "Each bottle holds thirty drops of turmeric, ginger and black pepper extract in olive oil. "
            "Take one dropper each morning with breakfast, and keep the bottle somewhere cool and dark.\n\n"
            "Order today and get 20% off your first bottle. Call 555-0100 to order now.\n")
    card = audit_text(page, "text", source="short.txt").scorecard
    assert card.checklist["healthnewsreview"]["alternatives"] == "n/a"
    assert card.checklist["healthnewsreview"]["evidence"] == "n/a"
    # A seller's denial is no word on harms, for the checklist as for HC501.
    card = audit_text(page.replace("works for everyone.", "works for everyone and has no side effects."),
                      "text", source="short.txt").scorecard
    assert card.checklist["healthnewsreview"]["harms"] == "not met"


def test_a_page_too_short_to_judge_is_not_scored() -> None:
    # One line promising a cure: its findings stand, but balance, transparency and readability
    # cannot be judged on six words, and 95/A would read as a clean bill of health.
    result = audit_text("Our drops cure migraines for good.", "text", source="one-line.txt")
    assert {f.category for f in result.findings} >= {"absolute"}
    assert result.scorecard is None
    assert result.not_scored == "too short: 6 words of main text, a score needs 50"
    assert audit_text(" ".join(["Sleep matters for health."] * 13), "text").scorecard is not None


def test_dimensions_no_selected_rule_feeds_are_not_assessed() -> None:
    everything = audit_text(ADVERTORIAL, "text").scorecard
    narrowed = audit_text(ADVERTORIAL, "text", Settings(select=("stat", "attribution"))).scorecard
    assert {d.name for d in narrowed.dimensions if not d.assessed} == {"claims", "balance", "transparency", "seo",
                                                                        "readability"}
    assert narrowed.as_dict()["not_assessed"] == ["claims", "balance", "transparency", "seo", "readability"]
    assert set(narrowed.as_dict()["dimensions"]) == {"evidence", "tone"}
    # The score is the weighted mean of the assessed dimensions only (evidence 20, tone 15).
    evidence, tone = narrowed.dimension("evidence").score, narrowed.dimension("tone").score
    assert narrowed.score == pytest.approx((20 * evidence + 15 * tone) / 35, abs=0.06)
    assert not any(not d.assessed for d in everything.dimensions)


SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").exists() else []


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds is not available")
def test_seeds_score_below_a_well_sourced_page_and_sellers_score_lowest() -> None:
    leaflet = audit_path(str(EXAMPLES / "patient-leaflet.md")).scorecard
    cards = {p.name[:3]: audit_path(str(p)).scorecard for p in SEEDS}
    assert all(c.score < leaflet.score for c in cards.values())
    order = "ABCDEF"
    worst = max(order.index(c.grade) for c in cards.values())
    assert order.index(cards["003"].grade) == worst and order.index(cards["004"].grade) == worst


def test_two_rules_on_the_same_words_cost_the_points_once() -> None:
    page = ("Our infusions are completely safe for everyone who tries them.\n\n"
            "Each session lasts about forty minutes in a quiet room, with a nurse who checks your blood "
            "pressure before and after. Most people read or listen to music while they wait, and a "
            "friend may sit with you. Bring a list of the medicines you take.")
    result = audit_text(page, "text")
    rules = {d.rule for d in result.scorecard.dimension("claims").deductions}
    absolute = [f.rule for f in result.findings if f.category == "absolute"]
    assert len(absolute) >= 2  # both absolute rules flag the words...
    assert len(rules & set(absolute)) == 1  # ...and one of them is charged
