from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from auditor.cli import main


def test_normalize_prints_json(fixtures: Path) -> None:
    result = CliRunner().invoke(main, ["normalize", str(fixtures / "normalize" / "front-matter.md")])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["format"] == "markdown"
    assert data["metadata"]["title"] == "Sleep hygiene basics"
    assert data["blocks"][0]["line"] == 7


def test_bad_inputs_give_one_line_and_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "x.html"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    invalid = tmp_path / "bad.txt"
    invalid.write_bytes(b"Caf\xe9 \xff\xfe open daily for flu shots and blood pressure checks.")
    runner = CliRunner()
    for path, problem in ((empty, "empty document"), (binary, "not a text document"),
                          (tmp_path / "missing.md", "No such file")):
        result = runner.invoke(main, ["normalize", str(path)])
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0]
    result = runner.invoke(main, ["normalize", str(invalid)])
    assert result.exit_code == 0, result.output
    assert "flu shots" in json.loads(result.output)["blocks"][0]["text"]


def test_stdin_input() -> None:
    result = CliRunner().invoke(main, ["normalize", "-"], input="# Zinc\n\nZinc is a mineral.\n")
    assert result.exit_code == 0
    assert json.loads(result.output)["format"] == "markdown"


def test_oversized_input(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>x</p>" * 1000)
    result = CliRunner().invoke(main, ["normalize", str(big), "--max-bytes", "1000"])
    assert result.exit_code == 2 and "over the limit" in result.output
