"""Statistics that need a source: percentages, ranges, "1 in 3", "N times", large sums."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from auditor.engine.context import DocContext
from auditor.engine.guards import is_debunked, is_news_story_text
from auditor.engine.kinds.python import register
from auditor.engine.selling import sells_by_findings, sells_unless_release
from auditor.engine.spec import RuleSpec
from auditor.records import Finding, Span

_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a third|a quarter|half)"
STATISTIC = re.compile(
    r"(?<![\w.,-])(?:up to |nearly |almost |about |approximately |over |more than |around )?"
    r"(?:\d{1,3}(?:\.\d+)?\s?%?\s?(?:[-–]|to)\s?\d{1,3}(?:\.\d+)?\s?(?:%|per ?cent\b)"  # 60-80%, 12%-19%
    r"|\d{1,3}(?:\.\d+)?\s?(?:%|per ?cent\b)"                                           # 70%, 21 per cent
    r"|\b(?:\d{1,3}|" + _NUMBER_WORDS + r") (?:in|out of) (?:\d{1,3}(?:,\d{3})*|\d{1,6}|" + _NUMBER_WORDS + r")\b"  # 1 in 3
    r"|\b\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:-fold| times)(?= (?:more|less|higher|lower|greater|as|faster|better|likely))"  # 3 times more
    r"|(?:US\$|USD|\$|€|£)\s?\d[\d,.]*\s?(?:million|billion|trillion|bn|m)\b"          # $132 million
    r"|\b\d[\d,.]*\s?(?:million|billion) (?:people|patients|adults|americans|users|dollars)\b"
    r")",
    re.IGNORECASE,
)
# Benefit claims in words rather than per cent: "up to three times faster", "3x faster", "twice as
# fast", "lose up to 10 lbs", "cut your risk by a third". Outside a report of a study (see
# _STUDY_REPORT), where they are the writer's own unsourced promise.
CLAIM = re.compile(
    r"(?<![\w.,-])(?:up to |nearly |almost |about |over |more than |around )?"
    r"(?:\b(?:two|three|four|five|six|seven|eight|nine|ten)(?:-fold| times)"
    r"(?= (?:more|less|higher|lower|greater|faster|better|likely|stronger|quicker|slower))"  # three times faster
    r"|\bby (?:up to )?(?:\d{1,3}|two|three|four|five|ten) times\b"                        # raises the risk by up to 5 times
    r"|\b\d{1,3}(?:\.\d)?x (?:faster|more|better|stronger|quicker|higher)\b"                # 3x faster
    r"|\btwice (?:as (?:fast|quickly|likely|effective|well|strong)|the (?:national )?(?:average|rate|risk))\b"
    r"|\b(?:lose|shed|drop) (?:up to |an average of |as much as )\d{1,3}(?:\.\d+)?(?: to \d{1,3})? ?(?:lbs?|pounds|kg|kilos|stone)\b"
    r"|\ban average of \d{1,3}(?:\.\d+)?(?: to \d{1,3}(?:\.\d+)?)? (?:pounds|lbs|kg|hours|points|calories)\b"
    r"|\b(?:cut|cuts|slash|slashes|halve|reduce|reduces|lower|lowers|drops?|falls?) (?:\w+ ){0,4}?(?:by|in) "
    r"(?:half|a third|a quarter|two-thirds|three-quarters)\b"                               # cut ... by a third
    r")",
    re.IGNORECASE,
)
# A sentence that reports a study's result: the study is its source, HC103 asks for the reference.
_STUDY_REPORT = re.compile(
    r"\b(?:found|finds|find|showed|shows|reported|study|studies|trial|trials|researchers|scientists|participants|subjects|"
    r"volunteers|patients who|people who|those who|group|compared (?:with|to)|analysis|data|survey|mice|rats|animals|"
    r"they (?:lost|gained|had|saw|were|did|showed))\b",
    re.IGNORECASE,
)
_APPROX = r"(?:up to |nearly |almost |about |approximately |over |more than |around |roughly |an estimated |as many as |some |fewer than )?"
_PEOPLE = (r"(?:people|persons|adults|americans|men|women|children|kids|babies|infants|teens|adolescents|patients|survivors|"
           r"deaths|lives|cases|procedures|surgeries|operations|visits|transplants)")
# Counts and shares of a population: "800,000 Americans", "20 million American men", "nearly half of
# American adults", "more than 4,000 cardiac procedures". Checked where a figure describes a disease's
# reach or an organisation's volume, not a study's result.
POPULATION = re.compile(
    r"(?<![\w.,$-])" + _APPROX +
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?(?:million|billion)|(?:one|a|two|three|five|ten) (?:million|billion)|\d{1,3}(?:,\d{3})*\+"
    r"|(?:tens of |hundreds of )?(?:thousands|millions|billions)(?= of ))"   # "millions of adults": a count in words
    r" (?:[a-z.-]+ ){0,2}" + _PEOPLE + r"\b"
    r"|(?:(?:half|a third|a quarter|one-third|one-quarter) (?:to|or) )?"
    r"(?:half|a half|a third|a quarter|one-third|one-quarter|two-thirds|two thirds|three-quarters|three quarters) of (?!the |those |these )(?:all )?"
    r"(?:[a-z.-]+ ){0,2}(?:people|adults|americans|men|women|children|patients|survivors|cases|deaths)\b)",
    re.IGNORECASE,
)
# A figure about a disease's reach or cost, or an organisation's volume: the background of a
# release, which the study it announces does not source.
_BACKGROUND = re.compile(
    r"\b(?:affect(?:s|ing|ed)?|strik(?:es|ing)|kill(?:s|ing)|claim(?:s|ing) (?:\w+ ){0,3}lives|liv(?:e|es|ing) with|"
    r"account(?:s|ing)? for|(?:are|is) diagnosed|die (?:of|from|each|every)|leading cause|prevalence|"
    r"worldwide|around the world|globally|in the (?:u\.s\.|us|united states|uk|world|country)|u\.s\.|nationwide|"
    r"market (?:is|was|will)|(?:each|every|per) year|annually|a year|(?<!-)americans?|"
    r"of (?:all )?(?:u\.s\. |american )?(?:adults|children|women|men|people|kids|teens|seniors)|"
    r"(?:people|adults|children|women|men) (?:with|who have|living with))\b",
    re.IGNORECASE,
)
# ... but not a company's or a school's size: its staff, stores, members, students or sales.
_NOT_HEALTH_SIZE = re.compile(
    r"\b(?:employees|associates|staff|members|stores|pharmacies|growers|farmers|customers|subscribers|sales|"
    r"offices|locations|shareholders|students|alumni|graduates|faculty|teach\w*|training|price[sd]?)\b",
    re.IGNORECASE,
)
# "62 per 100,000 Americans", "six out of every 1,000 people": the count is a denominator.
_DENOMINATOR = re.compile(r"\b(?:per|every|out of|of|in|the)\s+$", re.IGNORECASE)
# ... or, outside a release's background paragraph, the size of a study ("followed 20,000 people").
_STUDY_SIZE = re.compile(r"\b(?:among|involving|with|including|enrolled|enrolling|recruited|followed|studied|tracked|surveyed|"
                         r"analy[sz]ed|included|examined|asked|interviewed|than|and|to)\s+$", re.IGNORECASE)
# "... worldwide.5": a reference number flattened onto the end of the sentence.
_FLAT_MARKER = re.compile(r"[a-z)][.,;]\d{1,3}(?:[,–-]\d{1,3})*(?=\s|$)")
# Words that tie a figure to the study being announced.
_STUDY_RESULT = re.compile(
    r"\b(?:participants?|enroll?(?:ed|ing)|study|studies|trial|placebo|dose|doses|dosing|cohort|treated|received|"
    r"receiving|randomi[sz]ed|arm|baseline|week \d+|weeks? of|months? of treatment|follow-up|analysis|data|"
    r"research\w*|found|finds|results?(?! of)|(?:positive|negative) (?:\w+ )?(?:results?|tests?)|tested (?:positive|negative)|"
    r"developed|group|team|followed|tracked|investigat\w*|measured|compared (?:with|to)|among those|"
    r"between (?:\w+ )?(?:19|20)\d\d and|at (?:\d+|six|twelve) (?:weeks|months))\b|\(n ?= ?\d",
    re.IGNORECASE,
)
# An organisation's volume: "performing more than 4,000 procedures each year", "caring for 18,000 patients".
_VOLUME = re.compile(
    r"\b(?:perform(?:s|ed|ing)?|treat(?:s|ed|ing)?|car(?:es|ed|ing) for|serv(?:es|ed|ing)|see(?:s|ing)?|help(?:s|ed|ing)?|"
    r"deliver(?:s|ed|ing)?|conduct(?:s|ed|ing)?|complet(?:es|ed|ing)|has (?:treated|helped|performed|served))\s+$",
    re.IGNORECASE,
)
# A named statistics body sources the figure it is tied to ("the CDC estimates", "(WHO, 2023)").
_NAMED_BODY = re.compile(
    r"\b(?:CDC|WHO|NIH|NCI|NHS|ONS|Census|World Health Organi[sz]ation|Centers for Disease Control|"
    r"(?:American|National|International|World) [A-Z][\w']+(?: [A-Z][\w']+){0,2} (?:Society|Association|Foundation|Institutes?|Federation|Alliance|Center|Centre)|"
    r"Global Burden of Disease|Surveillance|SEER|statistics from|data from|per the)\b"
)

# Numbers that describe the product or the reader, not a finding: doses, prices, ages, "100% natural".
_NOT_A_FINDING = re.compile(
    r"^(?:100\s?%|100 percent)$|^0\s?%$", re.IGNORECASE
)
_DISCOUNT = re.compile(r"%\s*(?:of (?:your|the) (?:\w+ ){0,3})?(?:off(?! (?:insulin|medications?|meds|drugs|opioids|steroids|pills|treatment|dialysis|oxygen))|discount|cashback|back|refund(?:ed)?)\b|\bsave\s+\d",
                       re.IGNORECASE)
# (Within the sentence: "has switched off. Over 80% of ..." is not a discount.)
_NOT_HEALTH = re.compile(r"\b(?:save|saving|savings|discount|shares?|stock|revenue|sales|market cap|off)\b[^\w.!?]*$", re.IGNORECASE)
_FINANCE = re.compile(r"\b(?:shares|stock|investors|revenue|profits?|net sales|net worth|fortune)\b", re.IGNORECASE)
# A chart or fact box names its source in a line of its own below the figures.
_SOURCE_LINE = re.compile(r"\b(?:Sources?|SOURCES?|Data): [A-Z]")
# "0.05% atropine drops", "2% salicylic acid": a strength, not a finding.
_CONCENTRATION = re.compile(
    r"^\s*(?:(?!(?:their|your|his|her|our|my|its)\b)[a-z-]+ ){0,2}(?:gel|cream|drops?|solution|lotion|wash|serum|ointment|spray|foam|thc|cbd|acid|"
    r"peroxide|atropine|minoxidil|hydrocortisone|lidocaine|niacinamide|retinol|tretinoin|adapalene|saline|"
    r"dextrose|concentration|strength|abv|a1c|hba1c|sodium|potassium|calcium|magnesium|chloride|zinc|"
    r"alcohol|ethanol|glycerin|oxide|cotton|polyester|cocoa|cacao)\b",
    re.IGNORECASE,
)
_QUESTIONED_FIGURE = re.compile(r"^(?:[^\"”.]{0,30}[\"”])?[\s\"”’']*(?:figure|claim|number|statistic|stat|narrowing|blockage|stenosis|of them)\b", re.IGNORECASE)
# "The headline figure, a 49 percent reduction": the figure named in order to weigh it.
_FIGURE_BEFORE = re.compile(r"\b(?:figure|number|statistic|claim)s?\W{1,3}(?:an? |the )?$", re.IGNORECASE)
# "15 per cent off your first order": a discount written out.
_OFF_AFTER = re.compile(r"\s*(?:off(?! (?:insulin|medications?|meds|drugs|opioids|steroids|pills|treatment|dialysis|oxygen))|discount|cashback)\b",
                        re.IGNORECASE)
# "maybe 20% less on a good week": a writer's own guess, not a finding.
_GUESS = re.compile(r"\b(?:maybe|perhaps|i'?d say|i guess|i think|i reckon)\W+$", re.IGNORECASE)
# "15% less protein than claimed": a product measured against its own label.
_VS_LABEL = re.compile(r"^\s*(?:more|less|fewer|lower|higher)\s+(?:\w+\s+){0,2}than (?:claimed|stated|listed|advertised|"
                       r"label(?:l?ed)?|promised|(?:on )?the label)\b", re.IGNORECASE)
# The section heading that introduces a study's results ("What they found", "Results").
_RESULTS_HEADING = re.compile(r"^\W*(?:what (?:they|the (?:study|trial|researchers|team|review|analysis|investigators)) (?:found|showed)"
                              r"|(?:main |key |the )?(?:results|findings)\b)", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|(?:cited|reported|released|published) by (?:the )?(?=[A-Z])|(?i:according to)|(?:write|writes|wrote) in|explained|explains|noted|estimates?|(?<!an )(?<!An )(?<!the )(?<!The )estimated|describes? (?:it|that|this|them) as|"
                   r"guidelines? (?:puts?|says?|estimates?|gives?)"
                   # "Analytics firm GlobalData has forecast that ...", "the agency projects that ..."
                   r"|(?:has |have )?(?:forecast|forecasts|forecasted|projects|projected|predicts|predicted)(?= that\b)"
                   # "the CDC reports that ...", "..., the Mayo Clinic reports."; "he added", "she cited"
                   r"|(?:(?!(?:The|These|Those|Some|Many|News|Media|Recent|Other|Case|Such|Several|Early|Published|Anecdotal)\b)[A-Z][\w&.-]*"
                   r"|agency|institute|clinic|team|society|association|department|ministry|authors|researchers) reports(?= that\b|[.,;:])"
                   r"|(?<![\w-])(?:he|she|they|He|She|They) (?:also )?(?:added|adds|pointed out|points out)\b"
                   r"|(?-i:\b(?!The\b|This\b|That\b|It\b|An?\b)[A-Z][a-z]+ (?:also )?(?:added|adds))(?=[,.:]| that\b))\b")
_YEAR_RATIO = re.compile(r"\bin (?:19|20)\d\d$")
_RATIO = re.compile(r" (?:in|out of) ")
# "under 105 in three weeks", "aged 12 to 17 in nine countries": a time or a place, not a ratio.
_NOT_A_RATIO = re.compile(r"^\s*(?:weeks?|days?|months?|years?|hours?|minutes?|countries|states|cities|sites|centers|"
                          r"centres|hospitals|clinics|locations|languages)\b", re.IGNORECASE)
# "an ejection fraction of 45% or higher", "a BMI at or above the 95th percentile": an entry criterion.
_CRITERION = re.compile(r"\b(?:fraction|score|index|level|threshold|cut-?off|saturation|bmi|a1c)\s+(?:of|at|above|below|"
                        r"under|over)\s+(?:at least |less than |more than )?$", re.IGNORECASE)
# Results compared with a control arm come from a specific trial, not from marketing copy.
_CONTROLLED = re.compile(r"\b(?:on|in|with|receiving|received|given|taking|took|got) (?:a |the )?(?:dummy pill|placebo|sham|control|usual care)\b"
                         r"|\b(?:placebo|sham|control|comparison|comparator) (?:groups?|arms?)\b"
                         r"|\bcompared (?:with|to) (?:about |roughly |just |only )?\d[\d.]* ?(?:%|per ?cent) (?:of|in) \w+",
                         re.IGNORECASE)
# A study the previous sentence identifies by year or size, whose result this sentence gives.
_DATED_STUDY = re.compile(r"\b(?:19|20)\d\d (?:\w+ ){0,2}(?:study|review|meta-analysis|report|survey|analysis|trial)\b"
                          r"|\b(?:study|review|report|survey|analysis|trial|trials) (?:of|with|on|involving|in which) (?:data (?:on|from) )?[\d,]{2,} "
                          r"|\b(?:study|review|report|survey|analysis|trial) published (?:in (?:19|20)\d\d|last|this|earlier)\b"
                          r"|\b\d[\d,]+-(?:person|patient|woman|women|man|men|participant|adult|child|people) (?:study|trial)\b",
                          re.IGNORECASE)
_POPULARITY = re.compile(r"\b(?:loved|trusted|used|chosen|followed|joined) by\s+(?:over |more than )?$", re.IGNORECASE)
# (Not a time: "after one year of the study".)
_VAGUE_STUDY = re.compile(r"\b(?:in )?(?:one|another|some|several|many|these|those|other)\s+(?!(?:years?|months?|weeks?|days?)\b)"
                          r"(?:\w+\s+){0,3}(?:studies|study|trials?|research)\b", re.IGNORECASE)
_SPECIFIC_STUDY = re.compile(
    r"\b(?:the|this|our) (?:(?:secondary|main|primary|original|pooled|subgroup|follow-up|"
    r"randomi[sz]ed|observational|clinical|phase \w+) ){0,2}(?:study|trial|analysis|researchers|investigators|participants|"
    r"volunteers|review|(?:study'?s? )?authors|(?:[\w,.]+[- ]){0,2}group|(?:\w+ ){0,2}arm)\b"
    r"|\b(?:study|trial) (?:participants|subjects|volunteers|patients)\b"
    r"|\b(?:researchers|investigators|they|scientists) (?:also )?(?:found|reported|saw|detected|identified|observed|were (?:also )?able to)\b"
    r"|\ba new(?:ly reported)? study\b|(?-i:\b[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)* [Tt]rial\b)", re.IGNORECASE)
# "In the new study, ...", "the latest trial found": the study the story is about, named in the
# figure's own sentence (in a later sentence of its paragraph it does not source an earlier figure).
_NEW_STUDY = re.compile(r"\bthe (?:new|latest|current|recent) (?:study|trial|analysis|research|report|paper)\b", re.IGNORECASE)
_IDENTIFIES_STUDY = re.compile(r"\bpublished (?:in|online|today|on|this|last|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
                               r"|\b(?i:journal)\b|\bthe [A-Z][A-Za-z0-9-]+ (?:trial|study)\b"
                               r"|\bpresented (?:at|to)\b|\bpresented (?:the (?:data|results|findings) |(?:on )?[A-Z][a-z]{2,8}\.? \d{1,2},? )(?:at|to)\b"
                               r"|\bcalled [A-Z]|\b[A-Z]{3,}-?\d*\b (?:trial|study)"
                               r"|\b(?:pooled|analy[sz]ed) (?:the )?data from\b|\b[A-Z][a-z]+ et al\.?,? (?:19|20)\d\d\b"
                               r"|\b(?i:the (?:trial|study) (?:enrolled|recruited|included|randomi[sz]ed|assigned) (?:about |more than |nearly )?[\d,]{2,})"
                               r"|\b[Ii]n the (?:main |new |latest )?(?:trial|study),"
                               r"|\bthe (?:study|trial)['’]s (?:lead |senior |first )?(?:author|investigator)"
                               # a named conference, or a researcher named with the role ("says researcher
                               # Ana Ruiz", "Ruiz and her colleagues"): the story says whose study it is
                               r"|\bat (?:the |an? )?(?:annual |\d{4} )?[A-Z][\w-]+ (?:[A-Z][\w-]+ |of |for |on |and |\d{4} ){0,7}"
                               r"(?:Conference|Congress|Symposium|Scientific Sessions|Annual Meeting|Meeting)\b"
                               r"|\b(?:lead |senior |first |study |principal )?(?:researcher|author|investigator) "
                               r"(?:Dr\.? )?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?: [A-Z]\.)? [A-Z][a-z]+"
                               r"|\b[A-Z][a-z]+ and (?:his|her|their) (?:colleagues|co-?authors|team)\b"
                               r"|\b(?i:who led the (?:study|trial|research)|(?:co-?)?authors? of the (?:study|paper|report|trial))\b")


def find_statistics(text: str, population: bool = False, release: bool = False) -> Iterator[re.Match[str]]:
    """Every number in ``text`` that a reader would want a source for.

    With ``population``, counts and shares of people ("800,000 Americans", "half of adults") too.
    """
    matches = list(STATISTIC.finditer(text))
    taken = [m.span() for m in matches]
    matches += [m for m in CLAIM.finditer(text) if not any(a < m.end() and m.start() < b for a, b in taken)]
    taken = [m.span() for m in matches]
    matches += [m for m in BENEFIT.finditer(text) if not any(a < m.end() and m.start() < b for a, b in taken)]
    matches.sort(key=lambda m: m.start())
    if population:
        taken = [m.span() for m in matches]
        extra = [m for m in POPULATION.finditer(text)
                 if not any(a < m.end() and m.start() < b for a, b in taken)
                 and not _DENOMINATOR.search(text[max(0, m.start() - 12):m.start()])
                 and (release or not _STUDY_SIZE.search(text[max(0, m.start() - 12):m.start()]))]
        matches = sorted(matches + extra, key=lambda m: m.start())
    for match in matches:
        if _NOT_A_FINDING.match(match.group().strip()) and not _total_effect(match, text):
            continue
        if (_DISCOUNT.match(text, match.end() - 1) or _DISCOUNT.search(text[match.end() - 1:match.end() + 12])
                or _OFF_AFTER.match(text, match.end())):
            continue
        if _NOT_HEALTH.search(text[max(0, match.start() - 20):match.start()]):
            continue
        after = text[match.end():match.end() + 40]
        if "%" in match.group() or "cent" in match.group().lower():
            if _CONCENTRATION.match(after) or _QUESTIONED_FIGURE.match(after) or _VS_LABEL.match(after):
                continue
        lead = text[max(0, match.start() - 30):match.start()]
        if _FIGURE_BEFORE.search(lead) or _GUESS.search(lead):
            continue
        if _POPULARITY.search(lead):
            continue
        if _YEAR_RATIO.search(match.group()):
            continue  # "one in 2022" is a year, not a ratio
        if _RATIO.search(match.group()) and _NOT_A_RATIO.match(after):
            continue
        if _CRITERION.search(text[max(0, match.start() - 40):match.start()]):
            continue
        yield match


# Outside a release, a count of people is flagged where it gives a disease's reach ("30 million
# American men live with ED"). A provider's own count of patients ("15,000 patients helped") is
# a testimonial (HC31x), not a statistic.
_PREVALENCE = re.compile(r"\b(?:affect(?:s|ing|ed)?|liv(?:e|es|ing) with|suffer(?:s|ing)? from|(?:are|is) diagnosed|"
                         r"account(?:s|ing)? for|prevalence|leading cause)\b", re.IGNORECASE)


# ... in the present tense, as background: "Crohn's affects an estimated 700,000 Americans" (not a
# study's "problems affected both groups"). A market's size is background too.
_BACKGROUND_REACH = re.compile(r"\b(?:affects|affecting|lives? with|living with|suffers? from|suffering from|(?:are|is) diagnosed|"
                               r"prevalence|leading cause|market|annual sales|revenues?)\b", re.IGNORECASE)


def _prevalence(text: str, match: re.Match[str]) -> bool:
    """True when the sentence of ``text`` around a count of people gives a disease's reach."""
    sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    sentence_end = text.find(". ", match.end())
    return bool(_PREVALENCE.search(text, sentence_start, sentence_end if sentence_end >= 0 else len(text)))


