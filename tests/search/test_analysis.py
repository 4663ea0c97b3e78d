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


# What fold and tokens are defined as, one character and one regex match at a time: the fast
# paths (str.replace for common letters, a byte table for the split) must give exactly this.
_LETTERS = st.text(alphabet=st.sampled_from("aZ09 .,-_/\n\tóáéíúñüÓÑÜ°ºª¿¡\u00a0–€çãßﬁ²½İı\u0301ſKÅµ"), max_size=300)


def _fold_reference(text: str) -> str:
    from ingest.entities.textutil import _TABLE
    return "".join(c if c.isascii() else _TABLE[c] for c in text).lower()


@given(st.one_of(_LETTERS, st.text(max_size=200)))
def test_fold_is_the_per_character_fold(text):
    assert fold(text) == _fold_reference(text)


@given(st.one_of(_LETTERS, st.text(max_size=200)))
def test_tokens_are_the_ascii_alphanumeric_runs_of_the_fold(text):
    import re
    expected = [t for t in re.findall(r"[0-9a-z]+", _fold_reference(text)) if len(t) <= 40]
    assert tokens(text) == expected


def test_overlong_tokens_are_left_out():
    assert tokens("a" * 41 + " Año " + "b" * 40) == ["ano", "b" * 40]
