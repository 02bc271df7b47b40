"""Document language by a stop-word test: fast, offline, and good enough to gate English rules."""
from __future__ import annotations

import re
from collections import Counter

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is that for it with as was on are be this by or not from at have an which but they you your can has their more will a i my we our what how who when do does should if so about after than there would could all one".split()),
    "de": frozenset("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um".split()),
    "fr": frozenset("le la les de des et est un une du en que qui dans pour pas sur au avec ce il sont par plus ne se vous nous aux".split()),
    "es": frozenset("el la de que y en los se del las un por con no una su para es al lo como más pero sus le ya o".split()),
    "it": frozenset("il di che la e è per un in non una sono del della le con si gli da al lo dei nel alla".split()),
    "nl": frozenset("de het een van en in is dat op te zijn met voor niet aan er als ook bij door maar om".split()),
    "pt": frozenset("de que não o a do da em um para é com uma os no se na por mais as dos como mas ao".split()),
    "pl": frozenset("i w nie na się z do że to jest o jak ale po co tak za od są przez dla może jego".split()),
    "ro": frozenset("și în de la cu pe nu o un că este din care pentru sau mai se ale fi sunt".split()),
}
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in _STOPWORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = _LANGUAGES_OF.get(_word, ()) + (_code,)

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def stopword_shares(text: str) -> dict[str, float]:
    """Share of ``text``'s tokens found in each language's stop-word list."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if not tokens:
        return {}
    return _shares(Counter(tokens), len(tokens))


def _shares(counts: Counter[str], total: int) -> dict[str, float]:
    # Walk the page's distinct words once rather than every list's stop words.
    hits = dict.fromkeys(_STOPWORDS, 0)
    for word, count in counts.items():
        for code in _LANGUAGES_OF.get(word, ()):
            hits[code] += count
    return {code: hit / total for code, hit in hits.items()}


def detect_language(text: str, sample: int = 20_000, min_tokens: int = 20) -> tuple[str | None, float]:
    """Return ``(language code, confidence)`` for ``text``, or ``(None, 0.0)`` if too short.

    Scripts that stop words cannot tell apart (CJK, Cyrillic, Arabic) are recognised by
    character class; Latin-script languages by the share of tokens found in each stop-word
    list.
    """
    text = text[:sample]
    letters = sum(map(str.isalpha, text))
    if letters < 20:
        return None, 0.0
    for code, pattern in (("zh", _CJK), ("ru", _CYRILLIC), ("ar", _ARABIC)):
        share = len(pattern.findall(text)) / letters
        if share > 0.3:
            if code == "zh" and re.search(r"[\u3040-\u30ff]", text):
                code = "ja"
            elif code == "zh" and re.search(r"[\uac00-\ud7af]", text):
                code = "ko"
            return code, round(min(1.0, share), 3)
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if len(tokens) < min_tokens:
        return None, 0.0  # too short for stop words to be evidence (English "I" is Polish "i")
    scores = _shares(Counter(tokens), len(tokens))
    best = max(scores, key=lambda code: scores[code])
    if scores[best] < 0.05:
        return None, 0.0
    ranked = sorted(scores.values(), reverse=True)
    margin = ranked[0] - ranked[1]
    return best, round(min(1.0, margin * 4 + 0.3), 3)
