"""How the case view reads a page: IVA said after a figure, what a convenio does to the contract,
a direct award's total, whose row an auditor's amount sits on, an invoice's issuer, and a
document's kind when its text is noisy or merely mentions another kind (no archive)."""

from __future__ import annotations

from archive.case_audit import issuer_rfc
from archive.case_roles import case_kind, page_roles
from archive.cases import _flags
from ingest.entities import extract_entities


def _ents(text: str) -> list[dict]:
    return [{"kind": e.kind, "value": e.value, "printed": e.printed, "start": e.start, "end": e.end}
            for e in extract_entities(text)]


def roles(kind: str, text: str, codes: frozenset[str] | set[str] = frozenset()) -> list[tuple[str, str, str]]:
    return [(r["role"], r["label"], r["entity"]["value"]) for r in page_roles(kind, text, _ents(text), set(codes))]


def test_an_award_before_iva_is_labelled_without_iva_whatever_follows_the_figure():
    head = "Por lo anterior, se adjudica la partida única a Refacciones del Pacífico, S.A. de C.V., por un monto de "
    for tail in ("más el Impuesto al Valor Agregado.", "más IVA.", "M.N., I.V.A. no incluido.", "antes de IVA.",
                 "sin incluir el I.V.A. correspondiente."):
        text = head + "$2,340,000.00 (DOS MILLONES TRESCIENTOS CUARENTA MIL PESOS 00/100 M.N.) " + tail
        assert roles("fallo", text) == [("awarded", "without_iva", "2340000.00 MXN")], tail
    with_tax = head + "$2,714,400.00 con el IVA incluido; el importe antes de IVA es de $2,340,000.00."
    assert roles("fallo", with_tax) == [("awarded", "with_iva", "2714400.00 MXN"), ("awarded", "without_iva", "2340000.00 MXN")]


def test_more_iva_after_one_amount_does_not_strip_the_next():
    text = "se adjudica a Tornillería Bravo, S.A. de C.V. por $500,000.00 más IVA, esto es, un total de $580,000.00"
    assert roles("fallo", text) == [("awarded", "without_iva", "500000.00 MXN"), ("awarded", "with_iva", "580000.00 MXN")]


def test_a_heading_naming_the_adjudication_does_not_make_the_bids_awarded():
    text = ("ACTA DE FALLO DE ADJUDICACIÓN\nLicitación Pública Nacional No. LA-916002997-E12-2023\n"
            "Licitante Propuesta económica\nSuministros Quirúrgicos Azteca, S.A. de C.V. $1,402,000.00\n"
            "Médica Integral del Sureste, S.A. de C.V. $1,288,400.00\n"
            "Con base en el dictamen técnico y económico, se adjudica el contrato a Médica Integral del Sureste, "
            "S.A. de C.V., por un monto total de $1,288,400.00, IVA incluido.")
    assert roles("fallo", text) == [("awarded", "with_iva", "1288400.00 MXN")]


CONVENIO = (
    "CONVENIO MODIFICATORIO NÚMERO UNO AL CONTRATO DE ADQUISICIÓN No. SOP/ADQ/033/2023\n"
    "ANTECEDENTES\n"
    "I. El 9 de febrero de 2023 las partes celebraron el contrato señalado por un monto total de $3,900,000.00\n"
    "(TRES MILLONES NOVECIENTOS MIL PESOS 00/100 M.N.), con el Impuesto al Valor Agregado incluido.\n"
    "CLÁUSULAS\n"
    "PRIMERA. Se amplía el monto del contrato por la cantidad de $1,053,000.00 (UN MILLÓN CINCUENTA Y TRES MIL\n"
    "PESOS 00/100 M.N.), equivalente al 27% del monto original, por lo que el monto total del contrato\n"
    "asciende a $4,953,000.00 (CUATRO MILLONES NOVECIENTOS CINCUENTA Y TRES MIL PESOS 00/100 M.N.).\n"
    "SEGUNDA. El proveedor entregará una ampliación de la garantía de cumplimiento por el 10%, es decir, $105,300.00."
)


