"""Pair company names with their own RFC.

An RFC belongs to the company named right before it (same line, or shortly after). A labelled
RFC reaches further: "RFC emisor" / "RFC del emisor" is the issuer's, wherever on the page the
issuer is named ("Emisor: ..."); "Registro Federal de Contribuyentes ..." in a company's
declarations is that company's, sentences after its name, until another party's declarations
begin. An RFC labelled as the receiver's ("Receptor", "Cliente") is the buyer's: it goes with the
name printed as the receiver, never with the issuer or another vendor.
"""
from __future__ import annotations

import re

from .model import Entity
from .textutil import fold, line_before

MAX_GAP = 120  # characters between the end of the company name and the RFC
MAX_GAP_SAME_LINE = 200
LABELLED_GAP = 1200  # "Registro Federal de Contribuyentes" a few sentences after the name
_LABEL_WINDOW = 120  # how far back on its line an RFC's (or a name's) label is looked for

# Invoice labels. "Proveedor" is no label: contract prose names EL PROVEEDOR beside the buyer's RFC.
_ROLE = re.compile(r"(?<![a-z])(?:(?P<buyer>receptor|cliente|adquirente|comprador)|(?P<issuer>emisor))(?![a-z])")
# A company declaring its own RFC: "su Registro Federal de Contribuyentes es", "con R.F.C." is too
# loose to reach past its line, "su R.F.C." is not.
_REGISTRY = re.compile(r"registro\s+federal\s+de\s+contribuyentes|(?<![a-z])su\s+r\.?\s?f\.?\s?c(?![a-z])")
_CLAUSE = re.compile(r"[ \t]*([ivxl]+)\.\s?\d")
# Another party's declarations begin: "II. Declara EL PROVEEDOR", "DECLARACIONES", "D E C L A R A".
_DECLARATIONS = re.compile(r"\n[ \t]*(?:[ivxl]+|[a-z]|\d+)?[.)\-]?[ \t]*(?:-[ \t]*)?(?:declara|d e c l a r a)")


def role_of(folded: str, start: int) -> str | None:
    """'buyer' or 'issuer' when the line before an RFC labels whose it is, else None."""
    last = None
    for last in _ROLE.finditer(line_before(folded, start, _LABEL_WINDOW)):
        pass
    return last.lastgroup if last else None


def _issuer(folded: str, vendors: list[Entity]) -> Entity | None:
    """The vendor a page labels as the issuer ("Emisor: ...", "Nombre del emisor: ...")."""
    for v in vendors:
        if role_of(folded, v.start) == "issuer":
            return v
    return None


def _near(text: str, vendor: Entity, rfc: Entity) -> bool:
    """The RFC printed on the vendor's line or shortly after it, in the same paragraph."""
    gap = text[vendor.end:rfc.start]
    same_line = "\n" not in gap
    near = len(gap) <= (MAX_GAP_SAME_LINE if same_line else MAX_GAP)
    return near and "\n\n" not in gap.replace("\r", "")


def _declared(folded: str, vendor: Entity, rfc: Entity, between: list[Entity]) -> bool:
    """'... denominada ACME, S.A. de C.V. [...] su Registro Federal de Contribuyentes es ...':
    a labelled RFC a few sentences after the name, no other party named or declaring between."""
    if rfc.start - vendor.end > LABELLED_GAP or any(e.kind == "agency" for e in between):
        return False
    if not _REGISTRY.search(line_before(folded, rfc.start, 80)):
        return False
    block = _block(folded, rfc.start)
    if block is not None and _block(folded, vendor.start) != block:
        return False  # "I.3 ... su Registro Federal ..." is the first party's, the vendor declares in II
    return not _DECLARATIONS.search(folded, vendor.end, rfc.start)


def _block(folded: str, pos: int) -> str | None:
    """The declaration block of the numbered clause a position is in: "ii" for "II.3 Que su ..."."""
    m = _CLAUSE.match(folded, folded.rfind("\n", 0, pos) + 1)
    return m.group(1) if m else None


def link_vendor_rfcs(text: str, entities: list[Entity]) -> list[tuple[str, str]]:
    """(vendor value, rfc value) for each company RFC printed with a vendor (see the module)."""
    if not any(e.kind == "rfc" and len(e.value) == 12 for e in entities) or not any(e.kind == "vendor" for e in entities):
        return []  # no company RFC or no company: nothing to pair, and the page is not folded
    folded = fold(text)
    ordered = sorted((e for e in entities if e.kind in ("vendor", "rfc", "agency")), key=lambda e: e.start)
    issuer = _issuer(folded, [e for e in ordered if e.kind == "vendor"])
    pairs: list[tuple[str, str]] = []
    vendor: Entity | None = None
    between: list[Entity] = []
    for e in ordered:
        if e.kind != "rfc":
            if e.kind == "vendor":
                vendor, between = e, []
            else:
                between.append(e)
            continue
        if len(e.value) != 12:  # persons (13 chars) are not companies
            continue
        role = role_of(folded, e.start)
        buyer_named = vendor is not None and role_of(folded, vendor.start) == "buyer"
        before = None if buyer_named else vendor
        owner = None
        if role == "buyer":  # the receiver's RFC is its own name's ("Receptor: X, S.A.  RFC: ..."), no vendor's
            owner = vendor if buyer_named and vendor is not None and _near(text, vendor, e) else None
        elif before is not None and _near(text, before, e):
            owner = before
        elif role == "issuer" and issuer is not None:
            owner = issuer
        elif before is not None and _declared(folded, before, e, between):
            owner = before
        if owner is not None and (owner.value, e.value) not in pairs:
            pairs.append((owner.value, e.value))
        vendor = None  # one RFC per company mention
    return pairs
