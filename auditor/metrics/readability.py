"""Reading grade with textstat (Flesch-Kincaid and SMOG), on the main text.

The text is the page's main-region blocks, each ending a sentence (see ``reading_text``).

The three indices are computed from one pass of shared counts: textstat's word list,
sentence count and per-word syllable count, with the published formulas (Kincaid et al.
1975; McLaughlin 1969; Flesch 1948) exactly as textstat 0.7.8 applies them. textstat
memoises per text in 128-entry caches, so asking it for each index re-counts the syllables
of every word of a page; words repeat across pages, so here each word's count is
looked up once per process.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from auditor.records import Block


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def reading_text(blocks: Iterable[Block]) -> str:
    """The main text as a reader meets it, one block (heading, list item, paragraph) per sentence.

    textstat finds sentences by their end punctuation alone, so a heading, a list item or a
    button without a full stop would run on into the next sentence and inflate the grade of
    pages built from them. Each main-region block that lacks end punctuation gets a full stop.
    """
    parts = []
    for block in blocks:
        text = block.text.strip()
        if block.region == "main" and text:
            parts.append(text if _SENTENCE_END.search(text) else text + ".")
    return "\n\n".join(parts)


def readability(text: str) -> dict[str, float]:
    """Flesch-Kincaid grade, SMOG index, Flesch reading ease and word count of ``text``.

    ``reading_grade`` is the Flesch-Kincaid grade, the figure most readability guidance for
    patient materials uses (target: grade 8 or below).
    """
    return dict(_readability(text))


@lru_cache(maxsize=16)  # the HC801 rule and the scorecard ask about the same main text
def _readability(text: str) -> tuple[tuple[str, float], ...]:
    from textstat.backend import counts, selections

    words = len(re.findall(r"\b\w+\b", text))
    if words == 0:
        return (("reading_grade", 0.0), ("flesch_kincaid", 0.0), ("smog", 0.0), ("flesch_reading_ease", 100.0), ("words", 0.0))
    tokens = selections.list_words(text)
    sentences = counts.count_sentences(text)
    syllables = [_syllables(token.lower()) for token in tokens]
    total = sum(syllables)
    polysyllables = sum(1 for count in syllables if count >= 3)
    # A text with a word has a token and a sentence (textstat counts at least one).
    words_per_sentence = len(tokens) / sentences
    syllables_per_word = total / len(tokens)
    if syllables_per_word == 0:  # e.g. only "'s", which cmudict gives no vowel: textstat reports 0
        fk = ease = 0.0
    else:
        fk = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59
        ease = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
    smog = 1.043 * math.sqrt(30 * (polysyllables / sentences)) + 3.1291
    return (
        ("reading_grade", fk),
        ("flesch_kincaid", fk),
        ("smog", smog),
        ("flesch_reading_ease", ease),
        ("words", float(words)),
    )


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[Any, Any]:
    from textstat.backend.utils import get_cmudict, get_pyphen

    return get_cmudict("en_US"), get_pyphen("en_US")


@lru_cache(maxsize=65536)
def _syllables(word: str) -> int:
    """textstat's syllable count of one word (already lower-cased and stripped of punctuation):
    the CMU dictionary's first pronunciation, else pyphen's hyphenation points plus one. Asked
    through ``counts.count_syllables`` each new word cost about 50 µs of wrapping; looked up
    here it costs about 1 µs, with the same answer (a test compares them)."""
    cmu, hyphenator = _dictionaries()
    try:
        return sum(1 for phone in cmu[word][0] if phone[-1].isdigit())
    except (TypeError, IndexError, KeyError):
        return len(hyphenator.positions(word)) + 1
