"""The case view: every document of one procurement, found through the codes they print (a
fallo names the bid, the contract names both, the invoice names the contract), with its
amounts by role, each citing file and page, and the flags a reporter should check."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from expediente.errors import NotFound, UsageError
from ingest.entities import fold, normalise_code

from .case_roles import case_kind, invoice_ids, page_roles

if TYPE_CHECKING:
    from .archive import Archive

LINKING_KINDS = {"fallo", "contrato", "convenio", "factura", "acta", "junta", "convocatoria", "expediente"}
MAX_LINKING_CODES = 3  # a document naming more codes (an audit, a list) does not tie them together
ROLES = ("awarded", "contracted", "invoiced", "observed")
IVA = Decimal("1.16")
AMENDMENT_LIMIT = Decimal("0.20")  # art. 52 LAASSP


def case_data(archive: Archive, code: str) -> dict[str, Any]:
    """The case of a bid or contract number typed in any form."""
    norm = normalise_code(code)
    if not norm:
        raise UsageError(f"{code!r} is not a bid or contract number: write e.g. EA-IT20-2020 or DCA/TM/222/2020")
    catalog = archive.catalog
    codes_of: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)  # doc -> code -> {printed, kind, pages}
    for e in catalog.entities_of(("bid", "contract")):
        slot = codes_of[e["document_id"]].setdefault(e["value"], {"printed": e["printed"], "kind": e["kind"], "pages": set()})
        slot["pages"].add(e["page"])
    seeds = [d for d, codes in codes_of.items() if norm in codes]
    if not seeds:
        raise NotFound(f"no document prints the code {code!r}: search for it as text, or check the number")
    docs = {d: _doc_info(archive, d) for d in seeds}
    linked = {norm}
    for d in seeds:
        if docs[d]["kind"] in LINKING_KINDS and len(codes_of[d]) <= MAX_LINKING_CODES:
            linked |= set(codes_of[d])
    for d, codes in codes_of.items():
        if d not in docs and linked & set(codes):
            docs[d] = _doc_info(archive, d)
    for d, info in docs.items():
        info["pages"] = sorted({p for c in linked & set(codes_of[d]) for p in codes_of[d][c]["pages"]})
    _add_invoice_twins(archive, docs)
    ordered = sorted(docs.values(), key=lambda i: (i["date"] is None, i["date"] or "", i["filename"]))
    amounts, invoices = _amounts(archive, ordered, linked)
    amounts["invoiced"] = _one_per_invoice(amounts["invoiced"], invoices)
    vendors = _case_vendors(archive, ordered)
    printed = {c: info["printed"] for d in docs for c, info in codes_of[d].items() if c in linked}
    kinds = {c: info["kind"] for d in docs for c, info in codes_of[d].items() if c in linked}
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


def _doc_info(archive: Archive, doc_id: str) -> dict[str, Any]:
    doc = archive.catalog.document(doc_id) or {}
    first = archive.catalog.page_texts([(doc_id, 1)]).get((doc_id, 1), "")
    return {"document_id": doc_id, "filename": doc.get("filename", ""), "title": doc.get("title", ""),
            "kind": doc.get("kind") or case_kind(doc.get("title", ""), first),
            "date": doc.get("doc_date") or (doc.get("metadata") or {}).get("doc_date"),
            "page_count": doc.get("page_count", 0), "media_type": doc.get("media_type", "")}


def _add_invoice_twins(archive: Archive, docs: dict[str, dict[str, Any]]) -> None:
    """A CFDI's XML and its printed PDF are one invoice: the twin that prints no code of the
    case joins it through the invoice's UUID."""
    for info in [i for i in docs.values() if i["kind"] == "factura"]:
        text = archive.catalog.page_texts([(info["document_id"], 1)]).get((info["document_id"], 1), "")
        uuid = invoice_ids(text).get("uuid")
        if not uuid:
            continue
        for doc_id in archive.catalog.documents_printing(uuid, limit=20):
            if doc_id not in docs:
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


