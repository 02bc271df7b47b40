"""Attribution rules read beyond their sentence in news stories and press releases.

A news lede says "a new study shows" or "experts say" and names the study (journal, lead author,
institution, meeting) or quotes the expert a line or two later; a release describes its trials in
an "About the study" section. There the appeal is identified, and HealthNewsReview's editors do
not count it as vague. A selling page is different: "studies show" with the proof a scroll away
is still a vague appeal, so there the rule reads its sentence only.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.engine.context import DocContext
from auditor.engine.kinds.python import prepared, register
from auditor.engine.spec import RuleSpec
from auditor.records import Finding

# Options of this check; the rest of the rule's params are its phrase or pattern rule's.
_OWN = ("check", "base_kind", "window_evidence", "expert_evidence", "identifies_study", "names_expert",
        "names_body", "about_study_section", "identifies_study_in_sentence", "background_study", "study_window_in_lede_only",
        "one_study_story")
# Paragraphs read after the finding's own (more after the lede, which the story then explains).
WINDOW = 2
# "new research shows", "new clinical studies show": the study the story announces.
_NEW_BEFORE = re.compile(r"\bnew (?:[\w-]+ ){0,2}$", re.IGNORECASE)
LEDE_WINDOW = 4
# What may open the sentence before a bare "experts say": nothing, or a word or two of field
# ("Medical experts say", "Many cancer experts say"), not "a panel of".
_BARE_OPENING = re.compile(r"(?:(?!of\b|a\b|an\b|the\b)[A-Za-z-]+ ){0,2}")


def _build(spec: RuleSpec) -> dict:
    from dataclasses import replace

    from auditor.engine.kinds._guarded import compile_re2, strings
    from auditor.engine.kinds.pattern import PatternRule  # the kinds import the checks package
    from auditor.engine.kinds.phrase import PhraseMatcher

    params = {k: v for k, v in spec.params.items() if k not in _OWN}
    kind = str(spec.params.get("base_kind", "pattern"))
    inner = replace(spec, kind=kind, params=params)
    rule = PhraseMatcher([inner]) if kind == "phrase" else PatternRule(inner)

    def joined(field: str):
        patterns = strings(spec.params.get(field, []), spec, field)
        return compile_re2("|".join(f"(?:{p})" for p in patterns), spec, field) if patterns else None

    return {"rule": rule, "kind": kind, "window_evidence": joined("window_evidence"),
            "expert_evidence": joined("expert_evidence"), "identifies_study": joined("identifies_study"),
            "names_expert": joined("names_expert"), "names_body": joined("names_body"),
            "about": joined("about_study_section"),
            "in_sentence": joined("identifies_study_in_sentence"), "background": joined("background_study"),
            "lede_only": bool(spec.params.get("study_window_in_lede_only")),
            "story_study": joined("lede_unless_document") if spec.params.get("one_study_story") else None}


def _reports(ctx: DocContext) -> bool:
    """A news story or a press release: not a page that sells."""
    from auditor.engine.selling import is_report, offers_in_own_words, sells_by_findings

    if "attribution_reports" not in ctx.memo:
        ctx.memo["attribution_reports"] = is_report(ctx) or not (sells_by_findings(ctx) or offers_in_own_words(ctx))
    return ctx.memo["attribution_reports"]


def _window(ctx: DocContext, start: int, wanted: int | None = None) -> str:
    """The finding's sentence to the end of its paragraph, and the next paragraphs of the main text."""
    sentence = ctx.sentence_at(start)
    located = ctx.block_at(start)
    if located is None:
        return ""
    index, block = located
    begin = sentence.span.start if sentence else block.span.start
    parts = [ctx.doc.text[begin:block.span.end]]
    if wanted is None:
        wanted = LEDE_WINDOW if index <= ctx.lede_end else WINDOW
    for later in ctx.doc.blocks[index + 1:]:
        if wanted <= 0:
            break
        if later.region != "main" or later.kind == "heading":
            continue
        parts.append(later.text)
        wanted -= 1
    return "\n\n".join(parts)


def _has_about_section(ctx: DocContext, start: int, about) -> bool:
    if about is None or not ctx.is_press_release:
        return False
    return any(about.search(b.text) for b in ctx.doc.blocks if b.span.start > start)


