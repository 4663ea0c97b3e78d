"""Vendors as companies: the resolution of every vendor mention in the catalog, the vendor
index, and one vendor's page (every page naming it, its RFCs, the amounts printed next to it,
its bids), never fewer pages than a plain search for its name finds."""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, Any, Callable

from expediente.errors import NotFound
from ingest.entities import Entity, link_vendor_rfcs
from ingest.entities import Mention, Resolution, Vendor, resolve_vendors

from search import And, FieldFilter, Node, Not, Or, parse

from .catalog import Catalog
from .entity_pages import each_page

if TYPE_CHECKING:
    from .archive import Archive

NEAR = 400  # characters: an amount this close to a vendor mention is "next to it"
NAME_SEARCH_LIMIT = 1000
PROFILE_PAGES = 2000  # a vendor on more pages has the RFCs, amounts and bids of its first 2,000 shown
DOCUMENTS_SHOWN = 200  # and its first 200 documents listed (a search for it lists them all)


def _owner(amount: dict[str, Any], vendors: list[dict[str, Any]], text: str) -> str | None:
    """The vendor an amount is printed next to: the closest mention, one on the same line
    first (a table row of bidders gives each its own amount)."""
    start, end = amount["start"], amount["end"]

    def gap(v: dict[str, Any]) -> tuple[bool, int]:
        if v["end"] <= start:  # the vendor before the amount
            a, b = v["end"], start
        else:  # the vendor after it
            a, b = min(end, v["start"]), max(end, v["start"])
        return text.find("\n", a, b) >= 0, b - a

    closest = min(vendors, key=gap, default=None)  # the first of equals, as a stable sort's first
    if closest is None or gap(closest)[1] > NEAR:
        return None
    return closest["value"]


def vendor_mentions(catalog: Catalog) -> list[Mention]:
    """Every vendor mention in the archive, with the RFC printed right after it, in the order of
    document, page and place on the page. Read in one pass (archive.entity_pages); the strings a
    million mentions repeat (document ids, values, printed forms) are kept once each."""
    same: dict[str, str] = {}

    def visit(mentions: list[Mention], doc_id: str, rows: list[tuple]) -> None:
        page, rows = rows[0][1], sorted(rows, key=lambda r: r[5])
        rfc_of: dict[str, str] = {}
        if any(r[2] == "rfc" for r in rows) and any(r[2] == "vendor" for r in rows):
            text = catalog.page_texts([(doc_id, page)]).get((doc_id, page))
            if text is not None:
                rfc_of = dict(link_vendor_rfcs(text, [Entity(kind, printed, value, start, end)
                                                      for _d, _p, kind, value, printed, start, end in rows]))
        doc_id = same.setdefault(doc_id, doc_id)
        for _d, _p, kind, value, printed, _s, _e in rows:
            if kind == "vendor":
                mentions.append(Mention(same.setdefault(value, value), same.setdefault(printed, printed), doc_id, page,
                                        rfc_of.get(value)))

    mentions = each_page(catalog, ("vendor", "rfc"), list, visit)
    mentions.sort(key=lambda m: m.document_id)  # stable: pages and places stay in order
    return mentions


def resolve_archive(catalog: Catalog) -> Resolution:
    return resolve_vendors(vendor_mentions(catalog))


def vendor_summary(v: Vendor) -> dict[str, Any]:
    """One row of the vendor index (and of `expediente vendors --json`)."""
    return {"key": v.key, "name": v.printed[0] if v.printed else v.name, "normalised": v.name, "rfcs": v.rfcs,
            "values": v.values, "documents": len(v.documents), "pages": v.page_count}


def vendor_index(resolution: Resolution) -> dict[str, Any]:
    return {"vendors": [vendor_summary(v) for v in resolution.vendors],
            "agencies": sorted(resolution.agencies), "set_aside": sorted(resolution.fragments)}


def name_search_pages(archive: Archive, vendor: Vendor) -> set[tuple[str, int]]:
    """Pages a plain search for the vendor's name finds (the phrase, accents and case aside)."""
    found = archive.engine.search(parse(f'"{vendor.name}"'), limit=NAME_SEARCH_LIMIT, offset=0, facets=False)
    return {(h.document_id, h.page) for h in found.hits}


