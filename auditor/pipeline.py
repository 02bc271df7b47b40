"""The one place the stages meet: ingest -> normalize -> rules -> tone -> scorecard.

``check``, ``batch`` and the Dask engine all call :func:`audit`, so a page is audited the same
way wherever it runs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auditor.config import Settings
from auditor.engine import load_pack, run
from auditor.engine.run import enabled_rules
from auditor.errors import AuditorError, InputError
from auditor.ingest import read_input
from auditor.normalize import Limits, normalize, normalize_string
from auditor.records import Document, Finding


@dataclass(frozen=True)
class AuditResult:
    """Everything the audit of one document produced."""

    source: str
    document: Document | None
    findings: tuple[Finding, ...] = ()
    tone: Any = None
    scorecard: Any = None
    error: str | None = None
    # Why an audited document has no scorecard ("the content rules did not run", "too short").
    not_scored: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the document could be audited."""
        return self.error is None


# Engine notices that mean the content rules did not run.
NOT_AUDITED = frozenset({"HC904", "HC906"})


def audit(document: Document, settings: Settings | None = None, tone: bool = True) -> AuditResult:
    """Run the rules, the tone model and the scorecard over one Document."""
    settings = settings or Settings()
    pack = load_pack(settings.extend_rule_paths)
    enabled = enabled_rules(pack, settings, document.source)  # the report's rules, and the scorecard's dimensions
    findings = tuple(run(pack, document, settings, enabled))
    if not tone:
        return AuditResult(document.source, document, findings, not_scored="tone and score not requested")
    if any(f.rule in NOT_AUDITED for f in findings):
        # A page in another language or a bot check was not audited for content: a score of
        # 100 would say it is flawless.
        return AuditResult(document.source, document, findings, not_scored="the content rules did not run")
    tone_result = _tone(document, findings, settings.tone_model)
    reason = _unscorable(document)
    if reason is not None:
        return AuditResult(document.source, document, findings, tone_result, not_scored=reason)
    scorecard = _score(document, findings, tone_result, settings, pack, enabled)
    return AuditResult(document.source, document, findings, tone_result, scorecard)


def audit_text(text: str, format: str = "text", settings: Settings | None = None,  # noqa: A002
               source: str = "<string>") -> AuditResult:
    """Audit a string already in memory."""
    settings = settings or Settings()
    limits = Limits(settings.max_blocks, settings.max_sentence_chars)
    return audit(normalize_string(text, format, source, limits), settings)


def audit_path(source: str, settings: Settings | None = None, data: bytes | None = None,
               tone: bool = True, format: str | None = None) -> AuditResult:  # noqa: A002
    """Read, normalize and audit one input; an unreadable input becomes an error result."""
    settings = settings or Settings()
    try:
        limits = Limits(settings.max_blocks, settings.max_sentence_chars)
        document = normalize(read_input(source, data, max_bytes=settings.max_bytes, format=format), limits)
    except InputError as exc:
        return AuditResult(source, None, error=exc.problem)
    except AuditorError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop a batch
        return AuditResult(source, None, error=f"could not normalize: {type(exc).__name__}: {exc}")
    return audit(document, settings, tone)


def _tone(document: Document, findings: tuple[Finding, ...], model_path: str | None = None) -> Any:
    from auditor.tone import default_model, score_document

    return score_document(document, default_model(model_path), findings=list(findings))


def _unscorable(document: Document) -> str | None:
    from auditor.score import unscorable

    return unscorable(document)


def _score(document: Document, findings: tuple[Finding, ...], tone: Any, settings: Settings, pack: Any,
           enabled: set[str]) -> Any:
    from auditor.score import assessed_dimensions, build_scorecard

    # A dimension no enabled rule feeds is not assessed: scoring it 100 would hide the narrowing.
    categories = {pack.specs[code].category for code in enabled}
    return build_scorecard(document, findings, tone, settings, pack.version, assessed_dimensions(categories))
