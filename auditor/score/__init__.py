"""Scoring: findings, tone and figures -> a Scorecard with every deduction traced."""
from __future__ import annotations

from auditor.score.scorecard import DIMENSIONS, Deduction, Dimension, Scorecard, build_scorecard, grade_for

__all__ = ["DIMENSIONS", "Deduction", "Dimension", "Scorecard", "build_scorecard", "grade_for"]
