"""The figures of an entity index row: pages, documents, first and last document date, and the
amounts printed near the entity, totalled per currency (archive.entity_scan counts them).

An entity's amounts are the amounts printed on its pages within `NEAR` characters of one of its
mentions (the rule the vendor page uses for "amounts next to it"): a bid's budget, a vendor's
award, a person's invoice. Each printed amount counts once for an entity however many of its
mentions are near it. Amounts are never added across currencies: one total per currency.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from .catalog import Catalog
from .organise import OWN_DATE

NEAR = 400  # characters, as archive.vendors.NEAR


def split_amount(value: str) -> tuple[Decimal, str]:
    """"1023123.00 MXN" -> (Decimal, "MXN"); a value without currency is MXN (older catalogs)."""
    number, _, currency = value.partition(" ")
    try:
        return Decimal(number), currency or "MXN"
    except InvalidOperation:
        return Decimal(0), currency or "MXN"


def plain_cents(value: str) -> int | None:
    """"1023123.5 MXN" -> 102312350, without Decimal (millions of values are read at a time); None
    for a value that is not digits with at most two decimals."""
    whole, _, fraction = value.partition(" ")[0].partition(".")
    if whole.isdigit() and len(fraction) <= 2 and (not fraction or fraction.isdigit()):
        return int(whole) * 100 + int((fraction + "00")[:2])
    return None


def totals_text(totals: list[dict[str, str]]) -> str:
    """"1,023,123.00 MXN · 26,620,000.00 PYG" (never one sum of two currencies)."""
    return " · ".join(f"{Decimal(t['value']):,.2f} {t['currency']}" for t in totals)


def own_dates(catalog: Catalog) -> dict[str, str]:
    """Each citable document's own date: the one a person set, else the one ingest read."""
    rows = catalog._rows(f"SELECT id, {OWN_DATE} AS d FROM documents WHERE status = 'indexed'")
    return {row["id"]: row["d"] for row in rows if row["d"]}
