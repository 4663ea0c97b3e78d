"""Amount roles, document kinds, own dates, currencies and flags on small texts (no archive)."""

from __future__ import annotations

from archive.case_roles import case_kind, invoice_ids, page_roles
from archive.cases import _flags
from ingest.entities import extract_entities
from ingest.entities.docfacts import apply_currency, context_currency, document_date
from tests_support import flag_amount, planted_flag_inputs


def roles(kind: str, text: str, codes: set[str] = frozenset()) -> list[tuple[str, str, str]]:
    ents = [{"kind": e.kind, "value": e.value, "printed": e.printed, "start": e.start, "end": e.end}
            for e in extract_entities(text)]
    return [(r["role"], r["label"], r["entity"]["value"]) for r in page_roles(kind, text, ents, set(codes))]


def test_kinds_from_title_then_first_page():
    assert case_kind("Convenio modificatorio al contrato DCA/1/2020", "") == "convenio"
    assert case_kind("Acta de la junta de aclaraciones", "") == "junta"
    assert case_kind("Acta de entrega-recepción del contrato X", "") == "acta"
    assert case_kind("documento", "ACTA DE FALLO\nLicitación") == "fallo"


def test_award_amounts_follow_the_award_not_the_table_of_bids():
    text = ("Licitante Importe\nAlfa Beta, S.A. de C.V. $1,200.00\nGama Delta, S.A. de C.V. $1,160.00\n"
            "FALLO: se adjudica a Gama Delta, S.A. de C.V. por un importe total de $1,160.00 con IVA.\n"
            "Importe antes del Impuesto al Valor Agregado $1,000.00\nImpuesto al Valor Agregado (16%) $160.00\n"
            "Garantía del 10% por $116.00")
    assert roles("fallo", text) == [("awarded", "with_iva", "1160.00 MXN"), ("awarded", "without_iva", "1000.00 MXN")]


def test_contract_minimum_maximum_and_amendment():
    text = ("se obliga a ejercer un monto mínimo de $100,000.00 y un monto máximo de $250,000.00. "
            "fianza por el 10% del monto máximo, es decir, $25,000.00")
    assert roles("contrato", text) == [("contracted", "minimum", "100000.00 MXN"), ("contracted", "maximum", "250000.00 MXN")]
    amend = "Las partes acuerdan una ampliación de $60,000.00 al monto del contrato, para un monto total de $310,000.00"
    assert roles("convenio", amend) == [("contracted", "increase", "60000.00 MXN"), ("contracted", "amended", "310000.00 MXN")]


def test_an_invoice_total_and_identity():
    text = "Serie: A Folio: 2291\nFolio fiscal (UUID): a2b84d46-78a5-45b2-af4c-b60c2b791210\nSubtotal: $1,000.00\nTotal: $1,160.00"
    assert roles("factura", text) == [("invoiced", "total", "1160.00 MXN")]
    assert invoice_ids(text) == {"uuid": "A2B84D46-78A5-45B2-AF4C-B60C2B791210", "folio": "A-2291"}


def test_auditor_amounts_belong_to_the_code_printed_before_them():
    text = ("Resultado 5. El contrato CESP/CAF/118/2020 por $1,000.00 se pagó.\n"
            "Resultado 6. El contrato SSP/DGA/045/2021 por $2,000.00; pago en exceso de $300.00.")
    assert roles("auditoria", text, {"CESPCAF1182020"}) == [("observed", "", "1000.00 MXN")]


def test_the_document_date_is_its_own_not_one_it_cites():
    text = ("CONTRATO\nescritura pública número 14,872 de fecha 12 de marzo de 2014\n"
            "Ciudad Juárez, Chihuahua, a 14 de agosto de 2020")
    assert document_date([(text, extract_entities(text))]) == "2020-08-14"


def test_a_bare_dollar_takes_the_documents_currency():
    py = "REPÚBLICA DEL PARAGUAY\nMinisterio de Hacienda\nalquiler mensual de Gs. 26.620.000, total $ 319.440.000"
    ar = ("Municipalidad de Carmen de Areco\nProvincia de Buenos Aires\nPRESUPUESTO OFICIAL TOTAL: $ 314.597.938,92\n"
          "SON PESOS DIECISIETE MIL")
    mx = "Municipio de Juárez, Chihuahua\nmonto de $6,667,722.00 y USD 1,000.00"
    assert [context_currency([(t, [])]) for t in (py, ar, mx)] == ["PYG", "ARS", "MXN"]
    for text, want in ((py, {"PYG"}), (ar, {"ARS"}), (mx, {"MXN", "USD"})):
        ents = apply_currency([(text, extract_entities(text))])[0]
        assert {e.value.split()[1] for e in ents if e.kind == "amount"} == want, text


def test_flags_over_invoice_amendment_mismatch_duplicates_and_foreign_issuer():
    amounts, invoices, vendors = planted_flag_inputs()
    flags = {f["kind"]: f for f in _flags(amounts, invoices, vendors, [])}
    assert set(flags) == {"over_invoiced", "award_contract_mismatch", "amendment_over_20", "invoice_issuer_not_vendor",
                          "duplicate_invoice"}
    assert {"filename": "convenio.pdf", "page": 1} in flags["amendment_over_20"]["citations"]
    assert {"filename": "f2.pdf", "page": 1} in flags["invoice_issuer_not_vendor"]["citations"]


def test_no_flag_when_award_and_contract_differ_by_iva_only():
    amounts = {"awarded": [flag_amount("awarded", "without_iva", "1000.00", "fallo.pdf")],
               "contracted": [flag_amount("contracted", "total", "1160.00", "contrato.pdf")], "invoiced": [], "observed": []}
    assert _flags(amounts, [], [], []) == []
