"""``auditor batch-export``: a results store as CSV or Parquet, one row per document or per finding.

Rows are streamed from SQLite in order; Parquet is written in row groups with pyarrow, which is
optional: without it the export fails with one line saying how to install it.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from auditor.batch.store import Store
from auditor.errors import ConfigError

DOCUMENT_COLUMNS = ("id", "url", "domain", "source", "status", "error", "format", "score", "grade", "promotional",
                    "findings")
FINDING_COLUMNS = ("id", "url", "domain", "rule", "name", "category", "severity", "line", "column", "message",
                   "excerpt")
_NUMERIC = {"score": "float", "promotional": "float", "findings": "int", "line": "int", "column": "int"}


def columns(store: Store, table: str) -> list[str]:
    """The export's columns: for documents, one per dimension score and one per category count too."""
    if table == "findings":
        return list(FINDING_COLUMNS)
    dims = [r[0] for r in store.conn.execute("SELECT DISTINCT dimension FROM dimensions ORDER BY 1")]
    cats = [r[0] for r in store.conn.execute("SELECT DISTINCT category FROM categories ORDER BY 1")]
    return [*DOCUMENT_COLUMNS, *(f"dimension_{d}" for d in dims), *(f"count_{c}" for c in cats)]


def rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    """Export rows, streamed in the order the documents were recorded."""
    conn = store.conn
    if table == "findings":
        query = ("SELECT d.id, d.url, d.domain, f.rule, f.name, f.category, f.severity, f.line, f.\"column\", "
                 "f.message, f.excerpt FROM findings f JOIN documents d ON d.seq = f.seq ORDER BY f.seq, f.rowid")
        for row in conn.cursor().execute(query):
            yield dict(zip(FINDING_COLUMNS, row, strict=True))
        return
    query = "SELECT seq, " + ", ".join(DOCUMENT_COLUMNS) + " FROM documents ORDER BY seq"
    for seq, *values in conn.cursor().execute(query):
        row = dict(zip(DOCUMENT_COLUMNS, values, strict=True))
        for dim, score in conn.execute("SELECT dimension, score FROM dimensions WHERE seq = ?", (seq,)):
            row[f"dimension_{dim}"] = score
        for cat, count in conn.execute("SELECT category, count FROM categories WHERE seq = ?", (seq,)):
            row[f"count_{cat}"] = count
        yield row


def export_csv(store: Store, path: Path, table: str = "documents") -> int:
    """Write the rows as CSV; return how many."""
    names = columns(store, table)
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=names, restval="")
        writer.writeheader()
        for row in rows(store, table):
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
            count += 1
    return count


def export_parquet(store: Store, path: Path, table: str = "documents", batch: int = 10_000) -> int:
    """Write the rows as Parquet (needs pyarrow); return how many."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("--parquet needs pyarrow, which is not installed (pip install pyarrow)") from None
    names = columns(store, table)
    schema = pa.schema([(n, _arrow_type(pa, n)) for n in names])
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        buffer: list[dict[str, Any]] = []
        for row in rows(store, table):
            buffer.append(row)
            if len(buffer) >= batch:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                count, buffer = count + len(buffer), []
        if buffer or not count:
            writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
            count += len(buffer)
    return count


def _arrow_type(pa: Any, name: str) -> Any:
    if name.startswith("dimension_") or _NUMERIC.get(name) == "float":
        return pa.float64()
    if name.startswith("count_") or _NUMERIC.get(name) == "int":
        return pa.int64()
    return pa.string()
