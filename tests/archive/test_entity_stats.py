"""The figures of an entity index row: amounts near a mention, totalled per currency, never mixed."""

from __future__ import annotations

from decimal import Decimal

from collections import Counter, defaultdict

import pytest

from archive.entity_index import INDEX_KINDS, entity_index, vendor_table
from archive.entity_stats import NEAR, own_dates, split_amount, totals_text


def _naive(catalog, kind: str, values_of: dict[str, list[str]] | None = None) -> dict[str, dict]:
    """Each value's figures computed the plain way, every mention in memory (the definition the
    one-pass scan and the amounts' queries must meet); `values_of` groups values into companies."""
    rows = catalog._rows("SELECT e.* FROM entities e JOIN documents d ON d.id = e.document_id "
                         "WHERE d.status = 'indexed' ORDER BY e.rowid")
    dates = own_dates(catalog)
    amounts = defaultdict(list)
    for r in rows:
        if r["kind"] == "amount":
            amounts[(r["document_id"], r["page"])].append((r["start"], r["end"], r["value"]))
    owner = {v: name for name, vs in (values_of or {}).items() for v in vs}
    spans, printed = defaultdict(lambda: defaultdict(list)), defaultdict(Counter)
    for r in rows:
        if r["kind"] == kind and (values_of is None or r["value"] in owner):
            name = owner.get(r["value"], r["value"])
            spans[name][(r["document_id"], r["page"])].append((r["start"], r["end"]))
            printed[name][r["printed"]] += 1
    out = {}
    for name, where in spans.items():
        sums: dict[str, Decimal] = {}
        for page, mentions in where.items():
            for start, end, value in amounts[page]:
                if kind != "amount" and any(start - NEAR <= b and a <= end + NEAR for a, b in mentions):
                    number, currency = split_amount(value)
                    sums[currency] = sums.get(currency, Decimal(0)) + number
        if kind == "amount":
            number, currency = split_amount(name)
            sums = {currency: number}
        known = sorted(d for d in (dates.get(doc) for doc, _ in where) if d)
        totals = [{"value": f"{v:.2f}", "currency": c} for c, v in sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))]
        out[name] = {"pages": len(where), "documents": len({doc for doc, _ in where}), "totals": totals,
                     "total": totals_text(totals), "first_date": known[0] if known else None,
                     "last_date": known[-1] if known else None, "printed": printed[name].most_common(1)[0][0]}
    return out


FIGURES = ("pages", "documents", "totals", "total", "first_date", "last_date")


@pytest.mark.parametrize("name", list(INDEX_KINDS))
def test_every_index_row_has_the_figures_of_its_mentions(tantivy_samples, name):
    """The one-pass scan (and, for amounts, the catalog queries) give each value the figures the
    plain computation over every mention gives, in each order the index offers."""
    kind = INDEX_KINDS[name]
    expected = _naive(tantivy_samples.catalog, kind)
    assert expected, f"the samples print no {kind}"
    for sort in ("", "pages", "documents", "value", "first_date", "last_date", "total"):
        found = entity_index(tantivy_samples, name, sort=sort)
        assert found["total"] == len(expected)
        assert {r["value"]: {k: r[k] for k in (*FIGURES, "printed")} for r in found["rows"]} == expected
    if kind != "amount":
        pages = [r["pages"] for r in entity_index(tantivy_samples, name, sort="pages")["rows"]]
        assert pages == sorted(pages, reverse=True)


def test_a_company_row_counts_a_page_once_across_its_printed_names(empty_archive):
    """Two names of one company on one page: one page, and the amount near both counted once."""
    from ingest import TEXT_LAYER, Document, Page
    from ingest.entities import Entity

    def doc(n: int, text: str, names: list[tuple[str, str]], amount: str) -> Document:
        ents = [Entity("vendor", printed, value, text.index(printed), text.index(printed) + len(printed))
                for printed, value in names]
        ents.append(Entity("amount", amount, f"{amount.strip('$').replace(',', '')} MXN", text.index(amount),
                           text.index(amount) + len(amount)))
        return Document(f"{n:064d}", f"d{n}.pdf", f"Fallo {n}", "application/pdf", 10,
                        [Page(1, text, TEXT_LAYER, None, 612.0, 792.0, [], ents)], {"doc_date": f"202{n}-01-01"})

    both = doc(1, "Servicios Integrales Magavel, en adelante Integrales Magavel, por $1,000.00",
               [("Servicios Integrales Magavel", "servicios integrales magavel"), ("Integrales Magavel", "integrales magavel")],
               "$1,000.00")
    one = doc(2, "Integrales Magavel cobra $5.00", [("Integrales Magavel", "integrales magavel")], "$5.00")
    for d in (both, one):
        empty_archive.catalog.put_document(d, original="")
        empty_archive.catalog.mark_indexed([d.sha256])
    [row] = vendor_table(empty_archive)["vendors"]
    assert sorted(row["values"]) == ["integrales magavel", "servicios integrales magavel"]
    assert (row["pages"], row["documents"], row["total"]) == (2, 2, "1,005.00 MXN")
    assert (row["first_date"], row["last_date"]) == ("2021-01-01", "2022-01-01")


