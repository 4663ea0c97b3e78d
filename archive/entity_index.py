"""Indexes of entities across the archive: vendors (one row per company), agencies, bids,
contracts, persons and amounts. Every row has the same columns: pages, documents, the amounts
printed near the entity totalled per currency (archive.entity_stats), and the first and last
date of its documents; every index filters by name and sorts by any column."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable

from expediente.errors import UsageError
from ingest.entities import fold

from .entity_stats import Group, amounts_by_page, figures, group_mentions, own_dates, split_amount, totals_text

if TYPE_CHECKING:
    from .archive import Archive

INDEX_KINDS = {"agencies": "agency", "bids": "bid", "contracts": "contract", "persons": "person", "amounts": "amount"}
SORTS = ("pages", "documents", "value", "amount", "total", "first_date", "last_date")
DESCENDING = ("pages", "documents", "amount", "total")
MAX_ROWS = 5000
_CURRENCY = re.compile(r"[A-Z]{3}")


def entity_index(archive: Archive, name: str, q: str = "", sort: str = "") -> dict[str, Any]:
    """One row per distinct value. Amounts come largest first, the others by pages unless `sort`
    says: a column name, or `total:PYG` for the total in one currency (`total` alone: MXN)."""
    if name not in INDEX_KINDS:
        raise UsageError(f"no index of {name!r}: use one of {', '.join(INDEX_KINDS)}")
    kind = INDEX_KINDS[name]
    key = _sort_key(sort or ("amount" if kind == "amount" else "pages"))
    dates = own_dates(archive.catalog)
    amounts = None if kind == "amount" else amounts_by_page(archive.catalog)
    needle = fold(q.strip())
    rows = [_row(kind, value, g, dates, amounts) for value, g in group_mentions(archive.catalog, kind).items()
            if not needle or needle in fold(value) or any(needle in fold(p) for p in g.printed)]
    rows.sort(key=key)
    return {"index": name, "kind": kind, "q": q, "sort": sort or ("amount" if kind == "amount" else "pages"),
            "total": len(rows), "currencies": currencies(rows), "rows": rows[:MAX_ROWS]}


def vendor_table(archive: Archive, q: str = "", sort: str = "") -> dict[str, Any]:
    """The vendor index with the same columns: one row per company (its printed variants together)."""
    key = _sort_key(sort or "pages")
    resolution = archive.resolution()
    vendors = resolution.candidates(q) if q.strip() else resolution.vendors
    mentions = group_mentions(archive.catalog, "vendor")
    dates, amounts = own_dates(archive.catalog), amounts_by_page(archive.catalog)
    rows = []
    for v in vendors:
        group = Group()
        for value in v.values:
            for where, spans in mentions.get(value, Group()).spans.items():
                group.spans[where] += spans
        rows.append({"key": v.key, "name": v.printed[0] if v.printed else v.name, "value": v.name, "rfcs": v.rfcs,
                     "values": v.values, **figures(group, dates, amounts)})
    rows.sort(key=key)
    return {"vendors": rows, "agencies": sorted(resolution.agencies), "set_aside": sorted(resolution.fragments),
            "q": q, "sort": sort or "pages", "currencies": currencies(rows)}


def currencies(rows: list[dict[str, Any]]) -> list[str]:
    """The currencies of the rows' totals, the most frequent first (the CSV's total columns)."""
    seen: dict[str, int] = {}
    for r in rows:
        for t in r["totals"]:
            seen[t["currency"]] = seen.get(t["currency"], 0) + 1
    return sorted(seen, key=lambda c: (-seen[c], c))


def _row(kind: str, value: str, g: Group, dates: dict[str, str], amounts: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"value": value, "printed": g.printed.most_common(1)[0][0], **figures(g, dates, amounts)}
    if kind == "amount":  # an amount's total is itself, in its own currency
        number, currency = split_amount(value)
        row.update(amount=f"{number:.2f}", currency=currency, totals=[{"value": f"{number:.2f}", "currency": currency}])
        row["total"] = totals_text(row["totals"])
    if kind in ("bid", "contract"):
        row["case"] = f"/cases/{value}"
    return row


def _sort_key(sort: str) -> Callable[[dict[str, Any]], Any]:
    """A key for list.sort: numbers largest first, names and dates in order, empty cells last."""
    column, _, currency = sort.partition(":")
    if column not in SORTS or (currency and (column != "total" or not _CURRENCY.fullmatch(currency))):
        raise UsageError(f"sort must be one of {', '.join(SORTS)} (or total:CUR, e.g. total:PYG)")
    if column == "total":
        wanted = currency or "MXN"
        return lambda r: _missing_last(next((Decimal(t["value"]) for t in r["totals"] if t["currency"] == wanted), None),
                                       True)
    if column == "amount":
        return lambda r: _missing_last(Decimal(r["amount"]) if "amount" in r else None, True)
    if column == "value":
        return lambda r: (fold(r.get("name") or r["printed"]), r["value"])
    return lambda r: _missing_last(r[column], column in DESCENDING)


def _missing_last(v: Any, descending: bool) -> tuple[bool, Any]:
    if v is None:
        return True, 0 if descending else ""
    return False, -v if descending else v
