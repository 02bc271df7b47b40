"""Document-level transparency and balance rules: forum threads, desk bylines, signed leaflets."""
from __future__ import annotations

from auditor.engine.context import DocContext
from auditor.engine.kinds.required import _is_peer_thread, _names_someone
from auditor.engine.selling import sells_by_findings
from auditor.normalize import normalize_string
from tests.engine_helpers import findings_for

THREAD = (
    "Joint Talk Forums > Knees\n"
    "Thread: anyone had the gel shots for knee arthritis?\n"
    "Started by hilltop_hal | Joined 2020 | 140 posts\n"
    "My surgeon offered gel injections before we talk about a replacement. Did they help anyone here?\n"
    "Reply from Marnie_K\n"
    "Mine helped for about four months, then wore off. The physio exercises did more in the end.\n"
    "Reply from hilltop_hal\n"
    "Thanks, I will ask about physio first.\n"
    "Reply from Mod_Jen\n"
    "Please talk to your own surgeon about what suits your knee."
)
# The same thread opened by a seller: an advertisement dressed as a post.
SELLING_THREAD = THREAD.replace(
    "My surgeon offered gel injections before we talk about a replacement. Did they help anyone here?",
    "Our KneeFlex gel shots end knee pain for good. Book your first shot today and get 20% off!",
)
ARTICLE_WITH_COMMENTS = (
    "Gel injections for knee arthritis: what the trials show\n"
    + "Gel injections are offered for knee arthritis when pain relievers and exercise have not helped. "
      "Trials comparing them with salt-water injections found small differences that many patients would not notice. " * 6
    + "\nComments\n"
    "Reply from Marnie_K\nMine helped for a few months.\n"
    "Reply from hilltop_hal\nThanks.\n"
    "Reply from Jo_B\nSame here.\n"
)


def _context(text: str) -> DocContext:
    doc = normalize_string(text, "text", "t.txt")
    ctx = DocContext(doc)
    ctx.findings = findings_for(text)
    return ctx


def test_a_members_thread_is_not_held_to_publication_rules() -> None:
    assert _is_peer_thread(_context(THREAD))
    rules = {f.rule for f in findings_for(THREAD)}
    assert not rules & {"HC401", "HC402", "HC403", "HC404", "HC405", "HC501", "HC502", "HC503", "HC504"}


def test_a_thread_opened_by_a_seller_is_judged_as_an_advertisement() -> None:
    assert not _is_peer_thread(_context(SELLING_THREAD))


def test_comments_under_an_article_do_not_make_it_a_thread() -> None:
    assert not _is_peer_thread(_context(ARTICLE_WITH_COMMENTS))


def test_a_desk_byline_names_no_author() -> None:
    for desk in ("Staff report", "HealthFlash Newsroom", "Buzzline Health Desk", "Daily Pulse Staff", "Staff Writer"):
        assert not _names_someone("author", desk), desk
    for person in ("Irene Castellanos", "the pharmacy team", "Riverbend Health Partners, Patient Education Team"):
        assert _names_someone("author", person), person


# A news story that quotes a patient: the quote is a testimonial finding, but reporting it does
# not make the page one that sells.
STORY = (
    "Nasal spray eases migraine for some, small trial finds\n"
    "By Dana Whitlock | March 3, 2026\n"
    "A nasal spray shortened migraine attacks for about a third of the 120 adults who tried it, "
    "according to a trial published in a neurology journal. "
    "Another patient said the spray made her dizzy for an hour, and four people stopped taking it. "
    "The spray costs about $90 a dose and is not yet approved. "
    "Researchers said larger and longer trials are needed before doctors can recommend it.\n"
    "\"I got my afternoons back,\" said one patient, a teacher who asked that her name not be used.\n"
)


def test_a_quoted_patient_does_not_make_a_story_commercial() -> None:
    ctx = _context(STORY)
    assert any(f.category == "testimonial" for f in ctx.findings)
    assert not sells_by_findings(ctx)
    assert "HC405" not in {f.rule for f in ctx.findings}


def test_a_call_to_action_still_makes_a_page_commercial() -> None:
    ctx = _context(STORY + "Book your consultation today and get 20% off your first spray!\n")
    assert sells_by_findings(ctx)


def test_a_story_that_reports_its_sources_in_its_own_words_is_a_report() -> None:
    from auditor.engine.kinds.required import _REPORTED

    assert _REPORTED.search("Gollub notes that only a few of the patients had tumours.")
    assert _REPORTED.search("McHugh and her team report that more hospitals offer it.")
    assert not _REPORTED.search("The cream adds moisture and notes of vanilla.")
