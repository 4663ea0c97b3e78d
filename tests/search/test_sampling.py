"""Facets of a very large result are estimated from a fixed sample of its pages; phrases are
found through word pairs. Both on a real tantivy index."""

from __future__ import annotations

import random

import pytest

from search.analysis import index_text
from search.query import parse
from search.es_engine import ElasticsearchEngine
from search.records import PageRecord
from search.sampling import slots_for
from search.tantivy_engine import TantivyEngine

VENDORS = ["magavel", "quatro", "seguritech", "tecnoval", "grupo alfa"]


def _archive_records(pages: int = 3000, truth: dict[str, int] | None = None) -> list[PageRecord]:
    rng = random.Random(7)
    truth = {} if truth is None else truth
    records = []
    for n in range(pages):
        vendor = VENDORS[min(int(rng.expovariate(0.9)), len(VENDORS) - 1)]
        words = ["contrato", "de", "servicios"] + rng.sample(["agua", "potable", "drenaje", "obra", "pública"], 3)
        rec = PageRecord(f"doc{n // 10:04d}", n % 10 + 1, "f.pdf", "t", "application/pdf", index_text(" ".join(words)))
        rec.vendor_keys, rec.years, rec.amounts = [vendor], [2019 + n % 3], [(n % 100) * 10_000]  # 0 to 9,900 pesos
        truth[vendor] = truth.get(vendor, 0) + 1
        records.append(rec)
    return records


def _archive(tmp_path, pages: int = 3000) -> tuple[TantivyEngine, dict[str, int]]:
    engine = TantivyEngine(tmp_path / "index")
    truth: dict[str, int] = {}
    engine.add(_archive_records(pages, truth))
    engine.commit()
    return engine, truth


def test_a_huge_result_has_estimated_facets_close_to_the_exact_ones(tmp_path):
    engine, truth = _archive(tmp_path)
    exact = engine.search(parse("contrato"), limit=5, facets=True)
    assert not exact.facets_estimated and dict(exact.facets["vendors"]) == truth
    engine.facet_exact_max = 500
    first = engine.search(parse("contrato"), limit=5, facets=True)
    assert first.facets_estimated and first.total == 3000  # the total stays exact
    estimate = dict(first.facets["vendors"])
    assert [v for v, _ in first.facets["vendors"]][:2] == [v for v, _ in exact.facets["vendors"]][:2]
    for vendor, count in truth.items():
        if count >= 200:
            assert abs(estimate[vendor] - count) / count < 0.25, (vendor, estimate[vendor], count)
    assert engine.search(parse("contrato"), limit=5, facets=True).facets == first.facets  # the same sample every time


def test_a_result_under_the_limit_is_counted_exactly(tmp_path):
    engine, _ = _archive(tmp_path)
    engine.facet_exact_max = 1000
    small = engine.search(parse("year:2019"), limit=5, facets=True)
    assert small.total == 1000 and not small.facets_estimated and dict(small.facets["years"]) == {"2019": 1000}
    assert engine.search(parse("year:2019 OR year:2020"), limit=5, facets=True).facets_estimated


def test_phrases_through_pairs_find_exactly_the_adjacent_words(tmp_path):
    engine = TantivyEngine(tmp_path / "index")
    texts = ["agua potable y drenaje", "potable agua", "agua y potable", "red de agua potable municipal",
             "agua potable municipal", "agua municipal potable"]
    engine.add([PageRecord("d", n + 1, "f", "t", "application/pdf", index_text(t)) for n, t in enumerate(texts)])
    engine.commit()

    def pages(q: str) -> set[int]:
        return {h.page for h in engine.search(parse(q), limit=20).hits}

    assert pages('"agua potable"') == {1, 4, 5}
    assert pages('"agua potable municipal"') == {4, 5}
    assert pages('"de agua potable municipal"') == {4}
    assert pages('"potable agua"') == {2}
    assert pages("agua-pot*") == {1, 4, 5}  # a code-like prefix after words: the pairs "agua_pot…"
    assert pages("red-de-agua-pot*") == {4}
    assert pages("agua-mun*") == {6}


