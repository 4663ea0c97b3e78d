"""What Elasticsearch is sent, as plain dicts: the mapping and our query tree as query DSL
(search.es_engine, the one module that talks to the client, sends them)."""

from __future__ import annotations

from typing import Any

from .query import And, FieldFilter, Fuzzy, Node, Not, Or, Phrase, Prefix, Term, filter_bounds


MAPPING_VERSION = 3  # 2: doc_date (the document's own date), vendor_keys holds resolution keys;
# 3: sample, the text not kept in _source
_TEXT = {"type": "text", "analyzer": "whitespace"}
MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    # Searches read back a hit's doc_id and page alone (snippets come from the catalog): the page
    # text is indexed, not kept a second time in the node's stored fields.
    "_source": {"excludes": ["text", "vendors", "persons"]},
    "properties": {
        "doc_id": {"type": "keyword"}, "page": {"type": "integer"},
        "filename": {"type": "keyword"}, "title": {"type": "keyword", "index": False},
        "media_type": {"type": "keyword"}, "kind": {"type": "keyword"},
        # Phrases are read from the text's positions. Word pairs as tokens, as the embedded engine
        # keeps them, made the reindex about three times slower here (1,621 -> ~500 pages/s at 1M).
        "text": _TEXT, "vendors": _TEXT, "persons": _TEXT, "vendor_keys": {"type": "keyword"},
        "bids": {"type": "keyword"}, "contracts": {"type": "keyword"}, "rfcs": {"type": "keyword"},
        "amounts": {"type": "long"}, "dates": {"type": "date", "format": "strict_date"}, "years": {"type": "integer"},
        "doc_date": {"type": "integer"},  # yyyymmdd, as in the embedded engine
        "sample": {"type": "short"},  # the page's fixed sample slot: facets of huge results (search.sampling)
    },
}


def mapping(phrases: bool = False) -> dict[str, Any]:
    """The mapping; with `phrases`, the page text also indexes each two neighbouring words
    (Elasticsearch's index_phrases), so a two-word phrase is one term's postings and a longer one
    checks positions only where its word pairs meet. At 100,000 dense pages on one node, a new
    search: "agua potable" 55 -> 19 ms, "contrato de obra" 62 -> 16; the reindex at half the speed
    (the node's CPU a page 3.5x), the index about 1.6x larger (benchmarks/es_phrases.py). Queries
    are the same either way."""
    if not phrases:
        return MAPPING
    return {**MAPPING, "properties": {**MAPPING["properties"], "text": {**_TEXT, "index_phrases": True}}}


# From this many pages a reindex ("auto") builds the word pairs. A phrase of two words found on most
# pages checks positions on each of them: at 100,000 dense pages "agua potable" took 19 ms on one
# node, at 1.12 million 141 ms (the pairs: 5-10 ms at both sizes); the pairs halve the reindex's
# speed (benchmarks/es_phrases.py), which a small archive need not pay.
PAIRS_FROM_PAGES = 300_000


def wants_pairs(setting: str, pages: int) -> bool:
    """Does an index built for `pages` pages hold word pairs? EXPEDIENTE_ES_PHRASES: on, off, or
    auto (by the archive's size; a new empty index, which ingest creates, has none)."""
    return setting == "on" or (setting == "auto" and pages >= PAIRS_FROM_PAGES)


FACET_FIELDS = {"vendors": "vendor_keys", "bids": "bids", "years": "years", "kind": "kind"}


def compile_query(node: Node) -> dict[str, Any]:
    """The query DSL for one parsed query."""
    if isinstance(node, Term):
        return {"term": {"text": node.token}}
    if isinstance(node, Phrase):
        return {"match_phrase": {"text": " ".join(node.tokens)}}
    if isinstance(node, Prefix):
        if node.before:
            return {"match_phrase_prefix": {"text": {"query": " ".join((*node.before, node.prefix)), "max_expansions": 200}}}
        return {"prefix": {"text": node.prefix}}
    if isinstance(node, FieldFilter):
        return _filter(node)
    if isinstance(node, Fuzzy):
        return {"fuzzy": {"text": {"value": node.token, "fuzziness": node.distance, "transpositions": True,
                                   "prefix_length": 0, "max_expansions": 50}}}
    if isinstance(node, Not):
        return {"bool": {"must": [{"match_all": {}}], "must_not": [compile_query(node.item)]}}
    if isinstance(node, Or):
        return {"bool": {"should": [compile_query(i) for i in node.items], "minimum_should_match": 1}}
    if isinstance(node, And):
        must = [compile_query(i) for i in node.items if not isinstance(i, Not)] or [{"match_all": {}}]
        must_not = [compile_query(i.item) for i in node.items if isinstance(i, Not)]
        return {"bool": {"must": must, "must_not": must_not}}
    raise TypeError(f"unknown query node {node!r}")


def _filter(f: FieldFilter) -> dict[str, Any]:
    from .fields import field_spec

    spec = field_spec(f.field)
    if spec.index_kind == "int":
        lo, hi, inc_lo, inc_hi = filter_bounds(f)
        conv = _iso if f.field == "date" else (lambda v: v)
        rng: dict[str, Any] = {}
        if lo is not None:
            rng["gte" if inc_lo else "gt"] = conv(lo)
        if hi is not None:
            rng["lte" if inc_hi else "lt"] = conv(hi)
        return {"range": {spec.engine_field: rng}}
    if spec.index_kind == "tokens":
        return {"match_phrase": {spec.engine_field: f.value}}
    return {"term": {spec.engine_field: f.value}}


def _iso(yyyymmdd: int) -> str:
    s = f"{yyyymmdd:08d}"
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"
