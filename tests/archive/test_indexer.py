"""The indexer: one per archive (the lease), and recovery of what a dead one left."""

from __future__ import annotations

import time

import pytest

from archive import Indexer, check_archive, holder, open_archive
from ingest.pipeline import sha256_of
from ingest.stages import analyse_file, assemble
from ingest import Item
from tests_support import ENGINE_PARAMS, drop_es_index, ingest_paths, make_settings


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_a_document_staged_by_a_dead_indexer_is_invisible_then_recovered_once(tmp_path, corpus, engine):
    """The indexer wrote the catalog and staged the index, then died before its commit: readers
    see nothing; the next indexer indexes it from the catalog, once, without reading the file."""
    settings = make_settings(tmp_path / "data", engine)
    path = corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf"
    dead = Indexer(settings)
    assert dead.acquire()
    doc = assemble(sha256_of(path), path.name, path.stat().st_size, analyse_file(str(path)))
    dead.document(Item(0, path, path.name, doc.sha256, doc.size), doc)
    dead.write_pending()  # in the catalog as pending and staged in the index, not committed
    dead.engine.close()  # the process dies: the uncommitted index work is gone
    dead.lease.close()
    reader = open_archive(settings)
    try:
        assert reader.catalog.document(doc.sha256) is None
        assert reader.search("ADQUSICIONES").total == 0
        assert holder(settings.catalog_path) is None
        successor = Indexer(settings)
        assert successor.acquire()  # recovery happens here, and only here
        successor.close()
        assert reader.search("ADQUSICIONES").total >= 1
        report = check_archive(reader)
        assert report["ok"] and report["catalog_pages"] == report["index_pages"] == 2
    finally:
        reader.close()
        drop_es_index(settings)  # the Elasticsearch run's index, not left on the node


def test_only_one_indexer_holds_the_archive(tmp_path):
    settings = make_settings(tmp_path / "data")
    first, second = Indexer(settings), Indexer(settings)
    try:
        assert first.acquire()
        assert not second.acquire()
        assert holder(settings.catalog_path)["owner"] == first.owner
        first.close()
        assert second.acquire()  # given back: the next one takes it
    finally:
        first.close()
        second.close()


def test_readers_never_write_and_never_recover(tmp_path, corpus):
    """Opening the archive to read while an indexer has uncommitted work changes nothing."""
    settings = make_settings(tmp_path / "data")
    ingest_paths([corpus / "mx_sfp_modelo_informe_auditor_independiente_formato5.pdf"], settings)
    indexer = Indexer(settings)
    assert indexer.acquire()
    path = corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf"
    doc = assemble(sha256_of(path), path.name, path.stat().st_size, analyse_file(str(path)))
    indexer.document(Item(0, path, path.name, doc.sha256, doc.size), doc)
    for _ in range(3):
        reader = open_archive(settings)
        assert reader.catalog.counts()["documents"] == 1
        reader.close()
    indexer.flush()
    reader = open_archive(settings)
    try:
        assert reader.catalog.counts()["documents"] == 2
        assert check_archive(reader)["ok"]
    finally:
        indexer.close()
        reader.close()


def test_half_written_copies_left_by_a_killed_process_are_cleaned_at_start_up(tmp_path):
    import os

    from archive.originals import clean_leftovers

    settings = make_settings(tmp_path / "data")
    settings.originals_dir.mkdir(parents=True)
    old, fresh = settings.originals_dir / ".incoming-old", settings.originals_dir / ".incoming-new"
    old.write_bytes(b"half")
    fresh.write_bytes(b"being written now")
    os.utime(old, (0, 0))
    assert clean_leftovers(settings) == 1
    assert not old.exists() and fresh.exists()  # another process may still be writing this one


def test_documents_leave_memory_for_the_writer_between_commits(tmp_path, corpus, monkeypatch):
    """A batch's documents go to the catalog (pending) and the index writer as they pile up, but
    are committed, and citable, only `commit_every_s` apart: fewer, larger index segments."""
    monkeypatch.setattr("archive.indexer.FLUSH_PAGES", 1)
    settings = make_settings(tmp_path / "data", commit_every_s=3600)
    indexer = Indexer(settings)
    assert indexer.acquire()
    names = ("mx_sfp_modelo_informe_adquisiciones_formato13.pdf", "mx_sfp_modelo_informe_auditor_independiente_formato5.pdf")
    docs = []
    for key, name in enumerate(names):
        path = corpus / name
        doc = assemble(sha256_of(path), path.name, path.stat().st_size, analyse_file(str(path)))
        indexer.committed_at = time.monotonic()  # a commit just happened
        indexer.document(Item(key, path, path.name, doc.sha256, doc.size), doc)
        docs.append(doc)
    reader = open_archive(settings)
    try:
        assert indexer.staged == [] and [w.sha256 for w in indexer.written] == [d.sha256 for d in docs]
        assert [indexer.catalog.status(d.sha256) for d in docs] == ["pending", "pending"]
        assert reader.search("ADQUSICIONES").total == 0
        indexer.flush()
        assert indexer.written == []
        assert [indexer.catalog.status(d.sha256) for d in docs] == ["indexed", "indexed"]
        assert reader.search("ADQUSICIONES").total >= 1
    finally:
        indexer.close()
        reader.close()
