"""Persons: titles, legal representatives, signature blocks and lists, rúbricas, names next to a person RFC."""
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


def values(text: str) -> list[str]:
    return [v for _, v in persons(text)]


BLOCKS = [
    # upper-case titles, several spellings
    ("Atentamente\nLIC. JORGE ALBERTO SALGADO RÍOS\nCoordinador", ["jorge alberto salgado rios"]),
    ("MTRO. ARTURO GILBERTO HOLGUÍN MELÉNDEZ\nAuditor Especial", ["arturo gilberto holguin melendez"]),
    ("C.P.C. SILVIA RENATA AGUILAR MONTES\nAuditora Especial", ["silvia renata aguilar montes"]),
    ("DRA. ELENA GARRO NAVARRO", ["elena garro navarro"]),
    # two signatures side by side on one line: a title starts the second name
    ("C.P. HÉCTOR MANUEL RAMÍREZ OLIVAS ING. RODRIGO IVÁN CASTAÑEDA LUGO\nTesorero Municipal Representante Legal",
     ["hector manuel ramirez olivas", "rodrigo ivan castaneda lugo"]),
    ("TESTIGO TESTIGO\nLIC. DANIEL ALEJANDRO PORTILLO QUEZADA C. VERÓNICA IVONNE LOZANO TERRAZAS\n",
     ["daniel alejandro portillo quezada", "veronica ivonne lozano terrazas"]),
    ("Lic. Juan C. Pérez Ruiz", ["juan c perez ruiz"]),  # a middle initial is not the title "C."
    # untitled names in a signature block: framed by a header/role/company line, split at a given name
    ("LICITANTES\nLAURA BEATRIZ SOTO MEJÍA ENRIQUE TADEO VARGAS LUNA\n"
     "Constructora Delta, S.A. de C.V. Grupo Omega, S. de R.L. de C.V.",
     ["laura beatriz soto mejia", "enrique tadeo vargas luna"]),
    ("POR LA CONVOCANTE\nROSA MARÍA ESPINOZA TREJO\nJefa de Departamento de Compras", ["rosa maria espinoza trejo"]),
    ("Atentamente\nJuan Carlos Medina Rojas\nDirector de Obras Públicas", ["juan carlos medina rojas"]),
    ("ENTREGA RECIBE\nC. MARÍA LUISA PEÑA SOLÍS ING. TOMÁS ALBERTO RUIZ PAZ\n",
     ["maria luisa pena solis", "tomas alberto ruiz paz"]),
    ("PABLO CÉSAR FIGUEROA NAVA\nGABRIELA SOTO RUIZ\nRepresentantes legales",  # framed from below only:
     ["gabriela soto ruiz"]),  # the line above it is not next to a role line
    # attendee lists and "por parte de"
    ("Asistentes: Juan Pérez López, María Fernanda Ruiz Soto y Pedro Gómez Ortiz.",
     ["juan perez lopez", "maria fernanda ruiz soto", "pedro gomez ortiz"]),
    ("Se presentó por parte de la empresa el representante; por parte de Luis Ortega Ramos, asistió.",
     ["luis ortega ramos"]),
    ("ASISTENTES\nJuan Pérez López\nMaría Ruiz Soto\nPedro Gómez Ortiz\n\nSe abrió la sesión",
     ["juan perez lopez", "maria ruiz soto", "pedro gomez ortiz"]),  # one per line, chained
    ("Asistentes:\nJuan Pérez López\nCargo: Director", ["juan perez lopez"]),
    ("Nombre: Juan Pérez López\nCargo: Director\nFirma:", ["juan perez lopez"]),
    ("Nombre del representante legal: ING. ÓSCAR DANIEL BENÍTEZ SALAS", ["oscar daniel benitez salas"]),
    ("NOMBRE CARGO FIRMA\nFERNANDO TREVIÑO GARZA DIRECTOR DE ADQUISICIONES\n",  # a table of signatories
     ["fernando trevino garza"]),
    ("Asistentes:\n- Lic. Ana Ruiz Pérez, Directora\n- Jorge Salinas Vega, Contralor\nDesarrollo de la sesión",
     ["ana ruiz perez", "jorge salinas vega"]),
]


@pytest.mark.parametrize("text,expected", BLOCKS)
def test_signature_blocks_and_lists(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "GOBIERNO DEL ESTADO DE MORELOS\nCOMISIÓN ESTATAL DE SEGURIDAD PÚBLICA\nDirector General",
    "TESTIGO TESTIGO\n",
    "SERVICIOS INTEGRALES MAGAVEL\nRepresentante Legal",  # not a person's given name
    "Directora de Tecnologías de la Información, en su carácter de área requirente",
    "Asistentes: Dirección General de Administración, Órgano Interno de Control",
    "por parte de la Secretaría de Finanzas",
    "MARÍA GUADALUPE VELASCO ARRIAGA\nvive en Cuernavaca",  # nothing frames the line
    "Calle José María Morelos\nColonia Centro",
    "POR EL PROVEEDOR\nGRUPO VIGÍA DIGITAL DEL CENTRO\n",
    "Nombre: Servicios Integrales Magavel\nNombre del proyecto: Cámaras Urbanas",
    # places named after people
    "Asistentes:\nCalle Vicente Guerrero No. 123, Col. Centro",
    "Avenida José María Morelos y Pavón 45\nDirector de Obras",
    "con domicilio en Av. Lic. Benito Juárez García 12",
    "Escuela Primaria Miguel Hidalgo\nDirector",
    # a list ends at the first line that does not open with a name
    "Asistentes:\nJUNTA DE ACLARACIONES\nse llevó a cabo\nMaría López Ruiz",
])
def test_not_persons_in_blocks(text: str) -> None:
    assert persons(text) == []


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
    ("C.P.C. SILVIA AGUILAR MONTES", "silvia aguilar montes"), ("MTRO. ARTURO HOLGUÍN", "arturo holguin"),
])
def test_normalise_person(raw: str, expected: str) -> None:
    assert normalise_person(raw) == expected


@pytest.mark.parametrize("text", [
    "Coordinación de Operación Policial\nRúbrica",
    "C. OPERACIÓN POLICIAL CONJUNTA, en su carácter de titular",
    "Nombre y firma\nOPERACIÓN POLICIAL\nTESTIGO",
    "representado por Operación Policial Estatal",
    "Ing. Equipo Técnico Especializado",
    "TESTIGOS\nREVISIÓN TÉCNICA OPERATIVA\nNombre y firma",
    "C. Reconocimiento Facial Avanzado",
])
def test_phrases_of_common_words_are_not_persons(text: str) -> None:
    assert persons(text) == []


@pytest.mark.parametrize("text,value", [
    ("Lic. María de la Concepción Flores Rosales, en su carácter de", "maria de la concepcion flores rosales"),
    ("C.P. Marcial Vidal Leal", "marcial vidal leal"),  # -cial, but a name
    ("C. URUVIEL GONZÁLEZ VIEYRA", "uruviel gonzalez vieyra"),  # no known given name, no common word
    ("Lic. Soledad Trinidad Prado", "soledad trinidad prado"),
])
def test_names_that_end_like_nouns_stay_persons(text: str, value: str) -> None:
    assert [v for _, v in persons(text)] == [value]
