"""Elasticsearch-only behaviour against the real node: alias and versioned index, reindex
from the embedded engine, idempotent re-ingest, and a cluster that goes away mid-ingest."""

from __future__ import annotations

from dataclasses import replace

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from expediente.errors import ConfigError, EngineUnavailable
from tests_support import ingest_paths
from archive import Indexer, open_archive, reindex
from search.es_engine import MAPPING_VERSION, ElasticsearchEngine
from tests_support import RESOURCES, drop_es_index, facts_for, make_pdf, make_settings

pytestmark = pytest.mark.elasticsearch


def test_alias_in_front_of_a_versioned_index(es_settings):
    archive = open_archive(es_settings)  # a reader creates nothing
    assert archive.search("x").total == 0 and archive.engine.page_count() == 0
    archive.close()
    assert not Elasticsearch(es_settings.es_url).indices.exists_alias(name=es_settings.es_index)
    indexer = Indexer(es_settings)  # the indexer does
    assert indexer.acquire()
    indexer.close()
    aliases = Elasticsearch(es_settings.es_url).indices.get_alias(name=es_settings.es_index)
    assert len(aliases) == 1 and next(iter(aliases)).startswith(f"{es_settings.es_index}-v{MAPPING_VERSION}-")


def test_reindex_builds_a_new_index_and_switches_the_alias(tantivy_samples):
    es = make_settings(tantivy_samples.settings.data_dir, "elasticsearch")
    settings = replace(tantivy_samples.settings, es_url=es.es_url, es_index=es.es_index)
    client = Elasticsearch(es.es_url)
    try:
        reindex(settings, target="elasticsearch")
        first = set(client.indices.get_alias(name=es.es_index))
        reindex(settings, target="elasticsearch")
        second = set(client.indices.get_alias(name=es.es_index))
        assert len(first) == len(second) == 1 and first != second
        assert not client.indices.exists(index=next(iter(first)))  # the old index is gone
    finally:
        drop_es_index(replace(settings, engine="elasticsearch"))


@pytest.mark.parametrize("version", [0, MAPPING_VERSION - 1])  # the one before: no document date
def test_an_index_of_another_mapping_version_asks_for_reindex(es_settings, version):
    client = Elasticsearch(es_settings.es_url)
    client.indices.create(index=f"{es_settings.es_index}-v{version}-1")
    client.indices.put_alias(index=f"{es_settings.es_index}-v{version}-1", name=es_settings.es_index)
    with pytest.raises(ConfigError, match="expediente reindex --to elasticsearch"):
        open_archive(es_settings)


def test_reindex_from_embedded_keeps_every_page_and_entity(tantivy_samples, answer_key):
    es = make_settings(tantivy_samples.settings.data_dir, "elasticsearch")
    settings = replace(tantivy_samples.settings, es_url=es.es_url, es_index=es.es_index)
    try:
        copied = reindex(settings, target="elasticsearch")
        counts = tantivy_samples.catalog.counts()
        assert copied == {"documents": counts["documents"], "pages": counts["pages"], "word_pairs": 0}
        target = open_archive(replace(settings, engine="elasticsearch"))
        try:
            assert target.engine.page_count() == counts["pages"]
            for query in ("EA-IT20-2020", "Samalayuca", "amount:1023123", "vendor:magavel", "bid:EA-IT20-2020",
                          "rfc:SIM1508193C1", "date:2020-12"):
                want = {(h.filename, h.page) for h in tantivy_samples.search(query, limit=200).hits}
                got = {(h.filename, h.page) for h in target.search(query, limit=200).hits}
                assert want and got == want, query
            assert {(h.filename, h.page) for h in target.search("Magavel", limit=200).hits} == facts_for(answer_key, "Magavel")
        finally:
            target.close()
        assert reindex(settings, target="elasticsearch") == copied  # again: same ids, no duplicates
        assert ElasticsearchEngine(settings.es_url, settings.es_index).page_count() == counts["pages"]
    finally:
        drop_es_index(replace(settings, engine="elasticsearch"))


def test_an_index_of_word_pairs_finds_the_same_phrases(tantivy_samples):
    """EXPEDIENTE_ES_PHRASES=on: reindex builds the text with index_phrases, and every kind of
    phrase (two words, three, a prefix, a common word inside, a negated one) finds what the
    embedded engine finds."""
    es = make_settings(tantivy_samples.settings.data_dir, "elasticsearch")
    settings = replace(tantivy_samples.settings, es_url=es.es_url, es_index=es.es_index, es_phrases="on")
    client = Elasticsearch(es.es_url)
    try:
        reindex(settings, target="elasticsearch")
        index = next(iter(client.indices.get_alias(name=es.es_index)))
        text = client.indices.get_mapping(index=index)[index]["mappings"]["properties"]["text"]
        assert text.get("index_phrases") is True
        target = open_archive(replace(settings, engine="elasticsearch"))
        try:
            for query in ('"ciudad juárez"', '"comision estatal de seguridad"', '"junta de aclaraciones"',
                          '"impuesto al valor agregado"', '"licitación pública nacional"', '"estatal de"',
                          '"comisión estatal de seg*"', 'contrato -"junta de aclaraciones"'):
                want = {(h.filename, h.page) for h in tantivy_samples.search(query, limit=200).hits}
                got = {(h.filename, h.page) for h in target.search(query, limit=200).hits}
                assert want and got == want, query
        finally:
            target.close()
    finally:
        drop_es_index(replace(settings, engine="elasticsearch"))


