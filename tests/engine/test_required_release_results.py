"""The ``press_release_results`` option of required rules: which releases report a result in people."""
from __future__ import annotations

import pytest

from auditor.engine.kinds.required import _reports_result_in_people


@pytest.mark.parametrize("text", [
    "A daily pill cut migraine days by a third in a trial of 300 adults, researchers reported today.",
    "The agency has approved a new inhaler for children with asthma, the company said.",
    "Women who need breast surgery can now benefit from a marker the hospital is now offering.",
])
def test_results_in_people_are_weighed(text: str) -> None:
    assert _reports_result_in_people(text)


@pytest.mark.parametrize("text", [
    # Animal and lab work named in the lead.
    "A compound shrank tumours in mice and slowed lab-grown cancer cells, researchers reported. Patients may one day benefit.",
    # A finding the release places years from patients.
    "Researchers found a protein linked to hair growth in people. A treatment would be several years away, the study says.",
    # A safety warning, not a result.
    "Consumer warning: the county tells people not to use two creams after tests found mercury, a study of samples shows.",
    # No study, trial, approval or launch: tips for people are not a result.
    "Here are a few tips to help people keep their social media profiles fresh this spring.",
])
def test_early_research_warnings_and_non_results_are_not(text: str) -> None:
    assert not _reports_result_in_people(text)
