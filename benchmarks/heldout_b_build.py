"""Write set B to disk and return its truth: companies, every file with its page texts and
layer, and what a correct case view of each procurement shows. Deterministic (fixed seed)."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import heldout_b_docs as docs
from heldout_b_bills import audit, invoices
from heldout_b_layout import Doc, page_text, write
from heldout_b_specs import COMPANIES, Procurement, procurements
from heldout_b_words import with_iva

SEED = 20261202
STATE = {"Zacatecas": "ZAC", "Tabasco": "TAB", "Hidalgo": "HGO", "Oaxaca": "OAX", "Sonora": "SON",
         "Guerrero": "GRO"}


def _documents(chosen: list[Procurement], rng: random.Random) -> list[Doc]:
    out: list[Doc] = []
    for p in chosen:
        mine = [docs.convocatoria(p), docs.junta(p), docs.fallo(p), docs.contrato(p)]
        if p.amendment:
            mine.append(docs.convenio(p))
        for n, doc in enumerate(mine):   # portal names: never the kind
            doc.stem = f"{STATE[p.agency.state]}-{p.dates['contrato'].year}-{137 + 29 * n + 3 * len(out):04d}"
        out += mine + invoices(p, rng)
    audited = [p for p in chosen if p.audit_observed is not None]
    if audited:
        out.append(audit(audited))
    return out


def generate(folder: Path, pids: list[str] | None = None, scans: bool = True) -> dict[str, Any]:
    """Write the set (or only `pids`; `scans=False` prints every page born digital)."""
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    chosen = [p for p in procurements() if pids is None or p.pid in pids]
    files: dict[str, Any] = {}
    for doc in _documents(chosen, rng):
        if not scans:
            doc.scan = None
        name = write(doc, folder, rng)
        if name in files:
            raise ValueError(f"two files named {name}")
        texts = [doc.xml] if doc.xml else [page_text(page) for page in doc.pages]
        ocr = doc.scan is not None
        files[name] = {"kind": doc.kind, "pids": list(doc.pids), "ocr": ocr, "pages": texts,
                       "ocr_only": ocr and (doc.kind != "factura" or not doc.meta.get("xml"))}
    return {"companies": [c.__dict__ for c in COMPANIES], "files": files,
            "cases": {p.pid: case_truth(p, files) for p in chosen}}


def case_truth(p: Procurement, files: dict[str, Any]) -> dict[str, Any]:
    """What a correct case view of `p` shows."""
    whole = docs.total(p)
    awarded = {p.award_sub, whole}
    if p.min_sub is not None:
        contracted = {with_iva(p.min_sub, p.rate), whole}
    else:
        contracted = {whole} | ({p.award_sub} if docs.prints_subtotal(p) else set())
    ceiling = whole
    if p.amendment:
        ceiling = whole + p.amendment
        contracted |= {p.amendment, ceiling}
    invoiced = sum((with_iva(i.sub, p.rate) for i in p.invoices), Decimal("0"))
    flags = set()
    if invoiced > ceiling:
        flags.add("over_invoiced")
    if p.amendment and p.amendment > whole / 5:
        flags.add("amendment_over_20")
    if any(i.issuer.rfc != p.vendor.rfc for i in p.invoices):
        flags.add("invoice_issuer_not_vendor")
    if any(i.copies > 1 for i in p.invoices):
        flags.add("duplicate_invoice")
    if p.audit_observed is not None:
        flags.add("audit_observation")
    return {"codes": [p.bid_code, p.contract_code],
            "files": sorted(f for f, info in files.items() if p.pid in info["pids"]),
            "vendor": {"name": p.vendor.name, "rfc": p.vendor.rfc},
            "awarded": sorted(str(v) for v in awarded), "awarded_key": str(whole),
            "contracted": sorted(str(v) for v in contracted), "contracted_key": str(ceiling),
            "invoiced_total": str(invoiced),
            "observed": [str(p.audit_observed)] if p.audit_observed is not None else [],
            "flags": sorted(flags)}
