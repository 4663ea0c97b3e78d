"""Bulk loads (archive/bulk.py): a load at least as large as the archive drops the entity value
indexes and builds them when the queue is drained; meanwhile every lookup still answers, the same;
a catalog opened meanwhile does not build them; the lease outlives the build's long lock."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

import pytest

from archive import amount_index, open_archive, suggest
from archive import catalog as catalog_module
from archive import lease as lease_module
from archive.bulk import BulkLoad, deferred
from archive.catalog import VALUE_INDEXES, Catalog, has_index
from archive.lease import Lease
from tests_support import SAMPLES, ingest_paths, make_settings


def _lookups(archive) -> dict:
    """What the value indexes serve: mentions of codes and amounts, the amounts' table, suggestions."""
    catalog = archive.catalog
    every = catalog.db.execute("SELECT kind, value FROM entities NOT INDEXED").fetchall()
    codes = sorted({v for k, v in every if k in ("bid", "contract", "rfc")})
    amounts = sorted({v for k, v in every if k == "amount"})
    assert codes and amounts
    cents = round(float(amounts[0].split()[0]) * 100) + 100
    return {
        "codes": catalog.entities_valued(("bid", "contract", "rfc"), codes),
        "amounts": catalog.entities_valued(("amount",), amounts),
        "table": amount_index.amount_rows(catalog, 50, "amount"),
        "between": amount_index.amount_rows(catalog, 50, "pages", between=(0, 10 ** 6)),
        "export": catalog.all_entities("amount", 10_000),
        "near": suggest.nearest_amounts(archive, cents),
    }


def _indexes(catalog: Catalog) -> dict[str, bool]:
    return {name: has_index(catalog.db, name) for name in VALUE_INDEXES}


def _activity_says(settings, deferred_now: bool) -> None:
    """The activity page, its JSON twin and `expediente status` tell of a bulk load in progress."""
    import json
    import os
    import subprocess
    import sys

    from fastapi.testclient import TestClient

    from web import create_app

    with TestClient(create_app(settings, indexer=False)) as client:
        assert client.get("/api/jobs").json()["bulk_load"] is deferred_now
        page = client.get("/activity", params={"lang": "es"}).text
        assert ("Ingesta masiva en curso" in page) is deferred_now
        assert ("Bulk load in progress" in client.get("/activity", params={"lang": "en"}).text) is deferred_now
    status = subprocess.run([sys.executable, "-m", "expediente.cli", "status"], capture_output=True, text=True,
                            env=dict(os.environ, EXPEDIENTE_DATA_DIR=str(settings.data_dir)), check=True)
    assert json.loads(status.stdout)["bulk_load"] is deferred_now


def test_a_bulk_load_defers_the_value_indexes_and_builds_them_when_drained(tmp_path, caplog):
    plain = make_settings(tmp_path / "plain")  # the samples are far below the default 64 MB: indexes kept
    bulk = make_settings(tmp_path / "bulk", bulk_load_mb=0)
    with caplog.at_level(logging.INFO, logger="archive.bulk"):
        ingest_paths([SAMPLES], plain)
        assert not any("bulk load" in r.message for r in caplog.records)
        ingest_paths([SAMPLES], bulk)
    messages = [r.message for r in caplog.records]
    assert any(m.startswith("bulk load") for m in messages) and any(m.startswith("built the entity") for m in messages)
    a, b = open_archive(plain), open_archive(bulk)
    try:
        assert _indexes(b.catalog) == {name: True for name in VALUE_INDEXES} and not deferred(b.catalog)
        assert _lookups(b) == _lookups(a)
    finally:
        a.close()
        b.close()


def test_while_deferred_every_lookup_answers_the_same_and_opening_does_not_build_them(tmp_path):
    settings = make_settings(tmp_path / "data")
    ingest_paths([SAMPLES], settings)
    archive = open_archive(settings)
    try:
        before = _lookups(archive)
        lease = Lease(settings.catalog_path)
        BulkLoad(archive.catalog, lease, 0).defer("a test")
        assert _indexes(archive.catalog) == {name: False for name in VALUE_INDEXES}
        again = Catalog(settings.catalog_path)  # a server starting during the load
        assert _indexes(again) == {name: False for name in VALUE_INDEXES}
        again.close()
        assert _lookups(archive) == before  # read through the table: slower, the same answers
        _activity_says(settings, True)
        BulkLoad(archive.catalog, lease, 0).finish()
        assert _indexes(archive.catalog) == {name: True for name in VALUE_INDEXES} and not deferred(archive.catalog)
        assert _lookups(archive) == before
        _activity_says(settings, False)
        lease.close()
    finally:
        archive.close()


