"""Reading a labeled corpus: ``labels/*.json`` beside the documents they describe."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import AuditorError


@dataclass(frozen=True)
class LabeledSentence:
    """One sentence with its promotional label and editor categories."""

    text: str
    promotional: int
    categories: tuple[str, ...]


@dataclass(frozen=True)
class LabeledDocument:
    """One corpus document and its labels."""

    id: str
    path: Path
    format: str
    topic: str
    genre: str
    promotional: int
    split: str
    group: str
    sentences: tuple[LabeledSentence, ...]
    document_findings: tuple[str, ...]
    hard_case: str | None = None
    # Document categories the editor judged too close to call: neither a finding nor its
    # absence counts against the rules.
    document_borderline: tuple[str, ...] = ()


def load_corpus(root: Path) -> list[LabeledDocument]:
    """Every labeled document under ``root`` (sorted by id); raise on a malformed labels file."""
    labels = sorted((root / "labels").glob("*.json"))
    if not labels:
        raise AuditorError(f"{root}: no labels/*.json files (is this a corpus folder?)")
    documents = []
    for path in labels:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            documents.append(LabeledDocument(
                id=data["id"], path=root / data["file"], format=data["format"], topic=data["topic"],
                genre=data["genre"], promotional=int(data["promotional"]), split=data["split"],
                group=data["group"],
                sentences=tuple(LabeledSentence(s["text"], int(s["promotional"]), tuple(s.get("categories", ())))
                                for s in data["sentences"]),
                document_findings=tuple(data.get("document_findings", ())), hard_case=data.get("hard_case"),
                document_borderline=tuple(data.get("document_borderline", ())),
            ))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise AuditorError(f"{path}: malformed labels file ({type(exc).__name__}: {exc})") from exc
    return documents


def corpus_digest(documents: list[LabeledDocument]) -> str:
    """SHA-256 over every labels file and document, so a model records what it was trained on."""
    digest = hashlib.sha256()
    for doc in documents:
        digest.update(doc.id.encode())
        digest.update(doc.path.read_bytes())
        for sentence in doc.sentences:
            digest.update(f"{sentence.promotional}|{sentence.text}".encode())
    return digest.hexdigest()
