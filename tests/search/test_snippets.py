"""Snippets: the window with the most matches, its white space collapsed, the matches still
pointing at the matched words."""

import re

from search.snippets import make_snippet


def _snippet(text: str, words: list[str], width: int = 240) -> tuple[str, list[str]]:
    spans = [m.span() for w in words for m in re.finditer(re.escape(w), text)]
    snippet = make_snippet(text, sorted(spans), width)
    return snippet.text, [snippet.text[a:b] for a, b in snippet.highlights]


def test_white_space_runs_collapse_and_highlights_follow():
    text = "Licitación\tEA-IT20-2020\n\n adjudicada  a\u00a0Servicios Magavel, S.A. de C.V.\r\npor $1,023,123.00 M.N."
    flat, marked = _snippet(text, ["EA-IT20-2020", "Magavel", "1,023,123.00"])
    assert flat == "Licitación EA-IT20-2020 adjudicada a Servicios Magavel, S.A. de C.V. por $1,023,123.00 M.N."
    assert marked == ["EA-IT20-2020", "Magavel", "1,023,123.00"]


def test_single_spaces_and_a_match_at_either_end():
    text = "Magavel ganó la partida única del fallo de Magavel"
    flat, marked = _snippet(text, ["Magavel"])
    assert flat == text
    assert marked == ["Magavel", "Magavel"]


def test_a_long_page_is_cut_at_word_boundaries_around_the_densest_window():
    filler = "palabra   de\nrelleno " * 60
    text = filler + "monto de $1,023,123.00 pagado a Magavel " + filler
    flat, marked = _snippet(text, ["1,023,123.00", "Magavel"], width=120)
    assert flat.startswith("…") and flat.endswith("…")
    assert "  " not in flat and "\n" not in flat
    assert marked == ["1,023,123.00", "Magavel"]
    assert all(w in ("palabra", "de", "relleno", "monto", "$1,023,123.00", "pagado", "a", "Magavel")
               for w in flat.strip("…").split())
