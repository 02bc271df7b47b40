"""A press release's closing furniture: the issuer's "About" section and its contacts."""
from __future__ import annotations

from tests.engine_helpers import findings_for

BODY = (
    "BOSTON, March 3, 2025 -- Researchers at Halvern University report that a daily walking plan "
    "lowered blood pressure by a few points in a trial of 240 adults over six months. "
    "The effect was modest and the trial was short, the authors said, and the plan did not "
    "change cholesterol. Larger studies are planned to test whether the drop lasts.\n\n"
    "\"We were glad to see a steady effect,\" said Dr. Ana Ruiz, who led the study.\n\n"
)


def rules(text: str) -> list[str]:
    return [f.rule for f in findings_for(text)]


def test_issuer_praise_in_the_about_section_is_not_hype() -> None:
    footer = ("About Halvern University\n\nHalvern University is a world-class research university "
              "whose groundbreaking discoveries change lives.\n\nMedia contact: Jo Park, +1 617 555 0134")
    found = rules(BODY + footer)
    assert "HC204" not in found
    assert "HC304" not in found


def test_the_same_praise_in_the_body_of_a_release_is_hype() -> None:
    text = BODY.replace("a daily walking plan", "a groundbreaking walking plan")
    assert "HC204" in rules(text + "About Halvern University\n\nHalvern University teaches 9,000 students.")


def test_an_ordering_line_in_the_footer_is_still_a_call_to_action() -> None:
    footer = ("Brenmoor makes vaccines.\n\nMedia contact: Jo Park\n\n"
              "Order your supply today: call our distributor on 1-800-555-0199.")
    assert {"HC304", "HC301"} <= set(rules(BODY + footer))
    press_only = "Brenmoor makes vaccines.\n\nMedia contact: Jo Park, +1 617 555 0134\n\nVisit brenmoor.com for more."
    assert not {"HC304", "HC301"} & set(rules(BODY + press_only))


def test_outside_a_press_release_nothing_is_footer() -> None:
    page = ("Our walking plan lowers blood pressure. Book your consultation today!\n\n"
            "About our clinic\n\nWe are a world-class, groundbreaking clinic. Call us on 555-0134.")
    assert "HC204" in rules(page)


def test_a_distributor_list_introduced_by_an_ordering_line_is_still_a_contact_block() -> None:
    footer = ("Media contact: Jo Park\n\nPharmacists wishing to order the vaccine should contact one of these "
              "distributors:\n\nNorland Medical: 800-555-0142 www.norland.example\n\n"
              "Kestrel Supply: 866-555-0177 www.kestrel.example\n\nOrder your supply today.")
    assert "HC304" in rules(BODY + footer)


def test_a_release_without_a_dateline_is_known_by_its_notes_to_editors() -> None:
    # No dateline, "today announced" or media contacts: only the notes to editors say this is a release.
    body = BODY.replace("BOSTON, March 3, 2025 -- ", "")
    footer = ("Notes to editors\n\nAbout the Halvern Heart Fund\n\nThe fund is a world-class, groundbreaking charity "
              "supporting heart research.\n\nFor more information please visit HalvernHeart.com.")
    found = set(rules(body + footer))
    assert not {"HC204", "HC301"} & found
    # Without them the same closing lines are the page's own.
    assert {"HC204", "HC301"} <= set(rules(body + footer.replace("Notes to editors\n\n", "")))


def test_an_about_heading_in_capitals_starts_the_footer() -> None:
    footer = ("ABOUT THE HALVERN HEART MEETING\n\nThe meeting, the nation's premier gathering on heart research, "
              "will feature groundbreaking science from 3,000 researchers.")
    assert "HC204" not in rules(BODY + footer)
    assert "HC204" in rules(BODY + footer.replace("ABOUT THE HALVERN HEART MEETING", "Program highlights"))


def test_a_dateline_run_into_the_text_with_a_hyphen_marks_a_release() -> None:
    body = BODY.replace("BOSTON, March 3, 2025 -- Researchers", "Boston, MA, March 3, 2025-Researchers")
    footer = "About Halvern University\n\nHalvern University is a world-class research university whose groundbreaking discoveries change lives."
    assert "HC204" not in rules(body + footer)
