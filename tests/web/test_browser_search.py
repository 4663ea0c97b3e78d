"""Chromium on the organised search page: grouping, sorting, numbered pages, the date inputs
and their chips, the language switch keeping the query, and the layout at 400 px."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_group_sort_dates_chips_and_pages(server, browser):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(server + "/?q=contrato&lang=es")
    assert page.locator("h1").count() == 1
    total = int(re.search(r"(\d+) páginas coinciden", page.locator("p.count").inner_text()).group(1))
    assert total > 20  # more than one page of hits
    page.click("a[rel=next]")
    page.wait_for_selector("a[rel=prev]")
    assert f"21–{total} de {total}" in page.locator("p.count").inner_text()
    assert page.locator("[aria-current=page]").inner_text() == "2"
    page.check("#group")
    page.select_option("#sort", "amount")
    page.fill("#date_from", "2020-01-01")
    page.click("form.search-options button[type=submit]")
    page.wait_for_selector("ul.chips")
    assert "group=1" in page.url and "sort=amount" in page.url and "offset" not in page.url
    assert re.search(r"\d+ documentos · \d+ páginas", page.locator("p.count").inner_text())
    assert page.locator("li.hit .doc-pages").count() >= 1
    page.locator("ul.chips li", has_text="2020-01-01").locator("a").click()
    page.wait_for_load_state()
    assert "date_from" not in page.url and "group=1" in page.url
    page.close()


def test_language_switch_keeps_the_query(server, browser):
    page = browser.new_page()
    page.goto(server + "/?q=magavel&sort=-date&lang=es")
    page.click("a[hreflang=en]")
    page.wait_for_selector("p.count")
    assert "q=magavel" in page.url and "sort=-date" in page.url and "lang=en" in page.url
    assert "pages match" in page.locator("p.count").inner_text()
    page.click("a[hreflang=es]")  # back to Spanish for the other tests (the cookie follows the switch)
    page.close()


def test_usable_at_400_px(server, browser):
    page = browser.new_page(viewport={"width": 400, "height": 900})
    for path in ("/?q=contrato&lang=es", "/?q=factura", "/help", "/batch", "/documents"):
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, f"{path} is {width} px wide at a 400 px viewport"
    page.goto(server + "/?q=contrato")
    hits = page.locator("ol.hits").bounding_box()
    facets = page.locator("aside.facets").bounding_box()
    assert hits and hits["width"] > 300 and facets and facets["y"] > hits["y"]  # facets fold below the hits
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.close()
