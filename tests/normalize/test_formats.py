"""Each format normalizes into faithful blocks, regions, metadata, links and positions."""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor.ingest import read_input
from auditor.normalize import normalize, normalize_string
from auditor.records import Document


def load(path: Path) -> Document:
    return normalize(read_input(str(path)))


def block(doc: Document, startswith: str):
    return next(b for b in doc.blocks if b.text.startswith(startswith))


def test_html_drops_scripts_and_keeps_structure(fixtures: Path) -> None:
    doc = load(fixtures / "normalize" / "nasty.html")
    assert "dataLayer" not in doc.text and "@context" not in doc.text
    assert block(doc, "Iron deficiency &").kind == "heading"
    assert block(doc, "Iron deficiency is common").text.endswith("pregnancy.")
    assert "—" in block(doc, "Iron deficiency is common").text  # &mdash; decoded
    cells = [b.text for b in doc.blocks if b.kind == "table_cell"]
    assert cells == ["Group", "Daily iron", "Adults", "8 mg (men)", "18 mg (women)"]
    assert block(doc, "Text directly in a div").region == "main"


def test_html_regions(fixtures: Path) -> None:
    doc = load(fixtures / "normalize" / "nasty.html")
    assert block(doc, "Home").region == "boilerplate"
    assert block(doc, "© Example Health").region == "boilerplate"
    assert block(doc, "Low iron can cause").region == "main"
    assert all(b.region == "main" for b in doc.blocks if b.kind == "table_cell")


def test_html_metadata(fixtures: Path) -> None:
    meta = load(fixtures / "normalize" / "nasty.html").metadata
    assert meta.title == "Iron deficiency & fatigue"
    assert meta.author == "Dana Whitfield"
    assert meta.published == "2025-05-01T09:00:00Z"
    assert meta.reviewed_by == "Omar Haddad, MD"
    assert meta.publisher == "Example Health"
    assert meta.canonical_url == "https://health.example.org/broken"
    assert meta.language == "en"
    assert "MedicalWebPage" in meta.jsonld_types


def test_html_links_are_classified(fixtures: Path) -> None:
    kinds = {link.text: link.kind for link in load(fixtures / "normalize" / "nasty.html").links}
    assert kinds["NIH review"] == "citation"
    assert kinds["our nurse line"] == "contact"
    assert kinds["Twitter"] == "social"
    assert kinds["Home"] == "internal"


def test_page_that_is_all_navigation(fixtures: Path) -> None:
    doc = load(fixtures / "normalize" / "all-nav.html")
    assert doc.blocks
    assert all(b.region == "boilerplate" for b in doc.blocks)


def test_declared_charset_is_used(fixtures: Path) -> None:
    doc = load(fixtures / "normalize" / "latin1.html")
    assert doc.encoding.replace("_", "-").startswith(("iso8859-1", "latin-1", "cp1252", "windows-1252"))
    assert "Café au lait spots" == doc.metadata.title


def test_markdown_front_matter_and_blocks(fixtures: Path) -> None:
    doc = load(fixtures / "normalize" / "front-matter.md")
    assert doc.format == "markdown"
    assert doc.metadata.title == "Sleep hygiene basics"
    assert doc.metadata.author == "Lena Ortiz, RN"
    assert doc.metadata.published == "2024-11-02"
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "list_item", "list_item", "quote", "paragraph"]
    assert block(doc, "See the CDC").location.line == 17
    assert doc.links[0].kind == "citation" and doc.links[0].text == "CDC sleep pages"


@pytest.mark.parametrize("key", ["reviewed", "last-edited", "last_edited", "Last-Reviewed"])
def test_front_matter_review_and_edit_dates_count_as_updated(key: str) -> None:
    doc = normalize_string(f"---\ntitle: Gout\n{key}: 2024-05-14\nsite: Leafwell Health\n---\n\nGout is a kind of arthritis.\n",
                           "markdown", "gout.md")
    assert doc.metadata.updated == "2024-05-14"
    assert doc.metadata.publisher == "Leafwell Health"


def test_plain_text_headings_lists_and_boilerplate(fixtures: Path) -> None:
    doc = load(fixtures / "normalize" / "article.txt")
    assert block(doc, "Understanding Blood").kind == "heading"
    assert block(doc, "What Counts as High?").kind == "heading"
    assert block(doc, "Normal: below").kind == "list_item"
    assert block(doc, "Leave a Reply").region == "boilerplate"
    assert block(doc, "Your email address").region == "boilerplate"
    assert block(doc, "Readings should be").region == "main"


@pytest.mark.parametrize("name", ["nasty.html", "front-matter.md", "article.txt", "latin1.html"])
def test_every_block_points_at_its_text_in_the_original(fixtures: Path, name: str) -> None:
    doc = load(fixtures / "normalize" / name)
    lines = doc.source_text.splitlines()
    for b in doc.blocks:
        first_word = b.text.split()[0]
        line = lines[b.location.line - 1]
        at = line[b.location.column - 1:]
        # HTML entities stand for one character in the text; compare the first letters only.
        assert at.startswith(first_word[:1]) or at.startswith("&"), (name, b.text, at[:30])


def test_sentence_spans_and_blocks_agree() -> None:
    doc = normalize_string("# Title\n\nFirst sentence here. Second one, by Dr. Chu.\n", "markdown")
    assert [s.text for s in doc.sentences] == ["Title", "First sentence here.", "Second one, by Dr. Chu."]
    for s in doc.sentences:
        assert doc.text[s.span.start:s.span.end] == s.text
        assert doc.blocks[s.block].span.contains(s.span)


def test_ten_thousand_nested_divs() -> None:
    html = "<html><body>" + "<div>" * 10_000 + "<p>Deep text about sleep.</p>" + "</div>" * 10_000
    doc = normalize_string(html, "html")
    assert [b.text for b in doc.blocks] == ["Deep text about sleep."]


def test_non_english_document_is_recognised() -> None:
    text = ("Die Behandlung mit Ketamin ist nicht für alle Patienten geeignet. Sprechen Sie mit "
            "Ihrem Arzt, bevor Sie sich für eine Therapie entscheiden, und fragen Sie nach den Risiken.")
    assert normalize_string(text, "text").metadata.language == "de"


def test_text_byline_and_dates() -> None:
    doc = normalize_string("Iron and You\n\nBy Maria Jensen, RD\nLast updated: March 3, 2025\n\n"
                           "Iron carries oxygen in the blood.\n", "text")
    assert doc.metadata.author == "Maria Jensen"
    assert doc.metadata.author_credentials == "RD"
    assert doc.metadata.updated == "March 3, 2025"


def test_references_section_is_recognised(fixtures: Path) -> None:
    doc = normalize_string("# Iron\n\nIron matters [1].\n\n## References\n\n1. Smith J. Iron. 2020.\n", "markdown")
    assert doc.metadata.has_references
    assert not load(fixtures / "normalize" / "article.txt").metadata.has_references


def test_extraction_leaves_our_parse_intact(fixtures: Path) -> None:
    # The normalizer hands trafilatura its own lxml tree, then walks that tree for blocks:
    # the extraction must work on a copy.
    from lxml import etree

    from auditor.normalize.html import parse_html
    from auditor.normalize.html_regions import main_text_keys

    html = (fixtures / "normalize" / "nasty.html").read_text(encoding="utf-8")
    root = parse_html(html)
    before = etree.tostring(root)
    keys = main_text_keys(html, root)
    assert keys is not None and keys == main_text_keys(html)
    assert etree.tostring(root) == before
