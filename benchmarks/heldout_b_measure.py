"""Set B's figures: the archive's answers (vendors --json, search vendor:"KEY", case CODE --json)
against set B's truth, split by layer (text layer or OCR). The same figures as the first
held-out set's, with set B's flags (duplicate invoices too)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any, Callable

from heldout_b_words import fold
from heldout_measure import LAYERS, Ratio, _layer  # noqa: F401  (the same counting as set A)

FLAG_SOURCE = {"over_invoiced": ("factura",), "amendment_over_20": ("convenio",),
               "invoice_issuer_not_vendor": ("factura",), "duplicate_invoice": ("factura",),
               "audit_observation": ("auditoria",), "award_contract_mismatch": ("fallo", "contrato")}
FIGURE_SOURCE = {"awarded": ("fallo",), "contracted": ("contrato", "convenio"),
                 "invoiced": ("factura",), "observed": ("auditoria",)}


def _named(truth: dict[str, Any], filename: str) -> str:
    info = truth["files"].get(filename)
    return f"{filename} ({info['kind']}{', OCR' if info['ocr'] else ''})" if info else filename


Fold = Callable[[str], str]


def company_of(entry: dict[str, Any], companies: list[dict[str, str]], fold: Fold = fold) -> dict[str, str] | None:
    """The real company a vendor entry stands for: by RFC, else by its identifying phrase."""
    for company in companies:
        if company["rfc"] in entry.get("rfcs", []):
            return company
    name = fold(entry.get("name", ""))
    return next((c for c in companies if c["key"] in name), None)


def truth_pages(truth: dict[str, Any], company: dict[str, str], fold: Fold = fold) -> set[tuple[str, int]]:
    """Pages of the set printing the company's name (folded) or its RFC."""
    return {(filename, n) for filename, info in truth["files"].items()
            for n, text in enumerate(info["pages"], 1)
            if company["key"] in fold(text) or company["rfc"] in text}


def vendor_figures(truth: dict[str, Any], vendors: list[dict[str, Any]],
                   pages_of: Callable[[str], set[tuple[str, int]]], fold: Fold = fold) -> dict[str, Any]:
    """Vendor precision (entries that are real companies), per-vendor page recall and precision
    (`fold`: how the set folds names and texts to compare them)."""
    companies = [c for c in truth["companies"] if truth_pages(truth, c, fold)]
    precision, recall, page_precision = Ratio(), Ratio(), Ratio()
    got: dict[str, set[tuple[str, int]]] = defaultdict(set)
    entries: dict[str, list[str]] = defaultdict(list)
    stray = []
    for entry in vendors:
        pages = pages_of(entry["key"])
        layer = "ocr" if pages and all(_layer(truth, f) == "ocr" for f, _ in pages) else "text"
        company = company_of(entry, companies, fold)
        precision.add(layer, company is not None)
        if company is None:
            stray.append(entry.get("name", entry["key"]))
            continue
        got[company["key"]] |= pages
        entries[company["key"]].append(entry["key"])
    per_company = {}
    for company in companies:
        expected, mine = truth_pages(truth, company, fold), got[company["key"]]
        for page in expected:
            recall.add(_layer(truth, page[0]), page in mine)
        for page in mine:
            page_precision.add(_layer(truth, page[0]), page in expected)
        per_company[company["name"]] = {
            "entries": entries[company["key"]],
            "pages": f"{len(expected & mine)}/{len(expected)}",
            "missed": [f"{_named(truth, f)} p.{n}" for f, n in sorted(expected - mine)],
            "stray": [f"{_named(truth, f)} p.{n}" for f, n in sorted(mine - expected)]}
    return {"precision": precision.as_dict(), "page_recall": recall.as_dict(),
            "page_precision": page_precision.as_dict(), "not_companies": stray,
            "per_company": per_company}


def _values(case: dict[str, Any], role: str) -> set[Decimal]:
    return {Decimal(a["value"]) for a in case.get("amounts", {}).get(role, [])}


def figures_right(case: dict[str, Any], want: dict[str, Any]) -> dict[str, bool]:
    """A role is right when its key figure is listed and every figure listed is a true one."""
    def right(role: str) -> bool:
        got = _values(case, role)
        return Decimal(want[f"{role}_key"]) in got and got <= {Decimal(v) for v in want[role]}
    got_total = case.get("invoiced_total") or {}
    return {"awarded": right("awarded"), "contracted": right("contracted"),
            "invoiced": got_total.get("currency") == "MXN"
            and Decimal(got_total.get("value", "0")) == Decimal(want["invoiced_total"]),
            "observed": _values(case, "observed") == {Decimal(v) for v in want["observed"]}}


def _kind_layer(truth: dict[str, Any], files: list[str], kinds: tuple[str, ...]) -> str:
    """'ocr' when some document of these kinds can only be read through OCR."""
    return "ocr" if any(truth["files"][f]["ocr_only"] for f in files
                        if truth["files"][f]["kind"] in kinds) else "text"


def case_figures(truth: dict[str, Any], cases: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    """Document recall/precision, right figures and flags over every (procurement, code) lookup."""
    recall, precision = Ratio(), Ratio()
    right = {role: Ratio() for role in FIGURE_SOURCE}
    flag_recall, flag_precision = Ratio(), Ratio()
    details = {}
    for (pid, code), case in cases.items():
        want = truth["cases"][pid]
        files = want["files"]
        listed = [d["filename"] for d in case.get("documents", [])]
        for f in files:
            recall.add(_layer(truth, f), f in listed)
        for f in listed:
            precision.add(_layer(truth, f), f in files)
        ok = figures_right(case, want)
        for role, good in ok.items():
            if role != "observed" or want["observed"]:
                right[role].add(_kind_layer(truth, files, FIGURE_SOURCE[role]), good)
        got_flags = {f["kind"]: f for f in case.get("flags", [])}
        for kind in want["flags"]:
            flag_recall.add(_kind_layer(truth, files, FLAG_SOURCE[kind]), kind in got_flags)
        for kind, flag in got_flags.items():
            cited = [c["filename"] for c in flag.get("citations", [])]
            layer = "ocr" if any(_layer(truth, f) == "ocr" for f in cited) else "text"
            flag_precision.add(layer, kind in want["flags"])
        details[f"{pid} {code}"] = {
            "missing": [_named(truth, f) for f in sorted(set(files) - set(listed))],
            "extra": [_named(truth, f) for f in sorted(set(listed) - set(files))],
            "wrong_figures": {r: sorted(str(v) for v in _values(case, r)) if r != "invoiced"
                              else (case.get("invoiced_total") or {}).get("value")
                              for r, g in ok.items() if not g and (r != "observed" or want["observed"])},
            "flags": sorted(got_flags), "want_flags": want["flags"]}
    return {"doc_recall": recall.as_dict(), "doc_precision": precision.as_dict(),
            "figures_right": {r: v.as_dict() for r, v in right.items()},
            "flag_recall": flag_recall.as_dict(), "flag_precision": flag_precision.as_dict(),
            "cases": details}
