"""The search page's organisation: options from the address, numbered pages, filter chips.

Every link keeps the options (sort, grouping, exactness, date range) so the HTML page, its
JSON twin and the CSV export answer the same search.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Query

from archive.archive import SearchOptions
from archive.organise import SORTS
from search import MAX_WINDOW
from search.query import field_parts

_WINDOW = 4  # numbered pages shown on each side of the current one


def options_from(sort: str = "relevance", group: bool = False, exact: bool = False, date_from: str = "",
                 date_to: str = "") -> SearchOptions:
    return SearchOptions(sort=sort or "relevance", group=bool(group), exact=bool(exact),
                         date_from=(date_from or "").strip(), date_to=(date_to or "").strip())


def _options_query(
        sort: str = Query("relevance", description=f"one of {', '.join(SORTS)} (date: document date, newest first; "
                          "amount: largest amount on the page first; a leading - reverses)"),
        group: bool = Query(False, description="one hit per document, with its matching pages"),
        exact: bool = Query(False, description="words as typed: no singular/plural forms"),
        date_from: str = Query("", max_length=40, description="pages of documents dated from this day on (the "
                               "document's own date, docdate:; any form date: takes)"),
        date_to: str = Query("", max_length=40, description="pages of documents dated up to this day")) -> SearchOptions:
    return options_from(sort, group, exact, date_from, date_to)


Options = Annotated[SearchOptions, Depends(_options_query)]


def option_params(opts: SearchOptions) -> dict[str, str]:
    """The options that differ from the defaults, as address parameters."""
    out = {}
    if opts.sort != "relevance":
        out["sort"] = opts.sort
    if opts.group:
        out["group"] = "1"
    if opts.exact:
        out["exact"] = "1"
    if opts.date_from:
        out["date_from"] = opts.date_from
    if opts.date_to:
        out["date_to"] = opts.date_to
    return out


def search_url(q: str, opts: SearchOptions, offset: int = 0, path: str = "/", **changes: str) -> str:
    params = {"q": q, **option_params(opts)}
    for key, value in changes.items():
        if value:
            params[key] = value
        else:
            params.pop(key, None)
    if offset:
        params["offset"] = str(offset)
    return f"{path}?{urlencode(params)}"


def organise(data: dict[str, Any], q: str, opts: SearchOptions) -> None:
    """Add pagination, filter chips and the option links to a search page's data."""
    limit, offset = data["limit"], data["offset"]
    units = data.get("total_documents") if opts.group else data["total"]
    units = min(units or 0, MAX_WINDOW if not opts.group else units or 0)
    shown = len(data.get("hits", []))
    data["range"] = {"first": offset + 1 if shown else 0, "last": offset + shown, "of": units}
    data["pagination"] = _pages(q, opts, offset, limit, units)
    data["chips"] = chips(q, opts)
    data["option_params"] = option_params(opts)
    data["csv_url"] = search_url(q, opts, path="/export/search.csv")
    data["group_url"] = search_url(q, opts, group="" if opts.group else "1")


def _pages(q: str, opts: SearchOptions, offset: int, limit: int, units: int) -> dict[str, Any]:
    current, count = offset // limit, -(-units // limit)
    numbers = sorted({0, count - 1, *range(max(0, current - _WINDOW), min(count, current + _WINDOW + 1))} - {-1})
    return {
        "prev": search_url(q, opts, offset - limit) if offset > 0 else None,
        "next": search_url(q, opts, offset + limit) if offset + limit < units else None,
        "pages": [{"n": n + 1, "url": search_url(q, opts, n * limit), "current": n == current} for n in numbers],
    }


def chips(q: str, opts: SearchOptions) -> list[dict[str, str]]:
    """Each filter in force, with the address of the same search without it."""
    out = []
    for start, end, name, value in field_parts(q):
        rest = " ".join((q[:start] + q[end:]).split())
        out.append({"label": f"{name}: {value}", "url": search_url(rest, opts) if rest else "/"})
    if opts.date_from:
        out.append({"label": f"≥ {opts.date_from}", "url": search_url(q, opts, date_from="")})
    if opts.date_to:
        out.append({"label": f"≤ {opts.date_to}", "url": search_url(q, opts, date_to="")})
    if opts.exact:
        out.append({"label": "exact", "url": search_url(q, opts, exact="")})
    return out

