"""Documents audited but not scored (too short, another language) render in every format."""
from __future__ import annotations

import json

import pytest

from auditor.pipeline import audit_text
from auditor.report import FORMATS, render

ONE_LINE = "Our drops cure migraines for good."
FRENCH = ("La thérapie par la kétamine est un traitement pour la dépression. Les patients reçoivent une "
          "perfusion dans une clinique spécialisée et sont surveillés pendant deux heures. Les effets "
          "secondaires comprennent des nausées et une dissociation passagère.")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_a_document_without_a_score(fmt: str) -> None:
    results = [audit_text(ONE_LINE, "text", source="one-line.txt"), audit_text(FRENCH, "text", source="fr.txt")]
    assert all(r.ok and r.scorecard is None for r in results)
    out = render(fmt, results)
    assert "one-line.txt" in out and "fr.txt" in out


def test_reports_say_why_there_is_no_score() -> None:
    result = audit_text(ONE_LINE, "text", source="one-line.txt")
    text = render("text", [result])
    assert "one-line.txt: not scored (too short: 6 words of main text, a score needs 50)" in text
    assert "HC201" in text  # the findings still stand
    record = json.loads(render("json", [result]))["documents"][0]
    assert record["score"] is None and record["not_scored"].startswith("too short: 6 words")
    assert record["counts"]["absolute"] >= 1
    assert "| `one-line.txt` | – | – |" in render("markdown", [result])
    assert "Not scored: too short: 6 words of main text" in render("html", [result])
