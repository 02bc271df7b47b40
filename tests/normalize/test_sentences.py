from __future__ import annotations

import pytest

from auditor.normalize.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Lee saw her. She was fine.", ["Dr. Lee saw her.", "She was fine."]),
        ("Use it daily, e.g. with food. Stop if dizzy.", ["Use it daily, e.g. with food.", "Stop if dizzy."]),
        ("It is sold in the U.S. and Canada. Prices vary.", ["It is sold in the U.S. and Canada.", "Prices vary."]),
        ("Smith et al. reported 12 cases. None died.", ["Smith et al. reported 12 cases.", "None died."]),
        ("Take 2.5 mg twice a day. Do not exceed 10 mg.", ["Take 2.5 mg twice a day.", "Do not exceed 10 mg."]),
        ("About 60-80% respond. Many relapse.", ["About 60-80% respond.", "Many relapse."]),
        ("Is it safe? Nobody knows! Ask a doctor.", ["Is it safe?", "Nobody knows!", "Ask a doctor."]),
        ("He said \"it works.\" Then he left.", ["He said \"it works.\"", "Then he left."]),
        ("J. K. Rowling wrote it. Fine.", ["J. K. Rowling wrote it.", "Fine."]),
        ("A list item without a period", ["A list item without a period"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_point_into_the_text() -> None:
    text = "  First one. Second one.  "
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]
        assert text[start:end] in ("First one.", "Second one.")
