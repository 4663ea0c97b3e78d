"""Persons: titles, legal representatives, signature lines, rúbricas, names next to a person RFC."""
from __future__ import annotations

import pytest

from ingest.entities import extract_entities
from ingest.entities.persons import normalise_person


def persons(text: str) -> list[tuple[str, str]]:
    return [(e.printed, e.value) for e in extract_entities(text) if e.kind == "person"]


CASES = [
    ("Comparece el C. Juan Pérez López, Director", "Juan Pérez López", "juan perez lopez"),
    ("la Lic. María del Rocío García Olmedo y", "María del Rocío García Olmedo", "maria del rocio garcia olmedo"),
    ("firmado por el Ing. Roberto Gómez Bolaños.", "Roberto Gómez Bolaños", "roberto gomez bolanos"),
    ("Mtra. Ana Sofía Ruiz Pérez", "Ana Sofía Ruiz Pérez", "ana sofia ruiz perez"),
    ("signed Dr. Iván D. Villagrán", "Iván D. Villagrán", "ivan d villagran"),
    ("Arq. Luis Barragán Morfín", "Luis Barragán Morfín", "luis barragan morfin"),
    ("C.P. Laura Méndez Ochoa", "Laura Méndez Ochoa", "laura mendez ochoa"),
    ("representada por su apoderado legal JOSÉ LUIS HERNÁNDEZ RUIZ, quien", "JOSÉ LUIS HERNÁNDEZ RUIZ",
     "jose luis hernandez ruiz"),
    ("su representante legal, Pedro Páramo Rulfo", "Pedro Páramo Rulfo", "pedro paramo rulfo"),
    ("y Pedro Páramo Rulfo, en su carácter de administrador único", "Pedro Páramo Rulfo", "pedro paramo rulfo"),
    ("______________\nROBERTO GÓMEZ BOLAÑOS\nNombre y firma\n", "ROBERTO GÓMEZ BOLAÑOS", "roberto gomez bolanos"),
    ("Nombre y firma\nLic. Ana Ruiz Pérez\n", "Ana Ruiz Pérez", "ana ruiz perez"),
    ("Diputada Presidenta. ALEJANDRA GUADALUPE ESQUITÍN \r\nLASTIRI. Rúbrica.",
     "ALEJANDRA GUADALUPE ESQUITÍN \r\nLASTIRI", "alejandra guadalupe esquitin lastiri"),
    ("Gobierno.- C. LUIS MALDONADO VENEGAS.- Rúbrica.", "LUIS MALDONADO VENEGAS", "luis maldonado venegas"),
    ("Datos del receptor\r\nCARLOS CORTES SOTO\r\nRFC COSC8001137NA\r\n", "CARLOS CORTES SOTO", "carlos cortes soto"),
]


@pytest.mark.parametrize("text,printed,value", CASES)
def test_person_contexts(text: str, printed: str, value: str) -> None:
    assert persons(text) == [(printed, value)]


@pytest.mark.parametrize("text", [
    "el C. Presidente Municipal",
    "Ley de Obra Pública y Servicios Relacionados con la Misma",
    "C.P. 72000, Puebla",
    "S. de R.L. de C. V. Juan",
    "Ing. Civil",
    "Receptor: PUBLICO GENERAL RFC XAXX010101000",
    "NOMBRE: Publico General RFC: AAA010101AAA",
    "DIRECCIÓN GENERAL DE FISCALIZACIÓN DEL PATRIMONIO PÚBLICO FEDERAL",
    "Juan Pérez López vive aquí",  # no context: precision over recall
    "PEDRO PÁRAMO\nRFC COSC8001137NA",  # RFC initials do not match the name
])
def test_not_persons(text: str) -> None:
    assert persons(text) == []


@pytest.mark.parametrize("raw,expected", [
    ("Lic. Juan Pérez López", "juan perez lopez"), ("C. MARÍA DEL ROCÍO GARCÍA", "maria del rocio garcia"),
    ("Dr. Iván D. Villagrán", "ivan d villagran"), ("C.P. Laura Méndez", "laura mendez"),
])
def test_normalise_person(raw: str, expected: str) -> None:
    assert normalise_person(raw) == expected
