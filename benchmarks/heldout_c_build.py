"""Set C's generator: writes the six procurements' documents into one folder and returns the truth
(companies, files with their page texts, cases with codes, files, figures and the flags they should raise)."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from heldout_c_audit import ASF_PIDS, OFS_PIDS, asf, ofs
from heldout_c_bids import convocatoria, fallo, junta
from heldout_c_cfdi import Invoice, printed, stamp, xml
from heldout_c_deals import contract, convenio, dictamen
from heldout_c_pdf import write
from heldout_c_specs import BUYERS, COMPANIES, INVOICES, OBSERVED, RATE, P
from heldout_c_words import dec

PIDS = ("C1", "C2", "C3", "C4", "C5", "C6")
# (pid, file stem, kind, builder, scanned?, style)
DOCS = [
    ("C1", "convocatoria_ambulancias_2024", "convocatoria", lambda: convocatoria("C1"), "", {"font": "sans"}),
    ("C1", "junta_aclaraciones_E8", "junta", lambda: junta("C1"), "png", {"font": "serif"}),
    ("C1", "acta_fallo_ambulancias", "fallo", lambda: fallo("C1"), "", {"font": "sans", "size": 9.5}),
    ("C1", "contrato_047_2024", "contrato", lambda: contract("C1", 0), "", {"font": "serif"}),
    ("C1", "contrato_048_2024", "contrato", lambda: contract("C1", 1), "", {"font": "serif"}),
    ("C2", "DIF_convocatoria_desayunos", "convocatoria", lambda: convocatoria("C2"), "", {"font": "serif"}),
    ("C2", "DIF_junta_aclaraciones", "junta", lambda: junta("C2"), "", {"font": "serif"}),
    ("C2", "escaneo_0129", "fallo", lambda: fallo("C2"), "pdf", {"font": "sans"}),
    ("C2", "contrato_abierto_desayunos", "contrato", lambda: contract("C2"), "", {"font": "sans"}),
    ("C3", "convocatoria_drones_fasp", "convocatoria", lambda: convocatoria("C3"), "", {"font": "sans"}),
    ("C3", "junta_drones", "junta", lambda: junta("C3"), "", {"font": "sans"}),
    ("C3", "fallo_drones_fasp", "fallo", lambda: fallo("C3"), "", {"font": "serif", "size": 10.5}),
    ("C3", "contrato_drones", "contrato", lambda: contract("C3"), "", {"font": "sans"}),
    ("C3", "convenio_modificatorio_1_drones", "convenio", lambda: convenio("C3"), "pdf", {"font": "serif"}),
    ("C4", "invitacion_IA-E44", "convocatoria", lambda: convocatoria("C4"), "", {"font": "sans"}),
    ("C4", "junta_camaras", "junta", lambda: junta("C4"), "", {"font": "mono", "size": 9}),
    ("C4", "fallo_camaras_corporales", "fallo", lambda: fallo("C4"), "", {"font": "sans"}),
    ("C4", "scan_contrato_045", "contrato", lambda: contract("C4"), "pdf", {"font": "serif"}),
    ("C4", "convenio_camaras", "convenio", lambda: convenio("C4"), "", {"font": "sans"}),
    ("C5", "dictamen_AD-007", "dictamen", dictamen, "pdf", {"font": "sans"}),
    ("C5", "contrato_reconocimiento_facial", "contrato", lambda: contract("C5"), "", {"font": "serif"}),
    ("C6", "convocatoria_limpieza", "convocatoria", lambda: convocatoria("C6"), "png", {"font": "sans"}),
    ("C6", "junta_limpieza", "junta", lambda: junta("C6"), "", {"font": "sans"}),
    ("C6", "fallo_limpieza", "fallo", lambda: fallo("C6"), "", {"font": "serif"}),
    ("C6", "contrato_limpieza_027", "contrato", lambda: contract("C6"), "", {"font": "sans"}),
    ("C6", "convenio_limpieza", "convenio", lambda: convenio("C6"), "", {"font": "mono", "size": 9}),
    (OFS_PIDS, "OFS_informe_adquisiciones_2024", "auditoria", ofs, "pdf", {"font": "serif"}),
    (ASF_PIDS, "ASF_2024_0312_FASP_Campeche", "auditoria", asf, "", {"font": "sans", "header": "Grupo Funcional Gobierno"}),
]
SCANNED_PRINTOUT = ("C6", "131")   # this invoice's print-out reaches the archive as a scan
DUPLICATE = ("C5", "77", "correo_adjunto_factura_77")   # this CFDI is filed twice


def _invoice_files(pids: list[str], folder: Path, scans: bool, files: dict[str, Any]) -> dict[str, Decimal]:
    """Write every invoice's XML and print-out; the invoiced total (distinct CFDIs) per case."""
    totals: dict[str, Decimal] = {}
    for n, (pid, issuer, serie, folio, date, lines) in enumerate(INVOICES):
        if pid not in pids:
            continue
        name, rfc, _, cfdi_name = COMPANIES[issuer]
        buyer = BUYERS[P[pid]["buyer"]]
        regime = "612" if len(rfc) == 13 else "601"
        inv = Invoice(serie, folio, date, (rfc, cfdi_name, regime), (buyer[1], buyer[3], buyer[2]), lines,
                      rate=RATE.get(pid, "0.16"))
        rng = random.Random(f"set C invoice {pid} {folio}")
        seal = stamp(inv, rng)
        text = xml(inv, seal)
        stem = f"{rfc}_{serie}{folio}"
        (folder / f"{stem}.xml").write_text(text, encoding="utf-8")
        files[f"{stem}.xml"] = {"kind": "factura", "pids": [pid], "ocr": False, "pages": [text], "ocr_only": False}
        if (pid, folio) == DUPLICATE[:2]:
            # the same CFDI downloaded again from the SAT portal: same UUID, other bytes (one line)
            again = re.sub(r">\s+<", "><", text).replace('encoding="UTF-8"', 'encoding="utf-8"')
            (folder / f"{DUPLICATE[2]}.xml").write_text(again, encoding="utf-8")
            files[f"{DUPLICATE[2]}.xml"] = {**files[f"{stem}.xml"], "pages": [again]}
        scan = scans and (pid, folio) == SCANNED_PRINTOUT
        pages = write(folder / f"{stem}.pdf", printed(inv, seal, 1 + n % 2, name), scan, rng,
                      font="sans", size=8.5, footer=False)
        files[f"{stem}.pdf"] = {"kind": "factura", "pids": [pid], "ocr": scan, "pages": pages, "ocr_only": False}
        totals[pid] = totals.get(pid, Decimal("0")) + inv.amounts()[2]
    return totals


