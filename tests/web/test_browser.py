"""A real headless Chromium drives the UI: search, open a hit, see the boxed page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(browser):
    return browser.new_page(viewport={"width": 1400, "height": 1000})


def test_search_click_hit_and_see_boxes(server, page, answer_key, tmp_path):
    from tests_support import facts_for

    expected = facts_for(answer_key, "EA-IT20-2020")
    page.goto(server + "/")
    page.fill("input[name=q]", "EA-IT20-2020")
    page.click("button[type=submit]")
    page.wait_for_selector("li.hit")
    first = page.locator("li.hit").first
    cite = first.locator(".cite").inner_text()
    assert any(f in cite for f, _ in expected)
    first.locator("a.hit-title").click()
    page.wait_for_selector(".sheet img")
    page.wait_for_function("document.querySelector('.sheet img').complete && document.querySelector('.sheet img').naturalWidth > 0")
    boxes = page.locator(".box.hit")
    assert boxes.count() >= 1
    box = boxes.first.bounding_box()
    img = page.locator(".sheet img").bounding_box()
    assert box and img and box["width"] > 5 and box["height"] > 3
    assert img["x"] <= box["x"] and box["x"] + box["width"] <= img["x"] + img["width"] + 1
    assert "SHA-256" in page.locator(".citation-text").inner_text()
    page.screenshot(path=str(tmp_path / "page.png"))


def test_language_switch(server, page):
    page.goto(server + "/?lang=en")
    assert page.locator("button[type=submit]").inner_text() == "Search"
    page.goto(server + "/?lang=es")
    assert page.locator("button[type=submit]").inner_text() == "Buscar"


def test_follow_a_bid_from_search_to_its_case_and_to_a_cited_page(server, page):
    page.goto(server + "/?lang=es")
    page.fill("input[name=q]", "EA-IT20-2020")
    page.click("button[type=submit]")
    page.wait_for_selector("li.hit")
    page.locator("li.hit").first.locator("a.hit-title").click()
    page.wait_for_selector("a.case")
    page.locator("a.case").first.click()
    page.wait_for_selector("h1")
    assert "EA-IT20-2020" in page.locator("h1").inner_text()
    assert "fallo_EA-IT20-2020_morelos.pdf" in page.content()
    page.locator("a", has_text="fallo_EA-IT20-2020_morelos.pdf p. 2").first.click()
    page.wait_for_selector(".sheet img")
    assert "fallo_EA-IT20-2020_morelos.pdf" in page.locator(".citation-text").inner_text()
    assert page.locator(".box.hit").count() >= 1  # the amount the case cited, boxed on the page
