"""The batch driver: stream Items, audit them in chunks on an engine, record each Outcome.

Memory stays bounded: at most ``window`` chunks are in flight, and the runner waits for the
oldest before reading on. Each finished document is committed to the store, then appended to
the JSONL, in input order. A killed run therefore loses nothing that was committed, and
``--resume`` rebuilds the JSONL from the store before it continues.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType
from typing import Any

from auditor.batch.engines import Engine, make_engine
from auditor.batch.items import Item
from auditor.batch.progress import Progress
from auditor.batch.sources import SourceOptions, iter_items, total_size
from auditor.batch.store import JsonlWriter, Store, is_store, rebuild_jsonl, remove_store
from auditor.batch.worker import Outcome
from auditor.config import Settings
from auditor.errors import AuditorError, ConfigError


@dataclass(frozen=True)
class BatchConfig:
    """Everything one ``auditor batch`` run needs."""

    inputs: tuple[str, ...]
    out: Path
    db: Path
    settings: Settings = field(default_factory=Settings)
    sources: SourceOptions = field(default_factory=SourceOptions)
    workers: int = 1
    chunk_size: int = 8
    timeout: float | None = 30.0
    resume: bool = False
    overwrite: bool = False
    engine: str = "local"
    scheduler: str | None = None
    progress: bool | None = None


@dataclass
class BatchStats:
    """What a run did; ``written`` counts the lines this run appended."""

    written: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    resumed: int = 0
    repeated: int = 0
    replaced: int = 0
    recorded: int = 0
    elapsed: float = 0.0
    interrupted: bool = False


def default_db(out: Path) -> Path:
    """The store's default path: next to the JSONL, ``results.jsonl`` -> ``results.sqlite``."""
    return out.with_suffix(".sqlite") if out.suffix else out.with_name(out.name + ".sqlite")


def open_outputs(config: BatchConfig) -> tuple[Store, JsonlWriter]:
    """Open the store and the JSONL: fresh, or (``resume``) the JSONL rebuilt from the store."""
    if config.db.resolve() == config.out.resolve():
        raise ConfigError(f"{config.db}: the results store and --out must be different files")
    if config.db.exists() and config.db.stat().st_size and not is_store(config.db):
        raise ConfigError(f"{config.db}: exists and is not a results store; choose another --db")
    if not config.resume and config.db.exists():
        existing = Store(config.db)
        count = existing.count()
        existing.close()
        if count and not config.overwrite:
            raise ConfigError(f"{config.db}: already holds {count:,} results; add --resume to continue "
                              "that run, or --overwrite to start again")
        remove_store(config.db)
    for path in (config.out, config.db):
        path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(config.db)
    if config.resume:
        rebuild_jsonl(store, config.out)
    else:
        config.out.write_bytes(b"")
    return store, JsonlWriter(config.out)


def run_batch(config: BatchConfig) -> BatchStats:
    """Run one batch to the end (or to Ctrl-C, with ``interrupted`` set); return its figures."""
    started = time.perf_counter()
    stats = BatchStats()
    sources = replace(config.sources, skip_paths=config.sources.skip_paths + _outputs(config),
                      max_bytes=config.settings.max_bytes)
    store, writer = open_outputs(config)
    engine: Engine | None = None
    progress = Progress(lambda: total_size(config.inputs, sources), config.progress)
    try:
        with StopRequest() as stop:
            engine = make_engine(config.engine, config.settings, config.timeout, config.workers, config.scheduler)
            _drive(iter_items(config.inputs, sources), engine, store, writer, config, stats, progress, stop)
    except KeyboardInterrupt:
        stats.interrupted = True
    finally:
        if engine is not None:
            engine.close(cancel=stats.interrupted)
        progress.close()
        writer.close()
        if stats.replaced and not stats.interrupted:
            rebuild_jsonl(store, config.out)  # a changed input replaced its record: drop the old line
        stats.recorded = store.count()
        store.close()
        stats.elapsed = time.perf_counter() - started
    return stats


