"""Configuration discovery, selection, severity overrides and inline suppressions."""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import Settings, load_settings
from auditor.engine import load_pack
from auditor.errors import ConfigError
from auditor.normalize import normalize_string
from auditor.pipeline import audit_path
from auditor.records import Severity
from tests.conftest import REPO
from tests.engine_helpers import findings_for

CLAIMS = "This revolutionary powder cures cramps. Studies show it works."


def rules_of(text: str, fmt: str = "text", **settings: object) -> list[str]:
    from auditor.config import Settings

    return [f.rule for f in findings_for(text, fmt, Settings(**settings))]


def test_select_and_ignore_by_code_prefix_name_and_category() -> None:
    assert set(rules_of(CLAIMS, select=("HC2",))) == {"HC201", "HC204"}
    assert "HC204" not in rules_of(CLAIMS, ignore=("hype",))
    assert "HC102" not in rules_of(CLAIMS, ignore=("vague-attribution",))
    # The most specific selector wins: ignore the family but keep one rule.
    assert set(rules_of(CLAIMS, select=("HC204",), ignore=("HC2",))) == {"HC204"}


@pytest.mark.parametrize("selectors", [("balance",), ("transparency",), ("HC501",), ("HC5", "HC1"), ("cta", "HC203")])
@pytest.mark.parametrize("example", ["clinic-landing.html", "supplement-blog.txt", "patient-leaflet.md"])
def test_a_selection_filters_the_report_without_changing_what_selected_rules_find(
        example: str, selectors: tuple[str, ...]) -> None:
    # The balance rules weigh pages on which claim rules found something, HC503 pages that sell:
    # selecting only some rules must not switch those off, nor ignoring one rule change another.
    path = str(REPO / "examples" / example)
    everything = audit_path(path, Settings()).findings
    pack = load_pack()
    chosen = pack.select(selectors, ())
    narrowed = audit_path(path, Settings(select=selectors)).findings
    assert [(f.rule, f.span) for f in narrowed] == [(f.rule, f.span) for f in everything if f.rule in chosen]
    ignored = audit_path(path, Settings(ignore=("HC102",))).findings
    assert [(f.rule, f.span) for f in ignored] == [(f.rule, f.span) for f in everything if f.rule != "HC102"]


AD_LABEL = "Ketamine is used in hospitals.\n\nAdvertisement\n\nIt is also used for depression."


@pytest.mark.parametrize(("select", "runs"), [((), False), (("boilerplate",), False), (("HC706",), True),
                                               (("ad-slot-label",), True), (("HC7",), True), (("ALL",), True)])
def test_an_off_by_default_rule_runs_only_when_named(select: tuple[str, ...], runs: bool) -> None:
    # HC706 (bare ad-slot labels) is a scrape-cleaning check: selecting its category or nothing
    # must not bring it back, naming it (or ALL) must.
    assert ("HC706" in rules_of(AD_LABEL, select=select)) is runs
    assert "HC706" not in rules_of(AD_LABEL, select=select, ignore=("HC706",))


def test_off_by_default_rules_are_marked_in_the_listing_and_explain() -> None:
    from click.testing import CliRunner

    from auditor.cli import main

    listing = CliRunner().invoke(main, ["rules", "--category", "boilerplate"]).output
    assert [line for line in listing.splitlines() if line.startswith("HC706")][0].endswith("(off by default)")
    assert not [line for line in listing.splitlines() if line.startswith("HC701")][0].endswith("(off by default)")
    assert "Off by default: select HC706 to run it." in CliRunner().invoke(main, ["explain", "HC706"]).output


def test_unknown_selector_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule"):
        load_pack().select(("HC999",), ())


def test_config_discovered_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.auditor]\nignore = ["hype"]\ntarget-grade = 11\nbrand-names = ["Acme Clinic"]\n'
        '[tool.auditor.severity]\n"absolute-claim" = "error"\n', encoding="utf-8")
    sub = tmp_path / "content" / "drugs"
    sub.mkdir(parents=True)
    page = sub / "page.txt"
    page.write_text(CLAIMS, encoding="utf-8")
    settings = load_settings(str(page))
    assert settings.target_grade == 11 and settings.brand_names == ("Acme Clinic",)
    result = audit_path(str(page), settings)
    rules = {f.rule: f for f in result.findings}
    assert "HC204" not in rules and rules["HC201"].severity == Severity.ERROR


