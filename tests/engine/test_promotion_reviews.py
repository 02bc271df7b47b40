"""A selling page's quoted reviews are flagged whole: every sentence, and the signature under them."""
from __future__ import annotations

from tests.engine_helpers import findings_for


def _covered(text: str, part: str) -> bool:
    at = text.index(part)
    return any(f.span is not None and f.span.start <= at < f.span.end for f in findings_for(text) if f.rule == "HC313")


def _hc313(text: str) -> list[str]:
    return [f.evidence for f in findings_for(text) if f.rule == "HC313"]


def test_every_sentence_of_a_review_and_its_signature() -> None:
    text = ("Order now.\n\n“Two dogs, a toddler and no sleep for a month. Then my sister sent me a jar. "
            "Now we all sleep.”\n\nMaya T., Leeds\n\n★★★★★ “Nothing else worked. This did.”\n\n— Jonah")
    for part in ("Two dogs", "my sister", "Now we all sleep", "Maya T., Leeds", "Nothing else", "This did", "Jonah"):
        assert _covered(text, part), part


def test_accented_signature_and_place() -> None:
    assert "Renée L., Carrow" in _hc313("Book now.\n\n“The nurses made it easy. I wish I had come sooner.”\n\nRenée L., Carrow")
    assert "Caroline, Bellhaven" in _hc313("Book now.\n\n“We use it nightly. I sleep through now.”\n\nCaroline, Bellhaven")


def test_attributed_quotes_other_lines_and_plain_pages_are_left_alone() -> None:
    assert _hc313("Order now.\n\n“Stay hydrated and rest.”\n\nPricing") == []
    assert _hc313("“I feel lucky. The surgery went well.”\n\nMaya T., Leeds") == []
    hits = _hc313("Order now.\n\n“The data did not change my mind,” said the lead author.\n\nJo, Leeds")
    assert hits == [], hits