QUERIES = ["contrato", "agua -drenaje", "agua OR drenaje", '"agua potable"', "obra pública", "year:2019", "agu*",
           "drenaje potable~", "amount:>=5000", "amount:100..200", "monto:>=2500 agua", "agua potable obra",
           "agua potable -drenaje", "contrato -year:2019"]


def test_a_query_bounded_by_its_terms_has_its_facets_counted_while_its_hits_are_ranked(tmp_path):
    """Early facets (sampled by the terms' bound) give what counting after the hits gives: the
    same exact facets for a result under the limit, an estimate over it, the same every time."""
    from search.tantivy_bounds import lower_bound, near_bound, upper_bound

    engine, _truth = _archive(tmp_path)
    exact = {q: engine.search(parse(q), limit=5, facets=True) for q in QUERIES}
    searcher = engine.index.searcher()
    for q in QUERIES:
        bound = upper_bound(searcher, parse(q))
        assert bound is None or bound >= exact[q].total, q
        assert lower_bound(searcher, parse(q)) <= exact[q].total, q
    assert lower_bound(searcher, parse("agua OR drenaje")) == max(lower_bound(searcher, parse(w)) for w in ("agua", "drenaje")) > 0
    assert lower_bound(searcher, parse("obra pública")) > 0  # each on 60% of the pages: 20% at least on both
    assert lower_bound(searcher, parse("contrato -agua")) == 3000 - searcher.doc_freq("text", "agua") > 0
    assert upper_bound(searcher, parse("agu*")) == searcher.doc_freq("text", "agua") == lower_bound(searcher, parse("agu*"))
    assert upper_bound(searcher, parse("year:2019")) == lower_bound(searcher, parse("year:2019")) == 1000
    assert upper_bound(searcher, parse("year:2019..2020")) == 2000 and upper_bound(searcher, parse("year:>=2019")) is None
    assert near_bound(parse("agua OR drenaje")) and near_bound(parse("agua -drenaje")) and not near_bound(parse("agua obra"))
    assert upper_bound(searcher, parse("contrato -agua")) == 3000 - searcher.doc_freq("text", "agua")  # on every page: exact
    assert upper_bound(searcher, parse("drenaje potable~")) is not None  # the word bounds the whole
    assert lower_bound(searcher, parse("amount:>=5000")) > 0 and exact["amount:>=5000"].total == 1500
    for limit in (200, 1000, 2500):
        engine.facet_exact_max = limit
        for q in QUERIES:
            got = engine.search(parse(q), limit=5, facets=True)
            assert got.total == exact[q].total and got.hits == exact[q].hits, q
            if got.total <= limit:
                assert not got.facets_estimated and got.facets == exact[q].facets, (q, limit)
            else:
                assert got.facets_estimated, (q, limit)
                assert got.facets["vendors"][0][0] == exact[q].facets["vendors"][0][0], (q, limit)
                assert engine.search(parse(q), limit=5, facets=True).facets == got.facets


def test_a_short_range_of_days_is_bounded_by_its_days_counts(tmp_path):
    """date:2021-03 is 31 terms of the index: their counts bound it (a page with two of its days
    counts twice above, once below); an open range is not bounded."""
    from search.tantivy_bounds import lower_bound, upper_bound

    engine = TantivyEngine(tmp_path / "index")
    records = []
    for n in range(120):
        rec = PageRecord("d", n + 1, "f.pdf", "t", "application/pdf", index_text("contrato"))
        rec.dates = [f"2021-03-{n % 31 + 1:02d}"] + (["2021-03-31"] if n % 4 == 0 else []) + (["2021-04-01"] if n % 3 == 0 else [])
        records.append(rec)
    records += [PageRecord("e", n + 1, "f.pdf", "t", "application/pdf", index_text("contrato")) for n in range(100)]
    engine.add(records)
    engine.commit()
    searcher = engine.index.searcher()
    total = engine.search(parse("date:2021-03"), limit=1).total
    assert total == 120 and lower_bound(searcher, parse("date:2021-03")) <= total < upper_bound(searcher, parse("date:2021-03")) < 220
    assert upper_bound(searcher, parse("date:2021-04-01")) == engine.search(parse("date:2021-04-01"), limit=1).total == 40
    assert upper_bound(searcher, parse("date:>=2021-03-01")) is None


