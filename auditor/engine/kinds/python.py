"""Checks written in Python for what data cannot express, registered by name."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from auditor.engine.context import DocContext
from auditor.engine.spec import RuleSpec
from auditor.errors import RuleDefinitionError
from auditor.records import Finding

Check = Callable[[DocContext, RuleSpec], Iterable[Finding]]
CHECKS: dict[str, Check] = {}


def register(name: str) -> Callable[[Check], Check]:
    """Decorator: make ``func`` available to rules as ``params.check: name``."""
    def wrap(func: Check) -> Check:
        CHECKS[name] = func
        return func
    return wrap


class PythonRule:
    """A rule whose matching is a registered Python check."""

    def __init__(self, spec: RuleSpec) -> None:
        from auditor.engine import checks  # noqa: F401 - importing registers the built-in checks

        name = spec.params.get("check")
        if name not in CHECKS:
            raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.check: unknown check "
                                      f"{name!r} (known: {', '.join(sorted(CHECKS))})")
        self.spec = spec
        self.check = CHECKS[str(name)]

    def run(self, ctx: DocContext) -> list[Finding]:
        """Findings of the check on one document."""
        return list(self.check(ctx, self.spec))
