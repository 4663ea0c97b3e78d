"""The amounts index, read from the catalog a page at a time: one row per distinct amount.

Nearly every amount an archive prints is printed once (a million pages print millions of them),
so this index is never held in memory. The default order, largest first, walks the catalog's
partial index of amounts by number (`entities_by_amount`) and stops after `MAX_ROWS` values;
another order, or a name filter, is one GROUP BY query with a LIMIT.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from .catalog import Catalog, amount_is
from .entity_stats import split_amount, totals_text
from .organise import OWN_DATE

_FROM = "FROM entities e JOIN documents d ON d.id = e.document_id WHERE e.kind = 'amount' AND d.status = 'indexed'"
_COMPACT = "lower(replace(replace(replace(e.value, '.', ''), ' ', ''), '-', ''))"  # as entity_index._matches
_TYPED = re.compile(r"[0-9a-z]*")
_ORDER = {"pages": "pages DESC", "documents": "documents DESC", "value": "e.value",
          "first_date": "first_date IS NULL, first_date", "last_date": "last_date IS NULL, last_date"}


def amount_rows(catalog: Catalog, limit: int, sort: str, typed: str = "",
                between: tuple[float, float] | None = None) -> tuple[int, list[dict[str, Any]]]:
    """(how many distinct amounts, the first `limit` rows in the order asked). A filter: `typed`,
    the letters and digits typed ("pyg"), keeps the amounts whose value without its punctuation
    ("26620000.00 PYG" -> "2662000000pyg") holds them (a scan of every amount); `between`, a
    number range [low, high), those it holds (through the index of amounts by number)."""
    column, _, currency = sort.partition(":")
    if not _TYPED.fullmatch(typed):
        raise ValueError(f"not letters and digits: {typed!r}")
    kept = f" AND {_COMPACT} LIKE '%{typed}%'" if typed else ""
    if between is not None:
        low, high = (float(x) for x in between)  # floats: safe to write into the SQL
        kept += f" AND CAST(e.value AS REAL) >= {low!r} AND CAST(e.value AS REAL) < {high!r}"
    by_number = f"entities e {catalog.indexed_by('entities_by_amount')}" if between is not None else "entities e"
    with catalog.lock:
        total = _count(catalog, kept, by_number)
        if column in _ORDER:
            values = [r[0] for r in catalog.db.execute(
                f"SELECT e.value, count(DISTINCT e.document_id || ':' || e.page) AS pages, "
                f"count(DISTINCT e.document_id) AS documents, min({OWN_DATE}) AS first_date, "
                f"max({OWN_DATE}) AS last_date {_FROM.replace('entities e', by_number)}{kept} GROUP BY CAST(e.value AS REAL), e.value "
                f"ORDER BY {_ORDER[column]}, e.value LIMIT ?", (limit,))]
            return total, [_row(catalog, v) for v in values]
        # amount, total, total:CUR: largest first (in CUR first, for total:CUR)
        return total, _largest(catalog, _FROM + kept, limit, currency or ("MXN" if column == "total" else ""))


def _count(catalog: Catalog, kept: str, table: str) -> int:
    """The distinct amounts of citable documents: those of every document, read from an index
    alone, less those printed only in documents not yet citable (an ingest's next commit)."""
    every = catalog.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE e.kind = 'amount'{kept} "
                               "GROUP BY CAST(e.value AS REAL), e.value)").fetchone()[0]  # in the index's order
    only_pending = catalog.db.execute(
        f"SELECT count(DISTINCT e.value) FROM documents p CROSS JOIN entities e ON e.document_id = p.id "
        f"WHERE p.status != 'indexed' AND e.kind = 'amount'{kept} AND NOT EXISTS (SELECT 1 FROM entities x JOIN "
        f"documents d ON d.id = x.document_id WHERE {amount_is('x', 'e.value')} AND d.status = 'indexed')"
    ).fetchone()[0]
    return every - only_pending


def _largest(catalog: Catalog, where: str, limit: int, currency: str) -> list[dict[str, Any]]:
    """The rows of the `limit` largest distinct amounts, walking the index by number (largest
    first), where each amount's mentions come together."""
    out: list[dict[str, Any]] = []
    passes = [(" AND e.value LIKE ?", (f"% {currency}",)), (" AND e.value NOT LIKE ?", (f"% {currency}",))] \
        if currency else [("", ())]
    by_number = where.replace("e JOIN", f"e {catalog.indexed_by('entities_by_amount')} JOIN")
    for extra, args in passes:
        rows = catalog.db.execute(f"SELECT e.rowid AS n, e.value, e.document_id, e.page, e.printed, {OWN_DATE} AS date "
                                  f"{by_number}{extra} "
                                  f"ORDER BY CAST(e.value AS REAL) DESC, e.value DESC", args)
        found: list[sqlite3.Row] = []
        for row in rows:
            if found and row["value"] != found[0]["value"]:
                out.append(_figures(found))
                found = []
                if len(out) == limit:
                    break
            found.append(row)
        rows.close()
        if found and len(out) < limit:
            out.append(_figures(found))
    return out


def _row(catalog: Catalog, value: str) -> dict[str, Any]:
    return _figures(catalog.db.execute(f"SELECT e.rowid AS n, e.value, e.document_id, e.page, e.printed, {OWN_DATE} AS date "
                                       f"{_FROM} AND {amount_is('e')}", (value, value)).fetchall())


def _figures(found: list[sqlite3.Row]) -> dict[str, Any]:
    """The figures of one amount from its mentions: pages, documents, dates, the form printed most."""
    value = found[0]["value"]
    printed: dict[str, int] = {}
    for r in sorted(found, key=lambda r: r["n"]):  # of forms printed as often, the first stored
        printed[r["printed"]] = printed.get(r["printed"], 0) + 1
    dates = sorted(r["date"] for r in found if r["date"])
    number, currency = split_amount(value)
    totals = [{"value": f"{number:.2f}", "currency": currency}]
    return {"value": value, "printed": max(printed, key=lambda p: printed[p]) if printed else value,
            "pages": len({(r["document_id"], r["page"]) for r in found}),
            "documents": len({r["document_id"] for r in found}), "totals": totals, "total": totals_text(totals),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "amount": f"{number:.2f}", "currency": currency}
