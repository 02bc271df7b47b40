"""Batch auditing: many documents (directories, JSONL, WARC) to JSONL and an SQLite store.

Local process pool or Dask, resumable, with a per-document time limit; every engine audits
through :func:`auditor.batch.worker.audit_chunk`, which calls the same pipeline as ``check``.
"""
from __future__ import annotations

from auditor.batch.items import Item
from auditor.batch.runner import BatchConfig, BatchStats, default_db, resume_hint, run_batch
from auditor.batch.sources import JsonlFields, SourceOptions, iter_items
from auditor.batch.worker import Outcome, audit_chunk, audit_item

__all__ = [
    "BatchConfig", "BatchStats", "Item", "JsonlFields", "Outcome", "SourceOptions", "audit_chunk", "audit_item",
    "default_db", "iter_items", "resume_hint", "run_batch",
]
