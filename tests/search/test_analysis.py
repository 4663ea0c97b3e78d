from hypothesis import given, strategies as st

from search.analysis import fold, index_text, tokens
from search.query import parse
from search.snippets import match_spans


def test_fold_accents_and_case():
    assert fold("Juárez, AÑO, Ramírez, pingüino") == "juarez, ano, ramirez, pinguino"


@given(st.text())
def test_fold_keeps_length_so_offsets_stay_valid(text):
    assert len(fold(text)) == len(text)


def test_codes_split_into_adjacent_tokens():
    assert tokens("Licitación EA-IT20-2020 y DCA/TM/222/2020") == ["licitacion", "ea", "it20", "2020", "y", "dca", "tm", "222", "2020"]


def test_match_spans_point_into_original_text():
    text = "Servicios Integrales MAGAVEL, S.A. de C.V. — licitación EA–IT20/2020; magavelito"
    spans = match_spans(text, parse("magavel OR ea-it20-2020 OR licitac*"))
    assert [text[a:b] for a, b in spans] == ["MAGAVEL", "licitación", "EA–IT20/2020"]


def test_index_text_is_whitespace_joined_tokens():
    assert index_text("$1,023,123.00 M.N.") == "1 023 123 00 m n"
