"""The held-out procurement benchmark runs end to end on a reduced set (two procurements,
born-digital only) and computes its figures. It asserts the pipeline, not a target."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    sys.path.insert(0, str(BENCH))
    try:
        import procurement_heldout
    finally:
        sys.path.remove(str(BENCH))
    base = tmp_path_factory.mktemp("heldout")
    return procurement_heldout.measure(base / "set", base / "data", ["P1", "P4"], scans=False)


def test_the_reduced_set_is_generated_and_ingested(result: dict) -> None:
    assert result["set"]["procurements"] == 2
    assert result["set"]["ocr_files"] == 0
    assert "failed: 0" in " ".join(result["set"]["ingest"])


def test_cases_are_found_with_documents(result: dict) -> None:
    raw = result["raw_cases"]
    assert set(raw) == {"P1 LA-929012345-E12-2023", "P1 CONT/SSP/045/2023",
                        "P4 LA-917023456-E45-2021", "P4 SS/DGA/CP/201/2021"}
    assert any(case.get("documents") for case in raw.values())


def test_figures_are_computed_per_layer(result: dict) -> None:
    cases, vendors = result["cases"], result["vendors"]
    for figure in (cases["doc_recall"], cases["doc_precision"], vendors["precision"],
                   vendors["page_recall"], *cases["figures_right"].values()):
        assert set(figure) == {"all", "text", "ocr"}
        assert figure["ocr"] == "n/a"
    assert "/" in cases["doc_recall"]["text"]
    assert vendors["per_company"]
