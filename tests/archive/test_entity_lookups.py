"""Entities found by value through an index: codes and names through (kind, value), amounts
through the index of amounts by number (the (kind, value) index leaves amounts out: at a million
pages their random inserts were the largest cost of an ingest), and the answers equal a scan's."""

from __future__ import annotations

import sqlite3

from archive import amount_index, suggest
from archive.catalog import Catalog


def _traced(catalog: Catalog) -> list[str]:
    """The statements the catalog runs from now on, with their arguments written in."""
    seen: list[str] = []
    catalog.db.set_trace_callback(seen.append)
    return seen


def _plans(db: sqlite3.Connection, statements: list[str]) -> list[str]:
    out = []
    for sql in statements:
        if " entities" in sql and sql.lstrip().upper().startswith("SELECT"):
            out += [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql)]
    return out


def _scanned(plans: list[str]) -> list[str]:
    """The steps that read every entity, or every entity of a kind, rather than search an index."""
    return [p for p in plans if p.startswith("SCAN e") or p.startswith("SCAN entities") or p.startswith("SCAN x")]


def test_codes_and_amounts_are_found_by_value_through_an_index(tantivy_samples):
    catalog = tantivy_samples.catalog
    every = [dict(r) for r in catalog.db.execute(
        "SELECT e.* FROM entities e NOT INDEXED JOIN documents d ON d.id = e.document_id WHERE d.status = 'indexed'")]
    codes = sorted({e["value"] for e in every if e["kind"] in ("bid", "contract")})[:3]
    amounts = sorted({e["value"] for e in every if e["kind"] == "amount"})[:3]
    assert codes and amounts
    seen = _traced(catalog)
    for kinds, values in ((("bid", "contract"), codes), (("amount",), amounts), (("amount", "bid"), amounts + codes),
                          (("bid", "contract"), codes[:1]), (("amount",), amounts[:1])):
        found = catalog.entities_valued(kinds, values)
        want = sorted((e for e in every if e["kind"] in kinds and e["value"] in values),
                      key=lambda e: (e["document_id"], e["page"], e["start"]))
        assert [(e["document_id"], e["page"], e["start"]) for e in found] == \
            [(e["document_id"], e["page"], e["start"]) for e in want] and want
    catalog.db.set_trace_callback(None)
    for sql in seen:
        plans = _plans(catalog.db, [sql])
        assert _scanned(plans) == []
        if "e.kind IN (" in sql:
            assert "SEARCH e USING INDEX entities_by_kind (kind=? AND value=?)" in plans, sql
        elif "e.kind = 'amount'" in sql:
            assert "SEARCH e USING INDEX entities_by_amount (<expr>=?)" in plans, sql


def test_the_amounts_index_counts_and_finds_each_amount_through_the_index(tantivy_samples):
    catalog = tantivy_samples.catalog
    distinct = {r[0] for r in catalog.db.execute(
        "SELECT e.value FROM entities e NOT INDEXED JOIN documents d ON d.id = e.document_id "
        "WHERE e.kind = 'amount' AND d.status = 'indexed'")}
    seen = _traced(catalog)
    total, rows = amount_index.amount_rows(catalog, 500, "pages")
    catalog.db.set_trace_callback(None)
    assert total == len(distinct) and {r["value"] for r in rows} <= distinct and len(rows) == min(500, total)
    for row in rows[:5]:  # each row's figures are those of its mentions
        mentions = catalog.entities_valued(("amount",), [row["value"]])
        assert row["pages"] == len({(m["document_id"], m["page"]) for m in mentions})
    counting = [sql for sql in seen if "SELECT count(*) FROM (SELECT 1" in sql]  # every amount: a walk of the index
    assert len(counting) == 1 and _plans(catalog.db, counting) == ["CO-ROUTINE (subquery-1)",
                                                                   "SCAN e USING INDEX entities_by_amount", "SCAN (subquery-1)"]
    assert _scanned(_plans(catalog.db, [sql for sql in seen if sql not in counting])) == []
    one_each = [sql for sql in seen if "CAST(e.value AS REAL) = CAST(" in sql]
    assert len(one_each) == len(rows)  # one amount's mentions: found by its number, not by walking documents
    assert all("SEARCH e USING INDEX entities_by_amount (<expr>=?)" in _plans(catalog.db, [sql]) for sql in one_each)


def test_an_older_catalog_loses_the_index_of_every_value(tmp_path):
    path = tmp_path / "catalog.sqlite"
    Catalog(path).close()
    db = sqlite3.connect(path)
    db.execute("DROP INDEX entities_by_kind")
    db.execute("CREATE INDEX entities_by_value ON entities (kind, value)")
    db.close()
    catalog = Catalog(path)
    try:
        names = {r[0] for r in catalog.db.execute("SELECT name FROM sqlite_schema WHERE tbl_name = 'entities'")}
        assert "entities_by_value" not in names and "entities_by_kind" in names
    finally:
        catalog.close()


def test_an_amount_too_large_for_an_integer_gets_no_suggestion_and_no_error(tantivy_samples):
    """The amounts one typo away are looked up by number: a 25-digit amount is a float there, not
    an integer SQLite refuses."""
    assert suggest.nearest_amounts(tantivy_samples, 10 ** 27) == []
    printed = tantivy_samples.catalog.db.execute("SELECT value FROM entities WHERE kind = 'amount' LIMIT 1").fetchone()[0]
    cents = round(float(printed.split()[0]) * 100)
    near = suggest.nearest_amounts(tantivy_samples, cents + 100)  # one unit off: the printed one is suggested
    assert printed.split()[0] in {n["value"] for n in near}, near
