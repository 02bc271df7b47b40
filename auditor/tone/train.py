"""Training and cross-validated evaluation of the tone model (imports scikit-learn).

Features per sentence: word and character TF-IDF, plus one 0/1 column per rule category that
flagged the sentence (the rule engine runs over each corpus document, as ``auditor check``
does, so training and scoring see the same signals).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from auditor import __version__
from auditor.engine.registry import RULE_PACK_VERSION
from auditor.tone.corpus import LabeledDocument, corpus_digest
from auditor.tone.features import RULE_CATEGORIES, TOKEN_PATTERN, Vectorizer, rule_matrix
from auditor.tone.model import CHAR_RANGE, WORD_RANGE, ToneModel

SEED = 0


@dataclass
class Params:
    """Hyper-parameters, fixed so training is reproducible."""

    C: float = 4.0
    word_max_features: int = 20_000
    char_max_features: int = 30_000
    min_df: int = 2
    folds: int = 5
    rule_features: bool = True


@dataclass
class Fitted:
    """A fitted TF-IDF union plus logistic regression over [text features | rule features]."""

    union: Any
    clf: Any
    rule_categories: tuple[str, ...]

    def decision_function(self, texts: list[str], hits: list[set[str]] | None = None) -> np.ndarray:
        from scipy.sparse import csr_matrix, hstack

        features = self.union.transform(texts)
        if self.rule_categories:
            features = hstack([features, csr_matrix(rule_matrix(hits, len(texts), self.rule_categories))]).tocsr()
        return self.clf.decision_function(features)


@dataclass
class SentenceData:
    """Every labeled sentence: text, label, document index, and the rule categories that hit it."""

    texts: list[str]
    labels: np.ndarray
    groups: np.ndarray
    hits: list[set[str]] = field(default_factory=list)


# The fitted models of the last cross-validation run, by fold, so evaluation can score whole
# held-out documents with the model that did not see them.
FOLD_MODELS: dict[int, Fitted] = {}


def _fit(texts: list[str], labels: np.ndarray, hits: list[set[str]], params: Params) -> Fitted:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion

    union = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=WORD_RANGE, token_pattern=TOKEN_PATTERN,
                                 min_df=params.min_df, max_features=params.word_max_features,
                                 sublinear_tf=True, dtype=np.float64)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_RANGE, min_df=params.min_df,
                                 max_features=params.char_max_features, sublinear_tf=True, dtype=np.float64)),
    ])
    features = union.fit_transform(texts)
    categories = RULE_CATEGORIES if params.rule_features else ()
    if categories:
        features = hstack([features, csr_matrix(rule_matrix(hits, len(texts), categories))]).tocsr()
    clf = LogisticRegression(C=params.C, class_weight="balanced", max_iter=3000, random_state=SEED)
    clf.fit(features, labels)
    return Fitted(union, clf, categories)


def document_rule_hits(doc: LabeledDocument) -> list[set[str]]:
    """For each labeled sentence of ``doc``, the categories of the findings that overlap it."""
    # Imported here: training reuses the audit pipeline, but scoring never imports training.
    from auditor.evaluation import locate_sentences
    from auditor.pipeline import audit_path

    result = audit_path(str(doc.path), tone=False)
    if not result.ok or result.document is None:
        return [set() for _ in doc.sentences]
    spans = locate_sentences(result.document.text, [s.text for s in doc.sentences])
    located = [f for f in result.findings if f.span is not None]
    return [{f.category for f in located if span is not None and f.span.overlaps(span)} for span in spans]


def sentence_data(documents: list[LabeledDocument], with_hits: bool = False) -> SentenceData:
    """The labeled sentences of ``documents``, optionally with their rule hits."""
    texts, labels, groups, hits = [], [], [], []
    for index, doc in enumerate(documents):
        doc_hits = document_rule_hits(doc) if with_hits else [set() for _ in doc.sentences]
        for sentence, sentence_hits in zip(doc.sentences, doc_hits):
            texts.append(sentence.text)
            labels.append(sentence.promotional)
            groups.append(index)
            hits.append(sentence_hits)
    return SentenceData(texts, np.asarray(labels), np.asarray(groups), hits)


def _platt(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000, random_state=SEED)
    lr.fit(scores.reshape(-1, 1), labels)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def oof_scores(documents: list[LabeledDocument], params: Params, data: SentenceData | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-fold decision scores for every sentence, folds grouped by document group."""
    from sklearn.model_selection import GroupKFold

    data = data or sentence_data(documents, params.rule_features)
    names = sorted({doc.group for doc in documents})
    doc_groups = np.asarray([names.index(documents[g].group) for g in data.groups])
    scores = np.zeros(len(data.texts))
    fold_of = np.zeros(len(data.texts), dtype=int)
    splitter = GroupKFold(n_splits=params.folds)
    for fold, (train, test) in enumerate(splitter.split(data.texts, data.labels, doc_groups)):
        fitted = _fit([data.texts[i] for i in train], data.labels[train], [data.hits[i] for i in train], params)
        scores[test] = fitted.decision_function([data.texts[i] for i in test], [data.hits[i] for i in test])
        fold_of[test] = fold
        FOLD_MODELS[fold] = fitted
    return scores, data.labels, fold_of


