"""The rows of every entity index but the amounts', built in one pass over the catalog's entities.

The pass reads the entities table in its stored order, where each document's rows are together
and its pages in order (`Catalog.put_document` is the only writer, one document at a time), and
keeps one running tally per value and per company, never the mentions themselves: its memory
grows with the number of distinct values, not with the pages. At a million pages it replaces
reading every mention into memory (14.7 GB and 867 s before) with one scan.

A tally's figures are the ones `entity_stats.figures` defines (pages, documents, the amounts
printed within NEAR characters of a mention, each counted once per value, totalled per currency,
and the first and last document date); the tests hold the two to the same rows.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any, Iterable, Iterator

from .catalog import Catalog
from .entity_stats import NEAR, own_dates, split_amount, totals_text

SCANNED = ("agency", "bid", "contract", "person", "vendor")
Key = tuple[str, str]  # (kind, value), or ("company", vendor key)


class Tally:
    """One value's (or one company's) running figures."""

    __slots__ = ("pages", "documents", "printed", "cents", "first", "last", "_doc")

    def __init__(self) -> None:
        self.pages = self.documents = 0
        self.printed: Counter = Counter()
        self.cents: dict[str, int] = {}
        self.first: str | None = None
        self.last: str | None = None
        self._doc = ""

    def page(self, doc_id: str, date: str | None, printed: list[str], near: Iterable[tuple[int, str]]) -> None:
        self.pages += 1
        self.printed.update(printed)
        for cents, currency in near:
            self.cents[currency] = self.cents.get(currency, 0) + cents
        if doc_id != self._doc:
            self._doc, self.documents = doc_id, self.documents + 1
            if date:
                self.first = date if self.first is None or date < self.first else self.first
                self.last = date if self.last is None or date > self.last else self.last

    def figures(self) -> dict[str, Any]:
        ordered = sorted(self.cents.items(), key=lambda kv: (-kv[1], kv[0]))
        totals = [{"value": f"{Decimal(c).scaleb(-2):.2f}", "currency": cur} for cur, c in ordered]
        return {"pages": self.pages, "documents": self.documents, "totals": totals, "total": totals_text(totals),
                "first_date": self.first, "last_date": self.last}


def scan(catalog: Catalog, company_of: dict[str, str]) -> dict[Key, Tally]:
    """A tally per (kind, value) of the SCANNED kinds, and per ("company", key) for the vendor
    values `company_of` maps to a company, over the citable documents."""
    dates = own_dates(catalog)
    with catalog.lock:
        indexed = {r[0] for r in catalog.db.execute("SELECT id FROM documents WHERE status = 'indexed'")}
        for order in ("NOT INDEXED", "ORDER BY document_id, page"):  # stored order; sorted if it is not by page
            tallies: dict[Key, Tally] = {}
            sql = f"SELECT document_id, page, kind, value, printed, start, end FROM entities {_KINDS}"
            rows = catalog.db.execute(sql.replace("entities", "entities NOT INDEXED") if order == "NOT INDEXED"
                                      else f"{sql} {order}")
            try:
                for doc_id, page, found in _pages(rows, indexed):
                    _count_page(tallies, doc_id, dates.get(doc_id), found, company_of)
                return tallies
            except _OutOfOrder:
                rows.close()
    raise AssertionError("unreachable: a sorted scan is in order")


_KINDS = "WHERE kind IN ('amount', 'agency', 'bid', 'contract', 'person', 'vendor')"


class _OutOfOrder(Exception):
    """A page's rows are not together in the stored order."""


def _pages(rows: Iterable[tuple], indexed: set[str]) -> Iterator[tuple[str, int, list[tuple]]]:
    """(document, page, its rows) for each page of a citable document, from rows stored
    document by document, pages in order (else _OutOfOrder)."""
    key: tuple[str, int] | None = None
    done: set[str] = set()  # documents passed
    found: list[tuple] = []
    for row in rows:
        if row[0] not in indexed:
            continue
        if (row[0], row[1]) != key:
            if key is not None:
                yield key[0], key[1], found
                if row[0] != key[0]:
                    done.add(key[0])
                elif row[1] < key[1]:
                    raise _OutOfOrder(key)
            if row[0] in done:
                raise _OutOfOrder(row[0])
            key, found = (row[0], row[1]), []
        found.append(row)
    if key is not None:
        yield key[0], key[1], found


def _count_page(tallies: dict[Key, Tally], doc_id: str, date: str | None, rows: list[tuple],
                company_of: dict[str, str]) -> None:
    amounts = [(start, end, _cents(value)) for _d, _p, kind, value, _pr, start, end in rows if kind == "amount"]
    spans: dict[Key, list[tuple[int, int]]] = {}
    printed: dict[Key, list[str]] = {}
    for _d, _p, kind, value, shown, start, end in rows:
        if kind == "amount":
            continue
        keys: tuple[Key, ...] = ((kind, value),)
        if kind == "vendor" and value in company_of:
            keys += (("company", company_of[value]),)
        for key in keys:
            spans.setdefault(key, []).append((start, end))
            printed.setdefault(key, []).append(shown)
    for key, mentions in spans.items():
        near = [cents for a, b, cents in amounts if any(a - NEAR <= e and s <= b + NEAR for s, e in mentions)]
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = Tally()
        tally.page(doc_id, date, printed[key], near)


def _cents(value: str) -> tuple[int, str]:
    number, currency = split_amount(value)
    return int(number * 100), currency
