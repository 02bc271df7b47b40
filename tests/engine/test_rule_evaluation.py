"""`auditor evaluate CORPUS --rules`: precision and recall per category on labeled documents."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from auditor.cli import main

HARD = ("Pharmacological augmentation strategies incorporating receptor antagonism demonstrate considerable "
        "heterogeneity regarding therapeutic responsiveness among individuals manifesting treatment-refractory "
        "depressive symptomatology, necessitating comprehensive psychiatric evaluation encompassing comorbidity "
        "assessment and longitudinal symptom characterization before intravenous administration. "
        "Furthermore, hemodynamic surveillance throughout administration, incorporating continuous "
        "electrocardiographic monitoring and intermittent sphygmomanometric evaluation, remains obligatory, "
        "considering documented sympathomimetic cardiovascular perturbations. Additionally, dissociative "
        "phenomenology, perceptual distortions and transient cognitive disorganization necessitate observation "
        "within appropriately resourced clinical environments until their complete resolution. Practitioners "
        "should additionally consider longitudinal urological surveillance, given accumulating documentation "
        "regarding cystitis associated with recurrent recreational exposure, although therapeutic dosing "
        "regimens demonstrate considerably diminished incidence within published observational registries.")
CTA = "Call us today."
PLAIN = "Magnesium is a mineral found in leafy greens, beans and nuts."


def _doc(root: Path, doc_id: str, sentences: list[tuple[str, list[str]]], **document: list[str]) -> None:
    (root / "docs" / f"{doc_id}.txt").write_text("\n\n".join(text for text, _ in sentences) + "\n", encoding="utf-8")
    labels = {"id": doc_id, "file": f"docs/{doc_id}.txt", "format": "txt", "topic": "sleep", "genre": "blog post",
              "promotional": 0, "split": "test", "group": doc_id, "hard_case": None,
              "sentences": [{"text": t, "promotional": int(bool(c)), "categories": c} for t, c in sentences],
              "document_findings": document.get("found", []), "document_borderline": document.get("borderline", [])}
    (root / "labels" / f"{doc_id}.json").write_text(json.dumps(labels), encoding="utf-8")


def _evaluate(root: Path) -> dict:
    result = CliRunner().invoke(main, ["evaluate", str(root), "--rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["categories"]


def test_sentence_findings_are_scored_against_the_labels(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir(), (tmp_path / "labels").mkdir()
    _doc(tmp_path, "labeled", [(CTA, ["cta"]), (PLAIN, [])])
    _doc(tmp_path, "unlabeled", [(CTA, []), (PLAIN, [])])
    _doc(tmp_path, "missed", [(PLAIN, ["cta"])])
    cta = _evaluate(tmp_path)["cta"]
    assert (cta["tp"], cta["fp"], cta["fn"]) == (1, 1, 1)
    assert cta["precision"] == 0.5 and cta["recall"] == 0.5


def test_borderline_documents_count_neither_way(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir(), (tmp_path / "labels").mkdir()
    _doc(tmp_path, "hard-labeled", [(HARD, [])], found=["readability"])
    _doc(tmp_path, "hard-unlabeled", [(HARD, [])])
    _doc(tmp_path, "hard-borderline", [(HARD, [])], borderline=["readability"])
    readability = _evaluate(tmp_path)["readability"]
    assert (readability["tp"], readability["fp"], readability["fn"]) == (1, 1, 0)


def test_two_findings_on_one_sentence_count_it_once_for_recall(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir(), (tmp_path / "labels").mkdir()
    busy = "Book your free consultation today: call (555) 010-0123 or WhatsApp us now."
    _doc(tmp_path, "busy", [(busy, ["cta"]), (PLAIN, ["cta"])])
    cta = _evaluate(tmp_path)["cta"]
    assert cta["tp"] >= 2  # several right findings on the first sentence...
    assert (cta["found"], cta["fn"]) == (1, 1)  # ...but one sentence found and one missed
    assert cta["recall"] == 0.5
