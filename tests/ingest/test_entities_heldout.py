"""Entity recall on real corpus documents the rules were not written against (real scans
from Argentina and Paraguay, CFDI renderings): the floor we measured."""

from __future__ import annotations

import sys

import pytest

from tests_support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from entities_heldout import FACTS, found_values, ingest_corpus, recall_by_kind  # noqa: E402

pytestmark = pytest.mark.ocr


def test_heldout_recall(corpus, tmp_path):
    archive = ingest_corpus(corpus, tmp_path / "data")
    try:
        table = recall_by_kind(found_values(archive))
    finally:
        archive.close()
    assert set(table) == {f[2] for f in FACTS}
    for kind, (hit, total) in table.items():
        assert hit / total >= 0.9, (kind, hit, total)
