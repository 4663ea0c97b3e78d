"""Each page's data from one function: the HTML template and its JSON twin share it."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from expediente.errors import QuerySyntaxError
from archive import Archive
from archive.uploads import KINDS
from archive.archive import SearchOptions
from archive.entity_index import PAGE_ROWS
from search import Snippet

from .errors import message_in
from .links import page_url
from .search_view import organise

PAGE_SIZE = 20


def search_data(archive: Archive, q: str, offset: int = 0, limit: int = PAGE_SIZE,
                within: str | None = None, options: SearchOptions | None = None, raise_errors: bool = False,
                lang: str = "en") -> dict[str, Any]:
    """A search page's data; a malformed query is the page's `error` in `lang`, with its stable
    `error_code` (raised instead with `raise_errors`)."""
    opts = options or SearchOptions()
    data: dict[str, Any] = {"query": q, "offset": offset, "limit": limit, "total": 0, "hits": [], "facets": {},
                            "error": None, "within": within, "options": asdict(opts), "suggestions": []}
    if not q.strip():
        data["counts"] = archive.catalog.counts()
        return data
    try:
        results = archive.search(q, limit=limit, offset=offset, facets=True, within=within, options=opts)
    except QuerySyntaxError as exc:
        if raise_errors:
            raise
        data["error"], data["error_code"] = message_in(lang, exc), exc.detail_code
        return data
    data.update(results.to_dict())
    data["hit_objects"] = results.hits
    units = results.total_documents if opts.group else results.total
    data["next_offset"] = offset + limit if offset + limit < (units or 0) else None
    organise(data, q, opts)
    return data


def document_data(archive: Archive, doc_id: str, q: str = "", lang: str = "en") -> dict[str, Any]:
    """A document's metadata, pages and entities; with `q`, the search within it (its error in `lang`)."""
    doc = archive.document(doc_id)
    pages = archive.catalog.pages_summary(doc_id)
    entities = archive.catalog.entities(doc_id)
    data = {"document": doc, "pages": pages, "entities": _group_entities(entities), "kinds": KINDS}
    if q.strip():
        found = search_data(archive, q, limit=200, within=doc_id, lang=lang)
        data["search"] = {k: v for k, v in found.items() if k != "facets"}
    return data


def page_data(archive: Archive, doc_id: str, number: int, q: str, base_url: str) -> dict[str, Any]:
    doc = archive.document(doc_id)
    page = archive.page(doc_id, number)
    spans: list[tuple[int, int]] = []
    near: list[tuple[int, int]] = []
    if q.strip():
        try:
            spans, near = archive.page_spans(doc_id, number, page["text"], q)
        except QuerySyntaxError:
            spans = []
    entities = archive.catalog.entities(doc_id, number)
    words = page["words"]
    url = page_url(base_url, doc_id, number, q)
    passage = quoted_passage(page["text"], spans)
    return {
        "document": {k: doc[k] for k in ("id", "filename", "title", "page_count", "media_type")},
        "page": {"number": number, "method": page["method"], "confidence": page["confidence"],
                 "width": page["width"], "height": page["height"], "text": page["text"]},
        "query": q,
        "highlights": spans,
        "text_segments": Snippet(page["text"], sorted(spans + near)).segments(),
        "boxes": _boxes(words, spans, "hit") + _boxes(words, near, "approximate"),
        "approximate": [{"start": a, "end": b, "text": page["text"][a:b]} for a, b in near],
        "doubtful": [{"start": a, "end": b, "text": page["text"][a:b]} for a, b in page["doubtful"]],
        "doubtful_boxes": _boxes(words, [tuple(s) for s in page["doubtful"]], "doubtful"),
        "entities": [dict(e, boxes=_boxes(words, [(e["start"], e["end"])], e["kind"])) for e in entities],
        "prev": number - 1 if number > 1 else None,
        "next": number + 1 if number < doc["page_count"] else None,
        "citation": {
            "title": doc["title"], "filename": doc["filename"], "page": number, "page_count": doc["page_count"],
            "sha256": doc["id"], "url": url, "quote": passage,
            "original": f"/documents/{doc_id}/original#page={number}",
            "text": f"{doc['title']}. Archivo: {doc['filename']}, página {number} de {doc['page_count']}. "
                    + (f"«{passage}». " if passage else "") + f"SHA-256: {doc['id']}. {url}",
        },
    }


def quoted_passage(text: str, spans: list[tuple[int, int]], width: int = 240) -> str:
    """The line(s) around the first match, for the citation's quote ("" without a match)."""
    if not spans:
        return ""
    start, end = spans[0]
    lo = max(text.rfind("\n", 0, start) + 1, start - width // 2)
    hi = min(len(text) if text.find("\n", end) < 0 else text.find("\n", end), end + width // 2)
    return " ".join(text[lo:hi].split())


def _boxes(words: list[list[float]], spans: list[tuple[int, int]], kind: str) -> list[dict[str, Any]]:
    """Boxes (fractions of the page) of the words that overlap the spans."""
    out = []
    for start, end, x0, y0, x1, y1 in words:
        if any(start < b and a < end for a, b in spans):
            out.append({"kind": kind, "x0": x0, "y0": y0, "x1": x1, "y1": y1})
    return out


def _group_entities(entities: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Distinct values per kind, each with the pages where it is printed."""
    grouped: dict[str, dict[str, dict[str, Any]]] = {}
    for e in entities:
        slot = grouped.setdefault(e["kind"], {}).setdefault(e["value"], {"value": e["value"], "printed": e["printed"], "pages": []})
        if e["page"] not in slot["pages"]:
            slot["pages"].append(e["page"])
    return {kind: list(values.values()) for kind, values in grouped.items()}


def vendors_data(archive: Archive, q: str = "", sort: str = "", offset: int = 0,
                 limit: int | None = PAGE_ROWS) -> dict[str, Any]:
    """The vendor index (one row per company, archive.entity_index), a page of it (`limit` None:
    all of it, for the CSV); `q` keeps the vendors whose name holds it."""
    from archive.entity_index import vendor_table

    return vendor_table(archive, q, sort, offset, limit)


def case_data(archive: Archive, code: str, lang: str) -> dict[str, Any]:
    """One procurement: documents by date, amounts by role with citations, vendors, flags (in `lang`)."""
    from .i18n import with_flag_messages

    data = archive.case(code)
    return {**data, "flags": with_flag_messages(data["flags"], lang)}


def entity_index_data(archive: Archive, index: str, q: str = "", sort: str = "", offset: int = 0,
                      limit: int = PAGE_ROWS) -> dict[str, Any]:
    """/agencies, /bids, /contracts, /persons, /amounts: one row per value (archive.entity_index),
    a page of them at a time."""
    from archive.entity_index import entity_index

    return entity_index(archive, index, q, sort, offset, limit)
