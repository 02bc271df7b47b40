"""Checks written in Python for what data cannot express, registered by name."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from auditor.engine.context import DocContext
from auditor.engine.spec import RuleSpec
from auditor.errors import RuleDefinitionError
from auditor.records import Finding

Check = Callable[[DocContext, RuleSpec], Iterable[Finding]]
CHECKS: dict[str, Check] = {}
T = TypeVar("T")
_PREPARED: dict[tuple[int, str], tuple[RuleSpec, Any]] = {}


def prepared(spec: RuleSpec, key: str, build: Callable[[RuleSpec], T]) -> T:
    """What a check builds from its rule's params (compiled patterns...), built once per rule.

    Checks run once per document; compiling a rule's patterns there would repeat the work for
    every page. The spec itself is kept so a rule loaded again is never served a stale entry.
    """
    cached = _PREPARED.get((id(spec), key))
    if cached is None or cached[0] is not spec:
        cached = (spec, build(spec))
        _PREPARED[(id(spec), key)] = cached
    return cached[1]


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
        # Patterns a check reads from the rule file are RE2 patterns like any rule's: a bad or
        # backtracking one fails here, naming the file, rule and field, not on the first page.
        from auditor.engine.kinds._guarded import compile_re2, strings

        for field in ("patterns", "hedged_patterns", "selling_patterns", "unless", "furniture_unless"):
            for pattern in strings(spec.params.get(field, []), spec, field):
                compile_re2(pattern, spec, field)
        self.spec = spec
        self.check = CHECKS[str(name)]

    def run(self, ctx: DocContext) -> list[Finding]:
        """Findings of the check on one document."""
        return list(self.check(ctx, self.spec))
