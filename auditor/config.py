"""Configuration: ``[tool.auditor]`` in pyproject.toml or ``.auditor.toml``, found by walking up.

Layers, as ruff does it: packaged defaults, then the nearest config file, then command-line
options; the result is one frozen Settings passed explicitly to every stage.
"""
from __future__ import annotations

import difflib
import fnmatch
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from auditor._compat import tomllib
from auditor.errors import ConfigError
from auditor.records import Severity

FAIL_ON = ("info", "warning", "error", "never")
KEYS = {
    "select", "extend-select", "ignore", "severity", "extend-rule-paths", "brand-names",
    "target-grade", "fail-on", "min-score", "preview", "per-file-ignores", "max-bytes",
    "baseline", "include", "exclude", "weights", "grades", "max-findings", "max-blocks", "max-sentence-chars",
    "tone-model",
}


@dataclass(frozen=True)
class Settings:
    """Resolved configuration for one run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    extend_rule_paths: tuple[str, ...] = ()
    brand_names: tuple[str, ...] = ()
    target_grade: float = 8.0
    fail_on: str = "error"
    min_score: float | None = None
    preview: bool = False
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_bytes: int = 20 * 1024 * 1024
    max_findings: int = 500
    max_blocks: int = 20_000
    max_sentence_chars: int = 2_000
    baseline: str | None = None
    tone_model: str | None = None  # a model from `auditor train`; None: the shipped one
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    weights: tuple[tuple[str, float], ...] = ()
    grades: tuple[tuple[str, float], ...] = ()
    config_path: str | None = None
    root: str = "."

    def ignores_for(self, source: str) -> tuple[str, ...]:
        """Selectors ignored for ``source`` by ``per-file-ignores`` (globs relative to the config)."""
        if not self.per_file_ignores:
            return ()
        try:
            rel = Path(source).resolve().relative_to(Path(self.root).resolve()).as_posix()
        except ValueError:
            rel = Path(source).as_posix()
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(source).name, pattern):
                out.extend(selectors)
        return tuple(out)

    def fail_level(self) -> Severity | None:
        """The severity at which the run fails, or None for ``never``."""
        return None if self.fail_on == "never" else Severity.parse(self.fail_on)


def _problem(path: Path, key: str, message: str) -> ConfigError:
    return ConfigError(f"{path}: [tool.auditor] {key}: {message}")


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _problem(path, key, "expected a list of strings")
    return tuple(value)


def _number_map(path: Path, key: str, value: Any) -> tuple[tuple[str, float], ...]:
    if not isinstance(value, dict) or not all(isinstance(v, (int, float)) for v in value.values()):
        raise _problem(path, key, "expected a table of numbers")
    return tuple((str(k), float(v)) for k, v in value.items())


def parse_table(table: dict[str, Any], path: Path) -> dict[str, Any]:
    """Validate one ``[tool.auditor]`` table into Settings keyword arguments."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, sorted(KEYS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise _problem(path, key, f"unknown option{hint}")
        name = key.replace("-", "_")
        if key in ("select", "extend-select", "ignore", "brand-names", "include", "exclude"):
            out[name] = _strings(path, key, value)
        elif key == "extend-rule-paths":
            out[name] = tuple(str((path.parent / p).resolve()) for p in _strings(path, key, value))
        elif key == "severity":
            if not isinstance(value, dict):
                raise _problem(path, key, "expected a table of rule = level")
            for rule, level in value.items():
                try:
                    Severity.parse(level)
                except ValueError as exc:
                    raise _problem(path, f"severity.{rule}", str(exc)) from None
            out[name] = tuple((str(k), str(v)) for k, v in value.items())
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise _problem(path, key, "expected a table of glob = [rules]")
            out[name] = tuple((str(k), _strings(path, f"{key}.{k}", v)) for k, v in value.items())
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise _problem(path, key, f"expected one of {', '.join(FAIL_ON)}")
            out[name] = value
        elif key in ("target-grade", "min-score"):
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise _problem(path, key, "expected a number")
            if key == "min-score" and not 0 <= value <= 100:
                raise _problem(path, key, "expected a score from 0 to 100")
            if key == "target-grade" and not 0 < value <= 30:
                raise _problem(path, key, "expected a reading grade above 0 (8 is the default)")
            out[name] = float(value)
        elif key in ("max-bytes", "max-findings", "max-blocks", "max-sentence-chars"):
            if not isinstance(value, int) or value <= 0:
                raise _problem(path, key, "expected a positive whole number")
            out[name] = value
        elif key == "preview":
            out[name] = bool(value)
        elif key in ("baseline", "tone-model"):
            if not isinstance(value, str):
                raise _problem(path, key, "expected a file path")
            out[name] = str((path.parent / value).resolve())
        elif key in ("weights", "grades"):
            out[name] = _number_map(path, key, value)
    if "extend_select" in out:
        out["select"] = out.get("select", ()) + out.pop("extend_select")
    return out


def _read_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("auditor")
        return table if isinstance(table, dict) else None
    return data.get("tool", {}).get("auditor", data) if isinstance(data, dict) else None


@lru_cache(maxsize=256)
def find_config(start: str) -> Path | None:
    """The nearest ``.auditor.toml`` or ``pyproject.toml`` with ``[tool.auditor]`` above ``start``."""
    path = Path(start).resolve()
    directory = path if path.is_dir() else path.parent
    for folder in (directory, *directory.parents):
        dotfile = folder / ".auditor.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _read_table(pyproject) is not None:
            return pyproject
    return None


def load_settings(start: str = ".", config_file: str | None = None, **overrides: Any) -> Settings:
    """Settings for files under ``start``: the nearest config file, then ``overrides``.

    ``overrides`` are Settings fields from the command line; None values are ignored, and
    ``extend_select``/``extend_ignore`` add to the file's lists instead of replacing them.
    """
    path = Path(config_file) if config_file else find_config(start)
    kwargs: dict[str, Any] = {}
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        table = _read_table(path) or {}
        kwargs = parse_table(table, path)
        kwargs["config_path"] = str(path)
        kwargs["root"] = str(path.parent)
    settings = Settings(**kwargs)
    extra_select = overrides.pop("extend_select", None) or ()
    extra_ignore = overrides.pop("extend_ignore", None) or ()
    clean = {k: v for k, v in overrides.items() if v is not None and v != ()}
    settings = replace(settings, **clean)
    if extra_select or extra_ignore:
        settings = replace(settings, select=settings.select + tuple(extra_select),
                           ignore=settings.ignore + tuple(extra_ignore))
    if settings.fail_on not in FAIL_ON:
        raise ConfigError(f"fail-on: expected one of {', '.join(FAIL_ON)}, got {settings.fail_on!r}")
    return settings


__all__ = ["Settings", "find_config", "load_settings", "field"]
