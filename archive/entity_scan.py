"""The rows of every entity index but the amounts', built in one pass over the catalog's entities
(archive.entity_pages), keeping one running tally per value and per company, never the mentions
themselves: memory grows with the number of distinct values, not with the pages. At a million
pages it replaces reading every mention into memory (14.7 GB and 867 s before).

A tally's figures are those archive.entity_stats defines: pages, documents, the amounts printed
within NEAR characters of a mention (each counted once per value, totalled per currency), and
the first and last document date. The tests hold them to the plain computation over every mention.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from .catalog import Catalog
from .entity_pages import each_page
from .entity_stats import NEAR, own_dates, plain_cents, split_amount, totals_text

SCANNED = ("agency", "bid", "contract", "person", "vendor")
Key = tuple[str, str]  # (kind, value), or ("company", vendor key)


class Tally:
    """One value's (or one company's) running figures."""

    __slots__ = ("pages", "documents", "printed", "cents", "first", "last", "_doc")

    def __init__(self) -> None:
        self.pages = self.documents = 0
        self.printed: dict[str, int] = {}  # printed form -> mentions
        self.cents: dict[str, int] = {}
        self.first: str | None = None
        self.last: str | None = None
        self._doc = ""

    def page(self, doc_id: str, date: str | None, rows: list[tuple], near: Iterable[tuple[int, str]]) -> None:
        """Count one page: its mention rows (archive.entity_pages.Row) and the amounts near them."""
        self.pages += 1
        printed = self.printed
        for row in rows:
            printed[row[4]] = printed.get(row[4], 0) + 1
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

    def visit(tallies: dict[Key, Tally], doc_id: str, rows: list[tuple]) -> None:
        _count_page(tallies, doc_id, dates.get(doc_id), rows, company_of)

    return each_page(catalog, ("amount", *SCANNED), dict, visit)


def _count_page(tallies: dict[Key, Tally], doc_id: str, date: str | None, rows: list[tuple],
                company_of: dict[str, str]) -> None:
    amounts: list[tuple[int, int, str]] = []  # (start - NEAR, end + NEAR, value): the reach of each amount
    mentions: dict[Key, list[tuple]] = {}
    for row in rows:
        kind, value = row[2], row[3]
        if kind == "amount":
            amounts.append((row[5] - NEAR, row[6] + NEAR, value))
            continue
        mentions.setdefault((kind, value), []).append(row)
        if kind == "vendor" and value in company_of:
            mentions.setdefault(("company", company_of[value]), []).append(row)
    for key, found in mentions.items():
        if not amounts:
            near: list[tuple[int, str]] = []
        elif len(found) == 1:
            start, end = found[0][5], found[0][6]
            near = [_cents(v) for lo, hi, v in amounts if lo <= end and start <= hi]
        else:
            near = [_cents(v) for lo, hi, v in amounts if any(lo <= r[6] and r[5] <= hi for r in found)]
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = Tally()
        tally.page(doc_id, date, found, near)


def _cents(value: str) -> tuple[int, str]:
    """"1023123.50 MXN" -> (102312350, "MXN")."""
    cents = plain_cents(value)
    if cents is None:
        exact, currency = split_amount(value)
        return int(exact * 100), currency
    return cents, value.partition(" ")[2] or "MXN"