def _amounts(archive: Archive, docs: list[dict[str, Any]], codes: set[str]) -> tuple[dict[str, list], list[dict]]:
    """Amounts by role, each citing file and page; and each invoice's identity and issuer RFC."""
    out: dict[str, list[dict[str, Any]]] = {r: [] for r in ROLES}
    invoices = []
    for info in docs:
        seen: set[tuple[str, str, str]] = set()
        for page in range(1, info["page_count"] + 1):
            ents = archive.catalog.entities(info["document_id"], page)
            text = archive.catalog.page_texts([(info["document_id"], page)]).get((info["document_id"], page), "")
            for r in page_roles(info["kind"], text, ents, codes):
                value, _, currency = r["entity"]["value"].partition(" ")
                if (r["role"], r["label"], value) in seen:
                    continue
                seen.add((r["role"], r["label"], value))
                out[r["role"]].append({"value": value, "currency": currency or "MXN", "label": r["label"],
                                       "filename": info["filename"], "document_id": info["document_id"], "page": page,
                                       "printed": r["entity"]["printed"]})
            if info["kind"] == "factura" and page == 1:
                rfcs = [e["value"] for e in ents if e["kind"] == "rfc"]
                invoices.append({**invoice_ids(text), "issuer_rfc": rfcs[0] if rfcs else None,
                                 "filename": info["filename"], "page": 1, "media_type": info["media_type"]})
    return out, invoices


