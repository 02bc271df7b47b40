"""Reading grade with textstat (Flesch-Kincaid and SMOG), on the main text."""
from __future__ import annotations

import re
from functools import lru_cache


def readability(text: str) -> dict[str, float]:
    """Flesch-Kincaid grade, SMOG index, Flesch reading ease and word count of ``text``.

    ``reading_grade`` is the Flesch-Kincaid grade, the figure most readability guidance for
    patient materials uses (target: grade 8 or below).
    """
    return dict(_readability(text))


@lru_cache(maxsize=16)  # the HC801 rule and the scorecard ask about the same main text
def _readability(text: str) -> tuple[tuple[str, float], ...]:
    import textstat

    words = len(re.findall(r"\b\w+\b", text))
    if words == 0:
        return (("reading_grade", 0.0), ("flesch_kincaid", 0.0), ("smog", 0.0), ("flesch_reading_ease", 100.0), ("words", 0.0))
    fk = float(textstat.flesch_kincaid_grade(text))
    return (
        ("reading_grade", fk),
        ("flesch_kincaid", fk),
        ("smog", float(textstat.smog_index(text))),
        ("flesch_reading_ease", float(textstat.flesch_reading_ease(text))),
        ("words", float(words)),
    )
