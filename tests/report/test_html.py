"""The HTML report: escaping of hostile documents, one mark per located finding, links, errors."""
from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.pipeline import audit_path, audit_text
from auditor.report import render
from auditor.report.html import render_html
from auditor.report.model import document_dict

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "report"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VOID = {"meta", "br", "hr", "img", "input", "link", "rect", "path", "circle", "line"}


class Page(HTMLParser):
    """Every start tag with its attributes, checking that non-void tags are balanced."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.article_text: list[str] = []
        self.aside_links: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "a" and "aside" in self.stack:
            self.aside_links.append(dict(attrs).get("href") or "")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "article" in self.stack:
            self.article_text.append(data)

    def with_class(self, tag: str, cls: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and cls in a.get("class", "").split()]


def _doc(text: str, fmt: str, source: str = "<string>") -> dict[str, Any]:
    return document_dict(audit_text(text, fmt, source=source), include_text=True)


def _hostile() -> list[dict[str, Any]]:
    page = (FIXTURES / "hostile.html").read_text(encoding="utf-8")
    text = (FIXTURES / "hostile.txt").read_text(encoding="utf-8")
    return [_doc(page, "html", '<img src=x onerror="alert(1)">.html'),
            _doc(text, "text", "javascript:alert(1)")]


def _located(documents: list[dict[str, Any]]) -> int:
    return sum(1 for d in documents for f in d.get("findings", []) if f.get("span"))


def test_hostile_documents_are_escaped() -> None:
    docs = _hostile()
    assert "<script>" in docs[0]["text"] and "onerror=" in docs[1]["text"]  # the fixtures really are hostile
    out = render_html(docs)
    page = Page(out)
    assert not page.stack
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "img", "audio", "iframe", "object", "embed", "form", "base", "link"}
    assert [t for t, _ in page.tags].count("style") == 1
    assert "<script" not in out.lower() and "<img" not in out.lower()
    for tag, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert not attrs.get("href", "#").startswith("javascript"), (tag, attrs)
        assert attrs.get("href", "#").startswith("#"), (tag, attrs)
        assert "src" not in attrs and "style" not in attrs
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in out
    assert "javascript:alert(document.cookie)" in out  # shown as text, not as a link
    assert html.escape(docs[0]["metadata"]["author"], quote=True) in out
    assert "&lt;/p&gt;&lt;/mark&gt;&lt;style&gt;" in out


def test_content_security_policy_forbids_scripts() -> None:
    out = render_html(_hostile())
    csp = [a["content"] for t, a in Page(out).tags
           if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(csp) == 1
    assert "default-src 'none'" in csp[0] and "script-src" not in csp[0]
    assert out.lower().count("<style") == 1


@pytest.mark.parametrize("name", ["clinic-landing.html", "supplement-blog.txt", "patient-leaflet.md"])
def test_one_finding_mark_per_located_finding(name: str) -> None:
    doc = document_dict(audit_path(str(EXAMPLES / name)), include_text=True)
    out = render_html([doc])
    page = Page(out)
    assert not page.stack
    assert out.count('class="finding"') == _located([doc]) == len(page.with_class("mark", "finding"))
    spans = [blk["span"] for blk in doc["blocks"]]
    assert "".join(page.article_text) == "".join(doc["text"][a:b] for a, b in spans)


def test_every_finding_is_linked_from_the_list() -> None:
    docs = _hostile() + [document_dict(audit_path(str(EXAMPLES / "clinic-landing.html")), include_text=True)]
    page = Page(render_html(docs))
    ids = [a["id"] for a in page.with_class("mark", "finding")]
    assert len(ids) == len(set(ids)) == _located(docs)
    assert all(i.startswith("f-") for i in ids)
    assert sorted(h[1:] for h in page.aside_links) == sorted(ids)
    links = {a["href"][1:] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#f-")}
    assert links == set(ids)
    parts = page.with_class("mark", "finding-part")
    assert {a["data-for"] for a in parts} <= set(ids)


def test_marks_carry_rule_message_and_suggestion() -> None:
    doc = document_dict(audit_path(str(EXAMPLES / "clinic-landing.html")), include_text=True)
    marks = Page(render_html([doc])).with_class("mark", "finding")
    located = [f for f in doc["findings"] if f["span"]]
    by_rule = {(m["data-rule"], m["data-cat"]) for m in marks}
    assert by_rule == {(f["rule"], f["category"]) for f in located}
    for mark in marks:
        assert mark["tabindex"] == "0" and "Suggestion:" in mark["title"]
        assert mark["data-tip"] == mark["title"]
    first = next(m for m in marks if m["data-rule"] == located[0]["rule"])
    assert located[0]["message"] in first["title"] and located[0]["suggestion"] in first["title"]


def test_document_level_findings_are_listed() -> None:
    doc = document_dict(audit_path(str(EXAMPLES / "clinic-landing.html")), include_text=True)
    out = render_html([doc])
    page_level = [f for f in doc["findings"] if not f["span"]]
    assert page_level
    for f in page_level:
        assert html.escape(f["message"], quote=True) in out


def test_header_chart_checklists_and_deductions() -> None:
    doc = document_dict(audit_path(str(EXAMPLES / "clinic-landing.html")), include_text=True)
    out = render_html([doc])
    page = Page(out)
    assert [t for t, _ in page.tags].count("svg") == 1
    assert f'<span class="score">{doc["score"]:.0f}</span>' in out
    assert f'>{doc["grade"]}</span>' in out
    assert f"{doc['tone']['promotional']:.0%}" in out
    for name in ("evidence", "claims", "balance", "transparency", "tone", "seo", "readability"):
        assert f">{name}</text>" in out and f"<b>{name}</b>" in out
    for items in doc["checklist"].values():
        for name in items:
            assert f"<th>{name}</th>" in out
    anchors = dict(zip((f["fingerprint"] for f in doc["findings"] if f["span"]),
                       (a["id"] for a in page.with_class("mark", "finding"))))
    for dim in doc["dimensions"].values():
        for d in dim["deductions"]:
            reason = html.escape(d["reason"], quote=True)
            assert reason in out
            if d["fingerprint"] in anchors:
                assert f'<a href="#{anchors[d["fingerprint"]]}">{reason}</a>' in out


def test_error_documents_render_their_error() -> None:
    missing = document_dict(audit_path(str(FIXTURES / "does-not-exist.html")), include_text=True)
    hostile = {"source": "<b>bad</b>.html", "error": "<script>window.__pwned=1</script>", "score": None,
               "grade": None, "dimensions": {}, "tone": None, "metadata": {}, "findings": [], "counts": {}}
    out = render_html([missing, hostile])
    assert missing["error"] and html.escape(missing["error"]) in out
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in out and "&lt;b&gt;bad&lt;/b&gt;.html" in out
    assert "<script" not in out and not Page(out).stack


def test_table_of_contents_for_several_documents() -> None:
    docs = [document_dict(audit_path(str(EXAMPLES / n)), include_text=True)
            for n in ("clinic-landing.html", "supplement-blog.txt", "patient-leaflet.md")]
    page = Page(render_html(docs))
    toc = [a["href"] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#d-")]
    assert toc == ["#d-1", "#d-2", "#d-3"]
    assert [a["id"] for t, a in page.tags if t == "section"] == ["d-1", "d-2", "d-3"]
    assert Page(render_html(docs[:1])).tags.count(("nav", {"class": "toc"})) == 0


def test_render_dispatches_html() -> None:
    out = render("html", [audit_path(str(EXAMPLES / "supplement-blog.txt"))])
    assert out.startswith("<!DOCTYPE html>") and 'class="finding"' in out


def _synthetic(text: str, blocks: list[tuple[int, int]], spans: list[Any]) -> dict[str, Any]:
    findings = [{"rule": f"HC{i:03d}", "name": "x", "category": "hype", "severity": "warning",
                 "message": f"m{i}", "suggestion": "s", "line": 1, "span": list(s) if s else None}
                for i, s in enumerate(spans)]
    return {"source": "s", "score": 50.0, "grade": "C", "dimensions": {}, "tone": None, "metadata": {},
            "counts": {}, "checklist": {}, "findings": findings, "text": text,
            "blocks": [{"kind": "paragraph", "region": "main", "span": list(b)} for b in blocks]}


def test_overlapping_and_cross_block_spans() -> None:
    text = "alpha beta gamma\n\ndelta epsilon"
    spans = [(0, 10), (6, 16), (6, 10), (11, 25), (3, 3), (16, 18), (18, 18), None, (40, 50)]
    doc = _synthetic(text, [(0, 16), (18, 31)], spans)
    page = Page(render_html([doc]))
    assert not page.stack
    assert len(page.with_class("mark", "finding")) == 8
    assert "".join(page.article_text) == "alpha beta gammadelta epsilon"


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_spans_give_balanced_marks_and_keep_the_text(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="ab <&>\"'\n", min_size=0, max_size=40))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=0, max_size=6)))
    blocks = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)] or [(0, len(text))]
    offset = st.integers(0, len(text) + 2)
    pair = st.tuples(offset, offset).map(lambda p: tuple(sorted(p)))
    spans = data.draw(st.lists(st.one_of(st.none(), pair), max_size=8))
    doc = _synthetic(text, blocks, spans)
    page = Page(render_html([doc]))
    assert not page.stack
    assert len(page.with_class("mark", "finding")) == sum(1 for s in spans if s)
    assert "".join(page.article_text) == "".join(text[a:b] for a, b in blocks)


def test_paragraphs_from_blank_lines_when_blocks_are_missing() -> None:
    doc = _synthetic("one two\n\n\nthree <b>\n\n", [], [(4, 13), (14, 15)])
    del doc["blocks"]
    page = Page(render_html([doc]))
    assert [t for t, a in page.tags if "blk" in a.get("class", "")] == ["p", "p"]
    assert "".join(page.article_text) == "one twothree <b>"
    assert len(page.with_class("mark", "finding")) == 2
