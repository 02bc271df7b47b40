"""Input iteration: directories, globs and files of documents, JSONL files and WARC files.

Everything is a generator: a directory is walked, a JSONL file read line by line and a WARC
record by record, so memory stays flat however large the inputs are.
"""
from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from auditor.batch.items import Item, failed
from auditor.errors import InputError
from auditor.ingest.detect import format_from_name
from auditor.ingest.sources import DEFAULT_INCLUDE, iter_paths, read_bytes

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
DOCUMENT_INCLUDE = DEFAULT_INCLUDE + tuple(f"{pattern}.gz" for pattern in DEFAULT_INCLUDE)


@dataclass(frozen=True)
class JsonlFields:
    """Which JSONL fields hold the id, the URL and the body (HTML preferred over text)."""

    id: str = "id"
    url: str = "url"
    html: str = "html"
    text: str = "text"


@dataclass(frozen=True)
class SourceOptions:
    """How inputs are found and read."""

    fields: JsonlFields = JsonlFields()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_bytes: int = 20 * 1024 * 1024
    skip_paths: tuple[str, ...] = ()


def input_kind(path: str) -> str:
    """``jsonl``, ``warc`` or ``document``, by the file name."""
    lowered = path.lower()
    if lowered.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lowered.endswith(WARC_SUFFIXES):
        return "warc"
    return "document"


def is_glob(text: str) -> bool:
    """True when ``text`` is a glob pattern rather than a path."""
    return any(ch in text for ch in "*?[") and not os.path.exists(text)


def check_inputs(inputs: Sequence[str]) -> None:
    """Raise InputError for an input that is neither an existing path nor a matching glob."""
    for raw in inputs:
        if is_glob(raw):
            if next(glob.iglob(raw, recursive=True), None) is None:
                raise InputError(raw, "glob matches no files")
        elif not os.path.exists(raw):
            raise InputError(raw, "no such file or directory")


def expand(inputs: Sequence[str], options: SourceOptions) -> Iterator[str]:
    """Yield input files: globs expanded (sorted), directories walked, files as given."""
    skip = {os.path.abspath(p) for p in options.skip_paths}
    include = options.include or DOCUMENT_INCLUDE
    for raw in inputs:
        paths: Iterable[str]
        if is_glob(raw):
            paths = sorted(p for p in glob.glob(raw, recursive=True) if os.path.isfile(p))
        elif os.path.isdir(raw):
            paths = _walk(raw, include, options.exclude)
        else:
            paths = [raw]
        for path in paths:
            if os.path.abspath(path) not in skip:
                yield path


def _walk(directory: str, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    try:
        yield from iter_paths([directory], include, exclude)
    except InputError:
        return  # an empty directory adds no documents; the run summary shows the count


def iter_items(inputs: Sequence[str], options: SourceOptions | None = None) -> Iterator[Item]:
    """Yield one Item per input document, lazily, in a stable order."""
    from auditor.batch.jsonl import iter_jsonl
    from auditor.batch.warc import iter_warc

    options = options or SourceOptions()
    for path in expand(inputs, options):
        kind = input_kind(path)
        if kind == "jsonl":
            yield from iter_jsonl(path, options.fields, options.max_bytes)
        elif kind == "warc":
            yield from iter_warc(path, options.max_bytes)
        else:
            yield read_document(path, options.max_bytes)


def read_document(path: str, max_bytes: int) -> Item:
    """One document file (HTML, Markdown, text, or any of them gzip-compressed)."""
    key = os.path.abspath(path)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        return failed(key, path, exc.strerror or str(exc))
    if not path.lower().endswith(".gz"):
        try:
            return Item(key=key, source=path, data=read_bytes(path, max_bytes), size=size)
        except InputError as exc:
            return failed(key, path, exc.problem, size)
    inner = path[:-3]
    try:
        data = _gunzip(path, max_bytes)
    except InputError as exc:
        return failed(key, path, exc.problem, size)
    return Item(key=key, source=path, data=data, format=format_from_name(inner), size=size)


def _gunzip(path: str, max_bytes: int) -> bytes:
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except EOFError as exc:
        raise InputError(path, f"truncated gzip file: {exc}") from exc
    except (OSError, zlib.error) as exc:
        raise InputError(path, f"corrupt gzip file: {exc}") from exc
    if len(data) > max_bytes:
        raise InputError(path, f"input is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return data


def total_size(inputs: Sequence[str], options: SourceOptions) -> int:
    """The bytes all inputs hold (a stat-only pass), for the progress bar's ETA."""
    total = 0
    for path in expand(inputs, options):
        try:
            total += os.path.getsize(path)
        except OSError:
            continue
    return total
