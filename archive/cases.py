"""The case view: every document of one procurement, found through the codes they print (a
fallo names the bid, the contract names both, the invoice names the contract), with its
amounts by role, each citing file and page, and the flags a reporter should check.

Everything is looked up, never scanned: the documents printing a code through the catalog's
(kind, value) index, their codes and amounts through its (document_id, page) index, an invoice's
twin through the search engine, and the text only of the pages that hold an amount.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from expediente.errors import NotFound, UsageError
from ingest.entities import fold, normalise_code
from search import parse

from .case_audit import finding_observes, issuer_rfc
from .case_flags import case_flags as _flags, dec
from .case_roles import ROLE_KINDS, award_vendors, case_kind, invoice_ids, page_roles

if TYPE_CHECKING:
    from .archive import Archive
    from .catalog import Catalog

__all__ = ["case_data", "_flags"]

LINKING_KINDS = {"fallo", "dictamen", "contrato", "convenio", "factura", "acta", "junta", "convocatoria", "expediente"}
MAX_LINKING_CODES = 3  # a document naming more codes (an audit, a list) does not tie them together
CODE_KINDS = ("bid", "contract")
ROLES = ("awarded", "contracted", "invoiced", "observed")
TWIN_LIMIT = 20
MIN_REFERENCE_CODE = 8  # a code printed without its cue joins a case only when this long (not "12-2022")
Codes = dict[str, dict[str, dict[str, Any]]]  # doc -> code -> {printed, kind, pages}


def case_data(archive: Archive, code: str) -> dict[str, Any]:
    """The case of a bid or contract number typed in any form."""
    norm = normalise_code(code)
    if not norm:
        raise UsageError(f"{code!r} is not a bid or contract number: write e.g. EA-IT20-2020 or DCA/TM/222/2020",
                         "case_bad_code", code=code[:80])
    catalog = archive.catalog
    seeds = {e["document_id"] for e in catalog.entities_valued(CODE_KINDS, [norm])}
    if not seeds:
        raise NotFound(f"no document prints the code {code!r}: search for it as text, or check the number",
                       "case_not_found", code=code[:80])
    codes_of = _codes_of(catalog, seeds)
    docs = {d: _doc_info(archive, d) for d in sorted(seeds)}
    linked = {norm}
    for d in seeds:
        if docs[d]["kind"] in LINKING_KINDS and len(codes_of[d]) <= MAX_LINKING_CODES:
            linked |= set(codes_of[d])
    others = {e["document_id"] for e in catalog.entities_valued(CODE_KINDS, linked)} - seeds
    codes_of.update(_codes_of(catalog, others))
    others |= _referencing(catalog, linked, seeds | others, codes_of)
    docs.update({d: _doc_info(archive, d) for d in sorted(others)})
    for d, info in docs.items():
        info["pages"] = sorted({p for c in linked & set(codes_of[d]) for p in codes_of[d][c]["pages"]})
        info["contracts"] = sorted(c for c in linked & set(codes_of[d]) if codes_of[d][c]["kind"] == "contract")
    _add_invoice_twins(archive, docs)
    ordered = sorted(docs.values(), key=lambda i: (i["date"] is None, i["date"] or "", i["filename"]))
    amounts, invoices = _amounts(catalog, ordered, linked)
    _mark_observing_audits(catalog, ordered, linked, amounts["observed"])
    amounts["invoiced"] = _one_per_invoice(amounts["invoiced"], invoices)
    vendors = _case_vendors(archive, ordered)
    named = [(c, info) for d in docs for c, info in codes_of[d].items() if c in linked and info["kind"] in CODE_KINDS]
    printed = {c: info["printed"] for c, info in named}
    kinds = {c: info["kind"] for c, info in named}
    totals = _totals(amounts["invoiced"])
    return {
        "code": norm, "printed": printed.get(norm, code),
        "bids": sorted(printed[c] for c in linked if kinds[c] == "bid"),
        "contracts": sorted(printed[c] for c in linked if kinds[c] == "contract"),
        "codes": [{"code": c, "printed": printed[c], "kind": kinds[c]} for c in sorted(linked)],
        "vendors": vendors,
        "documents": [{k: i[k] for k in ("document_id", "filename", "title", "kind", "date", "pages", "page_count")}
                      for i in ordered],
        "amounts": amounts,
        "invoiced_total": totals[0] if totals else None,
        "invoiced_totals": totals,
        "flags": _flags(amounts, invoices, vendors, ordered),
    }


def _codes_of(catalog: Catalog, doc_ids: set[str]) -> Codes:
    """Each document's bid and contract numbers, with the pages printing them."""
    codes_of: Codes = defaultdict(dict)
    for e in catalog.entities_in(doc_ids, CODE_KINDS):
        slot = codes_of[e["document_id"]].setdefault(e["value"], {"printed": e["printed"], "kind": e["kind"], "pages": set()})
        slot["pages"].add(e["page"])
    return codes_of