def test_a_convenio_names_the_original_the_increase_and_the_new_total():
    assert roles("convenio", CONVENIO) == [("contracted", "total", "3900000.00 MXN"),
                                           ("contracted", "increase", "1053000.00 MXN"),
                                           ("contracted", "amended", "4953000.00 MXN")]


def test_an_increase_in_words_is_the_increase_not_the_new_total():
    text = ("ÚNICA. Las partes convienen un incremento al monto del contrato de $812,500.00 (OCHOCIENTOS DOCE MIL "
            "QUINIENTOS PESOS 00/100 M.N.), monto adicional que sumado al original da un nuevo monto de "
            "$3,812,500.00 (TRES MILLONES OCHOCIENTOS DOCE MIL QUINIENTOS PESOS 00/100 M.N.)")
    assert roles("convenio", text) == [("contracted", "increase", "812500.00 MXN"),
                                       ("contracted", "amended", "3812500.00 MXN")]


def test_a_new_maximum_of_an_open_contract_is_its_amended_total():
    text = ("PRIMERA. Se modifica el monto máximo del contrato abierto de $2,000,000.00 (DOS MILLONES DE PESOS 00/100 "
            "M.N.) a $2,350,000.00 (DOS MILLONES TRESCIENTOS CINCUENTA MIL PESOS 00/100 M.N.), sin modificar el mínimo.")
    assert roles("convenio", text) == [("contracted", "maximum", "2000000.00 MXN"), ("contracted", "amended", "2350000.00 MXN")]
    text = "ÚNICA. Se amplía el monto del contrato de $1,500,000.00 a la cantidad de $1,725,000.00 con IVA."
    assert roles("convenio", text) == [("contracted", "total", "1500000.00 MXN"), ("contracted", "amended", "1725000.00 MXN")]
    text = "SEGUNDA. El nuevo monto máximo del contrato será de $2,350,000.00, incluido el IVA."
    assert roles("convenio", text) == [("contracted", "amended", "2350000.00 MXN")]


def _a(role: str, label: str, value: str, filename: str, page: int = 1) -> dict:
    return {"role": role, "label": label, "value": value, "currency": "MXN", "filename": filename, "page": page}


def _amounts(contracted: list[dict]) -> dict[str, list]:
    return {"awarded": [], "contracted": contracted, "invoiced": [], "observed": []}


def test_art_52_compares_the_increase_with_the_original():
    original = _a("contracted", "total", "3900000.00", "contrato.pdf", 2)
    over = _amounts([original, _a("contracted", "total", "3900000.00", "convenio.pdf"),
                     _a("contracted", "increase", "1053000.00", "convenio.pdf"),
                     _a("contracted", "amended", "4953000.00", "convenio.pdf")])
    [flag] = [f for f in _flags(over, [], [], []) if f["kind"] == "amendment_over_20"]
    assert flag["params"]["percent"] == "27" and {"filename": "convenio.pdf", "page": 1} in flag["citations"]
    within = _amounts([original, _a("contracted", "increase", "585000.00", "convenio.pdf"),
                       _a("contracted", "amended", "4485000.00", "convenio.pdf")])  # 15 %
    assert not [f for f in _flags(within, [], [], []) if f["kind"] == "amendment_over_20"]
    only_total = _amounts([original, _a("contracted", "amended", "4875000.00", "convenio.pdf")])  # 25 %
    assert [f["kind"] for f in _flags(only_total, [], [], [])] == ["amendment_over_20"]


DICTAMEN = (
    "SECRETARÍA DE SALUD DEL ESTADO\nDirección de Recursos Materiales\n"
    "DICTAMEN DE EXCEPCIÓN A LA LICITACIÓN PÚBLICA\n"
    "Con fundamento en el artículo 41, fracción V, de la Ley de Adquisiciones, Arrendamientos y Servicios del\n"
    "Sector Público, se justifica el procedimiento de adjudicación directa para la compra de ventiladores.\n"
    "Investigación de mercado\nEmpresa Importe cotizado\n"
    "Biomédica del Golfo, S.A. de C.V. $ 2,784,000.00\nEquipos Clínicos Altamira, S.A. de C.V. $ 3,016,000.00\n"
    "Concepto Importe\nSubtotal $ 2,400,000.00\nIVA 16% $ 384,000.00\nTotal adjudicado $ 2,784,000.00\n"
    "Se adjudica a Biomédica del Golfo, S.A. de C.V., conforme al contrato SSA/DRM/AD/017/2023."
)


