"""Scoring: findings, tone and figures -> a Scorecard with every deduction traced."""
from __future__ import annotations

from auditor.score.scorecard import (DIMENSIONS, MIN_WORDS, Deduction, Dimension, Scorecard, assessed_dimensions,
                                     build_scorecard, grade_for, unscorable)

__all__ = ["DIMENSIONS", "MIN_WORDS", "Deduction", "Dimension", "Scorecard", "assessed_dimensions", "build_scorecard",
           "grade_for", "unscorable"]
