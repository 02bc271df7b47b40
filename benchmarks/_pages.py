"""Shared helpers for the benchmarks: where the real pages are, and how to read them."""
from __future__ import annotations

import gzip
from pathlib import Path

REAL_PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "real-pages"


def page_files(root: Path = REAL_PAGES) -> list[Path]:
    """All ``*.html.gz`` (and plain ``*.html``) pages under ``root``, sorted."""
    return sorted(list(root.rglob("*.html.gz")) + list(root.rglob("*.html")))


def read_page(path: Path) -> bytes:
    """The original bytes of one page."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data
