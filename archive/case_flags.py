"""The flags a reporter should check on a case, each with its citations and the figures its
message is written from (`params`; the message itself is web.i18n's, in the reader's language)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from rapidfuzz.distance import OSA

IVA = Decimal("1.16")
AMENDMENT_LIMIT = Decimal("0.20")  # art. 52 LAASSP


def dec(value: str) -> Decimal:
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


def case_flags(amounts: dict[str, list], invoices: list[dict], vendors: list[dict], docs: list[dict]) -> list[dict]:
    contracted = amounts["contracted"]
    groups = _per_contract(amounts["invoiced"], contracted, docs)
    flags = [f for billed, ceiling in groups for f in _over(billed, ceiling)]
    flags += _award_vs_contract(amounts["awarded"], contracted)
    flags += [f for _billed, ceiling in groups for f in _amendment(ceiling)]
    flags += _invoice_checks(invoices, vendors)
    audits = [i for i in docs if i["kind"] == "auditoria" and i.get("observes")]
    for i in audits:
        flags.append(_flag("audit_observation", {"title": i["title"], "filename": i["filename"]},
                           [{"filename": i["filename"], "page": p} for p in i["pages"]]))
    return flags


def _per_contract(invoiced: list[dict], contracted: list[dict], docs: list[dict]) -> list[tuple[list[dict], list[dict]]]:
    """The invoices and the contracted amounts to weigh together: per contract when the procurement
    has several (two lots, two winners: each invoice against the contract it names), else all."""
    contracts_of = {d.get("document_id"): d.get("contracts") or [] for d in docs}
    codes = sorted({c for a in contracted for c in contracts_of.get(a.get("document_id"), [])})
    if len(codes) < 2:
        return [(invoiced, contracted)]
    return [([a for a in invoiced if code in contracts_of.get(a.get("document_id"), [])],
             [a for a in contracted if code in contracts_of.get(a.get("document_id"), [])]) for code in codes]


def _over(invoiced: list[dict], contracted: list[dict]) -> list[dict]:
    """Invoices summing above the contract's maximum (or total, or amended total), per currency."""
    flags = []
    for currency in sorted({a["currency"] for a in invoiced}):
        billed = [a for a in invoiced if a["currency"] == currency]
        ceiling = [a for a in contracted if a["currency"] == currency and a["label"] in ("maximum", "total", "amended")]
        total = sum((dec(a["value"]) for a in billed), Decimal(0))
        if ceiling and total > max(dec(a["value"]) for a in ceiling):
            top = max(dec(a["value"]) for a in ceiling)
            flags.append(_flag("over_invoiced", {"invoiced": f"{total:.2f}", "ceiling": f"{top:.2f}", "currency": currency},
                               _cite(billed + ceiling)))
    return flags


def _award_vs_contract(awarded: list[dict], contracted: list[dict]) -> list[dict]:
    totals = [a for a in contracted if a["label"] in ("total", "maximum")]
    if not awarded or not totals:
        return []
    for a in awarded:
        for c in totals:
            x, y = dec(a["value"]), dec(c["value"])
            if a["currency"] == c["currency"] and any(abs(x * f - y) <= max(Decimal(1), y / 1000) for f in (1, IVA, 1 / IVA)):
                return []
    first, other = awarded[0], totals[0]
    return [_flag("award_contract_mismatch", {"awarded": first["value"], "awarded_currency": first["currency"],
                                              "contracted": other["value"], "contracted_currency": other["currency"]},
                  _cite(awarded + totals))]


def _amendment(contracted: list[dict]) -> list[dict]:
    """Art. 52 LAASSP: an amendment may add at most 20 % of the original amount. The growth is the
    increase a convenio prints, or its new total less the original."""
    original = [a for a in contracted if a["label"] in ("total", "maximum")]
    increases = [a for a in contracted if a["label"] == "increase"]
    amended = [a for a in contracted if a["label"] == "amended"]
    if not original or not (increases or amended):
        return []
    base = max(dec(a["value"]) for a in original)
    if not base:
        return []
    growth = [(dec(a["value"]), a) for a in increases] + [(dec(a["value"]) - base, a) for a in amended]
    worst, cited = max(growth, key=lambda g: g[0])
    if worst / base <= AMENDMENT_LIMIT:
        return []
    return [_flag("amendment_over_20", {"percent": f"{worst / base * 100:.0f}", "original": f"{base:.2f}",
                                        "currency": cited["currency"]}, _cite(original + [cited]))]


def _same_rfc(a: str, b: str) -> bool:
    """One RFC, or one character apart (an OCR misreading: "M27" for "MZ7"); another company's RFC
    differs in its name letters and its date."""
    return a == b or (len(a) == len(b) and OSA.distance(a, b, score_cutoff=1) <= 1)


def _invoice_checks(invoices: list[dict], vendors: list[dict]) -> list[dict]:
    flags = []
    known = {r for v in vendors for r in v["rfcs"]}
    for inv in invoices:
        if known and inv["issuer_rfc"] and not any(_same_rfc(inv["issuer_rfc"], r) for r in known):
            where = [c for v in vendors for c in v.get("citations", [])]  # the contract naming the vendor
            flags.append(_flag("invoice_issuer_not_vendor", {"issuer_rfc": inv["issuer_rfc"],
                                                             "vendor_rfcs": ", ".join(sorted(known))}, _cite([inv] + where)))
    for key in ("uuid", "folio"):
        seen: dict[str, list[dict]] = {}
        for inv in invoices:
            if not inv.get(key):
                continue
            before = seen.setdefault(inv[key], [])
            # The same UUID in an XML and a PDF is one CFDI and its print-out (twice in one form is
            # twice); the same folio under the same UUID is that one invoice again.
            again = [b for b in before if (b.get("media_type") == inv.get("media_type") if key == "uuid"
                                           else b.get("uuid") != inv.get("uuid"))]
            if again:
                flags.append(_flag("duplicate_invoice", {"field": key, "id": inv[key]}, _cite([again[0], inv])))
            before.append(inv)
    return flags
