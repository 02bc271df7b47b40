"""Fixtures for the batch tests: mixed inputs of our own writing, built per test in tmp_path."""
from __future__ import annotations

import gzip
import io
import json
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from auditor.cli import main
from tests.conftest import FIXTURES

SITE = FIXTURES / "batch" / "site"

PROMO = ("<html><body><h1>Miracle joint formula</h1><p>Our formula cures arthritis in 7 days, guaranteed.</p>"
         "<p>Stiff knees, aching hips and swollen fingers melt away as the blend of turmeric, ginger and "
         "boswellia goes to work on the root cause of your pain.</p>"
         "<p>Doctors hate it! Order now and save 50%. Stocks are running low, so claim your bottle today "
         "before this offer ends.</p></body></html>")
LEAFLET = ("Flu vaccines are offered every autumn to people over 65. Side effects are usually mild, "
           "such as a sore arm. Ask your pharmacist if you are unsure whether it is right for you. "
           "The vaccine takes about two weeks to work, so it is best to have it before flu starts "
           "spreading in your area. You can have it at your GP surgery or at many pharmacies.")


def write_warc(path: Path, records: list[tuple[str, str, str, str, bytes]], gz: bool = True) -> None:
    """A WARC file of (type, url, status, content type, body) records, written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for kind, url, status, content_type, body in records:
            if kind == "request":
                headers = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example")], is_http_request=True)
                record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers)
            else:
                headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
                record = writer.create_warc_record(url, kind, payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


def page(title: str, text: str) -> bytes:
    return (f"<!doctype html><html><head><title>{title}</title></head>"
            f"<body><h1>{title}</h1><p>{text}</p></body></html>").encode()


@dataclass
class Inputs:
    """Mixed inputs and what a batch over them must produce."""

    args: list[str]
    documents: int
    root: Path


def build_inputs(root: Path) -> Inputs:
    """A directory (with a .gz page), a JSONL file with bad lines, a WARC.gz and a truncated WARC.gz."""
    site = root / "site"
    shutil.copytree(SITE, site)
    (site / "archive").mkdir()
    (site / "archive" / "old-news.html.gz").write_bytes(gzip.compress((SITE / "news.html").read_bytes()
                                                                      .replace(b"2024", b"2023")))
    lines = [
        json.dumps({"id": "j1", "url": "https://www.example.org/a", "html": PROMO}),
        json.dumps({"id": "j2", "url": "https://example.org/b", "text": LEAFLET}),
        '{"id": "j9", "html": "<p>unterminated',
        "",
        json.dumps({"id": "j3", "url": "https://example.org/c"}),
        json.dumps({"id": "j1", "url": "https://example.org/again", "text": "Another document with a used id."}),
        json.dumps([1, 2, 3]),
    ]
    (root / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_warc(root / "crawl.warc.gz", [
        ("response", "https://www.clinic.example/a", "200 OK", "text/html; charset=utf-8", PROMO.encode()),
        ("response", "https://www.clinic.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("request", "https://www.clinic.example/a", "", "", b""),
        ("response", "https://www.clinic.example/empty", "200 OK", "text/html", b""),
        ("response", "https://www.clinic.example/gone", "404 Not Found", "text/html", page("Gone", "Not here.")),
        ("response", "https://news.example/flu", "200 OK", "text/html; charset=iso-8859-1",
         page("Caf\xe9 flu clinic", "A caf\xe9 runs a flu clinic; 80% of visitors were vaccinated.")
         .decode().encode("latin-1")),
        ("response", "https://www.clinic.example/a", "200 OK", "text/html", page("Again", "A second capture.")),
    ])
    whole = root / "whole.warc.gz"
    write_warc(whole, [("response", f"https://cut.example/{i}", "200 OK", "text/html",
                        page(f"Page {i}", "Honey soothes a sore throat in children over one year old. " * 40))
                       for i in range(3)])
    data = whole.read_bytes()
    (root / "broken.warc.gz").write_bytes(data[: len(data) - 200])  # cut inside the third record
    whole.unlink()
    args = [str(site), str(root / "docs.jsonl"), str(root / "crawl.warc.gz"), str(root / "broken.warc.gz")]
    return Inputs(args=args, documents=6 + 6 + 6 + 3, root=root)


@pytest.fixture()
def inputs(tmp_path: Path) -> Inputs:
    return build_inputs(tmp_path / "in")


def run_cli(*args: str) -> Result:
    """Run the command line in this process."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def store_rows(db: Path, columns: str = "key, id, status, error") -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(f"SELECT {columns} FROM documents ORDER BY seq").fetchall()
