"""Every /api error answers in the request's language (Accept-Language or ?lang=, as the
pages do), with a stable machine `code` beside the kind of error."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from tests_support import ingest_paths, make_pdf, settings_for
from web import create_app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("api-errors")
    settings = settings_for(tmp, max_upload_mb=1)
    ingest_paths([make_pdf(tmp / "acta.pdf", ["Acta con Magavel."])], settings)
    app = create_app(settings, indexer=False)
    with TestClient(app) as client:
        accounts = app.state.archive.accounts
        accounts.add_user("lector@example.org", "reader", "una contraseña larga")
        accounts.add_user("editor@example.org", "editor", "una contraseña larga")
        accounts.add_user("admin@example.org", "admin", "una contraseña larga")
        reader = {"Authorization": f"Bearer {accounts.create_token('lector@example.org', 't')}"}
        editor = {"Authorization": f"Bearer {accounts.create_token('editor@example.org', 't')}"}
        admin = {"Authorization": f"Bearer {accounts.create_token('admin@example.org', 't')}"}
        doc = client.get("/api/documents", headers=reader).json()["documents"][0]["id"]
        yield SimpleNamespace(client=client, reader=reader, editor=editor, admin=admin, doc=doc)


CASES = [  # (name, method, path, params, who, status, error, code, Spanish words, English words)
    ("no document", "GET", "/api/documents/abc", {}, "reader", 404, "not_found", "doc_not_found",
     "No hay ningún documento", "No document"),
    ("no page", "GET", "/api/documents/{doc}/pages/99", {}, "reader", 404, "not_found", "page_not_found",
     "no tiene página 99", "has no page 99"),
    ("no route", "GET", "/api/nada", {}, "reader", 404, "not_found", "http_not_found", "No hay nada en /api/nada",
     "Nothing at /api/nada"),
    ("wrong method", "PUT", "/api/search", {"q": "x"}, "editor", 405, "method_not_allowed", "http_method",
     "PUT no está permitido", "PUT is not allowed"),
    ("unclosed", "GET", "/api/search", {"q": "(magavel"}, "reader", 400, "query_syntax", "query_unclosed",
     "no se cierra", "never closed"),
    ("grammar of fields", "GET", "/api/search", {"q": "monto:abc"}, "reader", 400, "query_syntax", "query_not_amount",
     "'abc' no es un monto", "'abc' is not an amount"),
    ("amount too large", "GET", "/api/search", {"q": "monto:1,000,000,000,000,000,000"}, "reader", 400, "query_syntax",
     "query_amount_too_large", "es un monto demasiado grande", "is too large an amount"),
    ("not a date", "GET", "/api/search", {"q": "fecha:ayer"}, "reader", 400, "query_syntax", "query_not_date",
     "'ayer' no es una fecha: escriba fecha:", "'ayer' is not a date: write date:"),
    ("invalid date", "GET", "/api/search", {"q": "fecha:31/02/2021"}, "reader", 400, "query_syntax",
     "query_invalid_date", "no es una fecha válida", "is not a valid date"),
    ("not a year", "GET", "/api/search", {"q": "año:dos"}, "reader", 400, "query_syntax", "query_not_year",
     "'dos' no es un año", "'dos' is not a year"),
    ("field without value", "GET", "/api/search", {"q": 'monto:""'}, "reader", 400, "query_syntax",
     "query_field_empty", "monto: necesita un valor, p. ej. monto:1023123", "monto: needs a value, e.g. monto:1023123"),
    ("range of one value", "GET", "/api/search", {"q": "licitacion:>5"}, "reader", 400, "query_syntax",
     "query_field_no_range", "licitacion: admite un valor", "licitacion: takes one value"),
    ("nothing to search", "GET", "/api/search", {"q": "proveedor:-"}, "reader", 400, "query_syntax",
     "query_field_nothing", "proveedor:- no tiene nada que buscar", "proveedor:- has nothing to search for"),
    ("sort", "GET", "/api/search", {"q": "magavel", "sort": "azar"}, "reader", 400, "usage", "search_bad_sort",
     "Orden desconocido 'azar'", "Unknown sort 'azar'"),
    ("no vendor", "GET", "/api/vendors/zzqqxx", {}, "reader", 404, "not_found", "vendor_not_found",
     "No hay ningún proveedor «zzqqxx»", "No vendor “zzqqxx”"),
    ("no case", "GET", "/api/cases/ZZ-QQ99-1999", {}, "reader", 404, "not_found", "case_not_found",
     "Ningún documento imprime el código «ZZ-QQ99-1999»", "No document prints the code “ZZ-QQ99-1999”"),
    ("not a code", "GET", "/api/cases/---", {}, "reader", 400, "usage", "case_bad_code",
     "«---» no es un número de licitación", "“---” is not a bid or contract number"),
    ("no job", "GET", "/api/jobs/999", {}, "editor", 404, "not_found", "job_not_found",
     "No hay ningún trabajo 999", "No job 999"),
    ("no reading", "POST", "/api/readings/999/keep", {}, "editor", 404, "not_found", "reading_not_found",
     "No hay ninguna lectura 999", "No reading 999"),
    ("empty claim", "GET", "/api/check", {"text": " "}, "reader", 400, "usage", "claim_empty",
     "La afirmación está vacía", "The claim is empty"),
    ("short prefix", "GET", "/api/search", {"q": "a*"}, "reader", 400, "query_syntax", "query_short_prefix",
     "al menos 2 letras", "at least 2 letters"),
    ("validation", "GET", "/api/search", {"q": "magavel", "offset": "-1"}, "reader", 422, "invalid_request",
     "invalid_request", "offset: debe ser 0 o más", "offset: must be 0 or more"),
    ("no account", "GET", "/api/documents", {}, None, 401, "unauthorized", "unauthorized", "Inicie sesión", "Sign in"),
    ("role", "DELETE", "/api/documents/{doc}", {}, "reader", 403, "forbidden", "forbidden", "Su rol (lector)",
     "Your role (reader)"),
    ("saved search", "DELETE", "/api/saved/999", {}, "reader", 404, "not_found", "saved_not_found",
     "No hay ninguna búsqueda guardada 999", "No saved search 999"),
]


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_api_errors_speak_the_request_language(site, case, lang):
    _, method, path, params, who, status, error, code, spanish, english = case
    headers = {**(getattr(site, who) if who else {}), "Accept-Language": "en-GB,en" if lang == "en" else "es-MX"}
    r = site.client.request(method, path.format(doc=site.doc), params=params, headers=headers)
    body = r.json()
    assert (r.status_code, body["error"], body["code"], body["lang"]) == (status, error, code, lang), body
    assert (spanish if lang == "es" else english) in body["message"], body
    assert (english if lang == "es" else spanish) not in body["message"], body


def test_lang_in_the_address_wins_and_too_large_bodies_say_the_limit(site):
    r = site.client.get("/api/documents/abc", params={"lang": "en"}, headers={**site.reader, "Accept-Language": "es"})
    assert r.json()["lang"] == "en" and "No document" in r.json()["message"]
    big = ("files", ("big.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024), "application/pdf"))
    for lang, words in (("es", "La petición supera 1 MB"), ("en", "larger than 1 MB")):
        r = site.client.post("/api/upload", files=[big], headers={**site.editor, "Accept-Language": lang})
        assert r.status_code == 413 and r.json()["code"] == "body_too_large" and words in r.json()["message"], r.text


@pytest.mark.parametrize("lang", ["es", "en"])
def test_account_errors_speak_the_request_language(site, lang):
    headers = {**site.admin, "Accept-Language": lang}
    for email, status, code, spanish, english in (
            ("nadie@example.org", 404, "user_not_found", "No hay ningún usuario «nadie@example.org»",
             "No user “nadie@example.org”"),
            ("admin@example.org", 400, "last_admin", "es el único administrador", "is the only admin")):
        r = site.client.patch(f"/api/users/{email}", json={"role": "reader"}, headers=headers)
        body = r.json()
        assert (r.status_code, body["code"], body["lang"]) == (status, code, lang), body
        assert (spanish if lang == "es" else english) in body["message"], body
