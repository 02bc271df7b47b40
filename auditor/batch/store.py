"""The results store: SQLite (stdlib), one committed transaction per finished document.

Besides each document's full JSON record (compressed) it keeps the columns people query:
score, grade, domain, category counts, dimension scores and findings, so "the 50 worst pages
of this domain" is one indexed query. It is also what makes a run resumable: a document is
done once its row is committed, and the JSONL output can always be rebuilt from it.
"""
from __future__ import annotations

import os
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path

from auditor import __version__
from auditor.batch.worker import Outcome

STORE_SCHEMA = "auditor-batch/1"
SQLITE_MAGIC = b"SQLite format 3\x00"

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    domain TEXT,
    content_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'skipped')),
    error TEXT,
    format TEXT,
    score REAL,
    grade TEXT,
    promotional REAL,
    findings INTEGER NOT NULL DEFAULT 0,
    record BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_id ON documents (id);
CREATE INDEX IF NOT EXISTS documents_domain_score ON documents (domain, score);
CREATE INDEX IF NOT EXISTS documents_score ON documents (score);
CREATE TABLE IF NOT EXISTS categories (
    seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    category TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (seq, category)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dimensions (
    seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (seq, dimension)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings (
    seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    name TEXT,
    category TEXT,
    severity TEXT,
    line INTEGER,
    "column" INTEGER,
    message TEXT,
    excerpt TEXT
);
CREATE INDEX IF NOT EXISTS findings_seq ON findings (seq);
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule);
CREATE TABLE IF NOT EXISTS claims (id TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY) WITHOUT ROWID;
"""


def is_store(path: str | Path) -> bool:
    """True when ``path`` is an SQLite database (by its header)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def remove_store(path: Path) -> None:
    """Delete a store and its WAL files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


class Store:
    """A results store. Writes happen in one open transaction, committed per finished document."""

    def __init__(self, path: Path | str, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
            return
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")  # durable across a killed process, which is what matters here
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(_TABLES)
        self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?), ('created_by', ?)",
                          (STORE_SCHEMA, f"auditor {__version__}"))
        self.conn.execute("BEGIN")

    def count(self) -> int:
        """How many documents are recorded."""
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def recorded_hash(self, key: str) -> str | None:
        """The content hash recorded for ``key``, or None when it is not recorded."""
        row = self.conn.execute("SELECT content_hash FROM documents WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def first_sight(self, key: str) -> bool:
        """True the first time ``key`` is seen in this run (an input named twice is read once)."""
        return self.conn.execute("INSERT OR IGNORE INTO temp.seen VALUES (?)", (key,)).rowcount == 1

    def claim(self, doc_id: str, key: str) -> str | None:
        """Claim ``doc_id`` for ``key``; return the key that claimed it first, if another did."""
        row = self.conn.execute("SELECT key FROM claims WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            self.conn.execute("INSERT INTO claims VALUES (?, ?)", (doc_id, key))
            return None
        return None if row[0] == key else str(row[0])

    def write(self, outcome: Outcome) -> bool:
        """Record one finished document and commit; True when it replaced an older record of its key."""
        try:
            replaced = self._insert(outcome)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")  # never leave half a document behind
            raise
        finally:
            self.conn.execute("BEGIN")
        return replaced

    def _insert(self, outcome: Outcome) -> bool:
        c = self.conn
        replaced = c.execute("DELETE FROM documents WHERE key = ?", (outcome.key,)).rowcount > 0
        seq = c.execute(
            "INSERT INTO documents (key, id, source, url, domain, content_hash, status, error, format, score, grade,"
            " promotional, findings, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (outcome.key, outcome.id, outcome.source, outcome.url, outcome.domain, outcome.content_hash,
             outcome.status, outcome.error, outcome.format, outcome.score, outcome.grade, outcome.promotional,
             len(outcome.findings), outcome.blob)).lastrowid
        c.executemany("INSERT INTO categories VALUES (?, ?, ?)", [(seq, k, v) for k, v in outcome.counts])
        c.executemany("INSERT INTO dimensions VALUES (?, ?, ?)", [(seq, k, v) for k, v in outcome.dimensions])
        c.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [(seq, *f) for f in outcome.findings])
        return replaced

    def lines(self) -> Iterator[str]:
        """Every recorded JSON line, in the order the documents were recorded."""
        cursor = self.conn.cursor()  # a separate cursor streams; it never loads every row at once
        for (blob,) in cursor.execute("SELECT record FROM documents ORDER BY seq"):
            yield zlib.decompress(blob).decode("utf-8")

    def close(self) -> None:
        """Close; what is pending is only bookkeeping for documents not finished, and is dropped."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self.conn.close()


def rebuild_jsonl(store: Store, out: Path) -> int:
    """Rewrite ``out`` from the store, so it holds every recorded document exactly once."""
    tmp = out.with_name(out.name + ".tmp")
    count = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        for line in store.lines():
            handle.write(line + "\n")
            count += 1
    os.replace(tmp, out)
    return count


class JsonlWriter:
    """Appends one line per finished document, flushed at once so a killed run loses none."""

    def __init__(self, path: Path) -> None:
        self.handle = open(path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed by close()

    def append(self, line: str) -> None:
        """Write one record line."""
        self.handle.write(line + "\n")
        self.handle.flush()

    def close(self) -> None:
        """Close the file."""
        self.handle.close()
