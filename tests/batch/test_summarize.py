"""``auditor summarize`` and ``auditor batch-export`` over a batch's results."""
from __future__ import annotations

import csv
import json
import re
import sqlite3
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.batch.summarize import summarize
from tests.batch.conftest import Inputs, read_jsonl, run_cli


@pytest.fixture()
def results(inputs: Inputs, tmp_path: Path) -> Path:
    out = tmp_path / "results.jsonl"
    assert run_cli("batch", *inputs.args, "--out", str(out), "--workers", "0").exit_code == 0
    return out


def test_summary_from_store_equals_summary_from_jsonl(results: Path, inputs: Inputs) -> None:
    from_store = run_cli("summarize", str(results.with_suffix(".sqlite")))
    from_jsonl = run_cli("summarize", str(results))
    assert from_store.exit_code == from_jsonl.exit_code == 0
    assert from_store.output == from_jsonl.output
    text = from_store.output
    records = read_jsonl(results)
    audited = sum(1 for r in records if r.get("error") is None)
    assert text.startswith(f"documents: {inputs.documents} ({audited} audited, 5 errors, 4 skipped)")
    for heading in ("score distribution:", "grades:", "top rules", "top categories", "domains", "errors and skips:"):
        assert heading in text
    assert re.search(r"example\.org\s+2\s+\d+\.\d", text)
    summary = summarize(results)
    # blog.txt is audited but too short to score: counted, with its reason, outside the scores.
    unscored = sum(1 for r in records if r.get("error") is None and r["score"] is None)
    assert unscored == sum(summary.unscored.values()) >= 1
    assert f"not scored: {unscored} (too short {unscored})" in text
    assert sum(n for _, n in summary.histogram()) == summary.scored == audited - unscored
    assert sum(summary.grades.values()) == audited - unscored
    rule_total = sum(len(r["findings"]) for r in records)
    assert sum(summary.rule_findings.values()) == rule_total


def test_markdown_and_html_reports(results: Path, tmp_path: Path) -> None:
    md, page = tmp_path / "s.md", tmp_path / "s.html"
    assert run_cli("summarize", str(results), "--markdown", str(md), "--html", str(page)).exit_code == 0
    markdown = md.read_text()
    assert "## Score distribution" in markdown and "| grade | documents | share |" in markdown
    html = page.read_text()
    assert html.count("<svg") >= 4 and "<script" not in html and "src=" not in html and "<link" not in html
    parser = HTMLParser()
    parser.feed(html)  # well-formed enough to parse


def test_html_escapes_every_value(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    record = {"source": hostile, "id": hostile, "score": 10.0, "grade": "F", "dimensions": {}, "tone": None,
              "metadata": {"canonical_url": "https://evil.example/x"}, "url": "https://evil.example/<b>",
              "findings": [{"rule": "HC999", "name": hostile, "category": "hype", "severity": "error",
                            "message": hostile, "line": 1, "column": 1, "end_line": 1, "end_column": 2,
                            "excerpt": hostile, "suggestion": None}],
              "counts": {hostile: 1}}
    error = {"source": "x", "id": "y", "error": f"bad {hostile}", "score": None, "grade": None, "dimensions": {},
             "tone": None, "metadata": {}, "findings": []}
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(error) + "\nnot json\n")
    assert run_cli("summarize", str(path), "--html", str(tmp_path / "h.html")).exit_code == 0
    html = (tmp_path / "h.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_grades_listed_are_the_scorecards_and_any_configured(tmp_path: Path) -> None:
    def record(grade: str, rule_name: str) -> dict:
        return {"source": f"{grade}.html", "id": grade, "score": 50.0, "grade": grade, "dimensions": {}, "tone": None,
                "metadata": {}, "findings": [{"rule": "HC999", "name": rule_name, "category": "hype",
                                              "severity": "warning", "message": "m", "line": 1, "column": 1,
                                              "end_line": 1, "end_column": 2, "excerpt": "x", "suggestion": None}]}
    long_name = "a-rule-name-far-longer-than-the-chart-has-room-for"
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record("B", long_name)) + "\n")
    text = run_cli("summarize", str(path), "--html", str(tmp_path / "r.html")).output
    grades_line = next(line for line in text.splitlines() if line.startswith("grades:"))
    assert [g.split()[0] for g in grades_line.removeprefix("grades: ").split("  ")] == ["A", "B", "C", "D", "F"]
    html = (tmp_path / "r.html").read_text()
    assert f"<title>HC999 {long_name}</title>" in html  # clipped in the chart, whole on hover
    path.write_text(json.dumps(record("E", "x")) + "\n")  # a configuration that defines an E grade
    grades_line = next(line for line in run_cli("summarize", str(path)).output.splitlines() if line.startswith("grades:"))
    assert "E 1 (100" in grades_line


