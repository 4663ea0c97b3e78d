"""Shared fixtures: real Tesseract, tantivy, SQLite, Elasticsearch; the samples ingested once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests_support import CORPUS, SAMPLES, drop_es_index, make_settings

ENGINES = ["tantivy", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(scope="session")
def answer_key() -> dict:
    return json.loads((SAMPLES / "answer_key.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if CORPUS is None:
        pytest.skip("the shared corpus (../shared/corpus) is not on this machine; set EXPEDIENTE_CORPUS")
    return CORPUS


@pytest.fixture(scope="session", params=ENGINES)
def sample_archive(request, tmp_path_factory):
    """The samples ingested once per engine, through the real pipeline."""
    from tests_support import ingest_paths
    from archive import open_archive

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
    from tests_support import ingest_paths
    from archive import open_archive

    settings = make_settings(tmp_path_factory.mktemp("samples-web"))
    archive = open_archive(settings)
    ingest_paths([SAMPLES], settings, archive)
    yield archive
    archive.close()


@pytest.fixture
def empty_archive(tmp_path):
    from archive import open_archive

    settings = make_settings(tmp_path / "data")
    archive = open_archive(settings)
    yield archive
    archive.close()


@pytest.fixture
def es_settings(tmp_path):
    """Settings on the real Elasticsearch node, with an index of its own, dropped afterwards."""
    settings = make_settings(tmp_path / "data", "elasticsearch")
    yield settings
    drop_es_index(settings)
