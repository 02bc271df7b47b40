"""Dates, bylines and reviewers stated in the text of a page."""
from __future__ import annotations

import pytest

from auditor.normalize.metadata import find_text_metadata

MENU = ["Home", "News", "Research", "Patients", "About us", "Contact", "Search", "Donate", "Careers"]


@pytest.mark.parametrize(("lines", "key", "value"), [
    (["Leaflet PX-12 | Reviewed: March 2024 | Next review: March 2026"], "updated", "March 2024"),
    (["Published: September 2023 · Review due: September 2025"], "published", "September 2023"),
    (["Date of issue: January 2024."], "published", "January 2024"),
    (["Leaflet 7 | Version 4 | Review date: June 2026"], "updated", "June 2026"),
    (["EMBARGOED UNTIL 9 A.M. ET, MARCH 12, 2024"], "published", "MARCH 12, 2024"),
    (["NEWS RELEASE 11-MAR-2026"], "published", "11-MAR-2026"),
    (["Headline", "PORTLAND, Ore., Sept. 10, 2024 /HealthWire/ -- Acme Labs today announced results."],
     "published", "Sept. 10, 2024"),
    (["Headline", "BOSTON and SAN JOSE, June 3, 2025 /HealthWire/ -- Two labs today reported a trial."],
     "published", "June 3, 2025"),
    (["TUESDAY, Oct. 14, 2025 (Wellness Wire News) -- A small trial found a modest benefit."],
     "published", "Oct. 14, 2025"),
    ([*MENU, "Trial of a new eye drop", "DENVER, Colo. — November 4, 2025 — Children in the study ate less."],
     "published", "November 4, 2025"),
])
def test_dates_a_reader_sees(lines: list[str], key: str, value: str) -> None:
    assert find_text_metadata(lines).get(key) == value


@pytest.mark.parametrize("lines", [
    ["Started by harbor88 | Joined 2021 | 1,204 posts"],
    ["The trial will report in May 2027, the company said, and it hopes to file for approval later."],
    ["Home / News / 2025"],
    [*MENU, "Background", "In a paragraph far down the page, on March 4, 2020 — the first lockdown — clinics shut."],
])
def test_years_that_are_not_the_page_date(lines: list[str]) -> None:
    found = find_text_metadata(lines)
    assert "published" not in found and "updated" not in found


@pytest.mark.parametrize(("lines", "key", "value"), [
    (["By Jane Doe, RN"], "author", "Jane Doe"),
    (["By Jane Doe, RN"], "author_credentials", "RN"),
    (["Leaflet MS-07 | Written by the pharmacy team | Last reviewed: January 2024"], "author", "the pharmacy team"),
    (["Answered by Oren Castell, PharmD, clinical pharmacist · Updated May 6, 2024"], "author_credentials", "PharmD"),
    (["Posted on 3 July 2024 by Tomas Wiel, community pharmacist"], "author", "Tomas Wiel"),
    (["Dr. Inga Solvik · Published 9 July 2024"], "author", "Dr. Inga Solvik"),
    (["Lena Thorsen, health reporter"], "author", "Lena Thorsen"),
    (["Medically reviewed by Omar Haddad, MD"], "reviewed_by", "Omar Haddad"),
    (["Health A to Z · Last reviewed 14 May 2024 by Dr. Ines Halvor (neurologist)"], "reviewed_by", "Dr. Ines Halvor"),
    (["Health A to Z · Last reviewed 14 May 2024 by Dr. Ines Halvor (neurologist)"], "updated", "14 May 2024"),
    (["This page was last edited on 11 March 2024, at 09:14."], "updated", "11 March 2024"),
    ([*MENU, *["A paragraph of the entry."] * 40, "Page last edited 30 May 2024. Text is available under an open licence."],
     "updated", "30 May 2024"),
    (["Plain-language summaries of hearing research | Issue 41 | May 2024"], "published", "May 2024"),
    ([*MENU, *["A paragraph of the story."] * 40, "Corrections & Amplifications",
      "Ana Ruiz is a professor of nursing. An earlier version of this story called her a lecturer. (June 2, 2023)"],
     "updated", "June 2, 2023"),
    ([*MENU, *["A paragraph of the story."] * 40, "Correction (4 May 2024): the dose was 5 mg, not 50 mg."],
     "updated", "4 May 2024"),
])
def test_bylines_reviewers_and_edit_dates(lines: list[str], key: str, value: str) -> None:
    assert find_text_metadata(lines).get(key) == value


@pytest.mark.parametrize("lines", [
    ["Home | By condition | By treatment"],
    ["Morning Edition · Posted 3 days ago"],
    ["Breast cancer, health news"],
    ["The committee reviewed the evidence and by 2024 had changed its advice."],
])
def test_lines_that_are_not_bylines(lines: list[str]) -> None:
    found = find_text_metadata(lines)
    assert "author" not in found and "reviewed_by" not in found


def test_an_edit_in_the_story_is_not_the_page_date() -> None:
    found = find_text_metadata(["Gene-edited cells were given on March 3, 2024 to forty children in the first part of the trial."])
    assert "updated" not in found


def test_a_corrected_result_in_the_story_is_not_the_page_date() -> None:
    found = find_text_metadata([*MENU, *["A paragraph."] * 40,
                                "The journal corrected the figures on March 3, 2024 after the authors found an error."])
    assert "updated" not in found


def test_a_dateline_run_into_the_text_with_a_bare_hyphen() -> None:
    found = find_text_metadata(["Trial of acupressure", "Portvale, NY, June 19, 2025-A pilot study of 40 children found ..."])
    assert found.get("published") == "June 19, 2025"
