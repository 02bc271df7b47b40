"""Text features for the tone model, computed exactly as scikit-learn's TfidfVectorizer does.

Training uses scikit-learn; scoring uses this module, so ``auditor check`` never imports
scikit-learn and a shipped model is plain data. A test checks the two agree to 1e-9.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
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

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The non-zero entries (indices, values) of ``text``'s L2-normalized TF-IDF row."""
        vocabulary = self.vocabulary
        counts = Counter(g for g in ANALYZERS[self.analyzer](text, self.ngram_range) if g in vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        index = np.fromiter((vocabulary[g] for g in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear_tf:
            tf = np.log(tf) + 1.0
        values = tf * self.idf[index]
        norm = np.sqrt(np.dot(values, values))
        return index, (values / norm if norm else values)

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
