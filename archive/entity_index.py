"""Indexes of entities across the archive: vendors (one row per company), agencies, bids,
contracts, persons and amounts. Every row has the same columns: pages, documents, the amounts
printed near the entity totalled per currency (archive.entity_stats), and the first and last
date of its documents; every index filters by name and sorts by any column."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable

from expediente.errors import UsageError
from ingest.entities import fold, parse_amount_query

from .amount_index import amount_rows
from .entity_pages import own_connection
from .entity_scan import SCANNED, Tally, scan

if TYPE_CHECKING:
    from .archive import Archive

INDEX_KINDS = {"agencies": "agency", "bids": "bid", "contracts": "contract", "persons": "person", "amounts": "amount"}
SORTS = ("pages", "documents", "value", "amount", "total", "first_date", "last_date")
DESCENDING = ("pages", "documents", "amount", "total")
MAX_ROWS = 5000  # amounts browsed (their index is read from the catalog) and rows in a CSV export
PAGE_ROWS = 200  # rows on a page of an index
_CURRENCY = re.compile(r"[A-Z]{3}")
_NON_WORD = re.compile(r"[\W_]+")


def entity_index(archive: Archive, name: str, q: str = "", sort: str = "", offset: int = 0,
                 limit: int = PAGE_ROWS) -> dict[str, Any]:
    """One row per distinct value. Amounts come largest first, the others by pages unless `sort`
    says: a column name, or `total:PYG` for the total in one currency (`total` alone: MXN).
    `offset` and `limit` page through the rows (the amounts: through their first MAX_ROWS); the
    total columns are those of every row, so each page of an index has the same columns."""
    if name not in INDEX_KINDS:
        raise UsageError(f"no index of {name!r}: use one of {', '.join(INDEX_KINDS)}", "index_unknown",
                         name=repr(name)[:40], choices=", ".join(INDEX_KINDS))
    kind = INDEX_KINDS[name]
    sort = sort or ("amount" if kind == "amount" else "pages")
    key = _sort_key(sort)
    if kind == "amount":
        total, matching = _amounts(archive, q, sort)
    else:
        every = _scanned(archive)[kind]
        ordered = archive.index_cache.get(archive.catalog, f"{name} {sort}", lambda: sorted(every, key=key))
        matching = [r for r in ordered if _matches(q, r["value"], r["printed"])] if q.strip() else ordered
        total = len(matching)
    rows, paging = _page(archive, f"{name} {sort}", q, matching, offset, limit)
    return {"index": name, "kind": kind, "q": q, "sort": sort, "total": total, "browsable": len(matching),
            **paging, "rows": rows}


def vendor_table(archive: Archive, q: str = "", sort: str = "", offset: int = 0,
                 limit: int | None = PAGE_ROWS) -> dict[str, Any]:
    """The vendor index with the same columns: one row per company (its printed variants together),
    a page of `limit` rows from `offset` (None: every row, for the CSV)."""
    key = _sort_key(sort or "pages")
    resolution = archive.resolution()
    every = _scanned(archive)["vendors"]
    ordered = archive.index_cache.get(archive.catalog, f"vendors {sort}", lambda: sorted(every, key=key))
    wanted = {v.key for v in resolution.candidates(q)} if q.strip() else None
    matching = ordered if wanted is None else [r for r in ordered if r["key"] in wanted]
    rows, paging = _page(archive, f"vendors {sort}", q, matching, offset, limit)
    return {"vendors": rows, "agencies": sorted(resolution.agencies), "set_aside": sorted(resolution.fragments),
            "q": q, "sort": sort or "pages", "total": len(matching), **paging}


def _page(archive: Archive, view: str, q: str, matching: list[dict[str, Any]], offset: int,
          limit: int | None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A page of an index's rows (`limit` None: every row from `offset`), and its paging and
    total columns: those of every matching row, so each page has the same columns (unfiltered, a
    million pages' index has hundreds of thousands of rows: counted once per catalog change)."""
    end = len(matching) if limit is None else offset + limit
    columns = (currencies(matching) if q.strip() else
               archive.index_cache.get(archive.catalog, f"{view} currencies", lambda: currencies(matching)))
    return matching[offset:end], {"offset": offset, "limit": limit, "currencies": columns,
                                  "next_offset": end if end < len(matching) else None}


def _amounts(archive: Archive, q: str, sort: str) -> tuple[int, list[dict[str, Any]]]:
    """The amounts index from the catalog (archive.amount_index); unfiltered, once per catalog change.
    A typed amount ("1,023,123", "26.620.000", "$1,023,123.50") keeps the amounts of that value: of
    that whole number, or of exactly that value when cents are typed. Other letters and digits
    ("PYG") keep the amounts whose value holds them, punctuation aside, as `_matches` does."""
    typed = _NON_WORD.sub("", fold(q.strip()))
    if not typed:
        return archive.index_cache.get(archive.catalog, f"amounts {sort}",
                                       lambda: amount_rows(archive.views, MAX_ROWS, sort))
    if not typed.isascii() or not typed.isalnum():
        return 0, []  # an amount's value is ASCII digits, a point and a currency code
    value = parse_amount_query(q) if any(c.isdigit() for c in q) else None
    if value is None:
        return amount_rows(archive.views, MAX_ROWS, sort, typed)
    low = float(value)
    between = (low - 0.005, low + 0.005) if _CENTS.search(q) else (low, low + 1)
    return amount_rows(archive.views, MAX_ROWS, sort, between=between)


_CENTS = re.compile(r"\d[.,]\d{1,2}(?!\d)\D*$")  # "1,023,123.50", "1.023.123,5 M.N.": cents typed


def _scanned(archive: Archive) -> dict[str, list[dict[str, Any]]]:
    """Every row of the indexes but the amounts', by kind, and the vendors' rows ("vendors"), from
    one pass over the catalog (archive.entity_scan) per catalog change."""
    return archive.index_cache.get(archive.catalog, ":scanned", lambda: _scanned_rows(archive))


def _scanned_rows(archive: Archive) -> dict[str, list[dict[str, Any]]]:
    resolution = archive.resolution()
    with own_connection(archive.catalog) as apart:  # the scan holds it for a minute at a million pages
        tallies = scan(apart, {m.value: v.key for v in resolution.vendors for m in v.mentions})
    out: dict[str, list[dict[str, Any]]] = {kind: [] for kind in SCANNED}
    for (kind, value), tally in sorted(tallies.items()):
        if kind != "company":
            out[kind].append(_row(kind, value, tally))
    out["vendors"] = [{"key": v.key, "name": v.printed[0] if v.printed else v.name, "value": v.name, "rfcs": v.rfcs,
                       "values": v.values, **tallies.get(("company", v.key), Tally()).figures()}
                      for v in resolution.vendors]
    return out


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


def _row(kind: str, value: str, tally: Tally) -> dict[str, Any]:
    row: dict[str, Any] = {"value": value, "printed": max(tally.printed, key=tally.printed.__getitem__), **tally.figures()}
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
