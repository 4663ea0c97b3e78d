"""The search contract: a table of query -> expected (file, page), run against every engine.

Expected pages come from the samples' answer key (samples/answer_key.json), which the
generator derives from the same data that printed the documents.
"""

from __future__ import annotations

import pytest

from expediente.errors import QuerySyntaxError, UsageError
from search.analysis import fold
from tests_support import facts_for


def hits(archive, query: str) -> set[tuple[str, int]]:
    """The pages found exactly (OCR-tolerant matches come after them, marked: tests/search/test_approximate.py)."""
    results = archive.search(query, limit=200)
    assert results.total == len(results.hits), "total must count pages, as the hits do"
    exact = [h for h in results.hits if not h.approximate]
    assert all(h.approximate for h in results.hits[len(exact):]), "approximate pages come after the exact ones"
    return {(h.filename, h.page) for h in exact}


def pages_containing(answer_key, phrase: str) -> set[tuple[str, int]]:
    """Oracle for phrases the key has no fact for: folded substring on the printed text."""
    want = " ".join(fold(phrase).split())
    out = set()
    for doc in answer_key["documents"]:
        for page in doc["pages"]:
            text = " ".join(fold(page["text"]).split())
            if want in text:
                out.add((doc["file"], page["page"]))
    return out


def entity_pages(answer_key, kind: str, value: str) -> set[tuple[str, int]]:
    return {(e["file"], e["page"]) for e in answer_key["entities"] if e["kind"] == kind and e["value"] == value}


FACT_QUERIES = [
    "EA-IT20-2020", "DCA/TM/222/2020", "SSP/DGA/045/2021", "LA-917037986-E5-2021", "CESP/CAF/118/2020",
    "Magavel", "YDOSK", "Quatro", "Juárez", "Fiscalía", "Halcón", "Salgado Ríos",
    "videovigilancia", "reconocimiento", "Samalayuca", "Tetecalita", "Xalisco", "Anapra", "Chamizal",
    "CONTRARRECIBO", "engargolado",
]


@pytest.mark.parametrize("query", FACT_QUERIES)
def test_fact_queries_find_exactly_the_pages_where_printed(sample_archive, answer_key, query):
    expected = facts_for(answer_key, query)
    assert expected, f"the answer key has no fact for {query!r}"
    assert hits(sample_archive, query) == expected


def test_accents_and_case_do_not_matter(sample_archive, answer_key):
    assert hits(sample_archive, "juarez") == hits(sample_archive, "JUÁREZ") == facts_for(answer_key, "Juárez")
    assert hits(sample_archive, "FISCALIA") == facts_for(answer_key, "Fiscalía")


def test_words_found_only_on_scanned_pages(sample_archive, answer_key):
    for word in ("videovigilancia", "Samalayuca", "CONTRARRECIBO", "Tetecalita"):
        expected = facts_for(answer_key, word)
        methods = {f["method"] for f in answer_key["facts"] if f["query"] == word}
        assert "ocr" in methods
        assert hits(sample_archive, word) == expected


def test_or(sample_archive, answer_key):
    assert hits(sample_archive, "magavel OR ydosk") == facts_for(answer_key, "Magavel") | facts_for(answer_key, "YDOSK")


def test_exclusion(sample_archive, answer_key):
    expected = facts_for(answer_key, "Magavel") - facts_for(answer_key, "CESP/CAF/118/2020")
    assert expected and expected != facts_for(answer_key, "Magavel")
    assert hits(sample_archive, "magavel -CESP/CAF/118/2020") == expected
    assert hits(sample_archive, "magavel NOT CESP/CAF/118/2020") == expected


def test_phrase(sample_archive, answer_key):
    expected = pages_containing(answer_key, "reconocimiento facial")
    assert expected
    assert hits(sample_archive, '"reconocimiento facial"') == expected


def test_prefix(sample_archive, answer_key):
    got = hits(sample_archive, "videovig*")
    assert facts_for(answer_key, "videovigilancia") <= got
    assert got <= pages_containing(answer_key, "videovig")


def test_phrase_ending_in_a_prefix(sample_archive, answer_key):
    got = hits(sample_archive, '"reconocimiento fac*"')
    assert pages_containing(answer_key, "reconocimiento facial") <= got
    assert got <= pages_containing(answer_key, "reconocimiento fac")


def test_grouping(sample_archive, answer_key):
    expected = (facts_for(answer_key, "Magavel") | facts_for(answer_key, "YDOSK")) & facts_for(answer_key, "Salgado Ríos")
    assert expected
    assert hits(sample_archive, '(magavel OR ydosk) "salgado rios"') == expected


