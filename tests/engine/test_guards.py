"""The shared guards every matching rule relies on."""
from __future__ import annotations

from auditor.engine.guards import is_debunked, is_hedged


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


def test_the_month_may_is_not_a_hedge() -> None:
    dateline = "PRINCETON, N.J., May 6, 2026 -- The new pill gives weight loss that rivals the strongest injections."
    claim = dateline.index("rivals")
    assert not is_hedged(dateline, claim, claim + 6)
    assert not is_hedged("Data released in May show the pill is the best.", 35, 43)
    assert is_hedged("It may be the best option for some people.", 10, 18)
    assert is_hedged("May help you fall asleep sooner.", 4, 8)