def test_a_direct_award_justification_is_its_own_kind_with_its_awarded_total():
    assert case_kind("", DICTAMEN) == "dictamen"
    assert roles("dictamen", DICTAMEN) == [("awarded", "with_iva", "2784000.00 MXN")]
    text = ("se adjudica directamente a Biomédica del Golfo, S.A. de C.V., por un monto total de $2,784,000.00 "
            "con IVA incluido, y una garantía del 10% por $278,400.00")
    assert roles("dictamen", text) == [("awarded", "with_iva", "2784000.00 MXN")]


def test_a_contract_awarded_directly_stays_a_contract():
    text = ("GOBIERNO MUNICIPAL DE CELAYA\nCONTRATO DE PRESTACIÓN DE SERVICIOS No. MC/SA/112/2023\n"
            "QUE CELEBRAN EL MUNICIPIO Y LIMPIEZA INTEGRAL DEL BAJÍO, S.A. DE C.V., adjudicado mediante el\n"
            "procedimiento de adjudicación directa, con excepción a la licitación conforme al artículo 41.\nCLÁUSULAS")
    assert case_kind("", text) == "contrato"


AUDIT_SCAN = (
    "ORGANO INTERNO DE CONTROL EN LA SECRETARIA DE MOVILIDAD\n"
    "Area de Auditoria Interna\n"
    "CEDULA DE OBSERVACIONES  Hoja 1 de 2\n"
    "Observacion No. 3. Pagos sin documentacion soporte.\n"
    "Del analisis a la factura F-1187 y a la factura F-1190 pagadas con cargo al contrato SEMOV/ADQ/09/2022,\n"
    "no se localizo la evidencia de entrega de los bienes; se formula pliego de observaciones por $412,300.00."
)


def test_an_audit_scan_that_mentions_invoices_is_an_audit():
    assert case_kind("", AUDIT_SCAN) == "auditoria"
    noisy = AUDIT_SCAN.replace("ORGANO", "0RGANO").replace("Auditoria", "Audit0ria").replace("CEDULA", "CEDU LA")
    assert case_kind("", noisy) == "auditoria"  # "observación" and "pliego" still weigh more than "factura"
    flags = _flags(_amounts([]), [], [], [{"kind": case_kind("", noisy), "title": "", "filename": "oic.pdf", "pages": [1],
                                                "observes": True}])
    assert [f["kind"] for f in flags] == ["audit_observation"]


def test_a_heading_outweighs_the_calendar_below_it():
    text = ("MUNICIPIO DE ZAPOPAN, JALISCO\nDirección de Adquisiciones\n"
            "CONVOCATORIA A LA LICITACIÓN PÚBLICA LOCAL No. LPL-ZAP-031/2023\n"
            "Calendario: junta de aclaraciones 12/05/2023; apertura de proposiciones 19/05/2023; fallo 26/05/2023.")
    assert case_kind("untitled", text) == "convocatoria"
    junta = ("ACTA DE LA JUNTA DE ACLARACIONES\nde la convocatoria a la licitación pública local No. LPL-ZAP-031/2023,\n"
             "celebrada conforme al calendario; el fallo se dará a conocer el 26 de mayo de 2023.")
    assert case_kind("", junta) == "junta"


def test_an_invoice_needs_invoice_evidence():
    invoice = ("TALLERES UNIDOS DE TOLUCA, S.A. DE C.V.  FACTURA\nRFC: TUT120304KJ0  Serie: B  Folio: 77\n"
               "Folio fiscal: 5F0C2A71-93B4-4E0D-A1C2-77D8E9F01234\nReceptor: MUNICIPIO DE TOLUCA\n"
               "Concepto: mantenimiento conforme al contrato MT/DA/55/2023")
    assert case_kind("", invoice) == "factura"
    letter = "Oficio No. TES/0456/2023\nAsunto: se remite la factura de Talleres Unidos para su pago."
    assert case_kind("", letter) == "oficio"
    assert case_kind("Oficio que acusa recibo de la factura 77", "") == "oficio"