@register("attribution_in_report")
def attribution_in_report(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """HC102/HC103 as their phrase or pattern rule, except, in a news story or a press release, a
    lede's "a new study", "new research shows" or "experts say" whose study the rest of the
    paragraph or the next paragraphs identify (journal, lead author, institution, meeting), or
    whose expert they name, or, in a release, whose study its "About the study" section describes."""
    built = prepared(spec, "attribution_in_report", _build)
    rule = built["rule"]
    found = rule.run(ctx, {spec.id}).get(spec.id, []) if built["kind"] == "phrase" else rule.run(ctx)
    if not found or not _reports(ctx):
        yield from found
        return
    for finding in found:
        evidence = finding.evidence or ""
        if finding.span is None:
            yield finding
            continue
        start = finding.span.start
        if built["expert_evidence"] is not None and built["expert_evidence"].search(evidence):
            # Only the bare "Experts say ..." or "..., experts say", not "a panel of experts recommended".
            lead = ctx.doc.text[max(0, start - 3):start]
            sentence = ctx.sentence_at(start)
            opening = ctx.doc.text[sentence.span.start:start] if sentence is not None else "-"
            bare = bool(_BARE_OPENING.fullmatch(opening)) or lead.rstrip().endswith(",")
            # "Experts say" backed at once by a named expert's quotation: the rest of the
            # paragraph or the next one quotes a named doctor, professor or researcher.
            if bare and built["names_expert"] is not None and _quotes_named_expert(ctx, start, built["names_expert"]):
                continue
            # ... or by a named body's recommendation in the rest of the paragraph ("The U.S.
            # Preventive Services Task Force recommends ...").
            if bare and built["names_body"] is not None and built["names_body"].search(_window(ctx, start, 0)):
                ctx.mark_reports_source()
                continue
            yield finding
            continue
        if built["window_evidence"] is None or not built["window_evidence"].search(evidence):
            yield finding
            continue
        sentence = ctx.sentence_at(start)
        text = sentence.text if sentence else ""
        if built["in_sentence"] is not None and built["in_sentence"].search(text):
            ctx.mark_reports_source()
            continue  # "Researchers at the Mayo Clinic reported ... in a small study"
        located = ctx.block_at(start)
        in_lede = located is not None and located[0] <= ctx.lede_end
        if in_lede and _has_about_section(ctx, start, built["about"]):
            ctx.mark_reports_source()
            continue
        if built["lede_only"] and not (in_lede and _NEW_BEFORE.search(ctx.doc.text[max(0, start - 24):start])):
            yield finding  # "studies show", research mid-story: background, not the story's new study
            continue
        if built["background"] is not None and built["background"].search(text):
            yield finding  # "earlier this month, a study from Norway": another, earlier study
            continue
        if built["identifies_study"] is not None and built["identifies_study"].search(_window(ctx, start)):
            ctx.mark_reports_source()
            continue
        # A news story that names where its study appeared, reporting "in a study of 20 patients"
        # further down with no mark of another, earlier study, describes the same study.
        if built["story_study"] is not None and _names_its_study(ctx, spec, built["story_study"]):
            ctx.mark_reports_source()
            continue
        yield finding


def _names_its_study(ctx: DocContext, spec: RuleSpec, pattern) -> bool:
    """True for a news story (not a release) whose main text says, in the words of ``spec``'s
    ``pattern``, where its study appeared (searched once per document and rule)."""
    key = f"names_its_study:{spec.id}"
    if key not in ctx.memo:
        ctx.memo[key] = not ctx.is_press_release and bool(pattern.search(ctx.main_text()))
    return ctx.memo[key]


def _quotes_named_expert(ctx: DocContext, start: int, names) -> bool:
    """True when the rest of the paragraph, or the next paragraph opening with a quotation, quotes
    a named expert."""
    window = _window(ctx, start, 0)
    if names.search(window) and any(mark in window for mark in ('"', "“", "”")):
        return True
    following = _window(ctx, start, 1)[len(window):].lstrip()
    return following[:1] in ('"', "“") and bool(names.search(following))
