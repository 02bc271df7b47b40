"""``auditor check`` as CI and editors use it: formats, exit codes, config, baselines."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.report import schema
from tests.conftest import REPO, shared_path

EXAMPLES = REPO / "examples"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    runner = CliRunner()
    if cwd is None:
        result = runner.invoke(main, list(args))
    else:
        with runner.isolated_filesystem(temp_dir=cwd):
            result = runner.invoke(main, list(args))
    return result.exit_code, result.output


def test_text_lines_point_at_file_line_and_column() -> None:
    code, out = run("check", str(EXAMPLES / "supplement-blog.txt"), "--fail-on", "never")
    assert code == 0
    line = next(l for l in out.splitlines() if "HC201" in l)
    path, lineno, col, rest = line.split(":", 3)
    assert path.endswith("supplement-blog.txt") and int(lineno) == 10 and int(col) > 1
    assert "[warning]" in rest and "cure" in rest
    assert "score" in out.splitlines()[-1] and "grade" in out.splitlines()[-1]


def test_exit_codes_follow_fail_on_and_min_score() -> None:
    leaflet = str(EXAMPLES / "patient-leaflet.md")
    advert = str(EXAMPLES / "clinic-landing.html")
    assert run("check", leaflet)[0] == 0                       # no error-level findings
    assert run("check", advert, "--fail-on", "warning")[0] == 1
    assert run("check", advert, "--fail-on", "never")[0] == 0
    assert run("check", advert, "--fail-on", "never", "--min-score", "90")[0] == 1
    assert run("check", leaflet, "--min-score", "80")[0] == 0


def test_usage_and_input_errors_exit_2(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "missing.html"))[0] == 2
    assert run("check", str(EXAMPLES / "patient-leaflet.md"), "--fail-on", "sometimes")[0] == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out = run("check", str(empty))
    assert code == 2 and "no documents" in out


def test_an_unreadable_file_among_others_is_a_finding_and_the_rest_are_audited(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    code, out = run("check", str(empty), "--fail-on", "never")
    assert code == 2 and "empty.md" in out and "empty document" in out    # alone: an input error
    code, out = run("check", str(empty), str(EXAMPLES / "patient-leaflet.md"), "--format", "json", "--fail-on", "never")
    assert code == 1                                                       # HC901 is error-level
    by_name = {Path(d["source"]).name: d for d in json.loads(out)["documents"]}
    assert by_name["empty.md"]["error"] == "empty document" and by_name["empty.md"]["score"] is None
    assert by_name["patient-leaflet.md"]["score"] is not None
    code, out = run("check", str(empty), str(EXAMPLES / "patient-leaflet.md"), "--fail-on", "never")
    assert code == 1 and any("empty.md" in l and "HC901 [error]" in l for l in out.splitlines())


def test_json_output_validates_against_the_shipped_schema() -> None:
    code, out = run("check", str(EXAMPLES), "--format", "json", "--fail-on", "never")
    data = json.loads(out)
    jsonschema.validate(data, schema())
    assert data["summary"]["documents"] == 3
    doc = next(d for d in data["documents"] if d["source"].endswith("clinic-landing.html"))
    assert {"source", "score", "grade", "dimensions", "tone", "metadata", "findings"} <= doc.keys()
    assert 0 <= doc["tone"]["promotional"] <= 1 and doc["tone"]["sentences"]
    finding = doc["findings"][0]
    assert {"rule", "name", "category", "severity", "message", "line", "column", "end_line", "end_column",
            "excerpt", "suggestion"} <= finding.keys()


def test_jsonl_one_line_per_document() -> None:
    code, out = run("check", str(EXAMPLES), "--format", "jsonl", "--fail-on", "never")
    lines = out.strip().splitlines()
    assert len(lines) == 3
    for line in lines:
        jsonschema.validate(json.loads(line), schema())


def test_sarif_is_valid_sarif_2_1_0() -> None:
    sarif_schema = json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    code, out = run("check", str(EXAMPLES), "--format", "sarif", "--fail-on", "never")
    data = json.loads(out)
    jsonschema.validate(data, sarif_schema)
    run0 = data["runs"][0]
    rule_ids = {r["id"] for r in run0["tool"]["driver"]["rules"]}
    for result in run0["results"]:
        assert result["ruleId"] in rule_ids
        assert result["level"] in ("error", "warning", "note")
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
        assert result["partialFingerprints"]["auditorFingerprint/v1"]
    assert all(r["help"]["text"] and r["helpUri"].startswith("https://") for r in run0["tool"]["driver"]["rules"])


def test_reports_carry_no_absolute_paths_unless_asked() -> None:
    target = str((EXAMPLES / "supplement-blog.txt").resolve())
    for fmt in ("json", "sarif"):
        _code, out = run("check", target, "--format", fmt, "--fail-on", "never")
        assert str(REPO) not in out
    _code, out = run("check", target, "--format", "json", "--fail-on", "never", "--absolute-paths")
    assert target in out


def test_github_annotations() -> None:
    _code, out = run("check", str(EXAMPLES / "supplement-blog.txt"), "--format", "github", "--fail-on", "never")
    first = out.splitlines()[0]
    assert first.startswith(("::warning file=", "::error file=", "::notice file="))
    assert ",line=" in first and ",col=" in first and "::" in first[2:]


def test_markdown_summary_table() -> None:
    _code, out = run("check", str(EXAMPLES), "--format", "markdown", "--fail-on", "never")
    assert "| Document | Score | Grade |" in out and "clinic-landing.html" in out


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    run("check", str(EXAMPLES / "patient-leaflet.md"), "--format", "json", "--output", str(target))
    assert json.loads(target.read_text())["summary"]["documents"] == 1


def test_baseline_fails_only_on_new_findings(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Magnesium Facts\n\nThis revolutionary powder cures cramps.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    # Recording the baseline succeeds: every finding is in it.
    assert run("check", str(page), "--fail-on", "warning", "--write-baseline", str(baseline))[0] == 0
    assert run("check", str(page), "--fail-on", "warning", "--baseline", str(baseline))[0] == 0
    # Sources are kept relative to the baseline's folder: it matches from any working folder.
    assert json.loads(baseline.read_text())["findings"][0]["source"] == "page.txt"
    assert run("check", str(page), "--fail-on", "warning", "--baseline", str(baseline), cwd=tmp_path)[0] == 0
    # Lines move: the known findings stay known.
    page.write_text("Magnesium Facts\n\nIntro line added above.\n\nThis revolutionary powder cures cramps.\n", encoding="utf-8")
    assert run("check", str(page), "--fail-on", "warning", "--baseline", str(baseline))[0] == 0
    page.write_text("Magnesium Facts\n\nThis revolutionary powder cures cramps. It is a miracle.\n", encoding="utf-8")
    code, out = run("check", str(page), "--fail-on", "warning", "--baseline", str(baseline))
    assert code == 1 and "miracle" in out


def test_stdin() -> None:
    result = CliRunner().invoke(main, ["check", "-", "--fail-on", "never"], input="This miracle tea cures colds.\n")
    assert result.exit_code == 0 and "HC204" in result.output


def test_score_table() -> None:
    code, out = run("score", str(EXAMPLES))
    assert code == 0
    assert "patient-leaflet.md" in out and "clinic-landing.html" in out
    assert out.splitlines()[0].split()[:3] == ["document", "score", "grade"]


@pytest.mark.parametrize("command", ["check", "score", "rules", "explain", "train", "evaluate", "normalize"])
def test_every_command_has_help(command: str) -> None:
    code, out = run(command, "--help")
    assert code == 0 and "Usage:" in out


def test_each_file_uses_its_nearest_configuration(tmp_path: Path) -> None:
    strict = tmp_path / "strict"
    lax = tmp_path / "lax"
    for folder in (strict, lax):
        folder.mkdir()
        (folder / "page.txt").write_text("This miracle tea cures colds.\n", encoding="utf-8")
    (lax / ".auditor.toml").write_text('ignore = ["hype"]\n', encoding="utf-8")
    _code, out = run("check", str(tmp_path), "--fail-on", "never")
    hype = [l for l in out.splitlines() if "HC204" in l]
    assert len(hype) == 1 and "strict" in hype[0]


def test_an_unwritable_output_path_is_one_error_line(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    for option in ("--output", "--write-baseline"):
        code, out = run("check", str(EXAMPLES / "patient-leaflet.md"), option, str(blocker / "report.txt"))
        assert code == 2
        assert out.strip() == f"auditor: error: {blocker / 'report.txt'}: cannot write (Not a directory)"


def test_min_score_says_which_score_missed_and_refuses_impossible_bars() -> None:
    advert = str(EXAMPLES / "clinic-landing.html")
    code, out = run("check", advert, "--fail-on", "never", "--min-score", "90")
    assert code == 1 and "is below the minimum score 90 (min-score)" in out and "clinic-landing.html" in out
    assert run("check", advert, "--min-score", "150")[0] == 2


def test_the_readme_report_only_step_passes_with_a_min_score_in_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.auditor]\nmin-score = 70\n", encoding="utf-8")
    page = tmp_path / "clinic.html"
    page.write_bytes((EXAMPLES / "clinic-landing.html").read_bytes())
    assert run("check", str(page), "--format", "github", "--fail-on", "never")[0] == 1  # the score gate
    assert run("check", str(page), "--format", "github", "--fail-on", "never", "--min-score", "0")[0] == 0


def test_a_retrained_tone_model_can_be_named_and_a_broken_one_is_refused(tmp_path: Path) -> None:
    from auditor.tone import MODEL_PATH

    page = str(EXAMPLES / "clinic-landing.html")
    copy = tmp_path / "model.json"
    copy.write_bytes(MODEL_PATH.read_bytes())
    code, out = run("check", page, "--format", "json", "--fail-on", "never", "--tone-model", str(copy))
    assert code == 0 and json.loads(out)["documents"][0]["tone"]["promotional"] > 0.5
    (tmp_path / "pyproject.toml").write_text('[tool.auditor]\ntone-model = "broken.json"\n')
    (tmp_path / "broken.json").write_text(MODEL_PATH.read_text()[:-200])
    (tmp_path / "page.html").write_text((EXAMPLES / "clinic-landing.html").read_text())
    code, out = run("check", str(tmp_path / "page.html"))
    assert code == 2 and "broken.json" in out and len(out.strip().splitlines()) == 1


def test_explain_takes_a_code_a_prefix_or_a_category() -> None:
    code, out = run("explain", "HC1")
    assert code == 0 and "HC101" in out and "HC104" in out
    code, out = run("explain", "hype")
    assert code == 0 and out.startswith("HC204 hype-term") and "What it checks" in out
    assert run("explain", "HC999")[0] == 2


def test_explain_cuts_a_long_example_at_a_word_with_an_ellipsis() -> None:
    code, out = run("explain", "HC502")
    examples = [line for line in out.splitlines() if line.startswith("  - ") and "http" not in line]
    assert code == 0 and examples
    assert all(len(line) <= 4 + 202 for line in examples)
    # HC502's examples are whole pages: at least one is cut, at a word.
    cut = [line for line in examples if line.endswith(" …")]
    assert cut and all(not line[:-2].endswith(" ") for line in cut)


def test_the_score_line_names_promotional_sentences_that_cost_points(tmp_path: Path) -> None:
    page = tmp_path / "offer.txt"
    page.write_text("Colds pass on their own in a week. Rest, drink plenty of fluids and take paracetamol for a "
                    "fever if you need to. See a doctor if you struggle to breathe, if a high fever lasts more "
                    "than three days, or if you feel worse after starting to feel better.\n\n"
                    "Book your miracle detox today and feel amazing!\n", encoding="utf-8")
    code, out = run("check", str(page), "--fail-on", "never")
    _code, data = run("check", str(page), "--format", "json", "--fail-on", "never")
    promoted = len(json.loads(data)["documents"][0]["dimensions"]["tone"]["deductions"])
    assert promoted >= 1
    assert f"; {promoted} strongly promotional sentence" in out.splitlines()[-1]


def test_a_missing_path_among_several_is_an_error_record_and_the_rest_are_audited(tmp_path: Path) -> None:
    page = tmp_path / "offer.txt"
    page.write_text("Our drops cure migraines for good.\n", encoding="utf-8")
    code, out = run("check", str(page), str(tmp_path / "nope.md"), "--fail-on", "never")
    assert code == 1  # an input that could not be read fails the run, as HC901 does
    assert "HC201" in out and "nope.md: HC901 [error] Document could not be audited: no such file or directory" in out
    assert out.splitlines()[-1].endswith("1 not audited, none scored")
    code, _out = run("check", str(tmp_path / "nope.md"))
    assert code == 2  # a single missing path is a usage error


def test_select_and_ignore_take_comma_separated_lists() -> None:
    _code, listed = run("check", str(EXAMPLES / "clinic-landing.html"), "--select", "HC1,HC5", "--format", "json",
                        "--fail-on", "never")
    rules = {f["rule"] for f in json.loads(listed)["documents"][0]["findings"]}
    assert rules and all(r.startswith(("HC1", "HC5")) for r in rules)
    _code, repeated = run("check", str(EXAMPLES / "clinic-landing.html"), "--select", "HC1", "--select", "HC5",
                          "--format", "json", "--fail-on", "never")
    assert json.loads(listed)["documents"] == json.loads(repeated)["documents"]


def test_a_directory_audit_skips_the_html_reports_the_auditor_wrote(tmp_path: Path) -> None:
    (tmp_path / "leaflet.md").write_bytes((EXAMPLES / "patient-leaflet.md").read_bytes())
    code, _out = run("check", str(tmp_path), "--format", "html", "--output", str(tmp_path / "report.html"),
                     "--fail-on", "never")
    assert code == 0 and (tmp_path / "report.html").exists()
    _code, out = run("check", str(tmp_path), "--format", "json", "--fail-on", "never")
    assert [Path(d["source"]).name for d in json.loads(out)["documents"]] == ["leaflet.md"]
    # Named on the command line, a report is audited like any other file.
    _code, out = run("check", str(tmp_path / "report.html"), "--format", "json", "--fail-on", "never")
    assert len(json.loads(out)["documents"]) == 1


def test_rules_that_read_a_selling_pages_furniture_say_so() -> None:
    # HC304 fires on a selling page's footer phone number: its docs must not say "scope main" alone.
    _code, out = run("explain", "HC304")
    assert "on a page that sells, also at its header, footer and" in out
    _code, out = run("explain", "HC401")
    assert "header, footer" not in out
    doc = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "scope `main` (and, on a page that sells, its header, footer and buttons)" in doc
