"""Document metrics: pure functions over text."""
