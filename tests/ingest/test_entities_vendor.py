"""Vendors (companies with a Mexican legal form), normalise_vendor and vendor<->RFC linking."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.entities import extract_entities, link_vendor_rfcs, normalise_vendor


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
