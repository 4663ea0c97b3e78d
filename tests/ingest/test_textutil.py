"""The shared scan for declared words finds what one str.find per word finds."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.entities.textutil import find_all, find_words, fold, needles, word_spans

WORDS = needles("ana", "anaana", "na", "contrat", "c0ntrat", "ñ", "por parte de")
ONE = needles("ana")

# Texts built from the words' own letters, so that words overlap, repeat and touch often.
texts = st.text(alphabet="anñ c0ontrapés\n", max_size=300)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_find_words_is_find_all(text: str) -> None:
    folded = fold(text)
    assert find_words(folded, WORDS) == find_all(folded, WORDS)
    assert find_words(folded, ONE) == find_all(folded, ONE)
    assert [i for i, _ in word_spans(folded, WORDS)] == find_all(folded, WORDS)


def test_spans_and_real_text() -> None:
    folded = fold("Contrato No. 12-2022, por parte de ANA; el c0ntrato")
    assert word_spans(folded, needles("contrat", "c0ntrat")) == [(0, 7), (43, 50)]
    assert find_words(folded, WORDS) == find_all(folded, WORDS)


def test_undeclared_words_are_refused() -> None:
    with pytest.raises(ValueError):
        find_words("texto", ("nunca declarada",))
