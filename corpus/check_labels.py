"""Validate corpus label files against their documents.

Usage: python corpus/check_labels.py [PREFIX]

Checks the fields of every ``labels/*.json`` (or those whose id starts with PREFIX) and that
each labeled sentence occurs in the visible text of its document. Prints one line per problem
and a count summary; exits 1 when a problem was found.
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent
CATEGORIES = {"cta", "testimonial", "stat", "attribution", "absolute", "causal", "hype",
              "risk-minimizing", "seo", "boilerplate"}
DOC_FINDINGS = {"transparency", "balance", "readability"}
GENRES = {"clinic landing page", "supplement sales page", "affiliate review", "SEO listicle",
          "news story", "press release", "patient information leaflet", "encyclopedia entry",
          "forum post", "research summary", "blog post", "Q&A page"}
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _squash(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        soup = BeautifulSoup(raw, "lxml")
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
        return _squash(soup.get_text(" "))
    if path.suffix == ".md":
        raw = _MD_LINK.sub(r"\1", raw)
        raw = re.sub(r"[*_`#>]", "", raw)
        raw = re.sub(r"^\s*([-+]|\d+\.)\s+", "", raw, flags=re.M)
        return _squash(html.unescape(raw))
    return _squash(raw)


def check(label_path: Path) -> list[str]:
    problems: list[str] = []
    try:
        data = json.loads(label_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [f"{label_path.name}: not valid JSON: {exc}"]
    name = label_path.name
    for key in ("id", "file", "format", "topic", "genre", "promotional", "split", "group", "sentences"):
        if key not in data:
            problems.append(f"{name}: missing field {key!r}")
    if problems:
        return problems
    if data["id"] != label_path.stem:
        problems.append(f"{name}: id {data['id']!r} does not match the file name")
    doc = ROOT / data["file"]
    if not doc.exists():
        return problems + [f"{name}: document {data['file']} does not exist"]
    if doc.suffix.lstrip(".") != data["format"]:
        problems.append(f"{name}: format {data['format']!r} does not match {doc.suffix}")
    if data["genre"] not in GENRES:
        problems.append(f"{name}: unknown genre {data['genre']!r}")
    if data["promotional"] not in (0, 1) or data["split"] not in ("train", "test"):
        problems.append(f"{name}: promotional must be 0/1 and split train/test")
    for finding in data.get("document_findings", []):
        if finding not in DOC_FINDINGS:
            problems.append(f"{name}: unknown document finding {finding!r}")
    for finding in data.get("document_borderline", []):
        if finding not in DOC_FINDINGS or finding in data.get("document_findings", []):
            problems.append(f"{name}: borderline {finding!r} must be a document finding not also labeled as found")
    text = visible_text(doc)
    for i, sent in enumerate(data["sentences"]):
        if sent.get("promotional") not in (0, 1):
            problems.append(f"{name}: sentence {i}: promotional must be 0 or 1")
        for cat in sent.get("categories", []):
            if cat not in CATEGORIES:
                problems.append(f"{name}: sentence {i}: unknown category {cat!r}")
        if _squash(sent.get("text", "")) not in text:
            problems.append(f"{name}: sentence {i} not found in document: {sent.get('text', '')[:70]!r}")
    return problems


def main(prefix: str = "") -> int:
    files = sorted(p for p in (ROOT / "labels").glob("*.json") if p.stem.startswith(prefix))
    problems = [msg for path in files for msg in check(path)]
    for msg in problems:
        print(msg)
    docs = sentences = promo = 0
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        docs += 1
        sentences += len(data.get("sentences", []))
        promo += sum(s.get("promotional", 0) for s in data.get("sentences", []))
    print(f"{docs} documents, {sentences} sentences ({promo} promotional), {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
