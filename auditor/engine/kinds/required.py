"""Required elements: the document fires when none of the listed signs is present.

Signs are metadata fields, RE2 patterns over the main text, link kinds, or a references
section. ``when`` restricts the rule to commercial pages, pages that make claims, or advice
pages (pages that make claims and either sell or speak to the reader as "you").
"""
from __future__ import annotations

import re

from auditor.engine.context import DocContext
from auditor.engine.kinds._guarded import compile_re2, reject_unknown, strings
from auditor.engine.selling import COMMERCIAL, sells_by_findings
from auditor.engine.spec import RuleSpec
from auditor.errors import RuleDefinitionError
from auditor.records import Finding

PARAMS = frozenset({"metadata", "patterns", "not_counting", "link_kinds", "references", "when", "min_words", "region",
                    "ignore_in_press_release", "ignore_in_forum", "press_release_results", "stake_patterns", "stake_unless", "stake_disclosed"})
CONDITIONS = ("always", "commercial", "claims", "advice")
# Consumer health pages address the reader; news and research reports rarely do (measured: a
# tenth of a leaflet's sentences or more, none in the median news story or press release).
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|yourself)\b", re.IGNORECASE)
ADVICE_SHARE = 0.10
CLAIMS = ("absolute", "hype", "causal", "stat", "attribution", "risk-minimizing")
# A byline that names a desk instead of a person ("Staff report", "HealthFlash Newsroom",
# "Health Desk") does not say who is responsible for the story.
_DESK_BYLINE = re.compile(
    r"^(?:[\w&'’.-]+\s+){0,3}?(?:staff(?:\s+(?:writer|reporter|report|reports))?|newsroom|news\s+desk|(?:health\s+)?desk|wire\s+reports?)$",
    re.IGNORECASE,
)
# A forum thread or a Q&A thread of members' answers: post headers naming a member ("Reply from
# quietharbor88", "Posted by u/name", "Reply #2 | name | date", "name · Joined 2021 · 212 posts",
# "re: posted by name · 3 days ago", a "u/name" line).
_RELATIVE = r"\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago"
_SHORT_DATE = r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?"
_POST_HEADER = re.compile(
    r"^(?:(?:re:\s*)?(?:reply|posted|answered|commented|started)\s+(?:from|by)\s+@?[\w.@-]+"
    r"|reply\s*#\s*\d+\b|u/[\w-]+$|moderator:\s*\S+"
    rf"|@?[\w.@-]{{3,32}}\s*·\s*(?:reply\b|moderator\b|posted\b|joined\b|member\s+since\b|\d[\d,]*\s+posts\b|{_RELATIVE}|{_SHORT_DATE}))",
    re.IGNORECASE,
)
FORUM_MIN_POSTS = 3


