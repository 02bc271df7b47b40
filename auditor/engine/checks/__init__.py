"""Built-in Python checks; importing this package registers them."""
from auditor.engine.checks import boilerplate, promotion, seo, statistics

__all__ = ["boilerplate", "promotion", "seo", "statistics"]