def test_a_small_load_into_a_larger_archive_keeps_the_indexes(tmp_path):
    settings = make_settings(tmp_path / "data", bulk_load_mb=0)
    ingest_paths([SAMPLES], settings)  # the first load doubles an empty archive: deferred, then built
    one = sorted(SAMPLES.glob("*.pdf"))[0]
    catalog = Catalog(settings.catalog_path)
    try:
        bulk = BulkLoad(catalog, Lease(settings.catalog_path), 0)
        catalog.db.execute("INSERT INTO jobs (kind, status, filename, source, sha256, size, batch, created_at) "
                           "VALUES ('ingest', 'queued', ?, ?, 'x', ?, 'b', '')",
                           (one.name, str(one), one.stat().st_size))
        bulk.consider()
        assert not deferred(catalog) and all(_indexes(catalog).values())
    finally:
        catalog.close()


def test_the_lease_is_held_through_a_lock_longer_than_the_busy_timeout(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_module, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(lease_module, "RENEW_S", 0.1)
    path = tmp_path / "catalog.sqlite"
    Catalog(path).close()
    lease = Lease(path)
    assert lease.try_acquire()
    lease.hold_for(30)
    other = sqlite3.connect(path, isolation_level=None)
    expires = other.execute("SELECT expires_at FROM leases").fetchone()[0]
    assert expires > time.time() + 25
    other.execute("BEGIN IMMEDIATE")  # a build's lock: renewals fail for a second
    time.sleep(1.0)
    other.execute("ROLLBACK")
    deadline = time.monotonic() + 5
    while other.execute("SELECT expires_at FROM leases").fetchone()[0] == expires and time.monotonic() < deadline:
        time.sleep(0.05)
    renewed = other.execute("SELECT expires_at FROM leases").fetchone()[0]
    assert not lease.lost.is_set() and renewed != expires and renewed < time.time() + lease_module.TTL_S + 1
    lease.close()
    other.close()


@pytest.mark.parametrize("path", ["/api/upload", "/upload"])
def test_a_write_on_a_catalog_locked_too_long_is_a_503_in_the_users_language(tmp_path, monkeypatch, path):
    from fastapi.testclient import TestClient

    from tests_support import csrf_token, settings_for
    from web import create_app

    monkeypatch.setattr(catalog_module, "BUSY_TIMEOUT_MS", 300)
    settings = settings_for(tmp_path)
    pdf = ("files", ("oficio.pdf", (SAMPLES / sorted(p.name for p in SAMPLES.glob("*.pdf"))[0]).read_bytes(),
                     "application/pdf"))
    with TestClient(create_app(settings, indexer=False), raise_server_exceptions=False) as client:
        data = {"csrf_token": csrf_token(client)} if path == "/upload" else None
        holder = sqlite3.connect(settings.catalog_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            busy = client.post(path, files=[pdf], data=data, follow_redirects=False)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert busy.status_code == 503 and busy.headers["retry-after"] == "60"
        if path.startswith("/api/"):
            assert busy.json()["code"] == "catalog_busy" and "ocupado" in busy.json()["message"]
        else:
            assert "ocupado" in busy.text and "Traceback" not in busy.text
        assert client.post(path, files=[pdf], data=data, follow_redirects=False).status_code in (202, 303)


def test_two_threads_deferring_and_opening_leave_one_consistent_schema(tmp_path):
    """A catalog opened while a load defers the indexes either finds them or leaves them out."""
    path = tmp_path / "catalog.sqlite"
    Catalog(path).close()
    lease = Lease(path)
    errors: list[BaseException] = []

    def opener() -> None:
        try:
            for _ in range(20):
                Catalog(path).close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    worker = threading.Thread(target=opener)
    worker.start()
    catalog = Catalog(path)
    for _ in range(10):
        BulkLoad(catalog, lease, 0).defer()
        BulkLoad(catalog, lease, 0).finish()
    worker.join()
    assert not errors and all(_indexes(catalog).values()) and not deferred(catalog)
    catalog.close()
    lease.close()
