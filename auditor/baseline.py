"""Baselines: record today's findings so CI fails only on new ones.

Findings are matched by source, rule and fingerprint (a hash of the rule, the sentence and
the evidence), not by line number, so edits elsewhere in the file do not bring them back.
Sources are recorded relative to the baseline file's folder, so a baseline matches whatever
folder the check runs from.
"""
from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from pathlib import Path

from auditor.errors import ConfigError
from auditor.pipeline import AuditResult

FORMAT = "auditor-baseline/1"


def _relative(source: str, baseline: str) -> str:
    """``source`` as recorded in the baseline at ``baseline``: relative to the baseline's folder."""
    if source == "-" or "://" in source:
        return source
    folder = Path(baseline).resolve().parent
    return Path(os.path.relpath(Path(source).resolve(), folder)).as_posix()


def write_baseline_file(path: str, results: list[AuditResult]) -> int:
    """Write every current finding to ``path`` (atomically); return how many."""
    entries = [{"source": source, "rule": f.rule, "fingerprint": f.fingerprint, "evidence": f.evidence}
               for r in results for source in (_relative(r.source, path),) for f in r.findings]
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps({"format": FORMAT, "findings": entries}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(target)
    return len(entries)


def load_baseline(path: str) -> Counter[tuple[str, str, str]]:
    """The findings recorded in a baseline file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter((e["source"], e["rule"], e["fingerprint"]) for e in entries)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: baseline file not found (create it with --write-baseline)") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a baseline file ({type(exc).__name__}: {exc})") from exc


def apply_baseline(path: str, results: list[AuditResult]) -> list[AuditResult]:
    """``results`` without the findings the baseline already records."""
    known = load_baseline(path)
    out = []
    for result in results:
        kept = []
        source = _relative(result.source, path)
        for finding in result.findings:
            key = (source, finding.rule, finding.fingerprint)
            if known[key] > 0:
                known[key] -= 1
            else:
                kept.append(finding)
        out.append(dataclasses.replace(result, findings=tuple(kept)))
    return out
