"""Hard pages found by search: amounts under a blue seal in a ruled table, names under
signatures (tests/hard_pages.py, held-back seeds), and the corpus's real phone scans.
EXPEDIENTE_OCR_CLEANUP=off (one plain read) is compared with auto on the same pages."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from archive import open_archive
from hard_pages import write_set
from ingest.model import OcrOptions
from ingest.stages import ocr_page
from tests_support import ingest_paths, settings_for

pytestmark = [pytest.mark.ocr, pytest.mark.slow]

PHONE = "ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf"


@pytest.fixture(scope="module")
def hard(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hard")
    return folder, write_set(folder, kinds=("stamp_table", "signed_acta"), seeds=(3,))


def found(settings, pages) -> dict[str, list[str]]:
    """Per file, the facts a search finds on that file's page."""
    archive = open_archive(settings)
    try:
        return {p.name: [f for f in p.facts if any(h.filename == p.name and h.page == 1
                                                  for h in archive.search(f'"{f}"', limit=50).hits)]
                for p in pages}
    finally:
        archive.close()


def test_amounts_under_a_seal_and_names_under_signatures_are_found(hard, corpus, tmp_path):
    folder, pages = hard
    for real in (PHONE, SIGNED):
        (folder / real).write_bytes((corpus / real).read_bytes())
    settings = settings_for(tmp_path / "auto")
    report = ingest_paths([folder / p.name for p in pages] + [folder / PHONE, folder / SIGNED], settings)
    assert report.exit_code == 0
    got = found(settings, pages)
    for p in pages:
        assert got[p.name] == p.facts, (p.kind, set(p.facts) - set(got[p.name]))
    archive = open_archive(settings)  # the real phone scan: its budget and date still found
    try:
        assert [h.page for h in archive.search('"17.660.500,00"').hits if h.filename == PHONE] == [1]
        assert 2 in [h.page for h in archive.search("octubre 2.023").hits if h.filename == PHONE]
        signer = archive.search('"Iván D. Villagrán"').hits  # on 07-2023 p2 a navy pen stroke crosses it
        assert (SIGNED, 2) in [(h.filename, h.page) for h in signer]
    finally:
        archive.close()


def test_cleanup_off_reads_once_and_misses_what_auto_finds(hard, tmp_path):
    folder, pages = hard
    settings = settings_for(tmp_path / "off", ocr_cleanup="off")
    ingest_paths([folder / p.name for p in pages], settings)
    got = found(settings, pages)
    stamp = next(p for p in pages if p.kind == "stamp_table")
    assert len(got[stamp.name]) <= len(stamp.facts) // 2  # the seal hides most amounts from one plain read


def test_forced_dropout_reads_the_page_without_its_ink(hard, tmp_path):
    """Re-reading a page with ink dropout forced on finds the amounts even with cleanup off."""
    folder, pages = hard
    stamp = next(p for p in pages if p.kind == "stamp_table")
    settings = replace(settings_for(tmp_path), ocr_cleanup="off")
    plain = ocr_page(str(folder / stamp.name), 0, settings, OcrOptions(dropout=False))
    dropped = ocr_page(str(folder / stamp.name), 0, settings, OcrOptions(dropout=True))
    amounts = re.compile(r"\d{1,3}(?:,\d{3})+\.\d\d")  # whole figures, not the tail a seal leaves ("2.97")
    assert len(amounts.findall(dropped.text)) > len(amounts.findall(plain.text))
    assert "TESORERÍA" not in dropped.text  # the seal's own lettering is gone


SIGNED = "ar_carmen_de_areco_licitacion_publica_07-2023_scan.pdf"  # p2: a navy pen stroke across "Villagrán"


def test_the_name_under_a_pen_stroke_is_read_without_the_pen(corpus, tmp_path):
    """The real letter's signature block, which one read of the page leaves out, is read in its
    own crop with the pen taken away; the rest of the page reads as without pen handling."""
    settings = settings_for(tmp_path)
    with_pen = ocr_page(str(corpus / SIGNED), 1, settings)
    without = ocr_page(str(corpus / SIGNED), 1, replace(settings, ocr_pen=False))
    assert "Villagrán" not in without.text
    assert re.search(r"Iván D\. Villagrán", with_pen.text)
    assert "Villagrán" in [with_pen.text[s:e] for s, e, *_ in with_pen.words]  # with its box on the page
    lines = [ln for ln in with_pen.text.splitlines() if "Villagrán" not in ln and "INTEN" not in ln
             and "Municipalidad" not in ln]
    assert lines == without.text.splitlines()
