"""Page images for OCR carry the resolution Tesseract is told, only where the file tells it."""

from __future__ import annotations

from PIL import Image

from ingest.formats import open_source, resolution


def _image(path, dpi: int = 300) -> Image.Image:
    source = open_source(path)
    try:
        return source.image(0, dpi)
    finally:
        source.close()


def test_a_scanned_pdf_page_is_rendered_at_a_known_resolution(corpus):
    page = _image(corpus / "py_hacienda_contrato_MH-SET_03-2019_scan.pdf", 300)
    assert resolution(page) == 300
    assert resolution(_image(corpus / "py_hacienda_contrato_MH-SET_03-2019_scan.pdf", 200)) == 200


def test_an_image_tells_its_declared_resolution_and_a_photo_none(corpus, tmp_path):
    assert resolution(_image(corpus / "ocr_gt_eurotext.tif")) == 300
    assert resolution(_image(corpus / "ocr_gt_phototest.tif")) == 200
    photo = Image.open(corpus / "ocr_gt_phototest.tif").convert("RGB")
    photo.save(tmp_path / "photo.jpg")  # a phone photo says nothing of its resolution
    photo.save(tmp_path / "screen.jpg", dpi=(72, 72))  # a camera's or editor's default
    assert resolution(_image(tmp_path / "photo.jpg")) is None
    assert resolution(_image(tmp_path / "screen.jpg")) is None
