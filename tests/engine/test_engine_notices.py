"""Pages that are not articles get one engine notice instead of content findings."""
from __future__ import annotations

from tests.engine_helpers import findings_for

BOT_CHECK = ("Why did this happen?\n\nPlease make sure your browser supports JavaScript and cookies and that you "
             "are not blocking them from loading. For more information you can review our Terms of Service and "
             "Cookie Policy.\n\nNeed help? Contact our support team and give the reference ID below.")


def test_a_bot_check_page_gets_one_notice_and_no_content_findings() -> None:
    findings = findings_for(BOT_CHECK)
    assert [f.rule for f in findings] == ["HC906"]
    assert findings[0].line is None and "not an article" in findings[0].message


def test_an_article_that_mentions_javascript_is_audited() -> None:
    article = ("Ketamine infusions are offered by many clinics for depression that has not responded to other "
               "treatments. The effects may fade after a few weeks. " * 8
               + "Please enable JavaScript to continue reading comments.")
    rules = {f.rule for f in findings_for(article)}
    assert "HC906" not in rules and "HC401" in rules
