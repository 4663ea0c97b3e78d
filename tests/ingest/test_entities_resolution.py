"""Entity resolution: vendor mentions -> one vendor per company, agencies and fragments apart."""
from __future__ import annotations

from ingest.entities import Mention, extract_entities, link_vendor_rfcs, resolve_vendors
from ingest.entities.resolution import classify, clean_name


def m(value: str, doc: str = "d1", page: int = 1, rfc: str | None = None) -> Mention:
    return Mention(value, value, doc, page, rfc)


def test_row_numbers_and_header_words_are_not_part_of_a_name():
    assert clean_name("3 Ñandú Logística Integral, S.A. de C.V.") == "nandu logistica integral"
    assert clean_name("Administración Ñandú Logística Integral SA de CV") == "nandu logistica integral"
    assert clean_name("Proveedor: Quatro Desarrollo Móvil, S.A. de C.V.") == "quatro desarrollo movil"


def test_buyer_bodies_are_agencies_and_lone_common_words_fragments():
    assert classify("secretaria de seguridad publica") == "agency"
    assert classify("fiscalia general del estado de nayarit") == "agency"
    assert classify("municipio de juarez") == "agency"
    assert classify("auditoria superior del estado") == "agency"
    assert classify("integral") == "fragment"
    assert classify("servicios integrales magavel") == "vendor"


def test_variants_of_one_company_merge_into_one_vendor():
    res = resolve_vendors([
        m("nandu logistica integral"), m("3 nandu logistica integral", page=2),
        m("nandulogistica integral", "d2"),  # OCR merged two words
        m("nueva vizcaya y nandu logistica integral", "d3"),  # prose glued in front
        m("nandu logistica integrai", "d4"),  # OCR misread a letter
        m("integral", "d5"),  # a fragment
        m("comercializadora olmedo quintanar", "d6"), m("comercializadoraolmedo quintanar", "d7"),
        m("secretaria de administracion", "d8"),
    ])
    assert [v.name for v in res.vendors] == ["nandu logistica integral", "comercializadora olmedo quintanar"]
    nandu = res.vendors[0]
    assert nandu.documents == ["d1", "d2", "d3", "d4"] and len(nandu.pages) == 5
    assert "integral" in res.fragments and "secretaria de administracion" in res.agencies


def test_a_vendor_is_keyed_by_its_rfc_and_names_printed_with_one_rfc_merge():
    res = resolve_vendors([m("grupo vigia digital", rfc="GVD170228B53"), m("vigia digital del centro", "d2", rfc="GVD170228B53"),
                           m("grupo vigia digital", "d3")])
    assert len(res.vendors) == 1 and res.vendors[0].key == "GVD170228B53"
    assert res.find("GVD170228B53") is res.vendors[0] and res.find("Grupo Vigía Digital, S.A. de C.V.") is res.vendors[0]


def test_different_companies_stay_apart():
    res = resolve_vendors([m("servicios integrales magavel"), m("soluciones integrales ydosk"), m("sistemas opticos cuernavaca"),
                           m("servicios integrales del sur")])
    assert len(res.vendors) == 4


def test_a_partial_name_offers_the_vendors_it_may_mean():
    res = resolve_vendors([m("servicios integrales magavel"), m("soluciones integrales ydosk")])
    assert res.find("magavel") is None
    assert [v.name for v in res.candidates("magavel")] == ["servicios integrales magavel"]
    assert len(res.candidates("integrales")) == 2 and res.candidates("nadie") == []


def test_fed_by_the_extractors():
    text = ("Licitantes:\n1 Servicios Integrales Magavel, S.A. de C.V. RFC SIM1508193C1 $1,023,123.00\n"
            "2 Sistemas Ópticos Cuernavaca, S.A. de C.V. RFC SOC090917G50 $1,096,880.40\n"
            "Se adjudica a SERVICIOS INTEGRALES MAGAVEL SA DE CV por la Secretaría de Administración.")
    ents = extract_entities(text)
    rfc_of = dict(link_vendor_rfcs(text, ents))
    res = resolve_vendors(Mention(e.value, e.printed, "d", 1, rfc_of.get(e.value)) for e in ents if e.kind == "vendor")
    assert sorted(v.key for v in res.vendors) == ["SIM1508193C1", "SOC090917G50"]


def test_a_one_word_company_with_its_own_rfc_stays_apart_from_longer_names_of_other_rfcs():
    res = resolve_vendors([
        m("magavel", rfc="MAG150101AB7"), m("magavel servicios integrales", "d2", rfc="MSI160202CD3"),
        m("factura de magavel servicios integrales", "d3"),  # prose glued in front: the same company
        m("magavel", "d4"),  # the same name without its RFC: still Magavel
    ])
    by_key = {v.key: v for v in res.vendors}
    assert set(by_key) == {"MAG150101AB7", "MSI160202CD3"} and not res.fragments
    assert by_key["MAG150101AB7"].documents == ["d1", "d4"] and by_key["MSI160202CD3"].documents == ["d2", "d3"]
    shared = resolve_vendors([m("magavel", rfc="MSI160202CD3"), m("magavel servicios integrales", "d2", rfc="MSI160202CD3")])
    assert [v.key for v in shared.vendors] == ["MSI160202CD3"]  # one RFC: one company, as before


