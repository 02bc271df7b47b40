"""A story's claims are weighed for balance whether or not the rule that would flag them stays
silent because their source is named (``DocContext.mark_reports_source``)."""
from __future__ import annotations

from tests.engine_helpers import findings_for

_LEDE = ("Eating walnuts every day may be good for the heart, new research suggests.\n\n"
         "Adults who ate a handful of walnuts daily for six months lowered their cholesterol by 9 percent, "
         "and their blood pressure fell too.\n\n")
_FILLER = ("The walnut group also reported eating fewer sweets in the afternoon and said they liked the taste. "
           "The team plans to follow the same adults for another two years to see whether the change lasts.\n\n")


def _rules(text: str) -> set[str]:
    return {f.rule for f in findings_for(text)}


def test_lede_result_whose_study_is_named_below_is_weighed() -> None:
    named = _LEDE + "Dr. Lena Ortiz presented the findings Monday at the Heart Nutrition Congress in Denver.\n\n" + _FILLER
    rules = _rules(named)
    assert "HC101" not in rules  # the study is named two paragraphs down
    assert "HC501" in rules  # ... and the story's claim of benefit still owes a word on harms


def test_the_same_lede_with_no_study_named_is_flagged_and_weighed() -> None:
    rules = _rules(_LEDE + "Walnuts are sold in most supermarkets in the region.\n\n" + _FILLER)
    assert {"HC101", "HC501"} <= rules


def test_experts_backed_by_a_named_body_are_weighed() -> None:
    text = ("Hearing experts say older men should have their hearing checked regularly. The American Hearing "
            "Association recommends a test every three years, and hearing aids can restore much of what is lost.\n\n"
            + _FILLER)
    rules = _rules(text)
    assert "HC102" not in rules
    assert "HC501" in rules
