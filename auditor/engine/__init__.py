"""The rule engine: rule files (data) compiled once into a RulePack and run over Documents."""
from __future__ import annotations

from auditor.engine.registry import RulePack, load_pack
from auditor.engine.run import run
from auditor.engine.spec import RuleSpec

__all__ = ["RulePack", "RuleSpec", "load_pack", "run"]
