"""The Dask engine: the same ``audit_chunk`` as the local pool, submitted to dask.distributed.

Chunks are submitted as futures in a bounded window, so inputs still stream: nothing is
materialised into a bag up front. By default a LocalCluster of ``workers`` single-threaded
processes is started; ``scheduler`` connects to an existing cluster instead (its workers need
``health-auditor`` installed, at the same version).
"""
from __future__ import annotations

import logging
from typing import Any

from auditor.batch.engines import failed_outcomes
from auditor.batch.items import Item
from auditor.batch.worker import Outcome, audit_chunk, warm_up
from auditor.config import Settings
from auditor.errors import ConfigError


def _import_dask() -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError('--engine dask needs Dask: pip install "health-auditor[dask]"') from exc
    return Client, LocalCluster


class DaskEngine:
    """Audits chunks on a Dask cluster (a local one unless ``scheduler`` names one)."""

    def __init__(self, settings: Settings, timeout: float | None, workers: int, scheduler: str | None) -> None:
        client_class, cluster_class = _import_dask()
        self.settings, self.timeout = settings, timeout
        self.cluster = None
        if scheduler:
            self.client = client_class(scheduler)
        else:
            self.cluster = cluster_class(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR)
            self.client = client_class(self.cluster)
        try:
            warmed = self.client.run(warm_up, settings)
            threads = self.client.nthreads()  # {worker address: threads}
            self.slots = max(sum(threads.values()), len(warmed), 1)
        except ImportError as exc:
            self.close()
            raise ConfigError(f"the Dask workers cannot import the auditor ({exc}); "
                              "install health-auditor on them") from exc

    def submit(self, chunk: list[Item]) -> Any:
        return self.client.submit(audit_chunk, chunk, self.settings, self.timeout, pure=False)

    def recover(self, chunk: list[Item], exc: BaseException) -> list[Outcome]:
        return failed_outcomes(chunk, f"Dask task failed: {type(exc).__name__}: {exc}")

    def close(self, cancel: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
