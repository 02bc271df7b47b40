"""Boilerplate that leaked into the article: related-post lists and foreign-language widgets."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.engine.context import DocContext
from auditor.engine.kinds._guarded import compile_re2, strings
from auditor.engine.kinds.python import prepared, register
from auditor.engine.spec import RuleSpec
from auditor.normalize.language import detect_language, stopword_shares
from auditor.records import Block, Finding, Sentence, Span

# Not "See also": an encyclopedia's cross-references are content.
_OPENER = (
    r"(?:(?:related|popular|recent|latest|more|trending|recommended|top) (?:posts|articles|stories|reads|coverage|reviews|reading|headlines|releases|news)"
    r"(?: from this blog)?|related|you (?:may|might) also (?:like|enjoy|be interested in)|read (?:next|more)|most (?:read|popular|viewed|shared)"
    r"|keep reading|more (?:like this|to read)|recommended for you|up next|what to read next"
    r"|more (?:news |stories |articles |releases |headlines )?from (?:the )?[\w'’&.,() -]{1,40}?"
    # A news site's section box: "Most read in Health", "Trending in Health", "MORE HEALTH", "More health news".
    r"|(?:most (?:read|popular|viewed|shared)|trending|popular|latest|top stories) in [\w'’& -]{1,25}?"
    r"|more (?:health|science|wellness|local|world|health (?:&|and) science|science (?:&|and) health)(?: news| stories| coverage)?)"
)
_LIST_OPENER = re.compile(r"^(?:" + _OPENER + r")\s*:?$", re.IGNORECASE)
# "Related coverage: Headline one | Headline two" on a single line, wherever the page put it.
_INLINE_LIST = re.compile(r"^(?:" + _OPENER + r")\s*:\s*\S.{8,}$", re.IGNORECASE)
# What ends a list of headlines: the comment form, a newsletter box, the footer.
_LIST_END = re.compile(r"\b(?:comments?|commenting|subscribe|sign (?:me )?up|newsletter|inbox|share|copyright|rights reserved"
                       r"|privacy|terms of|log ?in|sign in)\b|©|^(?:about|contact)\b", re.IGNORECASE)


@register("related_posts")
def related_posts(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A "Popular posts" / "Related posts" list, or headlines left after a comment form.

    One finding covers the whole run of list lines, from the opener to the last headline.
    Where the page's layout left the list in the main text (a flattened page, a section box
    inside the article), the opener counts only when at least two headlines follow it.
    """
    blocks = ctx.doc.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not ctx.in_scope(spec, block):
            index += 1
            continue
        text = block.text.strip()
        if _INLINE_LIST.match(text):
            yield _run_finding(ctx, spec, [index])
            index += 1
            continue
        if _LIST_OPENER.match(text):
            run = [index] + _headlines_after(blocks, index)
            headlines = [blocks[i] for i in run[1:]]
            in_main = block.region != "boilerplate"
            dotted = sum(1 for b in headlines if b.text.rstrip().endswith("."))
            # An opener over a menu of one- and two-word sections ("Top stories", then "Germany",
            # "Brexit", "World") lists no posts. (A bare "Read more:" left before an ad slot is
            # still furniture in the text.)
            nearby = blocks[index + 1:index + 4]
            menu = not headlines and not any(_is_headline(b) for b in nearby) \
                and sum(1 for b in nearby if 1 <= len(b.text.split()) <= 2 and not _AD_SLOT.match(b.text)) >= 2
            if not menu and (not in_main or (len(headlines) >= 2 and dotted * 2 <= len(headlines))):
                yield _run_finding(ctx, spec, run)
                index = run[-1] + 1
                continue
        if block.region == "boilerplate" and _after_comment_form(ctx, blocks, index) and _is_headline(block, strict=True):
            run = [index] + _headlines_after(blocks, index)
            yield _run_finding(ctx, spec, run)
            index = run[-1] + 1
            continue
        index += 1


_AD_SLOT = re.compile(r"^\W*(?:ad|ads|advertisement|advertising|sponsored)\W*$", re.IGNORECASE)


def _is_headline(block: Block, strict: bool = False) -> bool:
    """A short title line: a related-post link, not prose, an address or a form label."""
    text = block.text.strip()
    words = len(text.split())
    if not 3 <= words <= 20 or text[-1:] in ":*|" or _LIST_END.search(text) or _LIST_OPENER.match(text):
        return False
    # Not an address, a dateline or a contact line; a year alone is fine ("Best trackers of 2025, ranked").
    if re.search(r"[|@©]|, \d+ [A-Z]|\b\d{5}\b|\d{3}[-.) ]\d{3,4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d",
                 text, re.IGNORECASE):
        return False
    if strict and (block.kind not in ("heading", "list_item") or text[-1:] == "."):
        return False
    # Prose left in the main text is not a headline; a title and its one-line standfirst may be.
    return block.kind in ("heading", "list_item", "paragraph") and text.count(". ") <= 1


