"""Every case flag has a message template in Spanish and English, written from its parameters."""

from __future__ import annotations

import pytest

from archive.cases import _flags
from tests_support import planted_flag_inputs
from web.i18n import MESSAGES, flag_message, with_flag_messages


@pytest.fixture
def flags() -> list[dict]:
    amounts, invoices, vendors = planted_flag_inputs()
    audit = [{"kind": "auditoria", "title": "Informe de la ASF", "filename": "asf.pdf", "pages": [4], "observes": True}]
    return _flags(amounts, invoices, vendors, audit)


def test_each_flag_kind_has_both_templates_and_every_parameter_is_used(flags):
    assert {f["kind"] for f in flags} == {"over_invoiced", "award_contract_mismatch", "amendment_over_20",
                                          "invoice_issuer_not_vendor", "duplicate_invoice", "audit_observation"}
    for f in flags:
        template = MESSAGES[f"flag_msg_{f['kind']}"]
        assert set(template) == {"es", "en"} and template["es"] != template["en"]
        for lang in ("es", "en"):
            message = flag_message(f["kind"], f["params"], lang)
            assert "{" not in message and all(f"{{{p}}}" in template[lang] for p in f["params"] if p != "filename")


def test_messages_carry_the_figures_in_each_language(flags):
    es = {f["kind"]: f for f in with_flag_messages(flags, "es")}
    en = {f["kind"]: f for f in with_flag_messages(flags, "en")}
    assert es["over_invoiced"]["message"] == ("las facturas suman 1,400,000.00 MXN, por encima de lo contratado "
                                              "(1,300,000.00 MXN)")
    assert en["over_invoiced"]["message"] == "invoices sum 1,400,000.00 MXN, above the contracted 1,300,000.00 MXN"
    assert en["amendment_over_20"]["params"] == {"percent": "30", "original": "1000000.00", "currency": "MXN"}
    assert "30 %" in es["amendment_over_20"]["message"] and "LAASSP" in es["amendment_over_20"]["message"]
    assert "BBB010101BBB" in es["invoice_issuer_not_vendor"]["message"]
    assert en["duplicate_invoice"]["message"] == "the same invoice (UUID U1) appears twice"
    assert es["audit_observation"]["citations"] == [{"filename": "asf.pdf", "page": 4}]
