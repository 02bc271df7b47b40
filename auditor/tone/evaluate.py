"""Cross-validated figures for the tone model, grouped by document (imports scikit-learn)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from auditor.tone import aggregate, scoring_inputs
from auditor.tone.corpus import LabeledDocument
from auditor.tone.train import FOLD_MODELS, Fitted, Params, _platt, oof_scores, sentence_data


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


def _document_probabilities(doc: LabeledDocument, fitted: Fitted, calibration: tuple[float, float]) -> float:
    from auditor.pipeline import audit_path

    result = audit_path(str(doc.path), tone=False)
    if not result.ok or result.document is None:
        return 0.0
    chosen, hits = scoring_inputs(result.document, list(result.findings))
    if not chosen:
        return 0.0
    a, b = calibration
    scores = fitted.decision_function([t for _, t in chosen], hits)
    return aggregate(list(1.0 / (1.0 + np.exp(-(a * scores + b)))))


def cross_validate(documents: list[LabeledDocument], params: Params | None = None) -> dict[str, Any]:
    """Sentence- and document-level figures from grouped k-fold cross-validation.

    Each document is scored as ``auditor check`` would score it (normalized, main-text
    sentences, aggregated) by the fold model that never saw it.
    """
    params = params or Params()
    data = sentence_data(documents, params.rule_features)
    scores, labels, folds = oof_scores(documents, params, data)
    calibration = _platt(scores, labels)
    a, b = calibration
    sentence_probs = 1.0 / (1.0 + np.exp(-(a * scores + b)))
    doc_fold = {int(g): int(f) for g, f in zip(data.groups, folds)}
    doc_probs = np.asarray([_document_probabilities(doc, FOLD_MODELS[doc_fold[i]], calibration)
                            for i, doc in enumerate(documents)])
    doc_labels = np.asarray([doc.promotional for doc in documents])
    threshold = _best_threshold(doc_labels, doc_probs, 0.5)
    return {
        "folds": params.folds,
        "sentence": binary_report(labels, sentence_probs).as_dict(),
        "document": binary_report(doc_labels, doc_probs, threshold=threshold).as_dict(),
        "document_threshold": round(threshold, 4),
        "document_scores": {doc.id: round(float(p), 4) for doc, p in zip(documents, doc_probs)},
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
