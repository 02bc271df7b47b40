"""The promotional-tone model: trained with scikit-learn, shipped and scored as plain data.

Training fits ``FeatureUnion(word TF-IDF, char TF-IDF) -> LogisticRegression`` with a fixed
seed, then Platt-scales its scores on out-of-fold predictions grouped by document, so the
probabilities are calibrated on documents the model did not see. Export writes vocabularies,
idf weights, coefficients and calibration to JSON with a SHA-256 checksum of the payload.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from auditor.errors import ModelError
from auditor.tone.features import Vectorizer, rule_matrix

FORMAT = "auditor-tone-model/1"
WORD_RANGE = (1, 2)
CHAR_RANGE = (3, 5)


def _canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def checksum(payload: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of ``payload``."""
    return hashlib.sha256(_canonical(payload)).hexdigest()


@dataclass
class ToneModel:
    """A fitted tone model that scores text with NumPy only."""

    vectorizers: list[Vectorizer]
    coef: np.ndarray
    intercept: float
    calibration: tuple[float, float]
    metadata: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""
    rule_categories: tuple[str, ...] = ()

    @property
    def version(self) -> str:
        """The model version recorded at training time."""
        return str(self.metadata.get("version", "unknown"))

    def decision_function(self, texts: list[str], hits: list[set[str]] | None = None) -> np.ndarray:
        """Raw linear scores (before calibration); ``hits`` are each text's rule categories."""
        if not texts:
            return np.zeros(0)
        # Sparse dot products: a sentence touches a few hundred of the ~50,000 features.
        scores = np.full(len(texts), self.intercept, dtype=np.float64)
        offset = 0
        for vectorizer in self.vectorizers:
            weights = self.coef[offset:offset + len(vectorizer.vocabulary)]
            owner, index, values = vectorizer.rows(texts)
            scores += np.bincount(owner, weights=values * weights[index], minlength=len(texts))
            offset += len(vectorizer.vocabulary)
        if self.rule_categories:
            scores += rule_matrix(hits, len(texts), self.rule_categories) @ self.coef[offset:]
        return scores

    def predict_proba(self, texts: list[str], hits: list[set[str]] | None = None) -> np.ndarray:
        """Calibrated probability that each text is promotional."""
        a, b = self.calibration
        return 1.0 / (1.0 + np.exp(-(a * self.decision_function(texts, hits) + b)))

    # -- plain-data export ------------------------------------------------------------
    def to_payload(self) -> dict[str, Any]:
        """Everything needed to score, as JSON-ready data."""
        return {
            "format": FORMAT,
            "metadata": self.metadata,
            "vectorizers": [
                {
                    "analyzer": v.analyzer, "ngram_range": list(v.ngram_range), "sublinear_tf": v.sublinear_tf,
                    "terms": sorted(v.vocabulary, key=v.vocabulary.__getitem__),
                    "idf": [float(x) for x in v.idf],
                }
                for v in self.vectorizers
            ],
            "rule_categories": list(self.rule_categories),
            "coef": [float(x) for x in self.coef],
            "intercept": float(self.intercept),
            "calibration": [float(self.calibration[0]), float(self.calibration[1])],
        }

    def save(self, path: Path) -> str:
        """Write the model as JSON (atomically); return its checksum."""
        payload = self.to_payload()
        digest = checksum(payload)
        document = {"sha256": digest, "model": payload}
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
        return digest


def load_model(path: Path, expected_sha256: str | None = None) -> ToneModel:
    """Load a model file, refusing it unless its checksum matches.

    The file's payload must hash to the checksum it carries, and to ``expected_sha256``
    when given (the package pins the checksum of the model it ships). Nothing is executed:
    the file is JSON.
    """
    try:
        raw = path.read_bytes()
        document = json.loads(raw.decode("utf-8"))
        payload = document["model"]
        stated = document["sha256"]
    except FileNotFoundError as exc:
        raise ModelError(f"{path}: model file not found") from exc
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path}: not a valid model file ({type(exc).__name__}: {exc})") from exc
    actual = checksum(payload)
    if actual != stated or (expected_sha256 and actual != expected_sha256):
        raise ModelError(f"{path}: checksum mismatch; the model file is corrupt or was modified")
    if payload.get("format") != FORMAT:
        raise ModelError(f"{path}: unsupported model format {payload.get('format')!r}")
    try:
        vectorizers = [
            Vectorizer(v["analyzer"], tuple(v["ngram_range"]), {t: i for i, t in enumerate(v["terms"])},
                       np.asarray(v["idf"], dtype=np.float64), bool(v["sublinear_tf"]))
            for v in payload["vectorizers"]
        ]
        coef = np.asarray(payload["coef"], dtype=np.float64)
        rule_categories = tuple(str(c) for c in payload.get("rule_categories", ()))
        if coef.shape[0] != sum(len(v.vocabulary) for v in vectorizers) + len(rule_categories):
            raise ValueError("coefficient count does not match the vocabularies")
        a, b = payload["calibration"]
        return ToneModel(vectorizers, coef, float(payload["intercept"]), (float(a), float(b)),
                         dict(payload.get("metadata", {})), actual, rule_categories)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{path}: malformed model ({exc})") from exc
