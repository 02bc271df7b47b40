"""Commands registered on the CLI group (kept apart so cli.py stays small)."""