def vendor_profile(archive: Archive, resolution: Resolution, name: str) -> dict[str, Any]:
    """One vendor's page; for a partial name (`magavel`) the vendors it may mean, as `candidates`."""
    vendor = resolution.find(name)
    if vendor is None:
        candidates = resolution.candidates(name)
        if not candidates:
            raise NotFound(f"no vendor {name!r} in the archive: see /vendors for the list", "vendor_not_found",
                           name=name[:80])
        return {"query": name, "candidates": [vendor_summary(v) for v in candidates]}
    catalog = archive.catalog
    by_name = name_search_pages(archive, vendor)
    walk, mentioned, coverage, documents_total = _profile_pages(vendor, by_name)
    documents: dict[str, dict[str, Any]] = {}
    known: dict[str, dict[str, Any] | None] = {}
    read: list[dict[str, Any]] = []  # the first PROFILE_PAGES pages, whose entities are read
    for n, (doc_id, page) in enumerate(walk):
        listed = doc_id in documents or len(documents) < DOCUMENTS_SHOWN
        if not listed and n >= PROFILE_PAGES:
            break  # in document order: no later page is listed or read
        doc = known[doc_id] if doc_id in known else known.setdefault(doc_id, catalog.document(doc_id))
        if doc is None:
            continue
        where = {"document_id": doc_id, "filename": doc["filename"], "title": doc["title"], "page": page}
        if listed:
            entry = documents.setdefault(doc_id, {**where, "pages": [], "name_only": [], "mention_only": []})
            entry["pages"].append(page)
            if (doc_id, page) not in mentioned:
                entry["name_only"].append(page)
            elif (doc_id, page) not in by_name:
                entry["mention_only"].append(page)
        if n < PROFILE_PAGES:
            read.append(where)  # listed or not: its RFCs, amounts and bids are those of the first pages
    rfcs, amounts, bids = _page_facts(catalog, vendor, read)
    return {
        "vendor": vendor.name, "key": vendor.key, "names": vendor.printed, "values": vendor.values,
        "documents": list(documents.values()), "documents_total": documents_total,
        "coverage": {**coverage, "read": min(coverage["pages"], PROFILE_PAGES)},
        "rfcs": [{"rfc": r, "pages": p} for r, p in rfcs.items()],
        "amounts": amounts, "bids": list(bids.values()),
    }


def _profile_pages(vendor: Vendor, by_name: set[tuple[str, int]]) -> tuple[list[tuple[str, int]], set[tuple[str, int]],
                                                                           dict[str, int], int]:
    """The pages a vendor's profile walks, in document order: those naming it or found by a
    search for its name, as far as the profile goes (every page of its first DOCUMENTS_SHOWN
    documents, and its first PROFILE_PAGES pages); those of them that name it; the coverage
    counts; how many documents there are in all. A vendor on hundreds of thousands of pages is
    not sorted whole: its first documents are picked first, and only their pages sorted."""
    name_docs = {doc_id for doc_id, _ in by_name}
    docs = {m.document_id for m in vendor.mentions} | name_docs
    first = heapq.nsmallest(DOCUMENTS_SHOWN, docs)
    last = first[-1] if first else ""
    mentioned = {(m.document_id, m.page) for m in vendor.mentions if m.document_id <= last}
    walk = sorted(mentioned | {p for p in by_name if p[0] <= last})
    if len(walk) < PROFILE_PAGES and len(docs) > len(first):  # few pages there: read on, page by page
        mentioned = {(m.document_id, m.page) for m in vendor.mentions}
        walk = heapq.nsmallest(PROFILE_PAGES, mentioned | by_name)
    both = by_name & {(m.document_id, m.page) for m in vendor.mentions if m.document_id in name_docs}
    coverage = {"pages": vendor.page_count + len(by_name) - len(both), "mentioned": vendor.page_count,
                "name_search": len(by_name), "name_only": len(by_name) - len(both),
                "mention_only": vendor.page_count - len(both)}
    return walk, mentioned, coverage, len(docs)


