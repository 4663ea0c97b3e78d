"""Bid (procedure), contract and reference numbers: formats, OCR tolerance, exclusivity, normaliser properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.entities import extract_entities, normalise_code


def codes(text: str) -> list[tuple[str, str, str]]:
    return [(e.kind, e.printed, e.value) for e in extract_entities(text) if e.kind in ("bid", "contract", "reference")]


CASES = [
    ("Procedimiento LA-012000999-E34-2021 de adquisición", "bid", "LA-012000999-E34-2021", "LA012000999E342021"),
    ("IA-917037986-E5-2020", "bid", "IA-917037986-E5-2020", "IA917037986E52020"),
    ("AA-006000998-E12-2019 adjudicación", "bid", "AA-006000998-E12-2019", "AA006000998E122019"),
    ("obra LO-009000987-N3-2018", "bid", "LO-009000987-N3-2018", "LO009000987N32018"),
    ("Licitación Pública Nacional No. EA-IT20-2020", "bid", "EA-IT20-2020", "EAIT202020"),
    ("se publicó EA-IT20-2020", "bid", "EA-IT20-2020", "EAIT202020"),
    ("Licitación LPE-SSP-003-2021", "bid", "LPE-SSP-003-2021", "LPESSP0032021"),
    ("convocatoria LPN-SEDESOL-014-2019", "bid", "LPN-SEDESOL-014-2019", "LPNSEDESOL0142019"),
    # OCR confusions: O for 0, spaces around hyphens, en dash
    ("Procedimiento LA-O12000999-E34-2O21", "bid", "LA-O12000999-E34-2O21", "LA012000999E342021"),
    ("número LA - 012000999 - E34 - 2021.", "bid", "LA - 012000999 - E34 - 2021", "LA012000999E342021"),
    ("Licitación EA–IT20–2020", "bid", "EA–IT20–2020", "EAIT202020"),
    ("IA-9I7037986-E5-2020", "bid", "IA-9I7037986-E5-2020", "IA917037986E52020"),
    ("Contrato DCA/TM/222/2020 celebrado", "contract", "DCA/TM/222/2020", "DCATM2222020"),
    ("Oficio SSP/DGA/045/2021", "reference", "SSP/DGA/045/2021", "SSPDGA0452021"),
    ("Contrato No. CES-ADQ-017-2020", "contract", "CES-ADQ-017-2020", "CESADQ0172020"),
    ("CONTRATO DE OBRA PÚBLICA NÚMERO SOP-OP-112-2021", "contract", "SOP-OP-112-2021", "SOPOP1122021"),
    ("pedido número ADQ-45-2019", "contract", "ADQ-45-2019", "ADQ452019"),
    # municipal/state procedure numbers: prefix, procedure type (LP, LPN, IR, AD...), number, year
    ("presencial No. TM-LP-018-2020, cuyo fallo", "bid", "TM-LP-018-2020", "TMLP0182020"),
    ("la SA-IR-003-2021 se declaró desierta", "bid", "SA-IR-003-2021", "SAIR0032021"),
    ("mediante DA/AD/12/2019", "bid", "DA/AD/12/2019", "DAAD122019"),
    ("CONTRATO No. TM-AD-045-2020", "contract", "TM-AD-045-2020", "TMAD0452020"),  # context wins
    # oficio, audit and expediente numbers are references, not contracts
    ("Oficio No. ASE/AEF/1342/2021", "reference", "ASE/AEF/1342/2021", "ASEAEF13422021"),
    ("Hoja 2 del oficio No. TM/DCA/1187/2020", "reference", "TM/DCA/1187/2020", "TMDCA11872020"),
    ("No. de oficio: FGE-DGA-0458-2021", "reference", "FGE-DGA-0458-2021", "FGEDGA04582021"),
    ("Auditoría De cumplimiento financiero No. ESAF/AECF/2020/117", "reference", "ESAF/AECF/2020/117",
     "ESAFAECF2020117"),
    ("Expediente: SEC/EXP/15/2022", "reference", "SEC/EXP/15/2022", "SECEXP152022"),
    ("Referencia DGA-457-2021", "reference", "DGA-457-2021", "DGA4572021"),
    ("Oficio número:\nFGE/DGA/0458/2021", "reference", "FGE/DGA/0458/2021", "FGEDGA04582021"),  # line above
    ("Expediente de la licitación EA-IT20-2020", "bid", "EA-IT20-2020", "EAIT202020"),  # bid shape wins
    ("Expediente EA-IT20-2020 Página 3 de 3", "bid", "EA-IT20-2020", "EAIT202020"),
    ("el oficio relativo al contrato DCA/TM/222/2020", "contract", "DCA/TM/222/2020", "DCATM2222020"),
]


@pytest.mark.parametrize("text,kind,printed,value", CASES)
def test_code_formats(text: str, kind: str, printed: str, value: str) -> None:
    assert codes(text) == [(kind, printed, value)]


def test_contract_context_names_the_nearest_code_only() -> None:
    text = "Contrato No. CES-ADQ-017-2020 derivado de la licitación EA-IT20-2020."
    assert codes(text) == [("contract", "CES-ADQ-017-2020", "CESADQ0172020"), ("bid", "EA-IT20-2020", "EAIT202020")]


def test_compranet_number_in_contract_sentence_is_a_bid() -> None:
    text = "el contrato derivado del procedimiento LA-012000999-E34-2021"
    assert codes(text) == [("bid", "LA-012000999-E34-2021", "LA012000999E342021")]


def test_code_is_never_both_and_hides_dates_and_amounts() -> None:
    text = "Contrato No. CES-ADQ-017-2020 y la licitación LA-012000999-E34-2021 por $1,000.00"
    found = extract_entities(text)
    spans = [(e.start, e.end) for e in found]
    assert len(spans) == len(set(spans))
    kinds = [e.kind for e in found]
    assert kinds == ["contract", "bid", "amount"]


@pytest.mark.parametrize("text", [
    "UUID A39DA66B-52CA-49E3-879B-5C05185B0EF7",
    "EXPEDIENTE: 4021-01196-0-2023",
    "Ley N° 2.051/2003",
    "Fecha 15-MAR-2021",
    "Traslado 001 - ISR $360,000.00",
    "CFDI relacionados A-B-C",
    "Régimen ABC-DEF-GHI",
    "Modelo 2a) Opinión - Incumplimiento",
    "el artículo 42 Bis",
    "Serie: A Folio: A-2291",  # an invoice series and folio is no reference
    "Oficio No. 1342/2021",  # numeric start: not a code
    "Folio fiscal 9DA7C847-DC6F-47C1-88A1-A20C426BECF2",
    "TM-LP-018-RX",  # procedure segment but no year
    "Oficio DGA",  # no digits
])
def test_not_codes(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize("raw,expected", [
    ("ea it20 2020", "EAIT202020"), ("LA-O12000999-E34-2O21", "LA012000999E342021"),
    ("dca/tm/222/2020", "DCATM2222020"), ("LPE – SSP – 003 – 2O21", "LPESSP0032021"),
])
def test_normalise_code(raw: str, expected: str) -> None:
    assert normalise_code(raw) == expected


_SEGMENT = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=9)


@settings(max_examples=400)
@given(head=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=4),
       middle=st.lists(_SEGMENT, min_size=1, max_size=4), year=st.integers(1990, 2030),
       seps=st.lists(st.sampled_from(["-", "/", " ", "–", "", " - ", "—"]), min_size=5, max_size=5),
       case=st.lists(st.booleans(), min_size=40, max_size=40))
def test_code_formatting_is_irrelevant(head: str, middle: list[str], year: int, seps: list[str],
                                       case: list[bool]) -> None:
    segments = [head, *middle, str(year)]
    canonical = normalise_code("-".join(segments))
    printed = segments[0] + "".join(sep + seg for sep, seg in zip(seps, segments[1:]))
    printed = "".join(c.lower() if flip else c for c, flip in zip(printed, case + [False] * len(printed)))
    assert normalise_code(printed) == canonical
    if not set("OI") & set("".join(segments)):  # no OCR look-alikes: nothing but separators changes
        assert canonical == "".join(segments)


@settings(max_examples=200)
@given(entity=st.integers(0, 999_999_999), kind=st.sampled_from(["LA", "IA", "AA", "LO", "IO", "AO"]),
       letter=st.sampled_from("ENTI"), n=st.integers(1, 999), year=st.integers(2000, 2030),
       ocr=st.booleans(), sep=st.sampled_from(["-", " - ", "–"]))
def test_compranet_ocr_variants(entity: int, kind: str, letter: str, n: int, year: int, ocr: bool, sep: str) -> None:
    clean = f"{kind}{entity:09d}{letter}{n}{year}"
    parts = [kind, f"{entity:09d}", f"{letter}{n}", str(year)]
    if ocr:
        parts = [parts[0], parts[1].replace("0", "O").replace("1", "I"), parts[2], parts[3].replace("0", "O")]
    printed = sep.join(parts)
    assert normalise_code(printed) == clean
    assert codes(f"Procedimiento {printed} publicado") == [("bid", printed, clean)]


@pytest.mark.parametrize("text,printed,value", [
    ("Contrato No. 31-2023 para el suministro de llantas", "31-2023", "312023"),
    ("CONTRATO NÚM. 08-2021 DE PRESTACIÓN DE SERVICIOS", "08-2021", "082021"),
    ("conforme a lo pactado en el contrato No. 145-2022, cláusula tercera", "145-2022", "1452022"),
    ("Contrato abierto número 6/2024 celebrado con", "6/2024", "62024"),
    ("CONTRATO N° 19-2020.", "19-2020", "192020"),
])
def test_short_number_year_contract_after_contrato_no(text: str, printed: str, value: str) -> None:
    assert codes(text) == [("contract", printed, value)]


@pytest.mark.parametrize("text", [
    "ver páginas 31-2023 del expediente",           # no "contrato" before it
    "No. 31-2023",                                   # a number sign alone is not a contract
    "el contrato se firmó; folio 31-2023",           # "contrato" but not "contrato No."
    "Contrato No. 31-20231",                         # not a year
    "Contrato No. 31-1850",                          # not a year of a contract
])
def test_short_number_year_elsewhere_is_not_a_contract(text: str) -> None:
    assert [c for c in codes(text) if c[0] == "contract"] == []


@pytest.mark.parametrize("text,printed", [
    ("contrato C4i-QRO/DA/017/2022 para el enlace", "C4i-QRO/DA/017/2022"),
    ("Contrato No. C2i-SLP/ADQ/03/2021, cláusula primera", "C2i-SLP/ADQ/03/2021"),
    ("contrato número C7i-ZAC-014-2024", "C7i-ZAC-014-2024"),  # hyphens only: the keyword decides
    ("| 4 | C4i-QRO/DA/017/2022 | Servicio de enlace | $81,200.00 |", "C4i-QRO/DA/017/2022"),  # audit row
    ("Referencia: Contrato No. C2i-SLP/ADQ/03/2021", "C2i-SLP/ADQ/03/2021"),  # an invoice's reference line
])
def test_agency_acronym_with_lower_case_is_a_contract(text: str, printed: str) -> None:
    assert codes(text) == [("contract", printed, normalise_code(printed.upper()))]


@pytest.mark.parametrize("text", [
    "C7i-ZAC-014-2024 sin referencia",  # hyphens and no contract keyword
    "Anexo 3b/2022", "la Sección 4a-2/2021", "Contrat0-N0/2022", "del Km12-3/2023",
])
def test_lower_case_words_are_not_codes(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize("text,printed", [
    ("Licitación Pública Estatal número LPE-31045002-007-22", "LPE-31045002-007-22"),
    ("Licitación Pública Nacional No. LPN-20017003-004-24 y", "LPN-20017003-004-24"),
    ("Invitación Restringida N° IR-41062005-002-21", "IR-41062005-002-21"),
    ("LPI-09018004-012-2023\nCONVOCATORIA", "LPI-09018004-012-2023"),  # page header, no keyword
    ("LPE-31045002-007-22", "LPE-31045002-007-22"),
    ("Adjudicación directa AD-027-2023", "AD-027-2023"),
    ("AD-18027-015-2023 Dictamen", "AD-18027-015-2023"),
])
def test_numbered_procedure_codes_are_bids(text: str, printed: str) -> None:
    assert codes(text) == [("bid", printed, normalise_code(printed))]


@pytest.mark.parametrize("text", ["IR-12-21", "AD-12-45", "LPE-3104-22", "tel. 55-1234-5678"])
def test_short_numbered_prefixes_without_keyword_are_not_bids(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize("text,kind,printed,value", [
    ("Licitación Pública Estatal número LPE- 31045002- -007- 22", "bid", "LPE- 31045002- -007- 22",
     "LPE3104500200722"),
    ("derivado de la licitación LPN-20017003--004-24.", "bid", "LPN-20017003--004-24", "LPN2001700300424"),
    ("Contrat0 No. SOP-ADQ-031-2022", "contract", "SOP-ADQ-031-2022", "SOPADQ0312022"),
    ("Contrato N0. C4i-QRO/DA/017/2022", "contract", "C4i-QRO/DA/017/2022", "C4IQRODA0172022"),
    ("Contrato Nó 27-2021 de servicios", "contract", "27-2021", "272021"),
    ("CONTRAT0 N0. 27-2021", "contract", "27-2021", "272021"),
    ("Licitaci0n SSA-LP-009-2022", "bid", "SSA-LP-009-2022", "SSALP0092022"),
])
def test_ocr_damaged_codes_and_cues(text: str, kind: str, printed: str, value: str) -> None:
    assert codes(text) == [(kind, printed, value)]


def test_doubled_hyphen_is_read_only_as_bid_or_contract() -> None:
    assert codes("Oficio SSA- -DGA-051-2022") == []


@settings(max_examples=200)
@given(acronym=st.sampled_from(["C4i", "C2i", "C5i", "SSP3a", "C4"]), middle=st.lists(_SEGMENT, min_size=1, max_size=3),
       year=st.integers(2000, 2030), cue=st.sampled_from(["Contrato", "Contrato No.", "Contrat0 No", "Contrato N0.",
                                                          "Contrato Nó", "Referencia: Contrato No."]),
       form=st.sampled_from(["clean", "spaced", "doubled", "upper"]))
def test_contract_value_is_the_same_in_every_printed_form(acronym: str, middle: list[str], year: int, cue: str,
                                                           form: str) -> None:
    segments = [acronym, *middle, str(year)]
    clean = segments[0] + "/".join(["", *segments[1:]])
    printed = {"clean": clean, "spaced": " / ".join(segments), "doubled": "-".join(segments[:2]) + "- -" +
               "-".join(segments[2:]), "upper": clean.upper()}[form]
    assert codes(f"{cue} {printed} celebrado") == [("contract", printed, normalise_code(clean))]


def test_a_number_under_a_contract_title_wrapped_over_lines_is_the_contract():
    text = ("CONTRATO DE PRESTACIÓN DE SERVICIOS DE LIMPIEZA A PRECIOS \nFIJOS \nNo. SAF/LP/077/2024 \n"
            "Contrato que celebran por una parte la Secretaría")
    assert [(e.kind, e.value) for e in extract_entities(text) if e.kind in ("bid", "contract")] == \
        [("contract", "SAFLP0772024")]


@pytest.mark.parametrize("text,value", [
    ("Contrato SEDUC-Qro/DA/031/2024 del suministro", "SEDUCQRODA0312024"),
    ("CONTRATO ABIERTO No. SMA/Serv/118/2023", "SMASERV1182023"),
])
def test_a_short_name_in_title_case_inside_a_contract_code(text: str, value: str) -> None:
    assert [(e.kind, e.value) for e in extract_entities(text) if e.kind in ("bid", "contract")] == [("contract", value)]


@pytest.mark.parametrize("text", ["en Puebla-Tlax/Mor 2020", "Ley-Anexo/Art/2020 dice", "Tlax/CA/019/2024"])
def test_title_case_words_do_not_open_or_make_codes(text: str) -> None:
    assert [e for e in extract_entities(text) if e.kind in ("bid", "contract")] == []


@pytest.mark.parametrize("text,found", [
    ("CONVENIO MODIFICATORIO No. 2 \nal contrato 031/2023 \nque celebran", ["0312023"]),
    ("Cantidad 5: Radio portátil. Contrato 118/2024    Valor unitario", ["1182024"]),
    ("durante la vigencia del contrato 2023-2024", []),
    ("del contrato de 2021, páginas 12-2022", []),
])
def test_a_number_year_right_after_contrato_is_its_number(text: str, found: list[str]) -> None:
    assert [e.value for e in extract_entities(text) if e.kind == "contract"] == found
