"""Text features for the tone model, computed exactly as scikit-learn's TfidfVectorizer does.

Training uses scikit-learn; scoring uses this module, so ``auditor check`` never imports
scikit-learn and a shipped model is plain data. A test checks the two agree to 1e-9.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_TOKEN = re.compile(TOKEN_PATTERN)
_WHITESPACE = re.compile(r"\s\s+")


def word_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """Lower-cased word n-grams, as sklearn's ``analyzer="word"``."""
    tokens = _TOKEN.findall(text.lower())
    low, high = ngram_range
    if high == 1:
        return tokens
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), high + 1):
        grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


@lru_cache(maxsize=50_000)
def _word_char_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    # Words repeat across sentences and pages, so their n-grams are computed once.
    padded = f" {word} "
    length = len(padded)
    grams: list[str] = []
    for n in range(low, high + 1):
        offset = 0
        grams.append(padded[offset:offset + n])
        while offset + n < length:
            offset += 1
            grams.append(padded[offset:offset + n])
        if offset == 0:
            break
    return tuple(grams)


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """Character n-grams inside word boundaries, as sklearn's ``analyzer="char_wb"``."""
    text = _WHITESPACE.sub(" ", text.lower())
    low, high = ngram_range
    grams: list[str] = []
    for word in text.split():
        grams.extend(_word_char_ngrams(word, low, high))
    return grams


ANALYZERS = {"word": word_ngrams, "char_wb": char_wb_ngrams}


@dataclass
class Vectorizer:
    """One fitted TF-IDF block: vocabulary, idf, and how to analyze text."""

    analyzer: str
    ngram_range: tuple[int, int]
    vocabulary: dict[str, int]
    idf: np.ndarray
    sublinear_tf: bool = True

    _word_terms: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)

    def terms(self, text: str) -> list[int]:
        """Vocabulary indices of ``text``'s n-grams, one per occurrence (out-of-vocabulary dropped)."""
        vocabulary = self.vocabulary
        if self.analyzer != "char_wb":
            return [vocabulary[g] for g in ANALYZERS[self.analyzer](text, self.ngram_range) if g in vocabulary]
        # Character n-grams never cross a word, so each distinct word is analysed once.
        cache = self._word_terms
        if len(cache) > 200_000:
            cache.clear()
        low, high = self.ngram_range
        out: list[int] = []
        for word in _WHITESPACE.sub(" ", text.lower()).split():
            found = cache.get(word)
            if found is None:
                found = cache[word] = tuple(vocabulary[g] for g in _word_char_ngrams(word, low, high) if g in vocabulary)
            out.extend(found)
        return out

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The non-zero entries (indices, values) of ``text``'s L2-normalized TF-IDF row."""
        _owner, index, values = self.rows([text])
        return index, values

    def rows(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``row`` for many texts at once, as (text numbers, indices, values) of the non-zeros.

        One set of array operations per document instead of one per sentence: the NumPy call
        overhead of hundreds of tiny rows cost more than the arithmetic.
        """
        found: list[int] = []
        lengths = []
        for text in texts:
            terms = self.terms(text)
            found.extend(terms)
            lengths.append(len(terms))
        if not found:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        size = len(self.vocabulary)
        owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        keys, counts = np.unique(owner * size + np.asarray(found, dtype=np.int64), return_counts=True)
        owner, index = np.divmod(keys, size)
        tf = counts.astype(np.float64)
        if self.sublinear_tf:
            tf = np.log(tf) + 1.0
        values = tf * self.idf[index]
        norms = np.sqrt(np.bincount(owner, weights=values * values, minlength=len(texts)))
        return owner, index, values / norms[owner]

    def transform(self, texts: list[str]) -> np.ndarray:
        """Dense L2-normalized TF-IDF rows for ``texts`` (for inspection; scoring uses ``row``)."""
        out = np.zeros((len(texts), len(self.vocabulary)), dtype=np.float64)
        for i, text in enumerate(texts):
            index, values = self.row(text)
            out[i, index] = values
        return out


# Rule categories used as sentence features: a sentence the rules flag for a call to action or
# hype is evidence of promotional tone that the words alone may not carry.
RULE_CATEGORIES = ("cta", "testimonial", "hype", "absolute", "risk-minimizing", "stat", "attribution", "causal")


def rule_matrix(hits: list[set[str]] | None, n: int, categories: tuple[str, ...] = RULE_CATEGORIES) -> np.ndarray:
    """One 0/1 column per rule category, one row per sentence (zeros when ``hits`` is None)."""
    out = np.zeros((n, len(categories)), dtype=np.float64)
    if hits is None:
        return out
    for row, cats in enumerate(hits):
        for col, category in enumerate(categories):
            if category in cats:
                out[row, col] = 1.0
    return out
