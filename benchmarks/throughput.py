"""End-to-end batch throughput and memory on real pages, beside trafilatura and proselint.

Usage: python benchmarks/throughput.py [DIR] [--limit N] [--scale 10] [--workers N]

DIR defaults to ../shared/real-pages (pages are ``*.html.gz``). Runs ``auditor batch`` as a
subprocess, the way users run it, and prints side by side:

- documents/s on one worker and on all cores (wall clock, interpreter start included);
- the peak resident memory of the whole process tree (parent plus workers, RSS summed, so
  pages shared after fork count more than once), for the pages as one JSONL file and for the
  same file repeated ``--scale`` times, to show memory stays flat as the input grows;
- the time trafilatura takes only to extract the text of the same pages
  (``trafilatura.extract(html, fast=True, include_comments=False)``, one core);
- the time proselint takes to lint that extracted text (one core), when it is installed.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pages import REAL_PAGES, page_files, read_page  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def run_batch(inputs: list[str], out: Path, workers: int) -> tuple[float, int, int]:
    """Run ``auditor batch``; return wall seconds, peak tree RSS and documents written."""
    command = [sys.executable, "-m", "auditor", "batch", *inputs, "--out", str(out), "--workers", str(workers),
               "--overwrite", "--no-progress"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - started
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"auditor batch failed: {err.decode(errors='replace')[-500:]}")
    with open(out, encoding="utf-8") as handle:
        documents = sum(1 for _ in handle)
    return elapsed, peak[0], documents


def write_jsonl(pages: list[tuple[str, str]], path: Path, copies: int) -> None:
    """The pages as one JSONL file, ``copies`` times over (each copy a new id)."""
    with open(path, "w", encoding="utf-8") as handle:
        for copy in range(copies):
            for name, html in pages:
                handle.write(json.dumps({"id": f"{copy}/{name}", "html": html}, ensure_ascii=False) + "\n")


def time_trafilatura(texts: list[str]) -> tuple[float, list[str]]:
    import trafilatura

    started = time.perf_counter()
    extracted = [trafilatura.extract(html, fast=True, include_comments=False) or "" for html in texts]
    return time.perf_counter() - started, extracted


def time_proselint(texts: list[str]) -> float | None:
    try:
        from proselint.tools import LintFile
    except ImportError:
        return None
    started = time.perf_counter()
    for i, text in enumerate(texts):
        if text.strip():
            LintFile(f"page-{i}", text).lint()
    return time.perf_counter() - started


def row(label: str, docs: int, seconds: float, rss: int | None = None) -> str:
    memory = f"{rss / 2**20:9.0f} MiB" if rss is not None else f"{'-':>13}"
    return f"{label:<46} {docs:>6,} {seconds:>9.1f} {docs / seconds:>8.1f} {memory}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=str(REAL_PAGES))
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--scale", type=int, default=10, help="Copies of the input for the memory run.")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                        else os.cpu_count() or 1)
    args = parser.parse_args()
    files = page_files(Path(args.root))[: args.limit or None]
    if not files:
        print(f"no pages under {args.root}")
        return 1
    from auditor.ingest import decode_bytes

    raw = [read_page(f) for f in files]
    pages = [(f.name.removesuffix(".gz"), decode_bytes(data).text) for f, data in zip(files, raw, strict=True)]
    print(f"pages: {len(files)} from {args.root} (median {statistics.median(map(len, raw)) / 1024:.0f} KiB, "
          f"{sum(map(len, raw)) / 2**20:.1f} MiB decompressed); cores used: {args.workers}; python {sys.version.split()[0]}")
    print(f"{'':<46} {'docs':>6} {'wall s':>9} {'docs/s':>8} {'peak RSS (tree)':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        page_dir = work / "pages"
        page_dir.mkdir()
        for f in files:
            (page_dir / f.name).symlink_to(f.resolve())
        for workers in (1, args.workers):
            seconds, rss, docs = run_batch([str(page_dir)], work / "out.jsonl", workers)
            print(row(f"auditor batch, {workers} worker(s), .html.gz pages", docs, seconds, rss), flush=True)
        for copies in (1, args.scale):
            write_jsonl(pages, work / f"x{copies}.jsonl", copies)
            seconds, rss, docs = run_batch([str(work / f"x{copies}.jsonl")], work / "out.jsonl", args.workers)
            print(row(f"auditor batch, {args.workers} worker(s), JSONL {copies}x", docs, seconds, rss), flush=True)
    seconds, extracted = time_trafilatura([html for _, html in pages])
    print(row("trafilatura.extract(fast=True), 1 core", len(pages), seconds))
    lint = time_proselint(extracted)
    if lint is None:
        print("proselint: not installed (pip install proselint), skipped")
    else:
        print(row("proselint on trafilatura's text, 1 core", len(pages), lint))
    print("wall clock includes starting Python and the workers (about 1-2 s per run); "
          "RSS is summed over processes, so memory shared after fork is counted once per worker")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
