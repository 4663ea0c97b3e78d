"""The vendor view: every page that names a vendor, its RFCs, the amounts printed near it,
and the bids it appears in, from the catalog's entities."""

from __future__ import annotations

from collections import Counter
from typing import Any

from expediente.errors import NotFound
from ingest.entities import Entity, link_vendor_rfcs, normalise_vendor

from .catalog import Catalog

NEAR = 400  # characters: an amount this close to a vendor mention is "next to it"


def _owner(amount: dict[str, Any], vendors: list[dict[str, Any]], text: str) -> str | None:
    """The vendor an amount is printed next to: the closest mention, one on the same line
    first (a table row of bidders gives each its own amount)."""
    def gap(v: dict[str, Any]) -> tuple[bool, int]:
        a, b = sorted((v["end"], amount["start"])) if v["end"] <= amount["start"] else sorted((amount["end"], v["start"]))
        return "\n" in text[a:b], b - a

    ranked = sorted(vendors, key=gap)
    if not ranked or gap(ranked[0])[1] > NEAR:
        return None
    return ranked[0]["value"]


def vendor_profile(catalog: Catalog, name: str) -> dict[str, Any]:
    value = normalise_vendor(name) or name
    mentions = catalog.entity_mentions("vendor", value)
    if not mentions:
        raise NotFound(f"no vendor {name!r} in the archive")
    printed: Counter[str] = Counter()
    documents: dict[str, dict[str, Any]] = {}
    rfcs: dict[str, list[dict]] = {}
    amounts: list[dict[str, Any]] = []
    bids: dict[str, dict[str, Any]] = {}
    for doc_id, page in sorted({(m["document_id"], m["page"]) for m in mentions}):
        doc = catalog.document(doc_id)
        if doc is None:
            continue
        ents = catalog.entities(doc_id, page)
        text = catalog.page_texts([(doc_id, page)]).get((doc_id, page), "")
        here = [e for e in ents if e["kind"] == "vendor" and e["value"] == value]
        printed.update(e["printed"] for e in here)
        where = {"document_id": doc_id, "filename": doc["filename"], "title": doc["title"], "page": page}
        documents.setdefault(doc_id, {**where, "pages": []})["pages"].append(page)
        objs = [Entity(e["kind"], e["printed"], e["value"], e["start"], e["end"]) for e in ents]
        for vendor, rfc in link_vendor_rfcs(text, objs):
            if vendor == value:
                rfcs.setdefault(rfc, []).append(where)
        vendors_here = [e for e in ents if e["kind"] == "vendor"]
        for e in ents:
            if e["kind"] == "amount" and _owner(e, vendors_here, text) == value:
                amounts.append({**where, "printed": e["printed"], "value": e["value"]})
            elif e["kind"] == "bid":
                bid = bids.setdefault(e["value"], {"value": e["value"], "printed": e["printed"], "pages": []})
                if where not in bid["pages"]:
                    bid["pages"].append(where)
    return {
        "vendor": value, "names": [n for n, _ in printed.most_common()],
        "documents": list(documents.values()),
        "rfcs": [{"rfc": r, "pages": p} for r, p in rfcs.items()],
        "amounts": amounts, "bids": list(bids.values()),
    }
