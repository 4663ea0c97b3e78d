"""Page cleaning before OCR, on small drawn images (no Tesseract): ink, rules, light, lines."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from ingest.preprocess import binarise, drop_ink, find_rules, flatten, ink_share, percentile_u8, thumbnail
from ingest.lines import lines_of, replace_lines
from ingest.reading import clean, upscale_factor
from ingest.tesseract import OcrResult


def stamped() -> Image.Image:
    """Black print with a blue ring across it (multiplied, as ink on paper)."""
    page = Image.new("RGB", (400, 200), (238, 236, 230))
    ImageDraw.Draw(page).rectangle([50, 80, 350, 100], fill=(20, 20, 20))
    ImageDraw.Draw(page).ellipse([150, 20, 330, 190], outline=(60, 90, 200), width=10)
    ink = Image.new("RGB", page.size, "white")
    ImageDraw.Draw(ink).ellipse([150, 20, 330, 190], outline=(60, 90, 200), width=10)
    return Image.fromarray((np.asarray(page, dtype=np.uint16) * np.asarray(ink) // 255).astype(np.uint8))


def test_blue_ink_turns_to_paper_and_black_print_under_it_stays():
    page = stamped()
    assert ink_share(page) > 0.01 and ink_share(page.convert("L").convert("RGB")) == 0
    out = np.asarray(drop_ink(page))
    assert out[60, 160] > 220  # the ring, away from print
    assert out[90, 240] < 60  # print where the ring crosses it
    assert out[90, 100] < 60


def test_dropout_is_forced_on_or_off_whatever_the_page():
    page = stamped()
    assert "ink" in clean(page, None, "off", None)[1]
    assert "ink" not in clean(page, None, "auto", False)[1]
    assert clean(page.convert("L"), None, "off", True)[1] == ["ink"]


def ruled(comma: bool) -> Image.Image:
    img = Image.new("L", (1200, 900), 240)
    d = ImageDraw.Draw(img)
    for y in range(100, 800, 60):
        d.line([(50, y), (1150, y)], fill=20, width=4)
    for x in (50, 400, 1150):
        d.line([(x, 100), (x, 760)], fill=20, width=4)
    d.rectangle([420, 130, 426, 158], fill=20)  # a letter's stem sitting on the rule at y=160
    if comma:
        d.rectangle([700, 150, 705, 172], fill=20)  # a stroke crossing the rule at y=160
    return img


def test_rules_go_and_letters_touching_them_stay():
    found = find_rules(ruled(comma=True))
    assert found is not None
    a = np.asarray(found.removed())
    assert a[160, 200] > 200 and a[400, 50] > 200  # rules erased
    assert a[140, 423] < 60  # the letter stays
    assert a[161, 702] < 60 and a[170, 702] < 60  # a stroke crossing the rule is kept whole


def test_a_page_without_rules_is_left_alone():
    img = Image.new("L", (1200, 900), 240)
    ImageDraw.Draw(img).text((100, 100), "Sin tabla alguna", fill=20)
    ImageDraw.Draw(img).line([(50, 60), (1150, 60)], fill=20, width=3)  # a letterhead's one line
    assert find_rules(img) is None


def test_rules_found_without_erasing_span_what_erasing_them_touches():
    page = ruled(comma=False)
    rules = find_rules(page)
    assert rules is not None and find_rules(Image.new("L", (600, 400), 240)) is None
    erased = np.asarray(rules.removed()) != np.asarray(page)
    ys, xs = np.nonzero(erased)
    h, w = erased.shape
    x0, y0, x1, y1 = rules.box  # the rules' extent grown by the pixel of anti-aliased edge erased with them
    assert 0 <= xs.min() - round(x0 * w) <= 1 and 0 <= ys.min() - round(y0 * h) <= 1
    assert 0 <= round(x1 * w) - (xs.max() + 1) <= 1 and 0 <= round(y1 * h) - (ys.max() + 1) <= 1


def test_the_histogram_percentile_is_numpys_to_the_last_bit():
    rng = np.random.default_rng(7)
    for n in [1, 2, 3, 10, 11, 999, 4096]:
        for _ in range(30):
            a = rng.integers(0, 256, n, dtype=np.uint8) if rng.random() < 0.5 else rng.choice(np.array([0, 9, 250], np.uint8), n)
            for q in (0, 5, 37.5, 50, 90, 95, 100):
                assert percentile_u8(a, q) == np.percentile(a, q)


def test_a_thumbnail_has_the_same_ink_share_as_its_page():
    page = stamped().resize((1600, 800))
    thumb = thumbnail(page)
    assert max(thumb.size) == 800 and thumbnail(thumb).size == thumb.size
    assert ink_share(thumb) == ink_share(page) > 0.01


def test_uneven_light_is_flattened():
    grad = Image.linear_gradient("L").resize((800, 1000)).point(lambda v: 250 - v // 2)
    ImageDraw.Draw(grad).text((100, 900), "texto", fill=0)
    out, uneven = flatten(grad)
    a = np.asarray(out)
    assert uneven and abs(int(a[50, 400]) - int(a[950, 600])) < 25
    assert flatten(Image.new("L", (800, 1000), 235))[1] is False


def test_binarise_gives_two_levels():
    img = Image.linear_gradient("L").resize((64, 64))
    assert set(np.unique(np.asarray(binarise(img)))) == {0, 255}


def result(text: str, doubtful: list[str]) -> OcrResult:
    words, pos, y = [], 0, 0.0
    for line in text.split("\n"):
        for token in line.split(" "):
            start = text.index(token, pos)
            words.append((start, start + len(token), 0.1, y, 0.2, y + 0.02))
            pos = start + len(token)
        y += 0.05
    spans = [(w[0], w[1]) for w in words if text[w[0]:w[1]] in doubtful]
    return OcrResult(text, words, 80.0, spans)


def test_a_better_line_replaces_the_weak_one_and_spans_follow():
    old = result("NO. IMPORTE\n1 B23.2S8 X\n2 983,413.31", doubtful=["B23.2S8", "X"])
    lines = lines_of(old)
    assert [ln.weakness > 0.3 for ln in lines] == [False, True, False]
    new = replace_lines(old, {lines[1].start: ("1 823,258.50", [(0, 1, .1, .05, .11, .07), (2, 12, .2, .05, .3, .07)], [])})
    assert new.text == "NO. IMPORTE\n1 823,258.50\n2 983,413.31"
    assert [new.text[s:e] for s, e, *_ in new.words] == ["NO.", "IMPORTE", "1", "823,258.50", "2", "983,413.31"]
    assert new.doubtful == []


def test_small_words_ask_for_upscaling():
    small = OcrResult("x", [(0, 1, 0.1, 0.1, 0.2, 0.1 + 15 / 1000)] * 10, 80.0)
    big = OcrResult("x", [(0, 1, 0.1, 0.1, 0.2, 0.1 + 45 / 1000)] * 10, 80.0)
    assert 2.0 < upscale_factor(small, 1000) <= 3.0
    assert upscale_factor(big, 1000) == 1.0
