"""The skew search on real scanned pages turned by known angles."""

from __future__ import annotations

import pytest
from PIL import Image

from ingest.deskew import MIN_ANGLE, deskew, skew_angle
from ingest.formats import open_source


def _page(corpus, name: str) -> Image.Image:
    source = open_source(corpus / name)
    try:
        return source.image(0, 300)
    finally:
        source.close()


@pytest.mark.parametrize("name", ["ocr_gt_phototest.tif", "ocr_gutenberg_huckfinn_c03-29_scan.pdf"])
@pytest.mark.parametrize("turned", [-2.5, -1.25, 1.5, 2.75])
def test_the_angle_that_levels_a_turned_page_is_found(corpus, name, turned):
    level = skew_angle(_page(corpus, name))
    page = _page(corpus, name).rotate(turned, resample=Image.Resampling.BICUBIC, fillcolor="white")
    assert abs(skew_angle(page) - (level - turned)) <= 0.25


def test_a_level_page_is_left_as_it_is_and_a_blank_one_too(corpus):
    page = _page(corpus, "ocr_gt_phototest.tif")
    assert abs(skew_angle(page)) < MIN_ANGLE
    assert deskew(page) == (page, 0.0)
    blank = Image.new("L", (1200, 1600), 255)
    assert skew_angle(blank) == 0.0 and deskew(blank) == (blank, 0.0)
