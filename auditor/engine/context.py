"""Per-document state shared by every rule: positions, sentences, citations, findings so far."""
from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from auditor.engine.guards import release_furniture_start
from auditor.engine.spec import RuleSpec
from auditor.normalize.positions import LineIndex
from auditor.records import Block, Document, Finding, Location, Sentence, Span

REFERENCE_MARKER = re.compile(
    r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\s*(?:ref(?:erence)?s?\.?\s*)?\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\)"
)
PRESS_RELEASE = re.compile(
    # A dateline: an upper-case place, or "City, State", or "(City)", with an optional date.
    r"\A\W{0,3}(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z][A-Za-z.]{1,12}(?:, [A-Z][A-Za-z.]{1,12})?"
    r"|\([A-Z][A-Za-z .,]{1,40}\))(?:,? \(?(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\)?)?\s?(?:--|—|–| - |(?<=\d)-(?=[A-Z]))"
    r"|(?i:\b(?:today announced|announced today|for immediate release|embargoed|newswise|/PRNewswire/|/Business Wire/))"
    r"|(?im:^\W{0,3}(?:press|news) release\W{0,3}$)",  # the "PRESS RELEASE" label of a newsroom page
)
PRESS_FOOTER = re.compile(
    r"(?:^|\n)(?:###\s*(?:\n|$)|(?:media|press) (?:contacts?|inquiries|enquiries)\b|source:? [A-Z]|(?:media|investors?) ?: [A-Z])",
    re.IGNORECASE,
)
# Where a release's closing furniture starts: its end mark, an "About <organisation>" section,
# the media or investor contacts, the wire's SOURCE line, notes to editors.
RELEASE_FOOTER = re.compile(
    r"(?:^|\n)\s*(?:###|-30-)\s*(?:\n|$)|(?:^|\n|[.!?\"”]\s+)(?-i:About (?:the )?[A-Z])"
    r"|\n(?-i:ABOUT (?:THE )?[A-Z])"  # the same heading in capitals
    r"|(?:^|\n)(?:(?:media|press|investor) (?:contacts?|inquiries|enquiries|relations)|contacts?:|source:? [A-Z]|notes? to editors?)",
    re.IGNORECASE,
)
# A release's footer may still sell: ordering lines, a helpline offered to patients.
_SELLS = re.compile(r"\b(?:order|orders|ordering|buy|purchase|book an?|appointments?|support line|helpline)\b", re.IGNORECASE)
SEE_SOURCES = re.compile(r"\(see (?:the )?(?:sources|references|notes)(?: below)?\)", re.IGNORECASE)
NAMED_SOURCE = re.compile(r"\b(?:study|trial|review|meta-analysis|guideline|guidance|survey|report|analysis)\b", re.IGNORECASE)
AUTHOR_YEAR = re.compile(
    r"\((?:[A-Z][A-Za-z'’-]+(?:\s+(?:et al\.?|and|&)\s*(?:[A-Z][A-Za-z'’-]+)?)?),?\s+(?:19|20)\d{2}[a-z]?\)"
)


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass
class Options:
    """What rules may read from the resolved configuration."""

    brand_names: tuple[str, ...] = ()
    target_grade: float = 8.0


