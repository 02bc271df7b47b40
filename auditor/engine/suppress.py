"""Inline suppressions in the audited file.

HTML and Markdown: ``<!-- auditor: disable=HC101,absolute -->`` ... ``<!-- auditor:
enable=HC101 -->``, ``<!-- auditor: disable-next-line=HC101 -->`` and ``<!-- auditor:
disable-file=HC401 -->``. Plain text: the same directive alone on a line, optionally after
``#`` or ``//``. A directive without ``=`` applies to every rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.records import Finding

DIRECTIVE = re.compile(
    r"(?:<!--\s*|^[ \t]*(?:#|//)?[ \t]*)auditor:\s*(disable-next-line|disable-file|disable|enable)"
    r"(?:\s*=\s*([A-Za-z0-9_,\s-]+?))?\s*(?:-->|$)",
    re.MULTILINE,
)


@dataclass
class Directive:
    """One suppression comment and what it covers."""

    action: str
    selectors: tuple[str, ...]
    line: int
    start: int = 0
    end: int = 10**9
    used: bool = field(default=False)

    def covers(self, finding: Finding) -> bool:
        if self.selectors and not any(_matches(s, finding) for s in self.selectors):
            return False
        if self.action == "disable-file":
            return True
        line = finding.line
        return line is not None and self.start <= line <= self.end


def _matches(selector: str, finding: Finding) -> bool:
    sel = selector.strip()
    return (sel.upper() == finding.rule or sel.lower() == finding.name or sel.lower() == finding.category
            or (sel[:2].isalpha() and finding.rule.startswith(sel.upper())))


def parse_directives(source_text: str) -> list[Directive]:
    """Every directive in the original file, with the lines it covers."""
    if "auditor:" not in source_text:
        return []
    lines = source_text.splitlines()
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    for match in DIRECTIVE.finditer(source_text):
        line = source_text.count("\n", 0, match.start()) + 1
        action = match.group(1)
        selectors = tuple(s.strip() for s in (match.group(2) or "").split(",") if s.strip())
        if action == "enable":
            for directive in open_ranges:
                if not selectors or set(selectors) & set(directive.selectors) or not directive.selectors:
                    directive.end = line
            open_ranges = [d for d in open_ranges if d.end == 10**9]
            continue
        directive = Directive(action, selectors, line)
        if action == "disable":
            directive.start = line
            open_ranges.append(directive)
        elif action == "disable-next-line":
            nxt = line + 1
            while nxt <= len(lines) and not lines[nxt - 1].strip():
                nxt += 1
            directive.start = directive.end = nxt
        directives.append(directive)
    return directives


def apply_suppressions(findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """Findings not covered by a directive; directives that covered one are marked used."""
    if not directives:
        return findings
    kept = []
    for finding in findings:
        covering = [d for d in directives if d.covers(finding)]
        for directive in covering:
            directive.used = True
        if not covering:
            kept.append(finding)
    return kept
