"""Run a rule's own examples: each ``fires`` case fires once, each ``passes`` case does not fire.

The test suite runs them for the built-in pack; ``auditor rules --check`` runs them for a team's
own rule files (``extend-rule-paths``), so a house rule cannot ship examples it contradicts.
"""
from __future__ import annotations

from auditor.config import Settings
from auditor.engine.registry import RulePack
from auditor.engine.run import run
from auditor.engine.spec import Example, RuleSpec
from auditor.normalize import normalize_string

_SUFFIX = {"markdown": "md", "html": "html"}


def example_settings(spec: RuleSpec) -> Settings:
    """The settings a rule's examples describe: the defaults, or, for an off-by-default rule, the
    rule selected."""
    return Settings() if spec.default else Settings(select=(spec.id,))


def _hits(pack: RulePack, spec: RuleSpec, example: Example) -> list:
    doc = normalize_string(example.text, example.format, "example." + _SUFFIX.get(example.format, "txt"))
    return [f for f in run(pack, doc, example_settings(spec)) if f.rule == spec.id]


def example_failures(pack: RulePack, specs: list[RuleSpec]) -> list[str]:
    """One line per example of ``specs`` that does not behave as it says: ``path:line: CODE ...``."""
    failures = []
    for spec in specs:
        where = f"{spec.path}:{spec.line}: {spec.id}"
        for index, example in enumerate(spec.fires, 1):
            hits = _hits(pack, spec, example)
            if len(hits) != 1:
                failures.append(f"{where}: fires example {index} fired {len(hits)} times: {example.text[:80]!r}")
            elif example.evidence is not None and hits[0].evidence.lower() != example.evidence.lower():
                failures.append(f"{where}: fires example {index} matched {hits[0].evidence!r}, "
                                f"not {example.evidence!r}")
        for index, example in enumerate(spec.passes, 1):
            if _hits(pack, spec, example):
                failures.append(f"{where}: passes example {index} fired: {example.text[:80]!r}")
    return failures
