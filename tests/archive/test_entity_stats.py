"""The figures of an entity index row: amounts near a mention, totalled per currency, never mixed."""

from __future__ import annotations

from decimal import Decimal

from archive.entity_stats import Group, figures, near_totals, totals_text


def _group(*mentions: tuple[str, int, int, int]) -> Group:
    g = Group()
    for doc, page, start, end in mentions:
        g.add({"document_id": doc, "page": page, "start": start, "end": end, "printed": "X"})
    return g


def test_amounts_near_a_mention_are_summed_per_currency_and_counted_once():
    g = _group(("d1", 1, 100, 110), ("d1", 1, 150, 160), ("d2", 2, 0, 10))
    amounts = {("d1", 1): [(200, 210, "1000.00 MXN"), (5000, 5010, "7.00 MXN")],
               ("d2", 2): [(50, 60, "26620000.00 PYG"), (70, 80, "23.00 MXN")]}
    sums = near_totals(g.spans, amounts)
    assert sums == {"MXN": Decimal("1023.00"), "PYG": Decimal("26620000.00")}  # 7.00 is too far; 1000 once
    row = figures(g, {"d1": "2020-11-30", "d2": "2019-01-02"}, amounts)
    assert row["pages"] == 2 and row["documents"] == 2
    assert (row["first_date"], row["last_date"]) == ("2019-01-02", "2020-11-30")
    assert row["total"] == "26,620,000.00 PYG · 1,023.00 MXN"


def test_no_amount_no_total():
    assert totals_text([]) == "" and figures(_group(("d", 1, 0, 5)), {}, {})["totals"] == []


def _document(n: int, code: str, amount: str, date: str):
    from ingest import TEXT_LAYER, Document, Page
    from ingest.entities import Entity

    text = f"Licitación {code} por un monto de {amount}"
    ents = [Entity("bid", code, code.replace("-", ""), 11, 11 + len(code)),
            Entity("amount", amount, f"{amount.strip('$Gs. ').replace(',', '')} {'PYG' if 'Gs' in amount else 'MXN'}",
                   text.index(amount), len(text))]
    return Document(f"{n:064d}", f"doc{n}.pdf", f"Fallo {n}", "application/pdf", 10,
                    [Page(1, text, TEXT_LAYER, None, 612.0, 792.0, [], ents)], {"doc_date": date})


def test_an_index_follows_the_catalog_and_keeps_currencies_apart(empty_archive):
    from archive.entity_index import entity_index

    catalog = empty_archive.catalog
    for doc in (_document(1, "LA-IT01-2021", "$1,000.50", "2021-03-01"),):
        catalog.put_document(doc, original="")
        catalog.mark_indexed([doc.sha256])
    assert [r["total"] for r in entity_index(empty_archive, "bids")["rows"]] == ["1,000.50 MXN"]
    doc = _document(2, "LA-IT01-2021", "Gs. 26620000", "2019-01-02")
    catalog.put_document(doc, original="")
    catalog.mark_indexed([doc.sha256])
    row = entity_index(empty_archive, "bids")["rows"][0]  # the cached rows were rebuilt
    assert row["totals"] == [{"value": "26620000.00", "currency": "PYG"}, {"value": "1000.50", "currency": "MXN"}]
    assert (row["documents"], row["first_date"], row["last_date"]) == (2, "2019-01-02", "2021-03-01")
    assert entity_index(empty_archive, "bids", q="la it01")["total"] == 1
    assert entity_index(empty_archive, "bids", q="zz")["total"] == 0
