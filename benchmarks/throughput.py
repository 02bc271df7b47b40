"""End-to-end batch throughput and memory on real pages, beside trafilatura and proselint.

Usage: python benchmarks/throughput.py [DIR] [--limit N] [--scale 10] [--workers N]

DIR defaults to ../shared/real-pages (pages are ``*.html.gz``). Runs ``auditor batch`` as a
subprocess, the way users run it, and prints side by side:

- documents/s on one worker and on all cores (wall clock, interpreter start included);
- the peak resident memory of the whole process tree (parent plus workers, RSS summed, so
  pages shared after fork count more than once), for the pages as one JSONL file and for the
  same file repeated ``--scale`` times, to show memory stays flat as the input grows;
- the audit of the same pages in this process, one core, per page: a first pass (caches cold)
  and a second (warm, as in a long batch), beside the time trafilatura takes only to extract
  their text, with its default settings (``trafilatura.extract(html, include_comments=False)``)
  and in its fast mode (``fast=True``, what the audit itself runs), and the ratios;
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
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pages import REAL_PAGES, page_files, read_page  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    """One ``auditor batch`` run: wall time, documents, and memory samples (time, parent, workers)."""

    seconds: float
    documents: int
    samples: list[tuple[float, int, list[int]]]

    def peak_tree(self, start: float = 0.0, end: float = 1.0) -> int:
        """Peak of parent + workers RSS over the samples between fractions ``start`` and ``end`` of the run."""
        lo, hi = start * self.seconds, end * self.seconds
        return max((parent + sum(kids) for at, parent, kids in self.samples if lo <= at <= hi), default=0)

    def peak_parent(self) -> int:
        return max((parent for _, parent, _ in self.samples), default=0)

    def peak_worker(self) -> int:
        return max((max(kids, default=0) for _, _, kids in self.samples), default=0)


def rss(pid: int) -> tuple[int, list[int]]:
    """Resident bytes of ``pid`` and of each of its descendants."""
    import psutil

    try:
        root = psutil.Process(pid)
        parent, children = root.memory_info().rss, root.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, []
    kids = []
    for child in children:
        try:
            kids.append(child.memory_info().rss)
        except psutil.NoSuchProcess:
            continue
    return parent, kids


def run_batch(inputs: list[str], out: Path, workers: int) -> Run:
    """Run ``auditor batch`` as users do, sampling the memory of its process tree."""
    command = [sys.executable, "-m", "auditor", "batch", *inputs, "--out", str(out), "--workers", str(workers),
               "--overwrite", "--no-progress"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[float, int, list[int]]] = []

    def sample() -> None:
        while proc.poll() is None:
            samples.append((time.perf_counter() - started, *rss(proc.pid)))
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
    return Run(elapsed, documents, samples)


def write_jsonl(pages: list[tuple[str, str]], path: Path, copies: int) -> None:
    """The pages as one JSONL file, ``copies`` times over (each copy a new id)."""
    with open(path, "w", encoding="utf-8") as handle:
        for copy in range(copies):
            for name, html in pages:
                handle.write(json.dumps({"id": f"{copy}/{name}", "html": html}, ensure_ascii=False) + "\n")


def time_trafilatura(texts: list[str], fast: bool) -> tuple[float, list[str]]:
    import trafilatura

    started = time.perf_counter()
    extracted = [trafilatura.extract(html, fast=fast, include_comments=False) or "" for html in texts]
    return time.perf_counter() - started, extracted


def time_audit(pages: list[tuple[str, bytes]]) -> list[float]:
    """Seconds for each of two passes of the whole audit over ``pages`` in this process.

    The same call a batch worker makes per page (``audit_path`` on the raw bytes). The first
    pass fills the per-process caches (word syllables, tone n-grams, link kinds); the second
    is what a worker costs once a long batch is under way.
    """
    from auditor.pipeline import audit_path

    audit_path(pages[0][0], data=pages[0][1])  # imports and the model load are start-up, not per page
    times = []
    for _ in range(2):
        started = time.perf_counter()
        for name, data in pages:
            audit_path(name, data=data)
        times.append(time.perf_counter() - started)
    return times


def time_proselint(texts: list[str]) -> float | None:
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)  # what proselint's command line does before linting
    started = time.perf_counter()
    for i, text in enumerate(texts):
        if text.strip():
            LintFile(f"page-{i}", text).lint()
    return time.perf_counter() - started


def mib(value: int) -> str:
    return f"{value / 2**20:.0f}"


def row(label: str, docs: int, seconds: float, run: Run | None = None) -> str:
    memory = (f"{mib(run.peak_tree()):>9} {mib(run.peak_parent()):>7} {mib(run.peak_worker()):>7}" if run
              else f"{'-':>9} {'-':>7} {'-':>7}")
    return f"{label:<44} {docs:>6,} {seconds:>7.1f} {docs / seconds:>7.1f} {memory}"


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
          f"{sum(map(len, raw)) / 2**20:.1f} MiB decompressed); cores used: {args.workers}; "
          f"python {sys.version.split()[0]}")
    print(f"{'':<44} {'docs':>6} {'wall s':>7} {'docs/s':>7} {'tree MiB':>9} {'parent':>7} {'worker':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        page_dir = work / "pages"
        page_dir.mkdir()
        for f in files:
            (page_dir / f.name).symlink_to(f.resolve())
        for workers in (1, args.workers):
            run = run_batch([str(page_dir)], work / "out.jsonl", workers)
            label = f"auditor batch, {workers} worker(s), .html.gz files"
            print(row(label, run.documents, run.seconds, run), flush=True)
        for copies in (1, args.scale):
            write_jsonl(pages, work / f"x{copies}.jsonl", copies)
            run = run_batch([str(work / f"x{copies}.jsonl")], work / "out.jsonl", args.workers)
            print(row(f"auditor batch, {args.workers} worker(s), JSONL {copies}x", run.documents, run.seconds, run),
                  flush=True)
        quarters = [mib(run.peak_tree(q / 4, (q + 1) / 4)) for q in range(4)]
        print(f"{'':<44} tree peak by quarter of the {args.scale}x run: {' / '.join(quarters)} MiB")
    audit_times = time_audit([(f.name.removesuffix(".gz"), data) for f, data in zip(files, raw, strict=True)])
    for label, seconds in zip(("first pass", "second pass"), audit_times):
        print(row(f"audit in process, 1 core, {label}", len(pages), seconds))
    extraction = {}
    for fast in (False, True):
        extraction[fast], extracted = time_trafilatura([html for _, html in pages], fast)
        print(row(f"trafilatura.extract({'fast=True' if fast else 'default'}) only, 1 core", len(pages),
                  extraction[fast]))
    lint = time_proselint(extracted)
    if lint is None:
        print("proselint: not installed (pip install proselint), skipped")
    else:
        print(row("proselint on trafilatura's text, 1 core", len(pages), lint))
    per_page = [t / len(pages) * 1000 for t in audit_times]
    for fast, label in ((False, "default"), (True, "fast")):
        base = extraction[fast] / len(pages) * 1000
        print(f"audit / extraction ({label}, {base:.1f} ms a page): {per_page[1] / base:.2f}x once warm, "
              f"{per_page[0] / base:.2f}x cold (audit {per_page[1]:.1f} / {per_page[0]:.1f} ms a page)")
    print("wall clock includes starting Python and the workers (about 1-2 s per run). Memory is RSS in MiB: the "
          "tree (parent + workers, summed, so pages shared after fork count once per worker), the parent (reading, "
          "store, JSONL) and the largest worker")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