def test_amounts_largest_first_and_filtered_by_the_printed_figure(tantivy_samples):
    rows = entity_index(tantivy_samples, "amounts")["rows"]
    assert [Decimal(r["amount"]) for r in rows] == sorted((Decimal(r["amount"]) for r in rows), reverse=True)
    biggest = rows[0]
    typed = f"{Decimal(biggest['amount']):,.2f}"  # "1,023,123.00" finds "1023123.00 MXN"
    found = entity_index(tantivy_samples, "amounts", q=typed)
    assert biggest["value"] in {r["value"] for r in found["rows"]} and found["total"] == len(found["rows"]) >= 1
    pyg = entity_index(tantivy_samples, "amounts", sort="total:PYG")["rows"]
    currencies = [r["currency"] for r in pyg]
    assert currencies == sorted(currencies, key=lambda c: c != "PYG")  # PYG first, then the rest


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
    catalog.put_document(doc, original="")  # pending: not citable yet, so in no index
    assert [r["value"] for r in entity_index(empty_archive, "amounts")["rows"]] == ["1000.50 MXN"]
    assert entity_index(empty_archive, "amounts")["total"] == 1
    catalog.mark_indexed([doc.sha256])
    assert entity_index(empty_archive, "amounts")["total"] == 2
    row = entity_index(empty_archive, "bids")["rows"][0]  # the cached rows were rebuilt
    assert row["totals"] == [{"value": "26620000.00", "currency": "PYG"}, {"value": "1000.50", "currency": "MXN"}]
    assert (row["documents"], row["first_date"], row["last_date"]) == (2, "2019-01-02", "2021-03-01")
    assert entity_index(empty_archive, "bids", q="la it01")["total"] == 1
    assert entity_index(empty_archive, "bids", q="zz")["total"] == 0


def test_rows_stored_out_of_page_order_are_read_in_order(empty_archive):
    """A row written after another document's (never by put_document, but possible) sends the
    one-pass scan back to the sorted order, with the same figures."""
    from archive.entity_index import entity_index

    catalog = empty_archive.catalog
    for doc in (_document(1, "LA-IT01-2021", "$1,000.50", "2021-03-01"), _document(2, "LA-IT02-2021", "$7.00", "2021-04-01")):
        catalog.put_document(doc, original="")
        catalog.mark_indexed([doc.sha256])
    with catalog.transaction() as db:
        db.execute("INSERT INTO entities VALUES (?, 1, 'bid', 'LA-IT02-2021', 'LAIT022021', 0, 5)", (f"{1:064d}",))
    rows = {r["value"]: r for r in entity_index(empty_archive, "bids")["rows"]}
    assert (rows["LAIT022021"]["pages"], rows["LAIT022021"]["total"]) == (2, "1,007.50 MXN")
    assert rows == {r["value"]: r for r in entity_index(empty_archive, "bids", sort="value")["rows"]}


def test_a_typed_amount_keeps_the_amounts_of_that_value(tantivy_samples):
    """"1,023,123" keeps 1,023,123.xx in any currency, through the index of amounts by number;
    cents typed keep exactly that value; letters keep the amounts whose value holds them."""
    every = entity_index(tantivy_samples, "amounts")["rows"]
    found = entity_index(tantivy_samples, "amounts", q="1,023,123")
    assert found["rows"] and {r["value"] for r in found["rows"]} == {
        r["value"] for r in every if int(Decimal(r["amount"])) == 1023123}
    exact = entity_index(tantivy_samples, "amounts", q="$1,023,123.00 M.N.")["rows"]
    assert {r["value"] for r in exact} == {r["value"] for r in every if Decimal(r["amount"]) == Decimal("1023123.00")}
    mxn = entity_index(tantivy_samples, "amounts", q="MXN")
    assert mxn["total"] == len(mxn["rows"]) == sum(r["currency"] == "MXN" for r in every) >= 1


def test_an_index_page_or_every_row(tantivy_samples):
    from archive.entity_index import vendor_table

    every = vendor_table(tantivy_samples, limit=None)
    assert len(every["vendors"]) == every["total"] >= 3 and every["next_offset"] is None
    page = vendor_table(tantivy_samples, offset=1, limit=2)
    assert page["vendors"] == every["vendors"][1:3] and page["next_offset"] == 3
    assert page["currencies"] == every["currencies"]
