"""Amounts: numeric formats, amounts in words, negatives, and normaliser properties."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.entities import extract_entities, normalise_amount, number_to_words, parse_amount_query


def amounts(text: str) -> list[tuple[str, str]]:
    return [(e.printed, e.value) for e in extract_entities(text) if e.kind == "amount"]


POSITIVE = [
    ("Total: $1,023,123.00", "$1,023,123.00", "1023123.00 MXN"),
    ("importe de $ 1,023,123.00 M.N. más IVA", "$ 1,023,123.00 M.N.", "1023123.00 MXN"),
    ("por 1,023,123.00 MXN netos", "1,023,123.00 MXN", "1023123.00 MXN"),
    ("la suma de $1'023,123.00 pagadera", "$1'023,123.00", "1023123.00 MXN"),
    ("PRESUPUESTO OFICIAL TOTAL: $ 17.660.500,00-", "$ 17.660.500,00", "17660500.00 MXN"),
    ("monto de $17.660.500,00", "$17.660.500,00", "17660500.00 MXN"),
    ("VALOR DEL PLIEGO: $17.660,50.-", "$17.660,50", "17660.50 MXN"),
    ("VALOR DEL PLIEGO: 314.597,93", "314.597,93", "314597.93 MXN"),
    ("Importe total 1.023.123,00", "1.023.123,00", "1023123.00 MXN"),
    ("un precio de USD 12,500.00 por unidad", "USD 12,500.00", "12500.00 USD"),
    ("cuesta US$ 3,000 más gastos", "US$ 3,000", "3000.00 USD"),
    ("cuesta 3,000 dólares", "3,000 dólares", "3000.00 USD"),
    ("pagó 1,500 pesos", "1,500 pesos", "1500.00 MXN"),
    ("Renta mensual Gs. 26.620.000", "Gs. 26.620.000", "26620000.00 PYG"),
    ("Descuento: $0.00", "$0.00", "0.00 MXN"),
    ("Total $8,092.24\n", "$8,092.24", "8092.24 MXN"),
    ("Importe con letra: UN MILLÓN VEINTITRÉS MIL CIENTO VEINTITRÉS PESOS 00/100 M.N. Total",
     "UN MILLÓN VEINTITRÉS MIL CIENTO VEINTITRÉS PESOS 00/100 M.N.", "1023123.00 MXN"),
    ("(TRESCIENTOS SESENTA Y NUEVE MIL TRESCIENTOS TREINTA Y NUEVE PESOS 00/100 M.N.)",
     "TRESCIENTOS SESENTA Y NUEVE MIL TRESCIENTOS TREINTA Y NUEVE PESOS 00/100 M.N.", "369339.00 MXN"),
    ("DOS MILLONES TRESCIENTOS OCHENTA Y DOS MIL OCHOCIENTOS SETENTA PESOS 00/100 M.N.",
     "DOS MILLONES TRESCIENTOS OCHENTA Y DOS MIL OCHOCIENTOS SETENTA PESOS 00/100 M.N.", "2382870.00 MXN"),
    ("la cantidad de un millón de pesos", "un millón de pesos", "1000000.00 MXN"),
    ("MIL QUINIENTOS PESOS 50/100 M.N.", "MIL QUINIENTOS PESOS 50/100 M.N.", "1500.50 MXN"),
]


@pytest.mark.parametrize("text,printed,value", POSITIVE)
def test_amount_formats(text: str, printed: str, value: str) -> None:
    assert (printed, value) in amounts(text)


NEGATIVE = [
    "en el ejercicio fiscal 2020 se autorizó",
    "APERTURA DE OFERTAS: 27 de NOVIEMBRE de 2.023 a las 10:00 horas",
    "Ley N° 2.051/2003",
    "teléfono (818) 708-8131",
    "llame al 55 1234 5678",
    "Página 2 de 6",
    "Folio 68189",
    "Oficio No. 12345",
    "el 16% del monto total",
    "retención del 0,4% sobre el total",
    "Licitación EA-IT20-2020",
    "procedimiento LA-012000999-E34-2021",
    "RFC COSC8001137NA",
    "UUID 9FB6ED1A-5F37-4FEF-980A-7F8C83B51894",
    "Fecha 15/03/2021 y 2021-03-15",
    "Artículo 27",
    "ACERO 1.5 piezas",
    "CDP N° 304/2019",
    "Número de certificado 30001000000300023708",
    "una superficie de 1,500.00 m2",
    "850.00 sin contexto monetario",
    "una superficie de 1,500.00 m² y 2,300.50 m3",
    "se entregaron 12,000.00 kg de material y 3,500.00 litros de combustible",
    "1,200.00 piezas",
    "recorrido de 1,250.75 km",
    "crecimiento del 1,234.56 %",
    "Versión 3.30 del anexo 20",
    "Precio unitario\nel numeral 4.25 de la convocatoria",  # prose under a header line is no table row
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_amounts(text: str) -> None:
    assert amounts(text) == []


TABLE = """Partida Descripción Cant. Precio unitario Importe
1 Radio portátil digital 180 10,350.00 1,863,000.00
2 Batería de repuesto 180 850.00 153,000.00
3 Programación 1 8,793.10 8,793.10
Subtotal 2,024,793.10
IVA 16% 323,966.90
Total 2,348,760.00"""


def test_invoice_table_cells_without_currency() -> None:
    assert [v for _, v in amounts(TABLE)] == [
        "10350.00 MXN", "1863000.00 MXN", "850.00 MXN", "153000.00 MXN", "8793.10 MXN", "8793.10 MXN",
        "2024793.10 MXN", "323966.90 MXN", "2348760.00 MXN"]


@pytest.mark.parametrize("text,printed", [
    ("se pagaron 1,234.56 por el servicio", "1,234.56"),  # comma groups + 2 decimals: money
    ("la suma de 1'023,123.00 pagadera", "1'023,123.00"),
    ("Subtotal 850.00", "850.00"),  # money header on the same line
    ("Concepto Cantidad Costo\nTornillo 100 0.50 50.00\n", "0.50"),  # header above, priced row
    ("Total: 12.30", "12.30"),
    ("el pago de 1,500.00 ha sido cubierto", "1,500.00"),  # "ha" is a verb here, not hectares
])
def test_money_without_currency_sign(text: str, printed: str) -> None:
    assert printed in [p for p, _ in amounts(text)]


@pytest.mark.parametrize("text", [
    "Partida Descripción Precio unitario\n1 Cable calibre 12.50 metros",  # unit after the number
    "Importe\nVer el punto 4.25 del anexo",  # header above but no other price in the row
    "Precio unitario\n" + "x" * 400 + "\nRenglón 12.50 y 13.75",  # header too far above
    "Total 16.00%",
    "Anexo 20 versión 3.30",
])
def test_plain_decimals_that_are_not_money(text: str) -> None:
    assert amounts(text) == []


@pytest.mark.parametrize("text,printed", [
    ("IMPUESTO BASE TIPO FACTOR TASA O CUOTA IMPORTE\n$8,092.24 02 Tasa 0.16 $1,294.76", "0.16"),  # tax rate
    ("Precio unitario Importe\nTipo de cambio: 20.15 por dólar, total $1,000.00", "20.15"),
    ("Concepto Importe\nSegún el numeral 4.25 y el punto 3.10 se pagan $500.00", "3.10"),
])
def test_labelled_rates_in_price_tables_are_not_money(text: str, printed: str) -> None:
    assert printed not in [p for p, _ in amounts(text)]


@pytest.mark.parametrize("query,expected", [
    ("1,023,123", "1023123.00"), ("$1,023,123.00", "1023123.00"), ("1023123", "1023123.00"),
    ("1.023.123,00", "1023123.00"), ("$1'023,123.00 M.N.", "1023123.00"), ("1 023 123", "1023123.00"),
    ("$17.660,50", "17660.50"), ("  2,382,870.00 MXN ", "2382870.00"),
])
def test_parse_amount_query(query: str, expected: str) -> None:
    assert parse_amount_query(query) == Decimal(expected)


@pytest.mark.parametrize("query", ["", "hola", "pesos", "EA-IT20-2020", "LA-012000999-E34-2021", "16%",
                                   "COSC8001137NA", "abc123", "1,2,3"])
def test_parse_amount_query_rejects(query: str) -> None:
    assert parse_amount_query(query) is None


def _format(value: Decimal, thousands: str, dollar: bool, suffix: str, european: bool, drop_zero: bool) -> str:
    whole, frac = f"{value:.2f}".split(".")
    groups = f"{int(whole):,}".split(",")
    if european:
        num = ".".join(groups) + ("" if drop_zero and frac == "00" else "," + frac)
    else:
        num = thousands.join(groups) + ("" if drop_zero and frac == "00" else "." + frac)
    return ("$" if dollar else "") + num + suffix


@settings(max_examples=400)
@given(cents=st.integers(min_value=1, max_value=10**12), thousands=st.sampled_from([",", "'"]),
       dollar=st.booleans(), suffix=st.sampled_from(["", " M.N.", " MXN"]), european=st.booleans(),
       drop_zero=st.booleans())
def test_amount_formatting_is_irrelevant(cents: int, thousands: str, dollar: bool, suffix: str,
                                         european: bool, drop_zero: bool) -> None:
    value = (Decimal(cents) / 100).quantize(Decimal("0.01"))
    printed = _format(value, thousands, dollar, suffix, european, drop_zero)
    assert normalise_amount(printed) == (value, "MXN"), printed
    assert parse_amount_query(printed) == value


@settings(max_examples=300)
@given(cents=st.integers(min_value=1, max_value=10**12), european=st.booleans())
def test_extracted_amount_matches_normaliser(cents: int, european: bool) -> None:
    value = (Decimal(cents) / 100).quantize(Decimal("0.01"))
    printed = _format(value, ",", True, " M.N.", european, False)
    found = amounts(f"El importe es de {printed} por los trabajos.")
    assert found == [(printed, f"{value} MXN")]


@settings(max_examples=300)
@given(n=st.integers(min_value=0, max_value=999_999_999), cents=st.integers(min_value=0, max_value=99),
       upper=st.booleans())
def test_amount_in_words(n: int, cents: int, upper: bool) -> None:
    words = f"{number_to_words(n)} pesos {cents:02d}/100 M.N."
    words = words.upper() if upper else words
    expected = (Decimal(n) + Decimal(cents) / 100).quantize(Decimal("0.01"))
    assert normalise_amount(words) == (expected, "MXN")
    assert amounts(f"Importe con letra: ({words})") == [(words, f"{expected} MXN")]


def test_an_amount_with_spaces_opened_by_ocr_after_its_separators_is_read_whole():
    from ingest.entities import extract_entities
    text = "Subtotal: $3,120,000.00\nIVA trasladado 16 %: $499, 200. 00\nTOTAL: $3, 619,200. 00\n"
    found = [e.value for e in extract_entities(text) if e.kind == "amount"]
    assert found == ["3120000.00 MXN", "499200.00 MXN", "3619200.00 MXN"]
    assert [e.value for e in extract_entities("artículos 1, 234 y 235") if e.kind == "amount"] == []