# Past a release's end mark or notes to editors, the issuers describe themselves ("About X"): what
# they have raised, fund or invest, their members, and what "we" do for "the 10 million people
# with arthritis". Organisational background, not a health statistic of the release; a section
# about the disease itself ("About head and neck cancer: around 11,000 new cases a year") is not
# the issuer speaking of itself and is still checked.
_ORG_SELF = re.compile(r"\b(?:we|our|us)\b|\b(?:rais(?:e|es|ed|ing)|donat(?:e|es|ed|ing)) (?:more than |over |nearly |almost |about |some |around )?[$£€\d]"
                       r"|\b(?:fundrais\w*|donors?|donations|fund(?:s|ed|ing)?|invest(?:s|ed|ing|ments?)?|grants?|awarded|"
                       r"endow\w*|supporters|charit(?:y|ies|able)|(?:founded|established|since) (?:in )?(?:18|19|20)\d\d)\b", re.IGNORECASE)


def _in_about_section(ctx: DocContext, start: int, sentence: str) -> bool:
    """True when the figure at ``start`` is in a release's closing furniture, in a sentence where
    an organisation speaks of itself."""
    footer = ctx.release_footer_start
    return footer is not None and start >= footer and bool(_ORG_SELF.search(sentence))


def _release_background(sentence: str, local: int, figure: str) -> bool:
    """True when a release's ``figure`` at ``local`` is background: a disease's reach, a market's
    size, or the issuer's volume ("performing more than 4,000 procedures"), in a sentence that
    does not speak of the study."""
    if _NAMED_BODY.search(sentence) or _STUDY_RESULT.search(sentence) or _FLAT_MARKER.search(sentence):
        return False
    if sentence.lstrip()[:1] in "\"“":
        return False  # a speaker's words, attributed to the speaker
    if _NOT_HEALTH_SIZE.search(sentence):
        return False
    if _BACKGROUND.search(sentence):
        return True
    return bool(POPULATION.fullmatch(figure) and _VOLUME.search(sentence[max(0, local - 40):local]))


