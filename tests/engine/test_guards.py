"""The shared guards every matching rule relies on."""
from __future__ import annotations

from auditor.engine.guards import is_debunked, is_hedged
from tests.engine_helpers import findings_for


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


def test_a_question_the_text_answers_no_is_not_a_claim() -> None:
    from auditor.engine.guards import is_answered_no

    assert is_answered_no("Is it a miracle cure?", " No, the evidence is weak.")
    assert is_answered_no("Will it cure my migraines?", "\n\nNot really: attacks fell by one a month.")
    assert not is_answered_no("Is it a miracle cure?", " Yes, and it works in days.")
    assert not is_answered_no("It is a miracle cure.", " No other drop comes close.")
    rules = {f.rule for f in findings_for("Is this a miracle cure? No: in the trial it helped a third of people.")}
    assert not rules & {"HC201", "HC204"}
    rules = {f.rule for f in findings_for("Is this the miracle cure you have been waiting for? Our drops work in days.")}
    assert {"HC201", "HC204"} <= rules


def test_no_evidence_that_denies_its_whole_clause_until_a_contrast() -> None:
    denied = "There is no good evidence that the drip is safe and works for everyone."
    assert not {f.rule for f in findings_for(denied)} & {"HC201", "HC202"}
    # A contrast ends the denial: the page then makes the claim itself.
    claimed = "There is no evidence that the drip is harmful, but it works for everyone and is completely safe."
    assert {f.rule for f in findings_for(claimed)} & {"HC201", "HC202"}


def _hedged(sentence: str, claim: str) -> bool:
    start = sentence.index(claim)
    return is_hedged(sentence, start, start + len(claim))


def test_appear_and_could_hedge_only_as_hedges() -> None:
    # Symptoms that appear, and a patient who could do something again, are facts, not hedges.
    assert not _hedged("The blood test finds 40 cancers before symptoms appear.", "finds 40 cancers")
    assert not _hedged("Within a week I could finally climb the stairs without pain.", "without pain")
    assert not _hedged("After the third session she could sleep through the night.", "sleep through the night")
    # ...while "appears to" and a claim's own "could" still hedge it.
    assert _hedged("The drug appears to reset the brain's stress circuits.", "reset the brain's stress circuits")
    assert _hedged("The cream could clear acne in a week.", "clear acne in a week")
    assert _hedged("Researchers said they could cure the disease within a decade.", "cure the disease")
