"""HC311 in a press release: the issuer's own quoted patients are testimonials; a news story's are reporting."""
from __future__ import annotations

from tests.engine_helpers import findings_for

RELEASE = (
    "ASHFORD, Ore., May 4, 2026 -- Ashford Clinic today announced results of its twelve-week knee "
    "programme in 60 adults with arthritis.\n\n"
)
NEWS = "A twelve-week knee programme at a clinic in Ashford is drawing attention, our health reporter writes.\n\n"


def hc311_evidence(text: str) -> list[str]:
    return [f.evidence for f in findings_for(text) if f.rule == "HC311"]


def test_a_release_quoting_a_lay_patient_in_the_first_person_is_a_testimonial() -> None:
    quote = "“I walk to the shops again and my knees hardly ache,” said Rosa, 68, a retired cook from Ashford."
    assert hc311_evidence(RELEASE + quote) == ["I walk to the shops again and my knees hardly ache,"]


def test_the_continuation_of_the_patient_quote_is_hers_too() -> None:
    quote = ("Participant Ian Cole, 59, said he had nearly given up. “Now I play with my grandson every "
             "weekend. I only wish I had started sooner.”")
    found = hc311_evidence(RELEASE + quote)
    assert any(e.startswith("Now I play with my grandson") for e in found)


def test_the_issuers_experts_are_not_hc311_evidence() -> None:
    quote = "“We are proud of what our patients achieved,” said Dr. Amy Lee, 52, the clinic's medical director."
    assert hc311_evidence(RELEASE + quote) == []


def test_a_news_story_quoting_the_same_patient_is_reporting() -> None:
    quote = "“I walk to the shops again and my knees hardly ache,” said Rosa, 68, a retired cook from Ashford."
    assert hc311_evidence(NEWS + quote) == []