@register("unsourced_statistic")
def unsourced_statistic(ctx: DocContext, spec: RuleSpec) -> Iterator[Finding]:
    """A statistic with no citation in its sentence or paragraph."""
    count = 0
    # A press release is the primary source of the study it announces, so only its background
    # figures (a disease's reach or cost, the issuer's volume) need a source; a report that names
    # its study ("published in ...") sources the figures it gives for "the trial" or "the group".
    release = ctx.is_press_release
    starts = [s.span.start for s in ctx.doc.sentences]
    checkable = _without_unpublished_notes(ctx.doc.text)
    identifies = bool(_IDENTIFIES_STUDY.search(checkable)) or any(l.kind == "citation" for l in ctx.doc.links)
    # ... but only a study a reader could look up: a release about a "pilot study" it names
    # nowhere gives figures no one can check (HealthNewsReview: unpublished data).
    # ("In the study, 24 women ..." describes the study but says nowhere where to find it.)
    unpublished = release and not _SAYS_WHERE_PUBLISHED.search(checkable) and not _STUDY_TO_LOOK_UP.search(checkable) \
        and not _PRESENTED_ON.search(checkable) \
        and not any(link.kind == "citation" for link in ctx.doc.links) \
        and not is_news_story_text(ctx.doc.text)  # a wire story's "(Reuters) -" dateline reads like a release's
    heads, body = _release_headline_blocks(ctx) if release else (set(), None)
    sellers = seller_names(ctx.doc.text)
    for index, block in ctx.blocks_in_scope(spec):
        if ctx.is_cited(index):
            continue
        flagged: set[int] = set()
        promises_only = False
        if index in heads:
            found = list(_headline_figures(ctx, spec, block))
            if found:
                count += len(found)
                yield from found
                continue
        if index == body:
            for finding in _lede_accuracy(ctx, spec, block, index):
                flagged.add(ctx.sentence_at(finding.span.start).span.start)
                count += 1
                yield finding
        if release:
            for at, finding in _release_projections(ctx, spec, block, index):
                flagged.add(at)
                count += 1
                yield finding
        for match in sorted(list(find_statistics(block.text, population=True, release=release))
                            + list(_selling_study_counts(ctx, block.text))
                            + list(_selling_customer_outcomes(ctx, block.text)), key=lambda m: m.start()):
            start = block.span.start + match.start()
            sentence = ctx.sentence_at(start)
            if sentence is not None and sentence.span.start in flagged:
                continue
            if promises_only and not _PROMISE_FIGURE.match(block.text, match.start()):
                continue
            own_result = unpublished and sentence is not None and match.re is not POPULATION \
                and _unpublished_result(sentence.text)
            if release and (sentence is None or not (_release_background(sentence.text, start - sentence.span.start,
                                                                                    match.group())
                                                     or _release_unsourced(sentence.text)
                                                     or _release_perception(sentence.text, match)
                                                     or own_result)):
                continue
            if match.re is BENEFIT and not (own_result and _uncontrolled_result(sentence.text)) and not _benefit_claim(match, sentence.text if sentence else block.text):
                continue
            if match.re is POPULATION and not _vague_count_stated(match, sentence.text if sentence else block.text):
                continue
            if (match.re in (CLAIM, BENEFIT) or (match.re is POPULATION and not release)) and sentence is not None \
                    and _reports_study(sentence.text) and not own_result:
                continue
            if match.re is POPULATION and not release and not _prevalence(block.text, match) \
                    and not _share_or_reach(match, sentence.text if sentence else block.text) \
                    and not _selling_outcome_count(ctx, match, block.text):
                continue
            if sentence is not None and _in_about_section(ctx, start, sentence.text):
                continue
            if _funding_amount(match, block.text):
                continue
            if sentence is not None and _study_cost(match, sentence.text, start - sentence.span.start):
                continue  # what a study cost is news about it, not a health figure
            if sentence is not None:
                local = start - sentence.span.start
                if is_debunked(sentence.text, local, local + len(match.group())) or _FINANCE.search(sentence.text):
                    continue
                # The study may be named in this paragraph or the one before it (news stories
                # give every sentence its own paragraph).
                previous = ctx.doc.blocks[index - 1].text if index > 0 else ""
                specific = (_SPECIFIC_STUDY.search(sentence.text) or _NEW_STUDY.search(sentence.text)
                            or _SPECIFIC_STUDY.search(block.text)
                            or _CONTROLLED.search(block.text) or _SPECIFIC_STUDY.search(previous)
                            or _CONTROLLED.search(previous) or _RESULTS_HEADING.match(block.section)
                            or _participants_share(sentence.text))
                if release:  # a background sentence beside the study's own
                    specific = _SPECIFIC_STUDY.search(sentence.text) or _CONTROLLED.search(sentence.text)
                # (A disease's reach beside the study is background, which the study does not source.)
                background = _BACKGROUND_REACH.search(sentence.text) and not _SPECIFIC_STUDY.search(sentence.text)
                if identifies and specific and not _VAGUE_STUDY.search(sentence.text) and not background \
                        and not (own_result and _uncontrolled_result(sentence.text)):
                    continue
                if not release and _controlled_trial_result(ctx, sentence.text, block.text):
                    continue
                if not release and _lede_result_identified_below(ctx, index, sentence.text):
                    ctx.mark_reports_source()
                    continue  # a lede's result whose study the next paragraphs name
                if identifies and not release and _study_own_result(ctx, index, sentence.text):
                    ctx.mark_reports_source()
                    continue  # the reported study's own result, described a paragraph or two up
                # A short paragraph is one attribution unit ("..., he said." closes it); in a
                # long one, the sentence and the one after it.
                if len(block.text) <= 600:
                    nearby = block.text
                    figure_at = sentence.span.start - block.span.start
                else:
                    following = ctx.sentence_at(sentence.span.end + 1)
                    nearby = sentence.text + (" " + following.text if following and following.block == sentence.block else "")
                    figure_at = 0
                if _attribution_own_sentence(match, sentence.text, block.text):
                    nearby, figure_at = sentence.text, 0
                if _speaker_sources(nearby, figure_at, figure_at + len(sentence.text), respondents=not unpublished,
                                    sellers=sellers):
                    continue  # attributed to a named speaker or body
                if _continued_quote(ctx, index, match.end()) or _pronoun_quote(block.text, match.start()):
                    continue  # a speaker's quotation continued from above, or introduced by "he ...:"
                if _phase_trial_result(ctx, sentence.text, local):
                    continue  # "phase III trials showing that ... 70%"
                if any(_SOURCE_LINE.search(b.text) for b in ctx.doc.blocks[index + 1:index + 5]) \
                        or _sources_listed_after(block.text, match.end()):
                    continue  # "Source: CDC" under a chart or fact box
                position = bisect.bisect_left(starts, sentence.span.start)
                before = ctx.doc.sentences[position - 1] if position > 0 else None
                if before is not None and before is not sentence and _DATED_STUDY.search(before.text) \
                        and not (release and _release_perception(sentence.text, match)):
                    continue  # "A 2005 review of 40 trials ... It found that 30% ..."
                if _DATED_STUDY.search(sentence.text[:local]) and not _OWN_SURVEY.search(sentence.text) \
                        and not _company_study(sentence.text):
                    continue  # "A national survey published last year found that one in five ..."
            span = Span(start, block.span.start + match.end())
            yield ctx.finding(spec, span, match.group().strip(), sentence.text if sentence else block.text)
            count += 1
            if sentence is None or not release:
                if sentence is None or not _another_promise(block.text, sentence.span.end - block.span.start):
                    break  # one finding per paragraph: the fix (cite it) is the same
                promises_only = True  # ... but a later product promise is a claim of its own
            # A release's background paragraph gives several unrelated figures (a disease's
            # reach, its deaths, its cost), each of which needs its own source.
            flagged.add(sentence.span.start)
        if count >= int(spec.params.get("max_per_document", 20)):
            return



# Words that look like attribution but give no source a reader could check.
# "In the brand's own member survey, 92% of users said": the customers counted, not a source.
_RESPONDENTS = re.compile(r"(?:%|\bper ?cent|\b(?:users|patients|participants|customers|members|clients|respondents|people|women|"
                          r"men|parents|adults|buyers|reviewers|most|many)|\b\d[\d,]*)\s+(?:also |have |had )?$",
                          re.IGNORECASE)
# "after being told", "were told": told something, not telling us.
_PASSIVE_TOLD = re.compile(r"\b(?:being|been|was|were|is|are|get|got|gets)\s+$", re.IGNORECASE)
# "according to a new study", "according to leading experts", "according to the company": no
# checkable source, or the seller itself (HealthNewsReview asks for independent sources).
_NO_SOURCE_AFTER = re.compile(
    r"\s*(?:(?:some|many|several|leading|top|most|the)\s+){0,2}(?:(?:wellness|health|industry|medical|nutrition|fitness)\s+)?"
    r"(?:studies|research|experts|scientists|doctors|estimates|sources|insiders)\b(?!\s*(?:published|in|at|from|of|by|led|\())",
    re.IGNORECASE)
# A seller's own survey or "perception study" (the ASA/CAP code and the FTC treat such consumer
# perception figures as claims that need substantiation, not as evidence).
_OWN_SURVEY = re.compile(r"\b(?:survey|poll|questionnaire) of (?:(?:more than|over|nearly|about|some) )?(?:\d[\d,]*|hundreds of|thousands of) (?:[\w-]+ )?"
                         r"(?:customers|users|buyers|clients|subscribers|shoppers|members|owners)\b"
                         r"|\b(?:own|our|consumer|customer|member|user|client|internal|in-house)\s+(?:[\w-]+\s+)?"
                         r"(?:survey|poll|questionnaire|perception study|satisfaction study)\b", re.IGNORECASE)
_UNNAMED_BEFORE = re.compile(r"(?:\b(?:by|to) (?:some|many|most|other|several)\s+|(?:^|[.!?]\s+|\n)(?:many |most |some |leading |top )?"
                             r"(?:health |medical )?(?:scientists|experts|doctors|specialists)\s+"
                             r"(?:now |also |still |generally |widely |currently |often |today )?)$", re.IGNORECASE)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"”’]?\s+)$")
_OPENS_CLAIM = re.compile(r"\s+that\b", re.IGNORECASE)
_OPENS_QUOTE = re.compile(r"\s*[:,]?\s*[\"“]")


