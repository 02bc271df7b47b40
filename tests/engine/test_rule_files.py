"""Rule files written by people in a hurry fail with one line naming file, rule and field."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.config import Settings
from auditor.engine import load_pack, run
from auditor.engine.spec import load_family
from auditor.errors import RuleDefinitionError
from auditor.normalize import normalize_string

GOOD_RULE = """
family: house
rules:
  - id: ACME101
    name: banned-brand-word
    category: hype
    severity: error
    kind: phrase
    params: {phrases: [wonderpill]}
    message: "Do not call it “{evidence}”."
    why: "House style: the product name is not an adjective, says the style guide."
    references: [{title: House style, url: "https://example.org/style"}]
    examples:
      fires: ["Try the wonderpill today.", "Wonderpill for all."]
      passes: ["Try the pill.", "A wonder."]
"""


def write(tmp_path: Path, text: str, name: str = "house.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_rule_directory_is_loaded(tmp_path: Path) -> None:
    write(tmp_path, GOOD_RULE)
    pack = load_pack((str(tmp_path),))
    doc = normalize_string("Try the wonderpill today.", "text")
    findings = run(pack, doc, Settings(extend_rule_paths=(str(tmp_path),)))
    assert [f.evidence for f in findings if f.rule == "ACME101"] == ["wonderpill"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("severity: error", "severity: fatal"), r"house\.yaml:7: ACME101\.severity: 'fatal' is not one of"),
        (("kind: phrase", "kind: magic"), r"ACME101\.kind"),
        (("    name: banned-brand-word\n", ""), r"ACME101\.\(rule\): 'name' is a required property"),
        (("params: {phrases: [wonderpill]}", "params: {phrases: wonderpill}"), r"ACME101\.params\.phrases: expected a list"),
        (("params: {phrases: [wonderpill]}", "params: {phrases: [x], colour: red}"), r"ACME101\.params\.colour: not an option"),
        (("“{evidence}”", "“{evidance}”"), r"ACME101\.message: unknown placeholder \{evidance\}"),
    ],
)
def test_bad_rule_files_name_file_rule_and_field(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    path = write(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(RuleDefinitionError, match=message):
        load_pack.__wrapped__((str(path),))


def test_invalid_yaml(tmp_path: Path) -> None:
    path = write(tmp_path, "family: x\nrules: [\n")
    with pytest.raises(RuleDefinitionError, match=r"house\.yaml:\d+: invalid YAML"):
        load_family(path)


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [("(a)\\\\1", "rejected by the linear-time engine"), ("(?=x)y", "rejected by the linear-time engine"),
     ("a*", "matches empty text")],
)
def test_patterns_that_could_hang_or_match_everything_are_refused(tmp_path: Path, pattern: str, problem: str) -> None:
    rule = GOOD_RULE.replace("kind: phrase", "kind: pattern").replace(
        "params: {phrases: [wonderpill]}", f'params: {{patterns: ["{pattern}"]}}')
    path = write(tmp_path, rule)
    with pytest.raises(RuleDefinitionError, match=problem):
        load_pack.__wrapped__((str(path),))


@pytest.mark.parametrize("field", ["patterns", "hedged_patterns", "selling_patterns", "unless"])
def test_patterns_a_python_check_reads_are_refused_at_load_when_they_could_hang(tmp_path: Path, field: str) -> None:
    rule = GOOD_RULE.replace("kind: phrase", "kind: python").replace(
        "params: {phrases: [wonderpill]}", f'params: {{check: newsletter_pitch, {field}: ["subscribe to (?!this)"]}}')
    path = write(tmp_path, rule)
    with pytest.raises(RuleDefinitionError, match=rf"ACME101\.params\.{field}: pattern .* rejected by the linear-time engine"):
        load_pack.__wrapped__((str(path),))


def test_catastrophic_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    # (a+)+$ backtracks exponentially in Python's re; RE2 answers at once.
    rule = GOOD_RULE.replace("kind: phrase", "kind: pattern").replace(
        "params: {phrases: [wonderpill]}", 'params: {patterns: ["(a+)+$"]}')
    path = write(tmp_path, rule)
    pack = load_pack.__wrapped__((str(path),))
    doc = normalize_string("a" * 5000 + "!", "text")
    run(pack, doc, Settings(extend_rule_paths=(str(path),)))


def test_duplicate_codes_are_refused(tmp_path: Path) -> None:
    write(tmp_path, GOOD_RULE, "one.yaml")
    write(tmp_path, GOOD_RULE.replace("banned-brand-word", "other-name"), "two.yaml")
    with pytest.raises(RuleDefinitionError, match="duplicate rule code"):
        load_pack.__wrapped__((str(tmp_path),))


def test_cli_reports_bad_rules_in_one_line(tmp_path: Path) -> None:
    write(tmp_path, GOOD_RULE.replace("severity: error", "severity: fatal"))
    (tmp_path / ".auditor.toml").write_text(f'extend-rule-paths = ["{tmp_path.as_posix()}"]\n')
    page = tmp_path / "page.txt"
    page.write_text("Hello there, this is a page.")
    result = CliRunner().invoke(main, ["check", str(page)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "ACME101.severity" in result.output


def test_a_phrase_that_matches_everything_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_RULE.replace("phrases: [wonderpill]", "phrases: [the]"))
    with pytest.raises(RuleDefinitionError, match="would match almost every document"):
        load_pack.__wrapped__((str(path),))


def test_rules_check_runs_a_house_rules_own_examples(tmp_path: Path) -> None:
    (tmp_path / ".auditor.toml").write_text(f'extend-rule-paths = ["{tmp_path.as_posix()}"]\n')
    write(tmp_path, GOOD_RULE)
    config = str(tmp_path / ".auditor.toml")
    result = CliRunner().invoke(main, ["rules", "--check", "--config", config, "--category", "hype"])
    assert result.exit_code == 0, result.output
    # A second team's copy whose examples contradict the rule (a fresh folder: packs are cached by path).
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ".auditor.toml").write_text(f'extend-rule-paths = ["{broken.as_posix()}"]\n')
    write(broken, GOOD_RULE.replace('fires: ["Try the wonderpill today."', 'fires: ["Try the pill today."')
          .replace('passes: ["Try the pill."', 'passes: ["Wonderpill again."'))
    result = CliRunner().invoke(main, ["rules", "--check", "--config", str(broken / ".auditor.toml"), "--category", "hype"])
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if "ACME101" in line]
    assert len(failed) == 2 and "house.yaml" in failed[0]
    assert any("fires example 1 fired 0 times" in line for line in failed)
    assert any("passes example 1 fired" in line for line in failed)

