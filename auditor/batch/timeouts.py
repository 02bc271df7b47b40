"""A per-document time limit that works in pool workers and in Dask worker threads.

In a process's main thread (local pool workers, ``--workers 0``) the limit is a POSIX interval
timer: SIGALRM interrupts even a blocking call. Elsewhere (Dask runs tasks in threads, where
signals cannot be used) a watchdog thread raises the exception asynchronously in the auditing
thread. Either way the limit is checked between Python bytecodes, so a single C call that
never returns (one enormous regular expression match, say) is only stopped when it does.
"""
from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


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

    def _expire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                _async_raise(target, DocumentTimeout)

    timer = threading.Timer(seconds, _expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
            fired = state["fired"]
        timer.cancel()
        if fired:
            _async_raise(target, None)  # drop the exception if it is still pending
            raise DocumentTimeout


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)
