"""Dates: long Spanish forms, numeric d/m/Y, abbreviations, ISO, words; impossible dates rejected."""
from __future__ import annotations

import pytest

from ingest.entities import extract_entities, normalise_date


def dates(text: str) -> list[tuple[str, str]]:
    return [(e.printed, e.value) for e in extract_entities(text) if e.kind == "date"]


CASES = [
    ("15 de marzo de 2021", "2021-03-15"),
    ("15 de MARZO del 2021", "2021-03-15"),
    ("1o. de abril de 2020", "2020-04-01"),
    ("1º de enero de 2020", "2020-01-01"),
    ("27 de NOVIEMBRE de 2.023", "2023-11-27"),
    ("15/03/2021", "2021-03-15"),
    ("15-03-2021", "2021-03-15"),
    ("15.03.2021", "2021-03-15"),
    ("5/3/21", "2021-03-05"),
    ("15-mar-21", "2021-03-15"),
    ("15-MAR-2021", "2021-03-15"),
    ("26/mar/2003", "2003-03-26"),
    ("2021-03-15", "2021-03-15"),
    ("miércoles 22 de septiembre de 2021", "2021-09-22"),
    ("01 de Enero de 2019", "2019-01-01"),
    ("15 de setiembre del año 2020", "2020-09-15"),
    ("quince días del mes de julio de dos mil veintiuno", "2021-07-15"),
    ("3 días del mes de mayo de 2019", "2019-05-03"),
]


@pytest.mark.parametrize("printed,iso", CASES)
def test_date_formats(printed: str, iso: str) -> None:
    assert normalise_date(printed) == iso
    assert dates(f"Fecha: {printed}, conste.") == [(printed, iso)]


def test_weekday_is_part_of_the_span() -> None:
    text = "publicado en el Periódico Oficial del Estado, el miércoles 22 de septiembre de 2021, Número 12"
    assert dates(text) == [("miércoles 22 de septiembre de 2021", "2021-09-22")]


def test_iso_datetime() -> None:
    assert dates("A 167ABC 45079 2017-07-05T09:09:23") == [("2017-07-05", "2017-07-05")]


def test_date_broken_over_lines() -> None:
    assert dates("el viernes 3 de diciembre \r\nde 2010 se publicó") == [
        ("viernes 3 de diciembre \r\nde 2010", "2010-12-03")]


@pytest.mark.parametrize("text", [
    "31/02/2021", "03/15/2021", "30 de febrero de 2021", "2021-13-01", "00/01/2020", "32-ene-2020",
    "29 de febrero de 2021",
    "PESOS 00/100 M.N.", "Página 2 de 6", "tel 55-1234-5678", "LA-012000999-E34-2021", "EXPEDIENTE 4021-01196-0-2023",
    "15 de marzo", "marzo de 2021", "Ley N° 2.051/2003", "versión 1.0.3", "CDP N° 304/2019",
])
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def test_leap_day() -> None:
    assert dates("29 de febrero de 2020") == [("29 de febrero de 2020", "2020-02-29")]


@pytest.mark.parametrize("text,printed,value", [
    ("En Tepic, Nayarit, siendo las once horas del día catorce de octubre de dos mil veintidós, se reúnen",
     "catorce de octubre de dos mil veintidós", "2022-10-14"),
    ("la entrega concluirá el día treinta y uno de agosto de dos mil veintitrés.",
     "treinta y uno de agosto de dos mil veintitrés", "2023-08-31"),
    ("firmado el primero de febrero de 2024 por las partes", "primero de febrero de 2024", "2024-02-01"),
    ("el día 9 de enero del año dos mil diecinueve", "9 de enero del año dos mil diecinueve", "2019-01-09"),
    ("doce de mayo de dos mil veintiuno y tres copias", "doce de mayo de dos mil veintiuno", "2021-05-12"),
    ("el veinte de mayo de dos mil veinte y tres", "veinte de mayo de dos mil veinte y tres", "2023-05-20"),
    ("a partir del dieciséis de noviembre de mil novecientos noventa y nueve",
     "dieciséis de noviembre de mil novecientos noventa y nueve", "1999-11-16"),
])
def test_day_and_year_in_words(text: str, printed: str, value: str) -> None:
    assert dates(text) == [(printed, value)]


def test_day_in_words_is_the_documents_date_after_horas_del_dia() -> None:
    from ingest.entities.docfacts import document_date

    text = ("ACTA DE LA JUNTA DE ACLARACIONES\nEn la ciudad de Tepic, siendo las once horas del día catorce de "
            "octubre de dos mil veintidós, conforme al oficio del 3 de octubre de 2022, se reúnen")
    assert document_date([(text, extract_entities(text))]) == "2022-10-14"


@pytest.mark.parametrize("text", ["treinta de febrero de dos mil veintidós", "cuarenta de mayo de dos mil veinte",
                                  "dos de los cinco de mayo", "siete de junio de dos copias"])
def test_impossible_or_partial_dates_in_words_are_not_dates(text: str) -> None:
    assert dates(text) == []