def _headlines_after(blocks: tuple[Block, ...], index: int) -> list[int]:
    run = []
    for following in range(index + 1, len(blocks)):
        if not _is_headline(blocks[following]):
            break
        run.append(following)
    return run


def _after_comment_form(ctx: DocContext, blocks: tuple[Block, ...], index: int) -> bool:
    """In flattened text, headlines right after a comment form are the site's post list."""
    previous = blocks[index - 1] if index else None
    return (ctx.doc.format == "text" and previous is not None and previous.region == "boilerplate"
            and re.search(r"comment|reply|email", previous.text, re.IGNORECASE) is not None)


def _run_finding(ctx: DocContext, spec: RuleSpec, run: list[int]) -> Finding:
    first, last = ctx.doc.blocks[run[0]], ctx.doc.blocks[run[-1]]
    return ctx.finding(spec, Span(first.span.start, last.span.end), first.text, first.text)


@register("foreign_language_text")
def foreign_language_text(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A block in another language than the page (a comment-form widget left untranslated)."""
    language = ctx.doc.metadata.language or "en"
    for _index, block in ctx.blocks_in_scope(spec):
        if len(block.text.split()) < int(spec.params.get("min_words", 5)):
            continue
        other, confidence = detect_language(block.text, min_tokens=5)
        if not other or other == language or confidence < 0.5:
            continue
        shares = stopword_shares(block.text)
        # A short English line can look foreign ("I" is Polish "i"); demand that the page's own
        # language is nearly absent and the other one clearly present.
        if shares.get(language, 0.0) < 0.05 and shares.get(other, 0.0) >= 0.2 or other in ("zh", "ja", "ko", "ru", "ar"):
            yield ctx.finding(spec, Span(block.span.start, block.span.end), block.text, block.text,
                              language=other)


_BUTTON = re.compile(
    r"^(?:subscribe(?: now| today| free| here)?|sign (?:me )?up(?: now| free| today| here)?|sign up for free|join(?: now| today| free| us)?"
    r"|get started|make a (?:donation|gift)|donate(?: now| today)?|count me in|yes,? please)[.!]?$",
    re.IGNORECASE,
)


def _pitch_patterns(spec: RuleSpec) -> tuple[list[Any], list[Any], Any]:
    # Patterns written in a rule file go through RE2 like every other rule's, so none can hang.
    sources = strings(spec.params.get("patterns", []), spec, "patterns")
    patterns = [compile_re2(p, spec, "patterns") for p in sources]
    unless = [compile_re2(p, spec, "unless") for p in strings(spec.params.get("unless", []), spec, "unless")]
    # All patterns as one expression: most sentences match none, and one search tells so.
    either = compile_re2("|".join(f"(?:{p.replace('(?P<evidence>', '(?:')})" for p in sources) or "$^", spec, "patterns")
    return patterns, unless, either


@register("newsletter_pitch")
def newsletter_pitch(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """Newsletter, subscription and membership pitches: one finding per sign-up box.

    A pitch sentence is found by ``params.patterns`` (searched per sentence, so ``^`` is the
    sentence start). The finding covers the pitch sentences of the block; when the block or
    the block after it ends in a sign-up button ("Sign me up", "Subscribe now."), the block is
    a sign-up box and the finding covers all of it, button included. A page's header, sidebar
    and footer may each carry one: at most ``max_per_document`` findings.
    """
    patterns, unless, either = prepared(spec, "patterns", _pitch_patterns)
    budget = int(spec.params.get("max_per_document", 3))
    blocks = ctx.doc.blocks
    by_block: dict[int, list[Sentence]] = {}
    for sentence in ctx.doc.sentences:
        by_block.setdefault(sentence.block, []).append(sentence)
    for index, block in ctx.blocks_in_scope(spec):
        if budget <= 0:
            return
        sentences = by_block.get(index, [])
        pitched: list[tuple[Sentence, re.Match[str]]] = []
        for sentence in sentences:
            # A pitch is short (a long "sentence" is prose or leaked script); "unless" vetoes.
            if len(sentence.text) > 400 or not either.search(sentence.text):
                continue
            if any(p.search(sentence.text) for p in unless):
                continue
            for pattern in patterns:
                match = pattern.search(sentence.text)
                if match:
                    pitched.append((sentence, match))
                    break
        if not pitched:
            continue
        first, match = pitched[0]
        evidence = (match.group("evidence") if "evidence" in match.re.groupindex else None) or match.group(0)
        start, end = first.span.start, pitched[-1][0].span.end
        box = len(block.text.split()) <= 60  # a sign-up box, not a paragraph that mentions a newsletter
        if sentences and _BUTTON.match(sentences[-1].text.strip()):
            start, end = (block.span.start if box else start), block.span.end
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and _BUTTON.match(following.text.strip()):
            start, end = (block.span.start if box else start), following.span.end
        budget -= 1
        yield ctx.finding(spec, Span(start, end), evidence, ctx.doc.text[start:end])
