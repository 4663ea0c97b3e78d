"""Indexes of entities across the archive: agencies, bids, contracts, persons and amounts, each
value with its pages, documents and the first and last date of those documents."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from expediente.errors import UsageError
from ingest.entities import fold

if TYPE_CHECKING:
    from .archive import Archive

INDEX_KINDS = {"agencies": "agency", "bids": "bid", "contracts": "contract", "persons": "person", "amounts": "amount"}
SORTS = ("pages", "documents", "value", "first_date", "last_date")
MAX_ROWS = 5000


def entity_index(archive: Archive, name: str, q: str = "", sort: str = "") -> dict[str, Any]:
    """One row per distinct value: printed forms, pages, documents, first and last document date.
    Amounts come largest first, each with its currency; the others by pages unless `sort` says."""
    if name not in INDEX_KINDS:
        raise UsageError(f"no index of {name!r}: use one of {', '.join(INDEX_KINDS)}")
    if sort and sort not in SORTS:
        raise UsageError(f"sort must be one of {', '.join(SORTS)}")
    kind = INDEX_KINDS[name]
    dates = own_dates(archive)
    groups: dict[str, dict[str, Any]] = defaultdict(lambda: {"printed": Counter(), "pages": set(), "documents": set()})
    for e in archive.catalog.entities_of((kind,)):
        g = groups[e["value"]]
        g["printed"][e["printed"]] += 1
        g["pages"].add((e["document_id"], e["page"]))
        g["documents"].add(e["document_id"])
    needle = fold(q.strip())
    rows = [_row(kind, value, g, dates) for value, g in groups.items() if not needle or needle in fold(value)
            or any(needle in fold(p) for p in g["printed"])]
    if kind == "amount" and not sort:
        rows.sort(key=lambda r: (-_number(r["amount"]), r["currency"]))
    else:
        key = sort or "pages"
        rows.sort(key=lambda r: (r[key] is None, r[key] or ""), reverse=key in ("pages", "documents"))
    return {"index": name, "kind": kind, "q": q, "sort": sort or ("amount" if kind == "amount" else "pages"),
            "total": len(rows), "rows": rows[:MAX_ROWS]}


def _row(kind: str, value: str, g: dict[str, Any], dates: dict[str, str]) -> dict[str, Any]:
    known = sorted(d for d in (dates.get(doc) for doc in g["documents"]) if d)
    row = {"value": value, "printed": g["printed"].most_common(1)[0][0], "pages": len(g["pages"]),
           "documents": len(g["documents"]), "first_date": known[0] if known else None,
           "last_date": known[-1] if known else None}
    if kind == "amount":
        number, _, currency = value.partition(" ")
        row.update(amount=number, currency=currency or "MXN")
    if kind in ("bid", "contract"):
        row["case"] = f"/cases/{value}"
    return row


def _number(value: str) -> Decimal:
    try:
        return Decimal(value)
    except InvalidOperation:
        return Decimal(0)


def own_dates(archive: Archive) -> dict[str, str]:
    """Each citable document's own date: the one a person set, else the one ingest read."""
    out = {}
    for row in archive.catalog._rows("SELECT id, doc_date, metadata FROM documents WHERE status = 'indexed'"):
        date = row["doc_date"] or json.loads(row["metadata"]).get("doc_date")
        if date:
            out[row["id"]] = date
    return out