def _speaker_sources(nearby: str, start: int, end: int, respondents: bool = True,
                     sellers: frozenset[str] = frozenset()) -> bool:
    """True when an attribution in ``nearby`` sources the figure's sentence at ``start:end``.

    A speaker or body named in the paragraph sources it (news paraphrase runs on after "he said"),
    except one that opens a new quotation or claim after it ("Kerry said: \"...\"", "Acme
    estimates that ...", "According to X, ..."). Respondents who
    "said" something in a seller's own survey, a person who "was told", and unnamed experts
    ("according to leading experts") are not sources; without ``respondents`` (a release whose study
    cannot be looked up), no respondents who "said" something are.
    """
    for said in _SAID.finditer(nearby):
        word = said.group().lower()
        lead = nearby[max(0, said.start() - 30):said.start()]
        if word in ("said", "says") and _RESPONDENTS.search(lead) \
                and (not respondents or _OWN_SURVEY.search(nearby) or _respondents_perception(nearby, said)):
            continue
        if word == "told" and _PASSIVE_TOLD.search(lead):
            continue
        if word == "according to" and _NO_SOURCE_AFTER.match(nearby, said.end()):
            continue
        if _not_a_source(nearby, said, nearby[start:end]):
            continue  # a share who "said", the seller's own survey or its users' reports
        if _UNNAMED_BEFORE.search(lead):
            continue  # "By some estimates", "Scientists estimate", "Experts say"
        if _seller_or_unnamed_source(nearby, said, nearby[start:end], sellers):
            continue  # "the company said", "its founder said", "according to a new study"
        if said.start() >= end and (_OPENS_QUOTE.match(nearby, said.end()) or _OPENS_CLAIM.match(nearby, said.end())
                                    or word == "according to" and _SENTENCE_OPENING.search(nearby[:said.start()])):
            continue  # introduces someone else's words or claim, in a later sentence
        return True
    return False


# Benefit claims with a number and a unit rather than a per cent (HealthNewsReview asks that a
# benefit be quantified from a named source; AP style wants every average and rate attributed):
# a speed ("relief in under 60 seconds", "whiter in just 7 days"), an amount ("lowers cholesterol
# by 20 points", "adds 84 minutes of sleep", "up to 12 shades whiter"), "9 times out of 10", and
# averages ("the average adult spends more than 11 hours a day ...", "earn on average $12,000 more").
_BENEFIT_UNIT = (r"(?:points?|calories|kcal|minutes|hours|pounds|lbs|kg|kilos|inches|cm|mmhg|mg/dl|shades|"
                 r"dress sizes|sizes|years)")
_SMALL_NUMBER = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
BENEFIT = re.compile(
    r"(?<![\w.,-])(?:"
    r"(?P<speed>(?:in|within) (?:under|less than) (?:\d{1,3}|an?|one|two|three|five|ten|thirty) (?:seconds?|minutes?)\b)"
    r"|(?:by|adds?|burn(?:s|ed|ing)?|torch(?:es|ed|ing)?|blast(?:s|ed|ing)?|melt(?:s|ed|ing)?|zap(?:s|ped|ping)?|an extra) (?:up to |as much as |an average of |an extra |nearly |over |more than |almost )?"
    r"\d[\d,.]* (?:extra )?" + _BENEFIT_UNIT + r"\b"
    r"|up to \d[\d,.]* " + _BENEFIT_UNIT + r" (?:whiter|brighter|younger|lighter|smaller|slimmer|longer|more|less|fewer)\b"
    r"|" + _SMALL_NUMBER + r" times out of (?:\d{1,3}|ten)\b"
    r"|the average (?:[\w-]+ ){0,2}?(?:person|adult|american|briton|child|kid|teen|teenager|woman|man|patient|wearer|user|"
    r"consumer|household|family|worker|smoker|drinker)s? (?:now )?(?:spends?|eats?|drinks?|loses?|gains?|sleeps?|sits?|walks?|"
    r"stares?|looks?|scrolls?|uses?|watches?|checks?|touches?|picks? up|breathes?|burns?|produces?|sheds?|visits?|goes?|wakes? up|"
    r"consumes?|pays?|is exposed to|gets?|checks?|swallows?|takes?) (?:[\w-]+ ){0,4}?"
    r"(?:about |nearly |over |more than |almost |up to |around )?[$£€]?\d[\d,.]*\b"
    r"|on average,? (?:about |nearly |over |more than |around )?[$£€]?\d[\d,.]*(?:%| \w+)? "
    r"(?:more|less|fewer|longer|higher|lower|extra)\b"
    r"|results? (?:that |which )?(?:can |typically |usually |often )?lasts? (?:for )?(?:up to |about |around |as long as )?"
    r"\d{1,2}(?: to \d{1,2})? (?:months|years)\b"                                            # results last 12 to 18 months
    r"|(?:halves|doubles|triples) (?:\w+ ){0,3}?(?:risk|chances?|odds|rate|bleeds?|deaths?|attacks?|symptoms?|weight loss|"
    r"fat burning|energy|absorption|pain|flashes)\b"
    r")",
    re.IGNORECASE,
)
# A speed is a benefit claim only when the sentence promises relief, not when it gives a
# session's length ("the scan takes less than 10 minutes") or a delivery time.
_BENEFIT_WORD = re.compile(r"\b(?:relief|relieves?|feel|feels|works?|kicks? in|asleep|calm\w*|gone|disappears?)\b", re.IGNORECASE)
_MEASURE = re.compile(r"\b(?:cholesterol|ldl|hdl|blood pressure|systolic|diastolic|a1c|hba1c|glucose|blood sugar|"
                      r"triglycerides|iq|bmi|memory|cognitive)\b", re.IGNORECASE)
# "lowered cholesterol by 13.5 mg/dL", "differed by 15 points", "was on average 3.3 mmHg lower":
# a result reported in the past tense, not the writer's promise.
_REPORTED = re.compile(r"\b(?:(?!(?:bed|red|need|feed|seed|speed|breed|shed|hundred|based|aged|related|advanced)\b)\w+ed|"
                       r"was|were|had|lost|fell|rose|grew|saw|took|did)\b[^.;:!?]{0,60}$", re.IGNORECASE)


def _benefit_claim(match: re.Match[str], sentence: str) -> bool:
    """True when a BENEFIT ``match`` is the writer's claim: a speed needs a promised result in its
    sentence; an amount or average must not be a result told in the past tense."""
    if match.group("speed") is not None:
        return bool(_BENEFIT_WORD.search(sentence))
    if re.search(r"\bpoints?$", match.group(), re.IGNORECASE) and not _MEASURE.search(sentence):
        return False  # a game's or a test's points, not a health measure
    start = sentence.find(match.group())
    return start < 0 or not _REPORTED.search(_without_present_passive(sentence[:start]))


# A share of a population ("half of men over 40", "a third to a half of people") is a rate like
# a per cent; a count placed in a country or the world ("over 40 million procedures worldwide",
# "millions of adults have undiagnosed ADHD") gives a disease's or a treatment's reach. A
# provider counting its own patients ("we have treated 2,000 patients from around the world")
# is a testimonial (HC31x), not a statistic.
_SHARE = re.compile(r"^\W*(?:(?:up to|nearly|almost|about|approximately|over|more than|around|roughly|an estimated|as many as|some|fewer than) )?"
                    r"(?:half|a third|a quarter|one-third|one-quarter|two-thirds|two thirds|three-quarters|three quarters)\b", re.IGNORECASE)
_REACH = re.compile(r"\b(?:worldwide|around the world|globally|across the (?:country|globe|world)|nationwide|in the (?:u\.s\.|us|united states|uk|country)|"
                    r"(?:have|has|go|are|is|remain) (?:undiagnosed|untreated|undetected)|undiagnosed|suffer(?:s|ing)?|struggl(?:e|es|ing) with|"
                    r"deal(?:s|ing)? with)\b", re.IGNORECASE)
_OWN = re.compile(r"\b(?:we|our|us|I|my)\b", re.IGNORECASE)


def _share_or_reach(match: re.Match[str], sentence: str) -> bool:
    """True when a count of people outside a release is a share of a population or a reach."""
    if _SHARE.match(match.group()):
        return True
    return bool(_REACH.search(sentence)) and not _OWN.search(sentence)


# A count in words ("millions of adults") is a statistic only where it states a disease's reach
# as fact ("Millions of adults have undiagnosed ADHD", "Dengue sickens hundreds of millions of
# people every year"), not in a hope ("could transform how millions of women ...") or a company's
# description of its reach.
_VAGUE_COUNT = re.compile(r"^\W*(?:tens of |hundreds of )?(?:thousands|millions|billions)\b", re.IGNORECASE)
_DISEASE_REACH = re.compile(r"\b(?:affect(?:s|ing|ed)?|liv(?:e|es|ing) with|suffer(?:s|ing)?(?: from)?|(?:are|is) diagnosed|"
                            r"(?:have|has|go|are|remain) (?:undiagnosed|untreated|undetected)|undiagnosed|sicken(?:s|ed)?|"
                            r"kill(?:s|ed)?|die (?:of|from|each|every)|dies|leading cause)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:could|may|might|will|would|can)\b", re.IGNORECASE)


def _vague_count_stated(match: re.Match[str], sentence: str) -> bool:
    """False for a count in words that is not a disease's reach stated as fact."""
    if not _VAGUE_COUNT.match(match.group()):
        return True
    return bool(_DISEASE_REACH.search(sentence)) and not _MODAL.search(sentence)


# "Studies show", "research has shown": a vague appeal (HC102), not the report of a study that
# would source a figure; and "those who"/"people who" alone, in a promise ("can heal up to twice
# as fast as those who rest"), is a comparison, not a study.
_VAGUE_APPEAL = re.compile(r"\b(?:(?:clinical |scientific )?(?:studies|research|science) (?:show|shows|have shown|has shown|"
                           r"prove|proves|confirm|confirms|suggest|suggests)|studies have found|research has found)\b", re.IGNORECASE)
_WEAK_REPORT = re.compile(r"^(?:patients who|people who|those who|group|compared (?:with|to))$", re.IGNORECASE)
_PROMISE = re.compile(r"\b(?:can|will)\b", re.IGNORECASE)


def _reports_study(sentence: str) -> bool:
    """True when ``sentence`` reports a study's result (its study sources the figure)."""
    if _unnamed_report(sentence):
        return False
    text = _VAGUE_APPEAL.sub(" ", sentence)
    hits = [m.group() for m in _STUDY_REPORT.finditer(text)]
    if not hits:
        return False
    return not (all(_WEAK_REPORT.match(h) for h in hits) and _PROMISE.search(text))


# A figure in a release that the study it announces does not source: the results of "past
# studies" it compares itself with ("response rates of roughly 10% to 20% in past studies").
_PAST_STUDIES = re.compile(r"\b(?:in|from|by) (?:past|previous|prior|earlier|other|older|historical) (?:\w+ )?(?:studies|trials|research)\b",
                           re.IGNORECASE)


def _release_unsourced(sentence: str) -> bool:
    """True when a release's figure comes from unnamed past studies."""
    if _NAMED_BODY.search(sentence) or _FLAT_MARKER.search(sentence) or _SPECIFIC_STUDY.search(sentence) \
            or re.search(r"[\"“”]", sentence):
        return False  # this study's own figure, or a speaker's words
    return bool(_PAST_STUDIES.search(sentence))


# The seller as the only source of a figure ("..., the company said", "According to the company,
# ...", "The maker says ..."): HealthNewsReview asks whether a story relies on independent
# sources, and a company's word on its own product is not one.
_SELLER_BEFORE = re.compile(r"\b(?:the|its|their) (?:company|companies|manufacturer|maker|makers|firm|brand|seller|retailer|"
                            r"startup|start-up)(?:'s (?:website|founders?|spokes(?:wo)?man|spokesperson))?\s+$", re.IGNORECASE)