@pytest.mark.parametrize("typed", ["ea it20 2020", "ea-it20-2020", "EA/IT20/2020", "EAIT202020"])
def test_bid_typed_with_other_separators_or_case(sample_archive, answer_key, typed):
    expected = facts_for(answer_key, "EA-IT20-2020") | entity_pages(answer_key, "bid", "EAIT202020")
    assert hits(sample_archive, typed) >= facts_for(answer_key, "EA-IT20-2020")
    assert hits(sample_archive, typed) <= expected | pages_containing(answer_key, "ea it20 2020")


@pytest.mark.parametrize("typed", ["1,023,123", "$1,023,123.00", "1023123", "1'023,123.00", "1.023.123,00"])
def test_amount_typed_in_any_format(sample_archive, answer_key, typed):
    """A fact-checker's amount finds every page where it is printed, in figures or in words."""
    expected = entity_pages(answer_key, "amount", "1023123.00 MXN")
    assert facts_for(answer_key, "1,023,123") <= expected
    assert hits(sample_archive, typed) == expected


def test_hit_snippet_highlights_the_match(sample_archive):
    results = sample_archive.search("Magavel", limit=5)
    for hit in results.hits:
        marked = [hit.snippet.text[a:b] for a, b in hit.snippet.highlights]
        assert marked and all(fold(m) == "magavel" for m in marked)


def test_ranking_puts_denser_pages_first(sample_archive):
    scores = [h.score for h in sample_archive.search("Magavel", limit=50).hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_paging(sample_archive):
    everything = sample_archive.search("EA-IT20-2020", limit=200)
    first = sample_archive.search("EA-IT20-2020", limit=3)
    second = sample_archive.search("EA-IT20-2020", limit=3, offset=3)
    keys = lambda r: [(h.filename, h.page) for h in r.hits]  # noqa: E731
    assert keys(first) + keys(second) == keys(everything)[:6]
    assert first.total == everything.total


@pytest.mark.parametrize("query", ["(magavel", "a*", "amount:", "monto:mucho", "\"\"", "-"])
def test_malformed_queries_raise_a_clear_error(sample_archive, query):
    with pytest.raises(QuerySyntaxError):
        sample_archive.search(query)


@pytest.mark.parametrize("query", ["(" * 400 + "magavel" + ")" * 400, "year:²", "year:99999999999999999999",
                                   "amount:>=1,000,000,000,000,000,000", "date:99999999-01-01"])
def test_hostile_queries_raise_a_clear_error(sample_archive, query):
    with pytest.raises(QuerySyntaxError):
        sample_archive.search(query)


@pytest.mark.parametrize("limit,offset", [(10, 9223372036854775808), (10, 2**64), (10, -1), (0, 0), (200, 9900)])
def test_pages_of_hits_beyond_the_window_are_usage_errors(sample_archive, limit, offset):
    with pytest.raises(UsageError, match="offset"):
        sample_archive.search("magavel", limit=limit, offset=offset)
    assert sample_archive.search("magavel", limit=10, offset=9990).hits == []


def test_queries_with_engine_syntax_are_just_text(sample_archive):
    for query in ['title:"x" AND text:y', "magavel^2", "{!lucene}", "magavel~", "+magavel", "\"a\" OR", "a:b:c"]:
        sample_archive.search(query)  # never an engine error
    for query in ["*:*", "\\", "***"]:
        with pytest.raises(QuerySyntaxError, match="empty"):
            sample_archive.search(query)


def test_search_within_one_document(sample_archive, answer_key):
    fallo = next(d for d in sample_archive.catalog.documents() if d["filename"] == "fallo_EA-IT20-2020_morelos.pdf")
    expected = {fp for fp in facts_for(answer_key, "EA-IT20-2020") if fp[0] == "fallo_EA-IT20-2020_morelos.pdf"}
    got = sample_archive.search("EA-IT20-2020", limit=200, within=fallo["id"])
    assert {(h.filename, h.page) for h in got.hits} == expected and got.total == len(expected)
    assert sample_archive.search("ydosk", within=fallo["id"]).total == 0


def test_singular_and_plural_forms(sample_archive, answer_key):
    import re

    either = {(d["file"], p["page"]) for d in answer_key["documents"] for p in d["pages"]
              if re.search(r"(?<![a-z0-9])camaras?(?![a-z0-9])", fold(p["text"]))}
    only_singular = {(d["file"], p["page"]) for d in answer_key["documents"] for p in d["pages"]
                     if re.search(r"(?<![a-z0-9])camara(?![a-z0-9])", fold(p["text"]))}
    assert either > only_singular  # the samples print both forms on different pages
    assert hits(sample_archive, "cámara~") == hits(sample_archive, "camaras~") == either
    assert hits(sample_archive, "cámara") == either  # plain words forgive number (issue 9)
    assert hits(sample_archive, '"cámara"') == only_singular  # quotes keep the word exact
