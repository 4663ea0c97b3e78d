"""The query language: parsing into nodes, and clear errors for malformed queries."""

import pytest

from expediente.errors import QuerySyntaxError
from search.query import And, FieldFilter, Not, Or, Phrase, Prefix, Term, parse


@pytest.mark.parametrize("text,expected", [
    ("Magavel", Term("magavel")),
    ("Ramírez", Term("ramirez")),
    ("MAGAVEL juárez", And((Term("magavel"), Term("juarez")))),
    ('"servicios integrales"', Phrase(("servicios", "integrales"))),
    ("contrat*", Prefix("contrat")),
    ('"comisión estatal de seg*"', Prefix("seg", ("comision", "estatal", "de"))),  # a phrase ending in a prefix
    ('"contrat*"', Prefix("contrat")),
    ("-magavel ydosk", And((Not(Term("magavel")), Term("ydosk")))),
    ("NOT magavel", Not(Term("magavel"))),
    ("magavel OR ydosk", Or((Term("magavel"), Term("ydosk")))),
    ("(magavel OR ydosk) morelos", And((Or((Term("magavel"), Term("ydosk"))), Term("morelos")))),
    ("hora:10", Phrase(("hora", "10"))),  # not a field: plain text
    ('"sin cerrar', Term("sin") if False else Phrase(("sin", "cerrar"))),
])
def test_parse(text, expected):
    assert parse(text) == expected


def test_code_as_printed_becomes_phrase_or_entity_value():
    node = parse("EA-IT20-2020")
    assert isinstance(node, Or)
    assert node.items[0] == Phrase(("ea", "it20", "2020"))
    assert FieldFilter("bid", "=", "EAIT202020") in node.items


def test_slash_code():
    node = parse("DCA/TM/222/2020")
    assert node.items[0] == Phrase(("dca", "tm", "222", "2020"))
    assert FieldFilter("contract", "=", "DCATM2222020") in node.items


@pytest.mark.parametrize("typed", ["1,023,123", "$1,023,123.00", "1023123", "$1'023,123.00 M.N."])
def test_amount_typed_in_any_format_also_matches_amount_values(typed):
    node = parse(typed)
    assert FieldFilter("amount", "=", "102312300") in node.items


@pytest.mark.parametrize("text,expected", [
    ("amount:1023123", FieldFilter("amount", "=", "102312300")),
    ("monto:>=1000000", FieldFilter("amount", ">=", "100000000")),
    ("amount:1000000..2000000", FieldFilter("amount", "range", "100000000", "200000000")),
    ("bid:ea-it20-2020", FieldFilter("bid", "=", "EAIT202020")),
    ('contract:"DCA/TM/222/2020"', FieldFilter("contract", "=", "DCATM2222020")),
    ("proveedor:Magavel", FieldFilter("vendor", "=", "magavel")),
    ("date:2020-01-01..2020-12-31", FieldFilter("date", "range", "20200101", "20201231")),
    ("date:2021", FieldFilter("date", "range", "20210101", "20211231")),
    ("year:2020", FieldFilter("year", "=", "2020")),
])
def test_field_filters(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize("text,message", [
    ("", "empty"),
    ("   ", "empty"),
    ("(magavel", "never closed"),
    ("magavel)", "no matching"),
    ("a*", "at least 2"),
    ("amount:abc", "not an amount"),
    ("date:2021-02-30", "not a valid date"),
    ("bid:>5", "not a range"),
    ("x" * 1001, "too long"),
    (" ".join(["w"] * 70), "too many"),
    ("(" * 400 + "a" + ")" * 400, "too deeply"),
    ("-" * 999 + "a", "too deeply"),
    ("NOT " * 20 + "a", "too deeply"),
    ("year:²", "not a year"),
    ("year:٣", "not a year"),
    ("year:99999999999999999999", "not a year"),
    ("date:２０２１", "not a date"),
    ("amount:١٢٣٤", "not an amount"),
    ("amount:99999999999999999999", "not an amount"),
    ("amount:1,000,000,000,000,000,000", "too large"),
    ("amount:>=1,000,000,000,000,000,000", "too large"),
])
def test_malformed_queries_get_clear_messages(text, message):
    with pytest.raises(QuerySyntaxError, match=message):
        parse(text)


def test_amount_with_currency_word_is_one_amount():
    node = parse("1,023,123 pesos")
    assert FieldFilter("amount", "=", "102312300") in node.items


def test_codes_and_plain_words_are_not_amounts():
    for text in ("EA-IT20-2020", "magavel", "SIM1508193C1"):
        node = parse(text)
        items = node.items if isinstance(node, Or) else (node,)
        assert not any(isinstance(i, FieldFilter) and i.field == "amount" for i in items)


@pytest.mark.parametrize("typed,includes", [
    ("contrato~", {"contrato", "contratos"}),
    ("contratos~", {"contrato", "contratos"}),
    ("licitación~", {"licitacion", "licitaciones"}),
    ("licitaciones~", {"licitacion", "licitaciones"}),
    ("luz~", {"luz", "luces"}),
    ("luces~", {"luz", "luces"}),
])
def test_singular_and_plural(typed, includes):
    node = parse(typed)
    assert isinstance(node, Or) and includes <= {t.token for t in node.items}


@pytest.mark.parametrize("typed", ["cámaras~", "luces~", "contrato OR contratos", "(factura OR facturas) OR factura"])
def test_widened_forms_are_one_flat_or_each_word_once(typed):
    from search.forgiving import with_forms

    node = with_forms(parse(typed))
    assert isinstance(node, Or) and all(isinstance(i, Term) for i in node.items)
    words = [i.token for i in node.items]
    assert len(words) == len(set(words))
    assert {t.token for t in parse(typed).items if isinstance(t, Term)} <= set(words)


def test_nesting_within_the_limit_still_parses():
    assert parse("(" * 16 + "magavel" + ")" * 16) == Term("magavel")
    assert parse("-(magavel OR (ydosk -quatro))") == Not(Or((Term("magavel"), And((Term("ydosk"), Not(Term("quatro")))))))


def test_a_huge_typed_number_is_text_not_an_amount_out_of_range():
    node = parse("1,000,000,000,000,000,000")
    assert not isinstance(node, Or)  # no amount alternative that no engine could store
