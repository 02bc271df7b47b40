"""The batch commands: batch, batch-export, summarize."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from auditor.cli import fail, guarded, main, split_selectors


def _batch_config(inputs: tuple[str, ...], out: str, db: str | None, **opts: Any) -> Any:
    """BatchConfig from the command line's options."""
    from auditor.batch import BatchConfig, JsonlFields, SourceOptions, default_db
    from auditor.batch.sources import check_inputs, is_glob
    from auditor.config import load_settings

    check_inputs(inputs)
    start = next((p for p in inputs if not is_glob(p)), ".")
    settings = load_settings(start, opts["config"], select=opts["select"] or None, ignore=opts["ignore"] or None,
                             max_bytes=opts["max_bytes"])
    fields = JsonlFields(opts["id_field"], opts["url_field"], opts["html_field"], opts["text_field"])
    workers = _cores() if opts["workers"] is None else opts["workers"]
    return BatchConfig(
        inputs=inputs, out=Path(out), db=Path(db) if db else default_db(Path(out)), settings=settings,
        sources=SourceOptions(fields, opts["include"], opts["exclude"]), workers=workers,
        chunk_size=opts["chunk_size"], timeout=opts["timeout"] or None, resume=opts["resume"],
        overwrite=opts["overwrite"], engine=opts["engine"], scheduler=opts["scheduler"], progress=opts["progress"])


def _cores() -> int:
    """The cores this process may use (the affinity mask, where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _report(stats: Any, config: Any) -> None:
    rate = stats.written / stats.elapsed if stats.elapsed else 0.0
    done = f", {stats.resumed:,} already recorded" if stats.resumed else ""
    twice = f", {stats.repeated:,} inputs named twice read once" if stats.repeated else ""
    click.echo(f"auditor: {stats.written:,} documents written to {config.out} ({stats.ok:,} audited, "
               f"{stats.errors:,} errors, {stats.skipped:,} skipped{done}{twice}) in {stats.elapsed:.1f} s "
               f"({rate:,.1f} documents/s); {config.db} holds {stats.recorded:,}", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="JSONL results, one line per document.")
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite results store (default: next to --out, .sqlite).")
@click.option("--workers", type=click.IntRange(0), help="Worker processes (default: all cores; 0: in this process).")
@click.option("--chunk-size", type=click.IntRange(1), default=8, show_default=True, help="Documents per task.")
@click.option("--timeout", type=click.FloatRange(0), default=30.0, show_default=True,
              help="Seconds one document may take (0: no limit).")
@click.option("--resume", is_flag=True, help="Continue a run: skip documents already in the store.")
@click.option("--overwrite", is_flag=True, help="Start again even if the store holds results.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="A local process pool, or Dask (pip install \"health-auditor[dask]\").")
@click.option("--scheduler", help="Dask scheduler address (default: start a local cluster).")
@click.option("--id-field", default="id", show_default=True, help="JSONL field with the document id.")
@click.option("--url-field", default="url", show_default=True, help="JSONL field with the URL.")
@click.option("--html-field", default="html", show_default=True, help="JSONL field with HTML.")
@click.option("--text-field", default="text", show_default=True, help="JSONL field with plain text.")
@click.option("--include", multiple=True, help="Glob of files to read inside directories.")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip.")
@click.option("--config", type=click.Path(dir_okay=False), help="Configuration file.")
@click.option("--select", multiple=True, callback=split_selectors,
                     help="Rules, prefixes, names or categories to run (repeatable, or comma-separated).")
@click.option("--ignore", multiple=True, callback=split_selectors,
                     help="Rules, prefixes, names or categories to skip (repeatable, or comma-separated).")
@click.option("--max-bytes", type=click.IntRange(1), help="Refuse documents larger than this (default 20 MB).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--strict", is_flag=True,
              help="Exit 1 when any document became an error record (default: 0 once the run completes).")
@guarded
def batch(inputs: tuple[str, ...], out: str, db: str | None, **opts: Any) -> None:
    """Audit many documents (directories, globs, JSONL, WARC) into JSONL and an SQLite store."""
    from auditor.batch import resume_hint, run_batch

    if opts["scheduler"] and opts["engine"] != "dask":
        fail("--scheduler needs --engine dask")
    strict = opts.pop("strict")
    config = _batch_config(inputs, out, db, **opts)
    stats = run_batch(config)
    if stats.interrupted:
        click.echo(f"auditor: interrupted; {stats.recorded:,} documents are recorded in {config.db} and "
                   f"{config.out}. To continue:\n  {resume_hint()}", err=True)
        raise SystemExit(130)
    if not stats.written and not stats.resumed and not stats.skipped:
        if not stats.recorded:  # leave no empty results behind to be mistaken for a finished run
            for path in (str(config.out), str(config.db), f"{config.db}-wal", f"{config.db}-shm"):
                Path(path).unlink(missing_ok=True)
        fail(f"{', '.join(inputs)}: no documents found (check the paths and --include/--exclude)")
    _report(stats, config)
    if strict and stats.errors:
        # A crawl always has some bad pages, so by default they are data, not a failed run.
        click.echo(f"auditor: {stats.errors:,} documents failed (--strict); see the error records in {config.out}",
                   err=True)
        raise SystemExit(1)


@main.command("batch-export")
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write CSV here.")
@click.option("--parquet", "parquet_path", type=click.Path(dir_okay=False), help="Write Parquet here (needs pyarrow).")
@click.option("--table", type=click.Choice(["documents", "findings"]), default="documents", show_default=True,
              help="One row per document (with dimension scores and category counts) or per finding.")
@guarded
def batch_export(db: str, csv_path: str | None, parquet_path: str | None, table: str) -> None:
    """Export the results store DB of a batch as CSV and/or Parquet."""
    from auditor.batch.export import export_csv, export_parquet
    from auditor.batch.store import Store, is_store

    if not (csv_path or parquet_path):
        fail("give --csv FILE and/or --parquet FILE")
    if not is_store(db):
        fail(f"{db}: not a results store (an SQLite file written by auditor batch)")
    store = Store(db, readonly=True)
    try:
        for path, export in ((csv_path, export_csv), (parquet_path, export_parquet)):
            if path:
                count = export(store, Path(path), table)
                click.echo(f"auditor: wrote {count:,} rows to {path}", err=True)
    finally:
        store.close()


@main.command()
@click.argument("results", type=click.Path(dir_okay=False))
@click.option("--markdown", "markdown_path", type=click.Path(dir_okay=False), help="Also write Markdown here.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Also write a self-contained HTML page here.")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="Rows in each top-N list.")
@guarded
def summarize(results: str, markdown_path: str | None, html_path: str | None, top: int) -> None:
    """Summarize a batch's RESULTS (the SQLite store or the JSONL): scores, grades, rules, domains."""
    from auditor.batch.summarize import render_markdown, render_text
    from auditor.batch.summarize import summarize as run
    from auditor.batch.summary_html import render_html

    if not Path(results).is_file():
        fail(f"{results}: no such file")
    summary = run(Path(results))
    click.echo(render_text(summary, top), nl=False)
    for path, render in ((markdown_path, render_markdown), (html_path, render_html)):
        if path:
            Path(path).write_text(render(summary, top), encoding="utf-8")
            click.echo(f"auditor: wrote {path}", err=True)
