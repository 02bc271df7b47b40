"""Promotional tone: a small linear model scores each sentence and the document."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from auditor.records import Document, Finding
from auditor.tone.model import ToneModel, load_model

MODEL_PATH = Path(__file__).resolve().parent / "data" / "tone-model.json"
# The checksum of the model this package ships: a swapped or edited file is refused.
SHIPPED_SHA256 = "71cc1740eb28744d0a726ee960394ac866b8920d5eb56d9dc6cd583029ae9837"
MIN_WORDS = 3

__all__ = ["MODEL_PATH", "ToneResult", "aggregate", "default_model", "score_document"]


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
    threshold: float = 0.5

    @property
    def is_promotional(self) -> bool:
        """True when the document score reaches the model's document threshold."""
        return self.promotional >= self.threshold

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


TOP_K = 5


def aggregate(probabilities: list[float]) -> float:
    """The document score: half the mean sentence probability, half the mean of the top five.

    The mean says how much of the page reads as promotion; the five most promotional
    sentences say how hard it sells where it does. A long informative page that ends in a
    sales pitch is not diluted to nothing by its neutral paragraphs.
    """
    if not probabilities:
        return 0.0
    values = np.sort(np.asarray(probabilities, dtype=np.float64))[::-1]
    return float(round(0.5 * values.mean() + 0.5 * values[:TOP_K].mean(), 4))


def scoring_inputs(document: Document, findings: list[Finding] | None = None) -> tuple[list[tuple[int, str]], list[set[str]]]:
    """The main-text sentences that are scored, and the rule categories that flagged each."""
    chosen = [(i, s.text) for i, s in enumerate(document.sentences)
              if document.blocks[s.block].region == "main" and len(s.text.split()) >= MIN_WORDS]
    located = [f for f in findings or [] if f.span is not None]
    hits = [{f.category for f in located if f.span.overlaps(document.sentences[i].span)} for i, _ in chosen]
    return chosen, hits


def score_document(document: Document, model: ToneModel | None = None,
                   findings: list[Finding] | None = None) -> ToneResult | None:
    """Score every main-text sentence of ``document`` (with the rules' findings) and aggregate."""
    model = model or default_model()
    if model is None:
        return None
    chosen, hits = scoring_inputs(document, findings)
    probabilities = model.predict_proba([t for _, t in chosen], hits) if chosen else np.zeros(0)
    sentences = tuple(SentenceTone(i, t, round(float(p), 4)) for (i, t), p in zip(chosen, probabilities))
    threshold = float(model.metadata.get("document_threshold", 0.5))
    return ToneResult(aggregate([s.promotional for s in sentences]), sentences, model.version, model.sha256, threshold)
