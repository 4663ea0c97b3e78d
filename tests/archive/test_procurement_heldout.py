"""The held-out procurement benchmarks (sets A, B and C, written blind by different hands) run
end to end on a reduced build (two procurements, born-digital only) and compute their figures.
They assert the pipeline, not a target."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
SETS = {  # module, the two procurements built, the lookups (procurement and code) they make
    "A": ("procurement_heldout", ["P1", "P4"], {"P1 LA-929012345-E12-2023", "P1 CONT/SSP/045/2023",
                                               "P4 LA-917023456-E45-2021", "P4 SS/DGA/CP/201/2021"}),
    "B": ("procurement_heldout_b", ["B1", "B4"], {"B1 LA-932008915-E7-2023", "B1 SSC/DA/ADQ/017/2023",
                                                 "B4 LA-920011873-E21-2023", "B4 SEFIN/DA/CTO-044-2023"}),
    "C": ("procurement_heldout_c", ["C3", "C5"], {"C3 LA-04C820001-E31-2024", "C3 SPSC/FASP/ADQ-012/2024",
                                                 "C5 FGE/DA/AD-007/2024", "C5 FGE/ADQ/2024/031"}),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def result(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    module, pids, _ = SETS[request.param]
    sys.path.insert(0, str(BENCH))
    try:
        bench = importlib.import_module(module)
    finally:
        sys.path.remove(str(BENCH))
    base = tmp_path_factory.mktemp(f"heldout-{request.param}")
    return request.param, bench.measure(base / "set", base / "data", pids, scans=False)


def test_the_reduced_set_is_generated_and_ingested(result: tuple[str, dict]) -> None:
    _, figures = result
    assert figures["set"]["procurements"] == 2
    assert figures["set"]["ocr_files"] == 0
    assert "failed: 0" in " ".join(figures["set"]["ingest"])


def test_each_procurement_is_looked_up_by_bid_and_contract(result: tuple[str, dict]) -> None:
    name, figures = result
    assert set(figures["raw_cases"]) == SETS[name][2]
    assert any(case.get("documents") for case in figures["raw_cases"].values())


def test_figures_are_computed_per_layer(result: tuple[str, dict]) -> None:
    _, figures = result
    cases, vendors = figures["cases"], figures["vendors"]
    for figure in (cases["doc_recall"], cases["doc_precision"], vendors["precision"], vendors["page_recall"],
                   vendors["page_precision"], cases["flag_recall"], *cases["figures_right"].values()):
        assert set(figure) == {"all", "text", "ocr"}
        assert figure["ocr"] == "n/a"
    assert "/" in cases["doc_recall"]["text"]
    assert vendors["per_company"]
