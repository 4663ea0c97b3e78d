"""CFDI e-invoice XMLs (real ones from the corpus) ingested as one searchable page each."""

from __future__ import annotations

import pytest

from tests_support import ingest_paths
from archive import open_archive
from tests_support import settings_for

FACTS = {  # from the corpus README: (emisor RFC, receptor RFC, total, UUID)
    "cfdi32_real_cever_toluca.xml": ("CTO021007DZ8", "XAXX010101000", "4685.00", "80824F3B-323E-407B-8F8E-40D83FE2E69F"),
    "cfdi33_real_promotora_otir.xml": ("POT9207213D6", "DIM8701081LA", "2010.01", "CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC"),
    "cfdi40_real_pase_servicios.xml": ("ISD950921HE5", "COSC8001137NA", "1000.00", "C2832671-DA6D-11EF-A83D-00155D012007"),
    "cfdi33_sample_accem.xml": ("AAA010101AAA", "COSC8001137NA", "2382870.00", "9FB6ED1A-5F37-4FEF-980A-7F8C83B51894"),
    "retenciones10_sample_eku.xml": ("EKU9003173C9", "AAA010101AAA", "8092.24", "F25F9852-6F4C-4782-9D47-3119EB3FAD3A"),
}


@pytest.fixture(scope="module")
def cfdi_archive(corpus, tmp_path_factory):
    settings = settings_for(tmp_path_factory.mktemp("cfdi"))
    archive = open_archive(settings)
    report = ingest_paths([corpus / name for name in FACTS] + [corpus / "cfdi33_sample_accem_layoutA.pdf"], settings, archive)
    assert not report.failed
    yield archive
    archive.close()


@pytest.mark.parametrize("name", list(FACTS))
def test_invoice_facts_are_typed_entities_on_its_page(cfdi_archive, name):
    emisor, receptor, total, uuid = FACTS[name]
    doc = next(d for d in cfdi_archive.catalog.documents() if d["filename"] == name)
    assert doc["media_type"] == "application/xml" and doc["page_count"] == 1
    values = {(e["kind"], e["value"]) for e in cfdi_archive.catalog.entities(doc["id"])}
    assert ("rfc", emisor) in values and ("rfc", receptor) in values
    assert ("amount", f"{total} MXN") in values
    printed_too = {("cfdi33_sample_accem_layoutA.pdf", 1)} if name == "cfdi33_sample_accem.xml" else set()
    assert {(h.filename, h.page) for h in cfdi_archive.search(uuid).hits} == {(name, 1)} | printed_too


def test_xml_and_its_printed_pdf_meet_on_the_amount(cfdi_archive):
    """The same invoice as XML and as PDF: one amount query finds both."""
    found = {h.filename for h in cfdi_archive.search("amount:2382870").hits}
    assert found == {"cfdi33_sample_accem.xml", "cfdi33_sample_accem_layoutA.pdf"}


def test_quantities_are_not_amounts(cfdi_archive):
    doc = next(d for d in cfdi_archive.catalog.documents() if d["filename"] == "cfdi33_real_promotora_otir.xml")
    amounts = {e["value"] for e in cfdi_archive.catalog.entities(doc["id"]) if e["kind"] == "amount"}
    assert "1.00 MXN" not in amounts and "2.00 MXN" not in amounts


def test_page_words_have_boxes_and_the_page_renders(cfdi_archive, corpus):
    from ingest import open_source

    doc = next(d for d in cfdi_archive.catalog.documents() if d["filename"] == "cfdi40_real_pase_servicios.xml")
    page = cfdi_archive.page(doc["id"], 1)
    assert page["words"] and all(0 <= w[2] < w[4] <= 1 for w in page["words"])
    image = open_source(corpus / "cfdi40_real_pase_servicios.xml").image(0, 100)
    assert image.size == (850, 1100)


