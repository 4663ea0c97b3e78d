"""Search that forgives and organises, on every engine: dates typed any way, singular and
plural by default, suggestions for a query that finds nothing, sorting and grouping."""

from __future__ import annotations

import re

import pytest

from archive.archive import SearchOptions
from expediente.errors import QuerySyntaxError, UsageError
from search.analysis import fold


def hits(archive, query: str, **options) -> set[tuple[str, int]]:
    results = archive.search(query, limit=200, options=SearchOptions(**options))
    return {(h.filename, h.page) for h in results.hits if not h.approximate}


def date_pages(answer_key, prefix: str) -> set[tuple[str, int]]:
    return {(e["file"], e["page"]) for e in answer_key["entities"] if e["kind"] == "date" and e["value"].startswith(prefix)}


def printed_forms(answer_key, iso: str) -> set[str]:
    return {e["printed"] for e in answer_key["entities"] if e["kind"] == "date" and e["value"] == iso}


@pytest.mark.parametrize("typed", ["23/11/2020", "23-11-2020", "23.11.2020", "2020-11-23", "23 de noviembre de 2020",
                                   "fecha:23/11/2020", 'fecha:"23 de noviembre de 2020"', "date:2020-11-23",
                                   "fecha:23 de noviembre de 2020"])
def test_a_date_typed_any_way_finds_every_page_printing_it(sample_archive, answer_key, typed):
    expected = date_pages(answer_key, "2020-11-23")
    assert {"23/11/2020", "23 de noviembre de 2020"} <= printed_forms(answer_key, "2020-11-23")  # both forms printed
    assert hits(sample_archive, typed) == expected


def test_a_date_printed_in_words_is_found_by_its_digits(sample_archive, answer_key):
    assert "catorce días del mes de agosto de dos mil veinte" in printed_forms(answer_key, "2020-08-14")
    assert hits(sample_archive, "14/08/2020") == date_pages(answer_key, "2020-08-14")


def test_a_month_typed_in_words_finds_the_dates_of_that_month(sample_archive, answer_key):
    got = hits(sample_archive, "marzo 2021")
    assert date_pages(answer_key, "2021-03") <= got
    assert hits(sample_archive, "fecha:marzo 2021") == hits(sample_archive, "date:2021-03") == date_pages(answer_key, "2021-03")


def own_dates(archive) -> dict[str, str]:
    """Each document's own date: an editor's, else the one ingest read, else the first it prints."""
    out = {}
    for doc in archive.catalog.documents(limit=1000):
        row = archive.catalog.document(doc["id"])
        printed = [e["value"] for e in archive.catalog.entities(doc["id"]) if e["kind"] == "date"]
        own = row["doc_date"] or row["metadata"].get("doc_date") or (printed[0] if printed else None)
        if own:
            out[row["filename"]] = own
    return out


def test_date_range_options_take_any_form(sample_archive, answer_key):
    """The range inputs keep the pages of documents dated in the range (whatever dates the pages print)."""
    dated = own_dates(sample_archive)
    in_dec = {(d["file"], p["page"]) for d in answer_key["documents"] for p in d["pages"]
              if dated.get(d["file"], "").startswith("2020-12")}
    assert in_dec and not in_dec <= date_pages(answer_key, "2020-12")  # some of those pages print no such date
    in_dec_2020 = in_dec & date_pages(answer_key, "2020")
    assert hits(sample_archive, "date:2020", date_from="1 de diciembre de 2020", date_to="31/12/2020") == in_dec_2020
    assert hits(sample_archive, "date:2020", date_from="2020-12", date_to="2020-12") == in_dec_2020
    assert hits(sample_archive, "-zzzqqqzzz", date_from="2020-12", date_to="2020-12") == in_dec
    later = {(d["file"], p["page"]) for d in answer_key["documents"] for p in d["pages"] if dated.get(d["file"], "") >= "2021"}
    assert hits(sample_archive, "-zzzqqqzzz", date_from="2021") == later
    with pytest.raises(QuerySyntaxError):
        sample_archive.search("magavel", options=SearchOptions(date_from="el martes"))


def _pages_with(answer_key, pattern: str) -> set[tuple[str, int]]:
    return {(d["file"], p["page"]) for d in answer_key["documents"] for p in d["pages"]
            if re.search(pattern, fold(p["text"]))}


def test_singular_and_plural_by_default_quotes_keep_exact(sample_archive, answer_key):
    either = _pages_with(answer_key, r"(?<![a-z0-9])camaras?(?![a-z0-9])")
    singular = _pages_with(answer_key, r"(?<![a-z0-9])camara(?![a-z0-9])")
    assert either > singular
    assert hits(sample_archive, "cámara") == hits(sample_archive, "cámaras") == either
    assert hits(sample_archive, '"cámara"') == hits(sample_archive, "cámara", exact=True) == singular


def test_a_misspelt_word_gets_the_printed_spelling(sample_archive, answer_key):
    results = sample_archive.search("videovijilancia morelos")
    assert all(h.approximate for h in results.hits)  # nothing exact: OCR-tolerant pages only, marked
    spelling = [s for s in results.suggestions if s["kind"] == "spelling"]
    assert spelling and fold(spelling[0]["query"]) == "videovigilancia morelos"
    assert sample_archive.search(spelling[0]["query"]).total > 0


def test_a_zero_hit_amount_gets_the_nearest_printed_amounts(sample_archive):
    results = sample_archive.search("1,023,124")
    assert results.total == 0
    amounts = [s for s in results.suggestions if s["kind"] == "amount"]
    assert amounts[0]["value"] == "1023123.00" and amounts[0]["pages"] >= 1


def test_group_by_document(sample_archive, answer_key):
    pages = sample_archive.search("EA-IT20-2020", limit=200)
    grouped = sample_archive.search("EA-IT20-2020", limit=200, options=SearchOptions(group=True))
    docs = {h.document_id for h in pages.hits}
    assert grouped.total == pages.total and grouped.total_documents == len(docs) == len(grouped.hits)
    assert sorted(p for h in grouped.hits for p in [(h.document_id, n) for n in h.pages]) == \
        sorted((h.document_id, h.page) for h in pages.hits)
    second = sample_archive.search("EA-IT20-2020", limit=2, offset=2, options=SearchOptions(group=True))
    assert [h.document_id for h in second.hits] == [h.document_id for h in grouped.hits][2:4]


def test_sort_by_amount_and_by_document_date(sample_archive):
    from archive.organise import document_dates, page_amounts

    by_amount = sample_archive.search("monto:>=1000", limit=200, options=SearchOptions(sort="amount"))
    amounts = page_amounts(sample_archive.catalog, [(h.document_id, h.page) for h in by_amount.hits])
    values = [amounts[(h.document_id, h.page)] for h in by_amount.hits]
    assert len(values) > 3 and values == sorted(values, reverse=True)
    by_date = sample_archive.search("magavel", limit=200, options=SearchOptions(sort="-date"))
    dates = document_dates(sample_archive.catalog, {h.document_id for h in by_date.hits})
    seen = [dates[h.document_id] for h in by_date.hits if h.document_id in dates]
    assert len(set(seen)) > 1 and seen == sorted(seen)
    with pytest.raises(UsageError):
        sample_archive.search("magavel", options=SearchOptions(sort="size"))
