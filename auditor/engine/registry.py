"""Finding rule files and compiling them, once per process, into a RulePack."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from auditor.engine.builtin import ENGINE_RULES
from auditor.engine.kinds.metric import MetricRule
from auditor.engine.kinds.pattern import PatternRule
from auditor.engine.kinds.phrase import PhraseMatcher
from auditor.engine.kinds.python import PythonRule
from auditor.engine.kinds.required import RequiredRule
from auditor.engine.spec import RuleSpec, load_family
from auditor.errors import ConfigError, RuleDefinitionError
from auditor.resources import builtin_rules_dir

RULE_PACK_VERSION = "2026.11.14"


@dataclass
class RulePack:
    """Every rule, by code, with its compiled matcher."""

    specs: dict[str, RuleSpec]
    phrases: PhraseMatcher
    sentence_rules: list[PatternRule | PythonRule]  # in run order
    document_rules: list[RequiredRule | MetricRule]
    version: str = RULE_PACK_VERSION
    _defaults: dict[bool, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def lookup(self, key: str) -> RuleSpec | None:
        """A rule by code, name or alias (case-insensitive)."""
        key_l = key.lower()
        for spec in self.specs.values():
            if spec.id.lower() == key_l or spec.name == key_l or key_l in (a.lower() for a in spec.aliases):
                return spec
        return None

    def covered(self, selector: str) -> list[RuleSpec]:
        """The rules a selector (code, prefix, name, alias, category or ALL) names, by code."""
        return sorted((s for s in self.specs.values() if _specificity(selector, s)), key=lambda s: s.id)

    def defaults(self, preview: bool = False) -> frozenset[str]:
        """Codes the pack runs with no selection (computed once per pack and preview setting)."""
        if preview not in self._defaults:
            self._defaults[preview] = frozenset(self.select((), (), preview))
        return self._defaults[preview]

    def select(self, select: tuple[str, ...], ignore: tuple[str, ...], preview: bool = False) -> set[str]:
        """Codes enabled by ``select``/``ignore``; the most specific selector wins, ignore on ties.

        Selectors are codes, code prefixes ("HC1"), names, aliases or categories. An unknown
        selector is a ConfigError naming it. A rule marked ``default: false`` runs only when a
        selector names it (code, prefix, name, alias) or is ALL, not through its category.
        """
        for selector in select + ignore:
            if not self.covered(selector):
                raise ConfigError(f"unknown rule, prefix or category {selector!r} in select/ignore")
        enabled = set()
        selects_all = _selects_all(select)
        for code, spec in self.specs.items():
            if spec.status in ("removed",) or (spec.status == "preview" and not preview):
                continue
            chosen = max((_specificity(s, spec) for s in select), default=0) if select else 1
            if not spec.default and chosen < _NAMED and not selects_all:
                continue
            dropped = max((_specificity(s, spec) for s in ignore), default=0)
            if chosen and chosen > dropped:
                enabled.add(code)
        return enabled


# A selector at least this specific names a rule: a code prefix ("HC7"), its code, name or alias.
_NAMED = 3


def _selects_all(select: tuple[str, ...]) -> bool:
    return any(s.strip().lower() == "all" for s in select)


def _specificity(selector: str, spec: RuleSpec) -> int:
    sel = selector.strip()
    low = sel.lower()
    if low == "all":
        return 1
    if sel.upper() == spec.id or low == spec.name or low in (a.lower() for a in spec.aliases):
        return 100
    if low == spec.category:
        return 2
    if sel.upper() and spec.id.startswith(sel.upper()) and sel[:1].isalpha():
        return 2 + len(sel)
    return 0


def rule_files(extra_paths: tuple[str, ...] = ()) -> list[Path]:
    """Built-in family files, then every ``*.yaml`` in the extra rule paths."""
    files = sorted(builtin_rules_dir().glob("*.yaml"))
    for raw in extra_paths:
        path = Path(raw)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")))
        else:
            raise ConfigError(f"{raw}: extend-rule-paths entry does not exist")
    return files


@lru_cache(maxsize=8)
def load_pack(extra_paths: tuple[str, ...] = ()) -> RulePack:
    """Load, validate and compile every rule; cached, so it happens once per process."""
    specs: dict[str, RuleSpec] = {}
    names: dict[str, RuleSpec] = {}
    for spec in ENGINE_RULES:
        specs[spec.id] = spec
        names[spec.name] = spec
    for path in rule_files(extra_paths):
        for spec in load_family(path):
            if spec.id in specs:
                raise RuleDefinitionError(f"{path}:{spec.line}: {spec.id}: duplicate rule code, "
                                          f"already defined in {specs[spec.id].path}")
            if spec.name in names:
                raise RuleDefinitionError(f"{path}:{spec.line}: {spec.id}.name: duplicate rule name "
                                          f"{spec.name!r}, already used by {names[spec.name].id}")
            specs[spec.id] = spec
            names[spec.name] = spec
    phrase_specs = [s for s in specs.values() if s.kind == "phrase"]
    sentence: list[PatternRule | PythonRule] = []
    document: list[RequiredRule | MetricRule] = []
    for spec in specs.values():
        if spec.category == "engine":
            continue
        if spec.kind == "pattern":
            sentence.append(PatternRule(spec))
        elif spec.kind == "python":
            sentence.append(PythonRule(spec))
        elif spec.kind == "required":
            document.append(RequiredRule(spec))
        elif spec.kind == "metric":
            document.append(MetricRule(spec))
    # Call-to-action and testimonial rules run first, so the claim rules that ask whether the page
    # sells see its offers and reviews; rules that only apply to commercial pages run last. Sorted
    # once here rather than for every document.
    sentence.sort(key=lambda r: (r.spec.params.get("when") == "commercial", r.spec.category not in ("cta", "testimonial")))
    return RulePack(specs, PhraseMatcher(phrase_specs), sentence, document)
