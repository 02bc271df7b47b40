"""How well the HTML normalizer separates main text from boilerplate on real pages.

Usage: python benchmarks/regions.py [REAL_PAGES_DIR] [--limit N]

For every page listed in ``evaldata.json``, checks whether each ``with`` snippet (main text)
lands in a ``main`` block and each ``without`` snippet (boilerplate) stays out of ``main``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pages import REAL_PAGES, read_page  # noqa: E402

from auditor.ingest import read_input  # noqa: E402
from auditor.normalize import normalize  # noqa: E402


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", nargs="?", default=str(REAL_PAGES))
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    root = Path(args.root)
    evaldata = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    files = {p.name.removesuffix(".gz"): p for p in root.rglob("*.html.gz")}
    with_in = with_total = without_out = without_total = errors = 0
    items = list(evaldata.items())[: args.limit or None]
    for _url, entry in items:
        path = files.get(entry["file"])
        if path is None:
            continue
        try:
            doc = normalize(read_input(entry["file"], read_page(path), max_bytes=50_000_000))
        except Exception as exc:  # noqa: BLE001 - a benchmark reports and goes on
            errors += 1
            print(f"error: {entry['file']}: {exc}", file=sys.stderr)
            continue
        main_text = _squash(" ".join(b.text for b in doc.blocks if b.region == "main"))
        for snippet in entry.get("with", []):
            with_total += 1
            with_in += _squash(snippet) in main_text
        for snippet in entry.get("without", []):
            without_total += 1
            without_out += _squash(snippet) not in main_text
    print(f"pages: {len(items)}  errors: {errors}")
    print(f"main-text snippets in main:        {with_in}/{with_total} = {with_in / max(1, with_total):.3f}")
    print(f"boilerplate snippets out of main:  {without_out}/{without_total} = {without_out / max(1, without_total):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