_SELLER_AFTER = re.compile(r"\s*(?:the|its|their) (?:company|manufacturer|maker|makers|firm|brand|seller|retailer|startup|start-up)"
                           r"(?:'s (?:website|own (?:data|figures|numbers)|marketing|ads?|advertising))?\b(?!\s+(?:and|or)\b)",
                           re.IGNORECASE)
# "according to a new study", "according to one survey": a study no reader can find.
_UNNAMED_STUDY_AFTER = re.compile(r"\s*(?:a|an|one) (?:(?:new|recent|small|large|major|big|landmark|new small|new large) )?"
                                  r"(?:study|survey|report|analysis|trial|poll)\b(?!\s*(?:published|in|at|from|of|by|led|\(|,? (?:which|that) (?:was|is|appeared|appears) (?:published|in)))",
                                  re.IGNORECASE)


# A figure from a trial the company reports ("a late-stage trial found ..., the company said") is
# the trial's result, which HC103 asks to reference; the seller alone vouches only for claims
# about its product's performance.
# ... and only for its product's performance ("is 99% accurate", "improves by 63%", "64% more
# cartilage"), not for its own counts, prices or recipe ("2 million people use the app").
_PERFORMANCE = re.compile(r"\b(?:eliminat\w*|remov(?:e|es|ed|ing)|stops?|stopped|prevent\w*|clears?|cleared|heals?|healed|cures?|cured|reliev\w*|resolv\w*|gets? rid|accura\w*|improv\w*|better|faster|more(?! than)|less(?! than)|fewer(?! than)|lower|higher|reduc\w*|cuts?|boost\w*|"
                          r"increas\w*|detect\w*|identif\w*|flag\w*|sensitivity|specificity|effective\w*|success\w*|"
                          r"reli\w*|clarity|times out of)\b", re.IGNORECASE)
_MONEY_WORDS = re.compile(r"\b(?:prices?|costs?|revenue|sales|profits?|earnings|market|shares?|investors?|funding|jobs)\b", re.IGNORECASE)
_TRIAL_WORDS = re.compile(r"\b(?:trials?|studies|study|placebo|randomi[sz]ed|phase|participants|enrolled|published)\b", re.IGNORECASE)


def _seller_or_unnamed_source(nearby: str, said: re.Match[str], sentence: str = "",
                              sellers: frozenset[str] = frozenset()) -> bool:
    """True when the attribution ``said`` names only the seller (of a claim about its product
    that no trial in ``sentence`` backs): the company, or a person the page names as its founder,
    owner or chief executive (``sellers``, by surname); or an unnamed study."""
    word = said.group().lower()
    if word == "according to" and _UNNAMED_STUDY_AFTER.match(nearby, said.end()):
        return True
    if _TRIAL_WORDS.search(sentence) or not _PERFORMANCE.search(sentence) or _MONEY_WORDS.search(sentence):
        return False
    if word == "according to":
        return bool(_SELLER_AFTER.match(nearby, said.end())
                    or not _PREVALENCE.search(sentence) and _names_seller(nearby[said.end():said.end() + 40], sellers, after=True))
    if _SELLER_BEFORE.search(nearby[max(0, said.start() - 40):said.start()]):
        return True
    # (A named founder giving a disease's reach speaks of the disease, not the product.)
    return not _PREVALENCE.search(sentence) and (_names_seller(nearby[max(0, said.start() - 40):said.start()], sellers, after=False)
                                                 or _names_seller(nearby[said.end():said.end() + 40], sellers, after=True))


# Who sells, by name: "CryoDot Labs, founded by Gary Lindell", "Caleb Moreno, founder and CEO of
# Aridia", "the company's chief executive, Ana Ruiz". Such a person vouching for the product's
# performance ("Lindell said the pen removed warts in 95% of users") is the seller speaking.
_NAME = r"(?:Dr\.? )?[A-Z][a-z]+(?: [A-Z]\.)? (?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
_SELLER_ROLE = r"(?:co-?founder|founder|owner|inventor|creator|CEO|chief executive(?: officer)?)"
_SELLER_NAMED = [
    re.compile(rf"\b(?:founded|started|invented|created|owned|run) by (?:[\w-]+ ){{0,4}}?{_NAME}\b"),
    re.compile(rf"\b{_NAME},? (?:(?:the|its|their|a) )?(?:[\w-]+ )?{_SELLER_ROLE}\b"),
    re.compile(rf"\b{_SELLER_ROLE}(?: and {_SELLER_ROLE})?,? {_NAME}\b"),
]


def seller_names(text: str) -> frozenset[str]:
    """Surnames of the people ``text`` names as the seller's founder, owner or chief executive."""
    return frozenset(m.group("surname") for pattern in _SELLER_NAMED for m in pattern.finditer(text))


# The speaker's surname right after a reporting verb ("said Gary Lindell") or right before it.
_SPEAKER_AFTER_VERB = re.compile(r"\s*(?:Dr\.? )?(?:[A-Z][a-z]+ )?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_SPEAKER_BEFORE_VERB = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?),?\s*$")


def _names_seller(text: str, sellers: frozenset[str], after: bool) -> bool:
    """True when the speaker right before (or, with ``after``, right after) a reporting verb is one
    of ``sellers``."""
    if not sellers:
        return False
    found = _SPEAKER_AFTER_VERB.match(text) if after else _SPEAKER_BEFORE_VERB.search(text)
    return bool(found and found.group(1) in sellers)


# "Scientists estimate that ...", "Experts believe ...": unnamed experts, not a study report that
# would source the figure; "a study published in a respected journal", "a trial from a leading
# university": a source described only by its prestige, which no reader can look up.
_UNNAMED_EXPERTS = re.compile(r"(?:^|[.!?]\s+)(?:many |most |some |leading |top )?(?:scientists|experts|researchers|doctors)\s+"
                              r"(?:now )?(?:estimate|believe|say|think|agree)\b", re.IGNORECASE)
_PRESTIGE_SOURCE = re.compile(r"\b(?:a|an|one) (?:(?:very|highly|internationally|world) )?(?:respected|leading|prestigious|top|renowned|"
                              r"well-known|reputable|world-renowned|world-class|major|famous|top-tier|elite) (?:[\w-]+ ){0,2}"
                              r"(?:journal|university|universities|institute|medical school|hospital|medical center|research (?:center|centre|institute))\b",
                              re.IGNORECASE)


def _unnamed_report(sentence: str) -> bool:
    """True when the study words of ``sentence`` credit its figure to unnamed experts or to a
    source described only by its prestige."""
    return bool(_UNNAMED_EXPERTS.search(sentence) or _PRESTIGE_SOURCE.search(sentence))


# "In a study of 2,400 users run by the company": the seller's own unpublished data, like its own survey.
_COMPANY_STUDY = re.compile(r"\b(?:study|survey|trial|analysis|test|tests|testing) (?:[\w,]+ ){0,5}?(?:run|conducted|carried out|done|"
                            r"performed) by (?:the|its) (?:company|manufacturer|maker|firm|brand)\b", re.IGNORECASE)


def _company_study(sentence: str) -> bool:
    """True when ``sentence`` credits its figure to a study the seller ran itself."""
    return bool(_COMPANY_STUDY.search(sentence))


# A release's own forecast of what its product will achieve ("Acme estimates that clinics using
# the test could see pregnancy rates rise by up to 100%", "the company says the test will spare
# thousands of men every year"): not a result of the study it announces but an extrapolation,
# which HealthNewsReview asks to see the basis of. The issuer is the subject; a named statistics
# body ("The American Cancer Society estimates that ...") or a quoted researcher is a source.
_PROJECTION = re.compile(
    r"(?:^|[.!?]\s+|,\s+)(?:(?:the|its) (?:company|firm|manufacturer|maker)|(?-i:[A-Z][\w-]*[a-z][\w-]*))"
    r" (?:estimates|projects|predicts|calculates|expects|says|believes)(?: that)? "
    r"(?:[^\"“”.;]{0,80}?)\b(?:could|can|will|would)\b", re.IGNORECASE)
_PROJECTED_FIGURE = re.compile(
    r"(?:(?:up to|an average of|about|around|nearly|more than|over|as much as|roughly) )?"
    r"(?:[$£€]\d[\d,.]*(?: (?:million|billion))?|\d[\d,.]*\s?(?:%|per ?cent\b)|(?:tens of |hundreds of )?(?:thousands|millions) of [a-z]+"
    r"|\d{1,3}(?:,\d{3})+ [a-z]+)", re.IGNORECASE)


def _release_projections(ctx: DocContext, spec: RuleSpec, block: object, index: int) -> Iterator[tuple[int, Finding]]:
    """(sentence start, finding) for each forecast figure the issuer of a release gives as its own."""
    for sentence in ctx.doc.sentences:
        if sentence.block != index:
            continue
        text = sentence.text
        if text.lstrip()[:1] in "\"“" or _NAMED_BODY.search(text) or _FLAT_MARKER.search(text):
            continue
        projection = _PROJECTION.search(text)
        if projection is None:
            continue
        subject = projection.group().lstrip(".!?, ").split(" ")[0]
        if subject.lower() not in ("the", "its") and subject not in ctx.doc.text[:600]:
            continue  # an analyst or a researcher, not the issuer announcing in the lede
        if _FINANCE.search(text) or _MONEY_WORDS.search(text) or _NOT_HEALTH_SIZE.search(text):
            continue  # a business forecast (earnings, jobs, stores), not a health benefit
        if _TRIAL_WORDS.search(text) or re.search(r"\benrol", text, re.IGNORECASE):
            continue  # a trial's plan or result, which the release itself sources
        figure = _PROJECTED_FIGURE.search(text, projection.end())
        if figure is None:
            continue
        start = sentence.span.start + figure.start()
        yield sentence.span.start, ctx.finding(spec, Span(start, sentence.span.start + figure.end()),
                                                figure.group().strip(), text)


# "where a cancer is located", "is based on": a present-tense participle that describes, not a
# result told in the past tense.
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|be|being|gets?)\s+\w+ed\b", re.IGNORECASE)


def _without_present_passive(text: str) -> str:
    """``text`` with its present-tense passives blanked out."""
    return _PRESENT_PASSIVE.sub(" ", text)


def _another_promise(text: str, after: int) -> bool:
    """True when paragraph ``text``, past offset ``after`` (the end of the sentence just flagged),
    makes a benefit promise of its own ("up to 20 times better uptake", "users lose an average of
    2 pounds a week"): each is a separate claim to substantiate (FTC), so each gets its finding."""
    return bool(_PROMISE_FIGURE.search(text, after))


_PROMISE_FIGURE = re.compile(
    r"(?:up to (?:\d{1,3}|two|three|four|five|ten) times (?:better|faster|more|stronger)"
    r"|(?:lose|shed|drop)s? (?:up to |an average of |as much as )\d{1,3}(?:\.\d+)?(?: to \d{1,3})? ?(?:lbs?|pounds|kg|kilos)"
    r"|\d{1,3}(?:\.\d)?x (?:faster|more|better|stronger))\b", re.IGNORECASE)


# "Oxford's $13 million cannabis research project", "a £10 million ($13 million) programme to ...",
# "received a $2.5 million grant", "the $6.47 million trial was funded by": what research costs or
# is given, not a health statistic a reader needs a source for (a disease's cost, "$50 billion a
# year in lost work", still is).
_MONEY = re.compile(r"(?:US\$|USD|\$|€|£)|\bdollars\b", re.IGNORECASE)
_FUNDED_THING = re.compile(
    r"\s*\)?\s*(?:\([^()]{0,30}\)\s*)?(?:[\w-]+\s+){0,3}?(?:(?:research|study|trial)\s+)?"
    r"(?:project|programme|program|grants?|initiative|fund|gift|donation|bequest|investment|endowment|award|contract|"
    r"consortium|partnership|collaboration|campaign|budget|trial|study|facility|building|wing|centre|center)s?\b",
    re.IGNORECASE)
