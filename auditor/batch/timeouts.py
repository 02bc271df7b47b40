"""A per-document time limit that works in pool workers and in Dask worker threads.

In a process's main thread (local pool workers, ``--workers 0``) the limit is a POSIX interval
timer: SIGALRM interrupts even a blocking call. Elsewhere (Dask runs tasks in threads, where
signals cannot be used) a watchdog thread raises the exception asynchronously in the auditing
thread. Either way the limit is checked between Python bytecodes, so a single C call that
never returns (one enormous regular expression match, say) is only stopped when it does.
"""
from __future__ import annotations

import contextlib
import ctypes
import gc
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any


class DocumentTimeout(BaseException):
    """Raised inside an audit that ran past its time limit.

    A BaseException, so the pipeline's ``except Exception`` (which turns a parser bug into an
    error result) cannot swallow it.
    """


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in this thread if the block runs longer than ``seconds``."""
    if not seconds or seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def _expired(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}
    done = threading.Event()

    def _expire() -> None:
        if done.wait(seconds):
            return
        while not done.is_set():  # again and again: an exception raised inside a callback is ignored
            with lock:
                if not state["armed"]:
                    return
                state["fired"] = True
                _async_raise(target, DocumentTimeout)
            done.wait(0.05)

    _pause_gc_callbacks()
    watcher = threading.Thread(target=_expire, name="auditor-time-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        fired = _disarm(target, lock, state, done)
        _resume_gc_callbacks()
        if fired:
            raise DocumentTimeout


def _disarm(target: int, lock: threading.Lock, state: dict[str, bool], done: threading.Event) -> bool:
    """Stop the watchdog and drop a pending exception; an exception arriving meanwhile is absorbed."""
    while True:
        try:
            with lock:
                state["armed"] = False
            done.set()
            break
        except DocumentTimeout:
            continue
    with contextlib.suppress(DocumentTimeout):
        _async_raise(target, None)
    return state["fired"]


_gc_lock = threading.Lock()
_gc_saved: list[Any] = []
_gc_users = 0


def _pause_gc_callbacks() -> None:
    """Detach gc callbacks (Dask's GC diagnostics) while a limit is armed: an exception landing in one breaks it."""
    global _gc_users
    with _gc_lock:
        if _gc_users == 0:
            _gc_saved[:] = gc.callbacks
            gc.callbacks.clear()
        _gc_users += 1


def _resume_gc_callbacks() -> None:
    global _gc_users
    with _gc_lock:
        _gc_users -= 1
        if _gc_users == 0:
            gc.callbacks.extend(cb for cb in _gc_saved if cb not in gc.callbacks)
            _gc_saved.clear()


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)