AUDIT_TABLE = (
    "AUDITORÍA SUPERIOR DEL ESTADO\nCédula de resultados: contratos revisados\n"
    "No. Contrato Proveedor Monto pagado Monto observado\n"
    "1 IMSS/AD/101/2022 Papelera Lerma, S.A. de C.V. $ 1,250,000.00 $ 87,500.00\n"
    "2 IMSS/AD/102/2022 Uniformes del Centro, S.A. de C.V. $ 2,900,000.00 $ 310,000.00\n"
    "3 IMSS/AD/103/2022 Mensajería Ágil, S.A. de C.V. $ 640,000.00 $ 12,800.00\n"
    "Total observado $ 410,300.00"
)


def test_an_audit_table_gives_each_contract_only_its_own_row():
    for code, want in (("IMSSAD1012022", {"1250000.00 MXN", "87500.00 MXN"}),
                       ("IMSSAD1022022", {"2900000.00 MXN", "310000.00 MXN"}),
                       ("IMSSAD1032022", {"640000.00 MXN", "12800.00 MXN"})):
        assert {v for _r, _l, v in roles("auditoria", AUDIT_TABLE, {code})} == want, code


def test_a_finding_paragraph_keeps_its_amounts_and_not_the_next_findings():
    text = ("Resultado 4. Con el contrato OP/LP/015/2022 se pagaron $980,000.00 por obra no ejecutada,\n"
            "de los cuales se aclararon $120,000.00 durante la auditoría.\n"
            "Resultado 5. Se revisaron estimaciones de otro procedimiento, con pagos en exceso por $45,000.00.")
    assert {v for _r, _l, v in roles("auditoria", text, {"OPLP0152022"})} == {"980000.00 MXN", "120000.00 MXN"}


def test_a_row_whose_code_is_not_read_is_still_another_row():
    text = ("Contratos con observaciones\n"
            "Contrato SOP/LP/021/2022 Constructora Mixteca, S.A. de C.V. $ 3,400,000.00\n"
            "pagos sin estimación autorizada $ 215,000.00\n"
            "Contrato 45-2022 Pavimentos del Istmo, S.A. de C.V. $ 1,100,000.00\n"
            "pagos duplicados $ 44,000.00\n")
    assert {v for _r, _l, v in roles("auditoria", text, {"SOPLP0212022"})} == {"3400000.00 MXN", "215000.00 MXN"}


def test_an_invoice_issuer_is_the_rfc_labelled_emisor():
    text = ("Receptor: AYUNTAMIENTO DE LEÓN  RFC: MLG850101ABA\n"
            "Emisor: Fumigaciones Rivera, S.A. de C.V.  RFC: FRI1703086K9\n")
    rfcs = [e for e in _ents(text) if e["kind"] == "rfc"]
    assert issuer_rfc(text, rfcs) == "FRI1703086K9"
    unlabelled = "PROVEEDORA TEPEYAC SA DE CV\nR.F.C. PTE0702111A1\nCliente: MUNICIPIO  R.F.C. MLG850101ABA"
    assert issuer_rfc(unlabelled, [e for e in _ents(unlabelled) if e["kind"] == "rfc"]) == "PTE0702111A1"


def test_an_invoice_from_another_rfc_cites_the_invoice_and_the_contract():
    invoices = [{"uuid": "U9", "folio": "C-9", "issuer_rfc": "OTR010101AB1", "filename": "cfdi.xml", "page": 1,
                 "media_type": "application/xml"}]
    vendors = [{"name": "Vendedora", "rfc": "VEN020202CD2", "rfcs": ["VEN020202CD2"],
                "citations": [{"filename": "contrato.pdf", "page": 1}]}]
    [flag] = _flags(_amounts([]), invoices, vendors, [])
    assert flag["kind"] == "invoice_issuer_not_vendor" and flag["params"]["issuer_rfc"] == "OTR010101AB1"
    assert flag["citations"] == [{"filename": "cfdi.xml", "page": 1}, {"filename": "contrato.pdf", "page": 1}]
    same = [{**invoices[0], "issuer_rfc": "VEN020202CD2"}]
    assert _flags(_amounts([]), same, vendors, []) == []


