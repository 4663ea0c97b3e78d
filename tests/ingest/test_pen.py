"""Dark pen strokes across print, on small drawn images: which pixels are pen, what erasing
them leaves, and that a page without pen costs no Tesseract call (no Tesseract here)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ingest import pen
from ingest.lines import insert_lines
from ingest.preprocess import dark_pen, erase_pen
from ingest.tesseract import OcrResult

PAPER = (236, 234, 228)
NAVY = (30, 38, 70)  # a ballpoint stroke: chroma 40, as low as a colour scan's black, but blue stands out


def signed() -> Image.Image:
    """A printed name (black) with a navy stroke across it, and a bright red seal ring apart."""
    page = Image.new("RGB", (600, 300), PAPER)
    draw = ImageDraw.Draw(page)
    draw.rectangle([100, 130, 500, 150], fill=(24, 24, 26))  # the printed name
    draw.line([(40, 260), (560, 40)], fill=NAVY, width=5)  # the signature's stroke
    draw.ellipse([430, 190, 590, 290], outline=(200, 50, 60), width=8)  # a seal's bright red ink
    return page


def on_stroke(x: int) -> int:
    return round(260 - (260 - 40) * (x - 40) / 520)


def test_the_navy_stroke_is_pen_and_black_print_and_the_bright_seal_are_not():
    mask = dark_pen(np.asarray(signed(), dtype=np.int16))
    assert mask[on_stroke(100), 100] and mask[on_stroke(520), 520]
    assert not mask[140, 120] and not mask[140, 480]  # print, away from the stroke
    assert not mask[240, 435:445].any() and not mask[190:200, 505:515].any()  # the red ring
    assert not mask[20, 20]  # paper


def test_erasing_pen_leaves_the_print_it_crossed():
    out = np.asarray(erase_pen(signed()))
    assert out[on_stroke(100), 100] > 200 and out[on_stroke(520), 520] > 200  # stroke gone, rim too
    assert out[on_stroke(100) - 3:on_stroke(100) + 4, 100].min() > 200
    assert out[140, 120] < 60 and out[140, 480] < 60  # print on both sides of the crossing
    assert out[20, 20] > 200


def test_a_page_without_pen_is_not_read_again(monkeypatch):
    def no_tesseract(*args, **kwargs):
        raise AssertionError("a page without pen must not cost a Tesseract call")

    monkeypatch.setattr(pen, "ocr_image", no_tesseract)
    page = signed()
    ImageDraw.Draw(page).line([(40, 260), (560, 40)], fill=(24, 24, 26), width=5)  # the stroke in black print
    result = OcrResult("Dr. Juan Pérez", [(0, 3, 0.16, 0.43, 0.3, 0.5), (4, 8, 0.32, 0.43, 0.5, 0.5), (9, 14, 0.52, 0.43, 0.83, 0.5)], 90.0)
    assert pen.pen_look(page, result, "spa", 10) is result
    assert pen.pen_look(page.convert("L"), result, "spa", 10) is result


def test_a_page_tinted_all_over_is_a_colour_cast_not_pen(monkeypatch):
    monkeypatch.setattr(pen, "ocr_image", lambda *a, **k: pytest.fail("no pen on a tinted photo"))
    page = Image.new("RGB", (600, 300), (200, 205, 235))
    draw = ImageDraw.Draw(page)
    for y in range(30, 290, 30):
        draw.rectangle([40, y, 560, y + 12], fill=NAVY)  # every printed line has the photo's blue cast
    result = OcrResult("texto", [(0, 5, 0.1, 0.1, 0.3, 0.14)], 90.0)
    assert pen.pen_look(page, result, "spa", 10) is result


def test_lines_read_under_the_pen_join_the_reading_in_their_place():
    result = OcrResult("Sin otro particular\nScanned with CamScanner",
                       [(0, 3, 0.3, 0.50, 0.35, 0.52), (4, 8, 0.36, 0.50, 0.4, 0.52), (9, 19, 0.41, 0.50, 0.5, 0.52),
                        (20, 27, 0.2, 0.95, 0.3, 0.97), (28, 32, 0.31, 0.95, 0.35, 0.97), (33, 43, 0.36, 0.95, 0.5, 0.97)],
                       88.0, [(9, 19)])
    name = ("Dr. Iván D. Villagrán", [(0, 3, 0.6, 0.53, 0.63, 0.55), (4, 8, 0.64, 0.53, 0.68, 0.55),
                                     (9, 11, 0.69, 0.53, 0.7, 0.55), (12, 21, 0.71, 0.53, 0.8, 0.55)], [(9, 11)])
    title = ("INTENDENTE", [(0, 10, 0.65, 0.56, 0.75, 0.58)], [])
    out = insert_lines(result, [title, name])
    assert out.text == "Sin otro particular\nDr. Iván D. Villagrán\nINTENDENTE\nScanned with CamScanner"
    assert [out.text[s:e] for s, e, *_ in out.words][3:8] == ["Dr.", "Iván", "D.", "Villagrán", "INTENDENTE"]
    assert [out.text[s:e] for s, e in out.doubtful] == ["particular", "D."]
    assert out.words[6][2:] == (0.71, 0.53, 0.8, 0.55)


def test_grow_is_a_square_max_filter():
    from PIL import ImageFilter

    from ingest.preprocess import grow

    mask = np.zeros((40, 50), dtype=bool)
    mask[[3, 20, 39], [0, 25, 49]] = True
    expected = np.asarray(Image.fromarray(mask.astype(np.uint8) * 255).filter(ImageFilter.MaxFilter(7))) > 0
    assert (grow(mask, 3) == expected).all()


def test_a_signature_stroke_is_a_stroke_and_scattered_tinted_specks_are_not():
    stroke = dark_pen(np.asarray(signed(), dtype=np.int16))
    mask, strokes = pen._strokes(stroke)
    assert len(strokes) == 1 and mask.sum() == stroke.sum()
    specks = np.zeros((300, 600), dtype=bool)
    for x in range(20, 600, 100):  # print tinted by seals here and there: as many pixels, apart
        specks[100:130:2, x:x + 20:2] = True
    assert specks.sum() >= pen.STROKE
    assert pen._strokes(specks)[1] == [] and not pen._strokes(specks)[0].any()
