"""Finding inputs (files, directories, stdin) and reading them with limits."""
from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.decode import decode_bytes
from auditor.ingest.detect import detect_format

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_INCLUDE = ("*.html", "*.htm", "*.xhtml", "*.md", "*.markdown", "*.txt", "*.text")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox")
# Marks the HTML reports the auditor writes, so a directory audit does not audit its own reports.
GENERATOR = '<meta name="generator" content="health-auditor">'


def is_own_report(path: Path) -> bool:
    """True when ``path`` is an HTML report this tool wrote (its head carries GENERATOR)."""
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with open(path, "rb") as handle:
            return GENERATOR.encode() in handle.read(2048)
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class RawInput:
    """A decoded input ready to normalize."""

    source: str
    text: str
    format: str
    encoding: str
    replaced: bool


def _matches(name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, pat) for pat in patterns)


def iter_paths(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> Iterator[str]:
    """Yield input paths: files as given, directories walked recursively in sorted order.

    Files inside directories are kept when their name matches ``include`` and neither their
    name nor their relative path matches ``exclude``, and that are not an HTML report this tool
    wrote (``is_own_report``); ``-`` stands for standard input.
    Raises InputError for a path that does not exist or a directory with no documents.
    """
    excluded = tuple(DEFAULT_EXCLUDE) + tuple(exclude)
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_file():
            yield raw
        elif path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _matches(d, excluded))
                for name in sorted(files):
                    full = Path(root) / name
                    rel = full.relative_to(path).as_posix()
                    if _matches(name, include) and not (_matches(name, excluded) or _matches(rel, excluded)) \
                            and not is_own_report(full):
                        found = True
                        yield str(full)
            if not found:
                raise InputError(raw, "directory contains no documents (looked for "
                                 + ", ".join(include) + ")")
        else:
            raise InputError(raw, "no such file or directory")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(head) > 0.1


def read_bytes(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read the bytes of ``source`` (``-`` is stdin), refusing inputs over ``max_bytes``."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            size = os.path.getsize(source)
            if size > max_bytes:
                raise InputError(source, f"input is {size:,} bytes, over the limit of {max_bytes:,} "
                                 "(raise it with --max-bytes)")
            with open(source, "rb") as handle:
                data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from exc
    if len(data) > max_bytes:
        raise InputError(source, f"input is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return data


def read_input(
    source: str,
    data: bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    format: str | None = None,  # noqa: A002 - the user-facing name
) -> RawInput:
    """Read, check and decode one input; raise InputError naming the problem."""
    if data is None:
        data = read_bytes(source, max_bytes)
    elif len(data) > max_bytes:
        raise InputError(source, f"input is over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise InputError(source, "empty document")
    if _looks_binary(data):
        raise InputError(source, "not a text document (binary content)")
    decoded = decode_bytes(data)
    fmt = format or detect_format(decoded.text, "" if source == "-" else source)
    return RawInput(source, decoded.text, fmt, decoded.encoding, decoded.replaced)
