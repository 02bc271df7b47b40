"""Running a RulePack over one Document: selection, crash isolation, overrides, suppressions."""
from __future__ import annotations

import dataclasses
import re

from auditor.config import Settings
from auditor.engine.context import DocContext, Options
from auditor.engine.registry import RulePack
from auditor.engine.suppress import apply_suppressions, parse_directives
from auditor.errors import ConfigError
from auditor.records import Document, Finding, Location, Severity

ENGLISH = "en"
# What a scraper saves instead of the article: bot checks, cookie/JavaScript walls, access denied.
INTERSTITIAL = re.compile(
    r"\b(?:make sure your browser supports javascript|(?:please )?enable (?:javascript|cookies)(?: and (?:javascript|cookies))?"
    r" (?:to|and) (?:continue|proceed|reload|view)|checking (?:your browser|if the site connection is secure)|"
    r"verify (?:that )?you are (?:a )?human|are you a robot|press (?:&|and) hold|complete the (?:captcha|security check)|"
    r"access (?:to this page )?(?:has been )?denied|you don't have permission to access|request unsuccessful\. incapsula)",
    re.IGNORECASE,
)
INTERSTITIAL_MAX_WORDS = 150


def _sort_key(finding: Finding) -> tuple[int, int, str]:
    if finding.span is None:
        return (1 << 30, 0, finding.rule)
    return (finding.span.start, finding.span.end, finding.rule)


def _crashed(pack: RulePack, ctx: DocContext, rule_id: str, exc: Exception) -> Finding:
    spec = pack.specs["HC903"]
    return ctx.finding(spec, None, f"{rule_id} ({type(exc).__name__}: {exc})", excerpt="")


def enabled_rules(pack: RulePack, settings: Settings, source: str = "") -> set[str]:
    """Codes that run for ``source`` under ``settings`` (engine rules always run).

    A selector or severity that names no rule is a ConfigError naming the configuration file and key."""
    where = f"{settings.config_path}: " if settings.config_path else ""
    for key, _level in settings.severity:
        if pack.lookup(key) is None:
            raise ConfigError(f"{where}[tool.auditor] severity.{key}: names no rule (a code, name or alias)")
    for pattern, selectors in settings.per_file_ignores:
        for selector in selectors:
            if not pack.covered(selector):
                raise ConfigError(f"{where}[tool.auditor] per-file-ignores.{pattern}: unknown rule, prefix or category {selector!r}")
    ignore = settings.ignore + settings.ignores_for(source) if source else settings.ignore
    try:
        enabled = pack.select(settings.select, ignore, settings.preview)
    except ConfigError as exc:
        # The selectors come from the command line and the configuration file alike.
        origin = f" (command line or {settings.config_path})" if settings.config_path else ""
        raise ConfigError(f"{exc}{origin}") from None
    return enabled | {code for code, spec in pack.specs.items() if spec.category == "engine" and code not in
                      {c for c in pack.specs if any(c == s.upper() for s in ignore)}}


