"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""
from __future__ import annotations

from typing import Any

from auditor import __version__
from auditor.engine.registry import RulePack
from auditor.engine.spec import RuleSpec

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://github.com/health-auditor/auditor"


def _rule_descriptor(spec: RuleSpec) -> dict[str, Any]:
    references = "\n".join(f"- [{r['title']}]({r['url']})" for r in spec.references)
    example = spec.fires[0].text if spec.fires else ""
    markdown = (f"**{spec.id} {spec.name}** ({spec.category})\n\n{spec.why}\n\n"
                + (f"Example that fires: `{example[:200]}`\n\n" if example else "")
                + (f"Instead: {spec.suggestion}\n\n" if spec.suggestion else "")
                + (f"References:\n{references}\n" if references else ""))
    return {
        "id": spec.id,
        "name": spec.name,
        "shortDescription": {"text": f"{spec.name} ({spec.category})"},
        "fullDescription": {"text": spec.why},
        "help": {"text": f"{spec.why} {spec.suggestion or ''}".strip(), "markdown": markdown},
        "helpUri": spec.references[0]["url"] if spec.references else INFORMATION_URI,
        "defaultConfiguration": {"level": LEVELS[str(spec.severity)]},
        "properties": {"tags": ["health-content", spec.category], "category": spec.category, "precision": "high"},
    }


def render_sarif(documents: list[dict[str, Any]], pack: RulePack) -> dict[str, Any]:
    """One SARIF run with every rule that produced a result, and one result per finding."""
    used = sorted({f["rule"] for d in documents for f in d["findings"]} | ({"HC901"} if any(d.get("error") for d in documents) else set()))
    rules = [_rule_descriptor(pack.specs[code]) for code in used if code in pack.specs]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for doc in documents:
        artifact = {"uri": doc["source"], "uriBaseId": "%SRCROOT%"}
        if doc.get("error"):
            results.append({"ruleId": "HC901", "ruleIndex": index["HC901"], "level": "error",
                            "message": {"text": f"Document could not be audited: {doc['error']}"},
                            "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": {"startLine": 1}}}]})
            continue
        for f in doc["findings"]:
            region = ({"startLine": f["line"], "startColumn": f["column"], "endLine": f["end_line"], "endColumn": f["end_column"]}
                      if f["line"] else {"startLine": 1})
            if f["line"] and f.get("excerpt"):
                region["snippet"] = {"text": f["excerpt"][:500]}
            text = f["message"] + (f" Suggestion: {f['suggestion']}" if f.get("suggestion") else "")
            results.append({
                "ruleId": f["rule"],
                "ruleIndex": index[f["rule"]],
                "level": LEVELS[f["severity"]],
                "message": {"text": text},
                "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
                "partialFingerprints": {"auditorFingerprint/v1": f["fingerprint"]},
                "properties": {"category": f["category"], "evidence": f.get("evidence", "")},
            })
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "auditor", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory auditor was run from."}}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
