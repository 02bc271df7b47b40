"""Reading grade: textstat's formulas, on the text as a reader meets it."""
from __future__ import annotations

import textstat

from auditor.metrics.readability import readability, reading_text
from auditor.normalize import normalize_string
from tests.engine_helpers import findings_for

# A sales page built from short headings, buttons and list items with no full stops, and
# short plain paragraphs: easy reading, grade 5 or so when each line is read as a sentence.
LIST_PAGE = """<html><body><main>
<h1>Calm Night Gummies for Better Sleep Every Single Night</h1>
<p>Our gummies help you wind down. Take two at bedtime. They taste like berries.</p>
<h2>What is inside each delicious berry flavoured gummy</h2>
<ul>
<li>Magnesium from natural mineral sources</li>
<li>Chamomile flower extract grown on family farms</li>
<li>Lemon balm leaf for a relaxing evening routine</li>
<li>No artificial colours, flavours or preservatives</li>
<li>Vegan pectin base made without any gelatine</li>
<li>Recyclable glass jar with a child resistant lid</li>
<li>Free delivery on every order over twenty dollars</li>
</ul>
<h2>Why thousands of happy customers choose our gummies</h2>
<p>They are easy to take. They do not make you groggy. You can stop any time.</p>
</main></body></html>"""


def test_formulas_match_textstat_on_plain_prose() -> None:
    text = ("Ketamine is an anaesthetic. At low doses, it is being studied as a treatment for "
            "depression that has not responded to other medicines. Its effects often fade within "
            "a week or two, and its long-term safety is not yet known.")
    figures = readability(text)
    assert round(figures["flesch_kincaid"], 2) == round(textstat.flesch_kincaid_grade(text), 2)
    assert round(figures["smog"], 2) == round(textstat.smog_index(text), 2)


def test_each_heading_and_list_item_counts_as_a_sentence() -> None:
    doc = normalize_string(LIST_PAGE, format="html")
    run_on = "\n\n".join(b.text for b in doc.blocks if b.region == "main")
    as_read = reading_text(doc.blocks)
    assert as_read.count(".") > run_on.count(".")
    # Run together, the unpunctuated lines read as one long sentence and the grade balloons.
    assert readability(run_on)["reading_grade"] > 8 >= readability(as_read)["reading_grade"]


def test_reading_grade_rule_does_not_fire_on_a_plain_list_page() -> None:
    assert [f for f in findings_for(LIST_PAGE, "html") if f.rule == "HC801"] == []


def test_reading_text_keeps_existing_end_punctuation() -> None:
    doc = normalize_string("<main><h2>Is it safe?</h2><p>Mostly, yes.</p><p>See the leaflet</p></main>", format="html")
    assert reading_text(doc.blocks) == "Is it safe?\n\nMostly, yes.\n\nSee the leaflet."


def test_syllables_are_textstats_own_count() -> None:
    from textstat.backend import counts, selections

    from auditor.metrics.readability import _syllables

    text = ("Pharmacological augmentation strategies incorporating receptor antagonism; the cat's "
            "naïve co-operation, don't, 1990s, x-ray, ketamine esketamine psilocybin GLP-1 ozempic")
    for word in selections.list_words(text):
        assert _syllables(word.lower()) == counts.count_syllables(word.lower(), "en_US"), word
