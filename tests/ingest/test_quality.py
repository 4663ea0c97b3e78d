"""The text-layer check is fast on dense pages and decides exactly as its plain definition."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.entities import fold
from ingest.quality import _ODD, _odd_count, _visible, _word_counts, needs_ocr, text_looks_real
from tests_support import RESOURCES, SAMPLES

_PLAIN = re.compile(r"[^\W_]|[.,;:()$%\-/'\"°ºª#&]")
_VOWEL = re.compile(r"[aeiouáéíóúüyAEIOUÁÉÍÓÚÜY]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def plain_definition(text: str) -> bool:
    """Mostly letters, digits and punctuation, and most words with a vowel (the check as written first)."""
    if "(cid:" in text or text.count("\ufffd") > 3:
        return False
    visible = len(re.sub(r"\s+", "", text))
    if len(_PLAIN.findall(text)) / max(1, visible) < 0.85:
        return False
    words = _WORD.findall(text)
    if len(words) < 3:
        return True
    return sum(1 for w in words if _VOWEL.search(w)) / len(words) >= 0.6


def _texts() -> list[str]:
    texts = []
    for path in [*sorted(SAMPLES.glob("*.pdf")), RESOURCES / "garbage_text_layer.pdf"]:
        pdf = pdfium.PdfDocument(str(path))
        texts += [page.get_textpage().get_text_range() for page in pdf]
        pdf.close()
    return texts


def test_real_pages_are_judged_as_by_the_plain_definition():
    texts = _texts()
    assert any(not plain_definition(t) for t in texts if t.strip())  # the garbage layer is there
    for text in texts:
        assert text_looks_real(text) == plain_definition(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdfgxyzÁéñü_ -.,$%#&°\t\n\r0123456789ßЖ☃\ufffd")), max_size=80))
def test_any_text_is_judged_as_by_the_plain_definition(text):
    assert text_looks_real(text) == plain_definition(text)


def _plain_counts(text: str) -> tuple[int, tuple[int, int]]:
    """Odd characters by the plain definition's regexes; (words, words without a vowel) by regexes on
    the folded text where its letters are all ASCII (there "º" is the "o" fold makes of it), else
    on the text."""
    odd = len(re.sub(r"\s+", "", text)) - len(_PLAIN.findall(text))
    folded = fold(text)
    if all(c.isascii() or not c.isalpha() for c in folded):
        words = re.findall(r"[a-z]{2,}", folded)
        return odd, (len(words), sum(1 for w in words if not re.search("[aeiouy]", w)))
    words = _WORD.findall(text)
    return odd, (len(words), sum(1 for w in words if not _VOWEL.search(w)))


def test_the_counts_on_real_pages_are_the_plain_definitions():
    for text in _texts():
        assert (_odd_count(text), _word_counts(text)) == _plain_counts(text)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdfgxyzAEIOUYBCDXZÁÉéñüçø_ -.,$%#&°º\t\n\r\x1c\xa00123456789ßЖ☃€\ufffd")),
               max_size=120))
def test_any_text_is_counted_as_by_the_plain_definition(text):
    assert (_odd_count(text), _word_counts(text)) == _plain_counts(text)


def test_images_are_only_asked_about_a_page_without_text():
    asked = []

    def has_images() -> bool:
        asked.append(1)
        return True

    assert not needs_ocr("Contrato de servicios integrales de videovigilancia para el municipio.", has_images)
    assert asked == []
    assert needs_ocr("  ", has_images) and asked == [1]


@given(st.text(alphabet=st.sampled_from("aé ñ\u00a0\u2003\u3000\x1c\x85\t\n\r–“”§ﬁ°º$%_\u200bZ9.,") | st.characters(), max_size=80))
def test_visible_and_odd_characters_are_counted_as_defined_on_any_characters(text):
    """Counted by bytes, the ASCII ones and the few others apart: as split() and the _ODD pattern count."""
    assert _visible(text) == sum(map(len, text.split()))
    assert _odd_count(text) == len(_ODD.findall(text))
