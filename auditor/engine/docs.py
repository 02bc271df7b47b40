"""``docs/rules.md``, generated from the rule files (``auditor rules --format markdown``)."""
from __future__ import annotations

from auditor.engine.registry import RulePack


def rules_markdown(pack: RulePack) -> str:
    """Every rule's code, name, category, severity, docs and examples, as Markdown."""
    lines = ["# Rules", "", "Generated from `rules/*.yaml` by `auditor rules --format markdown`; do not edit by hand.", "",
             f"Rule pack {pack.version}. Categories group findings in the scorecard and reports.", "",
             "| Code | Name | Category | Severity | Kind |", "|---|---|---|---|---|"]
    specs = sorted(pack.specs.values(), key=lambda s: s.id)
    for s in specs:
        lines.append(f"| [{s.id}](#{s.id.lower()}) | {s.name} | {s.category} | {s.severity} | {s.kind} |")
    for s in specs:
        lines += ["", f"## {s.id}", "", f"**{s.name}** · category `{s.category}` · severity `{s.severity}` · "
                  f"kind `{s.kind}` · scope `{s.region}`" + (f" ({', '.join(s.blocks)})" if s.blocks else "")
                  + (" (and, on a page that sells, its header, footer and buttons)" if s.params.get("furniture") == "when selling" else "")
                  + f" · since {s.since}" + ("" if s.default else f" · **off by default** (select `{s.id}` to run it)"), ""]
        lines += [f"**What it checks.** {s.message.replace('{evidence}', '…')}", "", f"**Why it matters.** {s.why}", ""]
        if s.suggestion:
            lines += [f"**Instead.** {s.suggestion}", ""]
        if s.fires:
            lines += ["Fires on:", ""] + [f"- `{e.text[:160].replace(chr(10), ' ')}`" for e in s.fires] + [""]
        if s.passes:
            lines += ["Does not fire on:", ""] + [f"- `{e.text[:160].replace(chr(10), ' ')}`" for e in s.passes] + [""]
        if s.references:
            lines += ["References:", ""] + [f"- [{r['title']}]({r['url']})" for r in s.references]
    return "\n".join(lines).rstrip() + "\n"
