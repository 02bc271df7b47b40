"""Where chunks are audited: in this process, in a local process pool, or (dask_engine) on Dask.

Every engine submits :func:`auditor.batch.worker.audit_chunk` and hands back futures; the
runner consumes them in order. ``recover`` turns a chunk whose future failed into Outcomes.
"""
from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from auditor.batch.items import Item
from auditor.batch.worker import Outcome, audit_chunk, init_worker, make_outcome, warm_up
from auditor.config import Settings
from auditor.pipeline import AuditResult


class Engine(Protocol):
    """What the runner needs from an engine; ``slots`` is how many chunks it audits at once."""

    slots: int

    def submit(self, chunk: list[Item]) -> Any:
        """Start auditing ``chunk``; return a future of its list of Outcomes."""

    def recover(self, chunk: list[Item], exc: BaseException) -> list[Outcome]:
        """Outcomes for ``chunk`` after its future raised ``exc``."""

    def close(self, cancel: bool = False) -> None:
        """Release the workers (``cancel``: drop work not started)."""


def failed_outcomes(chunk: list[Item], reason: str) -> list[Outcome]:
    """Error records for every item of a chunk that could not be audited."""
    return [make_outcome(item, AuditResult(item.source, None, error=reason)) for item in chunk]


class InlineEngine:
    """Audits in this process (``--workers 0``): for debugging, and for tests that patch the audit."""

    def __init__(self, settings: Settings, timeout: float | None) -> None:
        self.settings, self.timeout, self.slots = settings, timeout, 1
        warm_up(settings)

    def submit(self, chunk: list[Item]) -> Future[list[Outcome]]:
        future: Future[list[Outcome]] = Future()
        future.set_result(audit_chunk(chunk, self.settings, self.timeout))
        return future

    def recover(self, chunk: list[Item], exc: BaseException) -> list[Outcome]:
        return failed_outcomes(chunk, f"internal error: {type(exc).__name__}: {exc}")

    def close(self, cancel: bool = False) -> None:
        return None


class LocalEngine:
    """A process pool; a worker that dies (a crash, the OOM killer) costs one document, not the run."""

    def __init__(self, settings: Settings, timeout: float | None, workers: int) -> None:
        self.settings, self.timeout, self.workers, self.slots = settings, timeout, workers, workers
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, initializer=init_worker, initargs=(self.settings,))

    def submit(self, chunk: list[Item]) -> Future[list[Outcome]]:
        try:
            return self.pool.submit(audit_chunk, chunk, self.settings, self.timeout)
        except BrokenProcessPool:
            self._restart()
            return self.pool.submit(audit_chunk, chunk, self.settings, self.timeout)

    def recover(self, chunk: list[Item], exc: BaseException) -> list[Outcome]:
        if not isinstance(exc, BrokenProcessPool):
            return failed_outcomes(chunk, f"internal error: {type(exc).__name__}: {exc}")
        outcomes: list[Outcome] = []
        for item in chunk:  # find the document that kills its worker: run them one at a time
            try:
                outcomes += self.submit([item]).result()
            except BrokenProcessPool:
                self._restart()
                outcomes += failed_outcomes([item], "the worker process died while auditing this document "
                                                    "(out of memory, or a crash in a parser)")
        return outcomes

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start()

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


def make_engine(name: str, settings: Settings, timeout: float | None, workers: int,
                scheduler: str | None = None) -> Engine:
    """The engine called ``name`` (``local`` or ``dask``); ``workers`` 0 means in this process."""
    if name == "dask":
        from auditor.batch.dask_engine import DaskEngine

        return DaskEngine(settings, timeout, workers, scheduler)
    if workers <= 0:
        return InlineEngine(settings, timeout)
    return LocalEngine(settings, timeout, workers)
