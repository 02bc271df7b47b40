from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.ingest import decode_bytes, detect_format, iter_paths, read_input


def test_bom_wins() -> None:
    decoded = decode_bytes(codecs.BOM_UTF16_LE + "Zinc and colds".encode("utf-16-le"))
    assert decoded.text == "Zinc and colds" and decoded.method == "bom"


def test_undeclared_legacy_bytes_are_detected() -> None:
    text = "Les effets secondaires sont fréquents chez les enfants âgés de moins de deux ans. " * 5
    decoded = decode_bytes(text.encode("cp1252"))
    assert "fréquents" in decoded.text and not decoded.replaced


def test_declared_charset_is_honoured() -> None:
    data = b'<meta charset="windows-1252"><p>Caf\xe9 \x93quoted\x94</p>'
    decoded = decode_bytes(data)
    assert "Café “quoted”" in decoded.text and decoded.method == "declared"


def test_invalid_bytes_never_raise() -> None:
    decoded = decode_bytes(b"ok \xff\xfe\xfa broken \xc3")
    assert "ok" in decoded.text


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "", "html"),
        ("<div><p>a</p><p>b</p><a href='#'>c</a></div>", "", "html"),
        ("# Title\n\n- one\n- two\n\n[link](https://example.org)", "", "markdown"),
        ("Just words on a line.\nAnother line.", "", "text"),
        ("# not markdown because of the name", "notes.txt", "text"),
        ("plain", "page.HTM", "html"),
    ],
)
def test_detect_format(text: str, name: str, expected: str) -> None:
    assert detect_format(text, name) == expected


def test_refusals_name_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("  \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>x</p>" * 200)
    with pytest.raises(InputError, match=r"empty\.html: empty document"):
        read_input(str(empty))
    with pytest.raises(InputError, match=r"image\.txt: not a text document"):
        read_input(str(binary))
    with pytest.raises(InputError, match=r"big\.html: input is 1,600 bytes, over the limit of 1,000"):
        read_input(str(big), max_bytes=1000)


def test_directory_walk_with_globs(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>a</p>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# b")
    (tmp_path / "sub" / "skip.md").write_text("# skip")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    found = [Path(p).name for p in iter_paths([str(tmp_path)], exclude=["skip.*"])]
    assert found == ["a.html", "b.md"]


def test_directory_with_no_documents(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(InputError, match="directory contains no documents"):
        list(iter_paths([str(tmp_path)]))


def test_missing_path() -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        list(iter_paths(["/no/such/place.html"]))
