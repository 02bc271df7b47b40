"""Every real page in ../shared/real-pages normalizes without an error (skipped when absent)."""
from __future__ import annotations

import gzip
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from auditor.ingest import read_input
from auditor.normalize import normalize
from tests.conftest import shared_path


def _normalize(path: str) -> str | None:
    try:
        data = gzip.decompress(Path(path).read_bytes())
        doc = normalize(read_input(Path(path).name.removesuffix(".gz"), data, max_bytes=50_000_000))
        assert doc.blocks, "no blocks"
    except Exception as exc:  # noqa: BLE001 - collected and reported below
        return f"{Path(path).name}: {type(exc).__name__}: {exc}"
    return None


def test_all_real_pages_normalize() -> None:
    root = shared_path("real-pages")
    pages = sorted(str(p) for p in root.rglob("*.html.gz"))
    assert len(pages) > 1000
    with ProcessPoolExecutor(max_workers=2) as pool:
        failures = [msg for msg in pool.map(_normalize, pages, chunksize=16) if msg]
    assert failures == []
