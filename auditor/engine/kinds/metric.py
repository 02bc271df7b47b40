"""Document metrics compared with a threshold: reading grade and friends.

A metric is a function of the document's main text; the rule fires once for the document
when the metric passes its threshold. Thresholds may name a configuration option (for
example ``target_grade``) so users can move them.
"""
from __future__ import annotations

from collections.abc import Callable

from auditor.engine.context import DocContext
from auditor.engine.kinds._guarded import reject_unknown
from auditor.engine.spec import RuleSpec
from auditor.errors import RuleDefinitionError
from auditor.metrics.readability import readability, reading_text
from auditor.records import Finding

PARAMS = frozenset({"metric", "threshold", "threshold_option", "above", "min_words"})
METRICS: dict[str, Callable[[DocContext], dict[str, float]]] = {
    "reading_grade": lambda ctx: readability(reading_text(ctx.doc.blocks)),
}


class MetricRule:
    """One compiled metric rule."""

    def __init__(self, spec: RuleSpec) -> None:
        reject_unknown(spec, PARAMS, "metric")
        name = spec.params.get("metric")
        if name not in METRICS:
            raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.metric: unknown metric "
                                      f"{name!r} (known: {', '.join(sorted(METRICS))})")
        self.spec = spec
        self.metric = METRICS[name]
        self.key = str(name)

    def run(self, ctx: DocContext) -> list[Finding]:
        """A document-level finding when the metric passes its threshold."""
        values = self.metric(ctx)
        if values.get("words", 0) < self.spec.params.get("min_words", 100):
            return []
        option = self.spec.params.get("threshold_option")
        threshold = float(getattr(ctx.options, option) if option else self.spec.params.get("threshold", 0))
        value = values[self.key]
        above = self.spec.params.get("above", True)
        if (value > threshold) if above else (value < threshold):
            shown = {k: round(v, 1) for k, v in values.items()}
            return [ctx.finding(self.spec, None, f"{value:.1f}", excerpt="", threshold=threshold, **shown)]
        return []
