"""Search-engine spam: stuffed keyphrases, repeated headings and sentences, injected keywords.

Thresholds: keyphrase density over 4% is past the range SEO guidance itself recommends
(Yoast: 0.5-3%); repeated lines and duplicate sentences follow the repetition signals of the
Gopher quality filter (Rae et al. 2021) and FineWeb, which drop pages whose lines or
paragraphs repeat.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from auditor.engine.context import DocContext
from auditor.engine.kinds.python import register
from auditor.engine.selling import is_report, offers_in_own_words, sells_by_findings
from auditor.engine.spec import RuleSpec
from auditor.records import Block, Finding, Span

STOPWORDS = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been being it its this "
    "that these those you your we our they their he she his her i me my not no can may might will would "
    "should could do does did have has had than then so if into about over after before such also more "
    "most some any all each other which who whom what when where why how there here very just only "
    "both either while during up out yet still even however though although because since until unless".split()
)
_WORD = re.compile(r"[a-z][a-z'’-]*")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    grams: Counter[tuple[str, ...]] = Counter()
    for i in range(len(tokens) - n + 1):
        gram = tuple(tokens[i:i + n])
        if gram[0] in STOPWORDS or gram[-1] in STOPWORDS:
            continue
        grams[gram] += 1
    return grams


@register("keyword_stuffing")
def keyword_stuffing(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A two- or three-word keyphrase whose density is far above natural writing."""
    tokens = _tokens(ctx.main_text())
    if len(tokens) < int(spec.params.get("min_words", 200)):
        return
    threshold = float(spec.params.get("density", 0.04))
    min_count = int(spec.params.get("min_count", 20))
    best: tuple[float, tuple[str, ...], int] | None = None
    for n in (3, 2):
        for gram, count in _ngrams(tokens, n).most_common(3):
            density = count * n / len(tokens)
            if count >= min_count and density >= threshold and (best is None or density > best[0]):
                best = (density, gram, count)
    if best is None:
        return
    density, gram, count = best
    phrase = " ".join(gram)
    position = ctx.lower.find(phrase)
    span = Span(position, position + len(phrase)) if position >= 0 else None
    yield ctx.finding(spec, span, phrase, f"“{phrase}” appears {count} times in {len(tokens):,} words",
                      count=count, words=len(tokens), density=f"{density:.1%}")


def _line_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


_UI_LINE = re.compile(r"^(?:reply|posted by|comment|share|quote|report|edit|advertisement|continue reading|courtesy of|photo|credit)\b|[·|]|\breply$", re.IGNORECASE)


def _keywords(text: str) -> set[str]:
    return {t for t in _tokens(text) if t not in STOPWORDS and len(t) > 2}