def test_other_xml_and_broken_xml_fail_clearly(tmp_path):
    settings = settings_for(tmp_path)
    other = tmp_path / "feed.xml"
    other.write_text('<?xml version="1.0"?><rss><channel><title>Comprobante</title></channel></rss>')
    broken = tmp_path / "factura.xml"
    broken.write_text('<?xml version="1.0"?><cfdi:Comprobante xmlns:cfdi="x" Total="1"')
    archive = open_archive(settings)
    try:
        report = ingest_paths([other, broken], settings, archive)
    finally:
        archive.close()
    assert {f.filename: f.code for f in report.failed} == {"feed.xml": "unsupported_type", "factura.xml": "corrupt_file"}


CFDI40 = """<?xml version="1.0" encoding="UTF-8"?>
<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital"
  Version="4.0" Serie="F" Folio="318" Fecha="2023-03-14T10:22:05" SubTotal="150000.00" Moneda="MXN"
  Total="174000.00" TipoDeComprobante="I" Exportacion="01" LugarExpedicion="98600">
  <cfdi:Emisor Rfc="{emisor}" Nombre="{nombre_emisor}" RegimenFiscal="601"/>
  <cfdi:Receptor Rfc="{receptor}" Nombre="{nombre_receptor}" DomicilioFiscalReceptor="98000"
    RegimenFiscalReceptor="603" UsoCFDI="G03"/>
  <cfdi:Conceptos>
    <cfdi:Concepto ClaveProdServ="43211503" Cantidad="10" ClaveUnidad="H87" Descripcion="Computadora portátil"
      ValorUnitario="15000.00" Importe="150000.00" ObjetoImp="02"/>
  </cfdi:Conceptos>
  <cfdi:Impuestos TotalImpuestosTrasladados="24000.00"/>
  <cfdi:Complemento>
    <tfd:TimbreFiscalDigital Version="1.1" UUID="5B2C7E10-44AA-4F0B-9C1D-7E2F3A9B1C04"/>
  </cfdi:Complemento>
</cfdi:Comprobante>
"""


@pytest.mark.parametrize("nombre_emisor,nombre_receptor", [
    ("COMPUTO Y REDES DE GUADALUPE", "SECRETARIA DE EDUCACION DEL ESTADO DE ZACATECAS"),  # 4.0: no legal form
    ("COMPUTO Y REDES DE GUADALUPE SA DE CV", "INSTITUTO ZACATECANO DE CULTURA"),
    ("COMPUTO Y REDES DE GUADALUPE", "TELEBACHILLERATO COMUNITARIO DE ZACATECAS SA DE CV"),  # a company buys
])
def test_cfdi_vendor_is_the_issuer_never_the_receiver(tmp_path, nombre_emisor, nombre_receptor):
    from ingest.cfdi import CfdiSource
    from ingest.entities import extract_entities, link_vendor_rfcs

    path = tmp_path / "factura.xml"
    path.write_text(CFDI40.format(emisor="CRG150310MXA", nombre_emisor=nombre_emisor,
                                  receptor="SEZ981201KT8", nombre_receptor=nombre_receptor), encoding="utf-8")
    page = CfdiSource(path).text_layer(0)
    assert page is not None
    ents = extract_entities(page.text)
    pairs = link_vendor_rfcs(page.text, ents)
    assert ("computo y redes de guadalupe", "CRG150310MXA") in pairs
    assert all(rfc != "SEZ981201KT8" for value, rfc in pairs if value == "computo y redes de guadalupe")


def test_a_contract_code_in_a_long_concept_is_never_cut_at_its_hyphen(tmp_path):
    from ingest.cfdi import CfdiSource
    from ingest.entities import extract_entities

    long_concept = "Suministro de raciones de desayuno escolar modalidad, enero. Contrato SEMS-ADQ-0"
    text = CFDI40.format(emisor="CRG150310MXA", nombre_emisor="COMPUTO Y REDES DE GUADALUPE", receptor="SEZ981201KT8",
                         nombre_receptor="INSTITUTO ZACATECANO DE CULTURA")
    path = tmp_path / "factura.xml"
    path.write_text(text.replace('Descripcion="Computadora portátil"', f'Descripcion="{long_concept}44/2024"'),
                    encoding="utf-8")
    page = CfdiSource(path).text_layer(0)
    assert page is not None and "SEMS-ADQ-044/2024" in page.text
    assert "SEMSADQ0442024" in {e.value for e in extract_entities(page.text) if e.kind == "contract"}
