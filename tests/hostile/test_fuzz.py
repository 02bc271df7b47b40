"""Hostile and random input: nothing escapes as an exception, work stays bounded.

Bounds documented in SECURITY.md: a document of N MB takes at most a few seconds per MB; every
guard looks at a fixed window; run-on sentences are cut; findings are capped.
"""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.errors import InputError
from auditor.ingest import read_input
from auditor.normalize import normalize, normalize_string
from auditor.pipeline import audit_path, audit_text
from auditor.report import render
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = ["div", "p", "span", "a", "table", "tr", "td", "ul", "li", "h1", "h2", "script", "style", "nav", "footer",
        "article", "blockquote", "b", "i", "br", "form", "button", "svg", "template"]
WORDS = ["miracle", "cure", "studies show", "60-80%", "call us today", "&amp;", "&#x200b;", "\u202e", "é", "<!--",
         "-->", "\"", "'", "<", ">", "side effects are mild", "not a cure", "\u0301", "\x00", "\ufeff"]


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Random, often broken, HTML: nested tags, unclosed tags, stray entities and text."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 6 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(st.sampled_from(["", ' class="comment"', ' href="javascript:alert(1)"', ' style="display:none"', ' role="main"']))
            close = draw(st.sampled_from([f"</{tag}>", "", "</div>"]))
            parts.append(f"<{tag}{attrs}>{draw(html_trees(depth + 1))}{close}")
        else:
            parts.append(" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=6))))
    return "".join(parts)


@FAST
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        raw = read_input("fuzz.bin", data)
    except InputError:
        return
    doc = normalize(raw)
    assert isinstance(doc.text, str)


@FAST
@given(html_trees())
def test_random_html_normalizes_and_audits(html: str) -> None:
    result = audit_text(html, "html", source="fuzz.html")
    for finding in result.findings:
        if finding.span is not None:
            assert 0 <= finding.span.start <= finding.span.end <= len(result.document.text)
            assert finding.location.line >= 1 and finding.location.column >= 1


@FAST
@given(st.text(max_size=2000), st.sampled_from(["text", "markdown", "html"]))
def test_random_unicode_in_every_format(text: str, fmt: str) -> None:
    result = audit_text(text, fmt)
    for kind in ("json", "sarif", "text", "github", "markdown", "html"):
        out = render(kind, [result])
        if kind in ("json", "sarif"):
            json.loads(out)


@FAST
@given(st.text(alphabet=st.sampled_from(list("ab \n.<>&;#\"'")), max_size=400))
def test_markup_soup_positions_stay_inside_the_source(text: str) -> None:
    doc = normalize_string(text, "html")
    lines = doc.source_text.splitlines() or [""]
    for block in doc.blocks:
        assert 1 <= block.location.line <= max(1, len(lines))


class _Elements(HTMLParser):
    """Every element and attribute the browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((k, v or "") for k, v in attrs)


def test_hostile_fixtures_audit_cleanly_and_report_safely() -> None:
    for path in sorted(HOSTILE.iterdir()):
        result = audit_path(str(path))
        assert result.ok, (path.name, result.error)
        parsed = _Elements()
        parsed.feed(render("html", [result]))
        assert "script" not in parsed.tags and "img" not in parsed.tags and "iframe" not in parsed.tags, path.name
        assert not [k for k, _ in parsed.attrs if k.startswith("on")], path.name
        assert not [v for k, v in parsed.attrs if k in ("href", "src") and not v.startswith("#")], path.name


def test_lying_declarations_decode_without_loss(tmp_path: Path) -> None:
    result = audit_path(str(HOSTILE / "lying-charset.html"))
    assert "Mixed bytes" in result.document.text
    result = audit_path(str(HOSTILE / "wrong-xml-decl.html"))
    assert "vitamin D" in result.document.text


def test_zero_width_and_bidi_controls_do_not_hide_claims() -> None:
    result = audit_path(str(HOSTILE / "zero-width-rtl.txt"))
    assert result.ok
    assert any(f.rule == "HC201" for f in result.findings)  # "100% safe" despite the bidi override


def test_deep_nesting_and_giant_lines_are_bounded() -> None:
    deep = "<div>" * 100_000 + "<p>Deep miracle cure.</p>" + "</div>" * 100_000
    assert [b.text for b in normalize_string(deep, "html").blocks] == ["Deep miracle cure."]
    result = audit_text("word " * 200_000, "text")  # one 1 MB line
    assert len(result.findings) <= 520
    assert all(len(s.text) <= 2_000 for s in result.document.sentences)


def test_limits_are_configurable_and_reported() -> None:
    from auditor.config import Settings

    text = "\n\n".join(f"Paragraph {i} about sleep and miracle cures." for i in range(50))
    result = audit_text(text, "text", Settings(max_blocks=10, max_sentence_chars=20, max_findings=3))
    assert len(result.document.blocks) == 10
    assert any("only the first 10" in w for w in result.document.warnings)
    assert all(len(s.text) <= 20 for s in result.document.sentences)
    assert [f.rule for f in result.findings].count("HC905") == 1 and len(result.findings) <= 4