_FACT_KINDS = ("vendor", "rfc", "agency", "amount", "bid")  # what a vendor's page reads of its pages' entities


def _page_facts(catalog: Catalog, vendor: Vendor, pages: list[dict[str, Any]]) -> tuple[dict, list, dict]:
    """The vendor's RFCs, the amounts printed next to it and the bids on these pages. Entities
    are read a document at a time; a page's text only when an amount or a company RFC needs it."""
    values = set(vendor.values)
    rfcs: dict[str, list[dict]] = {}
    amounts: list[dict[str, Any]] = []
    bids: dict[str, dict[str, Any]] = {}
    on_page = catalog.entities_on_pages([(w["document_id"], w["page"]) for w in pages], _FACT_KINDS)
    for where in pages:
        key = (where["document_id"], where["page"])
        ents = on_page.get(key, [])
        vendors_here = [e for e in ents if e["kind"] == "vendor"]
        needs_text = bool(vendors_here) and any(e["kind"] == "amount" or e["kind"] == "rfc" and len(e["value"]) == 12
                                          for e in ents)
        text = catalog.page_texts([key]).get(key, "") if needs_text else ""
        if needs_text and any(e["kind"] == "rfc" for e in ents):
            objs = [Entity(e["kind"], e["printed"], e["value"], e["start"], e["end"]) for e in ents]
            for value, rfc in link_vendor_rfcs(text, objs):
                if value in values or rfc in vendor.rfcs:
                    rfcs.setdefault(rfc, []).append(where)
        for e in ents:
            if e["kind"] == "amount" and vendors_here and _owner(e, vendors_here, text) in values:
                amounts.append({**where, "printed": e["printed"], "value": e["value"]})
            elif e["kind"] == "bid":
                bid = bids.setdefault(e["value"], {"value": e["value"], "printed": e["printed"], "pages": []})
                if where not in bid["pages"]:
                    bid["pages"].append(where)
    return rfcs, amounts, bids


def expand_vendor_filters(query: Node, resolve: Callable[[], Resolution]) -> Node:
    """`vendor:"KEY"` (an RFC or a resolved name) means exactly that vendor's pages: those whose
    vendor keys (search.records.vendor_key, indexed per mention) are one of its names. The
    resolution is only asked for when the query has a vendor filter."""
    return _expand(query, resolve) if _has_vendor(query) else query


def _has_vendor(query: Node) -> bool:
    if isinstance(query, (And, Or)):
        return any(_has_vendor(q) for q in query.items)
    if isinstance(query, Not):
        return _has_vendor(query.item)
    return isinstance(query, FieldFilter) and query.field == "vendor"


def _expand(query: Node, resolve: Callable[[], Resolution]) -> Node:
    if isinstance(query, (And, Or)):
        return type(query)(tuple(_expand(q, resolve) for q in query.items))
    if isinstance(query, Not):
        return Not(_expand(query.item, resolve))
    if not (isinstance(query, FieldFilter) and query.field == "vendor"):
        return query
    vendor = resolve().find(query.value)
    if vendor is None:  # not a vendor's key, RFC or name (`vendor:magavel`): the words, as typed
        return query
    keys = [FieldFilter("vendor_key", "=", v) for v in vendor.values]  # exactly this company's pages
    return keys[0] if len(keys) == 1 else Or(tuple(keys))


def merge_vendor_facet(facets: dict[str, list[tuple[str, int]]],
                       resolve: Callable[[], Resolution]) -> dict[str, list[tuple[str, int]]]:
    """Facet buckets of one company's printed variants become one bucket under its name, so the
    count is that of the pages `vendor:"name"` then finds (unless two variants share a page);
    fragments and agencies leave the vendor facet."""
    resolution = resolve()
    merged: dict[str, int] = {}
    for value, count in facets["vendors"]:
        vendor = resolution.find(value)
        if vendor is None and (value in resolution.fragments or value in resolution.agencies):
            continue
        name = vendor.name if vendor is not None else value
        merged[name] = merged.get(name, 0) + count
    return {**facets, "vendors": sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))}