def test_export_csv_and_findings(results: Path, inputs: Inputs, tmp_path: Path) -> None:
    db = results.with_suffix(".sqlite")
    out = run_cli("batch-export", str(db), "--csv", str(tmp_path / "d.csv"))
    assert out.exit_code == 0
    with open(tmp_path / "d.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == inputs.documents
    assert {"id", "url", "domain", "score", "grade", "dimension_evidence"} <= rows[0].keys()
    assert any(k.startswith("count_") for k in rows[0])
    assert run_cli("batch-export", str(db), "--csv", str(tmp_path / "f.csv"), "--table", "findings").exit_code == 0
    with open(tmp_path / "f.csv", newline="") as handle:
        findings = list(csv.DictReader(handle))
    with closing(sqlite3.connect(db)) as conn:
        assert len(findings) == conn.execute("SELECT count(*) FROM findings").fetchone()[0] > 0


def test_export_parquet_or_a_clear_message(results: Path, tmp_path: Path) -> None:
    db, target = results.with_suffix(".sqlite"), tmp_path / "d.parquet"
    out = run_cli("batch-export", str(db), "--parquet", str(target))
    try:
        import pyarrow.parquet as pq
    except ImportError:
        assert out.exit_code == 2
        assert out.output.strip().splitlines() == ["auditor: error: --parquet needs pyarrow, which is not installed "
                                                   "(pip install pyarrow)"]
        return
    assert out.exit_code == 0
    assert pq.read_table(target).num_rows == len(read_jsonl(results))


def test_export_needs_a_target_and_a_store(results: Path) -> None:
    assert run_cli("batch-export", str(results.with_suffix(".sqlite"))).exit_code == 2
    assert "not a results store" in run_cli("batch-export", str(results), "--csv", "x.csv").output


@pytest.mark.parametrize("command", ["batch", "batch-export", "summarize"])
def test_commands_have_help(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_summarize_refuses_a_file_that_is_not_batch_results(tmp_path: Path) -> None:
    pages = tmp_path / "pages.jsonl"
    pages.write_text('{"id": "a", "url": "https://example.org/a", "html": "<p>Hello</p>"}\n', encoding="utf-8")
    result = run_cli("summarize", str(pages))
    assert result.exit_code == 2 and "not a batch results file" in result.output


def test_nothing_to_read_is_one_error_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = run_cli("batch", str(empty), "--out", str(tmp_path / "r.jsonl"), "--workers", "0")
    assert out.exit_code == 2 and "no documents found" in out.output
    (tmp_path / "e.jsonl").write_text("", encoding="utf-8")
    out = run_cli("batch", str(tmp_path / "e.jsonl"), "--out", str(tmp_path / "e" / "r.jsonl"), "--workers", "0")
    assert out.exit_code == 2 and out.output.strip().splitlines() == [
        f"auditor: error: {tmp_path / 'e.jsonl'}: no documents found (check the paths and --include/--exclude)"]
    assert not (tmp_path / "e" / "r.jsonl").exists() and not (tmp_path / "e" / "r.sqlite").exists()
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    out = run_cli("summarize", str(junk))
    assert out.exit_code == 2 and "not a batch results file" in out.output
    out = run_cli("summarize", str(tmp_path / "missing.sqlite"))
    assert out.exit_code == 2 and out.output.strip().splitlines() == [f"auditor: error: {tmp_path / 'missing.sqlite'}: no such file"]