class RequiredRule:
    """One compiled required-element rule."""

    def __init__(self, spec: RuleSpec) -> None:
        params = spec.params
        reject_unknown(spec, PARAMS, "required")
        self.when = params.get("when", "always")
        if self.when not in CONDITIONS:
            raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params.when: expected one of {', '.join(CONDITIONS)}")
        self.metadata = strings(params.get("metadata", []), spec, "metadata")
        self.link_kinds = strings(params.get("link_kinds", []), spec, "link_kinds")
        self.patterns = [compile_re2(p, spec, "patterns") for p in strings(params.get("patterns", []), spec, "patterns")]
        # Wording that names the element only to deny it ("has no side effects") does not count as
        # presence: its matches are blanked before ``patterns`` look.
        self.not_counting = [compile_re2(p, spec, "not_counting")
                             for p in strings(params.get("not_counting", []), spec, "not_counting")]
        self.references = bool(params.get("references", False))
        self.min_words = int(params.get("min_words", 0))
        self.region = params.get("region", "main")
        self.skip_press_release = bool(params.get("ignore_in_press_release", False))
        self.skip_forum = bool(params.get("ignore_in_forum", False))
        # Also weigh a press release that reports a result in people, whatever ``when`` says: a
        # release is the first account of a trial or a launch, claim words or not.
        self.release_results = bool(params.get("press_release_results", False))
        # A second way to fire: a sentence that names the publisher's or its researchers' stake in
        # a company (a licence, a start-up they founded), with no disclosure of it as an interest.
        self.stake = [compile_re2(p, spec, "stake_patterns") for p in strings(params.get("stake_patterns", []), spec, "stake_patterns")]
        self.stake_unless = [compile_re2(p, spec, "stake_unless") for p in strings(params.get("stake_unless", []), spec, "stake_unless")]
        self.stake_disclosed = [compile_re2(p, spec, "stake_disclosed") for p in strings(params.get("stake_disclosed", []), spec, "stake_disclosed")]
        if not (self.metadata or self.link_kinds or self.patterns or self.references):
            raise RuleDefinitionError(f"{spec.path}:{spec.line}: {spec.id}.params: name at least one of "
                                      "metadata, patterns, link_kinds or references")
        self.spec = spec

    def _skipped(self, ctx: DocContext) -> bool:
        return bool((self.skip_press_release and ctx.is_press_release) or (self.skip_forum and _is_peer_thread(ctx)))

    def _applies(self, ctx: DocContext) -> bool:
        if self.release_results and ctx.is_press_release and _reports_result_in_people(ctx.main_text()):
            return True
        if self.when == "commercial":
            return sells_by_findings(ctx, exclude_ad_slots=True)
        if self.when == "claims":
            # A story that reports an identified study's results makes its claims too, though the
            # attribution and statistics rules then stay silent (DocContext.mark_reports_source).
            return ctx.has_category(*CLAIMS, *COMMERCIAL) or ctx.reports_source
        if self.when == "advice":
            return sells_by_findings(ctx, exclude_ad_slots=True) or (ctx.has_category(*CLAIMS) and _addresses_reader(ctx) and not _reports(ctx))
        return True

    def _undeclared_stake(self, ctx: DocContext) -> str | None:
        """The first main-text sentence naming a stake in a company that is not declared as one."""
        if not self.stake:
            return None
        text = ctx.doc.text if self.region == "all" else ctx.main_text()
        if any(p.search(text) for p in self.stake_disclosed):
            return None
        for sentence in ctx.main_sentences:
            if any(p.search(sentence.text) for p in self.stake) and not any(p.search(sentence.text) for p in self.stake_unless):
                return sentence.text
        return None

    def _present(self, ctx: DocContext) -> bool:
        meta = ctx.doc.metadata
        if any(_names_someone(name, getattr(meta, name, None)) for name in self.metadata):
            return True
        if self.references and meta.has_references:
            return True
        if any(link.kind in self.link_kinds for link in ctx.doc.links):
            return True
        return self.mentions(ctx.doc.text if self.region == "all" else ctx.main_text())

    def mentions(self, text: str) -> bool:
        """True when ``text`` says what the rule looks for, not counting wording that only denies it."""
        for denial in self.not_counting:
            text = denial.sub(lambda m: " " * len(m.group(0)), text)
        return any(p.search(text) for p in self.patterns)

    def run(self, ctx: DocContext) -> list[Finding]:
        """A document-level finding when the element is missing."""
        if len(ctx.main_text().split()) < self.min_words or self._skipped(ctx):
            return []
        if self._applies(ctx) and not self._present(ctx):
            return [ctx.finding(self.spec, None, "", excerpt="")]
        stake = self._undeclared_stake(ctx)
        if stake:
            return [ctx.finding(self.spec, None, "", excerpt=stake)]
        return []


def _addresses_reader(ctx: DocContext) -> bool:
    """True when at least ``ADVICE_SHARE`` of the main-text sentences speak to the reader."""
    main = ctx.main_sentences
    return bool(main) and sum(1 for s in main if _SECOND_PERSON.search(s.text)) >= ADVICE_SHARE * len(main)


# Reported speech: "said Dr. Ruiz", "she told Reuters", "according to the researchers", "Gollub
# notes", "McHugh and her team report".
_REPORTED = re.compile(
    r"\b(?:said|says|told|according to)\b|(?:\b(?-i:[A-Z][a-z]+)|\b(?:he|she|they|team|researchers|authors))"
    r" (?:notes|noted|explains|explained|adds|added|reports?|reported|writes|wrote|points out|pointed out)\b",
    re.IGNORECASE,
)
REPORT_MIN_QUOTES = 3


def _reports(ctx: DocContext) -> bool:
    """True for a news report: ``REPORT_MIN_QUOTES`` or more main-text sentences of reported
    speech, and at least half as many as the sentences that speak to the reader (an advice
    feature that quotes a few experts still mostly talks to its reader).

    A story that quotes its sources is a report even when its headline and lede talk to the
    reader ("could slash your risk"); a reference list and a named clinical reviewer are
    the conventions of a consumer health page, and a news story attributes in its text.
    """
    reported = sum(1 for s in ctx.main_sentences if _REPORTED.search(s.text))
    addressed = sum(1 for s in ctx.main_sentences if _SECOND_PERSON.search(s.text))
    return reported >= REPORT_MIN_QUOTES and 2 * reported >= addressed


