"""The progress bar: input bytes done (for the ETA) with documents and documents/s beside it."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any


class Progress:
    """A tqdm bar on stderr, shown only on a terminal unless ``enabled`` says otherwise."""

    def __init__(self, total: Callable[[], int], enabled: bool | None = None) -> None:
        self.bar: Any = None
        self.docs = 0
        self.resumed = 0
        self.started = time.perf_counter()
        if enabled is False or (enabled is None and not sys.stderr.isatty()):
            return
        from tqdm import tqdm

        self.bar = tqdm(total=total() or None, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
                        dynamic_ncols=True, smoothing=0.05,
                        bar_format="{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]")

    def read(self, nbytes: int) -> None:
        """``nbytes`` more of the input are done (recorded, or skipped as already recorded)."""
        if self.bar is not None and nbytes:
            self.bar.update(nbytes)

    def finished(self, count: int, resumed: int = 0) -> None:
        """``count`` documents were recorded (``resumed`` more were already recorded)."""
        self.docs += count
        self.resumed += resumed
        if self.bar is None:
            return
        rate = self.docs / max(time.perf_counter() - self.started, 1e-9)
        extra = f", {self.resumed:,} already done" if self.resumed else ""
        self.bar.set_postfix_str(f"{self.docs:,} docs, {rate:,.1f} docs/s{extra}", refresh=False)

    def close(self) -> None:
        """Remove the bar."""
        if self.bar is not None:
            self.bar.close()
