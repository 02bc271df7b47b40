"""The shared guards every matching rule relies on."""
from __future__ import annotations

from auditor.engine.guards import is_debunked


def _debunked(sentence: str, words: str) -> bool:
    start = sentence.index(words)
    return is_debunked(sentence, start, start + len(words))


def test_scare_quotes_around_a_few_words_mark_them_as_questioned() -> None:
    assert _debunked('The clinic sells "miracle" masks.', "miracle")
    assert _debunked("Ads promise a “total cure” for arthritis.", "total cure")


def test_a_whole_quoted_sentence_is_a_quote_not_scare_quotes() -> None:
    quote = "After six sessions I am off the pills completely."
    assert not _debunked(f"“{quote}”", quote)
    assert not _debunked("The clinic sells miracle masks.", "miracle")
