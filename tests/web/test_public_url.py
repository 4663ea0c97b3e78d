"""EXPEDIENTE_PUBLIC_URL: every absolute link that leaves the archive (citations, CSV exports)
is on the configured public base URL; unset, on the address the request came to."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient

from expediente.errors import ConfigError
from expediente.settings import settings_from_env
from tests_support import ingest_paths, make_pdf, make_settings
from web import create_app

PUBLIC = "https://archivo.example.org"


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("public-url")
    settings = make_settings(tmp / "data")
    ingest_paths([make_pdf(tmp / "contrato.pdf", ["Contrato con Magavel por 1,023,123 pesos."])], settings)
    return settings


def _citation_links(client) -> tuple[str, str, str]:
    hit = client.get("/api/search", params={"q": "magavel"}).json()["hits"][0]
    page = client.get(f"/api/documents/{hit['document_id']}/pages/1", params={"q": "magavel"}).json()
    html = client.get(f"/documents/{hit['document_id']}/pages/1", params={"q": "magavel"}).text
    csv = client.get("/export/search.csv", params={"q": "magavel"}).text
    return page["citation"]["url"], page["citation"]["text"], html + csv


def test_links_use_the_public_base_url(settings):
    with TestClient(create_app(dataclasses.replace(settings, public_url=PUBLIC + "/"), indexer=False)) as client:
        url, text, html_and_csv = _citation_links(client)
        hit = client.get("/api/search", params={"q": "magavel"}).json()["hits"][0]
    assert url.startswith(PUBLIC + "/documents/") and url.endswith("/pages/1?q=magavel")
    assert text.endswith(url)
    assert html_and_csv.count(PUBLIC + "/documents/") >= 2 and "testserver" not in html_and_csv
    assert hit["url"] == f"{PUBLIC}/documents/{hit['document_id']}/pages/1?q=magavel"


def test_without_it_links_use_the_request_address(settings):
    with TestClient(create_app(settings, indexer=False), base_url="http://localhost:8000") as client:
        url, _, html_and_csv = _citation_links(client)
    assert url.startswith("http://localhost:8000/documents/")
    assert PUBLIC not in html_and_csv


@pytest.mark.parametrize("value", ["archivo.example.org", "ftp://archivo.example.org", "https://a.org/?x=1"])
def test_a_public_url_that_is_not_http_is_refused_at_start_up(value):
    with pytest.raises(ConfigError):
        settings_from_env({"EXPEDIENTE_PUBLIC_URL": value})
    assert settings_from_env({"EXPEDIENTE_PUBLIC_URL": PUBLIC}).public_url == PUBLIC