def _mark_observing_audits(catalog: Catalog, docs: list[dict[str, Any]], linked: set[str],
                           observed: list[dict[str, Any]]) -> None:
    """An audit observes the case when it observes one of its amounts, or when a finding printing one
    of its codes observes something and does not clear it (not an audit that only lists it as reviewed)."""
    cited = {a["document_id"] for a in observed}
    for info in docs:
        if info["kind"] != "auditoria":
            continue
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for e in catalog.entities_in({info["document_id"]}, CODE_KINDS + ("reference",)):
            if e["value"] in linked:
                spans[e["page"]].append((e["start"], e["end"]))
        texts = catalog.page_texts([(info["document_id"], p) for p in spans])
        info["observes"] = info["document_id"] in cited or any(
            finding_observes(texts.get((info["document_id"], p), ""), s) for p, s in spans.items())


def _referencing(catalog: Catalog, linked: set[str], known: set[str], codes_of: Codes) -> set[str]:
    """Documents printing one of the case's codes where no cue said bid or contract (an OCR'd
    invoice whose "Contrato" was lost: "Referencia: No. SSP/ADQ/078/2024"): they join the case,
    their pages cited, but their own codes link nothing further."""
    found = set()
    for e in catalog.entities_valued(("reference",), linked):
        if e["document_id"] in known or len(e["value"]) < MIN_REFERENCE_CODE:
            continue
        slot = codes_of[e["document_id"]].setdefault(e["value"], {"printed": e["printed"], "kind": "reference", "pages": set()})
        slot["pages"].add(e["page"])
        found.add(e["document_id"])
    return found


def _doc_info(archive: Archive, doc_id: str) -> dict[str, Any]:
    doc = archive.catalog.document(doc_id) or {}
    first = archive.catalog.page_texts([(doc_id, 1)]).get((doc_id, 1), "")
    return {"document_id": doc_id, "filename": doc.get("filename", ""), "title": doc.get("title", ""),
            "kind": doc.get("kind") or case_kind(doc.get("title", ""), first),
            "date": doc.get("doc_date") or (doc.get("metadata") or {}).get("doc_date"),
            "page_count": doc.get("page_count", 0), "media_type": doc.get("media_type", "")}


def _add_invoice_twins(archive: Archive, docs: dict[str, dict[str, Any]]) -> None:
    """A CFDI's XML and its printed PDF are one invoice: the twin that prints no code of the
    case joins it through the invoice's UUID (found by the search engine, not a scan of texts)."""
    for info in [i for i in docs.values() if i["kind"] == "factura"]:
        text = archive.catalog.page_texts([(info["document_id"], 1)]).get((info["document_id"], 1), "")
        uuid = invoice_ids(text).get("uuid")
        if not uuid:
            continue
        found = archive.engine.search(parse(f'"{uuid}"'), limit=TWIN_LIMIT, offset=0, facets=False)
        for doc_id in dict.fromkeys(h.document_id for h in found.hits):
            if doc_id not in docs and archive.catalog.document(doc_id) is not None:
                twin = _doc_info(archive, doc_id)
                if twin["kind"] == "factura":
                    docs[doc_id] = {**twin, "pages": [1]}


