"""Entity precision/recall on the samples, through the real pipeline: the floors we reach.

The figures come from benchmarks/entities_prf.py (same scoring); these are the floors.
"""

from __future__ import annotations

import sys

import pytest

from tests_support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from entities_prf import found_entities, gold_entities, scores  # noqa: E402

FLOORS = {  # (kind, pages): (precision, recall)
    ("amount", "text"): (0.95, 0.90), ("bid", "text"): (0.95, 0.90),
    ("contract", "text"): (0.95, 0.90), ("rfc", "text"): (0.95, 0.90),
    ("date", "text"): (0.95, 0.90), ("vendor", "text"): (0.85, 0.85),
    ("amount", "ocr"): (0.90, 0.80), ("rfc", "ocr"): (0.90, 0.80), ("date", "ocr"): (0.90, 0.80),
    ("person", "all"): (0.80, 0.40),
}


@pytest.fixture(scope="module")
def table(tantivy_samples, answer_key):
    return scores(gold_entities(answer_key), found_entities(tantivy_samples, answer_key))


@pytest.mark.parametrize("kind,pages", list(FLOORS))
def test_entity_floor(table, kind, pages):
    precision, recall = FLOORS[(kind, pages)]
    got = table[(kind, pages)]
    assert got["gold"] > 0
    assert got["precision"] >= precision, got
    assert got["recall"] >= recall, got


def test_entities_point_at_their_printed_text(tantivy_samples):
    for doc in tantivy_samples.catalog.documents():
        for e in tantivy_samples.catalog.entities(doc["id"]):
            text = tantivy_samples.page(doc["id"], e["page"])["text"]
            assert text[e["start"]:e["end"]] == e["printed"]
