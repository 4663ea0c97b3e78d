"""Elasticsearch bulk indexing for a reindex: requests in flight at once, a batch sent while the
next is read, no refresh while the new index is built, searchable and refreshing as usual once
published, merged to one segment in the background."""

from __future__ import annotations

import pytest
from elasticsearch import Elasticsearch

from expediente.errors import EngineUnavailable
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
        engine.commit()  # sent in the background while the next batch would be read
        engine.add(_records(1060)[1050:])
        engine.commit()
        index = engine.write_index
        settings = es.indices.get_settings(index=index)[index]["settings"]["index"]
        assert settings["refresh_interval"] == "-1" and settings["translog"]["durability"] == "async"
        engine.publish()
        settings = es.indices.get_settings(index=index)[index]["settings"]["index"]
        assert "refresh_interval" not in settings and "translog" not in settings  # the defaults again
        assert es.count(index=es_settings.es_index)["count"] == 1060  # searchable at once, merged or not
        assert engine.wait_merged(60)
        es.indices.refresh(index=index)
        shard = es.indices.segments(index=index)["indices"][index]["shards"]["0"][0]
        assert shard["num_search_segments"] == 1  # merged in the background: fuzzy and facets expand once
        assert es.search(index=es_settings.es_index, query={"term": {"text": "zq1059x"}})["hits"]["total"]["value"] == 1
    finally:
        engine.close()


def test_a_rebuilt_index_keeps_the_replicas_of_the_one_it_replaces(es_settings):
    es = Elasticsearch(es_settings.es_url)
    first = ElasticsearchEngine(es_settings.es_url, es_settings.es_index)
    first.add(_records(5))
    first.commit()
    es.indices.put_settings(index=es_settings.es_index, settings={"number_of_replicas": 1})
    engine = ElasticsearchEngine(es_settings.es_url, es_settings.es_index, build=True)
    try:
        engine.add(_records(5))
        engine.commit()
        assert es.indices.get_settings(index=engine.write_index)[engine.write_index]["settings"]["index"][
            "number_of_replicas"] == "0"  # none while it is built
        engine.publish()
        got = es.indices.get_settings(index=engine.write_index)[engine.write_index]["settings"]["index"]
        assert got["number_of_replicas"] == "1"
    finally:
        first.close()
        engine.close()


def test_a_failed_batch_of_a_build_stops_it_before_the_switch(es_settings):
    engine = ElasticsearchEngine(es_settings.es_url, es_settings.es_index, build=True)
    try:
        engine.add(_records(3))
        engine._actions[1]["_source"]["amounts"] = ["not a number"]
        engine.commit()
        with pytest.raises(EngineUnavailable, match="rejected 1 pages"):
            engine.publish()
        assert not Elasticsearch(es_settings.es_url).indices.exists_alias(name=es_settings.es_index)
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