@pytest.mark.elasticsearch
def test_elasticsearch_counts_and_samples_facets_as_the_embedded_engine_does(tmp_path, es_settings):
    """The same pages in both engines: the same exact facets under the limit and the exact total
    either way. Over it both estimate from the same sample slots: for one term (whose bound is
    its count) the very same estimate; the embedded engine may count a boolean query's sample
    early, on the slots its terms' bound gives, so there both estimates are only close."""
    tantivy, _truth = _archive(tmp_path)
    es = ElasticsearchEngine(es_settings.es_url, es_settings.es_index)
    try:
        es.add(_archive_records())
        es.commit()
        exact = {q: es.search(parse(q), limit=5, facets=True) for q in QUERIES}
        for q, r in exact.items():
            embedded = tantivy.search(parse(q), limit=5, facets=True)
            assert (r.total, r.facets, r.facets_estimated) == (embedded.total, embedded.facets, False), q
        tantivy.facet_exact_max = es.facet_exact_max = 500
        for q in QUERIES:
            want, got = tantivy.search(parse(q), limit=5, facets=True), es.search(parse(q), limit=5, facets=True)
            assert got.total == want.total == exact[q].total, q
            assert got.facets_estimated == want.facets_estimated == (want.total > 500), q
            if not got.facets_estimated or q in ("contrato", "year:2019", "agu*"):
                assert got.facets == want.facets, q
                continue
            for name, buckets in exact[q].facets.items():
                for value, count in buckets:
                    assert abs(dict(got.facets[name])[value] - count) <= 0.15 * count + 25, (q, name, value)
    finally:
        es.close()


@pytest.mark.elasticsearch
def test_elasticsearch_bounds_a_query_by_its_leaves_counts(es_settings):
    """The counts of a query's words, keywords and ranges bound it as the embedded engine's term
    statistics do, so its facets are counted beside its hits; a prefix or a fuzzy word leaves it
    unbounded (counted after the hits, as before). Either way the same totals and facets."""
    from search.es_bounds import lower_bound, upper_bound

    es = ElasticsearchEngine(es_settings.es_url, es_settings.es_index)
    try:
        es.add(_archive_records())
        es.commit()
        for q in QUERIES:
            node, total = parse(q), es.search(parse(q), limit=1).total
            known = es.leaf_counts(node)
            if known is None:
                assert "*" in q or "~" in q, q
                continue
            counts, n = known
            assert n == 3000
            bound = upper_bound(node, counts, n)
            assert lower_bound(node, counts, n) <= total <= (n if bound is None else bound), q
        counts, n = es.leaf_counts(parse("contrato -zzzz")) or ({}, 0)  # excludes nothing: every page
        assert lower_bound(parse("contrato -zzzz"), counts, n) == upper_bound(parse("contrato -zzzz"), counts, n) == 3000
        counts, n = es.leaf_counts(parse("contrato -agua")) or ({}, 0)
        assert upper_bound(parse("contrato -agua"), counts, n) == lower_bound(parse("contrato -agua"), counts, n) > 0
        assert upper_bound(parse("year:2019"), *es.leaf_counts(parse("year:2019")) or ({}, 0)) == 1000
        es.facet_exact_max = 500
        assert es._early_slots(parse("agua OR drenaje")) is not None and es._early_slots(parse("agu*")) is None
        assert es._early_slots(parse("year:2019")) == slots_for(1000, 500)
    finally:
        es.close()
