"""Elasticsearch bulk indexing for a reindex: requests in flight at once, no refresh while
the new index is built, searchable (in one segment) and refreshing as usual once published."""

from __future__ import annotations

import pytest
from elasticsearch import Elasticsearch

from search import es_engine
from search.es_engine import ElasticsearchEngine
from search.records import PageRecord

pytestmark = pytest.mark.elasticsearch


def _records(n: int) -> list[PageRecord]:
    return [PageRecord(f"{i // 10:064d}", i % 10 + 1, f"f{i // 10}.pdf", "t", "application/pdf",
                       f"pagina {i} contrato zq{i}x", amounts=[i * 100]) for i in range(n)]


def test_a_built_index_is_not_refreshed_until_published(es_settings, monkeypatch):
    monkeypatch.setattr(es_engine, "BULK_PAGES", 100)  # several requests, from two threads
    es = Elasticsearch(es_settings.es_url)
    engine = ElasticsearchEngine(es_settings.es_url, es_settings.es_index, build=True)
    try:
        engine.add(_records(1050))
        engine.commit()
        index = engine.write_index
        assert es.indices.get_settings(index=index)[index]["settings"]["index"]["refresh_interval"] == "-1"
        engine.publish()
        settings = es.indices.get_settings(index=index)[index]["settings"]["index"]
        assert "refresh_interval" not in settings  # the default again
        shard = es.indices.segments(index=index)["indices"][index]["shards"]["0"][0]
        assert shard["num_search_segments"] == 1  # merged before it serves: fuzzy and facets expand once
        assert es.count(index=es_settings.es_index)["count"] == 1050
        assert es.search(index=es_settings.es_index, query={"term": {"text": "zq1049x"}})["hits"]["total"]["value"] == 1
    finally:
        engine.close()


def test_a_live_index_is_refreshed_at_each_commit(es_settings):
    engine = ElasticsearchEngine(es_settings.es_url, es_settings.es_index)
    try:
        engine.add(_records(30))
        engine.commit()
        assert Elasticsearch(es_settings.es_url).count(index=es_settings.es_index)["count"] == 30
    finally:
        engine.close()
