"""Boilerplate that leaked into the article: related-post lists and foreign-language widgets."""
from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.engine.context import DocContext
from auditor.engine.kinds.python import register
from auditor.engine.spec import RuleSpec
from auditor.normalize.language import detect_language, stopword_shares
from auditor.records import Block, Finding, Span

# Not "See also": an encyclopedia's cross-references are content.
_OPENER = (
    r"(?:(?:related|popular|recent|latest|more|trending|recommended) (?:posts|articles|stories|reads|coverage|reviews|reading)"
    r"(?: from this blog)?|related|you (?:may|might) also (?:like|enjoy)|read (?:next|more)|most (?:read|popular|viewed|shared)"
    r"|more from (?:the )?[\w'’ -]{1,30}?)"
)
_LIST_OPENER = re.compile(r"^(?:" + _OPENER + r")\s*:?$", re.IGNORECASE)
# "Related coverage: Headline one | Headline two" on a single line, wherever the page put it.
_INLINE_LIST = re.compile(r"^(?:" + _OPENER + r")\s*:\s*\S.{8,}$", re.IGNORECASE)


@register("related_posts")
def related_posts(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A "Popular posts" / "Related posts" list, or headlines left after a comment form.

    One finding covers the whole run of list lines, from the opener to the last headline.
    """
    blocks = ctx.doc.blocks
    run: list[int] = []
    for index in range(len(blocks)):
        if not run and ctx.in_scope(spec, blocks[index]) and _INLINE_LIST.match(blocks[index].text.strip()):
            yield _run_finding(ctx, spec, [index])
            continue
        if _in_list(blocks, index, spec, ctx, bool(run)):
            run.append(index)
            continue
        if run:
            yield _run_finding(ctx, spec, run)
            run = []
    if run:
        yield _run_finding(ctx, spec, run)


def _in_list(blocks: tuple[Block, ...], index: int, spec: RuleSpec, ctx: DocContext, in_run: bool) -> bool:
    """A list opener, a headline continuing one, or (in flattened text) a headline after a comment form."""
    block = blocks[index]
    if block.region != "boilerplate" or not ctx.in_scope(spec, block):
        return False
    if _LIST_OPENER.match(block.text.strip()):
        return True
    headline = (block.kind in ("heading", "list_item") and len(block.text.split()) >= 3
                and block.text[-1:] not in ".:*|" and not re.search(r"\d{4}|[|@]|, \d+ [A-Z]", block.text))  # not an address
    if not headline:
        return False
    previous = blocks[index - 1] if index else None
    after_comment_form = (ctx.doc.format == "text" and previous is not None and previous.region == "boilerplate"
                          and re.search(r"comment|reply|email", previous.text, re.IGNORECASE) is not None)
    return in_run or after_comment_form


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
