"""Shared fixtures: real Tesseract, tantivy, SQLite, Elasticsearch; the samples ingested once."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from expediente.settings import Settings
from tests_support import CORPUS, SAMPLES

ENGINES = ["tantivy", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(scope="session")
def answer_key() -> dict:
    return json.loads((SAMPLES / "answer_key.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if CORPUS is None:
        pytest.skip("the shared corpus (../shared/corpus) is not on this machine; set EXPEDIENTE_CORPUS")
    return CORPUS


def es_url() -> str:
    """The test node's URL; the Elasticsearch tests fail (not skip) when CI requires it."""
    url = os.environ.get("EXPEDIENTE_TEST_ES_URL", "http://127.0.0.1:9200")
    from elasticsearch import Elasticsearch

    try:
        Elasticsearch(url, request_timeout=5).cluster.health(wait_for_status="yellow", timeout="10s")
    except Exception as exc:  # any connection problem means: no node
        if os.environ.get("EXPEDIENTE_REQUIRE_ES") == "1":
            pytest.fail(f"the Elasticsearch node at {url} is not answering ({exc}); start it with scripts/es-node.sh start")
        pytest.skip(f"no Elasticsearch node at {url} (scripts/es-node.sh start)")
    return url


def make_settings(data_dir: Path, engine: str = "tantivy", **kw) -> Settings:
    extra = {}
    if engine == "elasticsearch":
        extra = {"es_url": es_url(), "es_index": f"expediente-test-{uuid.uuid4().hex[:8]}"}
    return Settings(data_dir=data_dir, engine=engine, workers=2, **extra, **kw)


def drop_es_index(settings: Settings) -> None:
    if settings.engine == "elasticsearch":
        from search import open_engine

        engine = open_engine(settings)
        engine.drop()  # type: ignore[attr-defined]


@pytest.fixture(scope="session", params=ENGINES)
def sample_archive(request, tmp_path_factory):
    """The samples ingested once per engine, through the real pipeline."""
    from ingest import ingest_paths
    from search import open_archive

    settings = make_settings(tmp_path_factory.mktemp(f"samples-{request.param}"), request.param)
    archive = open_archive(settings)
    report = ingest_paths([SAMPLES], settings, archive)
    archive.report = report  # type: ignore[attr-defined]
    yield archive
    archive.close()
    drop_es_index(settings)


@pytest.fixture(scope="session")
def tantivy_samples(tmp_path_factory):
    """The samples in the embedded engine only (web, CLI and OCR tests)."""
    from ingest import ingest_paths
    from search import open_archive

    settings = make_settings(tmp_path_factory.mktemp("samples-web"))
    archive = open_archive(settings)
    ingest_paths([SAMPLES], settings, archive)
    yield archive
    archive.close()


@pytest.fixture
def empty_archive(tmp_path):
    from search import open_archive

    settings = make_settings(tmp_path / "data")
    archive = open_archive(settings)
    yield archive
    archive.close()
