"""The tone model: plain-data export, checksums, parity with scikit-learn, and behaviour."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from auditor.errors import ModelError
from auditor.normalize import normalize_string
from auditor.tone import MODEL_PATH, SHIPPED_SHA256, default_model, score_document
from auditor.tone.corpus import load_corpus
from auditor.tone.model import load_model
from auditor.tone.train import Params, sentence_data, train_model
from tests.conftest import REPO

CORPUS = REPO / "corpus"


@pytest.fixture(scope="module")
def small_training():
    """A quick model on a slice of the corpus (2 folds), with its sklearn pipeline."""
    documents = load_corpus(CORPUS)[::4]
    model, pipe = train_model(documents, Params(folds=2))
    return documents, model, pipe


def test_exported_scorer_matches_sklearn(small_training) -> None:
    _documents, model, fitted = small_training
    data = sentence_data(load_corpus(CORPUS)[1::4], with_hits=True)
    assert any(data.hits), "rule features should be exercised"
    exported = model.decision_function(data.texts, data.hits)
    assert np.allclose(exported, fitted.decision_function(data.texts, data.hits), atol=1e-9, rtol=0)


def test_save_and_load_round_trip(tmp_path: Path, small_training) -> None:
    _documents, model, _pipe = small_training
    path = tmp_path / "model.json"
    digest = model.save(path)
    loaded = load_model(path, digest)
    texts = ["Book your free consultation today!", "The trial enrolled 240 adults."]
    assert np.allclose(loaded.predict_proba(texts), model.predict_proba(texts), atol=1e-12)


def test_training_is_deterministic(tmp_path: Path, small_training) -> None:
    documents, model, _pipe = small_training
    again, _ = train_model(documents, Params(folds=2))
    assert np.array_equal(again.coef, model.coef) and again.calibration == model.calibration
    from auditor.engine.registry import RULE_PACK_VERSION

    assert model.metadata["rule_pack_version"] == RULE_PACK_VERSION  # rule hits are features


def test_shipped_model_is_pinned_and_loads() -> None:
    model = default_model()
    assert model is not None and model.sha256 == SHIPPED_SHA256
    assert model.metadata["documents"] >= 200 and 0 < model.metadata["document_threshold"] < 1


@pytest.mark.parametrize("damage", ["tamper", "truncate", "swap", "not-json"])
def test_damaged_model_files_are_refused_by_checksum(tmp_path: Path, damage: str) -> None:
    raw = MODEL_PATH.read_text(encoding="utf-8")
    path = tmp_path / "model.json"
    if damage == "tamper":
        data = json.loads(raw)
        data["model"]["intercept"] += 1.0
        path.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "truncate":
        path.write_text(raw[: len(raw) // 2], encoding="utf-8")
    elif damage == "swap":  # a valid model file that is not the one the package pins
        data = json.loads(raw)
        data["model"]["metadata"]["version"] = "other"
        from auditor.tone.model import checksum
        data["sha256"] = checksum(data["model"])
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_bytes(b"\x80\x04\x95 pickle bytes")
    with pytest.raises(ModelError, match=re.escape(str(path))):
        load_model(path, SHIPPED_SHA256)


def test_no_pickle_anywhere_in_the_package() -> None:
    offenders = []
    for path in (REPO / "auditor").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(?:import|from)\s+(?:pickle|cPickle|dill|joblib|cloudpickle)\b", text, re.M) \
                or "allow_pickle=True" in text or re.search(r"\bpickle\.loads?\(", text):
            offenders.append(str(path))
    assert offenders == []


def test_empty_document_scores_without_error() -> None:
    tone = score_document(normalize_string("Home", "text"))
    assert tone is not None and tone.promotional == 0.0 and tone.sentences == ()


def test_promotional_sentences_score_above_informative_ones() -> None:
    doc = normalize_string(
        "Book your free consultation today and start your journey to a pain-free life!\n\n"
        "The trial enrolled 240 adults and lasted twelve weeks, and nausea was the most common side effect.\n", "text")
    tone = score_document(doc)
    assert tone.sentences[0].promotional > 0.7 > 0.3 > tone.sentences[1].promotional
    assert tone.top(1)[0].text.startswith("Book your free consultation")


def test_corpus_is_valid_and_its_datasheet_current() -> None:
    import subprocess
    import sys

    check = subprocess.run([sys.executable, str(CORPUS / "check_labels.py")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:]
    stale = subprocess.run([sys.executable, str(CORPUS / "datasheet.py"), "--check"], capture_output=True, text=True)
    assert stale.returncode == 0, stale.stdout
    documents = load_corpus(CORPUS)
    assert len(documents) >= 200 and sum(len(d.sentences) for d in documents) >= 3000
    assert len({d.topic for d in documents}) >= 25 and len({d.genre for d in documents}) >= 8
    for group in {d.group for d in documents}:
        assert len({d.split for d in documents if d.group == group}) == 1, f"group {group} is split"
