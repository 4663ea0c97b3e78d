"""Vendors (companies with a Mexican legal form), normalise_vendor and vendor<->RFC linking."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.entities import extract_entities, link_vendor_rfcs, normalise_vendor
from ingest.entities.legalforms import _LEGAL, _LEGAL_MIXED, _MIXED_STARTS, _lower_hinted, _mixed_forms, _upper_forms
from ingest.entities.textutil import find_all


def vendors(text: str) -> list[tuple[str, str]]:
    return [(e.printed, e.value) for e in extract_entities(text) if e.kind == "vendor"]


CASES = [
    ("se adjudicó a Servicios Integrales Magavel, S.A. de C.V., por", "Servicios Integrales Magavel, S.A. de C.V.",
     "servicios integrales magavel"),
    ("SERVICIOS INTEGRALES MAGAVEL SA DE CV", "SERVICIOS INTEGRALES MAGAVEL SA DE CV", "servicios integrales magavel"),
    ("con la empresa Promotora Otir, S. A. de C. V.", "Promotora Otir, S. A. de C. V.", "promotora otir"),
    ("Emisor PROMOTORA OTIR SA DE CV\n", "PROMOTORA OTIR SA DE CV", "promotora otir"),
    ("CEVER TOLUCA S.A. DE C.V.", "CEVER TOLUCA S.A. DE C.V.", "cever toluca"),
    ("ACCEM SERVICIOS EMPRESARIALES SC\nRFC", "ACCEM SERVICIOS EMPRESARIALES SC", "accem servicios empresariales"),
    ("Grupo Bimbo, S.A.B. de C.V.", "Grupo Bimbo, S.A.B. de C.V.", "grupo bimbo"),
    ("Farmacéutica de la Costa, S. de R.L. de C.V.", "Farmacéutica de la Costa, S. de R.L. de C.V.",
     "farmaceutica de la costa"),
    ("Consultores del Golfo, S. de R.L.", "Consultores del Golfo, S. de R.L.", "consultores del golfo"),
    ("Inversiones Omega, S.A.P.I. de C.V.", "Inversiones Omega, S.A.P.I. de C.V.", "inversiones omega"),
    ("Banco Azteca, S.A., Institución", "Banco Azteca, S.A.", "banco azteca"),
    ("Despacho Jurídico Ruiz, S.C.", "Despacho Jurídico Ruiz, S.C.", "despacho juridico ruiz"),
    ("Fundación Telmex, A.C.", "Fundación Telmex, A.C.", "fundacion telmex"),
    ("Cooperativa Sur, S.C. de R.L.", "Cooperativa Sur, S.C. de R.L.", "cooperativa sur"),
    ("CONSTRUCCIONES Y SERVICIOS DEL NORTE, S.A. DE C.V.", "CONSTRUCCIONES Y SERVICIOS DEL NORTE, S.A. DE C.V.",
     "construcciones y servicios del norte"),
    ("La Costeña, Sociedad Anónima de Capital Variable", "La Costeña, Sociedad Anónima de Capital Variable",
     "la costena"),
    ("proveedor Promotora Otir, s.a. de c.v.", "Promotora Otir, s.a. de c.v.", "promotora otir"),
]


@pytest.mark.parametrize("text,printed,value", CASES)
def test_vendor_formats(text: str, printed: str, value: str) -> None:
    assert vendors(text) == [(printed, value)]


@pytest.mark.parametrize("text,expected", [
    ("El contrato se firmó con Magavel, S.A. de C.V. y Promotora Otir, S.A. de C.V. el lunes.",
     ["magavel", "promotora otir"]),
    ("la empresa Magavel, S.A. de C.V.", ["magavel"]),
    ("EL PROVEEDOR SERVICIOS INTEGRALES MAGAVEL SA DE CV", ["servicios integrales magavel"]),
    ("Concluyó el contrato.\nServicios Integrales Magavel, S.A. de C.V.", ["servicios integrales magavel"]),
    ("participaron Alfa, S.A. de C.V., Beta, S.A. de C.V.", ["alfa", "beta"]),
    # lower-case connectors inside the name
    ("Pregunta 3 (Tecnología y Seguridad Tlahuica, S.A. de C.V.): ¿Es", ["tecnologia y seguridad tlahuica"]),
    ("celebrado con Tecnología y Seguridad Tlahuica, S.A. de C.V.", ["tecnologia y seguridad tlahuica"]),
    ("la empresa Tecnología e Innovación del Sur, S.A. de C.V.", ["tecnologia e innovacion del sur"]),
    # "y" after an article joins two parties in prose, not two words of one name
    ("entre la Comisión y Servicios Integrales Magavel, S.A. de C.V.", ["servicios integrales magavel"]),
    ("ENTRE EL MUNICIPIO Y QUATRO DESARROLLO MÓVIL, S.A. DE C.V.", ["quatro desarrollo movil"]),
    # role words before the company are not part of its name
    ("Representante Legal de Quatro Desarrollo Móvil, S.A. de C.V.\nPresente", ["quatro desarrollo movil"]),
    ("C. Director de Constructora Delta, S.A. de C.V.", ["constructora delta"]),
    ("Apoderado Constructora Delta, S.A. de C.V.", ["constructora delta"]),
    ("Director General de Constructora Delta, S.A. de C.V.", ["constructora delta"]),
    ("Asesoría Legal Integral, S.C.", ["asesoria legal integral"]),  # "Legal" is a role word only after one
    ("Administrador Único de\nComercializadora Halcón Sistemas SA de CV\nContrato",
     ["comercializadora halcon sistemas"]),
    # upper-case form letters with a lower-case "de"
    ("celebrado con\nQuatro Desarrollo Movil SA de CV, por un monto", ["quatro desarrollo movil"]),
    ("Grupo Vigía Digital del Centro, S. de R.L. de C.V.", ["grupo vigia digital del centro"]),
])
def test_vendor_name_boundaries(text: str, expected: list[str]) -> None:
    assert [v for _, v in vendors(text)] == expected


@pytest.mark.parametrize("text", ["la casa sa de nada", "sin forma legal Grupo Alfa", "S.A. de C.V.",
                                  "de C.V. y", "por la empresa, S.A. de C.V.", "Representante Legal, S.A. de C.V.",
                                  "la casa sa de cv", "y de la, S.A. de C.V."])
def test_not_vendors(text: str) -> None:
    assert vendors(text) == []


def test_link_vendor_rfc_same_line() -> None:
    text = "Servicios Integrales Magavel, S.A. de C.V., con RFC CTO021007DZ8, y otra cosa"
    assert link_vendor_rfcs(text, extract_entities(text)) == [("servicios integrales magavel", "CTO021007DZ8")]


def test_link_vendor_rfc_next_line_and_not_person_rfc() -> None:
    text = ("Datos del emisor\r\nACCEM SERVICIOS EMPRESARIALES SC\r\nRFC AAA010101AAA\r\n"
            "Datos del receptor\r\nCARLOS CORTES SOTO\r\nRFC COSC8001137NA\r\n")
    assert link_vendor_rfcs(text, extract_entities(text)) == [("accem servicios empresariales", "AAA010101AAA")]


def test_link_needs_proximity() -> None:
    text = "Magavel, S.A. de C.V." + " texto" * 40 + " RFC CTO021007DZ8"
    assert link_vendor_rfcs(text, extract_entities(text)) == []
    text = "Magavel, S.A. de C.V." + " texto\n" * 20 + " RFC CTO021007DZ8"
    assert link_vendor_rfcs(text, extract_entities(text)) == []


_FORMS = ["S.A. de C.V.", "SA DE CV", "S. A. de C. V.", "S.A.", "SA", "s.a. de c.v."]


@settings(max_examples=200)
@given(words=st.lists(st.sampled_from(["Servicios", "Integrales", "Magavel", "Ñandú", "Constructora",
                                       "Pérez", "Hermanos", "Grupo"]), min_size=1, max_size=5),
       form=st.sampled_from(_FORMS), upper=st.booleans(), comma=st.booleans())
def test_normalise_vendor_variants(words: list[str], form: str, upper: bool, comma: bool) -> None:
    name = " ".join(words)
    printed = f"{name.upper() if upper else name}{',' if comma else ''} {form}"
    assert normalise_vendor(printed) == normalise_vendor(name + " S.A. de C.V.") == normalise_vendor(name)


@pytest.mark.parametrize("text,expected", [
    # a name in capitals wrapped inside a table cell: the first half is on the line above
    ("LICITANTES PARTICIPANTES\nMANTENIMIENTO INDUSTRIAL DEL\nBAJÍO, S.A. DE C.V.\n", ["mantenimiento industrial del bajio"]),
    ("2 REFACCIONES Y TRANSPORTES\nDE LA LAGUNA, S.A. DE C.V.   $ 845,300.00   DESECHADA",
     ["refacciones y transportes de la laguna"]),
    ("NO SOLVENTE\nCOMERCIAL ROBLEDO HERMANOS\nDEL NORTE, S. DE R.L. DE C.V.", ["comercial robledo hermanos del norte"]),
    # not a wrap: the line above is a title, a header, a sentence or another cell's figure
    ("ACTA DE FALLO\nELECTRÓNICA GUAMÚCHIL, S.A. DE C.V.", ["electronica guamuchil"]),
    ("RAZÓN SOCIAL\nELECTRÓNICA GUAMÚCHIL, S.A. DE C.V.", ["electronica guamuchil"]),
    ("Se recibieron dos propuestas.\nELECTRÓNICA GUAMÚCHIL, S.A. DE C.V.", ["electronica guamuchil"]),
    ("IMPORTE: 1,200.00\nELECTRÓNICA GUAMÚCHIL, S.A. DE C.V.", ["electronica guamuchil"]),
    ("Ciudad de Guamúchil\nElectrónica Guamúchil, S.A. de C.V.", ["electronica guamuchil"]),  # not capitals
])
def test_names_wrapped_in_a_table_cell(text: str, expected: list[str]) -> None:
    assert [v for _, v in vendors(text)] == expected


def test_prose_before_a_name_in_capitals_is_not_part_of_it() -> None:
    text = "QUE CELEBRAN POR UNA PARTE EL MUNICIPIO Y POR LA OTRA ELECTRÓNICA GUAMÚCHIL, S.A. DE C.V."
    assert [v for _, v in vendors(text)] == ["electronica guamuchil"]


# A fallo's bid table and an audit's sample table, as the text layer reads them cell by cell
# (pdfium) and row by row (pdfplumber: the name's second half below, among the next cells).
_FALLO_BY_CELL = ("No. Licitante Importe sin IVA IVA Importe total Resultado \n"
                  "1 Tornillería Amatlán del \nGolfo, S.A. de C.V. \n$500,000.00 $80,000.00 $580,000.00 Solvente; \n"
                  "2 Laminados Chalcatzingo, S.A.P.I. \nde C.V. \n$610,000.00 $97,600.00 $707,600.00 Solvente; no es \n"
                  "la más baja \n3 Vidriera Oxtotitlán \nHermanos, S. de R.L. de C.V. \n$700,000.00 Desechada")
_FALLO_BY_ROW = ("No. Licitante Importe sin IVA IVA Importe total Resultado\n"
                 "1 Tornillería Amatlán del $500,000.00 $80,000.00 $580,000.00 Solvente;\nGolfo, S.A. de C.V. adjudicada\n"
                 "2 Laminados Chalcatzingo, S.A.P.I. $610,000.00 $97,600.00 $707,600.00 Solvente; no es\nde C.V. la más baja\n"
                 "3 Vidriera Oxtotitlán 700,000.00 112,000.00 812,000.00 Desechada\nHermanos, S. de R.L. de C.V.")
_FALLO_NAMES = ["tornilleria amatlan del golfo", "laminados chalcatzingo", "vidriera oxtotitlan hermanos"]
_AUDIT_BY_CELL = ("Entidad Procedimiento Contrato Proveedor Monto revisado \n"
                  "Hidalgo LA-913005999-E7-2022 SSH-ADQ-031/2022 Abarrotera Zimapán del \nValle, S.A. de C.V. \n"
                  "$2,150,000.00 \nOaxaca LPE-OAX-009-2021 CNT-2021-077 Textiles Mixtecos, S.C. $415,000.00")
_AUDIT_BY_ROW = ("Entidad Procedimiento Contrato Proveedor Monto revisado\n"
                 "Hidalgo LA-913005999-E7-2022 SSH-ADQ-031/2022 Abarrotera Zimapán del $2,150,000.00\n"
                 "Valle, S.A. de C.V.\nOaxaca LPE-OAX-009-2021 CNT-2021-077 Textiles Mixtecos, S.C. $415,000.00")


@pytest.mark.parametrize("text,expected", [
    (_FALLO_BY_CELL, _FALLO_NAMES), (_FALLO_BY_ROW, _FALLO_NAMES),
    (_AUDIT_BY_CELL, ["abarrotera zimapan del valle", "textiles mixtecos"]),
    (_AUDIT_BY_ROW, ["abarrotera zimapan del valle", "textiles mixtecos"]),
    # an OCR'd table: rules read as "|", the row number glued to the name
    ("| 4 | Papelera Tenancingo del | $90,000.00 |\n| | Sur, S.A. de C.V. | |", ["papelera tenancingo del sur"]),
    ("5Refaccionaria Huitzilac, S.A. de C.V. $12,000.00", ["refaccionaria huitzilac"]),
])
def test_names_in_bid_and_audit_tables_are_read_whole(text: str, expected: list[str]) -> None:
    assert [v for _, v in vendors(text)] == expected


def test_a_row_number_or_code_cell_is_not_part_of_a_name() -> None:
    got = vendors("7 Papelera Tenancingo, S.A. de C.V.\nMorelos LPN-MOR-2-2021 Papelera Tenancingo, S.A. de C.V.")
    assert got == [("Papelera Tenancingo, S.A. de C.V.", "papelera tenancingo")] * 2


def test_a_wrapped_table_cell_in_a_real_pdf(tmp_path) -> None:
    """The page text as ingest reads it from a PDF whose name cells wrap."""
    from pathlib import Path

    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from ingest.pdf import PdfSource

    style = getSampleStyleSheet()["BodyText"]
    rows = [["No.", "Licitante", "Importe total", "Resultado"],
            ["1", Paragraph("Tornillería Amatlán del Golfo, S.A. de C.V.", style), "$580,000.00", "Solvente"],
            ["2", Paragraph("Laminados Chalcatzingo, S.A.P.I. de C.V.", style), "$707,600.00", "No es la más baja"]]
    path = Path(tmp_path / "fallo.pdf")
    SimpleDocTemplate(str(path)).build([Table(rows, colWidths=[30, 140, 90, 120])])
    page = PdfSource(path).text_layer(0)
    assert page is not None and "\n" in page.text.split("Amatlán")[1].split("Golfo")[0]  # the cell wrapped
    assert [v for _, v in vendors(page.text)] == ["tornilleria amatlan del golfo", "laminados chalcatzingo"]


_LEGAL_FORMS = ["S.A.P.I. de C.V.", "S.A.P.I. DE C.V.", "SAPI DE CV", "SAPI de CV", "s.a.p.i. de c.v.",
                "S. A. P. I. de C. V.", "S.A.P.I.B. de C.V.", "SAPIB DE CV", "S.A.B. de C.V.", "SAB DE CV",
                "S. de R.L. de C.V.", "S. DE R.L. DE C.V.", "S DE RL DE CV", "S.C.", "SC", "s.c.", "A.C.", "AC",
                "a.c.", "S. en C.", "S EN C", "S. en C. por A.", "S.A. de C.V., SOFOM, E.N.R.", "SA DE CV SOFOM ENR",
                "S.A. de C.V., SOFOM", "S.A.S. de C.V.", "S.P.R. de R.L.", "I.A.P.",
                "S,A. DE C,V.", "SA. DE CV.", "S.A.P.I. \nde C.V."]  # OCR's commas, a form wrapped at its "de"


@pytest.mark.parametrize("form", _LEGAL_FORMS)
@pytest.mark.parametrize("name", ["Fundidora Tlayacapan Norte", "FUNDIDORA TLAYACAPAN NORTE"])
def test_every_legal_form_in_either_case(form: str, name: str) -> None:
    assert vendors(f"El contrato con {name}, {form} por el monto") == [(f"{name}, {form}", "fundidora tlayacapan norte")]


@pytest.mark.parametrize("text", [
    "DEL NORTE SUR, S.A. DE C.V.",  # the rest of a wrapped name whose first half is not above
    "Mxbrt Qwz, S.A. de C.V.",  # OCR debris before a form
    "E1 Ll Ii, S.A. de C.V.",
    "| ACTA DE FALLO |\n| e Oo, SA DE CV |",
])
def test_ocr_fragments_are_not_vendors(text: str) -> None:
    assert vendors(text) == []


def test_a_company_in_an_ocr_invoice() -> None:
    text = ("FACTURA A-118\nEMISOR: ABARROTERA ZIMAPAN DEL VALLE, S,A. DE C,V.  RFC: AZV150312KD4\n"
            "RECEPTOR: SECRETARIA DE SALUD DE HIDALGO")
    assert [v for _, v in vendors(text)] == ["abarrotera zimapan del valle"]


@pytest.mark.parametrize("form", ["s. A. DE C. v.", "S. a. de C.V.", "s. de R.L. de C.V.", "S.A.P.I. de c.v."])
def test_a_dotted_legal_form_whose_letters_ocr_read_in_mixed_case_is_still_a_form(form: str) -> None:
    text = f"HERRAJES Y TORNILLOS DEL BAJÍO, {form}\nR.F.C. HTB090909AB1"
    assert [e.value for e in extract_entities(text) if e.kind == "vendor"] == ["herrajes y tornillos del bajio"]


def test_a_legal_form_ocr_glued_and_the_whole_name_shown_for_a_name_wrapped_in_its_cell() -> None:
    from ingest.entities import Mention, resolve_vendors
    text = "PINTURAS Y ESMALTES OLMECA $410,000.00 $475,600.00 SOLVENTE - GANADOR\nTABASQUEÑA, S. DER.L. DE C.V.\n"
    [vendor] = [e for e in extract_entities(text) if e.kind == "vendor"]
    assert vendor.value == "pinturas y esmaltes olmeca tabasquena"
    whole = Mention(vendor.value, "Pinturas y Esmaltes Olmeca Tabasqueña, S. de R.L. de C.V.", "d2", 1, None)
    [resolved] = resolve_vendors([Mention(vendor.value, vendor.printed, "d1", 1, None), whole]).vendors
    assert resolved.printed[0] == "Pinturas y Esmaltes Olmeca Tabasqueña, S. de R.L. de C.V."


@given(st.text(alphabet=st.sampled_from("sSaAcCvVrRlLdDeE.,  pPiIx\n"), max_size=40))
def test_mixed_case_forms_are_found_as_the_pattern_scan_finds_them(text):
    assert [m.span() for m in _mixed_forms(text, find_all(text, _MIXED_STARTS))] == [m.span() for m in _LEGAL_MIXED.finditer(text)]


@given(st.text(alphabet=st.sampled_from("sSaAcCbBpPiIrRdDeEnN.,  x\n"), max_size=40))
def test_the_lower_case_pass_runs_on_a_page_holding_any_of_its_hints(text):
    hints = ("s.a", "s. a", "s. de", "s.c", "a.c", "s.p.r", "i.a.p", "s. en", "sapi", "sab de")
    assert _lower_hinted(text, find_all(text, _MIXED_STARTS)) == any(h in text for h in hints)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("SAICVRLDEPBNsaicde.,  _1É\nxO"), max_size=50))
def test_upper_case_forms_are_found_as_the_pattern_scan_finds_them(text):
    assert [m.span() for m in _upper_forms(text)] == [m.span() for m in _LEGAL.finditer(text)]