def _outputs(config: BatchConfig) -> tuple[str, ...]:
    names = [str(config.out), str(config.out) + ".tmp", str(config.db)]
    return tuple(names + [str(config.db) + suffix for suffix in ("-wal", "-shm", "-journal")])


class StopRequest:
    """Ctrl-C (or SIGTERM) asks the run to stop at the next document boundary; a second one forces it."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> StopRequest:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def check(self) -> None:
        """Raise KeyboardInterrupt when a stop was asked for."""
        if self.requested:
            raise KeyboardInterrupt


def _drive(items: Iterable[Item], engine: Engine, store: Store, writer: JsonlWriter, config: BatchConfig,
           stats: BatchStats, progress: Progress, stop: StopRequest) -> None:
    window = 2 * max(engine.slots, 1) + 2
    pending: deque[tuple[list[Item], Any]] = deque()
    try:
        for chunk in _chunks(_admitted(items, store, config.resume, stats, progress, stop), config.chunk_size):
            pending.append((chunk, engine.submit(chunk)))
            while len(pending) >= window:
                chunk, future = pending.popleft()
                _record(_collect(chunk, future, engine, stop), chunk, store, writer, stats, progress)
        while pending:
            chunk, future = pending.popleft()
            _record(_collect(chunk, future, engine, stop), chunk, store, writer, stats, progress)
    except KeyboardInterrupt:
        while pending and pending[0][1].done():  # keep what had already finished
            chunk, future = pending.popleft()
            try:
                outcomes = list(future.result())
            except BaseException:  # noqa: BLE001 - stopping: a failed chunk is simply redone on resume
                break
            _record(outcomes, chunk, store, writer, stats, progress)
        raise


def _admitted(items: Iterable[Item], store: Store, resume: bool, stats: BatchStats, progress: Progress,
              stop: StopRequest) -> Iterator[Item]:
    """Items to send to the engine: inputs named twice, and (resume) documents already recorded, drop out."""
    for item in items:
        stop.check()
        if not store.first_sight(item.key):
            stats.repeated += 1
            progress.read(item.size)
            continue
        if resume and store.recorded_hash(item.key) == item.content_hash:
            stats.resumed += 1
            progress.read(item.size)
            progress.finished(0, resumed=1)
            continue
        if item.to_audit and item.id is not None:
            first = store.claim(item.id, item.key)
            if first is not None:
                item = replace(item, skip=f"duplicate id {item.id!r} (first seen at {_where(first)})")
        yield item


def _where(key: str) -> str:
    cwd = os.getcwd() + os.sep
    return key[len(cwd):] if key.startswith(cwd) else key


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _collect(chunk: list[Item], future: Any, engine: Engine, stop: StopRequest | None) -> list[Outcome]:
    while stop is not None and not future.done():  # wake up now and then to notice Ctrl-C
        stop.check()
        try:
            future.result(timeout=0.2)
        except KeyboardInterrupt:
            raise
        except BaseException:  # noqa: BLE001, S112 - a time-out (its class varies), or the task's error, raised below
            continue
    try:
        return list(future.result())
    except (AuditorError, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - the engine decides what a failed chunk becomes
        return engine.recover(chunk, exc)


def _record(outcomes: list[Outcome], chunk: list[Item], store: Store, writer: JsonlWriter, stats: BatchStats,
            progress: Progress) -> None:
    for outcome in outcomes:
        stats.replaced += store.write(outcome)
        writer.append(outcome.line)
        stats.written += 1
        if outcome.status == "ok":
            stats.ok += 1
        elif outcome.status == "skipped":
            stats.skipped += 1
        else:
            stats.errors += 1
    progress.read(sum(item.size for item in chunk))  # input counts as done once its records are written
    progress.finished(len(outcomes))


def resume_hint(argv: list[str] | None = None) -> str:
    """The command that continues an interrupted run."""
    import shlex

    args = list(sys.argv[1:] if argv is None else argv)
    if "--resume" not in args:
        args.append("--resume")
    args = [a for a in args if a != "--overwrite"]
    return "auditor " + " ".join(shlex.quote(a) for a in args)