BIDS = ("ACTA DE FALLO\nNo. Licitante Importe sin IVA IVA Importe total Resultado\n"
        "1 Refaccionaria Tlaloc, S.A. de \nC.V. \n$2,500,000.00 $400,000.00 $2,900,000.00 Solvente; no es la más \nbaja \n"
        "2 Suministros Papaloapan, S.A. de \nC.V. \n$2,400,000.00 $384,000.00 $2,784,000.00 Solvente; se adjudica \n"
        "3 Autopartes Chinameca, S. de R.L. de \nC.V. \n$2,650,000.00 $424,000.00 $3,074,000.00 Desechada \n")


def test_a_bids_table_awards_only_the_winning_row_without_its_tax_column():
    assert roles("fallo", BIDS) == [("awarded", "without_iva", "2400000.00 MXN"), ("awarded", "with_iva", "2784000.00 MXN")]


def test_the_award_sentence_ends_with_its_sentence_not_at_the_next_bids():
    text = ("RESOLUCIÓN\nSe adjudica el contrato a SUMINISTROS PAPALOAPAN, S.A. DE C.V., con R.F.C. SPA100101AB1, "
            "por un importe de $2,400,000.00 (DOS MILLONES CUATROCIENTOS MIL PESOS 00/100 M.N.) más el Impuesto al "
            "Valor Agregado, lo que hace un total de $2,784,000.00. La propuesta de Autopartes Chinameca, S. de R.L. "
            "de C.V. por $3,074,000.00 fue desechada; la garantía será de $240,000.00.")
    assert roles("fallo", text) == [("awarded", "without_iva", "2400000.00 MXN"), ("awarded", "with_iva", "2784000.00 MXN")]


def test_a_zero_rate_bid_awards_no_zero():
    text = ("Licitante Importe IVA Total Dictamen\n"
            "Farmacias Yaqui, S.A. de C.V. $910,500.00 $0.00 $910,500.00 Solvente; se adjudica\n"
            "Droguería Cajeme, S.A. de C.V. $955,000.00 $0.00 $955,000.00 Solvente; no es la más baja\n")
    assert {v for _r, _l, v in roles("fallo", text)} == {"910500.00 MXN"}


def test_a_verdict_column_before_the_amount_marks_the_winner():
    text = ("Partida Licitante Resultado Monto propuesto\n"
            "1 Drones del Bajío, S.A.P.I. de C.V. Ganador $1,730,000.00\n"
            "1 Aeronaves Tarasca, S.A. de C.V. No solvente $1,690,000.00\n"
            "2 Óptica Industrial Purépecha, S.C. Adjudicada $640,000.00\n"
            "2 Lentes de Zamora, S.A. de C.V. $655,000.00 Solvente, no ganador\n")
    assert {v for _r, _l, v in roles("fallo", text)} == {"1730000.00 MXN", "640000.00 MXN"}


def test_the_vendor_of_a_winning_row_is_the_winner_not_the_next_bidder():
    from archive.case_roles import award_vendors
    ents = _ents(BIDS)
    winners = award_vendors(BIDS, ents)
    assert len(winners) == 1 and "papaloapan" in winners[0]


AUDIT = ("La muestra fiscalizada se integra como sigue:\n"
         "Entidad Procedimiento Contrato Proveedor Monto revisado\n"
         "Colima LA-906012345-E3-2024 SSP/ADQ/011/2024 Blindajes Volcán, S.A. de C.V. $8,120,000.00\n"
         "Nayarit LA-918054321-E9-2024 SSPC/CT/07/2024 Radios Huichol, S.A. de C.V. $2,300,000.00\n"
         "Los montos incluyen el IVA.\n"
         "Resultado 1. Con la revisión del contrato SSP/ADQ/011/2024, se observan pagos en exceso por $612,000.00, "
         "por lo que se emitió el Pliego de Observaciones.\n"
         "Resumen\nResultado Contrato Monto por aclarar\n1 SSP/ADQ/011/2024 $612,000.00\n")


