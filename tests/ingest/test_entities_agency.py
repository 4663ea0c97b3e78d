"""Agencies (buyer bodies, dependencias) are their own kind, never vendors."""
from __future__ import annotations

import pytest

from ingest.entities import extract_entities


def agencies(text: str) -> list[str]:
    return [e.value for e in extract_entities(text) if e.kind == "agency"]


@pytest.mark.parametrize("text,value", [
    ("adjudicado por la Comisión Estatal de Seguridad Pública de Morelos.", "comision estatal de seguridad publica de morelos"),
    ("FISCALÍA GENERAL DEL ESTADO DE NAYARIT\nOficio", "fiscalia general del estado de nayarit"),
    ("MUNICIPIO DE JUÁREZ, CHIHUAHUA", "municipio de juarez"),
    ("la Auditoría Superior del Estado de Chihuahua solicita", "auditoria superior del estado de chihuahua"),
    ("Tesorería Municipal Página 1 de 2", "tesoreria municipal"),
    ("Secretaría de Salud y", "secretaria de salud"),
])
def test_agencies(text, value):
    assert agencies(text) == [value]


def test_a_head_word_alone_or_in_lower_case_is_no_agency():
    assert agencies("la comisión por el servicio") == [] and agencies("la Comisión acreditará") == []


def test_an_agency_is_not_a_vendor_nor_a_person():
    ents = extract_entities("Contrato entre la Secretaría de Administración y Servicios Integrales Magavel, S.A. de C.V.")
    assert [(e.kind, e.value) for e in ents if e.kind in ("agency", "vendor", "person")] == [
        ("agency", "secretaria de administracion"), ("vendor", "servicios integrales magavel")]
