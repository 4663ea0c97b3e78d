"""Claim check: a sentence taken apart into what can be checked (amounts, codes, dates,
vendors, people, names), each looked up, then the pages where they appear together.

When nothing prints them all, the weakest element (the one printed on most pages) is
dropped until some pages remain, and the answer says which were dropped; for an amount and
a name, the nearest evidence is the other amounts printed with the name and the other names
printed with the amount.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from expediente.errors import QuerySyntaxError, UsageError
from ingest.entities import extract_entities
from search import MAX_WINDOW, And

from .organise import amount_value

if TYPE_CHECKING:
    from .archive import Archive

MAX_CLAIM = 2000
TOGETHER = 10
_NAME = re.compile(r"(?<![\w-])([A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ.&-]{2,}(?:\s+(?:de\s+|del\s+|y\s+)?[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ.&-]{2,})*)")
_NOT_NAMES = {"la", "el", "los", "las", "en", "por", "del", "según", "segun", "una", "uno", "este", "esta"}


def claim_elements(text: str) -> list[dict[str, Any]]:
    """What the sentence says that an archive can confirm: (kind, printed, query)."""
    elements: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for ent in extract_entities(text):
        if ent.kind in ("amount", "date", "bid", "contract", "reference", "rfc", "vendor", "person"):
            query = {"amount": f"amount:{ent.value.split()[0]}", "date": f"date:{ent.value}"}.get(
                ent.kind, f'"{ent.printed}"' if ent.kind in ("vendor", "person") else ent.printed)
            elements.append({"kind": ent.kind, "printed": ent.printed, "query": query})
            taken.append((ent.start, ent.end))
    for m in _NAME.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken) or m.group().lower() in _NOT_NAMES:
            continue
        elements.append({"kind": "name", "printed": m.group(), "query": f'"{m.group()}"'})
    return elements


def check_claim(archive: "Archive", text: str) -> dict[str, Any]:
    """Each element with where it is printed, the pages printing them together (strongest first)."""
    if not text.strip():
        raise UsageError("the claim is empty: paste a sentence, e.g. \"La Comisión pagó 1,023,123 pesos a Magavel\"",
                         "claim_empty")
    if len(text) > MAX_CLAIM:
        raise UsageError(f"the claim is too long (over {MAX_CLAIM} characters): check one sentence at a time",
                         "claim_too_long", n=MAX_CLAIM)
    elements = claim_elements(text)
    nodes = {}
    for el in elements:
        try:
            nodes[el["printed"]] = archive.compile_query(el["query"])
        except QuerySyntaxError as exc:
            el["error"], el["error_code"], el["error_params"] = exc.message, exc.detail_code, exc.params
            continue
        found = archive.engine.search(nodes[el["printed"]], limit=MAX_WINDOW)
        el["pages"] = found.total
        el["documents"] = len({h.document_id for h in found.hits})
        el["first"] = _cite(archive, [(h.document_id, h.page) for h in found.hits[:3]])
    checkable = sorted((e for e in elements if "pages" in e), key=lambda e: e["pages"])
    together: list[dict[str, Any]] = []
    dropped: list[str] = []
    while len(checkable) >= 2 and not together:
        found = archive.engine.search(And(tuple(nodes[e["printed"]] for e in checkable)), limit=TOGETHER)
        together = _cite(archive, [(h.document_id, h.page) for h in found.hits])
        if not together:
            dropped.append(checkable.pop()["printed"])  # the element printed most often says least
    return {"claim": text, "elements": elements, "together": together, "dropped": dropped,
            "nearest": _nearest(archive, elements) if dropped or len(checkable) < 2 else []}


def _cite(archive: "Archive", keys: list[tuple[str, int]]) -> list[dict[str, Any]]:
    out = []
    for doc_id, page in keys:
        doc = archive.catalog.document(doc_id)
        if doc is not None:
            out.append({"document_id": doc_id, "filename": doc["filename"], "title": doc["title"], "page": page})
    return out


def _nearest(archive: "Archive", elements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For a name and an amount not printed together: the amounts printed with the name, and
    the names (vendors) printed with the amount."""
    out = []
    names = [e for e in elements if e["kind"] in ("vendor", "name", "person") and e.get("pages")]
    amounts = [e for e in elements if e["kind"] == "amount" and e.get("pages")]
    for name in names[:2]:
        keys = [(f["document_id"], f["page"]) for f in name["first"]]
        values = _entities_on(archive, keys, "amount")
        if values:
            out.append({"with": name["printed"], "kind": "amount", "values": values[:5]})
    for amount in amounts[:2]:
        keys = [(f["document_id"], f["page"]) for f in amount["first"]]
        values = _entities_on(archive, keys, "vendor")
        if values:
            out.append({"with": amount["printed"], "kind": "vendor", "values": values[:5]})
    return out


def _entities_on(archive: "Archive", keys: list[tuple[str, int]], kind: str) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for doc_id, page in keys:
        for ent in archive.catalog.entities(doc_id, page):
            if ent["kind"] == kind and ent["value"] not in seen:
                seen[ent["value"]] = {"printed": ent["printed"], "value": ent["value"], "document_id": doc_id, "page": page}
    if kind == "amount":
        return sorted(seen.values(), key=lambda v: -(amount_value(v["value"]) or 0))
    return list(seen.values())