def _case_vendors(archive: Archive, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The companies the contract names (else the one the award names, else the invoices'): an
    invoice's issuer is checked against them, so it cannot vouch for itself."""
    resolution = archive.resolution()
    for kinds in (("contrato", "convenio"), ("fallo",), ("factura",)):
        pages = {(i["document_id"], p) for i in docs if i["kind"] in kinds for p in range(1, i["page_count"] + 1)}
        found = [v for v in resolution.vendors if pages & set(v.pages)]
        if kinds == ("fallo",):
            winners = {v.key for v in (resolution.find(w) for w in _award_vendors(archive, pages)) if v is not None}
            found = [v for v in found if v.key in winners]
        if found:
            return [{"name": v.printed[0] if v.printed else v.name, "key": v.key, "rfc": v.rfcs[0] if v.rfcs else None,
                     "rfcs": v.rfcs} for v in found]
    return []


def _award_vendors(archive: Archive, pages: set[tuple[str, int]]) -> list[str]:
    """The vendor named first after "se adjudica" on each page of a fallo, not the table of bidders."""
    out = []
    for doc_id, page in sorted(pages):
        text = fold(archive.catalog.page_texts([(doc_id, page)]).get((doc_id, page), ""))
        at = text.find("adjudica")
        after = [e for e in archive.catalog.entities(doc_id, page) if e["kind"] == "vendor" and e["start"] > at >= 0]
        if after:
            out.append(after[0]["value"])
    return out


def _totals(invoiced: list[dict[str, Any]]) -> list[dict[str, str]]:
    sums: dict[str, Decimal] = {}
    for a in invoiced:
        sums[a["currency"]] = sums.get(a["currency"], Decimal(0)) + _dec(a["value"])
    return [{"value": f"{v:.2f}", "currency": c} for c, v in sorted(sums.items(), key=lambda kv: -kv[1])]


def _dec(value: str) -> Decimal:
    try:
        return Decimal(value)
    except InvalidOperation:
        return Decimal(0)


def _cite(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for a in items:
        c = {"filename": a["filename"], "page": a["page"]}
        if c not in out:
            out.append(c)
    return out


def _flag(kind: str, params: dict[str, str], citations: list[dict[str, Any]]) -> dict[str, Any]:
    """A flag: its kind, the figures its message is written from (web.i18n.flag_message), its citations."""
    return {"kind": kind, "params": params, "citations": citations}


def _flags(amounts: dict[str, list], invoices: list[dict], vendors: list[dict], docs: list[dict]) -> list[dict]:
    flags: list[dict[str, Any]] = []
    contracted = amounts["contracted"]
    for currency in {a["currency"] for a in amounts["invoiced"]}:
        billed = [a for a in amounts["invoiced"] if a["currency"] == currency]
        ceiling = [a for a in contracted if a["currency"] == currency and a["label"] in ("maximum", "total", "amended")]
        total = sum((_dec(a["value"]) for a in billed), Decimal(0))
        if ceiling and total > max(_dec(a["value"]) for a in ceiling):
            top = max(_dec(a["value"]) for a in ceiling)
            flags.append(_flag("over_invoiced", {"invoiced": f"{total:.2f}", "ceiling": f"{top:.2f}", "currency": currency},
                               _cite(billed + ceiling)))
    flags += _award_vs_contract(amounts["awarded"], contracted)
    flags += _amendment(contracted)
    flags += _invoice_checks(invoices, vendors)
    audits = [i for i in docs if i["kind"] == "auditoria"]
    for i in audits:
        flags.append(_flag("audit_observation", {"title": i["title"], "filename": i["filename"]},
                           [{"filename": i["filename"], "page": p} for p in i["pages"]]))
    return flags


def _award_vs_contract(awarded: list[dict], contracted: list[dict]) -> list[dict]:
    totals = [a for a in contracted if a["label"] in ("total", "maximum")]
    if not awarded or not totals:
        return []
    for a in awarded:
        for c in totals:
            x, y = _dec(a["value"]), _dec(c["value"])
            if a["currency"] == c["currency"] and any(abs(x * f - y) <= max(Decimal(1), y / 1000) for f in (1, IVA, 1 / IVA)):
                return []
    first, other = awarded[0], totals[0]
    return [_flag("award_contract_mismatch", {"awarded": first["value"], "awarded_currency": first["currency"],
                                              "contracted": other["value"], "contracted_currency": other["currency"]},
                  _cite(awarded + totals))]


def _amendment(contracted: list[dict]) -> list[dict]:
    original = [a for a in contracted if a["label"] in ("total", "maximum")]
    amended = [a for a in contracted if a["label"] in ("amended", "increase")]
    if not original or not amended:
        return []
    base = max(_dec(a["value"]) for a in original)
    for a in amended:
        growth = _dec(a["value"]) if a["label"] == "increase" else _dec(a["value"]) - base
        if base and growth / base > AMENDMENT_LIMIT:
            return [_flag("amendment_over_20", {"percent": f"{growth / base * 100:.0f}", "original": f"{base:.2f}",
                                                "currency": a["currency"]}, _cite(original + [a]))]
    return []


def _invoice_checks(invoices: list[dict], vendors: list[dict]) -> list[dict]:
    flags = []
    known = {r for v in vendors for r in v["rfcs"]}
    for inv in invoices:
        if known and inv["issuer_rfc"] and inv["issuer_rfc"] not in known:
            flags.append(_flag("invoice_issuer_not_vendor", {"issuer_rfc": inv["issuer_rfc"],
                                                             "vendor_rfcs": ", ".join(sorted(known))}, _cite([inv])))
    for key in ("uuid", "folio"):
        seen: dict[str, dict] = {}
        for inv in invoices:
            first = seen.get(inv.get(key) or "")
            # The same UUID in an XML and a PDF is one CFDI and its print-out; the same folio
            # under the same UUID is that one invoice again.
            twin = first is not None and (first["media_type"] != inv.get("media_type") if key == "uuid"
                                          else first.get("uuid") == inv.get("uuid"))
            if first is not None and not twin:
                flags.append(_flag("duplicate_invoice", {"field": key, "id": inv[key]}, _cite([first, inv])))
            elif inv.get(key) and first is None:
                seen[inv[key]] = inv
    return flags
