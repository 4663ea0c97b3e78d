"""Set C's figures: set B's scoring (same truth format, same flags) with set C's own folding for
company names, and the direct-award ruling (kind "dictamen") counted where a fallo is."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable

import heldout_b_measure
from heldout_b_measure import FLAG_SOURCE, _named, figures_right  # noqa: F401  (re-exported)
from heldout_c_words import fold
from heldout_measure import LAYERS, Ratio, _layer  # noqa: F401  (the same counting as sets A and B)


def company_of(entry: dict[str, Any], companies: list[dict[str, str]]) -> dict[str, str] | None:
    """The real company a vendor entry stands for: by RFC, else by its identifying phrase."""
    for company in companies:
        if company["rfc"] in entry.get("rfcs", []):
            return company
    name = fold(entry.get("name", ""))
    return next((c for c in companies if c["key"] in name), None)


def truth_pages(truth: dict[str, Any], company: dict[str, str]) -> set[tuple[str, int]]:
    """Pages of the set printing the company's name (folded) or its RFC."""
    return {(filename, n) for filename, info in truth["files"].items()
            for n, text in enumerate(info["pages"], 1)
            if company["key"] in fold(text) or company["rfc"] in text}


def vendor_figures(truth: dict[str, Any], vendors: list[dict[str, Any]],
                   pages_of: Callable[[str], set[tuple[str, int]]]) -> dict[str, Any]:
    """Vendor precision (entries that are real companies), per-vendor page recall and precision."""
    companies = [c for c in truth["companies"] if truth_pages(truth, c)]
    precision, recall, page_precision = Ratio(), Ratio(), Ratio()
    got: dict[str, set[tuple[str, int]]] = defaultdict(set)
    entries: dict[str, list[str]] = defaultdict(list)
    stray = []
    for entry in vendors:
        pages = pages_of(entry["key"])
        layer = "ocr" if pages and all(_layer(truth, f) == "ocr" for f, _ in pages) else "text"
        company = company_of(entry, companies)
        precision.add(layer, company is not None)
        if company is None:
            stray.append(entry.get("name", entry["key"]))
            continue
        got[company["key"]] |= pages
        entries[company["key"]].append(entry["key"])
    per_company = {}
    for company in companies:
        expected, mine = truth_pages(truth, company), got[company["key"]]
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


def case_figures(truth: dict[str, Any], cases: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    """Set B's case figures; a direct-award ruling stands where a fallo does."""
    files = {name: {**info, "kind": "fallo" if info["kind"] == "dictamen" else info["kind"]}
             for name, info in truth["files"].items()}
    return heldout_b_measure.case_figures({**truth, "files": files}, cases)
