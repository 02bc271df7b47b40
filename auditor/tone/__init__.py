"""Promotional tone: a small linear model scores each sentence and the document."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from auditor.records import Document
from auditor.tone.model import ToneModel, load_model

MODEL_PATH = Path(__file__).resolve().parent / "data" / "tone-model.json"
# The checksum of the model this package ships: a swapped or edited file is refused.
SHIPPED_SHA256 = ""
MIN_WORDS = 3

__all__ = ["MODEL_PATH", "ToneResult", "aggregate", "default_model", "score_document", "score_texts"]


@dataclass(frozen=True)
class SentenceTone:
    """One sentence's promotional probability."""

    index: int
    text: str
    promotional: float


@dataclass(frozen=True)
class ToneResult:
    """Document tone: the aggregate score, every sentence's score, and the model that made them."""

    promotional: float
    sentences: tuple[SentenceTone, ...]
    model_version: str
    model_sha256: str

    def top(self, n: int = 5) -> list[SentenceTone]:
        """The ``n`` sentences that drove the score most."""
        return sorted(self.sentences, key=lambda s: -s.promotional)[:n]


@lru_cache(maxsize=4)
def default_model(path: str | None = None) -> ToneModel | None:
    """The shipped model (or the one at ``path``), loaded once per process; None if absent."""
    target = Path(path) if path else MODEL_PATH
    if not path and not target.exists():
        return None
    return load_model(target, None if path else (SHIPPED_SHA256 or None))


def score_texts(texts: list[str], model: ToneModel) -> np.ndarray:
    """Calibrated promotional probability of each text."""
    return model.predict_proba(texts)


def aggregate(probabilities: list[float]) -> float:
    """The document score: the mean promotional probability of its sentences.

    Read it as "on average, a sentence of this page reads as X% promotional"; the mean of
    the upper half is blended in so a page that is half article, half advertisement is not
    diluted by its neutral half.
    """
    if not probabilities:
        return 0.0
    values = np.sort(np.asarray(probabilities))[::-1]
    top = values[: max(1, len(values) // 2)]
    return float(round(0.5 * values.mean() + 0.5 * top.mean(), 4))


def score_document(document: Document, model: ToneModel | None = None) -> ToneResult | None:
    """Score every main-text sentence of ``document`` and aggregate them."""
    model = model or default_model()
    if model is None:
        return None
    chosen = [(i, s.text) for i, s in enumerate(document.sentences)
              if document.blocks[s.block].region == "main" and len(s.text.split()) >= MIN_WORDS]
    probabilities = model.predict_proba([t for _, t in chosen]) if chosen else np.zeros(0)
    sentences = tuple(SentenceTone(i, t, round(float(p), 4)) for (i, t), p in zip(chosen, probabilities))
    return ToneResult(aggregate([s.promotional for s in sentences]), sentences, model.version, model.sha256)
