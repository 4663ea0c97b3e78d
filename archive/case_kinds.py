"""A document's kind in a procurement (convocatoria, junta, fallo, dictamen, contrato, convenio,
factura, acta, oficio, auditoria, expediente), guessed from its title and first page.

A title is a short noun phrase whose head comes first: its earliest keyword wins. A page is
weighed: each kind scores its strongest keyword, worth more near the top (the heading) than
deep in the text, so an audit that mentions an invoice in its findings stays an audit. An
invoice needs invoice evidence (folio fiscal, UUID, CFDI, comprobante fiscal): the word
"factura" alone never makes one.
"""

from __future__ import annotations

import re

from ingest.entities import fold

HEAD = 3000  # characters of the first page weighed
TOP = 600  # a keyword this close to the top counts up to three times

# (kind, [(folded pattern, weight)]): the order breaks ties.
KIND_WORDS: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = (
    ("convenio", ((r"convenio (?:modificatorio|de modificacion|de ampliacion)", 6),)),
    ("junta", ((r"junta de aclaraci", 5),)),
    ("fallo", ((r"acta de(?:l)? fallo", 6), (r"\bfallo\b", 4))),
    ("dictamen", ((r"dictamen (?:de|para) (?:la )?(?:excepcion|adjudicacion)|"
                   r"(?:escrito de )?justificacion (?:de|para) (?:la )?(?:excepcion|adjudicacion)", 6),
                  (r"excepcion a la licitacion", 4), (r"\bdictamen\b", 3), (r"adjudicacion directa", 3),
                  (r"\bjustificacion\b", 2))),
    ("convocatoria", ((r"bases de (?:la )?licitacion|llamado a licitacion", 5), (r"\bconvocatoria\b", 4))),
    ("factura", ((r"folio fiscal|comprobante fiscal|\bcfdi\b|timbre fiscal|"
                  r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 5), (r"\bfactura\b", 3))),
    ("acta", ((r"acta de entrega|entrega[- ]recepcion", 5),)),
    ("oficio", ((r"contrarrecibo", 5), (r"\boficio\b", 3), (r"\bacuse\b", 2))),
    ("auditoria", ((r"auditoria superior|informe individual|informe del auditor|informe de (?:la )?auditoria|"
                    r"pliegos? de observaciones|cedula de (?:observaciones|resultados)", 6),
                   (r"\bauditoria\b|organo interno de control|organo de fiscalizacion", 5),
                   (r"ente fiscalizado|entidad fiscalizada|\bfiscalizacion\b", 4),
                   (r"\bobservaci(?:on|ones)\b|\bsolventa", 3))),
    ("contrato", ((r"\bcontrato\b", 4), (r"\bclausulas\b", 3))),
    ("expediente", ((r"\bexpediente\b", 3),)),
)
_PATTERNS = [(kind, [(re.compile(p), w) for p, w in words]) for kind, words in KIND_WORDS]
_INVOICE_EVIDENCE = _PATTERNS[[k for k, _ in KIND_WORDS].index("factura")][1][0][0]


def case_kind(title: str, first_page: str) -> str:
    """A document's kind in a procurement; "otro" when nothing says."""
    folded_title, page = fold(title), fold(first_page[:HEAD])
    invoice = bool(_INVOICE_EVIDENCE.search(folded_title) or _INVOICE_EVIDENCE.search(page))
    return _title_kind(folded_title, invoice) or _page_kind(page, invoice) or "otro"


def _title_kind(title: str, invoice: bool) -> str | None:
    found = [(m.start(), n, kind) for n, (kind, words) in enumerate(_PATTERNS) if kind != "factura" or invoice
             for p, _w in words for m in [p.search(title)] if m]
    return min(found)[2] if found else None


def _page_kind(page: str, invoice: bool) -> str | None:
    best: tuple[float, int, str] | None = None
    for n, (kind, words) in enumerate(_PATTERNS):
        if kind == "factura" and not invoice:
            continue
        score = max((w * _place(m.start()) for p, w in words for m in [p.search(page)] if m), default=0.0)
        if score and (best is None or (score, -n) > (best[0], -best[1])):
            best = (score, n, kind)
    return best[2] if best else None


def _place(pos: int) -> float:
    """A heading weighs three times a mention deep in the page."""
    return 1 + 2 * max(0.0, 1 - pos / TOP)
