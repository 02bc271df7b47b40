"""Rule specifications: one YAML family file -> validated RuleSpec records.

Errors name the file, the line, the rule id and the field, in one line:
``rules/claims.yaml:41: HC201.params.phrases: expected a list of strings``.
"""
from __future__ import annotations

import json
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import RuleDefinitionError
from auditor.records import Severity
from auditor.resources import builtin_rules_dir


@dataclass(frozen=True)
class Example:
    """A rule example: text that must (or must not) make the rule fire."""

    text: str
    evidence: str | None = None
    format: str = "text"


@dataclass(frozen=True)
class RuleSpec:
    """Everything a rule file says about one rule."""

    id: str
    name: str
    category: str
    severity: Severity
    kind: str
    message: str
    why: str
    references: tuple[dict[str, str], ...]
    fires: tuple[Example, ...]
    passes: tuple[Example, ...]
    family: str = ""
    path: str = ""
    line: int = 0
    region: str = "main"
    blocks: tuple[str, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    weight: float = 2.0
    status: str = "stable"
    since: str = "0.1.0"
    aliases: tuple[str, ...] = ()
    # Off-by-default rules (ruff keeps many rules outside its default selection): they run only
    # when a selector names them, never through their category or an empty selection.
    default: bool = True

    @property
    def document_level(self) -> bool:
        """Rules of the metric and required kinds judge the whole document."""
        return self.kind in ("metric", "required")


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = json.loads((builtin_rules_dir() / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _node_lines(text: str) -> dict[tuple[Any, ...], int]:
    """1-based line of every mapping key and sequence item, keyed by its path."""
    lines: dict[tuple[Any, ...], int] = {}

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[path + (key.value,)] = key.start_mark.line + 1
                walk(value, path + (key.value,))
                lines[path + (key.value,)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, path + (index,))

    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return lines
    if root is not None:
        walk(root, ())
    return lines


def _example(raw: Any, default_format: str = "text") -> Example:
    if isinstance(raw, str):
        return Example(raw, None, default_format)
    fmt = {"md": "markdown", "txt": "text"}.get(raw.get("format", default_format), raw.get("format", default_format))
    return Example(raw["text"], raw.get("evidence"), fmt)


def _scope(raw: Any) -> tuple[str, tuple[str, ...]]:
    if raw is None:
        return "main", ()
    if isinstance(raw, str):
        return ("main", ("heading",)) if raw == "headings" else (raw, ())
    return raw.get("region", "main"), tuple(raw.get("blocks", ()))


def _error_path(error: Any) -> tuple[Any, ...]:
    return tuple(error.absolute_path)


def load_family(path: Path) -> list[RuleSpec]:
    """Load and validate one rule family file; raise RuleDefinitionError on the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleDefinitionError(f"{path}: cannot read rule file: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RuleDefinitionError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    lines = _node_lines(text)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        error = errors[0]
        where = _error_path(error)
        rule_id = "family"
        if len(where) >= 2 and where[0] == "rules" and isinstance(data, dict):
            try:
                rule_id = str(data["rules"][where[1]].get("id", f"rules[{where[1]}]"))
            except (IndexError, KeyError, TypeError, AttributeError):
                rule_id = f"rules[{where[1]}]"
            field_path = ".".join(str(p) for p in where[2:]) or "(rule)"
        else:
            field_path = ".".join(str(p) for p in where) or "(file)"
        line = next((lines[where[:n]] for n in range(len(where), -1, -1) if where[:n] in lines), 1)
        raise RuleDefinitionError(f"{path}:{line}: {rule_id}.{field_path}: {error.message}")
    family = data["family"]
    specs = []
    for index, raw in enumerate(data["rules"]):
        _check_placeholders(raw, path, lines.get(("rules", index), 1))
        region, blocks = _scope(raw.get("scope"))
        default_format = "text"
        specs.append(RuleSpec(
            id=raw["id"], name=raw["name"], category=raw["category"],
            severity=Severity.parse(raw["severity"]), kind=raw["kind"], message=raw["message"],
            why=" ".join(raw["why"].split()), references=tuple(raw["references"]),
            fires=tuple(_example(e, default_format) for e in raw["examples"]["fires"]),
            passes=tuple(_example(e, default_format) for e in raw["examples"]["passes"]),
            family=family, path=str(path), line=lines.get(("rules", index), 1),
            region=region, blocks=blocks, params=dict(raw.get("params") or {}),
            suggestion=raw.get("suggestion"), weight=float(raw.get("weight", 2.0)),
            status=raw.get("status", "stable"), since=str(raw.get("since", "0.1.0")),
            aliases=tuple(raw.get("aliases", ())), default=bool(raw.get("default", True)),
        ))
    return specs


# What a data rule's message may name: the matched words. Metric rules also get their figures
# and Python checks whatever they pass, so only these kinds are checked.
_DATA_KINDS = {"phrase": {"evidence"}, "pattern": {"evidence"}, "required": {"evidence"}}


def _check_placeholders(raw: dict[str, Any], path: Path, line: int) -> None:
    """A misspelt ``{placeholder}`` in a data rule's message is an error naming it, not literal text."""
    allowed = _DATA_KINDS.get(raw.get("kind", ""))
    if allowed is None:
        return
    try:
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(raw["message"]) if name is not None}
    except ValueError as exc:
        raise RuleDefinitionError(f"{path}:{line}: {raw['id']}.message: {exc}") from None
    unknown = sorted(names - allowed)
    if unknown:
        raise RuleDefinitionError(f"{path}:{line}: {raw['id']}.message: unknown placeholder {{{unknown[0]}}} "
                                  f"(a {raw['kind']} rule's message can name {{evidence}})")
