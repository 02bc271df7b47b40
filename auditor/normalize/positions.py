"""Mapping normalized text back to line and column in the original file.

Each format produces a *visible* copy of the source: the same length, with everything a
reader does not see (tags, comments, scripts, Markdown syntax) blanked out and entities
replaced by their character. Block texts are then found in the visible copy with whitespace
ignored, which gives every character of ``Document.text`` an offset in the original.
"""
from __future__ import annotations

import bisect
import html
import re

import numpy as np

from auditor.records import Location

# Every code point str.split() treats as whitespace, so the stream matches "".join(text.split()).
_WHITESPACE_CODES = np.array([c for c in range(0x3000 + 1) if chr(c).isspace()], dtype=np.uint32)
# Indexed by code point (anything above U+3000 reads the last, False, entry): faster than np.isin.
_IS_WHITESPACE = np.zeros(0x3000 + 2, dtype=bool)
_IS_WHITESPACE[_WHITESPACE_CODES] = True
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


def blank_text(text: str) -> str:
    """``text`` with every character but newlines replaced by a space."""
    if "\n" not in text:
        return " " * len(text)
    return "\n".join(" " * len(line) for line in text.split("\n"))


def blank(match: re.Match[str]) -> str:
    """Replacement that keeps newlines and length, blanking everything else."""
    return blank_text(match.group())


def decode_entities(text: str) -> str:
    """Replace character references by their character padded to the same length."""
    def _one(match: re.Match[str]) -> str:
        raw = match.group()
        char = html.unescape(raw)
        if char == raw or len(char) > len(raw):
            return raw
        return char + " " * (len(raw) - len(char))

    return _ENTITY.sub(_one, text) if "&" in text else text


class LineIndex:
    """Converts offsets in a text to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def location(self, start: int, end: int) -> Location:
        """Location of the half-open original range ``[start, end)``."""
        line, col = self.position(start)
        end_line, end_col = self.position(max(start, end - 1))
        return Location(line, col, end_line, end_col + 1)


class Aligner:
    """Finds block texts in the visible copy of a source, in document order."""

    def __init__(self, visible: str) -> None:
        # Vectorised: the offsets of every non-whitespace character, and those characters.
        codes = np.frombuffer(visible.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        keep = np.flatnonzero(~_IS_WHITESPACE[np.minimum(codes, 0x3000 + 1)])
        self._stream = codes[keep].tobytes().decode("utf-32-le", "surrogatepass")
        self._offsets = keep.tolist()
        self._cursor = 0

    def _find(self, key: str) -> int:
        pos = self._stream.find(key, self._cursor)
        if pos < 0:
            pos = self._stream.find(key)
        return pos

    def locate(self, text: str, fallback: int) -> list[int]:
        """Original offset of each character of ``text``.

        Characters that cannot be placed (text the parser invented or reordered) take the
        offset of the last placed character, or ``fallback``.
        """
        key = "".join(text.split())
        result = [fallback] * len(text)
        if not key:
            return result
        pos = self._find(key)
        matched = len(key)
        if pos < 0:
            # Fall back to the longest prefix we can find, so at least the start is exact.
            matched = min(len(key), 24)
            while matched >= 4:
                pos = self._find(key[:matched])
                if pos >= 0:
                    break
                matched //= 2
        if pos < 0:
            return result
        self._cursor = pos + matched
        if matched == len(key) and len(text.split(" ")) == len(text.split()):
            return self._by_words(text, pos)
        k = 0
        last = self._offsets[pos]
        for i, char in enumerate(text):
            if not char.isspace() and k < matched:
                last = self._offsets[pos + k]
                k += 1
            elif char.isspace():
                last += 1
            result[i] = last
        return result

    def _by_words(self, text: str, pos: int) -> list[int]:
        """Fast path for text whose words are separated by single spaces: copy slices."""
        result: list[int] = []
        k = pos
        for word in text.split(" "):
            if result:
                result.append(result[-1] + 1)  # the space between words
            result.extend(self._offsets[k:k + len(word)])
            k += len(word)
        return result
