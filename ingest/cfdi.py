"""CFDI e-invoices (XML 3.2, 3.3, 4.0, and Retenciones): read as one printed-style page.

The SAT's XML carries the facts journalists cite (issuer and receiver RFCs and names,
amounts, UUID, date); they are laid out as a page so search, entities and the page view
treat an invoice XML like its PDF.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PIL import Image

from expediente.errors import CorruptFile, UnsupportedType

from . import textpage
from .formats import register
from .model import Page


class CfdiFormat:
    media_type = "application/xml"

    def score(self, head: bytes, name: str) -> int:
        start = head.lstrip()[:1]
        return 95 if start == b"<" and (b"Comprobante" in head or b"Retenciones" in head) else 0

    def open(self, path: Path) -> "CfdiSource":
        return CfdiSource(path)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attrs(el: ET.Element) -> dict[str, str]:
    """Attributes by lower-case name (CFDI 3.2 spells them in lower case, 3.3+ capitalised)."""
    return {k.lower(): v for k, v in el.attrib.items()}


def _find(root: ET.Element, name: str) -> dict[str, str]:
    for el in root.iter():
        if _local(el.tag) == name:
            return _attrs(el)
    return {}


def _quantity(value: str | None) -> str:
    """2.000000 -> 2 (a quantity printed like money would read as an amount)."""
    try:
        q = Decimal(value or "").normalize()
    except InvalidOperation:
        return value or ""
    return f"{q:f}"


def _money(value: str | None) -> str:
    try:
        return f"${Decimal(value or ''):,.2f}"
    except InvalidOperation:
        return value or ""


class CfdiSource:
    media_type = CfdiFormat.media_type

    def __init__(self, path: Path) -> None:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise CorruptFile(f"the XML is malformed ({exc}): get a fresh copy of the CFDI") from exc
        kind = _local(root.tag)
        if kind not in ("Comprobante", "Retenciones"):
            raise UnsupportedType(f"an XML file but not a CFDI (its root is <{kind}>)")
        self.lines, self.title = (_invoice(root) if kind == "Comprobante" else _retenciones(root))

    def page_count(self) -> int:
        return 1

    def metadata(self) -> dict[str, str]:
        return {"Title": self.title}

    def text_layer(self, index: int, boxes: bool = False) -> Page | None:
        return textpage.layout(self.lines)  # boxes come with the layout, at no cost

    def text_layers(self, start: int, stop: int) -> list[Page | None]:
        return [self.text_layer(i) for i in range(start, stop)]

    def image(self, index: int, dpi: int, max_pixels: int | None = None, colour: bool = False) -> Image.Image:
        return textpage.render(self.lines, dpi)  # a letter page: far below any pixel budget

    def size(self, index: int) -> tuple[float, float]:
        return textpage.WIDTH, textpage.HEIGHT

    def close(self) -> None:
        pass


def _invoice(root: ET.Element) -> tuple[list[str], str]:
    top, emisor, receptor, tfd = _attrs(root), _find(root, "Emisor"), _find(root, "Receptor"), _find(root, "TimbreFiscalDigital")
    taxes = next((_attrs(el) for el in root if _local(el.tag) == "Impuestos"), {})
    folio = f"{top.get('serie', '')} {top.get('folio', '')}".strip()
    lines = [
        f"Comprobante Fiscal Digital por Internet (CFDI {top.get('version', '')}) tipo {top.get('tipodecomprobante', '')}",
        f"Serie y folio: {folio}    Fecha: {top.get('fecha', '').replace('T', ' ')}",
        f"Folio fiscal (UUID): {tfd.get('uuid', '')}",
        f"Emisor: {emisor.get('nombre', '')}    RFC: {emisor.get('rfc', '')}",
        f"Receptor: {receptor.get('nombre', '')}    RFC: {receptor.get('rfc', '')}",
        "",
        "Conceptos:",
    ]
    for el in root.iter():
        if _local(el.tag) == "Concepto":
            c = _attrs(el)
            lines.append(f"Cantidad {_quantity(c.get('cantidad'))}: {c.get('descripcion', '')}    Valor unitario: "
                         f"{_money(c.get('valorunitario'))}    Importe: {_money(c.get('importe'))}")
    lines += ["", f"Subtotal: {_money(top.get('subtotal'))}"]
    if taxes.get("totalimpuestostrasladados"):
        lines.append(f"Impuestos trasladados: {_money(taxes['totalimpuestostrasladados'])}")
    if taxes.get("totalimpuestosretenidos"):
        lines.append(f"Impuestos retenidos: {_money(taxes['totalimpuestosretenidos'])}")
    lines.append(f"Total: {_money(top.get('total'))} {top.get('moneda', 'MXN')}")
    title = f"CFDI {folio} de {emisor.get('nombre', '?')} a {receptor.get('nombre', '?')}"
    return lines, title


def _retenciones(root: ET.Element) -> tuple[list[str], str]:
    top, emisor, receptor = _attrs(root), _find(root, "Emisor"), _find(root, "Nacional") or _find(root, "Extranjero")
    totals, period, tfd = _find(root, "Totales"), _find(root, "Periodo"), _find(root, "TimbreFiscalDigital")
    name_e, name_r = emisor.get("nomdenrazsoce", ""), receptor.get("nomdenrazsocr", "")
    lines = [
        f"CFDI de Retenciones e Información de Pagos {top.get('version', '')}",
        f"Folio: {top.get('folioint', '')}    Fecha: {top.get('fechaexp', '').replace('T', ' ')}",
        f"Folio fiscal (UUID): {tfd.get('uuid', '')}",
        f"Emisor: {name_e}    RFC: {emisor.get('rfcemisor', emisor.get('rfce', ''))}",
        f"Receptor: {name_r}    RFC: {receptor.get('rfcrecep', receptor.get('rfcr', ''))}",
        f"Periodo: {period.get('mesini', '')}-{period.get('mesfin', '')} de {period.get('ejerc', '')}",
        f"Monto total de operación: {_money(totals.get('montototoperacion'))}",
        f"Monto total retenido: {_money(totals.get('montototret'))}",
    ]
    return lines, f"CFDI de retenciones {top.get('folioint', '')} de {name_e} a {name_r}"


register(CfdiFormat())
