"""Statistics that need a source: percentages, ranges, "1 in 3", "N times", large sums."""
from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.engine.context import DocContext
from auditor.engine.guards import is_debunked
from auditor.engine.kinds.python import register
from auditor.engine.spec import RuleSpec
from auditor.records import Finding, Span

_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a third|a quarter|half)"
STATISTIC = re.compile(
    r"(?<![\w.])(?:up to |nearly |almost |about |approximately |over |more than |around )?"
    r"(?:\d{1,3}(?:\.\d+)?\s?(?:[-–]|to)\s?\d{1,3}(?:\.\d+)?\s?(?:%|percent\b)"      # 60-80%
    r"|\d{1,3}(?:\.\d+)?\s?(?:%|percent\b)"                                           # 70%
    r"|\b(?:\d{1,3}|" + _NUMBER_WORDS + r") (?:in|out of) (?:\d{1,6}|" + _NUMBER_WORDS + r")\b"  # 1 in 3
    r"|\b\d+(?:\.\d+)?(?:-fold| times)(?= (?:more|less|higher|lower|greater|as|faster|better|likely))"  # 3 times more
    r"|(?:US\$|USD|\$|€|£)\s?\d[\d,.]*\s?(?:million|billion|trillion|bn|m)\b"          # $132 million
    r"|\b\d[\d,.]*\s?(?:million|billion) (?:people|patients|adults|americans|users|dollars)\b"
    r")",
    re.IGNORECASE,
)
# Numbers that describe the product or the reader, not a finding: doses, prices, ages, "100% natural".
_NOT_A_FINDING = re.compile(
    r"^(?:100\s?%|100 percent)$|^0\s?%$", re.IGNORECASE
)
_DISCOUNT = re.compile(r"%\s*(?:off|discount|cashback|back)\b|\bsave\s+\d", re.IGNORECASE)
_NOT_HEALTH = re.compile(r"\b(?:save|saving|savings|discount|shares?|stock|revenue|sales|market cap|off)\b\W*$", re.IGNORECASE)
_FINANCE = re.compile(r"\b(?:shares|stock|investors|revenue|profits?)\b", re.IGNORECASE)


def find_statistics(text: str) -> Iterator[re.Match[str]]:
    """Every number in ``text`` that a reader would want a source for."""
    for match in STATISTIC.finditer(text):
        if _NOT_A_FINDING.match(match.group().strip()):
            continue
        if _DISCOUNT.match(text, match.end() - 1) or _DISCOUNT.search(text[match.end() - 1:match.end() + 12]):
            continue
        if _NOT_HEALTH.search(text[max(0, match.start() - 20):match.start()]):
            continue
        yield match


@register("unsourced_statistic")
def unsourced_statistic(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A statistic with no citation in its sentence or paragraph."""
    count = 0
    for index, block in ctx.blocks_in_scope(spec):
        if ctx.is_cited(index):
            continue
        for match in find_statistics(block.text):
            start = block.span.start + match.start()
            sentence = ctx.sentence_at(start)
            if sentence is not None:
                local = start - sentence.span.start
                if is_debunked(sentence.text, local, local + len(match.group())) or _FINANCE.search(sentence.text):
                    continue
            span = Span(start, block.span.start + match.end())
            yield ctx.finding(spec, span, match.group().strip(), sentence.text if sentence else block.text)
            count += 1
            break  # one finding per paragraph: the fix (cite it) is the same
        if count >= int(spec.params.get("max_per_document", 20)):
            return
