"""Pieces shared by the document definitions: letterheads, headings, signatures, oficios, tables."""
from __future__ import annotations

from .blocks import P, Cols, Letterhead, Sig, Table, b
from .facts import BID
from .model import Doc, Page
from .text import money

SCAN_MARGINS = (72, 56, 72, 64)  # scanned letters: wider margins, larger type
AUTHOR_CESP = "Comisión Estatal de Seguridad Pública de Morelos"


def scanned_doc(file: str, title: str, kind: str, author: str, **kw) -> Doc:
    """A typewritten-looking document (serif, wide margins) whose pages will be scanned."""
    return Doc(file, title, kind, family="serif", author=author, margins=SCAN_MARGINS, **kw)


def new_page(d: Doc, header, *args, scanned: bool = False, **kw) -> Page:
    """A new page of d with its letterhead: header(pg, *args, **kw)."""
    pg = d.page(scanned=scanned)
    header(pg, *args, **kw)
    return pg


def hdr_morelos(pg: Page, area="Coordinación de Administración y Finanzas", size_boost=0.0):
    pg.add(Letterhead([("GOBIERNO DEL ESTADO DE MORELOS", "b", 11 + size_boost),
                       ("COMISIÓN ESTATAL DE SEGURIDAD PÚBLICA", "b", 10 + size_boost),
                       (area, "r", 9 + size_boost)], logo="shield"))


def hdr_juarez(pg: Page, area="Dirección de Contabilidad y Adquisiciones", size_boost=0.0):
    pg.add(Letterhead([("MUNICIPIO DE JUÁREZ, CHIHUAHUA", "b", 11 + size_boost),
                       ("TESORERÍA MUNICIPAL", "b", 10 + size_boost),
                       (area, "r", 9 + size_boost)], logo="circle"))


def hdr_nayarit(pg: Page, area="Dirección General de Administración", size_boost=0.0):
    pg.add(Letterhead([("FISCALÍA GENERAL DEL ESTADO DE NAYARIT", "b", 11 + size_boost),
                       (area, "r", 9.5 + size_boost)], logo="shield"))


def bid_line(pg: Page, size=10.5):
    pg.add(P([b("LICITACIÓN PÚBLICA NACIONAL PRESENCIAL No. "), b(pg.bid(BID))], size=size, align="center",
             after=2))


def sections(pg: Page, items) -> None:
    """Numbered sections: a bold heading, then one paragraph, for each (heading, text)."""
    for heading, text in items:
        pg.add(P(b(heading), after=4))
        pg.add(P(text))


def signer(pg: Page, key: str, *lines, top=None, style: str = "upper", vendor: str | None = None,
           **vendor_kw) -> dict:
    """One signature of a Sig block: optional heading, the name in bold, then lines (and a company).

    The person is registered on the page before the company, in reading order."""
    person = {"top": [top] if top is not None else [], "lines": [[b(pg.person(key, style))], *lines]}
    if vendor is not None:
        person["lines"].append(pg.vendor(vendor, **vendor_kw))
    return person


def sign_off(pg: Page, key: str, title: str, p_size: float = 10, **sig_kw) -> None:
    """'Atentamente' and the signature of the sender of an oficio."""
    pg.add(P("Atentamente", size=p_size, align="center", after=2))
    pg.add(Sig([signer(pg, key, title)], per_row=1, **sig_kw))


def oficio_head(pg: Page, ref: str, place: str, iso: str, subject: str, widths=(40, 60), size: float = 12):
    """Number, place and date, subject: the right-hand block at the top of an oficio."""
    pg.add(Cols([[], [f"Oficio No. {pg.ref(ref)}", f"{place}, {pg.date(iso)}", f"Asunto: {subject}"]],
                widths=list(widths), size=size, aligns=[None, "right"], after=14))


def addressee(pg: Page, key: str, size: float = 10, *, vendor: str | None = None, role: str = "",
              presente: str = "Presente") -> None:
    """The addressee of an oficio: name in bold, role (or 'Representante Legal de' a company)."""
    pg.add(P([b(pg.person(key, "upper"))], size=size, after=0))
    pg.add(P(["Representante Legal de ", pg.vendor(vendor)] if vendor else role, size=size, after=0))
    pg.add(P(presente, size=size, after=12))


def priced_items_table(pg: Page, items, subtotal, iva, total, widths) -> None:
    """Line items (description, quantity, unit price) with subtotal, IVA and total."""
    rows = [["Partida", "Descripción", "Cant.", "Precio unitario", "Importe"]]
    for k, (desc, qty, price) in enumerate(items, 1):
        rows.append([str(k), desc, str(qty), pg.amount(price, "bare"), pg.amount(money(price) * qty, "bare")])
    rows.append(["", b("Subtotal"), "", "", pg.amount(subtotal, "bare")])
    rows.append(["", b("IVA 16%"), "", "", pg.amount(iva, "bare")])
    rows.append(["", b("Total"), "", "", b(pg.amount(total, "bare"))])
    pg.add(Table(widths, rows, size=8.5, aligns=["center", "left", "center", "right", "right"]))
