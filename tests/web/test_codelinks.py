"""Bid and contract numbers link to their case in snippets and page text, escaped, never injected."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from fastapi.templating import Jinja2Templates

from search import Snippet
from web import codelinks

TEMPLATES = Path(codelinks.__file__).parent / "templates"


def test_segments_are_cut_where_a_code_starts_and_ends():
    segments = [("Licitación EA-IT", False), ("20-2020", True), (" y otra", False)]
    pieces = codelinks.split_at_codes(segments, codelinks.find_printed("Licitación EA-IT20-2020 y otra",
                                                                       {"EA-IT20-2020": "EAIT202020"}))
    assert pieces == [("Licitación ", False, None), ("EA-IT", False, "EAIT202020"), ("20-2020", True, "EAIT202020"),
                      (" y otra", False, None)]


def test_a_printed_code_is_found_across_collapsed_whitespace_but_not_inside_a_longer_code():
    text = "contrato DCA/TM/222/2020 y DCA/TM/222/20201 y EA-IT20-\n2020"
    found = codelinks.find_printed(text, {"DCA/TM/222/2020": "DCATM2222020", "EA-IT20- 2020": "EAIT202020"})
    assert [(text[a:b], v) for a, b, v in found] == [("DCA/TM/222/2020", "DCATM2222020"),
                                                     ("EA-IT20-\n2020", "EAIT202020")]


def test_the_hit_template_escapes_a_hostile_snippet_and_urlencodes_the_code():
    text = '<img src=x onerror=alert(1)> bases EA-IT20-2020 "><script>'
    hit = SimpleNamespace(document_id="d" * 64, page=1, title="t", filename="f.pdf", page_count=1, approximate=False,
                          pages=[1], snippet=Snippet(text, [(text.index("EA-"), text.index("EA-") + 12)]))
    ents = [{"kind": "bid", "printed": "EA-IT20-2020", "value": 'EAIT202020"><b>x'}]
    catalog = SimpleNamespace(entities=lambda doc, page: ents)
    request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(archive=SimpleNamespace(catalog=catalog))))
    env = Jinja2Templates(directory=str(TEMPLATES)).env
    env.globals.update(snippet_pieces=codelinks.snippet_pieces)
    html = env.get_template("_hit.html").render(hit=hit, request=request, query="x", t=lambda k, **kw: k)
    assert "<img" not in html and "<script>" not in html and "&lt;img" in html
    assert re.search(r'<a class="case" href="/cases/EAIT202020%22%3E%3Cb%3Ex"><mark>EA-IT20-2020</mark></a>', html)
