"""The text layer as ingest reads it: pdftotext for a run of pages, PDFium where that does not
read well, and the page view's boxes carried onto the stored text."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from ingest import poppler
from ingest.model import TEXT_LAYER
from ingest.pdf import PdfSource
from ingest.wordmap import carry_boxes

BORN_DIGITAL = ["mx_puebla_ley_obra_publica_2021.pdf", "mx_sfp_modelo_informe_auditor_independiente_formato5.pdf",
                "mx_sfp_modelo_informe_adquisiciones_formato13.pdf", "cfdi33_sample_accem_layoutA.pdf",
                "retenciones10_sample_eku.pdf"]


def _both(path):
    source = PdfSource(path)
    try:
        n = source.page_count()
        return source.text_layers(0, n), [source.text_layer(i) for i in range(n)]
    finally:
        source.close()


@pytest.mark.parametrize("name", BORN_DIGITAL)
def test_pdftotext_reads_the_words_pdfium_reads(corpus, name):
    fast, slow = _both(corpus / name)
    assert len(fast) == len(slow)
    for a, b in zip(fast, slow):
        assert (a is None) == (b is None)
        if a is None or b is None:
            continue
        assert a.method == b.method == TEXT_LAYER and (a.width, a.height) == (b.width, b.height)
        assert a.number == b.number and a.words == []
        ratio = SequenceMatcher(None, a.text.split(), b.text.split(), autojunk=False).ratio()
        assert ratio >= 0.97, (name, a.number, ratio)


def test_scanned_pages_still_go_to_ocr(corpus):
    fast, slow = _both(corpus / "py_hacienda_contrato_MH-SET_03-2019_scan.pdf")
    assert fast == slow and all(p is None for p in fast)


def test_a_run_of_pages_is_the_same_text_as_the_whole(corpus):
    path = corpus / "mx_puebla_ley_obra_publica_2021.pdf"
    whole = poppler.page_texts(path, 0, PdfSource(path).page_count())
    assert whole is not None and poppler.page_texts(path, 3, 7) == whole[3:7]
    assert poppler.page_texts(path, 5, 5) is None


def test_a_file_pdftotext_cannot_read_gives_none(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    assert poppler.page_texts(bad, 0, 1) is None


def test_without_pdftotext_pdfium_reads_every_page(corpus, monkeypatch):
    path = corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf"
    monkeypatch.setenv("PATH", "/nonexistent")
    poppler._pdftotext.cache_clear()
    try:
        fast, slow = _both(path)
    finally:
        monkeypatch.undo()
        poppler._pdftotext.cache_clear()
    assert [p.text if p else None for p in fast] == [p.text if p else None for p in slow]


def test_boxes_are_carried_onto_the_same_words():
    source = "Monto  total: \n$1,023,123.00 M.N. \nMagavel"
    words = [(0, 5, 0.1, 0.1, 0.2, 0.12), (7, 13, 0.21, 0.1, 0.3, 0.12), (15, 28, 0.1, 0.2, 0.3, 0.22),
             (29, 33, 0.31, 0.2, 0.4, 0.22), (35, 42, 0.1, 0.3, 0.2, 0.32)]
    assert carry_boxes(source, words, source) == words
    target = "Monto total:\n$1,023,123.00 M.N.\nMagavel"
    carried = carry_boxes(source, words, target)
    assert [target[s:e] for s, e, *_ in carried] == ["Monto", "total:", "$1,023,123.00", "M.N.", "Magavel"]
    assert [tuple(w[2:]) for w in carried] == [tuple(w[2:]) for w in words]
    changed = "Monto total:\n$9,999.00 M.N.\nMagavel"  # a word the original does not have gets no box
    carried = carry_boxes(source, words, changed)
    assert [changed[s:e] for s, e, *_ in carried] == ["Monto", "total:", "M.N.", "Magavel"]
    assert carried[2][2:] == words[3][2:]


def test_boxes_follow_lines_read_in_another_order():
    source = "Modelo 3) Opinion desfavorable \nDireccion General de Fiscalizacion \nEl auditor opina"
    words = [(m.start(), m.end(), i / 100, 0.1, i / 100 + 0.01, 0.12)
             for i, m in enumerate(__import__("re").finditer(r"\S+", source))]
    target = "Direccion General de Fiscalizacion\nModelo 3) Opinion desfavorable\nEl auditor opina"
    carried = carry_boxes(source, words, target)
    assert len(carried) == len(words)
    by_word = {source[s:e]: box for s, e, *box in words}
    assert all(by_word[target[s:e]] == box for s, e, *box in carried)
