"""Pair company names with the RFC printed right after them."""
from __future__ import annotations

from .model import Entity

MAX_GAP = 120  # characters between the end of the company name and the RFC
MAX_GAP_SAME_LINE = 200


def link_vendor_rfcs(text: str, entities: list[Entity]) -> list[tuple[str, str]]:
    """(vendor value, rfc value) for each company RFC printed on the same line or shortly after a vendor."""
    ordered = sorted((e for e in entities if e.kind in ("vendor", "rfc")), key=lambda e: e.start)
    pairs: list[tuple[str, str]] = []
    vendor: Entity | None = None
    for e in ordered:
        if e.kind == "vendor":
            vendor = e
            continue
        if vendor is None or len(e.value) != 12:  # persons (13 chars) are not companies
            continue
        gap = text[vendor.end:e.start]
        same_line = "\n" not in gap
        near = len(gap) <= (MAX_GAP_SAME_LINE if same_line else MAX_GAP)
        if near and "\n\n" not in gap.replace("\r", ""):
            pair = (vendor.value, e.value)
            if pair not in pairs:
                pairs.append(pair)
        vendor = None  # one RFC per company mention
    return pairs