def _one_per_invoice(invoiced: list[dict[str, Any]], invoices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each invoice counted once: the XML and the PDF of one CFDI share its UUID."""
    uuid_of = {inv["filename"]: inv.get("uuid") for inv in invoices}
    kept, seen = [], set()
    for a in invoiced:
        uuid = uuid_of.get(a["filename"])
        if uuid and uuid in seen:
            continue
        seen.add(uuid)
        kept.append({**a, "uuid": uuid})
    return kept


def _amounts(catalog: Catalog, docs: list[dict[str, Any]], codes: set[str]) -> tuple[dict[str, list], list[dict]]:
    """Amounts by role, each citing file and page; and each invoice's identity and issuer RFC.
    Only the pages holding an amount (and an invoice's first page) are read."""
    out: dict[str, list[dict[str, Any]]] = {r: [] for r in ROLES}
    invoices = []
    for info in docs:
        if info["kind"] not in ROLE_KINDS:
            continue  # no page of it gives an amount a role (nor is it an invoice): its pages are not read
        doc_id, seen = info["document_id"], set()
        by_page: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for e in catalog.entities(doc_id):
            by_page[e["page"]].append(e)
        wanted = sorted({p for p, ents in by_page.items() if any(e["kind"] == "amount" for e in ents)}
                        | ({1} if info["kind"] == "factura" else set()))
        texts = catalog.page_texts([(doc_id, p) for p in wanted])
        for page in wanted:
            ents, text = by_page.get(page, []), texts.get((doc_id, page), "")
            for r in page_roles(info["kind"], text, ents, codes):
                value, _, currency = r["entity"]["value"].partition(" ")
                if (r["role"], r["label"], value) in seen:
                    continue
                seen.add((r["role"], r["label"], value))
                out[r["role"]].append({"value": value, "currency": currency or "MXN", "label": r["label"],
                                       "filename": info["filename"], "document_id": doc_id, "page": page,
                                       "printed": r["entity"]["printed"]})
            if info["kind"] == "factura" and page == 1:
                invoices.append({**invoice_ids(text), "issuer_rfc": issuer_rfc(text, [e for e in ents if e["kind"] == "rfc"]),
                                 "filename": info["filename"], "page": 1, "media_type": info["media_type"]})
    return out, invoices


def _case_vendors(archive: Archive, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The companies the contract names (else the one the award names, else the invoices'): an
    invoice's issuer is checked against them, so it cannot vouch for itself."""
    resolution = archive.resolution()
    for kinds in (("contrato", "convenio"), ("fallo", "dictamen"), ("factura",)):
        ids = {i["document_id"] for i in docs if i["kind"] in kinds}
        mentions = archive.catalog.entities_in(ids, ("vendor",))
        values = {e["value"] for e in mentions}
        pages = {(e["document_id"], e["page"]) for e in mentions}
        found = [v for v in resolution.vendors if values & set(v.values)
                 and any((m.document_id, m.page) in pages for m in v.mentions)]
        if kinds == ("fallo", "dictamen"):
            winners = {v.key for v in (resolution.find(w) for w in _award_vendors(archive, ids)) if v is not None}
            found = [v for v in found if v.key in winners]
        if found:
            return [{"name": v.printed[0] if v.printed else v.name, "key": v.key, "rfc": v.rfcs[0] if v.rfcs else None,
                     "rfcs": v.rfcs, "citations": _vendor_citations(archive, docs, ids, v)} for v in found]
    return []


def _vendor_citations(archive: Archive, docs: list[dict[str, Any]], ids: set[str], vendor: Any) -> list[dict[str, Any]]:
    """Where the case's documents name a vendor: the pages printing its RFC, else its name."""
    filename = {i["document_id"]: i["filename"] for i in docs}
    pages = sorted({(e["document_id"], e["page"]) for e in archive.catalog.entities_in(ids, ("rfc",))
                    if e["value"] in vendor.rfcs})
    pages = pages or sorted({(m.document_id, m.page) for m in vendor.mentions if m.document_id in ids})
    return [{"filename": filename[d], "page": p} for d, p in pages if d in filename]


def _award_vendors(archive: Archive, ids: set[str]) -> list[str]:
    """The vendors the fallo's award rows and sentences name, not the table's other bidders."""
    by_page: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for e in archive.catalog.entities_in(ids, ("vendor", "amount")):
        by_page[(e["document_id"], e["page"])].append(e)
    texts = archive.catalog.page_texts(sorted(by_page))
    return [v for key in sorted(by_page) for v in award_vendors(texts.get(key, ""), by_page[key])]


def _totals(invoiced: list[dict[str, Any]]) -> list[dict[str, str]]:
    sums: dict[str, Decimal] = {}
    for a in invoiced:
        sums[a["currency"]] = sums.get(a["currency"], Decimal(0)) + dec(a["value"])
    return [{"value": f"{v:.2f}", "currency": c} for c, v in sorted(sums.items(), key=lambda kv: -kv[1])]
