"""The Dask engine gives the same records as the local engine, on a two-worker local cluster."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.batch.conftest import Inputs, run_cli

distributed = pytest.importorskip("dask.distributed")


def test_dask_cluster_output_equals_local(inputs: Inputs, tmp_path: Path) -> None:
    local = tmp_path / "local.jsonl"
    result = run_cli("batch", *inputs.args, "--out", str(local), "--workers", "2")
    assert result.exit_code == 0, result.output
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    try:
        remote = tmp_path / "dask.jsonl"
        result = run_cli("batch", *inputs.args, "--out", str(remote), "--engine", "dask",
                         "--scheduler", cluster.scheduler_address)
        assert result.exit_code == 0, result.output
    finally:
        cluster.close()
    def records(path: Path) -> list[dict]:
        return sorted((json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()),
                      key=lambda r: (r["id"], json.dumps(r, sort_keys=True)))

    local_records, dask_records = records(local), records(remote)
    assert len(dask_records) == inputs.documents
    assert dask_records == local_records


def test_scheduler_needs_dask_engine(inputs: Inputs, tmp_path: Path) -> None:
    result = run_cli("batch", *inputs.args, "--out", str(tmp_path / "r.jsonl"), "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2 and "--engine dask" in result.output
