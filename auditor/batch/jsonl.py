"""JSONL input: one document per line, with configurable id, URL and body fields."""
from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterator
from typing import IO, Any

from auditor.batch.items import Item, failed
from auditor.batch.sources import JsonlFields


def iter_jsonl(path: str, fields: JsonlFields, max_bytes: int) -> Iterator[Item]:
    """Yield one Item per non-blank line of ``path`` (``.gz`` is decompressed as it streams)."""
    base = os.path.abspath(path)
    limit = 2 * max_bytes + 1024  # room for JSON escapes around a body of max_bytes
    number = 0
    try:
        with _open(path) as handle:
            # A NUL byte never occurs in JSON text: a binary file is one error record, not one per "line".
            head = handle.read(8192)
            if b"\x00" in head:
                yield failed(f"{base}:1", path, "not a JSONL file (binary data)", len(head))
                return
            handle.seek(0)
            for number, line, problem, size in _lines(handle, limit):
                key, where = f"{base}:{number}", f"{path}:{number}"
                if problem:
                    yield failed(key, where, problem, size)
                elif line.strip():
                    yield parse_line(line, key, where, fields)
    except EOFError as exc:
        yield failed(f"{base}:{number + 1}", f"{path}:{number + 1}", f"truncated gzip file: {exc}")
    except (OSError, zlib.error) as exc:
        yield failed(f"{base}:{number + 1}", f"{path}:{number + 1}", f"unreadable JSONL file: {exc}")


def _open(path: str) -> IO[bytes]:
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]  # a GzipFile reads like IO[bytes]
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def _lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes, str | None, int]]:
    """Numbered lines, never holding more than ``limit`` bytes of one line in memory."""
    number = 0
    while True:
        line = handle.readline(limit)
        if not line:
            return
        number += 1
        if len(line) >= limit and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = handle.readline(limit)
                size += len(line)
            yield number, b"", f"line is {size:,} bytes, over the limit of {limit:,} (raise --max-bytes)", size
            continue
        yield number, line, None, len(line)


def parse_line(line: bytes, key: str, where: str, fields: JsonlFields) -> Item:
    """The Item of one JSONL line: a document, or an error naming what is wrong with it."""
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = (f"{exc.msg.removesuffix(' at')}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError)
                  else "not UTF-8")
        return failed(key, where, f"line is not valid JSON ({reason})", len(line))
    if not isinstance(record, dict):
        return failed(key, where, f"line is a JSON {type(record).__name__}, not an object", len(line))
    doc_id = _text(record.get(fields.id)) or where
    url = _text(record.get(fields.url))
    source = url or where
    for field, fmt in ((fields.html, "html"), (fields.text, "text")):
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            data = value.encode("utf-8", "replace")
            return Item(key=key, source=source, data=data, id=doc_id, url=url, format=fmt, size=len(line))
    return failed(key, source, f"record has no body (no non-empty {fields.html!r} or {fields.text!r} string field)",
                  len(line), id=doc_id)


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        text = str(value).strip()
        return text or None
    return None
