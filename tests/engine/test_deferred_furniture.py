"""A shop's buttons count once the page is known to sell, whichever rule showed it."""
from __future__ import annotations

from tests.engine_helpers import findings_for

# The page's only sign of selling in the main text is its star rating (HC312), a rule that runs
# after the call-to-action rules; the offer sits in a button the main-text rules skip.
SHOP = """<html><head><title>Calmbrew Tea</title></head><body>
<main>
<h1>Calmbrew Evening Tea</h1>
<p>Calmbrew is a blend of chamomile, lemon balm and oat straw, sold in boxes of twenty bags.
Each bag is steeped for five minutes in water just off the boil.</p>
<section class="reviews"><h2>What drinkers say</h2>
<p>Rated 4.8 out of 5 stars by tea drinkers.</p>
</section>
<p>Chamomile and lemon balm have been drunk as evening teas for centuries, and many people find
a warm drink part of a calming routine before bed.</p>
<button>Add to Cart - $18.00</button>
</main></body></html>"""

# The same button on a page that does not sell: no review, no offer in the main text.
PLAIN = SHOP.replace('<section class="reviews"><h2>What drinkers say</h2>\n'
                     '<p>Rated 4.8 out of 5 stars by tea drinkers.</p>\n'
                     '</section>\n', "")


def test_a_button_counts_once_a_later_rule_shows_the_page_sells() -> None:
    findings = findings_for(SHOP, "html")
    rules = {f.rule for f in findings}
    assert "HC312" in rules
    assert any(f.rule == "HC301" and (f.evidence or "").lower() == "add to cart" for f in findings)


def test_the_same_button_on_a_page_that_does_not_sell_is_left_alone() -> None:
    assert not any(f.rule == "HC301" for f in findings_for(PLAIN, "html"))
