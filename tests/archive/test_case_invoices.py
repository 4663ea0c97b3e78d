"""A CFDI issued by another company than the contract's vendor is flagged on its case, citing
the invoice and the contract, on both engines (a contract PDF and a CFDI XML made here)."""

from __future__ import annotations

import pytest

from tests_support import ENGINE_PARAMS, drop_es_index, ingest_paths, make_pdf, make_settings

VENDOR_RFC, ISSUER_RFC, BUYER_RFC = "MEA1005127H5", "DEZ1108221R5", "SET930101AB2"
CONTRACT = (
    "SECRETARÍA DE EDUCACIÓN PÚBLICA DEL ESTADO DE TLAXCALA\n"
    "CONTRATO DE ADQUISICIÓN No. SEPE/RM/204/2023\n"
    "CONTRATO DE ADQUISICIÓN DE MOBILIARIO ESCOLAR QUE CELEBRAN, POR UNA PARTE, LA SECRETARÍA\n"
    "Y, POR LA OTRA, MOBILIARIO ESCOLAR APIZACO, S.A. DE C.V., CON R.F.C. MEA1005127H5,\n"
    "REPRESENTADA POR SU ADMINISTRADORA ÚNICA, AL TENOR DE LAS SIGUIENTES CLÁUSULAS:\n"
    "SEGUNDA. MONTO. El monto total del contrato es de $860,000.00 con el IVA incluido.\n"
    "Tlaxcala de Xicohténcatl, Tlaxcala, a 14 de junio de 2023."
)


# An invoice print-out whose "Contrato" the scanner lost: the code stands after "Referencia" alone.
PRINTOUT = ("MOBILIARIO ESCOLAR APIZACO, S.A. DE C.V.\nR.F.C. MEA1005127H5\nFACTURA - CFDI versión 4.0 - Tipo: Ingreso\n"
            "Folio fiscal (UUID): 7D2E9A10-4B3C-4F5D-9E8A-1B2C3D4E5F60\nSerie y folio: M-322\n"
            "Receptor: Secretaría de Educación Pública del Estado de Tlaxcala\n"
            "Referencia: .. No. SEPE/RM/204/2023\nSubtotal: $200,000.00\nTOTAL: $232,000.00\n")


def _cfdi(issuer_rfc: str, issuer: str, uuid: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" '
        'Version="4.0" Serie="M" Folio="318" Fecha="2023-07-03T12:30:00" SubTotal="400000.00" Moneda="MXN" '
        'Total="464000.00" TipoDeComprobante="I">\n'
        f'<cfdi:Emisor Rfc="{issuer_rfc}" Nombre="{issuer}" RegimenFiscal="601"/>\n'
        f'<cfdi:Receptor Rfc="{BUYER_RFC}" Nombre="SECRETARIA DE EDUCACION PUBLICA DEL ESTADO DE TLAXCALA" UsoCFDI="G02"/>\n'
        '<cfdi:Conceptos><cfdi:Concepto ClaveProdServ="56121500" Cantidad="200" ClaveUnidad="H87" '
        'Descripcion="Pupitres unitarios, contrato SEPE/RM/204/2023" ValorUnitario="2000.00" Importe="400000.00"/>'
        '</cfdi:Conceptos>\n<cfdi:Impuestos TotalImpuestosTrasladados="64000.00"/>\n'
        f'<cfdi:Complemento><tfd:TimbreFiscalDigital Version="1.1" UUID="{uuid}" '
        'FechaTimbrado="2023-07-03T12:31:00"/></cfdi:Complemento>\n</cfdi:Comprobante>\n')


@pytest.fixture(scope="module", params=ENGINE_PARAMS)
def archive(request, tmp_path_factory):
    from archive import open_archive

    base = tmp_path_factory.mktemp(f"issuer-{request.param}")
    files = base / "files"
    files.mkdir()
    make_pdf(files / "contrato_pupitres.pdf", [CONTRACT])
    (files / "cfdi_M318.xml").write_text(_cfdi(ISSUER_RFC, "DISTRIBUIDORA ESCOLAR ZACATELCO", "3C9A61F0-52D7-4B8E-9E41-0B7D2C5A8F13"),
                                         encoding="utf-8")
    make_pdf(files / "factura_escaneada.pdf", [PRINTOUT])
    settings = make_settings(base / "data", request.param)
    ingest_paths([files], settings)
    opened = open_archive(settings)
    yield opened
    opened.close()
    drop_es_index(settings)


def test_an_invoice_from_another_rfc_is_flagged_with_invoice_and_contract(archive):
    case = archive.case("SEPE/RM/204/2023")
    kinds = {d["filename"]: d["kind"] for d in case["documents"]}
    assert kinds == {"contrato_pupitres.pdf": "contrato", "cfdi_M318.xml": "factura", "factura_escaneada.pdf": "factura"}
    assert [v["rfc"] for v in case["vendors"]] == [VENDOR_RFC]
    flags = {f["kind"]: f for f in case["flags"]}
    flag = flags["invoice_issuer_not_vendor"]
    assert flag["params"]["issuer_rfc"] == ISSUER_RFC and flag["params"]["vendor_rfcs"] == VENDOR_RFC
    assert {"filename": "cfdi_M318.xml", "page": 1} in flag["citations"]
    assert {"filename": "contrato_pupitres.pdf", "page": 1} in flag["citations"]


def test_an_invoice_naming_the_contract_without_its_cue_joins_the_case_but_links_nothing_more(archive):
    case = archive.case("SEPE/RM/204/2023")
    invoiced = {a["filename"]: a["value"] for a in case["amounts"]["invoiced"]}
    assert invoiced["factura_escaneada.pdf"] == "232000.00"
    assert case["contracts"] == ["SEPE/RM/204/2023"]
    issuers = [f["params"]["issuer_rfc"] for f in case["flags"] if f["kind"] == "invoice_issuer_not_vendor"]
    assert issuers == [ISSUER_RFC]  # the print-out is the vendor's own
