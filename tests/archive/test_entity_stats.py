"""The figures of an entity index row: amounts near a mention, totalled per currency, never mixed."""

from __future__ import annotations

from decimal import Decimal

from archive.entity_stats import Group, figures, near_totals, totals_text


def _group(*mentions: tuple[str, int, int, int]) -> Group:
    g = Group()
    for doc, page, start, end in mentions:
        g.add({"document_id": doc, "page": page, "start": start, "end": end, "printed": "X"})
    return g


def test_amounts_near_a_mention_are_summed_per_currency_and_counted_once():
    g = _group(("d1", 1, 100, 110), ("d1", 1, 150, 160), ("d2", 2, 0, 10))
    amounts = {("d1", 1): [(200, 210, "1000.00 MXN"), (5000, 5010, "7.00 MXN")],
               ("d2", 2): [(50, 60, "26620000.00 PYG"), (70, 80, "23.00 MXN")]}
    sums = near_totals(g.spans, amounts)
    assert sums == {"MXN": Decimal("1023.00"), "PYG": Decimal("26620000.00")}  # 7.00 is too far; 1000 once
    row = figures(g, {"d1": "2020-11-30", "d2": "2019-01-02"}, amounts)
    assert row["pages"] == 2 and row["documents"] == 2
    assert (row["first_date"], row["last_date"]) == ("2019-01-02", "2020-11-30")
    assert row["total"] == "26,620,000.00 PYG · 1,023.00 MXN"


def test_no_amount_no_total():
    assert totals_text([]) == "" and figures(_group(("d", 1, 0, 5)), {}, {})["totals"] == []
