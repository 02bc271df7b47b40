"""Training and cross-validated evaluation of the tone model (imports scikit-learn)."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from auditor import __version__
from auditor.tone.corpus import LabeledDocument, corpus_digest
from auditor.tone.features import TOKEN_PATTERN, Vectorizer
from auditor.tone.model import CHAR_RANGE, WORD_RANGE, ToneModel

SEED = 0
# The pipelines of the last cross-validation run, by fold, so evaluation can score whole
# held-out documents with the model that did not see them.
FOLD_PIPELINES: dict[int, Any] = {}


@dataclass
class Params:
    """Hyper-parameters, fixed so training is reproducible."""

    C: float = 4.0
    word_max_features: int = 20_000
    char_max_features: int = 30_000
    min_df: int = 2
    folds: int = 5


def _pipeline(params: Params) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    union = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=WORD_RANGE, token_pattern=TOKEN_PATTERN,
                                 min_df=params.min_df, max_features=params.word_max_features,
                                 sublinear_tf=True, dtype=np.float64)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_RANGE, min_df=params.min_df,
                                 max_features=params.char_max_features, sublinear_tf=True, dtype=np.float64)),
    ])
    clf = LogisticRegression(C=params.C, class_weight="balanced", max_iter=2000, random_state=SEED)
    return Pipeline([("features", union), ("clf", clf)])


def sentence_data(documents: list[LabeledDocument]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, labels and document-group index of every labeled sentence."""
    texts, labels, groups = [], [], []
    for index, doc in enumerate(documents):
        for sentence in doc.sentences:
            texts.append(sentence.text)
            labels.append(sentence.promotional)
            groups.append(index)
    return texts, np.asarray(labels), np.asarray(groups)


def _platt(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000, random_state=SEED)
    lr.fit(scores.reshape(-1, 1), labels)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def oof_scores(documents: list[LabeledDocument], params: Params) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-fold decision scores for every sentence, folds grouped by document group."""
    from sklearn.model_selection import GroupKFold

    texts, labels, groups = sentence_data(documents)
    names = sorted({doc.group for doc in documents})
    doc_groups = np.asarray([names.index(documents[g].group) for g in groups])
    scores = np.zeros(len(texts))
    fold_of = np.zeros(len(texts), dtype=int)
    for fold, (train, test) in enumerate(GroupKFold(n_splits=params.folds).split(texts, labels, doc_groups)):
        pipe = _pipeline(params).fit([texts[i] for i in train], labels[train])
        scores[test] = pipe.decision_function([texts[i] for i in test])
        fold_of[test] = fold
        FOLD_PIPELINES[fold] = pipe
    return scores, labels, fold_of


def export(pipe: Any, calibration: tuple[float, float], metadata: dict[str, Any]) -> ToneModel:
    """Turn a fitted sklearn pipeline into a plain-data ToneModel."""
    vectorizers = []
    for _name, vec in pipe.named_steps["features"].transformer_list:
        vectorizers.append(Vectorizer(vec.analyzer, tuple(vec.ngram_range),
                                      {term: int(i) for term, i in vec.vocabulary_.items()},
                                      vec.idf_.astype(np.float64), bool(vec.sublinear_tf)))
    clf = pipe.named_steps["clf"]
    return ToneModel(vectorizers, clf.coef_[0].astype(np.float64), float(clf.intercept_[0]), calibration, metadata)


def train_model(documents: list[LabeledDocument], params: Params | None = None) -> tuple[ToneModel, Any]:
    """Fit on every sentence of ``documents``; calibrate on out-of-fold scores.

    Returns the exported model and the fitted sklearn pipeline (for parity tests).
    """
    import sklearn

    params = params or Params()
    scores, labels, _folds = oof_scores(documents, params)
    calibration = _platt(scores, labels)
    texts, labels_all, _groups = sentence_data(documents)
    pipe = _pipeline(params).fit(texts, labels_all)
    metadata = {
        "version": f"tone-{__version__}-{corpus_digest(documents)[:8]}",
        "trained": _dt.date.today().isoformat(),
        "package_version": __version__,
        "sklearn_version": sklearn.__version__,
        "corpus_sha256": corpus_digest(documents),
        "documents": len(documents),
        "sentences": len(texts),
        "params": vars(params),
        "seed": SEED,
    }
    return export(pipe, calibration, metadata), pipe
