"""The HTML report in headless Chromium: it renders, marks every located finding, runs nothing injected."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from auditor.pipeline import audit_path, audit_text
from auditor.report.html import render_html
from auditor.report.model import document_dict

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "report"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Runs before the page's own content; records CSP violations so a page that breaks its own policy fails.
WATCH = "window.__violations = []; document.addEventListener('securitypolicyviolation', e => " \
        "window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


def _documents() -> list[dict[str, Any]]:
    page = (FIXTURES / "hostile.html").read_text(encoding="utf-8")
    text = (FIXTURES / "hostile.txt").read_text(encoding="utf-8")
    results = [audit_path(str(EXAMPLES / "clinic-landing.html")),
               audit_text(page, "html", source="hostile.html"),
               audit_text(text, "text", source='<img src=x onerror="window.__pwned=1">'),
               audit_path(str(FIXTURES / "missing.html"))]
    return [document_dict(r, include_text=True) for r in results]


def _open(browser: Any, tmp_path: Path, documents: list[dict[str, Any]]) -> tuple[Any, list[str]]:
    report = tmp_path / "report.html"
    report.write_text(render_html(documents), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(WATCH)
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    return page, dialogs


def test_report_renders_and_runs_nothing_injected(browser: Any, tmp_path: Path) -> None:
    documents = _documents()
    page, dialogs = _open(browser, tmp_path, documents)
    try:
        score = page.locator("#d-1 .score")
        assert score.is_visible() and score.inner_text() == f"{documents[0]['score']:.0f}"
        assert page.locator("#d-1 .grade").inner_text() == documents[0]["grade"]
        located = sum(1 for d in documents for f in d["findings"] if f.get("span"))
        assert page.evaluate("document.querySelectorAll('mark.finding').length") == located
        assert page.evaluate("document.scripts.length") == 0
        assert page.evaluate("document.images.length") == 0
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("window.__violations") == []
        assert "<script>window.__pwned=1</script>" in page.locator("#d-2 article").inner_text()
        assert "could not be audited" in page.locator("#d-4").inner_text().lower()
        page.locator("mark.finding").first.hover()
        page.mouse.move(0, 0)
        assert dialogs == []
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        page.close()


def test_findings_link_to_their_highlight_and_show_a_tooltip(browser: Any, tmp_path: Path) -> None:
    documents = [document_dict(audit_path(str(EXAMPLES / "clinic-landing.html")), include_text=True)]
    page, dialogs = _open(browser, tmp_path, documents)
    try:
        page.locator('aside a[href="#f-3"]').click()
        assert page.evaluate("location.hash") == "#f-3"
        assert page.evaluate("document.querySelector(':target').id") == "f-3"
        target = page.locator("#f-3")
        assert target.is_visible()
        tip = page.evaluate("getComputedStyle(document.querySelector('#f-3'), '::after').content")
        first = [f for f in documents[0]["findings"] if f["span"]][2]
        assert first["message"] in tip.replace('\\"', '"')
        page.locator("#f-1").click()
        assert page.evaluate("document.activeElement.id") == "f-1"
        tip = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
        assert "Suggestion:" in tip
        assert dialogs == [] and page.evaluate("window.__violations") == []
    finally:
        page.close()


def test_screenshot(browser: Any, tmp_path: Path) -> None:
    """A full-page screenshot in the temp dir, or at $REPORT_SHOT for a human to look at."""
    page, _ = _open(browser, tmp_path, _documents())
    try:
        page.locator("#f-2").focus()
        shot = Path(os.environ.get("REPORT_SHOT") or tmp_path / "report.png")
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    finally:
        page.close()