_FUNDING_BEFORE = re.compile(
    r"\b(?:grants?|funding|funded|funds|raised|raising|donated|donation|gift|invest(?:ed|ing|s|ment)?|awarded|"
    r"pledged|allocated|budget(?:ed)?)\b(?:\s+[\w-]+){0,3}\s+$", re.IGNORECASE)


def _funding_amount(match: re.Match[str], text: str) -> bool:
    """True when the money figure ``match`` in ``text`` is what a research project, grant or
    facility costs or receives."""
    if not _MONEY.search(match.group()):
        return False
    return bool(_FUNDED_THING.match(text, match.end())
                or _FUNDING_BEFORE.search(text[max(0, match.start() - 50):match.start()]))


def _controlled_trial_result(ctx: DocContext, sentence: str, paragraph: str) -> bool:
    """True when a news story's figure is compared, in its own sentence, with a control group of
    the trial its paragraph describes ("The study ... followed women ... more than half of the
    women in a control group (58%) were still depressed"): the trial's own result, whether or
    not the story names the journal. Not on a selling page or in a seller's own ("our") study."""
    if sells_by_findings(ctx) or _OWN.search(paragraph) or _company_study(paragraph) or _OWN_SURVEY.search(paragraph):
        return False
    if _VAGUE_STUDY.search(sentence) or _unnamed_report(paragraph):
        return False
    return bool(_CONTROLLED.search(sentence) and _SPECIFIC_STUDY.search(paragraph))


# "70 percent of participants experienced ...", "in 12% of the participants": a share of the
# study's own participants, in a story that names its study; not where the sentence brings in
# another study ("In a meta-analysis of six trials, among 95,000 participants, ...").
_PARTICIPANTS_SHARE = re.compile(r"\b(?:of|among) (?:the )?(?:trial |study )?participants\b", re.IGNORECASE)
_ANOTHER_STUDY = re.compile(r"\b(?:a|an|one|another) (?:[\w-]+ ){0,3}?(?:study|trial|meta-analysis|analysis|review|survey)\b",
                            re.IGNORECASE)


def _participants_share(sentence: str) -> bool:
    """True when ``sentence`` gives a share of the participants of the study the story reports."""
    return bool(_PARTICIPANTS_SHARE.search(sentence)) and not _ANOTHER_STUDY.search(sentence)


# A release's headline and deck (the lines above its dateline paragraph) are its own voice: a
# result figure there ("Dengue cases plunge 61%", "... with 96% accuracy", "helps people fall
# asleep twice as fast, new study shows") reaches readers without the study's size, design or
# comparison, which HealthNewsReview asks a headline not to drop. Not where the headline names a
# registered trial ("in Phase 3 DAYBREAK-1 Trial") or a journal: that points the reader to it.
_HEADLINE_NAMED_SOURCE = re.compile(r"\b[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)* (?:[Tt]rial|[Ss]tudy)\b|\b(?i:journal|published in)\b"
                                    r"|\b(?i:(?:CDC|WHO|NIH|census|surveillance))\b")
_BODY_START = re.compile(r"(?:^|\s)(?:--|—|–)\s|\b(?:today|this week) (?:announced|released|unveiled|launched|reported)\b"
                         r"|^(?:for immediate release|press release)\b:?\s*[^\s|]", re.IGNORECASE)
_HEADLINE_RESULT = re.compile(r"%|\bper ?cent\b|\btimes\b|\btwice\b|\bhal(?:f|ves)\b|\bthirds?\b|\bquarters?\b|\d\s?x\b|\bin (?:ten|10)\b",
                              re.IGNORECASE)
# A deck that gives the study, its size or its comparison ("Study of 3,418 adults finds ...",
# "... compared with 22% of those with sham stimulation", "in CORMORANT-201") carries the context.
_HEADLINE_STUDY = re.compile(r"\b(?:stud(?:y|ies)|trials?|data|research\w*|researchers|participants|placebo|sham|versus|vs\.?|"
                             r"compared|standard (?:therapy|care|treatment)|phase \d|only)\b|\bin (?-i:[A-Z]{2,}[A-Z0-9]*-\d+)\b", re.IGNORECASE)


def _release_headline_blocks(ctx: DocContext) -> tuple[set[int], int | None]:
    """Indexes of a release's headline and deck: short main-region lines above the first body
    paragraph (its dateline, "today announced", or the first full paragraph); and the index of
    that paragraph when it carries the dateline."""
    heads: set[int] = set()
    for index, block in enumerate(ctx.doc.blocks):
        if block.region != "main":
            continue
        text = block.text.strip()
        words = len(text.split())
        if _BODY_START.search(text[:200]):
            return heads, index
        if words > 40 or (words > 25 and text[-1:] in ".!?\"”"):
            break
        if 5 <= words and len(text) <= 250 and "|" not in text and text[-1:] not in ".:" \
                and text.lstrip()[:1] not in "\"“":
            heads.add(index)
    return heads, None


def _headline_figures(ctx: DocContext, spec: RuleSpec, block: object) -> Iterator[Finding]:
    """The first result figure of a release's headline or deck ``block``."""
    text = block.text
    if _HEADLINE_NAMED_SOURCE.search(text) or _HEADLINE_STUDY.search(text) or _FINANCE.search(text) \
            or _MONEY_WORDS.search(text):
        return
    candidates = [m for m in find_statistics(text) if m.re is not POPULATION and not _MONEY.search(m.group())
                  and _HEADLINE_RESULT.search(m.group())]
    for match in sorted(candidates, key=lambda m: m.start()):
        if is_debunked(text, match.start(), match.end()):
            continue
        span = Span(block.span.start + match.start(), block.span.start + match.end())
        yield ctx.finding(spec, span, match.group().strip(), text)
        return


# The release's opening sentence describing its product ("today announced the launch of X, a
# saliva test that detects endometriosis with 96% accuracy"): an accuracy the seller vouches
# for, with no study in the sentence to say how it was measured (FDA and FTC guidance ask for
# the basis of a diagnostic's performance claim).
_ACCURACY_FIGURE = re.compile(r"(?<![\w.,-])(?:up to |nearly |over |more than |about )?\d{1,3}(?:\.\d+)?\s?(?:%|per ?cent\b)(?= (?:accura|sensitiv|specific))"
                              r"|\b(?:accuracy|sensitivity|specificity) (?:rate )?of (?:up to |nearly |over |more than |about )?\d{1,3}(?:\.\d+)?\s?(?:%|per ?cent\b)"
                              r"|(?<![\w.,-])\d{1,3}(?:\.\d+)?\s?(?:%|per ?cent) accurate\b", re.IGNORECASE)


def _lede_accuracy(ctx: DocContext, spec: RuleSpec, block: object, index: int) -> Iterator[Finding]:
    """An accuracy figure in the first sentence of a release's dateline paragraph ``block``,
    with no study, trial or researcher named in that sentence."""
    first = next((s for s in ctx.doc.sentences if s.block == index), None)
    if first is None or _TRIAL_WORDS.search(first.text) or _STUDY_RESULT.search(first.text) \
            or _NAMED_BODY.search(first.text) or re.search(r"[\"“”]", first.text):
        return
    match = _ACCURACY_FIGURE.search(first.text)
    if match is None or is_debunked(first.text, match.start(), match.end()):
        return
    start = first.span.start + match.start()
    yield ctx.finding(spec, Span(start, first.span.start + match.end()), match.group().strip(), first.text)


# A selling page's count of the outcomes it claims ("2,800+ patients helped", "More than 6,000
# babies born", "Over 50,000 women have transformed their bodies"): a results claim in numbers,
# which the ASA/CAP code and the FTC ask the seller to substantiate like any other figure. Not
# a count of users or followers ("trusted by", "loved by": HC31x) nor a disease's reach.
_OUTCOME_AFTER = re.compile(
    r"\s*(?:(?:and|or|&) [a-z]+\s+)?(?:(?:have|has|had)\s+(?:already\s+|now\s+|successfully\s+)?)?(?:successfully\s+)?"
    r"(?:helped|treated|healed|cured|born|delivered|transformed|restored|reversed|freed|recovered|reclaimed|regained|"
    r"said goodbye to|got rid of|beaten|beat|overcome|overcame|conquered|kicked|ditched|cleared|eliminated|"
    r"lost|slimmed|got (?:their|her|his) lives back|pain[- ]free|symptom[- ]free)\b", re.IGNORECASE)
_OUTCOME_SUBJECT = re.compile(r"(?:patients|people|clients|women|men|babies|children|families|adults|lives|cases)$", re.IGNORECASE)


def _selling_outcome_count(ctx: DocContext, match: re.Match[str], text: str) -> bool:
    """True when a count of people ``match`` in ``text``, on a page that sells, counts the
    seller's claimed outcomes."""
    if not sells_unless_release(ctx):
        return False  # (HC101 runs before the call-to-action rules: the page's own selling lines)
    if not _OUTCOME_SUBJECT.search(match.group()) or _VAGUE_COUNT.match(match.group()):
        return False
    return bool(_OUTCOME_AFTER.match(text, match.end()))


# "100% absorption", "a 100% success rate": a total effect claimed for a product, not a recipe
# ("100% natural") — the seller's figure to substantiate; not where it is denied ("no drip gives
# 100% absorption").
_TOTAL_EFFECT = re.compile(r"\s*(?:absorption|absorbed|absorbable|bioavailab\w*|success rate|cure rate|recovery rate"
                           r"|effective(?:ness)?|efficacy|efficacious|success|protection|protected|kill rate|clearance|elimination)\b", re.IGNORECASE)
_DENIED_BEFORE = re.compile(r"\b(?:no|not|never|nothing|none|isn't|aren't|doesn't|don't|cannot|can't|without)\b[^.!?]{0,40}$", re.IGNORECASE)


def _total_effect(match: re.Match[str], text: str) -> bool:
    """True when a "100%" ``match`` in ``text`` claims a product's total effect, not denied."""
    if text[max(0, match.start() - 1):match.start()] in ("\"", "“", "‘", "'"):
        return False  # the phrase quoted in order to weigh it
    return bool(_TOTAL_EFFECT.match(text, match.end())) and not _DENIED_BEFORE.search(text[max(0, match.start() - 60):match.start()])


# "Nine in ten participants said they would recommend it to a friend", "94% were satisfied": a
# consumer-perception figure, which the ASA/CAP code and the FTC treat as a claim that needs
# substantiation, not as a result of the study a release announces; not a speaker's quoted words.
_PERCEPTION = re.compile(r"\bwould (?:\w+ )?recommend\b|\b(?:were|was|felt|are|is) (?:very |highly |completely )?satisfied\b|\bsatisfaction (?:rate|score)\b",
                         re.IGNORECASE)


def _release_perception(sentence: str, match: re.Match[str]) -> bool:
    """True when a release's share ``match`` counts those who would recommend the product or
    were satisfied with it."""
    if match.re is not STATISTIC or re.search(r"[\"“”]", sentence):
        return False
    return bool(_PERCEPTION.search(sentence))


def _respondents_perception(nearby: str, said: re.Match[str]) -> bool:
    """True when the respondents who ``said`` something gave their verdict on the product ("said
    they would recommend it"): counted customers, not a source."""
    return bool(_PERCEPTION.search(nearby[said.end():said.end() + 40]))


# "the subject of more than 400 published studies", "backed by 50+ clinical trials": a selling
# page counting research in place of citing any of it (JAMA benchmarks, HealthNewsReview: a
# number of studies is not a source). Not a review saying how many trials it pooled.
STUDY_COUNT = re.compile(r"(?<![\w.,$-])(?:(?:more than|over|nearly|almost|some|about) )?\d{1,3}(?:,\d{3})*\+? "
                         r"(?:(?:published|clinical|scientific|peer-reviewed|medical|independent|human) ){0,2}(?:studies|trials|papers)\b",
                         re.IGNORECASE)
_POOLED = re.compile(r"\b(?:pooled|analy[sz]ed|reviewed|combined|included|identified|meta-analysis|systematic review|we|our team)\b", re.IGNORECASE)