def run(pack: RulePack, doc: Document, settings: Settings | None = None,
        enabled: set[str] | None = None) -> list[Finding]:
    """All findings for ``doc``, sorted by position, document-level findings last.

    ``enabled`` is ``enabled_rules(pack, settings, doc.source)`` when the caller has it already."""
    settings = settings or Settings()
    enabled = enabled if enabled is not None else enabled_rules(pack, settings, doc.source)
    ctx = DocContext(doc, Options(brand_names=settings.brand_names, target_grade=settings.target_grade))
    language = doc.metadata.language
    if language and language != ENGLISH:
        findings = [ctx.finding(pack.specs["HC904"], None, language, excerpt="")] if "HC904" in enabled else []
        return findings
    if len(doc.text.split()) <= INTERSTITIAL_MAX_WORDS and INTERSTITIAL.search(doc.text):
        notice = "a bot check or access notice"
        return [ctx.finding(pack.specs["HC906"], None, notice, excerpt="")] if "HC906" in enabled else []
    # Every rule of the pack runs whatever the selection, and the selection then filters the report:
    # some rules weigh what others found (the balance rules weigh pages that make a claim, HC503
    # pages that sell), and narrowing or widening the selection must not change what a selected
    # rule reports.
    running = pack.defaults(settings.preview) | enabled
    findings: list[Finding] = []
    try:
        for found in pack.phrases.run(ctx, running).values():
            findings.extend(found)
    except Exception as exc:  # noqa: BLE001 - a crashing rule becomes a finding, the run goes on
        findings.append(_crashed(pack, ctx, "phrase rules", exc))
    for rule in pack.sentence_rules:  # in run order (see load_pack)
        if rule.spec.id in running:
            ctx.findings = findings
            try:
                findings.extend(rule.run(ctx))
            except Exception as exc:  # noqa: BLE001
                if rule.spec.id in enabled:
                    findings.append(_crashed(pack, ctx, rule.spec.id, exc))
    # What rules deferred until every sentence rule had spoken (a shop's buttons, read once the
    # page is known to sell).
    ctx.findings = findings
    for rule_id, finish in ctx.deferred:
        try:
            findings.extend(finish())
        except Exception as exc:  # noqa: BLE001
            if rule_id in enabled:
                findings.append(_crashed(pack, ctx, rule_id, exc))
    findings.sort(key=_sort_key)
    ctx.findings = findings
    for doc_rule in pack.document_rules:
        if doc_rule.spec.id in running:
            try:
                findings.extend(doc_rule.run(ctx))
            except Exception as exc:  # noqa: BLE001
                if doc_rule.spec.id in enabled:
                    findings.append(_crashed(pack, ctx, doc_rule.spec.id, exc))
    # Suppressions see every finding, so a directive for a rule left out of the selection is not
    # reported as unused (HC902); the selection and the limits apply to what is left.
    findings = _suppress(_relevel(findings, settings, pack), doc, pack, ctx, enabled)
    return _cap([f for f in findings if f.rule in enabled], pack, ctx, settings.max_findings)


PER_RULE_CAP = 100


def _cap(findings: list[Finding], pack: RulePack, ctx: DocContext, limit: int) -> list[Finding]:
    """At most PER_RULE_CAP findings per rule and ``limit`` in all; say so when anything was cut."""
    per_rule: dict[str, int] = {}
    kept = []
    for finding in findings:
        per_rule[finding.rule] = per_rule.get(finding.rule, 0) + 1
        if per_rule[finding.rule] <= PER_RULE_CAP:
            kept.append(finding)
    dropped = len(findings) - len(kept)
    if len(kept) > limit:
        dropped += len(kept) - limit
        kept = kept[:limit]
    if dropped:
        kept.append(ctx.finding(pack.specs["HC905"], None, f"{dropped:,}", excerpt=""))
    return kept


def _relevel(findings: list[Finding], settings: Settings, pack: RulePack) -> list[Finding]:
    if not settings.severity:
        return findings
    levels: dict[str, Severity] = {}
    for key, level in settings.severity:
        spec = pack.lookup(key)
        if spec is not None:
            levels[spec.id] = Severity.parse(level)
    return [dataclasses.replace(f, severity=levels[f.rule]) if f.rule in levels else f for f in findings]


def _suppress(findings: list[Finding], doc: Document, pack: RulePack, ctx: DocContext, enabled: set[str]) -> list[Finding]:
    directives = parse_directives(doc.source_text)
    if not directives:
        return findings
    kept = apply_suppressions(findings, directives)
    if "HC902" in enabled:
        spec = pack.specs["HC902"]
        for directive in directives:
            if directive.selectors and not directive.used:
                # A typo ("HC999", "hpye") suppresses nothing forever: say it names no rule.
                named = [s if pack.covered(s) else f"{s} (no such rule, prefix or category)" for s in directive.selectors]
                unused = ctx.finding(spec, None, ", ".join(named), excerpt="")
                location = Location(directive.line, 1, directive.line, 1)
                kept.append(dataclasses.replace(unused, location=location))
    return kept