def test_an_audit_observes_its_findings_not_the_sample_it_reviewed():
    found = [v for _r, _l, v in roles("auditoria", AUDIT, {"SSPADQ0112024", "LA906012345E32024"})]
    assert set(found) == {"612000.00 MXN"}
    assert roles("auditoria", AUDIT, {"SSPCCT072024"}) == []


def test_the_certifiers_rfc_on_a_cfdi_print_out_is_not_its_issuer():
    text = ("HERRAJES MAZAHUA, S.A. DE C.V.\nR.F.C. HMA140305QZ1 · Régimen General de Ley\n"
            "Receptor: Ayuntamiento de Toluca\nR.F.C. receptor: ATO850101AB3\n"
            "Cadena original del complemento de certificación: ||1.1|0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D|"
            "2024-02-01T10:00:00|SAT970701NN3||\n")
    rfcs = [e for e in _ents(text) if e["kind"] == "rfc"]
    assert "SAT970701NN3" in {e["value"] for e in rfcs}
    assert issuer_rfc(text, rfcs) == "HMA140305QZ1"


def test_a_sample_table_whose_cells_wrap_is_still_the_sample_reviewed():
    text = ("La muestra se integra como sigue: \nEntidad Procedimiento Contrato Proveedor Monto \nrevisado \n"
            "Colima LA-906012345-E3-2024 SSP/ADQ/011/2024 Blindajes Volcán, S.A. \nde C.V. \n$8,120,000.00 \n"
            "Nayarit LA-918054321-E9-2024 SSPC/CT/07/2024 Radios Huichol, S.A.P.I. de \nC.V. \n$2,300,000.00 \n"
            "Los montos incluyen el IVA.")
    assert roles("auditoria", text, {"SSPCCT072024"}) == []
    assert roles("auditoria", text, {"SSPADQ0112024"}) == []


def test_an_ocr_read_invoice_keeps_its_identity_and_issuer():
    from archive.case_roles import invoice_ids
    text = ("HERRAJES MAZAHUA, S. A. DE CV.\nR. F. HMA140305QZ1 - Régimen General de Ley\n"
            "Folio fiscal (UUID): 0A1B2C3D- 4E5F-4A6B- 8C7D- 9E0F1A2B3C4D\nR.F.C. receptor: ATO850101AB3\n"
            "Cadena original del complemento de certificación:\n-111.1/0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D|"
            "2024-02-01T10:00:00|SAT970701NN3||\n")
    assert invoice_ids(text)["uuid"] == "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"
    assert invoice_ids("UUID: 0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4O")["uuid"].endswith("3C40")
    assert issuer_rfc(text, [e for e in _ents(text) if e["kind"] == "rfc"]) == "HMA140305QZ1"


def test_an_issuer_rfc_one_ocr_slip_from_the_vendors_is_the_vendor():
    invoices = [{"uuid": "U1", "folio": "A-1", "issuer_rfc": "HMA140305Q21", "filename": "scan.png", "page": 1,
                 "media_type": "image/png"},
                {"uuid": "U2", "folio": "A-2", "issuer_rfc": "OTR010101AB1", "filename": "b.pdf", "page": 1,
                 "media_type": "application/pdf"}]
    vendors = [{"name": "Herrajes Mazahua", "rfc": "HMA140305QZ1", "rfcs": ["HMA140305QZ1"], "citations": []}]
    flags = [f for f in _flags(_amounts([]), invoices, vendors, []) if f["kind"] == "invoice_issuer_not_vendor"]
    assert [f["params"]["issuer_rfc"] for f in flags] == ["OTR010101AB1"]


def test_a_row_of_net_and_gross_labels_each():
    text = ("Licitante Importe Importe Resultado\nCERRAJERÍA TOLTECA, S.A. DE C.V.\n"
            "$1,000,000.00 $1,160,000.00 SOLVENTE - GANADOR\nHERRAJES OTOMÍ, S.A. DE C.V.\n"
            "$1,100,000.00 $1,276,000.00 Solvente, no ganador\n")
    assert roles("fallo", text) == [("awarded", "without_iva", "1000000.00 MXN"), ("awarded", "with_iva", "1160000.00 MXN")]


