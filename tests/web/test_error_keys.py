"""Every error raised on purpose says itself in both languages: each key a raise names has a
Spanish and an English text in web.i18n taking the raise's parameters, and the pages show them."""

from __future__ import annotations

import ast
import html
import inspect
import string
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from expediente import errors
from tests_support import csrf_token, ingest_paths, make_pdf, settings_for
from web import create_app
from web.i18n import MESSAGES

ROOT = Path(__file__).resolve().parents[2]
ERRORS = {name for name, cls in vars(errors).items() if inspect.isclass(cls) and issubclass(cls, errors.ExpedienteError)}
# Raised only by the command line (or before the server answers anything), where messages stay English.
CLI_ONLY = {"archive/reindex.py", "search/es_engine.py", "search/tantivy_engine.py"}
# Already said in the user's language where raised (web.auth translates before it raises).
TRANSLATED_WHERE_RAISED = {"web/auth.py"}
# A file that cannot be ingested is recorded as its job's failure and shown through its code (err_<code>).
RECORDED_AS_DATA = {"archive/service.py"} | {name for name in ERRORS if issubclass(getattr(errors, name), errors.IngestError)}


def _error_calls():
    """(file, line, class, key or None, parameter names) of each error built in archive/, search/ and web/."""
    for folder in ("archive", "search", "web"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ERRORS:
                    keys = [a.value for a in node.args[1:] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                    keys += [k.value.value for k in node.keywords if k.arg == "key" and isinstance(k.value, ast.Constant)]
                    value = keys[0] if keys else None
                    params = {k.arg for k in node.keywords if k.arg not in (None, "key")}
                    yield rel, node.lineno, node.func.id, value, params


CALLS = list(_error_calls())


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_walk_finds_the_raises():
    keys = {c[3] for c in CALLS}
    assert {"query_not_amount", "query_not_date", "vendor_not_found", "case_not_found", "job_not_found",
            "reading_not_found", "doc_not_found", "query_unclosed"} <= keys


@pytest.mark.parametrize("call", [c for c in CALLS if c[3]], ids=lambda c: f"{c[0]}:{c[1]}")
def test_each_key_of_a_raise_has_both_languages_taking_its_params(call):
    rel, line, _, key, params = call
    assert key in MESSAGES, f"{rel}:{line}: add {key!r} to web/i18n.py MESSAGES"
    for lang in ("es", "en"):
        text = MESSAGES[key].get(lang)
        assert text, f"{rel}:{line}: {key!r} has no {lang} text"
        assert _placeholders(text) <= params, f"{rel}:{line}: {key!r} ({lang}) needs {_placeholders(text) - params}"


def test_every_error_a_page_can_show_has_a_key():
    missing = [f"{rel}:{line} {cls}" for rel, line, cls, key, _ in CALLS
               if key is None and not {rel, cls} & (CLI_ONLY | TRANSLATED_WHERE_RAISED | RECORDED_AS_DATA)]
    assert not missing, "give these a key and texts in web/i18n.py: " + ", ".join(missing)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("error-keys")
    settings = settings_for(tmp)
    ingest_paths([make_pdf(tmp / "acta.pdf", ["Acta con Magavel."])], settings)
    with TestClient(create_app(settings, indexer=False)) as c:
        yield c


FIELD_ERRORS = [  # query, Spanish, English
    ("monto:abc", "'abc' no es un monto", "'abc' is not an amount"),
    ("monto:1,000,000,000,000,000,000", "es un monto demasiado grande", "is too large an amount"),
    ("fecha:ayer", "'ayer' no es una fecha", "'ayer' is not a date"),
    ("fecha:31/02/2021", "no es una fecha válida", "is not a valid date"),
    ("año:dos", "'dos' no es un año", "'dos' is not a year"),
    ('monto:""', "monto: necesita un valor", "monto: needs a value"),
    ("licitacion:>5", "licitacion: admite un valor, no un rango", "licitacion: takes one value, not a range"),
    ("proveedor:-", "proveedor:- no tiene nada que buscar", "proveedor:- has nothing to search for"),
]


@pytest.mark.parametrize("query,spanish,english", FIELD_ERRORS, ids=[f[0] for f in FIELD_ERRORS])
def test_the_search_page_shows_field_errors_in_its_language(client, query, spanish, english):
    es = client.get("/", params={"q": query}, headers={"Accept-Language": "es-MX"})
    assert es.status_code == 400 and spanish in html.unescape(es.text) and english not in html.unescape(es.text)
    en = client.get("/", params={"q": query}, headers={"Accept-Language": "en"})
    assert en.status_code == 400 and english in html.unescape(en.text) and spanish not in html.unescape(en.text)


def test_batch_rows_show_their_query_error_in_the_page_language(client):
    token = csrf_token(client)
    api = client.post("/api/batch", data={"text": "magavel\nfecha:ayer\n"}).text.splitlines()[1]
    assert '"error_code": "query_not_date"' in api
    for lang, said in (("es", "'ayer' no es una fecha"), ("en", "'ayer' is not a date")):
        page = client.post("/batch", data={"text": "magavel\nfecha:ayer\n", "csrf_token": token},
                           headers={"Accept-Language": lang})
        assert page.status_code == 200 and said in html.unescape(page.text)


def test_the_document_page_shows_its_search_error_in_spanish(client):
    doc = client.get("/api/documents").json()["documents"][0]["id"]
    r = client.get(f"/documents/{doc}", params={"q": "fecha:ayer"}, headers={"Accept-Language": "es"})
    assert r.status_code == 400 and "'ayer' no es una fecha" in html.unescape(r.text)


@pytest.mark.parametrize("path,spanish", [
    ("/vendors/zzqqxx", "No hay ningún proveedor «zzqqxx» en el archivo"),
    ("/cases/ZZ-QQ99-1999", "Ningún documento imprime el código «ZZ-QQ99-1999»"),
    ("/documents/abc", "No hay ningún documento «abc»"),
    ("/export/entities.csv?kind=foo", "Tipo de entidad desconocido 'foo'"),
])
def test_error_pages_speak_spanish_without_an_english_detail(client, path, spanish):
    r = client.get(path, headers={"Accept-Language": "es"})
    text = html.unescape(r.text)
    assert r.status_code in (400, 404) and spanish in text and "No encontrado:" not in text, text[-600:]