@register("repeated_heading")
def repeated_heading(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A heading written for search engines rather than readers.

    Three shapes: a heading or title line that appears again (the title pasted above itself,
    spun headings); a listicle title that says its keyphrase twice ("6 Best Knee Clinics
    (Top Rated Knee Clinics Near You)"); and a stock closing or FAQ heading with the page's
    keyphrase pasted in ("Knee pain relief: the bottom line"), plus clickbait hooks
    ("Number 6 Will Surprise You!"). Section headings that legitimately recur ("Side
    effects" under each drug) are left alone: a repeat counts when it echoes the page title's
    keywords or appears three times or more. A news or encyclopedia heading that names its
    topic twice is not enough: the stuffed title must also carry a listicle marker (a count,
    "best"/"top", a year).
    """
    max_words = int(spec.params.get("max_words", 12))
    title = _keywords(ctx.doc.metadata.title or "")
    lines: dict[str, list[Block]] = {}
    reported: set[int] = set()
    for _index, block in ctx.blocks_in_scope(spec):
        words = block.text.split()
        heading_like = block.kind == "heading" or (len(words) <= max_words and block.text[-1:] not in ".!?:;,")
        if not heading_like or len(words) < 2 or _UI_LINE.search(block.text):
            continue
        lines.setdefault(_line_key(block.text), []).append(block)
    for blocks in lines.values():
        if len(blocks) < 2:
            continue
        echoes_title = len(_keywords(blocks[0].text) & title) >= 2
        if echoes_title or len(blocks) >= 3:
            for block in blocks[1:]:
                reported.add(block.span.start)
                yield ctx.finding(spec, Span(block.span.start, block.span.end), block.text, block.text,
                                  times=len(blocks), reason="appears again")
    topic = title | _keywords(_first_heading(ctx))
    for _index, block in ctx.blocks_in_scope(spec):
        text = block.text.strip()
        words = text.split()
        heading_like = block.kind == "heading" or (len(words) <= 16 and text[-1:] not in ".;,")
        if not heading_like or not 3 <= len(words) <= 25 or block.span.start in reported:
            continue
        found = (_stuffed_title(text) or _listicle_formula(text) or _keyphrase_section(text, topic) or _clickbait(text)
                 or _keyphrase_heading(ctx, block, text) or _local_heading(ctx, text))
        if found:
            evidence, reason = found
            yield ctx.finding(spec, Span(block.span.start, block.span.end), evidence, block.text, times=2, reason=reason)


_LISTICLE = re.compile(r"^(?:top )?\d+ |\b(?:best|top)\b|\b20\d\d\b", re.IGNORECASE)
_SECTION = (r"(?:final thoughts|(?:the )?bottom line|conclusion|(?:our )?final verdict|faqs?|frequently asked questions"
            r"|wrapping up|wrap-?up|summary|final words)")
_SECTION_FIRST = re.compile(r"^" + _SECTION + r"\s+(?:on|about|for)\s+(?P<topic>.{3,})$", re.IGNORECASE)
# Bylines, datelines and tweet credits repeat a name next to a year; they are not titles.
_DATELINE = re.compile(r"@|^by |\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\|.*\|", re.IGNORECASE)
_SECTION_LAST = re.compile(r"^(?P<topic>.{3,}?)\s*:\s*" + _SECTION + r"$", re.IGNORECASE)
_CLICKBAIT = re.compile(r"\((?:number|#) ?\d+ will [^)]*\)|\byou won[’']t believe\b|\bwill (?:surprise|shock|blow your mind)\b",
                        re.IGNORECASE)


def _first_heading(ctx: DocContext) -> str:
    """The article's headline: the first main-text heading of four words or more (not the site name,
    not a navigation line of links separated by bars or dots)."""
    return next((b.text for b in ctx.doc.blocks if b.kind == "heading" and b.region == "main" and len(b.text.split()) >= 4
                 and b.text.count("|") + b.text.count("·") < 2), "")


def _stuffed_title(text: str) -> tuple[str, str] | None:
    """A listicle title that repeats a keyphrase: "Best Knee Braces 2024: 5 Best Knee Braces for Running"."""
    if not _LISTICLE.search(text) or _DATELINE.search(text):
        return None
    tokens = _tokens(text)
    for n in (3, 2):
        for gram, count in _ngrams(tokens, n).items():
            if count >= 2 and any(len(w) >= 4 for w in gram) and gram != ("best", "best"):
                return " ".join(gram), "repeats its keyphrase"
    # One keyword restated in a bracket: "7 Signs You Need a Podiatrist (Podiatrist Eastvale)".
    bracket = re.search(r"\(([^)]+)\)", text)
    if bracket:
        inside = set(_tokens(bracket.group(1)))
        outside = set(_tokens(text[:bracket.start()] + " " + text[bracket.end():]))
        for word in sorted(inside & outside):
            if word not in STOPWORDS and len(word) >= 6:
                return word, "repeats its keyphrase"
    return None


# "8 Best Knee Braces in 2024 (Expert Picks)", "Best Knee Braces 2024: ...": a count, "best" and a year
# written for the query "best knee braces 2024", not for the reader.
_FORMULA = re.compile(
    r"^(?:top )?\d+ (?:best|top)\b.*(?:\b20\d\d\b|\))|^best (?!of\b).*\b20\d\d\b"
    r"|^\d+ .*\((?:[^)]*\b(?:20\d\d|update|updated|tested|ranked|expert|picks|reviewed)\b[^)]*)\)$"
    # "9 Foods That Lower Cholesterol Fast (Naturally, Without Statins!)": the query's modifiers in a bracket.
    r"|^\d+ .*\b(?:fast|quickly|naturally)\b.*\((?:[^)]*\b(?:naturally|without|at home|no pills|fast)\b[^)]*)\)$"
    # "Brand Review 2024: I Tried It for a Month (Honest Results)"
    r"|^[^:]{2,40} review 20\d\d\b.*\(",
    re.IGNORECASE,
)


def _listicle_formula(text: str) -> tuple[str, str] | None:
    if _FORMULA.search(text) and not _DATELINE.search(text):
        return text, "is a search-listicle title formula (a count, \"best\", a year)"
    return None


def _keyphrase_section(text: str, topic: set[str]) -> tuple[str, str] | None:
    """A stock closing or FAQ heading carrying the page's keyphrase: "Best knee braces: final verdict"."""
    match = _SECTION_FIRST.match(text) or _SECTION_LAST.match(text)
    if match and len(_keywords(match.group("topic")) & topic) >= 2:
        return text, "puts the page's keyphrase in a stock section heading"
    return _method_heading(text, topic)


def _clickbait(text: str) -> tuple[str, str] | None:
    match = _CLICKBAIT.search(text)
    return (match.group(), "is a clickbait hook") if match else None


# Text a site or a wire repeats on every page, not the writer: comment policies, banners, notices.
_FURNITURE = re.compile(
    r"\b(?:comments?|commenting|community guidelines|report abuse|newsletter|subscribe|sign[- ]up|cookies?|"
    r"terms of (?:use|service)|privacy policy|all rights reserved|copyright|this article is more than|"
    r"forward-looking statements?)\b",
    re.IGNORECASE,
)
# A photo caption repeats the lede or a body sentence and carries a credit.
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?s?(?: by|:| credit)|image(?: by|:| credit)|pressphoto|getty images|ap photo|"
    r"associated press|reuters|caption|back to gallery|shutterstock|istock|file photo)",
    re.IGNORECASE,
)
# Sections a release appends after its end mark restate the body on purpose: the abstract,
# notes to editors, the prescribing information's safety text.
# Sections appended after a release's body ("About UroLift", "Notes to editors") restate it by design.
_APPENDIX = re.compile(r"###|\bnotes? to editors?\b|\bimportant safety information\b|(?m:^\s*abstract\b)|\babstract:"
                       r"|(?m:^\s*about (?:the )?[^\s.!?][^\n.!?]{0,60}$)", re.IGNORECASE)
# A quotation repeated in an article that sells nothing is a pull quote, a layout device.
_QUOTED = re.compile(r"[\"“”]")


@register("duplicate_sentence")
def duplicate_sentence(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A sentence of ``min_words`` or more words that the writer repeats word for word.

    Repeats that pages carry for other reasons are left alone: site furniture (comment
    policies, banners), photo captions that restate the lede, sections a press release
    appends after its body ("About X"), and pull quotes in an article that sells nothing. One finding per paragraph: a pasted-twice paragraph is one fault.
    """
    seen: dict[str, tuple[int, int]] = {}
    reported: set[int] = set()
    min_words = int(spec.params.get("min_words", 8))
    text = ctx.doc.text
    expanded = _expanded_lists(ctx, spec, min_words)
    for sentence in ctx.doc.sentences:
        block = ctx.doc.blocks[sentence.block]
        if not ctx.in_scope(spec, block) or block.kind == "heading":
            continue
        key = _line_key(sentence.text)
        if len(key.split()) < min_words or key.startswith(("for further information", "for more information")):
            continue
        first = seen.get(key)
        if first is None:
            seen[key] = (sentence.span.start, sentence.span.end)
            continue
        start, end = sentence.span.start, sentence.span.end
        if (sentence.block in reported or sentence.block in expanded or _FURNITURE.search(text, max(0, start - 200), end)
                or any(_CREDIT.search(text, max(0, a - 60), a) or _CREDIT.search(text, b, b + 150)
                       for a, b in (first, (start, end)))
                or _APPENDIX.search(text, first[1], start)
                or (_QUOTED.search(sentence.text) and not sells_by_findings(ctx))):
            continue
        reported.add(sentence.block)
        yield ctx.finding(spec, sentence.span, sentence.text, sentence.text)


LIST_ECHO_REACH = 6  # blocks after a run-together list in which its items reappear one by one


def _expanded_lists(ctx: DocContext, spec: RuleSpec, min_words: int) -> set[int]:
    """Blocks that repeat, one item each, a list run together in a paragraph just before them.

    Pages that show a list twice (a run-together summary, then each item on its own, as in
    collapsible sections) leave every item duplicated in the extracted text: a layout artifact,
    not a writer repeating a sentence. Two or more of the following blocks must each repeat a
    different sentence of the same earlier paragraph, or three blocks in a row each repeat a
    sentence of the one before (a list captured as overlapping chunks).
    """
    origin: dict[str, int] = {}
    echoes: dict[int, set[int]] = {}
    for sentence in ctx.doc.sentences:
        block = ctx.doc.blocks[sentence.block]
        if not ctx.in_scope(spec, block) or block.kind == "heading":
            continue
        key = _line_key(sentence.text)
        if len(key.split()) < min_words:
            continue
        first = origin.setdefault(key, sentence.block)
        if first != sentence.block and 0 < sentence.block - first <= LIST_ECHO_REACH:
            echoes.setdefault(first, set()).add(sentence.block)
    out = {b for blocks in echoes.values() if len(blocks) >= 2 for b in blocks}
    chained = {b for first, blocks in echoes.items() for b in blocks if b == first + 1}
    out |= {b for b in chained if b + 1 in chained or b - 1 in chained}
    return out


SUBSTANCES = frozenset(
    "alcohol ketamine esketamine cocaine heroin opioid opioids fentanyl meth methamphetamine cannabis "
    "marijuana cbd thc nicotine xanax benzodiazepine benzodiazepines psilocybin mdma lsd kratom "
    "detox rehab".split()
)
COMMON_SHORT = frozenset("day new old low big top age use gut oil tea pap fat arm leg eye ear hip dry wet hot raw".split())
_COMPOUND_TAILS = frozenset({"detox", "rehab", "withdrawal", "addiction", "abuse", "use", "treatment"})


@register("injected_keyword")
def injected_keyword(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """Keyword fragments pasted into a sentence so that it stops being grammatical.

    Two signs: a run of five or more lower-case content words with no function word, one of
    them a substance keyword ("research blood alcohol content bac shows"), and two substance keywords side by side
    with nothing joining them ("detox ketamine", "ketamine alcohol").
    """
    run_length = int(spec.params.get("run_length", 5))
    topic = _keywords(ctx.doc.metadata.title or "") | _keywords(_first_heading(ctx))
    for sentence in ctx.doc.sentences:
        block = ctx.doc.blocks[sentence.block]
        if not ctx.in_scope(spec, block) or block.kind != "paragraph":
            continue
        words = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]+", sentence.text))
        hit = (_content_run(words, run_length) or _substance_pair(words) or _pasted_best(sentence.text)
               or _keyphrase_twice(sentence.text, topic, _title_stuffed(ctx)) or _query_pasted(sentence.text)
               or _keyphrase_intro(sentence.text, topic | _acronyms(ctx)) or _superlative_keyphrase(ctx, sentence.text)
               or _service_towns(ctx, sentence.text))
        if hit:
            start, end = hit
            span = Span(sentence.span.start + start, sentence.span.start + end)
            yield ctx.finding(spec, span, sentence.text[start:end], sentence.text)


# "a trusted best probiotic for bloating", "the best acne creams 2024 has to offer": the search query
# "best X (2024)" pasted in where the grammar has no room for it.
_PASTED_BEST = re.compile(
    r"\b(?:a|an) (?:trusted|affordable|reliable|popular|budget|cheap|great|good|natural|safe|effective|gentle) best(?: [a-z-]+){1,4}"
    r"|\bbest (?:(?!(?:of|in|at|the|for|from|since|by|on|and)\b)[a-z-]+ ){1,4}20\d\d\b(?! (?:and|to|through)\b)"
    r"|\b(?:list|roundup|round-up|guide|review) of best\b(?!-| practices?\b)(?: [a-z-]+){1,4}",
    re.IGNORECASE,
)
# Words of search intent that come with a keyphrase written in twice.
_INTENT = r"(?:best|top[- ]rated|near me|guide|fast|naturally)"


def _pasted_best(text: str) -> tuple[int, int] | None:
    match = _PASTED_BEST.search(text)
    return match.span() if match else None


def _keyphrase_twice(text: str, topic: set[str], stuffed: bool = False) -> tuple[int, int] | None:
    """The page's keyphrase (words of its title) written twice into one sentence next to a search word.

    "Knee brace benefits go further, and in this knee brace guide ..." Naming the topic twice
    is common in news and reference writing, so the repeat must also come with a word of
    search intent ("best", "near me", "guide", "fast", "naturally"), unless the page's own title
    already repeats its keyphrase (``stuffed``): then the sentence continues the stuffing.
    """
    tokens = _tokens(text)
    if len(tokens) > 45:
        return None
    lower = text.lower()
    for n in (4, 3, 2):
        for gram, count in _ngrams(tokens, n).items():
            if count < 2 or not all(w in topic or w in STOPWORDS for w in gram) or not any(len(w) >= 4 for w in gram):
                continue
            phrase = re.escape(" ".join(gram))
            hits = list(re.finditer(r"\b" + phrase + r"\b", lower))
            # The search word sits against the keyphrase: "best X", "X guide", "X fast", "X near me".
            searched = "best" in gram or re.search(
                r"\b" + _INTENT + r" " + phrase + r"\b|\b" + phrase + r" " + _INTENT + r"\b(?!-)", lower)
            if len(hits) >= 2 and (searched or stuffed):
                return hits[1].span()
    return None


def _content_run(words: list[re.Match[str]], run_length: int) -> tuple[int, int] | None:
    first: re.Match[str] | None = None
    length = 0
    substance = stray = False
    for word in words:
        token = word.group()
        # Verbs and adjectives ("restores", "thinning", "quickly") mean a real clause, not a keyword pile.
        if (token.isalpha() and token.islower() and token not in STOPWORDS and len(token) > 1
                and not token.endswith(("s", "ed", "ing", "ly"))):
            first = first or word
            length += 1
            substance = substance or token in SUBSTANCES
            stray = stray or (len(token) <= 3 and token not in COMMON_SHORT)
            # A pasted keyword pile carries a substance keyword and a stray search token ("bac").
            if length >= run_length and substance and stray:
                return first.start(), word.end()
        else:
            first, length, substance, stray = None, 0, False, False
    return None


def _substance_pair(words: list[re.Match[str]]) -> tuple[int, int] | None:
    for first, second in zip(words, words[1:]):
        a, b = first.group().lower(), second.group().lower()
        if a in SUBSTANCES and b in SUBSTANCES and a != b and b not in _COMPOUND_TAILS:
            return first.start(), second.end()
    return None


@register("keyword_list")
def keyword_list(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A block that is a bare list of search phrases ("ketamine near me, ketamine cost, ...")."""
    min_items = int(spec.params.get("min_items", 6))
    for _index, block in ctx.blocks_in_scope(spec):
        text = re.sub(r"^(?:tags|keywords|related searches|popular searches)\s*:\s*", "", block.text, flags=re.I)
        items = [i.strip() for i in re.split(r"[,|;•]", text) if i.strip()]
        if len(items) < min_items:
            continue
        short = [i for i in items if 1 <= len(i.split()) <= 5 and not re.search(r"[.!?]$", i)]
        if len(short) / len(items) >= 0.9 and len(text) / len(items) < 40:
            yield ctx.finding(spec, block.span, block.text[:80], block.text, items=len(items))


def _stem(word: str) -> str:
    """A crude plural fold, so "app" and "apps", "probiotic" and "probiotics" count as one keyword."""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _stems(words: set[str]) -> set[str]:
    return {_stem(w) for w in words}


# Stock listicle methodology and buying-guide headings with the keyphrase pasted in:
# "How we chose the best anxiety apps", "How to choose the best probiotic for bloating".
_METHOD = re.compile(
    r"^how (?:we|to|i) (?:chose|choose|picked|pick|tested|test|ranked|rank|selected|select|found|find|rated|rate|reviewed|review)"
    r" (?:the |our )?(?:best|top|right)\b(?P<topic>.{3,})$",
    re.IGNORECASE,
)
_SEARCH_WORDS = frozenset({"best", "top", "right"})


def _method_heading(text: str, topic: set[str]) -> tuple[str, str] | None:
    match = _METHOD.match(text.strip().rstrip("?:."))
    if match and len(_stems(_keywords(match.group("topic"))) & (_stems(topic) - _SEARCH_WORDS)) >= 2:
        return text, "puts the page's keyphrase in a stock listicle heading"
    return None


# The search query pasted in as a modifier: "these lose belly fat fast tips", "our burn fat fast hacks".
_QUERY_MODIFIER = re.compile(
    r"\b(?:these|those|our|my|the|such|other) (?:how to )?(?:lose|burn|boost|get rid of|cure|heal|melt|shrink|flatten)"
    r" (?:(?!(?:in|of|from|to|for|with|on|at|and|or|the|a|an|your|my)\b)[a-z-]+ ){1,4}"
    r"(?:tips|tricks|hacks|foods|ideas|remedies|exercises|steps|secrets|methods|drinks|recipes|workouts)\b",
    re.IGNORECASE,
)
# "best X, best Y and best Z": a string of search queries written as a list.
_BEST_LIST = re.compile(r"\bbest (?:[a-z-]+ ){1,3}?[a-z-]+, best (?:[a-z-]+ ){1,3}?[a-z-]+,? (?:and|or) best\b", re.IGNORECASE)


def _query_pasted(text: str) -> tuple[int, int] | None:
    match = _QUERY_MODIFIER.search(text) or _BEST_LIST.search(text)
    return match.span() if match else None


# Listicle intros and search hooks that restate the title's keyphrase: "Here are the 12 most common
# signs of X", "We've rounded up the top X", "Want to lose belly fat fast?".
_INTRO = re.compile(
    r"^(?:(?:so,? )?here are (?:the |our )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b"
    r"|(?:we(?:['’]ve| have)|our (?:experts|editors|team) (?:have|has)) (?:rounded up|ranked|picked|compiled|listed) (?:the |our )?(?:\d+ )?(?:best|top|most)\b)",
    re.IGNORECASE,
)
_HOOK = re.compile(
    r"^(?:want to|wondering|looking to|trying to|struggling to|need to|searching for|looking for|thinking about|considering|curious about) [^.!?]{3,80}\?$",
    re.IGNORECASE,
)
# Words of search intent in an intro: superlatives and "fast"/"naturally".
_INTRO_INTENT = re.compile(r"\b(?:best|top|most|fastest|easiest|fast|quickly|naturally|at home|proven)\b", re.IGNORECASE)


def _keyphrase_intro(text: str, topic: set[str]) -> tuple[int, int] | None:
    """A listicle intro or search hook that restates three or more of the title's keywords and
    carries a word of search intent (best, top, most, fast, naturally)."""
    stripped = text.strip()
    hook = _HOOK.match(stripped)
    if not (_INTRO.match(stripped) or hook):
        return None
    shared = _stems(_keywords(stripped) | _short_acronyms(stripped)) & _stems(topic)
    plain = shared - _SEARCH_WORDS - {"most", "fast"}
    # A short question hook that is the title's keyphrase itself needs no search word.
    if not (len(shared) >= 3 and len(plain) >= 2 and _INTRO_INTENT.search(stripped)) and not (hook and len(plain) >= 3 and len(stripped.split()) <= 10):
        return None
    start = len(text) - len(text.lstrip())
    return start, start + len(stripped)


# -- keyphrase-led lines on a search-titled page ------------------------------------------------------
# A page whose headline is a search title ("7 Best Knee Braces of 2024", "11 Heartburn Remedies That
# Work Fast (2025)") and whose headings, questions and sentences then restate "best + that keyphrase"
# ("3. Brand - Best Knee Braces for Runners", "Where can I buy the best knee braces?", "the safest knee
# brace for kids"): exact-match keyphrases written for the ranking, not the reader.
_SEARCH_TITLE = re.compile(r"^(?:top )?\d+ [A-Za-z]|\b(?:best|top)\b|\b20\d\d\b", re.IGNORECASE)
_SUPERLATIVE = re.compile(
    r"(?<!\ba )(?<!\ban )\b(?:best|top|top-rated|safest|fastest|most effective|number one|#1)\s+", re.IGNORECASE)
# Quoted or reported words are the speaker's: "the best X depends on your age, says the CDC".
_REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b", re.IGNORECASE)
_KEY_JOINERS = frozenset({"for", "of", "to", "and", "with"})
_HEADLINE_REACH = 6  # main-region blocks at the top of the page in which the headline is looked for


def _search_headline(ctx: DocContext) -> str:
    """The page's search-shaped headline: the title, the first heading, or (in plain text, where
    the headline is a paragraph) the first short unpunctuated line at the top of the main text
    that reads as a search title (a count, "best"/"top", a year). Empty when there is none."""
    if "seo_search_headline" in ctx.memo:
        return ctx.memo["seo_search_headline"]
    found = ""
    candidates = [ctx.doc.metadata.title or ""]
    candidates += [b.text for b in [b for b in ctx.doc.blocks if b.region == "main"][:_HEADLINE_REACH]
                   if len(b.text.split()) <= 25 and b.text.rstrip()[-1:] not in ".!?"]
    candidates.append(_first_heading(ctx))
    for text in candidates:
        # A numbered list item ("3. Brand - Best for Kids") is an entry of the list, not its headline.
        if (len(text.split()) >= 4 and _SEARCH_TITLE.search(text) and not _DATELINE.search(text)
                and not re.match(r"\s*\d+[.)] ", text)):
            found = text
            break
    ctx.memo["seo_search_headline"] = found
    return found


def _superlative_keyphrase(ctx: DocContext, text: str) -> tuple[int, int] | None:
    """"best"/"top"/"safest" followed at once by two or more words of the page's search headline
    ("the best blue light glasses", "the safest head lice treatment"), on a page with such a
    headline that is not a news story or a release. The headline itself is not reported."""
    headline = _search_headline(ctx)
    if not headline or is_report(ctx) or _line_key(text) == _line_key(headline) or _REPORTED.search(text):
        return None
    # Short words count ("vitamin d", "iv drips"): the keyphrase is the headline's, word for word.
    topic = _stems({t for t in _tokens(headline) if t not in STOPWORDS}) - _SEARCH_WORDS - {"most", "actually", "work", "works", "really"}
    order = " ".join(_stem(t) for t in _tokens(headline) if _stem(t) in topic)
    for match in _SUPERLATIVE.finditer(text):
        # Words right after the superlative, up to the first number, punctuation mark or other word.
        words = list(re.finditer(r"[^\s]+", text[match.end():]))
        hits, end, pending, seq = 0, None, False, []
        for word in words:
            token = word.group().lower().rstrip(",;:.!?)")
            if not re.fullmatch(r"[a-z][a-z'’-]*", token):
                break
            if _stem(token) in topic:
                hits += 1
                seq.append(_stem(token))
                end = match.end() + word.start() + len(token)
                pending = False
            elif token in _KEY_JOINERS and hits and not pending:
                pending = True
            else:
                break
            if token != word.group().lower():
                break
        # Three of the headline's words in any order, or two in the headline's own order
        # ("best anxiety apps" under "Best Apps for Anxiety" is a plain name for the topic).
        if end is not None and (hits >= 3 or (hits == 2 and f" {' '.join(seq)} " in f" {order} ")):
            return match.start(), end
    return None


def _keyphrase_heading(ctx: DocContext, block: Block, text: str) -> tuple[str, str] | None:
    """A heading or list item (sentences in paragraphs are HC604's) that restates "best + the search
    headline's keyphrase": "3. Brand - Best Knee Braces for Runners"."""
    if block.kind == "paragraph":
        return None
    hit = _superlative_keyphrase(ctx, text)
    return (text[hit[0]:hit[1]], "restates the page's search keyphrase after \"best\"") if hit else None


# Two-letter abbreviations ("IV", "ED", "MS") are keywords too, though _keywords skips short words.
_ACRONYM = re.compile(r"\b[A-Z]{2}\b")


def _short_acronyms(text: str) -> set[str]:
    return {a.lower() for a in _ACRONYM.findall(text)} - STOPWORDS


def _acronyms(ctx: DocContext) -> set[str]:
    """The two-letter abbreviations of the page's title and headline."""
    return _short_acronyms(f"{ctx.doc.metadata.title or ''} {_first_heading(ctx)}")


def _title_stuffed(ctx: DocContext) -> bool:
    """True when the page's title or headline itself repeats its keyphrase ("7 Detox Foods for Your
    Liver (Liver Detox Foods List)"), on a page that is not a news story or a release."""
    if "seo_title_stuffed" not in ctx.memo:
        ctx.memo["seo_title_stuffed"] = not is_report(ctx) and any(
            _stuffed_title(t) for t in (ctx.doc.metadata.title or "", _first_heading(ctx)) if t)
    return ctx.memo["seo_title_stuffed"]


# A Title Case heading that is a service and a town, the local search query as the headline of a page
# that offers the service: "Knee Injections in Eastvale: Relief Without Surgery", "Acupuncture in Dunmore
# That Really Helps". News, releases and pages that offer nothing are left alone.
_LOCAL_HEADING = re.compile(
    r"^(?P<query>(?:[A-Z][A-Za-z'&-]* ){0,3}(?:[A-Za-z-]*[Tt]herap(?:y|ies)|Treatments?|Clinics?|Injections?|Infusions?|Fillers?"
    r"|Botox|Banding|Acupuncture|Chiropractic|Dentistry|Surgery|Specialists?|Doctors?|Dentists?|Chiropractors?|Surgeons?"
    r"|Rehab|Detox|Removal|Implants|Care|Massage) (?:in|near|In|Near) (?P<town>[A-Z][a-z]{2,}(?: [A-Z][a-z]+)?))(?::| [-–—|] | That\b| Near Me\b|\??$)"
)
# Words a Title Case heading puts after "in" that are people, conditions or settings, not towns:
# "Gene Therapy in Children", "Surgery in Older Adults: Risks".
_NOT_TOWN = frozenset(
    "children child kids teens teenagers adolescents adults adult older elderly seniors women men babies infants newborns "
    "pregnancy patients people athletes dogs cats pets animals practice focus context depth action detail brief "
    "perspective review the a an this your our my their everyday daily primary general cancer diabetes dementia "
    "hospital hospitals clinics schools prisons rural urban america europe africa asia".split()
)


def _local_heading(ctx: DocContext, text: str) -> tuple[str, str] | None:
    match = _LOCAL_HEADING.match(text.strip())
    if (not match or is_report(ctx) or not offers_in_own_words(ctx)
            or any(w.lower() in _NOT_TOWN for w in match.group("town").split())):
        return None
    return match.group("query"), "is a local search query (a service and a town)"


# A service followed by a list of the towns it is sold in, on a page that offers it: "Appointments for
# vein treatment in Eastvale, Carrow and the Marten Valley". A news story or a release naming the cities
# of a trial or the countries of an approval is left alone.
_SERVICE_TOWNS = re.compile(
    # At the start of the sentence or after a word that offers it ("for", "we offer", "our"), so that
    # "the trial tested the therapy in Boston, Chicago and Denver" is not read as a query.
    r"(?:^|\b(?:for|offers?|offering|provides?|providing|our|book|get|about) )(?:(?!(?:the|a|an|this|that|its|their)\b)[a-z-]+ ){0,3}(?:[a-z-]*therap(?:y|ies)|treatments?|injections?|infusions?|fillers?|botox|banding|acupuncture"
    r"|chiropractic|dentistry|surgery|implants|removal|care) in [A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z][a-z]+(?: [A-Z][a-z]+)?,? and (?:the )?[A-Z][a-z]+",
    re.IGNORECASE,
)


# Countries and regions: a list of them is where a treatment is approved or sold, not a local query.
_COUNTRIES = frozenset(
    "america american europe european asia africa australia canada mexico brazil china india japan korea "
    "britain england scotland wales ireland uk us usa germany france italy spain netherlands switzerland "
    "sweden norway denmark israel russia states kingdom union zealand east west north south".split()
)


# The seller's own service with the town pasted on: "our gentle, non-surgical vein treatment in Eastvale".
_OUR_SERVICE_TOWN = re.compile(
    r"\b[Oo]ur (?:[a-z-]+,? ){0,4}(?:[a-z-]*therap(?:y|ies)|treatments?|injections?|infusions?|fillers?|botox|banding|acupuncture"
    r"|chiropractic|dentistry|surgery|implants|removal) in [A-Z][a-z]{2,}(?: [A-Z][a-z]+)?\b"
)


def _service_towns(ctx: DocContext, text: str) -> tuple[int, int] | None:
    match = _SERVICE_TOWNS.search(text)
    if _REPORTED.search(text) or is_report(ctx) or not offers_in_own_words(ctx):
        return None
    own = _OUR_SERVICE_TOWN.search(text)
    if own and own.group().split()[-1].lower() not in _NOT_TOWN | _COUNTRIES:
        return own.span()
    if not match:
        return None
    # The towns are capitalised even though the service words are matched in any case.
    towns = text[match.end() - len(match.group().split(" in ", 1)[-1]):match.end()]
    words = [w for w in re.findall(r"[A-Za-z]+", towns) if w not in ("and", "the")]
    if not all(w[:1].isupper() for w in words) or any(w.lower() in _COUNTRIES for w in words):
        return None
    return match.span()