def test_the_findings_of_an_audit_about_one_contract_belong_to_the_contract_its_header_names():
    text = ("ÓRGANO INTERNO DE CONTROL\nCédula de observaciones\nProcedimiento revisado: LA-906011122-E8-2022. "
            "Contrato: SOP/DGA/CS/144/2022, celebrado con Ambulancias del Nevado, S.A. de C.V.\n"
            "Observación 1. Se pagaron refacciones no entregadas por un importe de $212,000.00.\n"
            "Observación 2. Monto observado por penas no aplicadas: $38,500.00 M.N.\n")
    found = {v for _r, _l, v in roles("auditoria", text, {"SOPDGACS1442022"})}
    assert found == {"212000.00 MXN", "38500.00 MXN"}
    several = text + "Observación 3. Contrato SOP/DGA/CS/150/2022: pagos en exceso por $9,900.00.\n"
    assert {v for _r, _l, v in roles("auditoria", several, {"SOPDGACS1442022"})} == set()


SCOPE_AND_FINDINGS = ("Alcance: la revisión comprendió los siguientes procedimientos:\n"
                      "LA-931007777-E2-2024 SSP/ADQ/051/2024 Uniformes Tarahumara, S.A. de C.V. 4,120,000.00\n"
                      "LA-931007777-E5-2024 SSP/ADQ/063/2024 Patrullas Conchos, S.A. de C.V. 9,800,000.00\n"
                      "Resultados\n"
                      "1. Con la revisión del contrato SSP/ADQ/051/2024 se constató que un comprobante fue emitido por "
                      "otro contribuyente; no se\ndeterminaron observaciones.\n"
                      "2. Con la revisión del contrato SSP/ADQ/063/2024 se constató que 12 unidades pagadas no se "
                      "entregaron; se presume un daño a la Hacienda Pública por 1,920,000.00 pesos.\n")


def test_an_audit_observes_a_contract_only_where_a_finding_about_it_does():
    from archive.case_audit import finding_observes

    def observes(text: str, code: str) -> bool:
        return finding_observes(text, [(e["start"], e["end"]) for e in _ents(text) if e["value"] == code])

    assert not observes(SCOPE_AND_FINDINGS, "SSPADQ0512024")  # listed, then cleared
    assert observes(SCOPE_AND_FINDINGS, "SSPADQ0632024")
    assert not observes(SCOPE_AND_FINDINGS.split("Resultados")[0], "SSPADQ0632024")  # reviewed only
    audit = {"kind": "auditoria", "title": "ASF", "filename": "asf.pdf", "pages": [1]}
    assert _flags(_amounts([]), [], [], [{**audit, "observes": False}]) == []


def test_the_same_cfdi_filed_twice_is_a_duplicate_but_its_print_out_is_not():
    xml = {"uuid": "U7", "folio": "B-7", "issuer_rfc": None, "page": 1, "media_type": "application/xml"}
    pdf = {**xml, "media_type": "application/pdf", "filename": "b7.pdf"}
    once = [{**xml, "filename": "b7.xml"}, pdf]
    assert _flags(_amounts([]), once, [], []) == []
    twice = [pdf, {**xml, "filename": "b7.xml"}, {**xml, "filename": "correo_b7.xml"}]
    [flag] = _flags(_amounts([]), twice, [], [])
    assert flag["kind"] == "duplicate_invoice" and [c["filename"] for c in flag["citations"]] == ["b7.xml", "correo_b7.xml"]


def test_a_direct_award_and_an_open_award_said_in_other_words():
    text = ("DICTAMEN: Es procedente adjudicar directamente a Drones Tizimín, S.A.P.I. de C.V., RFC DTI190101AB2, "
            "por un importe de $1,200,000.00 más IVA, total de $1,392,000.00 (UN MILLÓN TRESCIENTOS NOVENTA Y DOS "
            "MIL PESOS 00/100 M.N.).\nSan Francisco de Campeche, a 2 de mayo de 2024.")
    assert roles("dictamen", text) == [("awarded", "without_iva", "1200000.00 MXN"), ("awarded", "with_iva", "1392000.00 MXN")]
    fallo = ("El Comité acuerda adjudicar el contrato abierto a la C. Rosa Tepetla Ruiz, por un monto mínimo de "
             "$500,000.00 más IVA y un monto máximo de $1,000,000.00 más IVA.\nLos licitantes adjudicados deberán firmar.")
    assert {v for _r, _l, v in roles("fallo", fallo)} == {"500000.00 MXN", "1000000.00 MXN"}


