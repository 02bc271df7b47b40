"""Input iteration: every kind of input, and every kind of bad input, becomes one Item."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from auditor.batch.items import Item
from auditor.batch.sources import SourceOptions, iter_items
from tests.batch.conftest import Inputs, page, write_warc


def _by_name(items: list[Item], root: Path) -> dict[str, Item]:
    return {item.key.replace(str(root) + "/", ""): item for item in items}


def test_mixed_inputs_give_one_item_per_document(inputs: Inputs) -> None:
    items = _by_name(list(iter_items(inputs.args)), inputs.root)
    assert len(items) == inputs.documents
    assert {k for k in items if k.startswith("site/")} == {
        "site/about.html", "site/blog.txt", "site/clinic.html", "site/leaflet.md", "site/news.html",
        "site/archive/old-news.html.gz"}
    assert items["site/archive/old-news.html.gz"].format == "html"
    assert b"2023" in items["site/archive/old-news.html.gz"].data
    assert items["site/clinic.html"].id is None and items["site/clinic.html"].format is None
    j1 = items["docs.jsonl:1"]
    assert (j1.id, j1.url, j1.format, j1.source) == ("j1", "https://www.example.org/a", "html", "https://www.example.org/a")
    assert items["docs.jsonl:2"].format == "text"
    assert "docs.jsonl:4" not in items  # a blank line is not a document


def test_bad_inputs_become_error_and_skip_items(inputs: Inputs) -> None:
    items = _by_name(list(iter_items(inputs.args)), inputs.root)
    assert items["docs.jsonl:3"].problem.startswith("line is not valid JSON")
    assert items["docs.jsonl:5"].problem.startswith("record has no body")
    assert items["docs.jsonl:5"].id == "j3"
    assert items["docs.jsonl:7"].problem == "line is a JSON list, not an object"
    assert items["crawl.warc.gz#2"].skip == "not HTML (content type image/png)"
    assert items["crawl.warc.gz#4"].problem == "record has no body"
    assert items["crawl.warc.gz#5"].skip == "HTTP status 404"
    assert "crawl.warc.gz#3" not in items  # a request record is not a document
    flu = items["crawl.warc.gz#6"]
    assert flu.to_audit and "café".encode("latin-1") in flu.data
    assert items["broken.warc.gz#1"].to_audit and items["broken.warc.gz#2"].to_audit
    assert "truncated gzip stream" in items["broken.warc.gz#3"].problem


def test_truncated_plain_warc_and_gzip_page(tmp_path: Path) -> None:
    warc = tmp_path / "plain.warc"
    write_warc(warc, [("response", f"https://x.example/{i}", "200 OK", "text/html", page("T", "body " * 200))
                      for i in range(2)], gz=False)
    data = warc.read_bytes()
    warc.write_bytes(data[:-300])  # inside the second record's body
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(page("T", "text " * 500))[:-40])
    items = list(iter_items([str(warc), str(tmp_path / "cut.html.gz")]))
    assert [i.to_audit for i in items] == [True, False, False]
    assert items[1].problem.startswith("truncated WARC record")
    assert items[2].problem.startswith("truncated gzip file")


def test_oversized_line_and_directory_filters(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": "x" * 5000})
    (tmp_path / "big.jsonl").write_text(big + "\n" + json.dumps({"id": "ok", "text": "Fine."}) + "\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_bytes(page("A", "a"))
    (tmp_path / "pages" / "notes.csv").write_text("not a page")
    items = list(iter_items([str(tmp_path / "big.jsonl"), str(tmp_path / "pages")], SourceOptions(max_bytes=1000)))
    assert "over the limit" in items[0].problem
    assert items[1].id == "ok" and items[1].to_audit
    assert [Path(i.key).name for i in items[2:]] == ["a.html"]
    globbed = list(iter_items([str(tmp_path / "pages" / "*.html")]))
    assert [Path(i.key).name for i in globbed] == ["a.html"]


def test_a_binary_file_named_jsonl_is_one_error_item(tmp_path: Path) -> None:
    (tmp_path / "blob.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8 + b"\n" * 16)
    items = list(iter_items([str(tmp_path / "blob.jsonl")]))
    assert len(items) == 1 and items[0].problem == "not a JSONL file (binary data)"
    (tmp_path / "blob.jsonl.gz").write_bytes(gzip.compress(b"\x00\x01\x02\n" * 50))
    assert [i.problem for i in iter_items([str(tmp_path / "blob.jsonl.gz")])] == ["not a JSONL file (binary data)"]
