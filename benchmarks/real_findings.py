"""Every finding on the real pages and the real press releases and news stories, for diffing.

Usage: python benchmarks/real_findings.py OUT.tsv

Audits the 1,032 pages of ../shared/real-pages and the 450 texts of
../shared/datasets/healthnewsreview-dev (two processes) and writes one line per finding, sorted
and unique: source, rule, line, the first 160 characters of the excerpt. Run it before and after
a rule change and `diff` the two files to see every finding the change adds or removes; prints
the number of lines. Needs ../shared (skipped when absent).
"""
from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pages import REAL_PAGES, page_files, read_page  # noqa: E402

from auditor.ingest import read_input  # noqa: E402
from auditor.normalize import normalize  # noqa: E402
from auditor.pipeline import audit, audit_text  # noqa: E402

HNR = REAL_PAGES.parent / "datasets" / "healthnewsreview-dev"


def _items() -> Iterator[tuple[str, str, str]]:
    for path in page_files():
        yield ("page", path.name, str(path))
    for name in ("releases", "stories"):
        with gzip.open(HNR / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                yield ("text", row["id"], row["text"])


def _findings(item: tuple[str, str, str]) -> list[str]:
    kind, source, payload = item
    try:
        if kind == "page":
            path = Path(payload)
            result = audit(normalize(read_input(path.name.removesuffix(".gz"), read_page(path), max_bytes=50_000_000)),
                           tone=False)
        else:
            result = audit_text(payload, "text", source=source)
    except Exception as exc:  # noqa: BLE001 - a failure is a line of the report, not the end of it
        return [f"{source}\tERROR\t\t{type(exc).__name__}: {exc}"]
    return [f"{source}\t{f.rule}\t{f.line or ''}\t{(f.excerpt or '')[:160]}".replace("\n", " ") for f in result.findings]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2])
        return 2
    if not REAL_PAGES.exists() or not HNR.exists():
        print(f"skipped: {REAL_PAGES} or {HNR} not found")
        return 0
    lines: set[str] = set()
    with Pool(2) as pool:
        for found in pool.imap_unordered(_findings, _items(), chunksize=8):
            lines.update(found)
    Path(sys.argv[1]).write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
    print(f"{len(lines):,} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
