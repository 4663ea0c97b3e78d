"""Saved searches on both engines: pages matching now, pages new since the last visit, and
the alert after each ingest batch posted to a real local webhook server."""

from __future__ import annotations

import pytest

from archive import open_archive
from archive.archive import SearchOptions
from archive.saved import SavedSearches, check_webhook
from expediente.errors import NotFound, UsageError
from tests_support import ENGINE_PARAMS, drop_es_index, free_port, ingest_paths, make_pdf, make_settings
from webhook_server import webhook_server


@pytest.fixture(params=ENGINE_PARAMS)
def settings(request, tmp_path):
    settings = make_settings(tmp_path / "data", request.param, public_url="https://archivo.example.org")
    yield settings
    drop_es_index(settings)


def _ingest(settings, tmp_path, name: str, pages: list[str]) -> None:
    report = ingest_paths([make_pdf(tmp_path / name, pages)], settings)
    assert not report.failed


def test_new_pages_since_the_last_visit_and_the_webhook_after_each_batch(settings, tmp_path):
    _ingest(settings, tmp_path, "antes.pdf", ["Contrato con Magavel, primera parte."])
    archive = open_archive(settings)
    saved = SavedSearches(archive)
    with webhook_server() as (url, received):
        mine = saved.save("ana@example.org", "Magavel", "magavel", SearchOptions(sort="date"), "/?q=magavel&sort=date",
                          "http://127.0.0.1:8000", url)
        first = saved.summary(mine)
        assert (first["total"], first["new_pages"]) == (1, 0)

        _ingest(settings, tmp_path, "despues.pdf", ["Factura de Magavel.", "Nada que ver.", "Pago a MAGAVEL."])
        _ingest(settings, tmp_path, "otro.pdf", ["Contrato de limpieza sin ese proveedor."])
        now = saved.summary(saved.get("ana@example.org", mine.id))
        assert (now["total"], now["new_pages"]) == (3, 2)
        assert len(received) == 1, received  # the batch without a match posts nothing
        body = received[0]["json"]
        assert body["name"] == "Magavel" and body["query"] == "magavel" and body["new_pages"] == 2
        assert body["url"] == "https://archivo.example.org/?q=magavel&sort=date"
        assert sorted((h["filename"], h["page"]) for h in body["hits"]) == [("despues.pdf", 1), ("despues.pdf", 3)]
        assert all(h["url"].startswith("https://archivo.example.org/documents/") for h in body["hits"])
        assert saved.get("ana@example.org", mine.id).last_status == "200"

        saved.open("ana@example.org", mine.id)
        seen = saved.summary(saved.get("ana@example.org", mine.id))
        assert (seen["total"], seen["new_pages"]) == (3, 0)
    archive.close()


def test_a_dead_webhook_is_recorded_and_the_ingest_goes_on(settings, tmp_path):
    archive = open_archive(settings)
    saved = SavedSearches(archive)
    dead = f"http://127.0.0.1:{free_port()}/nadie"
    mine = saved.save("", "rfc", "SIM1508193C1", SearchOptions(), "/?q=SIM1508193C1", "http://127.0.0.1:8000", dead)
    _ingest(settings, tmp_path, "factura.pdf", ["Emisor RFC SIM1508193C1", "Receptor"])
    after = saved.get("", mine.id)
    assert after.last_status is None and after.last_error and "Connect" in after.last_error
    assert after.last_new == 1 and saved.summary(after)["new_pages"] == 1
    assert archive.search("SIM1508193C1").total == 1  # the document is in, whatever the webhook did
    archive.close()


def test_users_see_only_their_own_and_hostile_input_is_refused(settings):
    archive = open_archive(settings)
    saved = SavedSearches(archive)
    mine = saved.save("ana@example.org", "x", "magavel", SearchOptions(), "/?q=magavel", "http://t")
    with pytest.raises(NotFound):
        saved.get("beto@example.org", mine.id)
    with pytest.raises(NotFound):
        saved.delete("beto@example.org", mine.id)
    for bad in ("ftp://example.org/x", "javascript:alert(1)", "http://", "example.org/hook", "http://a/" + "x" * 3000):
        with pytest.raises(UsageError):
            check_webhook(bad)
    with pytest.raises(UsageError):
        check_webhook("http://127.0.0.1:9200/expediente/_doc", "http://127.0.0.1:9200")
    with pytest.raises(UsageError):
        saved.save("ana@example.org", "roto", "(magavel", SearchOptions(), "/", "http://t")
    with pytest.raises(UsageError):
        saved.save("ana@example.org", " ", "magavel", SearchOptions(), "/", "http://t")
    saved.delete("ana@example.org", mine.id)
    assert saved.all("ana@example.org") == []
    archive.close()


def test_the_cli_lists_saved_searches_with_their_counts(tmp_path, capsys):
    import json

    from expediente.cli import main

    settings = make_settings(tmp_path / "data")
    archive = open_archive(settings)
    SavedSearches(archive).save("", "magavel", "magavel", SearchOptions(), "/?q=magavel", "http://t")
    _ingest(settings, tmp_path, "nuevo.pdf", ["Magavel", "Magavel otra vez"])
    archive.close()
    assert main(["--data-dir", str(settings.data_dir), "saved", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)["saved"]
    assert (row["owner"], row["name"], row["total"], row["new_pages"]) == ("(local)", "magavel", 2, 2)
    assert main(["--data-dir", str(settings.data_dir), "saved", "list"]) == 0
    assert "2 pages, 2 new" in capsys.readouterr().out


def test_a_slow_webhook_times_out_after_5_s_and_is_recorded(tmp_path):
    settings = make_settings(tmp_path / "data")
    archive = open_archive(settings)
    with webhook_server() as (url, received):
        received.delay_s = 8.0
        mine = SavedSearches(archive).save("", "lento", "magavel", SearchOptions(), "/?q=magavel", "http://t", url)
        _ingest(settings, tmp_path, "nuevo.pdf", ["Magavel"])
        after = SavedSearches(archive).get("", mine.id)
    assert len(received) == 1 and after.last_error and "Timeout" in after.last_error, after
    assert after.last_status is None and after.last_new == 1
    assert archive.search("magavel").total == 1
    archive.close()
