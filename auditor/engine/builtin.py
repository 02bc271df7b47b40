"""Engine-level rules (HC9xx): problems with running the audit rather than with the text."""
from __future__ import annotations

from auditor.engine.spec import RuleSpec
from auditor.records import Severity

_REF = ({"title": "auditor documentation: engine findings", "url": "https://github.com/health-auditor/auditor#engine-findings"},)


def _engine_rule(code: str, name: str, severity: Severity, message: str, why: str) -> RuleSpec:
    return RuleSpec(id=code, name=name, category="engine", severity=severity, kind="python",
                    message=message, why=why, references=_REF, fires=(), passes=(), family="engine",
                    path="<engine>", region="all", weight=0.0)


ENGINE_RULES = (
    _engine_rule("HC901", "unparsable-document", Severity.ERROR, "Document could not be audited: {evidence}",
                 "A document the auditor cannot read is a document nobody checked; it is reported, not skipped."),
    _engine_rule("HC902", "unused-suppression", Severity.INFO, "Suppression of {evidence} matched no finding",
                 "A suppression that no longer suppresses anything hides future findings for no reason."),
    _engine_rule("HC903", "rule-crashed", Severity.ERROR, "Rule {evidence} failed on this document",
                 "A rule that crashes must not stop the audit of the other rules; it is reported instead."),
    _engine_rule("HC905", "finding-limit-reached", Severity.INFO,
                 "{evidence} findings were not reported: the per-rule or per-document limit was reached",
                 "A page that triggers thousands of findings is spam or broken text; reporting every one helps nobody."),
    _engine_rule("HC904", "non-english-document", Severity.INFO,
                 "Document language is {evidence}; the rule pack is English, so content rules were not run",
                 "Running English phrase rules over another language produces nonsense findings."),
    _engine_rule("HC906", "not-an-article", Severity.INFO,
                 "The page is {evidence}, not an article, so content rules were not run",
                 "A scraper that meets a bot check or an access-denied page saves it like any other page; "
                 "a missing author or missing risks there says nothing about the site's health content."),
)
