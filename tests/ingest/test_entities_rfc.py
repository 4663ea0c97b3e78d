"""RFC: SAT check digit, extraction, generic RFCs, and the RFCs in the corpus CFDIs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.entities import extract_entities, rfc_is_valid
from ingest.entities.rfc import check_digit, extract

REAL = ["CTO021007DZ8", "POT9207213D6", "DIM8701081LA", "ISD950921HE5", "COSC8001137NA", "DCD090706E42",
        "TBN040609RKA", "EKU9003173C9", "AAA010101AAA", "XAXX010101000", "XEXX010101000"]


@pytest.mark.parametrize("rfc", REAL)
def test_real_rfcs_validate(rfc: str) -> None:
    assert rfc_is_valid(rfc)
    assert rfc_is_valid(rfc.lower())


@pytest.mark.parametrize("rfc", [
    "CTO021007DZ9",   # wrong check digit
    "COSC8001137N1",  # wrong check digit (person)
    "CTO021307DZ8",   # month 13
    "CTO020230DZ8",   # 30 February
    "CT0021007DZ8",   # digit in the letter part
    "CTO021007DZ",    # too short
    "",
    "SIM0512153K7",   # the brief's example: its check digit is 6
])
def test_invalid_rfcs(rfc: str) -> None:
    assert not rfc_is_valid(rfc)


def test_check_digit_examples() -> None:
    assert check_digit("CTO021007DZ") == "8"
    assert check_digit("COSC8001137N") == "A"
    assert check_digit("DCD090706E4") == "2"


def test_extract_rfcs_in_text() -> None:
    text = "Emisor RFC: CTO021007DZ8, receptor COSC8001137NA; mal: CTO021007DZ9; con guiones CTO-021007-DZ8."
    found = [(e.printed, e.value) for e in extract_entities(text) if e.kind == "rfc"]
    assert found == [("CTO021007DZ8", "CTO021007DZ8"), ("COSC8001137NA", "COSC8001137NA"),
                     ("CTO-021007-DZ8", "CTO021007DZ8")]


def test_bad_check_digit_can_be_kept_on_request() -> None:
    text = "PAC SFE0807172W7"
    assert list(extract(text, text)) == []
    kept = list(extract(text, text, keep_bad_check=True))
    assert [(e.value, e.reason) for e in kept] == [("SFE0807172W7", "rfc-bad-check")]


@pytest.mark.parametrize("text", ["XCOSC8001137NA", "COSC8001137NAX", "ABC-123", "9FB6ED1A-5F37-4FEF",
                                  "Número 30001000000300023708"])
def test_not_rfcs(text: str) -> None:
    assert [e for e in extract_entities(text) if e.kind == "rfc"] == []


def test_generic_rfc_reason() -> None:
    [e] = [e for e in extract_entities("Receptor XAXX010101000") if e.kind == "rfc"]
    assert e.reason == "rfc-generic"


def test_corpus_xml_rfcs_validate(corpus: Path) -> None:
    rfcs: set[str] = set()
    for xml in sorted(corpus.glob("*.xml")):
        text = xml.read_text(encoding="utf-8")
        rfcs |= set(re.findall(r'\b(?:[Rr]fc|RFCEmisor|RFCRecep)="([^"]+)"', text))
    expected = {"CTO021007DZ8", "XAXX010101000", "POT9207213D6", "DIM8701081LA", "AAA010101AAA",
                "COSC8001137NA", "ISD950921HE5", "EKU9003173C9"}
    assert expected <= rfcs
    assert all(rfc_is_valid(r) for r in rfcs)


def test_corpus_pac_rfcs(corpus: Path) -> None:
    """RfcProvCertif of the real CFDIs validate; the SAT test PAC SFE0807172W7 has a non-standard digit."""
    text = " ".join(p.read_text(encoding="utf-8") for p in corpus.glob("*.xml"))
    pacs = set(re.findall(r'RfcProvCertif="([^"]+)"', text))
    assert {"DCD090706E42", "TBN040609RKA", "SFE0807172W7"} <= pacs
    assert rfc_is_valid("DCD090706E42") and rfc_is_valid("TBN040609RKA")
    assert not rfc_is_valid("SFE0807172W7")


@pytest.mark.parametrize("text", [
    "PROVEEDORA DEL NORTE, S.A. DE C.V.\nR.F.C. PNO150301AB1 · Régimen General",
    "con Registro Federal de Contribuyentes PNO150301AB1 y domicilio en Mérida",
    "RFC emisor: PNO150301AB1",
    "Emisor: Proveedora del Norte    RFC: PNO150301AB1",
])
def test_labelled_rfc_with_a_typo_in_its_check_digit_is_kept(text: str) -> None:
    assert not rfc_is_valid("PNO150301AB1")
    [e] = [e for e in extract_entities(text) if e.kind == "rfc"]
    assert (e.value, e.reason) == ("PNO150301AB1", "rfc-unverified")


@pytest.mark.parametrize("text", ["folio PNO150301AB1", "R.F.C. del proveedor conforme al padrón, PNO150301AB1",
                                  "Importe 1,000.00 PNO150301AB1"])
def test_unlabelled_rfc_with_a_bad_check_digit_is_still_dropped(text: str) -> None:
    assert [e for e in extract_entities(text) if e.kind == "rfc"] == []