def export(fitted: Fitted, calibration: tuple[float, float], metadata: dict[str, Any]) -> ToneModel:
    """Turn a fitted model into a plain-data ToneModel."""
    vectorizers = []
    for _name, vec in fitted.union.transformer_list:
        vectorizers.append(Vectorizer(vec.analyzer, tuple(vec.ngram_range),
                                      {term: int(i) for term, i in vec.vocabulary_.items()},
                                      vec.idf_.astype(np.float64), bool(vec.sublinear_tf)))
    return ToneModel(vectorizers, fitted.clf.coef_[0].astype(np.float64), float(fitted.clf.intercept_[0]),
                     calibration, metadata, rule_categories=fitted.rule_categories)


def train_model(documents: list[LabeledDocument], params: Params | None = None,
                evaluation: dict[str, Any] | None = None) -> tuple[ToneModel, Fitted]:
    """Fit on every sentence of ``documents``; calibrate on out-of-fold scores.

    Returns the exported model and the fitted scikit-learn objects (for parity tests).
    """
    import sklearn

    from threadpoolctl import threadpool_limits

    params = params or Params()
    data = sentence_data(documents, params.rule_features)
    # One BLAS thread: multi-threaded reductions sum in a different order on every core count, so
    # the coefficients would differ in their last digits between a laptop and a CI runner.
    with threadpool_limits(limits=1):
        scores, labels, _folds = oof_scores(documents, params, data)
        calibration = _platt(scores, labels)
        fitted = _fit(data.texts, data.labels, data.hits, params)
    digest = corpus_digest(documents)
    metadata = {
        # Named by corpus and rule pack, so two models trained on different rules never share a name.
        "version": f"tone-{__version__}-{digest[:8]}-{RULE_PACK_VERSION if params.rule_features else 'norules'}",
        "trained": _dt.date.today().isoformat(),
        "package_version": __version__,
        "sklearn_version": sklearn.__version__,
        "corpus_sha256": digest,
        # Rule hits are features: a model is only as current as the rule pack it was trained with.
        "rule_pack_version": RULE_PACK_VERSION if params.rule_features else None,
        "documents": len(documents),
        "sentences": len(data.texts),
        "params": vars(params),
        "seed": SEED,
    }
    if evaluation:
        # The document threshold and figures come from cross-validation, not from the final fit.
        metadata["document_threshold"] = evaluation["document_threshold"]
        metadata["evaluation"] = {k: evaluation[k] for k in ("folds", "sentence", "document")}
    return export(fitted, calibration, metadata), fitted