@dataclass
class DocContext:
    """A document plus what rules need to ask about it, computed once."""

    doc: Document
    options: Options = field(default_factory=Options)
    findings: list[Finding] = field(default_factory=list)
    # Per-document answers a check computes once and several rules ask for (keyed by the check).
    memo: dict[str, Any] = field(default_factory=dict)
    # Work a rule asks to finish once every sentence rule has run: (rule id, callable returning
    # findings). A rule whose answer depends on what later rules find defers that part here.
    deferred: list[tuple[str, Callable[[], Iterable[Finding]]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lower = lower_same_length(self.doc.text)
        self._lines = LineIndex(self.doc.source_text)
        self._sentence_starts = [s.span.start for s in self.doc.sentences]
        self._cited_blocks = {link.block for link in self.doc.links if link.kind == "citation"}

    # -- lookups -----------------------------------------------------------------------
    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence containing character ``pos`` of the text."""
        index = bisect.bisect_right(self._sentence_starts, pos) - 1
        if index >= 0:
            sentence = self.doc.sentences[index]
            if sentence.span.start <= pos < max(sentence.span.end, sentence.span.start + 1):
                return sentence
        return None

    def block_at(self, pos: int) -> tuple[int, Block] | None:
        """Index and block containing character ``pos``."""
        index = self.doc.block_of(pos)
        return (index, self.doc.blocks[index]) if index >= 0 else None

    def in_scope(self, spec: RuleSpec, block: Block) -> bool:
        """True when ``block`` is in the rule's region and block kinds."""
        if spec.region != "all" and block.region != spec.region:
            return False
        return not spec.blocks or block.kind in spec.blocks

    def is_cited(self, block_index: int, sentence: Sentence | None = None) -> bool:
        """True when the sentence or its block carries a citation.

        A citation is a link to a scholarly or official source, a reference marker ("[3]",
        a superscript), or an author-year mention when the page has a reference list.
        """
        if block_index in self._cited_blocks:
            return True
        text = self.doc.blocks[block_index].text
        if REFERENCE_MARKER.search(text) or SEE_SOURCES.search(text):
            return True
        # On a page with a reference list, a sentence that names its study or guideline points to it.
        named = NAMED_SOURCE.search(sentence.text if sentence else text)
        return self.doc.metadata.has_references and bool(AUTHOR_YEAR.search(text) or named)

    def location(self, span: Span) -> Location:
        """Line and column in the original file of a span of the text."""
        start = self.doc.original_offset(span.start)
        end = self.doc.original_offset(max(span.start, span.end - 1)) + 1
        return self._lines.location(start, end)

    @cached_property
    def _main_text(self) -> str:
        return "\n\n".join(b.text for b in self.doc.blocks if b.region == "main")

    def main_text(self) -> str:
        """The text of the main-region blocks (computed once; many rules ask)."""
        return self._main_text

    @cached_property
    def lede_end(self) -> int:
        """Index of the last block of the lede: the headline and headings up to the second
        paragraph of the main text (every block when there are fewer)."""
        paragraphs = 0
        for index, block in enumerate(self.doc.blocks):
            if block.region == "main" and block.kind == "paragraph":
                paragraphs += 1
                if paragraphs == 2:
                    return index
        return len(self.doc.blocks) - 1

    @cached_property
    def main_sentences(self) -> list[Sentence]:
        """The sentences of the main-region blocks, in order."""
        return [s for s in self.doc.sentences if self.doc.blocks[s.block].region == "main"]

    @cached_property
    def is_press_release(self) -> bool:
        """True for a press release: a dateline, "today announced", or a media-contact block.

        A release is the primary source for the study it announces, so naming that study
        without a reference is not an attribution problem.
        """
        head = self.doc.text[:1500]
        return bool(PRESS_RELEASE.search(head) or PRESS_FOOTER.search(self.doc.text[-3000:]))

    @cached_property
    def release_footer_start(self) -> int | None:
        """Offset where a press release's closing furniture starts, or None.

        Releases end with the organisation describing itself ("About X: a world leader in..."),
        contacts for journalists and investors, and the wire's notes. Praise and phone
        numbers there describe the issuer, not the treatment; some rules skip them. Only a
        marker past the first third of the text counts, so a lede that starts "About 40% of"
        is not taken for one. A release whose opening does not announce it (no dateline) is
        still known by its end mark, notes to editors or press office, wherever they sit.
        """
        text = self.doc.text
        if self.is_press_release:
            match = RELEASE_FOOTER.search(text, len(text) // 3)
            if match:
                return match.start()
        return release_furniture_start(text)

    def in_release_footer(self, start: int, block_index: int, text: str) -> bool:
        """True when offset ``start`` (in block ``block_index``, whose sentence is ``text``) lies in
        a release's closing furniture and does not sell: an ordering line, or a list that a
        selling line introduces ("To order, contact one of the following distributors:"), does."""
        footer = self.release_footer_start
        if footer is None or start < footer or _SELLS.search(text):
            return False
        for index in range(block_index - 1, max(-1, block_index - 9), -1):
            lead = self.doc.blocks[index].text.rstrip()
            if lead.endswith(":"):
                return not _SELLS.search(lead)
        return True

    def has_category(self, *categories: str) -> bool:
        """True when a finding of one of ``categories`` was already made."""
        return any(f.category in categories for f in self.findings)

    def mark_reports_source(self) -> None:
        """Note that the page reports what an identified study or named body found or recommends.
        The rule that would have flagged the claim stays silent because its source is named, but the
        page still makes the claim, and the balance rules weigh a page that makes claims."""
        self.memo["reports_source"] = True

    @property
    def reports_source(self) -> bool:
        """True once a rule noted (``mark_reports_source``) that the page reports a sourced claim."""
        return bool(self.memo.get("reports_source"))

    # -- findings -------------------------------------------------------------------------
    def finding(
        self,
        spec: RuleSpec,
        span: Span | None,
        evidence: str = "",
        excerpt: str | None = None,
        **values: object,
    ) -> Finding:
        """Build a Finding for ``spec`` at ``span`` (None for the whole document)."""
        if span is not None and excerpt is None:
            sentence = self.sentence_at(span.start)
            excerpt = sentence.text if sentence else self.doc.text[span.start:span.end]
        excerpt = excerpt or ""
        try:
            message = spec.message.format(evidence=evidence, **values)
        except (KeyError, IndexError, ValueError):
            message = spec.message
        basis = f"{spec.id}|{' '.join(excerpt.lower().split())}|{evidence.lower()}"
        return Finding(
            rule=spec.id, name=spec.name, category=spec.category, severity=spec.severity,
            message=message, excerpt=excerpt, evidence=evidence, suggestion=spec.suggestion,
            span=span, location=self.location(span) if span is not None else None,
            weight=spec.weight, fingerprint=hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16],
        )

    def blocks_in_scope(self, spec: RuleSpec) -> Iterable[tuple[int, Block]]:
        """Index and block of every block the rule looks at."""
        return ((i, b) for i, b in enumerate(self.doc.blocks) if self.in_scope(spec, b))
