"""Spanish number words <-> integers."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.entities import number_to_words, words_to_number


@pytest.mark.parametrize("n,words", [
    (0, "cero"), (1, "un"), (16, "dieciséis"), (21, "veintiún"), (22, "veintidós"), (100, "cien"),
    (101, "ciento un"), (1000, "mil"), (1_000_000, "un millón"), (2_000_000, "dos millones"),
    (1_023_123, "un millón veintitrés mil ciento veintitrés"),
    (369_339, "trescientos sesenta y nueve mil trescientos treinta y nueve"),
    (2_382_870, "dos millones trescientos ochenta y dos mil ochocientos setenta"),
    (1_000_000_000, "mil millones"), (21_000, "veintiún mil"), (500, "quinientos"),
])
def test_number_to_words(n: int, words: str) -> None:
    assert number_to_words(n) == words
    assert words_to_number(words) == n


@pytest.mark.parametrize("words,n", [
    ("UN MILLÓN VEINTITRÉS MIL CIENTO VEINTITRÉS", 1_023_123), ("diez y seis", 16), ("UN MIL", 1000),
    ("veintiuno", 21), ("doscientas", 200), ("un billón", 10**12), ("dos mil veintiuno", 2021),
])
def test_words_variants(words: str, n: int) -> None:
    assert words_to_number(words) == n


@pytest.mark.parametrize("words", ["", "hola", "mil pesos", "y"])
def test_not_number_words(words: str) -> None:
    assert words_to_number(words) is None


@settings(max_examples=2000)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_round_trip(n: int) -> None:
    assert words_to_number(number_to_words(n)) == n
    assert words_to_number(number_to_words(n).upper()) == n


def test_out_of_range() -> None:
    with pytest.raises(ValueError):
        number_to_words(-1)
