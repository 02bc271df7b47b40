"""WARC input (plain or .gz): one Item per HTTP response or resource record.

Records are read one at a time with warcio. Gzip decompression goes through Python's gzip
module, which raises on a truncated or corrupt stream, and a record whose body ends before its
declared length is reported, so a cut-off WARC becomes an error record instead of silently
ending early. Non-document records (request, metadata, warcinfo, revisit) are ignored.
"""
from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from typing import IO, Any

from auditor.batch.items import Item, failed

_BLANK_TAIL = 4  # the "\r\n\r\n" after the last record


class CorruptInput(Exception):
    """The compressed stream under the WARC is truncated or corrupt."""


class _Gunzip:
    """Multi-member gzip decompression that hands out every complete byte before a truncation.

    Python's GzipFile loses the data of the read that hits a cut-off stream; this keeps it, so
    the records before the cut are audited and only then does CorruptInput name the problem.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.inflater = zlib.decompressobj(31)
        self.fed = False
        self.buffer = bytearray()
        self.error: str | None = None
        self.done = False

    def read(self, size: int = -1) -> bytes:
        while (size < 0 or len(self.buffer) < size) and not self.done and self.error is None:
            self._fill()
        if not self.buffer and self.error:
            raise CorruptInput(self.error)
        size = len(self.buffer) if size < 0 else size
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    def _fill(self) -> None:
        chunk = self.raw.read(1 << 16)
        if not chunk:
            self.done = True
            if self.fed:
                self.error = "truncated gzip stream (the file ends inside a compressed member)"
            return
        try:
            while chunk:
                self.fed = True
                self.buffer += self.inflater.decompress(chunk)
                chunk = b""
                if self.inflater.eof:
                    chunk = self.inflater.unused_data
                    self.inflater, self.fed = zlib.decompressobj(31), False
        except zlib.error as exc:
            self.error = f"corrupt gzip stream ({exc})"


class _Counted:
    """A read-only stream that counts the bytes it hands out (warcio's offsets need tell())."""

    def __init__(self, stream: IO[bytes] | _Gunzip) -> None:
        self.stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count


def iter_warc(path: str, max_bytes: int) -> Iterator[Item]:
    """Yield an Item for each response/resource record of the WARC file ``path``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    base = os.path.abspath(path)
    number, last_end, position = 0, 0, 0
    with open(path, "rb") as raw:
        stream = _Counted(_Gunzip(raw) if path.lower().endswith(".gz") else raw)
        try:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                number += 1
                item = record_item(record, f"{base}#{number}", f"{path}#{number}", max_bytes)
                size, position = raw.tell() - position, raw.tell()
                if item is not None:
                    yield _sized(item, size)
                    if item.problem and item.problem.startswith("truncated"):
                        return
                last_end = iterator.get_record_offset() + iterator.get_record_length()
            if stream.count - last_end > _BLANK_TAIL:
                yield failed(f"{base}#{number + 1}", f"{path}#{number + 1}",
                             f"truncated WARC: the file ends inside record {number + 1}")
        except Exception as exc:  # noqa: BLE001 - warcio fails in many ways on a damaged file
            reason = _reason(exc, ArchiveLoadFailed)
            yield failed(f"{base}#{number + 1}", f"{path}#{number + 1}",
                         f"truncated or corrupt WARC after {number} records: {reason}")


def _reason(exc: Exception, load_failed: type[Exception]) -> str:
    if isinstance(exc, (CorruptInput, load_failed)) and str(exc).strip():
        return str(exc).strip().splitlines()[0]
    return f"unreadable record ({type(exc).__name__}: {exc})"


def _sized(item: Item, size: int) -> Item:
    from dataclasses import replace

    return replace(item, size=max(size, 0))


def record_item(record: Any, key: str, where: str, max_bytes: int) -> Item | None:
    """The Item of one WARC record, or None for a record that is not a document."""
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    source = url or where
    doc_id = url or where
    if record.rec_type == "response" and record.http_headers is None:
        return Item(key=key, source=source, id=doc_id, url=url, skip="not an HTTP response")
    body, over, problem = _read_body(record, max_bytes)
    if problem:
        return failed(key, source, problem, id=doc_id)
    headers = record.http_headers or record.rec_headers
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status and not status.startswith("2"):
        return Item(key=key, source=source, data=body, id=doc_id, url=url, skip=f"HTTP status {status}")
    if not body.strip():
        return failed(key, source, "record has no body", id=doc_id)
    content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if not _is_html(content_type, body):
        shown = content_type or "none, and the body does not look like HTML"
        return Item(key=key, source=source, data=body, id=doc_id, url=url, skip=f"not HTML (content type {shown})")
    if over:
        return failed(key, source, f"input is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)",
                      id=doc_id)
    return Item(key=key, source=source, data=body, id=doc_id, url=url, format="html")


def _read_body(record: Any, max_bytes: int) -> tuple[bytes, bool, str | None]:
    """The decoded body (at most ``max_bytes``), whether it was longer, and what is wrong with it."""
    problem = None
    try:
        body = record.content_stream().read(max_bytes + 1)
    except CorruptInput:
        raise
    except Exception as exc:  # noqa: BLE001 - a bad chunked or Content-Encoding body
        body, problem = b"", f"could not decode the record body: {type(exc).__name__}: {exc}"
    while record.raw_stream.read(1 << 16):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        problem = "truncated WARC record: its body ends before its declared length"
    return body[:max_bytes], len(body) > max_bytes, problem


def _is_html(content_type: str, body: bytes) -> bool:
    if content_type:
        return "html" in content_type
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head