def test_dot_auditor_toml_and_cli_overrides(tmp_path: Path) -> None:
    (tmp_path / ".auditor.toml").write_text('fail-on = "warning"\nmin-score = 50\n', encoding="utf-8")
    settings = load_settings(str(tmp_path), min_score=70.0)
    assert settings.fail_on == "warning" and settings.min_score == 70.0


def test_bad_config_names_file_and_key(tmp_path: Path) -> None:
    (tmp_path / ".auditor.toml").write_text('fail_on = "warning"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.auditor\.toml: \[tool\.auditor\] fail_on: unknown option \(did you mean 'fail-on'\?\)"):
        load_settings(str(tmp_path))
    (tmp_path / ".auditor.toml").write_text('target-grade = "eight"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="target-grade: expected a number"):
        load_settings(str(tmp_path))
    (tmp_path / ".auditor.toml").write_text('target-grade = -3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="target-grade: expected a reading grade above 0"):
        load_settings(str(tmp_path))


@pytest.mark.parametrize("table, message", [
    ('[severity]\n"HC777" = "error"\n', r"\.auditor\.toml: \[tool\.auditor\] severity\.HC777: names no rule"),
    ('[per-file-ignores]\n"*.md" = ["HC777"]\n', r"\.auditor\.toml: \[tool\.auditor\] per-file-ignores\.\*\.md: unknown rule"),
    ('select = ["HC777"]\n', r"'HC777' in select/ignore \(command line or .*\.auditor\.toml\)"),
])
def test_a_config_naming_no_rule_names_the_file_and_key(tmp_path: Path, table: str, message: str) -> None:
    (tmp_path / ".auditor.toml").write_text(table, encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("Our drops cure migraines.\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        audit_path(str(page), load_settings(str(page)))


def test_brand_names_feed_self_promotion() -> None:
    text = "Trust Acme Clinic for all your recovery needs."
    assert "HC306" not in rules_of(text)
    assert "HC306" in rules_of(text, brand_names=("Acme Clinic",))
    # A brand that is also a word is matched as written and as a whole word.
    assert "HC306" not in rules_of("Ask your doctor about a calm room. Calmer evenings help.", brand_names=("Calm",))
    assert "HC306" in rules_of("Trust Calm for better sleep tonight.", brand_names=("Calm",))


def test_html_comment_suppressions() -> None:
    html = ("<p>This miracle tea cures colds.</p>\n<!-- auditor: disable=HC204 -->\n<p>A miracle blend.</p>\n"
            "<!-- auditor: enable=HC204 -->\n<p>Another miracle drink.</p>\n"
            "<!-- auditor: disable-next-line=hype -->\n<p>The miracle root.</p>")
    hype = [f for f in findings_for(html, "html") if f.rule == "HC204"]
    assert [f.line for f in hype] == [1, 5]


def test_plain_text_suppression_and_unused_suppression() -> None:
    text = "auditor: disable=HC204\nThis miracle tea cures colds.\nauditor: enable=HC204\n# auditor: disable=HC301\nPlain words.\n"
    findings = findings_for(text, "text")
    assert "HC204" not in {f.rule for f in findings}
    unused = [f for f in findings if f.rule == "HC902"]
    assert len(unused) == 1 and unused[0].line == 4 and "HC301" in unused[0].message
    assert "auditor:" not in " ".join(s.text for s in normalize_string(text, "text").sentences)


def test_a_suppression_that_names_no_rule_says_so() -> None:
    text = "# auditor: disable=HC999, hpye\nPlain words about zinc.\n"
    unused = [f for f in findings_for(text, "text") if f.rule == "HC902"]
    assert len(unused) == 1
    assert "HC999 (no such rule, prefix or category)" in unused[0].message
    assert "hpye (no such rule, prefix or category)" in unused[0].message


def test_disable_file_removes_document_level_findings() -> None:
    text = "<!-- auditor: disable-file=missing-author -->\n# Zinc\n\nZinc is a mineral found in meat, beans and nuts, and the body needs a little of it every day to heal wounds and fight infections.\n"
    assert "HC401" not in {f.rule for f in findings_for(text, "markdown")}
    assert "HC401" in {f.rule for f in findings_for(text.split("\n", 1)[1], "markdown")}
