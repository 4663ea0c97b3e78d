"""One writer at a time: a second writer waits for its turn, then says busy. The writer keeps
the lock across commits (merges run behind the next documents) and gives it back at close."""

from __future__ import annotations

import shutil

import pytest

from expediente.errors import IndexBusy
from search import tantivy_engine
from search.records import PageRecord
from search.tantivy_engine import TantivyEngine


def record(doc: str) -> PageRecord:
    return PageRecord(doc, 1, f"{doc}.pdf", doc, "application/pdf", "palabra unica")


def test_second_writer_waits_then_reports_busy(tmp_path, monkeypatch):
    first, second = TantivyEngine(tmp_path / "ix"), TantivyEngine(tmp_path / "ix")
    first.add([record("a")])  # holds the lock until it closes
    monkeypatch.setattr(tantivy_engine, "LOCK_WAIT_S", 0.5)
    with pytest.raises(IndexBusy, match="try again"):
        second.add([record("b")])
    first.commit()  # searchable, and the lock is still held: merges go on behind
    assert second.page_count() == 1
    with pytest.raises(IndexBusy):
        second.add([record("b")])
    first.add([record("c")])  # not committed: dropped at close
    first.close()  # gives the lock back
    second.add([record("b")])
    second.commit()
    second.close()
    assert first.page_count() == second.page_count() == 2
    assert sorted(second.page_keys()) == [("a", 1), ("b", 1)]


def test_index_of_another_schema_asks_for_reindex_which_rebuilds_it(tmp_path, corpus):
    import tantivy as tv

    from expediente.errors import ConfigError
    from tests_support import ingest_paths
    from archive import open_archive, reindex
    from tests_support import settings_for

    settings = settings_for(tmp_path)
    archive = open_archive(settings)
    ingest_paths([corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf"], settings, archive)
    archive.close()
    shutil.rmtree(settings.index_dir)  # an index from another version: a different schema
    old = tv.SchemaBuilder()
    old.add_text_field("body", stored=True)
    settings.index_dir.mkdir()
    tv.Index(old.build(), path=str(settings.index_dir))
    with pytest.raises(ConfigError, match="reindex --to tantivy"):
        open_archive(settings)
    assert reindex(settings, target="tantivy") == {"documents": 1, "pages": 2}
    archive = open_archive(settings)
    try:
        assert archive.search("ADQUSICIONES").total >= 1
    finally:
        archive.close()


def test_an_index_without_the_document_date_asks_for_reindex(tmp_path, monkeypatch, capsys):
    """An index of the schema before `doc_date` (an upgrade) is refused with the command that
    rebuilds it: by the engine, and by `serve` before it starts (no traceback, no error page)."""
    from expediente.cli import main
    from expediente.errors import ConfigError
    from tests_support import settings_for

    index_dir = settings_for(tmp_path).index_dir
    with monkeypatch.context() as m:
        m.setattr(tantivy_engine, "_INTS", tuple(f for f in tantivy_engine._INTS if f != "doc_date"))
        TantivyEngine(index_dir).close()
    with pytest.raises(ConfigError, match="reindex --to tantivy"):
        TantivyEngine(index_dir, writable=False)
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("served an index of another version"))
    assert main(["--data-dir", str(tmp_path / "data"), "serve", "--port", "8000"]) == 2
    assert "expediente reindex --to tantivy" in capsys.readouterr().err