def _selling_study_counts(ctx: DocContext, text: str) -> Iterator[re.Match[str]]:
    """Counts of studies in ``text`` on a page that sells (not a release)."""
    if not sells_unless_release(ctx):
        return
    for match in STUDY_COUNT.finditer(text):
        start = max(text.rfind(". ", 0, match.start()), 0)
        if not _POOLED.search(text[start:match.start()]):
            yield match


# Whose words a figure is, when its paragraph also quotes someone: a figure whose own sentence
# names the seller as its source ("According to the company, the app is 99% accurate") is not
# re-sourced by the next sentence's "ToothPath says ..."; and a disease's reach the story states
# after a speaker's quoted words have closed ('..., she said, "as soon as possible". With around
# 55 million people living with dementia ...') is the story's own background, not the speaker's.
_SELLER_IN_SENTENCE = re.compile(r"\baccording to (?:the|its) (?:company|manufacturer|maker|firm|brand|seller|startup|start-up)\b"
                                 r"|\b(?:the|its) (?:company|manufacturer|maker|firm|brand|seller|startup|start-up) (?:says|said|claims|claimed)\b",
                                 re.IGNORECASE)
_CLOSED_QUOTE = re.compile(r"[\"”][.!?]?\s*$|[.!?][\"”]\s*$")


def _attribution_own_sentence(match: re.Match[str], sentence: str, paragraph: str) -> bool:
    """True when only the figure's own sentence can source it (see above)."""
    if sentence.lstrip()[:1] in "\"“" or re.search(r"[\"“”]", sentence):
        return False
    if _SELLER_IN_SENTENCE.search(sentence) and _PERFORMANCE.search(sentence):
        return True
    if not re.search(r"\b" + _PEOPLE + r"\b", match.group(), re.IGNORECASE) or not _DISEASE_REACH.search(sentence):
        return False
    at = paragraph.find(sentence)
    return at > 0 and bool(_CLOSED_QUOTE.search(paragraph[:at]))


# A news story's figures that are the reported study's own results: the figure's paragraph or one
# of the two before it shows the study's team at work ("Researchers hooked up 79 babies to an
# EEG", "a British research team found", "Cook's team implanted each patient") or counts from its
# cohort ("For 11 of the 15 patients, ..."). A story gives each sentence its own paragraph, so the
# study's description sits a paragraph or two above its results. Not a figure brought in from
# other research ("Prior research has shown ..."), nor a disease's reach or a general fact stated
# in the present tense ("testosterone levels decline by about 1% every year").
_STUDY_AT_WORK = re.compile(
    r"\b(?:researchers|investigators|scientists|the (?:study |research )?team|(?:[\w-]+ )?research team|the (?:study(?:['’]s)? )?authors"
    r"|(?-i:[A-Z][a-z]+)'s (?:team|group|colleagues))"
    r" (?:also |then |later )?(?:could|were able to|measured|predicted|calculated|determined|unearthed|found|offered|hooked|"
    r"looked at|followed|tracked|implanted|gave|randomly|assigned|enrolled|recruited|tested|analy[sz]ed|compared|studied|"
    r"screened|examined|surveyed|asked)\b"
    r"|\bthe (?:new |latest )?(?:study|trial|analysis) (?:included|enrolled|involved|followed|tracked|recruited) (?:about |more than |nearly |almost |some )?[\d,]+"
    r"|\b\d[\d,]* (?:of|out of) (?:the|those|these) [\d,]+ (?:[\w-]+ )?(?:patients|participants|people|volunteers|subjects|"
    r"adults|children|babies|infants|women|men|infants)\b", re.IGNORECASE)
_OTHER_RESEARCH = re.compile(r"\b(?:prior|previous|past|earlier|other|older) (?:\w+ )?(?:research|studies|trials|work)\b"
                             r"|\b(?:research|studies) (?:has|have) (?:shown|found|suggested)\b", re.IGNORECASE)
# Where the story says the study appeared ("published Dec. 7 in the online edition of The Lancet",
# "in the journal Pediatrics", "presented the data at the ... meeting").
_SAYS_WHERE_PUBLISHED = re.compile(r"\bpublished\b(?:\s+[\w.,-]+){0,6}?\s+in (?:the )?(?:online edition of |[\w-]+ issue of )?(?:the )?(?-i:[A-Z])"
                                   r"|\bjournal\b|\bpresented (?:[\w-]+ ){0,3}(?:at|to) (?:the |an? )?(?:annual )?(?-i:[A-Z])", re.IGNORECASE)
_PAST_RESULT = re.compile(r"\b(?:was|were|had|could|found|saw|did|seemed|showed|\w+ed)\b", re.IGNORECASE)


def _study_own_result(ctx: DocContext, index: int, sentence: str) -> bool:
    """True when a news story's figure in ``sentence`` (in block ``index``) is the result of the
    study the story describes in that sentence, earlier in its paragraph or in the two paragraphs
    before it (a study introduced after the figure does not source it)."""
    if ctx.is_press_release or sells_by_findings(ctx) or _OWN.search(sentence) or _OWN_SURVEY.search(sentence):
        return False
    if not (_SAYS_WHERE_PUBLISHED.search(ctx.doc.text) or any(l.kind == "citation" for l in ctx.doc.links)):
        return False
    if _VAGUE_STUDY.search(sentence) or _OTHER_RESEARCH.search(sentence) or _REACH.search(sentence) \
            or _PREVALENCE.search(sentence) or not (_PAST_RESULT.search(sentence) or _PAST_IRREGULAR.search(sentence)):
        return False
    own = ctx.doc.blocks[index].text
    at = own.find(sentence)
    texts = [b.text for b in ctx.doc.blocks[max(0, index - 2):index]] + [own[:at + len(sentence)] if at >= 0 else sentence]
    if any(_STUDY_AT_WORK.search(t) and not _company_study(t) for t in texts):
        return True
    # A run of results: the story sets out the study's findings over several short paragraphs
    # ("At five years, deaths fell by 54 percent ... After twenty years, risk dropped by 10
    # percent ..."); the run sources each of its figures if it starts where the study is at work.
    for block in reversed(ctx.doc.blocks[max(0, index - RESULTS_RUN):index]):
        text = block.text
        if _STUDY_AT_WORK.search(text):
            return not _company_study(text)
        if not _results_paragraph(text):
            return False
    return False


RESULTS_RUN = 6
_PAST_IRREGULAR = re.compile(r"\b(?:fell|rose|grew|sank|sunk|shrank|shrunk|went|came|took|got|cut|lost|kept|slid|spent|led)\b", re.IGNORECASE)
_ANY_FIGURE = re.compile(r"\d|\b(?:half|a third|a quarter|percent)\b", re.IGNORECASE)


def _results_paragraph(text: str) -> bool:
    """True for a paragraph that reports results in the past tense and brings in no other research,
    no quotation and no heading: a link in a run of a study's results."""
    return bool(_ANY_FIGURE.search(text) and (_PAST_RESULT.search(text) or _PAST_IRREGULAR.search(text))
                and not text.lstrip().startswith(('"', "“"))
                and not _OTHER_RESEARCH.search(text) and not _VAGUE_STUDY.search(text)
                and not _REACH.search(text) and not _PREVALENCE.search(text) and len(text.split()) >= 8)


# A fact box that lists its sources at its end ("... Sources: CDC; NIMH; Journal of ...") sources
# every figure above that line in the same paragraph.
def _sources_listed_after(text: str, end: int) -> bool:
    """True when ``text`` after offset ``end`` lists sources ("Sources: CDC; ...")."""
    return bool(_SOURCE_LINE.search(text, end))