def test_alike_names_with_different_rfcs_stay_two_companies():
    """An OCR-close name or a name ending another is merged only when the RFCs do not say otherwise."""
    res = resolve_vendors([
        m("comercializadora medica del golfo", rfc="CMG120304AB1"),
        m("comercializadora medica del golf", "d2", rfc="CMG150608CD2"),  # fuzzy-close, another RFC
        m("distribuidora comercializadora medica del golfo", "d3", rfc="DCM100101EF3"),  # ends like the first
    ])
    assert sorted(v.key for v in res.vendors) == ["CMG120304AB1", "CMG150608CD2", "DCM100101EF3"]


def test_a_variant_without_rfc_still_joins_its_company():
    res = resolve_vendors([m("comercializadora medica del golfo", rfc="CMG120304AB1"),
                           m("comercializadora medica del golf", "d2")])
    assert [v.key for v in res.vendors] == ["CMG120304AB1"] and len(res.vendors[0].pages) == 2


def test_one_misplaced_rfc_does_not_chain_two_companies():
    """A name linked once to another company's RFC (twice to its own) is not merged into that company."""
    res = resolve_vendors([
        m("ortopedia y rehabilitacion del sureste", "d1", rfc="ORS110101AA1"),
        m("ortopedia y rehabilitacion del sureste", "d2", rfc="ORS110101AA1"),
        m("ortopedia y rehabilitacion del sureste", "d3", rfc="IQP090909BB2"),
        m("insumos quirurgicos peninsulares", "d4", rfc="IQP090909BB2"),
    ])
    assert sorted(v.key for v in res.vendors) == ["IQP090909BB2", "ORS110101AA1"]


def test_invoice_issuer_is_not_folded_into_the_contracts_vendor():
    """Names a letter apart, each printed with its own RFC: the invoice's issuer is another company."""
    contract = ("Contrato celebrado con Laboratorios Clínicos Tepeyac, S.A. de C.V., "
                "con RFC LCT130522KP6, en su carácter de proveedor.")
    invoice = ("Emisor: LABORATORIO CLINICO TEPEYAC, S.A. DE C.V.    RFC: LCT160815RS4\n"
               "Receptor: SECRETARIA DE SALUD DEL ESTADO    RFC: SSE980101AB1\n")
    mentions = []
    for doc, text in (("contrato", contract), ("factura", invoice)):
        ents = extract_entities(text)
        rfc_of = dict(link_vendor_rfcs(text, ents))
        mentions += [Mention(e.value, e.printed, doc, 1, rfc_of.get(e.value)) for e in ents if e.kind == "vendor"]
    res = resolve_vendors(mentions)
    assert sorted((v.key, v.documents[0]) for v in res.vendors) == [("LCT130522KP6", "contrato"),
                                                                    ("LCT160815RS4", "factura")]


def test_table_row_line_break_and_ocr_variants_are_one_vendor():
    """A fallo read cell by cell, the same fallo read row by row, an OCR'd copy and a contract."""
    pages = {
        ("fallo", 1): "No. Licitante Importe total\n1 Tornillería Amatlán del \nGolfo, S.A. de C.V. \n$580,000.00",
        ("fallo-b", 1): "No. Licitante Importe total\n1 Tornillería Amatlán del $580,000.00\nGolfo, S.A. de C.V.",
        ("escaneo", 1): "| 1 | TORNILLERIA AMATLAN DEI GOLFO, S,A. DE C,V. | $580,000.00 |",
        ("contrato", 2): "celebrado con 2Tornillería Amatlán del Golfo, S.A. de C.V., con RFC TAG120514QX3, por",
    }
    mentions = []
    for (doc, page), text in pages.items():
        ents = extract_entities(text)
        rfc_of = dict(link_vendor_rfcs(text, ents))
        mentions += [Mention(e.value, e.printed, doc, page, rfc_of.get(e.value)) for e in ents if e.kind == "vendor"]
    res = resolve_vendors(mentions)
    assert [(v.key, v.name) for v in res.vendors] == [("TAG120514QX3", "tornilleria amatlan del golfo")]
    assert res.vendors[0].documents == ["contrato", "escaneo", "fallo", "fallo-b"] and not res.fragments


def test_a_row_number_glued_to_a_name_is_dropped():
    assert clean_name("2Laminados Chalcatzingo SAPI de CV") == "laminados chalcatzingo"
    assert clean_name("3M México, S.A. de C.V.") == "3m mexico"


def test_find_looks_up_rfc_key_and_printed_value_and_the_first_vendor_wins():
    from ingest.entities.resolution import Resolution, Vendor

    first = Vendor("MAG0101019X1", "Servicios Magavel", ["servicios magavel"], ["MAG0101019X1"])
    second = Vendor("magavel", "Magavel", ["magavel", "servicios magavel"], [])
    res = Resolution([first, second], {}, {})
    assert res.find(" mag0101019x1 ") is first  # an RFC typed in lower case, with spaces
    assert res.find("Servicios Magavel, S.A. de C.V.") is first  # printed by both: the first listed
    assert res.find("MAGAVEL") is second  # the second's key
    assert res.find("Magavel Servicios") is None
    res.vendors.reverse()
    res = Resolution(res.vendors, {}, {})
    assert res.find("Servicios Magavel") is second
