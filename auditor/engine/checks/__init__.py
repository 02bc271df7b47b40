"""Built-in Python checks; importing this package registers them."""
from auditor.engine.checks import attribution, boilerplate, claims, promotion, seo, statistics

__all__ = ["attribution", "boilerplate", "claims", "promotion", "seo", "statistics"]
