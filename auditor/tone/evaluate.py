"""Cross-validated figures for the tone model, grouped by document (imports scikit-learn)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from auditor.errors import AuditorError
from auditor.ingest import read_input
from auditor.normalize import normalize
from auditor.tone import MIN_WORDS, aggregate
from auditor.tone.corpus import LabeledDocument
from auditor.tone.train import FOLD_PIPELINES, Params, _platt, oof_scores, sentence_data


@dataclass
class BinaryReport:
    """Precision, recall, F1, ROC-AUC and confusion matrix at threshold 0.5."""

    precision: float
    recall: float
    f1: float
    roc_auc: float
    confusion: list[list[int]]
    n: int

    def as_dict(self) -> dict[str, Any]:
        return vars(self)


def binary_report(labels: np.ndarray, probabilities: np.ndarray, threshold: float = 0.5) -> BinaryReport:
    """Threshold metrics and ROC-AUC of ``probabilities`` against 0/1 ``labels``."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support, roc_auc_score

    predicted = (probabilities >= threshold).astype(int)
    p, r, f, _ = precision_recall_fscore_support(labels, predicted, average="binary", zero_division=0)
    auc = roc_auc_score(labels, probabilities) if len(set(labels.tolist())) == 2 else float("nan")
    matrix = confusion_matrix(labels, predicted, labels=[0, 1]).tolist()
    return BinaryReport(round(float(p), 4), round(float(r), 4), round(float(f), 4), round(float(auc), 4), matrix, len(labels))


def _document_probabilities(doc: LabeledDocument, pipe: Any, calibration: tuple[float, float]) -> float:
    try:
        normalized = normalize(read_input(str(doc.path)))
    except AuditorError:
        return 0.0
    texts = [s.text for s in normalized.sentences
             if normalized.blocks[s.block].region == "main" and len(s.text.split()) >= MIN_WORDS]
    if not texts:
        return 0.0
    a, b = calibration
    scores = pipe.decision_function(texts)
    return aggregate(list(1.0 / (1.0 + np.exp(-(a * scores + b)))))


def cross_validate(documents: list[LabeledDocument], params: Params | None = None) -> dict[str, Any]:
    """Sentence- and document-level figures from grouped k-fold cross-validation.

    Each document is scored as ``auditor check`` would score it (normalized, main-text
    sentences, aggregated) by the fold model that never saw it.
    """
    params = params or Params()
    scores, labels, folds = oof_scores(documents, params)
    calibration = _platt(scores, labels)
    a, b = calibration
    sentence_probs = 1.0 / (1.0 + np.exp(-(a * scores + b)))
    _texts, _labels, groups = sentence_data(documents)
    doc_fold = {int(g): int(f) for g, f in zip(groups, folds)}
    doc_probs = np.asarray([_document_probabilities(doc, FOLD_PIPELINES[doc_fold[i]], calibration)
                            for i, doc in enumerate(documents)])
    doc_labels = np.asarray([doc.promotional for doc in documents])
    threshold = float(np.median(doc_probs)) if len(doc_probs) else 0.5
    return {
        "folds": params.folds,
        "sentence": binary_report(labels, sentence_probs).as_dict(),
        "document": binary_report(doc_labels, doc_probs, threshold=_best_threshold(doc_labels, doc_probs, threshold)).as_dict(),
    }


def _best_threshold(labels: np.ndarray, probabilities: np.ndarray, default: float) -> float:
    """The document threshold reported: the midpoint between the class means (a fixed rule)."""
    if len(set(labels.tolist())) < 2:
        return default
    return float((probabilities[labels == 1].mean() + probabilities[labels == 0].mean()) / 2)


def format_tone_report(report: dict[str, Any]) -> str:
    """The cross-validation figures as a readable table."""
    lines = [f"Tone model, {report['folds']}-fold cross-validation grouped by document group", ""]
    for level in ("sentence", "document"):
        r = report[level]
        (tn, fp), (fn, tp) = r["confusion"]
        lines += [f"{level:>8}: n={r['n']}  precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
                  f"F1 {r['f1']:.3f}  ROC-AUC {r['roc_auc']:.3f}",
                  f"          confusion [[tn {tn}, fp {fp}], [fn {fn}, tp {tp}]]"]
    return "\n".join(lines)