# What a study cost, as its critics or backers put it ("a $32 million waste of time", "the $20
# million trial", "the study cost taxpayers $30 million"): a fact about the news subject, not a
# health statistic.
_STUDY_COST_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:waste|boondoggle|price tag|study|trial|experiment|effort)\b", re.IGNORECASE)
_STUDY_COST_BEFORE = re.compile(r"\b(?:cost|costs|costing|spent|spending|price tag of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_STUDY_WORD = re.compile(r"\b(?:study|trial|research|experiment)\b", re.IGNORECASE)


def _study_cost(match: re.Match[str], sentence: str, local: int) -> bool:
    """True when the money figure ``match`` (at ``local`` in ``sentence``) is what a study cost."""
    if not _MONEY.search(match.group()) or not _STUDY_WORD.search(sentence):
        return False
    end = local + len(match.group())
    return bool(_STUDY_COST_AFTER.match(sentence, end) or _STUDY_COST_BEFORE.search(sentence[max(0, local - 40):local]))


# A quotation that runs over several paragraphs (AP and news convention: no closing mark at the
# end of each paragraph but the last, an opening mark at the start of each new one) is still the
# speaker's: a figure in a continuation paragraph is sourced by the named speaker who opened the
# quote a paragraph or two above ('Professor X said: "... <new paragraph> "... about 20 per cent."').
_OPEN_QUOTE_MARKS = "\"“"


def _quote_unclosed(text: str) -> bool:
    """True when paragraph ``text`` ends inside a quotation (an opening mark left unclosed)."""
    return text.count("\"") % 2 == 1 or text.rfind("“") > text.rfind("”")


def _quote_closes_before(text: str, end: int) -> bool:
    """True when a continuation paragraph ``text`` (it opens with a quotation mark) closes its
    quotation before offset ``end``."""
    if text.lstrip()[:1] == "“":
        return 0 <= text.find("”") < end
    first = text.find("\"")
    return 0 <= text.find("\"", first + 1) < end


def _continued_quote(ctx: DocContext, index: int, figure_end: int) -> bool:
    """True when block ``index`` continues a quotation from the paragraphs before it and the
    figure ending at ``figure_end`` (in the block) is inside it, the quotation having been
    opened by a speaker the rule takes as a source."""
    text = ctx.doc.blocks[index].text
    if text.lstrip()[:1] not in _OPEN_QUOTE_MARKS or _quote_closes_before(text, figure_end):
        return False
    for back in range(index - 1, max(-1, index - 5), -1):
        previous = ctx.doc.blocks[back]
        if previous.region != "main" or not _quote_unclosed(previous.text):
            return False
        opened = max(previous.text.rfind("\""), previous.text.rfind("“"))
        if _speaker_sources(previous.text, opened, len(previous.text)):
            return True
        if previous.text.lstrip()[:1] not in _OPEN_QUOTE_MARKS:
            return False  # the quote opens here, with no speaker named
    return False


# 'Asked for the success rates, she gave a plain answer: "About 40 percent ..."': a quotation a
# pronoun speaker introduces with a colon is the words of the person the story has just named,
# like one introduced by "she said:".
_PRONOUN_QUOTE = re.compile(r"(?<![\w-])(?:he|she|He|She)\b[^.!?\"“”:]{0,80}:\s*[\"“]")


def _pronoun_quote(paragraph: str, figure_at: int) -> bool:
    """True when the figure at ``figure_at`` in ``paragraph`` is inside a quotation that a
    pronoun speaker introduces with a colon (and the quotation has not closed before it)."""
    for intro in _PRONOUN_QUOTE.finditer(paragraph, 0, figure_at):
        inside = paragraph[intro.end():figure_at]
        if "\"" not in inside and "”" not in inside:
            return True
    return False


# "following phase III trials showing that both drugs raised cure rates to 70%": a result credited,
# in its own sentence, to a drug's trials of a named phase; the trials source it (HC103 asks for
# the reference), not an unsourced figure. Not on a page that sells.
_PHASE_TRIAL = re.compile(r"\bphase (?:I{1,3}V?|IV|[1-4])(?:[ab])?(?:/(?:I{1,3}|[1-4])[ab]?)? (?:[\w-]+ ){0,2}?(?:clinical )?"
                          r"(?:trials?|studies|study)\b(?: (?:[\w-]+ ){0,4}?(?:showing|showed|show|shows|found|find|finds|"
                          r"demonstrat\w+|reported|in which|where)\b|,)", re.IGNORECASE)


def _phase_trial_result(ctx: DocContext, sentence: str, local: int) -> bool:
    """True when ``sentence`` credits its figure at ``local`` to trials of a named phase."""
    if ctx.is_press_release or sells_by_findings(ctx) or _OWN.search(sentence) or _company_study(sentence):
        return False
    return bool(_PHASE_TRIAL.search(sentence[:local]))


# Where a release's study can be looked up, beyond what _IDENTIFIES_STUDY reads: a meeting "presented
# today at", a named trial ("the DAYBREAK-1 trial", "in NORTHWIND-2"), a registry number, a preprint.
_STUDY_TO_LOOK_UP = re.compile(
    r"\b(?:presented|to be presented|will be presented) (?:today |this week |yesterday |on \w+ )?(?:at|to)\b"
    r"|\bNCT\d{8}\b|\b(?i:medRxiv|bioRxiv|preprint|ClinicalTrials\.gov|peer-reviewed)\b"
    r"|\b(?:released|published) (?:today |this week )?by (?:the )?[A-Z]"
    r"|\b(?!COVID)[A-Z]{4,}(?:-[A-Z0-9]+)+\b")
# How the study was run, not what it found: who enrolled, consented or withdrew; and its harms,
# which a release that reports them at all should not be faulted for.
_STUDY_CONDUCT = re.compile(r"\b(?:withdr[ae]wn?|withdrawals?|consented|enrolled|eligible|dropped out|recruited|screened|"
                            r"side[- ]effects?|adverse|occurred in|tolerated|(?:stopped|discontinued) (?:\w+ ){0,3}(?:because|due to))\b",
                            re.IGNORECASE)
# A sentence giving a study's result: its people, its measures, what it found.
_RESULT_WORDS = re.compile(r"\b(?:(?:higher|lower|greater|better|more|less|fewer|faster|stronger) than (?:the |those |that )?(?:[\w-]+ )?"
                           r"(?:placebo|control|comparator|untreated|standard|usual|existing|current|approved)\b|produced|induced|generated|"
                           r"decreased|increased|reduced|improved|lowered|raised|"
                           r"reported|saw|showed|experienced|achieved|rated|were \d|accuracy|specificity|sensitivity|"
                           r"average|mean|rose|fell|dropped|improvement|reduction)\b"
                           r"|(?:%|\bper ?cent)(?: of (?:the )?[\w-]+)? (?:said|say)\b", re.IGNORECASE)


def _unpublished_result(sentence: str) -> bool:
    """True when ``sentence`` of a release whose study cannot be looked up gives that study's result
    (not a speaker's quoted words, which the speaker answers for)."""
    if sentence.lstrip()[:1] in "\"“'‘" or _NAMED_BODY.search(sentence) or _STUDY_CONDUCT.search(sentence):
        return False
    return bool(_STUDY_RESULT.search(sentence) or _RESULT_WORDS.search(sentence))


# A news lede gives the study's finding first and says a few paragraphs down where it was published
# or presented (the inverted pyramid): "Women who ate dried apples every day lowered their
# cholesterol by 14 percent." ... "Arjmandi was to present the findings at the ... meeting."
_LEDE_PARAGRAPHS = 3
_IDENTIFIED_WITHIN = 4
_LEDE_STUDY_SUBJECT = re.compile(r"\b(?:researchers|scientists|investigators|the (?:new )?(?:study|trial|team)|participants|volunteers|"
                                 r"(?:people|women|men|adults|children|kids|patients|those|mothers|babies|smokers|drinkers) who|"
                                 r"say they)\b", re.IGNORECASE)
_ABLE_TO = re.compile(r"\b(?:been|were|was) able to\b", re.IGNORECASE)
_PRESENTS = re.compile(r"\bpresent(?:s|ed|ing)? (?:the |their |these )?(?:findings|results|data|study|work|research) "
                       r"(?:[\w.-]+ ){0,3}?(?:at|to) (?:the |an? )?(?:annual )?(?-i:[A-Z])", re.IGNORECASE)


def _lede_result_identified_below(ctx: DocContext, index: int, sentence: str) -> bool:
    """True when ``sentence``, in one of a news story's first paragraphs, gives the result of a study
    whose journal or meeting the next few paragraphs name."""
    if ctx.is_press_release or sells_by_findings(ctx) or _OWN.search(sentence) or _OWN_SURVEY.search(sentence):
        return False
    if not _LEDE_STUDY_SUBJECT.search(sentence) or _VAGUE_STUDY.search(sentence) or _OTHER_RESEARCH.search(sentence) \
            or _REACH.search(sentence) or _PREVALENCE.search(sentence) \
            or not (_PAST_RESULT.search(sentence) or _ABLE_TO.search(sentence)):
        return False
    if "main_paragraphs" not in ctx.memo:
        ctx.memo["main_paragraphs"] = [i for i, b in enumerate(ctx.doc.blocks) if b.region == "main" and b.kind == "paragraph"]
    main = ctx.memo["main_paragraphs"]
    if index not in main[:_LEDE_PARAGRAPHS]:
        return False
    position = main.index(index)
    following = " ".join(ctx.doc.blocks[i].text for i in main[position + 1:position + 1 + _IDENTIFIED_WITHIN])
    return bool(_SAYS_WHERE_PUBLISHED.search(following) or _PRESENTS.search(following))


# "Results have not yet been published in a peer-reviewed journal", "it has not been
# peer-reviewed", "the findings will be submitted for publication and presented at an upcoming
# conference": a release that says its study is unpublished does not make it checkable by naming
# a journal in the negative or a meeting in the future.
_UNPUBLISHED_NOTE = re.compile(r"\b(?:(?:not|never) (?:yet )?(?:been )?(?:published|peer[- ]reviewed|submitted)|yet to be (?:published|peer[- ]reviewed)"
                               r"|(?:will|to) be submitted (?:for|to)|submitted for (?:publication|peer review)"
                               r"|unpublished|(?:has|have|had)(?:n't| not) (?:yet )?(?:been )?(?:published|peer[- ]reviewed))\b",
                               re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]|\n")


def _without_unpublished_notes(text: str) -> str:
    """``text`` with its sentences that say a study is not (yet) published blanked out (each becomes
    one space). The note's words are found first and the sentence around them taken after, which
    keeps this linear on a page with no sentence marks."""
    parts, kept = [], 0
    for match in _UNPUBLISHED_NOTE.finditer(text):
        if match.start() < kept:
            continue  # inside a sentence already blanked
        start = max(kept, *(text.rfind(mark, kept, match.start()) + 1 for mark in ".!?\n"))
        end = _SENTENCE_END.search(text, match.end())
        stop = len(text) if end is None else end.end() if end.group() != "\n" else end.start()
        parts += [text[kept:start], " "]
        kept = stop
    return "".join(parts) + text[kept:] if parts else text


# Words that look like a source but are not one: a share of respondents who "said" something
# (they are the figure, not its source: "83 per cent said their pain had halved"); "according to"
# the seller's own survey or data ("according to the company's internal follow-up survey"); and
# "according to X, 92% of users reported ...": the product's users counted by whoever sells it.
_SHARE_BEFORE = re.compile(r"(?:%|\bper ?cent|\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten) (?:in|out of) (?:\d{1,3}|ten))"
                           r"(?: of (?:the |those |them|these |its |their )?(?:[\w-]+ ){0,2}?)?\s+(?:also |have |had )?$", re.IGNORECASE)
_SELLER_DATA_AFTER = re.compile(r"\s*(?:the|its|their) (?:company|manufacturer|maker|firm|brand|seller|startup|start-up|clinic)(?:'s|’s) "
                                r"(?:own |internal |in-house )?(?:[\w-]+ ){0,2}?(?:survey|poll|data|figures|numbers|testing|tests|study|research|records)\b",
                                re.IGNORECASE)
_USERS_REPORT = re.compile(r"(?:%|\bper ?cent|\bin (?:\d{1,3}|ten)) of (?:its |the app's |the device's |[\w-]+ )?(?:users|customers|clients|buyers|wearers|subscribers|members)"
                           r" (?:\w+ )?(?:reported|said|say|saw|see|noticed|notice|felt|feel|experienced|had|were able)\b", re.IGNORECASE)
_SELLER_REACH = re.compile(r"\b(?:the|its) (?:company|manufacturer|maker|firm|startup|start-up) (?:says|said|estimates|estimated|claims|believes)\b"
                           r"|\baccording to (?:the|its) (?:company|manufacturer|maker|firm|startup|start-up)\b", re.IGNORECASE)
_WILL_REACH = re.compile(r"\b(?:will|to) (?:experience|develop|get|suffer|have)\b", re.IGNORECASE)


def _not_a_source(nearby: str, said: re.Match[str], sentence: str) -> bool:
    """True when the attribution ``said`` in ``nearby`` gives no source for the figure's ``sentence``."""
    word = said.group().lower()
    lead = nearby[max(0, said.start() - 40):said.start()]
    if word in ("said", "says", "say") and _SHARE_BEFORE.search(lead):
        return True
    if word == "according to" and (_SELLER_DATA_AFTER.match(nearby, said.end())
                                   or _OWN_SURVEY.match(nearby[said.end():said.end() + 60].lstrip())
                                   or (_USERS_REPORT.search(sentence) and not _NAMED_BODY.search(sentence)
                                       and not _TRIAL_WORDS.search(sentence))):
        return True
    # The seller is no source for how many people a disease affects.
    if (_DISEASE_REACH.search(sentence) or _WILL_REACH.search(sentence)) and not _TRIAL_WORDS.search(sentence):
        window = nearby[max(0, said.start() - 40):said.end() + 40]
        if _SELLER_REACH.search(window):
            return True
    return False


# "Join over 50,000 happy customers who have said goodbye to cold sores", "12,000+ users have
# already cleared their skin": a selling page's count of the outcomes its customers got.
_CUSTOMER_OUTCOMES = re.compile(r"(?<![\w.,$-])(?:(?:over|more than|nearly|almost|some) )?\d{1,3}(?:,\d{3})+\+? (?:[a-z-]+ ){0,2}?"
                                r"(?:customers|users|clients|buyers|shoppers|members)"
                                r"(?= (?:who |that )?(?:have |has )?(?:already |now |successfully )?(?:said goodbye to|got rid of|reclaimed|regained|"
                                r"beaten|beat|overcome|conquered|kicked|ditched|cleared|eliminated|healed|cured|reversed|transformed|restored|lost)\b)",
                                re.IGNORECASE)


def _selling_customer_outcomes(ctx: DocContext, text: str) -> Iterator[re.Match[str]]:
    """Counts of customers' outcomes in ``text`` on a page that sells (not a release)."""
    if not sells_unless_release(ctx):
        return
    yield from _CUSTOMER_OUTCOMES.finditer(text)


# An unpublished release's result given alone, with no control arm or second figure to compare it
# with ("85% reported a meaningful improvement"): not "6.9% among vaccinated mothers and 7.2%
# among unvaccinated mothers", which gives the comparison a reader needs.
_FIGURE = re.compile(r"\d(?:\.\d+)?\s?(?:%|per ?cent\b)|\b\d+(?:\.\d+)? points\b", re.IGNORECASE)


def _uncontrolled_result(sentence: str) -> bool:
    """True when ``sentence`` gives one result figure with no control or comparison arm."""
    return not _CONTROLLED.search(sentence) and len(_FIGURE.findall(sentence)) < 2 and bool(_PAST_RESULT.search(sentence))


# "The findings, presented Sunday, Nov. 25 at the Radiological Society of North America meeting":
# a meeting named after a date, which _SAYS_WHERE_PUBLISHED (three plain words at most) misses.
_PRESENTED_ON = re.compile(r"\bpresented (?:on )?(?:[\w.,-]+ ){1,4}?(?:at|to) (?:the |an? )?(?:annual )?(?-i:[A-Z])", re.IGNORECASE)
