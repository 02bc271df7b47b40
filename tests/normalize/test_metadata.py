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