def test_two_lots_are_each_weighed_against_their_own_contract():
    def amount(value: str, label: str, doc: str) -> dict:
        return {"value": value, "currency": "MXN", "label": label, "filename": f"{doc}.pdf", "page": 1, "document_id": doc}

    amounts = _amounts([amount("1000000.00", "total", "c1"), amount("3000000.00", "total", "c2")])
    amounts["invoiced"] = [amount("900000.00", "total", "f1"), amount("2500000.00", "total", "f2")]
    docs = [{"document_id": d, "kind": k, "contracts": [c], "filename": f"{d}.pdf", "pages": [1]}
            for d, k, c in (("c1", "contrato", "A1"), ("c2", "contrato", "A2"), ("f1", "factura", "A1"),
                            ("f2", "factura", "A2"))]
    assert [f["kind"] for f in _flags(amounts, [], [], docs)] == []  # 3.4 M billed is over neither contract
    amounts["invoiced"].append(amount("200000.00", "total", "f3"))
    docs.append({"document_id": "f3", "kind": "factura", "contracts": ["A1"], "filename": "f3.pdf", "pages": [1]})
    [flag] = _flags(amounts, [], [], docs)
    assert flag["kind"] == "over_invoiced" and flag["params"]["ceiling"] == "1000000.00"


def test_the_winner_said_in_a_sentence_after_the_table():
    text = ("No. Empresa Monto propuesto sin IVA Estatus\n1 Radios Calakmul, S.A. de C.V. $2,000,000.00 GANADOR\n"
            "2 Antenas Xpujil, S.A. de C.V. $2,100,000.00 NO SOLVENTE\nResulta ganadora Radios Calakmul, S.A. de C.V., "
            "con un monto de\n$2,000,000.00 antes de IVA; $2,320,000.00 con IVA incluido.\n")
    assert {v for _r, _l, v in roles("fallo", text)} == {"2000000.00 MXN", "2320000.00 MXN"}


def test_with_iva_said_after_a_figure_wins_over_the_words_of_the_figure_before():
    text = "Resulta ganadora Radios Calakmul, S.A. de C.V., con $2,000,000.00 antes de IVA; $2,320,000.00 con IVA incluido."
    assert roles("fallo", text) == [("awarded", "without_iva", "2000000.00 MXN"), ("awarded", "with_iva", "2320000.00 MXN")]


def test_an_open_contract_restating_each_figure_with_iva_keeps_each_role():
    text = ("SEGUNDA. MONTO. Contrato abierto. El Municipio ejercerá un monto mínimo de $800,000.00 más IVA, que da un "
            "total de $928,000.00, y hasta un monto máximo de $1,600,000.00 más IVA, es decir $1,856,000.00 (UN MILLÓN "
            "OCHOCIENTOS CINCUENTA Y SEIS MIL PESOS 00/100 M.N.).\nCUARTA. GARANTÍA. Fianza del 10%, es decir $160,000.00.")
    assert roles("contrato", text) == [("contracted", "minimum", "800000.00 MXN"), ("contracted", "minimum", "928000.00 MXN"),
                                       ("contracted", "maximum", "1600000.00 MXN"), ("contracted", "maximum", "1856000.00 MXN")]
    convenio = ("PRIMERA. Se amplía el monto máximo del contrato en $240,000.00 más IVA ($278,400.00 con IVA), equivalente "
                "al 15% del monto máximo original, para quedar en un monto máximo de $1,840,000.00 más IVA, es decir "
                "$2,134,400.00.")
    assert [label for _r, label, _v in roles("convenio", convenio)] == ["increase", "increase", "amended", "amended"]
