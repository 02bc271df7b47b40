"""``auditor explain``: a rule's docs in ruff's four headings, from its rule-file entry."""
from __future__ import annotations

import textwrap

from auditor.engine.spec import RuleSpec


def _example(text: str, limit: int = 200) -> str:
    """One example on one line; a long one (a document-level rule's page) cut at a word, with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def explain_rule(spec: RuleSpec) -> str:
    """What it checks, why it matters, an example that fires, and what to write instead."""
    wrap = lambda text: textwrap.fill(text, 88)  # noqa: E731
    lines = [f"{spec.id} {spec.name}", "", f"Category: {spec.category}   Severity: {spec.severity}   "
             f"Kind: {spec.kind}   Status: {spec.status} (since {spec.since})"
             + ("" if spec.default else f"\nOff by default: select {spec.id} to run it."), "", "## What it checks", "",
             wrap(spec.message.replace("{evidence}", "…")), ""]
    if spec.params.get("furniture") == "when selling":
        lines += [wrap("Looks at the article text and, on a page that sells, also at its header, footer and "
                       "buttons: there they are part of the pitch."), ""]
    lines += ["## Why it matters", "", wrap(spec.why), ""]
    if spec.fires:
        lines += ["## Examples that fire", ""] + [f"  - {_example(e.text)}" for e in spec.fires[:3]] + [""]
    if spec.passes:
        lines += ["## Examples that do not fire", ""] + [f"  - {_example(e.text)}" for e in spec.passes[:3]] + [""]
    if spec.suggestion:
        lines += ["## Instead", "", wrap(spec.suggestion), ""]
    if spec.references:
        lines += ["## References", ""] + [f"  - {r['title']}: {r['url']}" for r in spec.references] + [""]
    lines.append(f"Defined in {spec.path}" + (f":{spec.line}" if spec.line else ""))
    return "\n".join(lines)
