"""``auditor batch`` end to end: mixed inputs, error records, the store, resume and time limits."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from auditor.batch import BatchConfig, run_batch, worker
from auditor.batch.engines import LocalEngine
from auditor.batch.items import Item
from auditor.config import Settings
from auditor.report import schema
from tests.batch.conftest import Inputs, page, read_jsonl, run_cli, store_rows


def _batch(inputs: Inputs, out: Path, *extra: str) -> str:
    result = run_cli("batch", *inputs.args, "--out", str(out), *extra)
    assert result.exit_code == 0, result.output
    return result.output


def test_mixed_inputs_documents_in_equal_lines_out(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    output = _batch(inputs, out, "--workers", "2")
    records = read_jsonl(out)
    assert len(records) == inputs.documents
    assert f"{inputs.documents} documents written" in output
    validator = jsonschema.Draft202012Validator(schema())
    for record in records:
        assert {"id", "source"} <= record.keys()
        # Every audited record has a score, or says why not (blog.txt has 47 words of main text,
        # the WARC's flu page 14).
        assert record.get("error") or record["score"] is not None or record["not_scored"].startswith("too short: ")
        validator.validate(record)  # error records are in the schema too
    rows = store_rows(tmp_path / "results.sqlite")
    assert len(rows) == inputs.documents == len({r[0] for r in rows})
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [r[1] for r in rows]


def test_error_and_skip_records_say_why(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    _batch(inputs, out, "--workers", "2")
    by_key = {key.replace(str(inputs.root) + "/", ""): (doc_id, status, error)
              for key, doc_id, status, error in store_rows(tmp_path / "results.sqlite")}
    assert by_key["docs.jsonl:3"][1] == "error" and "not valid JSON" in by_key["docs.jsonl:3"][2]
    assert by_key["docs.jsonl:5"][:2] == ("j3", "error") and "no body" in by_key["docs.jsonl:5"][2]
    assert by_key["docs.jsonl:6"][:2] == ("j1", "skipped")
    assert by_key["docs.jsonl:6"][2] == "duplicate id 'j1' (first seen at " + str(inputs.root / "docs.jsonl") + ":1)"
    assert by_key["crawl.warc.gz#2"][1:] == ("skipped", "not HTML (content type image/png)")
    assert by_key["crawl.warc.gz#4"][1:] == ("error", "record has no body")
    assert by_key["crawl.warc.gz#7"][1] == "skipped" and "duplicate id" in by_key["crawl.warc.gz#7"][2]
    assert by_key["broken.warc.gz#2"][1] == "ok"
    assert "truncated gzip stream" in by_key["broken.warc.gz#3"][2]
    assert by_key["docs.jsonl:1"][1] == by_key["crawl.warc.gz#6"][1] == "ok"
    records = {r["id"]: r for r in read_jsonl(out)}
    assert records["https://news.example/flu"]["url"] == "https://news.example/flu"
    assert "café" in json.dumps(records["https://news.example/flu"]["tone"], ensure_ascii=False)


def test_file_records_equal_auditor_check(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    _batch(inputs, out, "--workers", "0")
    site = inputs.root / "site"
    files = sorted(str(p) for p in site.iterdir() if p.is_file())
    checked = run_cli("check", *files, "--format", "jsonl", "--fail-on", "never")
    batch_lines = set(out.read_text(encoding="utf-8").splitlines())
    assert checked.output.splitlines() and set(checked.output.splitlines()) <= batch_lines


def test_store_answers_worst_pages_per_domain(inputs: Inputs, tmp_path: Path) -> None:
    _batch(inputs, tmp_path / "r.jsonl", "--workers", "0", "--db", str(tmp_path / "custom.db"))
    with closing(sqlite3.connect(tmp_path / "custom.db")) as conn:
        worst = conn.execute("SELECT url, score FROM documents WHERE domain = 'example.org' AND status = 'ok' "
                             "ORDER BY score LIMIT 50").fetchall()
        assert [u for u, _ in worst] == sorted([u for u, _ in worst], key=dict(worst).get)
        assert {u for u, _ in worst} == {"https://www.example.org/a", "https://example.org/b"}
        domain = conn.execute("SELECT domain FROM documents WHERE source LIKE '%clinic.html'").fetchone()
        assert domain == ("brightpath.example",)
        top = conn.execute("SELECT f.rule, count(*) FROM findings f JOIN documents d USING (seq) "
                           "GROUP BY 1 ORDER BY 2 DESC").fetchall()
        counts = conn.execute("SELECT sum(count) FROM categories").fetchone()[0]
        assert top and counts == sum(n for _, n in top)
        assert conn.execute("SELECT count(DISTINCT dimension) FROM dimensions").fetchone()[0] == 7


def test_existing_store_needs_resume_or_overwrite(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    _batch(inputs, out, "--workers", "0")
    again = run_cli("batch", *inputs.args, "--out", str(out), "--workers", "0")
    assert again.exit_code == 2 and "--resume" in again.output and "--overwrite" in again.output
    _batch(inputs, out, "--workers", "0", "--overwrite")
    assert len(read_jsonl(out)) == inputs.documents


def test_resume_skips_recorded_and_redoes_changed(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    _batch(inputs, out, "--workers", "0")
    before = out.read_text()
    output = _batch(inputs, out, "--workers", "0", "--resume")
    assert "0 documents written" in output and f"{inputs.documents:,} already recorded" in output
    assert out.read_text() == before
    (inputs.root / "site" / "blog.txt").write_text("Our new tea cures the flu in one day. Order now!\n")
    with out.open("a") as handle:
        handle.write('{"half a line')  # as a killed run might leave it
    _batch(inputs, out, "--workers", "0", "--resume")
    records = read_jsonl(out)
    assert len(records) == inputs.documents
    blog = [r for r in records if r["source"].endswith("blog.txt")]
    assert len(blog) == 1 and "tea" in json.dumps(blog[0])


def test_timeout_in_pool_workers(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a-small.html").write_bytes(page("Small", "Vitamin C does not cure colds."))
    paragraphs = "".join(f"<p>Our miracle cure number {i} works for 95% of patients. Book now!</p>"
                         for i in range(30000))
    (tmp_path / "pages" / "b-huge.html").write_text(f"<html><body>{paragraphs}</body></html>")
    out = tmp_path / "r.jsonl"
    started = time.perf_counter()
    result = run_cli("batch", str(tmp_path / "pages"), "--out", str(out), "--workers", "2", "--timeout", "0.5")
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 30
    records = {Path(r["source"]).name: r for r in read_jsonl(out)}
    assert records["b-huge.html"]["error"] == "timed out after 0.5 s (raise it with --timeout)"
    assert records["a-small.html"].get("error") is None and records["a-small.html"]["findings"] == []


def test_timeout_hook_in_process(inputs: Inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = worker.audit_item

    def slow(item, settings):  # noqa: ANN001, ANN202
        if item.source.endswith("leaflet.md"):
            time.sleep(60)
        return real(item, settings)

    monkeypatch.setattr(worker, "audit_item", slow)
    config = BatchConfig(inputs=(str(inputs.root / "site"),), out=tmp_path / "r.jsonl", db=tmp_path / "r.sqlite",
                         workers=0, timeout=0.3, progress=False)
    stats = run_batch(config)
    assert stats.written == 6 and stats.errors == 1 and stats.ok == 5
    leaflet = [r for r in read_jsonl(tmp_path / "r.jsonl") if r["source"].endswith("leaflet.md")]
    assert leaflet[0]["error"].startswith("timed out after 0.3 s")


def test_input_named_twice_is_read_once(inputs: Inputs, tmp_path: Path) -> None:
    site = inputs.root / "site"
    out = tmp_path / "r.jsonl"
    output = run_cli("batch", str(site), str(site / "*.html"), "--out", str(out), "--workers", "0").output
    assert len(read_jsonl(out)) == 6 and "3 inputs named twice read once" in output


def test_dead_worker_costs_only_its_document() -> None:
    huge = "".join(f"<p>Miracle cure number {i} works for 95% of patients.</p>" for i in range(30000))
    items = [Item(key="small", source="small.html", data=page("Small", "Zinc may shorten colds a little.")),
             Item(key="huge", source="huge.html", data=f"<html><body>{huge}</body></html>".encode())]
    engine = LocalEngine(Settings(), timeout=1.0, workers=1)
    try:
        future = engine.submit(items)
        for pid in list(engine.pool._processes):  # what the OOM killer would do
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            future.result(timeout=30)
        outcomes = engine.recover(items, BrokenProcessPool())
    finally:
        engine.close()
    assert [(o.key, o.status) for o in outcomes] == [("small", "ok"), ("huge", "error")]
    assert outcomes[1].error == "timed out after 1 s (raise it with --timeout)"


def test_known_format_path_matches_audit_path() -> None:
    """A JSONL/WARC body (format given) is audited exactly as the same bytes in a file (format detected)."""
    body = "".join(f"<p>Step {i}: our clinic cures 9 in 10 patients. Book now!</p>" for i in range(30))
    data = f"<!doctype html><html><body><h1>Offer</h1>{body}</body></html>".encode()
    settings = replace(Settings(), max_blocks=12, max_sentence_chars=40)  # the normalizer's limits apply to both
    as_file = worker.audit_one(Item(key="a", source="page.html", data=data), settings, None)
    as_body = worker.audit_one(Item(key="b", source="page.html", data=data, format="html"), settings, None)
    assert as_file.status == "ok" and as_file.line == as_body.line
    assert "warnings" in json.loads(as_file.line) and json.loads(as_file.line)["warnings"]


def test_strict_exits_1_when_a_document_failed(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    lenient = run_cli("batch", *inputs.args, "--out", str(out), "--workers", "0")
    assert lenient.exit_code == 0  # the inputs hold bad documents; by default they are only records
    strict = run_cli("batch", *inputs.args, "--out", str(out), "--workers", "0", "--overwrite", "--strict")
    assert strict.exit_code == 1 and "documents failed (--strict)" in strict.output
    assert len(read_jsonl(out)) == inputs.documents  # nothing is lost either way
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.md").write_text("# Sleep\n\nAdults need seven to nine hours of sleep.\n", encoding="utf-8")
    clean = run_cli("batch", str(good), "--out", str(tmp_path / "good.jsonl"), "--workers", "0", "--strict")
    assert clean.exit_code == 0
