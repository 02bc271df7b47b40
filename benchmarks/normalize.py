"""Normalizer throughput and peak memory over a directory of pages.

Usage: python benchmarks/normalize.py [DIR] [--limit N]

Prints pages per second on one core (this process) and the peak resident memory.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pages import REAL_PAGES, page_files, read_page  # noqa: E402

from auditor.ingest import read_input  # noqa: E402
from auditor.normalize import normalize  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", nargs="?", default=str(REAL_PAGES))
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    files = page_files(Path(args.root))[: args.limit or None]
    pages = [(f.name, read_page(f)) for f in files]
    sizes = [len(data) for _, data in pages]
    times = []
    errors = 0
    start = time.perf_counter()
    for name, data in pages:
        t0 = time.perf_counter()
        try:
            normalize(read_input(name.removesuffix(".gz"), data, max_bytes=50_000_000))
        except Exception as exc:  # noqa: BLE001 - a benchmark reports and goes on
            errors += 1
            print(f"error: {name}: {exc}", file=sys.stderr)
        times.append(time.perf_counter() - t0)
    total = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages: {len(pages)}  errors: {errors}  median size: {statistics.median(sizes) / 1024:.0f} KB")
    print(f"one core: {len(pages) / total:.1f} pages/s  median {statistics.median(times) * 1000:.1f} ms/page"
          f"  p95 {sorted(times)[int(len(times) * 0.95) - 1] * 1000:.1f} ms")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
