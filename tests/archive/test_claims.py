"""Claim check on every engine: a sentence's amounts, names, codes and dates, each looked
up, and the pages that print them together."""

from __future__ import annotations

import pytest

from archive.claims import check_claim, claim_elements
from expediente.errors import UsageError
from tests_support import facts_for


def test_elements_of_a_sentence():
    kinds = {(e["kind"], e["printed"]) for e in claim_elements("La Comisión pagó 1,023,123 pesos a Magavel el 15 de marzo de 2021")}
    assert {("amount", "1,023,123 pesos"), ("name", "Magavel"), ("date", "15 de marzo de 2021")} <= kinds


def test_a_true_claim_is_printed_together(sample_archive, answer_key):
    result = check_claim(sample_archive, "La Comisión pagó 1,023,123 pesos a Magavel")
    assert all(e["pages"] for e in result["elements"]) and not result["dropped"]
    together = {(f["filename"], f["page"]) for f in result["together"]}
    assert together and together <= facts_for(answer_key, "Magavel")


def test_a_wrong_amount_gets_the_nearest_evidence(sample_archive):
    result = check_claim(sample_archive, "Magavel cobró 1,023,124 pesos")
    amount = next(e for e in result["elements"] if e["kind"] == "amount")
    assert amount["pages"] == 0
    near = next(n for n in result["nearest"] if n["with"] == "Magavel")
    assert any(v["value"].startswith("1023123") for v in near["values"])


def test_an_empty_claim_is_a_usage_error(sample_archive):
    with pytest.raises(UsageError):
        check_claim(sample_archive, "  ")
