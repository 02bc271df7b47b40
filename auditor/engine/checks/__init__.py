"""Built-in Python checks; importing this package registers them."""
from auditor.engine.checks import boilerplate, claims, promotion, seo, statistics

__all__ = ["boilerplate", "claims", "promotion", "seo", "statistics"]
