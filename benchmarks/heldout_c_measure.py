"""Set C's figures: set B's scoring (same truth format, same flags) with set C's own folding for
company names, and the direct-award ruling (kind "dictamen") counted where a fallo is."""

from __future__ import annotations

from functools import partial
from typing import Any

import heldout_b_measure
from heldout_b_measure import FLAG_SOURCE, _named, figures_right  # noqa: F401  (re-exported)
from heldout_c_words import fold
from heldout_measure import LAYERS, Ratio, _layer  # noqa: F401  (the same counting as sets A and B)

company_of = partial(heldout_b_measure.company_of, fold=fold)
truth_pages = partial(heldout_b_measure.truth_pages, fold=fold)
vendor_figures = partial(heldout_b_measure.vendor_figures, fold=fold)


def case_figures(truth: dict[str, Any], cases: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    """Set B's case figures; a direct-award ruling stands where a fallo does."""
    files = {name: {**info, "kind": "fallo" if info["kind"] == "dictamen" else info["kind"]}
             for name, info in truth["files"].items()}
    return heldout_b_measure.case_figures({**truth, "files": files}, cases)
