"""What runs on a worker: audit a chunk of Items and turn each into a finished Outcome.

The local pool, ``--workers 0`` and Dask all call :func:`audit_chunk`, which calls the same
``audit_path``/``audit`` as ``auditor check`` and builds the record with ``document_dict``, so a
document gets the same record whichever engine ran it.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
import time
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from auditor.batch.items import Item
from auditor.batch.timeouts import DocumentTimeout, time_limit
from auditor.config import Settings
from auditor.errors import ConfigError, ModelError, RuleDefinitionError
from auditor.pipeline import AuditResult, audit_path

FATAL = (ConfigError, RuleDefinitionError, ModelError)  # the run's problem, not the document's


@dataclass(frozen=True, slots=True)
class Outcome:
    """One finished document: its JSONL line and the columns the results store indexes."""

    key: str
    id: str
    source: str
    url: str | None
    domain: str | None
    content_hash: str
    status: str  # ok | error | skipped
    error: str | None
    format: str | None
    score: float | None
    grade: str | None
    promotional: float | None
    counts: tuple[tuple[str, int], ...]
    dimensions: tuple[tuple[str, float], ...]
    findings: tuple[tuple[Any, ...], ...]  # rule, name, category, severity, line, column, message, excerpt
    line: str  # the JSON record, without the newline
    blob: bytes  # the same, UTF-8 and zlib-compressed, for the store


def init_worker(settings: Settings) -> None:
    """Pool initializer: leave Ctrl-C to the parent, exit with it, and load the rules and model once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's stop handler, inherited by fork
    _exit_with_parent()
    warm_up(settings)


def _exit_with_parent() -> None:
    """Exit when the parent process dies (even by SIGKILL), instead of waiting for work forever."""
    parent = os.getppid()

    def _watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=_watch, name="auditor-parent-watch", daemon=True).start()


def warm_up(settings: Settings) -> None:
    """Compile the rule pack and load the tone model, so no document's time limit pays for it."""
    from auditor.pipeline import audit_text

    with contextlib.suppress(Exception):  # the first real document reports any problem
        audit_text("Warm up.", "text", settings)


def audit_chunk(items: list[Item], settings: Settings, timeout: float | None) -> list[Outcome]:
    """Audit ``items`` one by one, each under ``timeout`` seconds, and return their Outcomes."""
    return [audit_one(item, settings, timeout) for item in items]


def audit_one(item: Item, settings: Settings, timeout: float | None) -> Outcome:
    """The Outcome of one Item: audited, or an error or skip record."""
    if not item.to_audit:
        return make_outcome(item, AuditResult(item.source, None, error=item.problem or item.skip))
    try:
        with time_limit(timeout):
            result = audit_item(item, settings)
    except DocumentTimeout:
        result = AuditResult(item.source, None, error=f"timed out after {timeout:g} s (raise it with --timeout)")
    except FATAL:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not stop the batch
        result = AuditResult(item.source, None, error=f"internal error: {type(exc).__name__}: {exc}")
    return make_outcome(item, result)


def audit_item(item: Item, settings: Settings) -> AuditResult:
    """Audit one document as ``auditor check`` does; a known format (JSONL field, WARC HTML) is kept."""
    return audit_path(item.source, settings, data=item.data, format=item.format)


def make_outcome(item: Item, result: AuditResult) -> Outcome:
    """The JSONL record (``document_dict``, with the input's id and URL) and its store columns."""
    from auditor.report.model import document_dict

    record = document_dict(result)
    if item.id is not None:
        record["id"] = item.id
    if item.url is not None:
        record["url"] = item.url
    status = "ok" if result.ok else ("skipped" if item.skip else "error")
    if item.skip:
        record["skipped"] = True
    tone = record.get("tone") or {}
    line = _json_line(record)
    return Outcome(
        key=item.key, id=record["id"], source=record["source"], url=item.url,
        domain=domain_of(item.url or record.get("metadata", {}).get("canonical_url")),
        content_hash=item.content_hash, status=status, error=record.get("error"), format=record.get("format"),
        score=record.get("score"), grade=record.get("grade"), promotional=tone.get("promotional"),
        counts=tuple(sorted((record.get("counts") or {}).items())),
        dimensions=tuple((name, dim["score"]) for name, dim in sorted((record.get("dimensions") or {}).items())),
        findings=tuple((f["rule"], f["name"], f["category"], f["severity"], f["line"], f["column"], f["message"],
                        f["excerpt"]) for f in record.get("findings", ())),
        line=line, blob=zlib.compress(line.encode("utf-8"), 6),
    )


def _json_line(record: dict[str, Any]) -> str:
    """The record as one line of JSON, as the jsonl reporter writes it (ASCII-escaped if it must be)."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from the input: escape it rather than write bad UTF-8
        line = json.dumps(record, ensure_ascii=True)
    return line


def domain_of(url: str | None) -> str | None:
    """The host of ``url``, lower-cased, without a leading ``www.``; None when there is none."""
    if not url or "://" not in url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
