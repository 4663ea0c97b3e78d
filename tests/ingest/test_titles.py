"""A document's title: the PDF's own when meaningful, else the line that says what it is."""

from __future__ import annotations

import pytest

from ingest.model import Page
from ingest.stages import choose_title


@pytest.mark.parametrize("text,title", [
    ("Página 1 de 1\nCONVENIO MODIFICATORIO No. 1\nal contrato 045/2024\nQue celebran", "CONVENIO MODIFICATORIO No. 1"),
    ("Hoja 1 de 3\nINVITACIÓN A CUANDO MENOS TRES PERSONAS\nNo. IA-04C820001-E44-2024", "INVITACIÓN A CUANDO MENOS TRES PERSONAS"),
    ("SECRETARÍA DE SALUD\nACTA DE LA JUNTA DE ACLARACIONES\nLicitación", "ACTA DE LA JUNTA DE ACLARACIONES"),
    ("Gobierno del Estado\nAl contrato del suministro", "Al contrato del suministro"),
])
def test_the_title_is_the_line_saying_what_the_document_is(text: str, title: str) -> None:
    assert choose_title({}, [Page(1, text, "text", None, 612, 792)], "x.pdf") == title
    assert choose_title({"Title": "Informe de resultados 2023"}, [Page(1, text, "text", None, 612, 792)], "x.pdf") == \
        "Informe de resultados 2023"
