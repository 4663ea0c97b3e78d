"""A document's type (convocatoria, junta, fallo, dictamen, contrato, convenio, factura, acta,
oficio, auditoria, expediente), guessed from its title and first page: one guess for the
index's `type:` filter and facet and for the case view.

A title is a short noun phrase whose head comes first: its earliest keyword wins. A page is
weighed: each kind scores its strongest keyword (and half of its others), worth more near the
top and on a line in capitals (a heading) than deep in the text, so an audit that mentions an invoice in its findings stays an audit. An
invoice needs invoice evidence (folio fiscal, UUID, CFDI, comprobante fiscal): the word
"factura" alone never makes one.
"""

from __future__ import annotations

import re

from ingest import Document
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
    ("factura", ((r"f[o0]l[il1][o0] f[il1]scal|comprobante f[il1]scal|\bcfd[il1]\b|timbre f[il1]scal|"
                  r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 5), (r"\bfactura\b", 3))),
    ("acta", ((r"acta de entrega|entrega[- ]recepcion", 5),)),
    ("oficio", ((r"contrarrecibo", 5), (r"\boficio\b", 3), (r"\bacuse\b", 2))),
    # Scans misread i/l/1 and o/0: the audit's own words are matched through that noise.
    ("auditoria", ((r"aud[il1]tor[il1]a super[il1]or|[il1]nforme [il1]nd[il1]v[il1]dual|[il1]nforme del aud[il1]tor|"
                    r"[il1]nforme de (?:la )?aud[il1]tor[il1]a|pl[il1]egos? de observac[il1][o0]nes|"
                    r"cedula de (?:observac[il1][o0]nes|resultados)", 6),
                   (r"\baud[il1]tor[il1]a\b|[o0]rgano [il1]nterno de contr[o0]l|[o0]rgano de f[il1]scal[il1]zac[il1][o0]n", 5),
                   (r"ente f[il1]scal[il1]zado|ent[il1]dad f[il1]scal[il1]zada|\bf[il1]scal[il1]zac[il1][o0]n\b", 4),
                   (r"\bobservac[il1](?:[o0]n|[o0]nes)\b|\bsolventa|\bpl[il1]ego\b", 3))),
    ("contrato", ((r"\bcontrato\b", 4), (r"\bclausulas\b", 3))),
    ("expediente", ((r"\bexpediente\b", 3),)),
)
_PATTERNS = [(kind, [(re.compile(p), w) for p, w in words]) for kind, words in KIND_WORDS]
_INVOICE_EVIDENCE = _PATTERNS[[k for k, _ in KIND_WORDS].index("factura")][1][0][0]


def case_kind(title: str, first_page: str) -> str:
    """A document's kind in a procurement; "otro" when nothing says."""
    head = first_page[:HEAD]
    folded_title, page = fold(title), fold(head)
    invoice = bool(_INVOICE_EVIDENCE.search(folded_title) or _INVOICE_EVIDENCE.search(page))
    return _title_kind(folded_title, invoice) or _page_kind(head, page, invoice) or "otro"


def _title_kind(title: str, invoice: bool) -> str | None:
    found = [(m.start(), n, kind) for n, (kind, words) in enumerate(_PATTERNS) if kind != "factura" or invoice
             for p, _w in words for m in [p.search(title)] if m]
    return min(found)[2] if found else None


def _page_kind(head: str, page: str, invoice: bool) -> str | None:
    best: tuple[float, int, str] | None = None
    for n, (kind, words) in enumerate(_PATTERNS):
        if kind == "factura" and not invoice:
            continue
        found = sorted((max(w * _place(m.start(), head) for m in p.finditer(page)) for p, w in words if p.search(page)),
                       reverse=True)
        score = found[0] + sum(found[1:]) / 2 if found else 0.0  # more kinds of evidence count a little more
        if score and (best is None or (score, -n) > (best[0], -best[1])):
            best = (score, n, kind)
    return best[2] if best else None


def _place(pos: int, head: str) -> float:
    """A mention near the top weighs up to three times one deep in the page, and a line in
    capitals (a heading) half as much again."""
    start, end = head.rfind("\n", 0, pos) + 1, head.find("\n", pos)
    line = head[start:end if end >= 0 else len(head)]
    letters = list(filter(str.isalpha, line))  # C loops: a page without line breaks is one 3,000-character line
    caps = 1.5 if letters and sum(map(str.isupper, letters)) >= 0.8 * len(letters) else 1.0  # "CONTRATO No. X"
    return caps * (1 + 2 * max(0.0, 1 - pos / TOP))


KINDS = tuple(kind for kind, _words in KIND_WORDS)


def guess_kind(doc: Document) -> str:
    return case_kind(doc.title, doc.pages[0].text if doc.pages else "")
