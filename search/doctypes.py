"""A document's type (fallo, contrato, factura, ...) guessed from its title and first page."""

from __future__ import annotations

from ingest import Document

from .analysis import fold

# Checked in order: the first keyword found in the title, then in the first page, wins.
KINDS = (
    ("fallo", ("fallo",)),
    ("convocatoria", ("convocatoria", "bases de licitacion")),
    ("factura", ("factura", "cfdi", "comprobante fiscal")),
    ("contrato", ("contrato",)),
    ("auditoria", ("auditoria", "informe del auditor")),
    ("acta", ("acta ",)),
    ("oficio", ("oficio",)),
    ("licitacion", ("licitacion",)),
)


def guess_kind(doc: Document) -> str:
    title = fold(doc.title)
    head = fold(doc.pages[0].text[:1500]) if doc.pages else ""
    for source in (title, head):
        for kind, words in KINDS:
            if any(w in source for w in words):
                return kind
    return "otro"
