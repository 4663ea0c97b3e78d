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
_NON_WORD = re.compile(r"[\W_]+")


def entity_index(archive: Archive, name: str, q: str = "", sort: str = "") -> dict[str, Any]:
    """One row per distinct value. Amounts come largest first, the others by pages unless `sort`
    says: a column name, or `total:PYG` for the total in one currency (`total` alone: MXN)."""
    if name not in INDEX_KINDS:
        raise UsageError(f"no index of {name!r}: use one of {', '.join(INDEX_KINDS)}", "index_unknown",
                         name=repr(name)[:40], choices=", ".join(INDEX_KINDS))
    kind = INDEX_KINDS[name]
    key = _sort_key(sort or ("amount" if kind == "amount" else "pages"))
    every = archive.index_cache.get(archive.catalog, name, lambda: _value_rows(archive, kind))
    ordered = archive.index_cache.get(archive.catalog, f"{name} {sort}", lambda: sorted(every, key=key))
    rows = [r for r in ordered if _matches(q, r["value"], r["printed"])]
    return {"index": name, "kind": kind, "q": q, "sort": sort or ("amount" if kind == "amount" else "pages"),
            "total": len(rows), "currencies": currencies(rows), "rows": rows[:MAX_ROWS]}


def vendor_table(archive: Archive, q: str = "", sort: str = "") -> dict[str, Any]:
    """The vendor index with the same columns: one row per company (its printed variants together)."""
    key = _sort_key(sort or "pages")
    resolution = archive.resolution()
    every = archive.index_cache.get(archive.catalog, "vendors", lambda: _vendor_rows(archive))
    ordered = archive.index_cache.get(archive.catalog, f"vendors {sort}", lambda: sorted(every, key=key))
    wanted = {v.key for v in resolution.candidates(q)} if q.strip() else None
    rows = [r for r in ordered if wanted is None or r["key"] in wanted]
    return {"vendors": rows, "agencies": sorted(resolution.agencies), "set_aside": sorted(resolution.fragments),
            "q": q, "sort": sort or "pages", "currencies": currencies(rows)}


def _shared(archive: Archive) -> tuple[dict[str, str], Any]:
    """Document dates and each page's amounts, read once for every index of one catalog state."""
    cache, catalog = archive.index_cache, archive.views
    return (cache.get(catalog, ":dates", lambda: own_dates(catalog)),
            cache.get(catalog, ":amounts by page", lambda: amounts_by_page(catalog)))


def _value_rows(archive: Archive, kind: str) -> list[dict[str, Any]]:
    dates, amounts = _shared(archive)
    amounts = None if kind == "amount" else amounts
    return [_row(kind, value, g, dates, amounts) for value, g in group_mentions(archive.views, kind).items()]


def _vendor_rows(archive: Archive) -> list[dict[str, Any]]:
    mentions = group_mentions(archive.views, "vendor")
    dates, amounts = _shared(archive)
    rows = []
    for v in archive.resolution().vendors:
        group = Group()
        for value in v.values:
            for where, spans in mentions.get(value, Group()).spans.items():
                group.spans[where] += spans
        rows.append({"key": v.key, "name": v.printed[0] if v.printed else v.name, "value": v.name, "rfcs": v.rfcs,
                     "values": v.values, **figures(group, dates, amounts)})
    return rows


def _matches(q: str, value: str, printed: str) -> bool:
    """The name filter: the words typed inside the value or its printed form, punctuation aside
    (`ea-it20` finds EAIT202020)."""
    needle = fold(q.strip())
    if not needle:
        return True
    compact = _NON_WORD.sub("", needle)
    return any(needle in fold(x) or (compact and compact in _NON_WORD.sub("", fold(x))) for x in (value, printed))


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
        raise UsageError(f"sort must be one of {', '.join(SORTS)} (or total:CUR, e.g. total:PYG)", "index_bad_sort",
                         choices=", ".join(SORTS))
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
