"""The exceptions the library raises. Findings are records, never exceptions."""
from __future__ import annotations


class AuditorError(Exception):
    """Root of every error the library raises on purpose."""

    exit_code = 2


class ConfigError(AuditorError):
    """The user's configuration is wrong: names the file, the key and the problem."""


class RuleDefinitionError(AuditorError):
    """A rule file is wrong: names the file, the rule id and the field."""


class InputError(AuditorError):
    """One document cannot be read; a batch records it and goes on."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ModelError(AuditorError):
    """A model file is missing, corrupt or does not match its checksum."""


class InternalError(AuditorError):
    """A bug in the auditor itself."""

    exit_code = 3