def _names_someone(field: str, value: str | None) -> bool:
    """True when a metadata value is present; an author must be more than a news desk."""
    if not value:
        return False
    return field != "author" or not _DESK_BYLINE.match(" ".join(value.split()))


def _post_headers(ctx: DocContext) -> list[int]:
    """Offsets in the text of the lines that head a member's post."""
    starts = []
    pos = 0
    for line in ctx.doc.text.split("\n"):
        # Plain-text threads run a header into its post: "Posted by jo | 11 Apr 2024 ok so ...".
        if _POST_HEADER.match(line.strip()[:160]):
            starts.append(pos)
        pos += len(line) + 1
    return starts


def _is_peer_thread(ctx: DocContext) -> bool:
    """True for a thread of members' posts whose opening post does not sell.

    Member posts are a conversation, not a publication: a byline, a date, references, a
    reviewer and a balanced account are not owed by someone asking or telling their own story,
    and a seller's reply is the forum's problem, not the page's. The thread has to open the
    page (its first post header in the first quarter of the text, so a comment section under
    an article does not count) and hold at least ``FORUM_MIN_POSTS`` posts. An opening post
    with a call to action is an advertisement dressed as a post, and is judged as one.
    """
    headers = _post_headers(ctx)
    if len(headers) < FORUM_MIN_POSTS or headers[0] >= len(ctx.doc.text) // 4:
        return False
    return not any(f.category == "cta" and f.span is not None and f.span.start < headers[1] for f in ctx.findings)


# A press release that reports a result in people: a trial, a study of patients or volunteers, a
# test's accuracy, an approval or a product reaching patients. Early-stage research (animals, cells,
# lab work) and a finding the release itself places years from patients owe no harms, alternatives
# or evidence section to a reader who cannot use them yet. Who the result is about:
_IN_PEOPLE = re.compile(
    r"\b(?:patients|participants|volunteers|people|adults|women|men|children|infants|babies"
    r"|individuals|subjects|players|athletes|students|veterans|smokers|seniors)\b",
    re.IGNORECASE,
)
# ... and that it is a result: a trial, a study, a test's accuracy, an approval or a launch.
_RESULT = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|researchers|scientists|enrolled|randomi[sz]ed|clinical|sensitivity|specificity|accuracy"
    r"|approv(?:ed|al)|clear(?:ed|ance)|FDA|launch(?:es|ed)?|now (?:available|offer(?:s|ing)?)|(?:began|begins|started|starts) offering"
    r"|first to (?:offer|use|perform))\b",
    re.IGNORECASE,
)
_EARLY_STAGE_LEAD = re.compile(
    r"\b(?:mice|mouse|rats?|rodents?|zebrafish|fruit fl(?:y|ies)|worms?|primates?|monkeys?|pigs?|dogs|sheep|yeast|animals?"
    r"|cell cultures?|cultured cells|lab[- ]grown|organoids?|in vitro|petri dish(?:es)?|test tubes?|pre-?clinical"
    r"|(?:laboratory|lab) (?:study|studies|experiments?|findings|research|work))\b",
    re.IGNORECASE,
)
_FAR_FROM_PATIENTS = re.compile(
    r"\bnot (?:yet )?(?:been )?(?:tested|tried|given) (?:in|to|on) (?:people|humans|human beings)\b"
    r"|\b(?:years|decades|a long way) (?:away )?from (?:a |an |any |being )?(?:usable |approved |available )?(?:treatment|therapy|drug|cure|test|vaccine|the clinic|patients|clinical use|use in)"
    r"|\b(?:would|could|will|is|are) (?:still |likely )?(?:be )?(?:several |many |some |at least \w+ )?years away\b",
    re.IGNORECASE,
)
RELEASE_LEAD_CHARS = 800
# A safety warning or a recall reports a hazard, not a treatment's result: nothing to weigh.
_WARNING_LEAD = re.compile(r"\b(?:consumer|safety|health|public) (?:warning|alert|advisory|notice)|\b(?:recalls?|recalled|warns? (?:residents|consumers|the public|people) not to)\b", re.IGNORECASE)
WARNING_LEAD_CHARS = 400


def _reports_result_in_people(text: str) -> bool:
    """True when a release's main text reports a result in people, its lead names neither animal,
    cell or lab work nor a safety warning or recall, and the text does not place the finding years
    from patients."""
    if not (_IN_PEOPLE.search(text) and _RESULT.search(text)) or _FAR_FROM_PATIENTS.search(text):
        return False
    return not (_EARLY_STAGE_LEAD.search(text[:RELEASE_LEAD_CHARS]) or _WARNING_LEAD.search(text[:WARNING_LEAD_CHARS]))
