"""Held-out procurement set B runs end to end on a reduced build (two procurements, born-digital
only) and computes its figures. It asserts the pipeline, not a target."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    sys.path.insert(0, str(BENCH))
    try:
        import procurement_heldout_b
    finally:
        sys.path.remove(str(BENCH))
    base = tmp_path_factory.mktemp("heldout_b")
    return procurement_heldout_b.measure(base / "set", base / "data", ["B1", "B4"], scans=False)


def test_the_reduced_set_is_generated_and_ingested(result: dict) -> None:
    assert result["set"]["procurements"] == 2
    assert result["set"]["ocr_files"] == 0
    assert "failed: 0" in " ".join(result["set"]["ingest"])


def test_each_procurement_is_looked_up_by_bid_and_contract(result: dict) -> None:
    assert set(result["raw_cases"]) == {"B1 LA-932008915-E7-2023", "B1 SSC/DA/ADQ/017/2023",
                                        "B4 LA-920011873-E21-2023", "B4 SEFIN/DA/CTO-044-2023"}
    assert any(case.get("documents") for case in result["raw_cases"].values())


def test_figures_are_computed_per_layer(result: dict) -> None:
    cases, vendors = result["cases"], result["vendors"]
    for figure in (cases["doc_recall"], cases["doc_precision"], vendors["precision"],
                   vendors["page_recall"], vendors["page_precision"], cases["flag_recall"],
                   *cases["figures_right"].values()):
        assert set(figure) == {"all", "text", "ocr"}
        assert figure["ocr"] == "n/a"
    assert "/" in cases["doc_recall"]["text"]
    assert set(vendors["per_company"]) >= {"Grupo Automotriz Berumen Ledezma, S.A. de C.V.",
                                           "Licenciamiento Digital Matus Altamirano, S.A. de C.V."}