def _has_pairs(client: Elasticsearch, alias: str) -> bool:
    index = next(iter(client.indices.get_alias(name=alias)))
    return client.indices.get_mapping(index=index)[index]["mappings"]["properties"]["text"].get("index_phrases") is True


def test_auto_builds_word_pairs_for_a_large_archive_only(tantivy_samples, monkeypatch):
    """EXPEDIENTE_ES_PHRASES=auto (the default): a reindex builds word pairs from
    PAIRS_FROM_PAGES pages on; the samples are far fewer, until the threshold comes down to them.
    An index the indexer creates for a new archive has none; off never builds them."""
    import search.es_dsl

    es = make_settings(tantivy_samples.settings.data_dir, "elasticsearch")
    settings = replace(tantivy_samples.settings, es_url=es.es_url, es_index=es.es_index)
    assert settings.es_phrases == "auto"
    client = Elasticsearch(es.es_url)
    try:
        reindex(settings, target="elasticsearch")
        assert not _has_pairs(client, es.es_index)
        pages = Elasticsearch(es.es_url).count(index=es.es_index)["count"]
        monkeypatch.setattr(search.es_dsl, "PAIRS_FROM_PAGES", pages)
        reindex(replace(settings, es_phrases="off"), target="elasticsearch")
        assert not _has_pairs(client, es.es_index)
        reindex(settings, target="elasticsearch")
        assert _has_pairs(client, es.es_index)
        archive = open_archive(replace(settings, engine="elasticsearch"))
        assert archive.search('"junta de aclaraciones"').total > 0
        archive.close()
        drop_es_index(replace(settings, engine="elasticsearch"))
        indexer = Indexer(replace(settings, engine="elasticsearch"))  # a new, empty index
        assert indexer.acquire()
        indexer.close()
        assert not _has_pairs(client, es.es_index)
    finally:
        drop_es_index(replace(settings, engine="elasticsearch"))


def test_cluster_down_mid_ingest_loses_nothing(es_settings, tmp_path):
    """The cluster goes away while the indexer works: it stops with the 'run again' message;
    run again, the documents it had read are indexed from the catalog, the rest read."""
    from archive import JobQueue, new_batch
    from archive.service import enqueue_paths

    docs = [make_pdf(tmp_path / f"oficio_{i}.pdf", [f"Oficio {i} sobre equipo de radiocomunicación lote {i}"]) for i in range(3)]
    indexer = Indexer(es_settings)
    assert indexer.acquire()
    for _ids in enqueue_paths(es_settings, JobQueue(indexer.catalog), docs, new_batch()):
        pass
    indexer.engine.es = Elasticsearch("http://127.0.0.1:9", request_timeout=2)  # the cluster goes away
    with pytest.raises(EngineUnavailable, match="run the same command again"):
        indexer.run(until=lambda: not indexer.queue.counts()["queued"])
    indexer.close()

    archive = open_archive(es_settings)  # the cluster is back
    try:
        assert archive.search("radiocomunicacion").total == 0
        report = ingest_paths(docs, es_settings)
        assert len(report.ingested) + len(report.present) == 3 and not report.failed
        assert archive.search("radiocomunicacion").total == 3
        again = ingest_paths(docs, es_settings)
        assert len(again.present) == 3 and archive.engine.page_count() == 3
        assert archive.jobs.counts()["queued"] == archive.jobs.counts()["running"] == 0
    finally:
        archive.close()


def test_unreachable_cluster_is_a_clear_error(tmp_path):
    settings = make_settings(tmp_path, "tantivy")
    with pytest.raises(EngineUnavailable, match="not available"):
        open_archive(replace(settings, engine="elasticsearch", es_url="http://127.0.0.1:9"))


def test_web_app_on_elasticsearch(es_settings):
    from web import create_app

    archive = open_archive(es_settings)
    ingest_paths([RESOURCES / "garbage_text_layer.pdf"], es_settings, archive)
    archive.close()
    with TestClient(create_app(es_settings)) as client:
        hits = client.get("/api/search", params={"q": "-zzzz"}).json()
        assert hits["total"] == 1
        page = client.get(f"/documents/{hits['hits'][0]['document_id']}/pages/1")
        assert page.status_code == 200 and "OCR" in page.text
