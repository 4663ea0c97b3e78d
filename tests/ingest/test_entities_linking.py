"""Vendor <-> RFC linking: a company's own RFC, declared sentences after its name or labelled as the
issuer's on an invoice; never the receiver's (the buyer's)."""
from __future__ import annotations

from ingest.entities import extract_entities, link_vendor_rfcs

CONTRACT = """CONTRATO DE ADQUISICIÓN DE UNIFORMES QUE CELEBRAN POR UNA PARTE LA SECRETARÍA DE SEGURIDAD CIUDADANA \
DEL ESTADO Y POR LA OTRA CONFECCIONES LOBERA DEL NAZAS, S.A. DE C.V., AL TENOR DE LAS SIGUIENTES:

D E C L A R A C I O N E S

I. Declara LA SECRETARÍA, por conducto de su titular, que:
I.1 Es una dependencia de la Administración Pública Estatal.
I.2 Su Registro Federal de Contribuyentes es SAF030715QR3.

II. Declara EL PROVEEDOR, por conducto de su apoderado, que:
II.1 Es una sociedad mercantil legalmente constituida bajo la denominación Confecciones Lobera del Nazas, \
S.A. de C.V., como consta en la escritura pública número 8,214, pasada ante la fe del Notario Público \
número 12 de Gómez Palacio, Durango.
II.2 Su apoderado, el C. Efraín Saucedo Ibarra, cuenta con facultades suficientes para suscribir el presente.
II.3 Se encuentra inscrita en el Registro Federal de Contribuyentes con la clave CLO170425GH2.
"""


def links(text: str) -> list[tuple[str, str]]:
    return link_vendor_rfcs(text, extract_entities(text))


def test_rfc_declared_sentences_after_the_company_name_is_its_own() -> None:
    assert links(CONTRACT) == [("confecciones lobera del nazas", "CLO170425GH2")]


def test_the_buyers_declared_rfc_is_no_vendors() -> None:
    """The buyer declares its RFC after the opening paragraph named the vendor: another party's
    declarations lie between, so the RFC is not the vendor's."""
    head = CONTRACT.split("II. Declara")[0]
    assert links(head) == []


def test_a_loose_rfc_far_from_the_name_stays_unlinked() -> None:
    text = "Confecciones Lobera del Nazas, S.A. de C.V." + " entregó los bienes." * 12 + " RFC CLO170425GH2"
    assert links(text) == []


def test_invoice_printout_rfc_emisor_before_the_name() -> None:
    text = ("FACTURA   Serie B   Folio 2041\n"
            "RFC emisor: PMA121108JK7\n"
            "Nombre emisor: Papelería y Mobiliario del Altiplano, S.A. de C.V.\n"
            "RFC receptor: SAF030715QR3\n"
            "Nombre receptor: Secretaría de Finanzas del Estado de San Luis Potosí\n")
    assert links(text) == [("papeleria y mobiliario del altiplano", "PMA121108JK7")]


def test_the_receivers_rfc_never_keys_the_issuer() -> None:
    """The issuer's own RFC is unreadable (an O for a 0): the buyer's RFC on the next line is not its."""
    text = ("Emisor: LLANTAS Y VULCANIZADOS DEL ALTIPLANO, S.A. DE C.V.    RFC: LVA19O211MN9\n"
            "Receptor: SECRETARÍA DE SALUD DE ZACATECAS    RFC: SAF030715QR3\n")
    assert links(text) == []


def test_a_receiver_company_keeps_its_own_rfc_and_never_lends_it() -> None:
    text = ("Emisor: LLANTAS Y VULCANIZADOS DEL ALTIPLANO, S.A. DE C.V.    RFC: LVA19O211MN9\n"
            "Receptor: PAPELERIA Y MOBILIARIO DEL ALTIPLANO, S.A. DE C.V.    RFC: PMA121108JK7\n")
    assert links(text) == [("papeleria y mobiliario del altiplano", "PMA121108JK7")]


def test_issuer_named_without_legal_form_as_a_cfdi_40_prints_it() -> None:
    text = ("Emisor: COMERCIALIZADORA OLIVARES DE YURIRIA    RFC: COY200630PL2\n"
            "Receptor: MUNICIPIO DE YURIRIA    RFC: SAF030715QR3\n")
    ents = extract_entities(text)
    assert [e.value for e in ents if e.kind == "vendor"] == ["comercializadora olivares de yuriria"]
    assert link_vendor_rfcs(text, ents) == [("comercializadora olivares de yuriria", "COY200630PL2")]


def test_a_person_issuing_an_invoice_is_not_a_company() -> None:
    text = "Emisor: JOSEFINA ARREOLA TREVIÑO    RFC: AETJ7803125K1\n"
    assert [e for e in extract_entities(text) if e.kind == "vendor"] == []


def test_bidders_each_with_their_rfc_on_their_own_row() -> None:
    text = ("Proveedor: TALLERES TEXTILES DE ESCUINAPA, S.A. DE C.V.   RFC: TTE061122WS4\n"
            "Proveedor: HILADOS DEL NOROESTE E IMPORTACIONES, S.A. DE C.V.   RFC: HNI140909BC3\n")
    assert links(text) == [("talleres textiles de escuinapa", "TTE061122WS4"),
                           ("hilados del noroeste e importaciones", "HNI140909BC3")]


def test_the_buyers_rfc_in_a_paragraph_naming_el_proveedor_is_not_the_vendors() -> None:
    text = ("Contrato que celebran el Municipio de Escuinapa y el proveedor Talleres Textiles de Escuinapa, "
            "S.A. de C.V., en lo sucesivo EL PROVEEDOR.\n\n"
            "I.3 Que para cubrir las obligaciones con EL PROVEEDOR cuenta con recursos propios y su clave del "
            "Registro Federal de Contribuyentes es SAF030715QR3.\n")
    assert links(text) == []
