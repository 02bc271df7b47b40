"""Rule engine and tone scoring speed, alone, on documents normalized from real pages.

Usage: python benchmarks/engine.py [DIR] [--limit N]

Normalizes the pages first (not timed), then times the rule pack and, separately, the tone
model over the same documents. Prints sentences per second and milliseconds per document.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pages import REAL_PAGES, page_files, read_page  # noqa: E402

from auditor.config import Settings  # noqa: E402
from auditor.engine import load_pack, run  # noqa: E402
from auditor.ingest import read_input  # noqa: E402
from auditor.normalize import normalize  # noqa: E402
from auditor.tone import default_model, score_document  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", nargs="?", default=str(REAL_PAGES))
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    docs = []
    for path in page_files(Path(args.root))[: args.limit or None]:
        try:
            doc = normalize(read_input(path.name.removesuffix(".gz"), read_page(path), max_bytes=50_000_000))
        except Exception:  # noqa: BLE001 - a benchmark skips what it cannot read
            continue
        # Time the English pack on every page, whatever its language, so the figure is the worst case.
        docs.append(doc.__class__(**{**{f: getattr(doc, f) for f in doc.__dataclass_fields__},
                                    "metadata": doc.metadata.__class__(**{**doc.metadata.as_dict(), "language": "en",
                                                                          "jsonld_types": doc.metadata.jsonld_types,
                                                                          "extra": doc.metadata.extra})}))
    pack = load_pack()
    settings = Settings()
    sentences = sum(len(d.sentences) for d in docs)
    # One-time costs (the readability dictionaries, each rule's first compile of its helpers) are
    # paid once per process; time them apart so the rate below is the steady state of a batch.
    t0 = time.perf_counter()
    run(pack, docs[0], settings)
    first = time.perf_counter() - t0
    times = []
    start = time.perf_counter()
    for doc in docs:
        t0 = time.perf_counter()
        run(pack, doc, settings)
        times.append(time.perf_counter() - t0)
    rules_total = time.perf_counter() - start
    model = default_model()
    tone_times = []
    for doc in docs:
        t0 = time.perf_counter()
        score_document(doc, model)
        tone_times.append(time.perf_counter() - t0)
    print(f"documents: {len(docs)}  sentences: {sentences:,}  median characters: {statistics.median(len(d.text) for d in docs):,.0f}")
    print(f"rule engine: {sentences / rules_total:,.0f} sentences/s, median {statistics.median(times) * 1000:.1f} ms/document, "
          f"p95 {sorted(times)[int(len(times) * 0.95) - 1] * 1000:.1f} ms (first document, once per process: "
          f"{first * 1000:.0f} ms)")
    print(f"tone model:  median {statistics.median(tone_times) * 1000:.2f} ms/document, "
          f"p95 {sorted(tone_times)[int(len(tone_times) * 0.95) - 1] * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
