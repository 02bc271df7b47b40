"""Where packaged data lives: the built-in rule files and the shipped tone model.

In a wheel the top-level ``rules/`` folder is installed as ``auditor/_rules``; in a source
checkout (editable install, tests) it is read from the repository.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def builtin_rules_dir() -> Path:
    """The folder holding the built-in ``*.yaml`` rule families and ``schema.json``."""
    packaged = resources.files("auditor") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def data_path(name: str) -> Path:
    """A file shipped in ``auditor/data``."""
    return Path(str(resources.files("auditor") / "data" / name))
