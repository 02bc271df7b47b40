"""Ingest: find inputs, read their bytes, decode them and detect their format."""
from __future__ import annotations

from auditor.ingest.decode import Decoded, decode_bytes
from auditor.ingest.detect import detect_format
from auditor.ingest.sources import RawInput, iter_paths, read_input

__all__ = ["Decoded", "RawInput", "decode_bytes", "detect_format", "iter_paths", "read_input"]
