"""`expediente reindex` rebuilds the index from the catalog alone (records read back without
word boxes): the rebuilt index answers every query exactly as the index ingest built, into
either engine."""

from __future__ import annotations

from dataclasses import replace

import pytest

from archive import open_archive, reindex
from search import parse
from tests_support import ENGINE_PARAMS, SAMPLES, drop_es_index, ingest_paths, make_settings

QUERIES = ["EA-IT20-2020", "magavel", "contrato", "monto:>=1000000", "fecha:2020", "\"seguridad publica\"",
           "rfc:SIM1508193C1", "factura~"]


def answers(settings) -> dict[str, list[tuple[str, int]]]:
    archive = open_archive(settings)
    try:
        out = {}
        for q in QUERIES:
            found = archive.engine.search(parse(q), limit=200, offset=0)
            out[q] = sorted((h.document_id, h.page) for h in found.hits)
        return out
    finally:
        archive.close()


@pytest.fixture(scope="module")
def born_digital(tmp_path_factory):
    """The samples' text-layer PDFs, ingested into the embedded engine."""
    settings = make_settings(tmp_path_factory.mktemp("reindex") / "data")
    files = [p for p in sorted(SAMPLES.glob("*.pdf")) if "escane" not in p.name]
    ingest_paths(files, settings)
    return settings, len(files)


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_a_rebuilt_index_answers_as_ingest_did(born_digital, engine):
    settings, files = born_digital
    before = answers(settings)
    assert sum(map(len, before.values())) > 20  # the queries find pages: the comparison means something
    target = settings
    if engine == "elasticsearch":
        es = make_settings(settings.data_dir, "elasticsearch")
        target = replace(settings, engine="elasticsearch", es_url=es.es_url, es_index=es.es_index)
    try:
        copied = reindex(target, target=engine)
        assert copied["documents"] == files
        assert answers(target) == before
    finally:
        if engine == "elasticsearch":
            drop_es_index(target)


def test_records_built_in_worker_processes_give_the_same_index(born_digital, monkeypatch):
    """Two spawned workers build the records, a couple of documents at a time, out of step with
    the engine: the rebuilt index still answers every query as ingest's did, each document once."""
    import importlib

    reindex_module = importlib.import_module("archive.reindex")

    settings, files = born_digital
    before = answers(settings)
    monkeypatch.setattr(reindex_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(reindex_module, "CHUNK_DOCUMENTS", 2)
    monkeypatch.setattr(reindex_module, "BATCH_PAGES", 7)  # commits fall inside chunks
    copied = reindex(settings, target="tantivy", workers=2)
    assert copied["documents"] == files
    assert answers(settings) == before
    archive = open_archive(settings)
    try:
        keys = archive.engine.page_keys()
        assert len(keys) == len(set(keys)) == copied["pages"]
    finally:
        archive.close()


_SLOW_REINDEX = """
import importlib, sys, time
from pathlib import Path
r = importlib.import_module("archive.reindex")
from expediente.settings import Settings
from search.tantivy_engine import TantivyEngine
r.PARALLEL_MIN, r.CHUNK_DOCUMENTS = 0, 1
add = TantivyEngine.add
TantivyEngine.add = lambda self, records: (time.sleep(0.5), add(self, records))[1]  # a slow engine: workers wait
r.reindex(Settings(data_dir=Path(sys.argv[1])), "tantivy", workers=2)
"""


def test_killing_a_reindex_leaves_no_worker_behind(born_digital, tmp_path):
    """SIGKILL the reindex while its workers hold chunks it has not taken: they die with it, and
    the live index it was not yet switched to still answers as before."""
    import os
    import signal
    import subprocess
    import sys
    import time

    settings, _files = born_digital
    before = answers(settings)
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_REINDEX, str(settings.data_dir)])
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _spawned_children(proc.pid)
        assert len(workers) == 2, "the reindex never started its two workers"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)
    finally:
        proc.kill()
    assert answers(settings) == before


def _spawned_children(pid: int) -> list[int]:
    from pathlib import Path

    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
            cmdline = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid) and b"spawn_main" in cmdline:
            found.append(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    from pathlib import Path

    try:
        state = dict(line.split(":\t", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                     if ":\t" in line).get("State", "")
    except OSError:
        return False
    return not state.startswith("Z")
