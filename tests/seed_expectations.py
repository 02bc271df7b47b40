"""Parsing ../shared/seeds/EXPECTED.md into checks: what must and must not be flagged."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES = ("cta", "testimonial", "stat", "attribution", "absolute", "causal", "hype", "risk-minimizing",
              "seo", "boilerplate", "transparency", "balance", "readability")
_QUOTED = re.compile(r"\"([^\"]+)\"")
_ITEM = re.compile(r"^- ([a-z-]+(?:/[a-z-]+)*): (.*)$")


@dataclass
class MustFlag:
    categories: tuple[str, ...]
    excerpts: tuple[str, ...]
    line: str


@dataclass
class MustNotFlag:
    excerpt: str
    categories: tuple[str, ...]  # empty: no located finding of any category
    line: str


@dataclass
class SeedSpec:
    name: str
    must: list[MustFlag] = field(default_factory=list)
    must_not: list[MustNotFlag] = field(default_factory=list)


def _clean(excerpt: str) -> str:
    return excerpt.rstrip(".…").strip() if excerpt.endswith(("...", "…")) else excerpt


def _named_category(rest: str) -> tuple[str, ...]:
    match = re.search(r"\bas an? ([a-z-]+)(?: ([a-z-]+))?", rest)
    if not match:
        return ()
    words = [w for w in match.groups() if w]
    if "absolute" in words:
        return ("absolute",)
    if "attribution" in words:
        return ("attribution",)
    return tuple(w for w in words if w in CATEGORIES)


def parse_expected(path: Path) -> list[SeedSpec]:
    """The seeds and their expectations, as EXPECTED.md states them."""
    seeds: list[SeedSpec] = []
    mode = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        heading = re.match(r"^## (\S+\.txt)", line)
        if heading:
            seeds.append(SeedSpec(heading.group(1)))
            mode = None
        elif line.startswith("Must flag"):
            mode = "must"
        elif line.startswith("Must not flag"):
            mode = "must_not"
        elif seeds and mode == "must" and _ITEM.match(line):
            cats, rest = _ITEM.match(line).groups()  # type: ignore[union-attr]
            seeds[-1].must.append(MustFlag(tuple(cats.split("/")), tuple(_clean(q) for q in _QUOTED.findall(rest)), line))
        elif seeds and mode == "must_not" and line.startswith("- "):
            quoted = _QUOTED.search(line)
            if quoted:
                rest = line[quoted.end():]
                seeds[-1].must_not.append(MustNotFlag(_clean(quoted.group(1)), _named_category(rest), line))
    return seeds
