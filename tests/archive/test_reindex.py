"""`expediente reindex` rebuilds the index from the catalog alone (records read back without
word boxes): the rebuilt index answers every query exactly as the index ingest built, into
either engine."""

from __future__ import annotations

from dataclasses import replace

import pytest

from archive import open_archive, reindex
from search import parse
from tests_support import ENGINE_PARAMS, SAMPLES, drop_es_index, ingest_paths, make_settings

QUERIES = ["EA-IT20-2020", "magavel", "contrato", "monto:>=1000000", "fecha:2020", "\"seguridad publica\"",
           "rfc:SIM1508193C1", "factura~"]


def answers(settings) -> dict[str, list[tuple[str, int]]]:
    archive = open_archive(settings)
    try:
        out = {}
        for q in QUERIES:
            found = archive.engine.search(parse(q), limit=200, offset=0)
            out[q] = sorted((h.document_id, h.page) for h in found.hits)
        return out
    finally:
        archive.close()


@pytest.fixture(scope="module")
def born_digital(tmp_path_factory):
    """The samples' text-layer PDFs, ingested into the embedded engine."""
    settings = make_settings(tmp_path_factory.mktemp("reindex") / "data")
    files = [p for p in sorted(SAMPLES.glob("*.pdf")) if "escane" not in p.name]
    ingest_paths(files, settings)
    return settings, len(files)


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_a_rebuilt_index_answers_as_ingest_did(born_digital, engine):
    settings, files = born_digital
    before = answers(settings)
    assert sum(map(len, before.values())) > 20  # the queries find pages: the comparison means something
    target = settings
    if engine == "elasticsearch":
        es = make_settings(settings.data_dir, "elasticsearch")
        target = replace(settings, engine="elasticsearch", es_url=es.es_url, es_index=es.es_index)
    try:
        copied = reindex(target, target=engine)
        assert copied["documents"] == files
        assert answers(target) == before
    finally:
        if engine == "elasticsearch":
            drop_es_index(target)


def test_records_built_in_worker_processes_give_the_same_index(born_digital, monkeypatch):
    """Two spawned workers build the records, a couple of documents at a time, out of step with
    the engine: the rebuilt index still answers every query as ingest's did, each document once."""
    import importlib

    reindex_module = importlib.import_module("archive.reindex")

    settings, files = born_digital
    before = answers(settings)
    monkeypatch.setattr(reindex_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(reindex_module, "CHUNK_DOCUMENTS", 2)
    monkeypatch.setattr(reindex_module, "BATCH_PAGES", 7)  # commits fall inside chunks
    copied = reindex(settings, target="tantivy", workers=2)
    assert copied["documents"] == files
    assert answers(settings) == before
    archive = open_archive(settings)
    try:
        keys = archive.engine.page_keys()
        assert len(keys) == len(set(keys)) == copied["pages"]
    finally:
        archive.close()
