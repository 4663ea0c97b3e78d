"""The warmer rebuilds the archive's derived views after each change of the catalog, once per
change, so a request after an ingest or an edit finds them built (real tantivy and SQLite)."""

from __future__ import annotations

from archive import open_archive
from archive.warm import Warmer
from tests_support import ingest_paths, make_pdf, make_settings

CONTRACT = ("CONTRATO No. SEC/ADQ/019/2024 que celebran la Secretaría y Refacciones Cuautla, S.A. de C.V., "
            "con R.F.C. RCU0903113B4, por un monto total de $412,000.00 con el IVA incluido.")


def _one_contract(tmp_path):
    """(settings, archive) of an archive holding one contract."""
    files = tmp_path / "files"
    files.mkdir()
    make_pdf(files / "contrato.pdf", [CONTRACT])
    settings = make_settings(tmp_path / "data", "tantivy")
    ingest_paths([files], settings)
    return settings, open_archive(settings)


def test_a_change_is_warmed_once_and_the_views_then_match_a_cold_build(tmp_path):
    settings, archive = _one_contract(tmp_path)
    try:
        warmer = Warmer(archive, min_gap=0, slowdown=0)
        assert warmer.step() is True and warmer.step() is False  # nothing changed since
        warm_rows = archive.index_cache.built[":scanned"].value["vendors"]
        assert [r["name"] for r in warm_rows] == ["Refacciones Cuautla, S.A. de C.V."]
        assert ":resolution" in archive.index_cache.built and archive.sort_values().amounts
        doc_id = archive.catalog.documents()[0]["id"]
        archive.catalog.edit_document(doc_id, None, "2024-03-01", None)  # an edit changes the dates shown
        assert warmer.step() is True
        [row] = archive.index_cache.built[":scanned"].value["vendors"]
        assert row["first_date"] == "2024-03-01"
        cold = open_archive(settings)
        try:
            from archive.entity_index import vendor_table
            assert vendor_table(cold)["vendors"] == vendor_table(archive)["vendors"]
        finally:
            cold.close()
    finally:
        archive.close()


def test_searches_and_pages_do_not_wait_behind_a_derived_view_being_read(tmp_path):
    """The derived views read the catalog on a connection of their own: while one of their long
    scans holds it (a warm-up of a large archive takes minutes), a search with facets and a
    page view are answered on the other connection."""
    import threading

    _settings, archive = _one_contract(tmp_path)
    try:
        Warmer(archive, min_gap=0, slowdown=0).step()
        doc_id = archive.catalog.documents()[0]["id"]
        answers: list[object] = []

        def ask() -> None:
            answers.append(archive.search("Cuautla", facets=True).total)
            answers.append(archive.page(doc_id, 1)["number"])

        with archive.views.lock:  # a scan of the views' connection in progress
            reader = threading.Thread(target=ask, daemon=True)
            reader.start()
            reader.join(timeout=30)
            assert answers == [1, 1], "a search waited behind the derived views' connection"
    finally:
        archive.close()