def _values(*amounts: str) -> list[str]:
    return sorted({str(dec(a)) for a in amounts}, key=Decimal)


def _figures(pid: str) -> dict[str, Any]:
    """Awarded and contracted figures (every true one, and the key one) and the flags to raise."""
    s = P[pid]
    if pid == "C1":
        a, b = s["lots"]
        awarded, contracted, key = [a["sub"], a["total"], b["sub"], b["total"]], [a["total"], b["total"]], a["total"]
        return {"awarded": awarded, "awarded_key": key, "contracted": contracted, "contracted_key": key,
                "flags": ["audit_observation"]}
    if pid == "C2":
        both = [s["min"], s["max"]]
        return {"awarded": both, "awarded_key": s["max"], "contracted": both, "contracted_key": s["max"],
                "flags": ["over_invoiced"]}
    if pid == "C6":
        lo, hi, more = s["min"], s["max"], s["more"]
        awarded = [lo["sub"], lo["total"], hi["sub"], hi["total"]]
        new = [str(Decimal(hi["sub"]) + Decimal(more["sub"])), str(Decimal(hi["total"]) + Decimal(more["total"]))]
        return {"awarded": awarded, "awarded_key": hi["total"], "contracted": awarded + [more["sub"], more["total"]] + new,
                "contracted_key": hi["total"], "flags": ["audit_observation"]}
    lot = s["lot"]
    contracted = [lot["total"]] + ([lot["sub"]] if pid == "C4" else [])
    if "more" in s:
        contracted += [s["more"]["total"], str(Decimal(lot["total"]) + Decimal(s["more"]["total"]))]
    flags = {"C3": ["invoice_issuer_not_vendor"], "C4": ["amendment_over_20", "audit_observation"],
             "C5": ["duplicate_invoice"]}[pid]
    return {"awarded": [lot["sub"], lot["total"]], "awarded_key": lot["total"], "contracted": contracted,
            "contracted_key": lot["total"], "flags": flags}


def generate(folder: Path, pids: list[str] | None = None, scans: bool = True) -> dict[str, Any]:
    """Write the set (or the named procurements) into `folder`; the truth."""
    chosen = [p for p in PIDS if not pids or p in pids]
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Any] = {}
    for owner, stem, kind, build, scan, style in DOCS:
        mine = [p for p in ((owner,) if isinstance(owner, str) else owner) if p in chosen]
        if not mine:
            continue
        scanned = bool(scan) and scans
        name = f"{stem}.{scan if scanned else 'pdf'}"
        pages = write(folder / name, build(), scanned, random.Random(f"set C {stem}"), **style)
        files[name] = {"kind": kind, "pids": mine, "ocr": scanned, "pages": pages, "ocr_only": scanned}
    totals = _invoice_files(chosen, folder, scans, files)
    cases = {}
    for pid in chosen:
        fig = _figures(pid)
        s = P[pid]
        cases[pid] = {"codes": [s["bid"], *s["contracts"]],
                      "files": sorted(f for f, info in files.items() if pid in info["pids"]),
                      "vendor": COMPANIES[s["winners"][0]][0],
                      "vendors": [COMPANIES[w][0] for w in s["winners"]],
                      "awarded": _values(*fig["awarded"]), "awarded_key": str(dec(fig["awarded_key"])),
                      "contracted": _values(*fig["contracted"]), "contracted_key": str(dec(fig["contracted_key"])),
                      "invoiced_total": str(dec(totals.get(pid, Decimal("0")))),
                      "observed": [str(dec(OBSERVED[pid]))] if pid in OBSERVED else [],
                      "flags": fig["flags"]}
    companies = [{"name": name, "rfc": rfc, "key": key} for name, rfc, key, _ in COMPANIES.values()]
    return {"companies": companies, "files": files, "cases": cases}
