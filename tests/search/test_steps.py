"""Amount ranges as terms at several precisions, checked against the plain comparison."""

from __future__ import annotations

import random

from search.query import parse
from search.records import PageRecord
from search.steps import range_terms, step_terms
from search.tantivy_engine import TantivyEngine


def test_a_range_s_terms_hold_exactly_the_values_inside_it():
    rng = random.Random(5)
    for _ in range(3000):
        lo = rng.choice([0, 1, rng.randrange(10**12)])
        hi = lo + rng.choice([0, 1, 15, 16, rng.randrange(10**rng.randrange(1, 14))])
        terms = set(range_terms(lo, hi))
        for v in (lo - 1, lo, lo + 1, hi - 1, hi, hi + 1, rng.randrange(lo, hi + 1), rng.randrange(2**62)):
            if v >= 0:
                assert bool(terms & set(step_terms(v))) == (lo <= v <= hi), (lo, hi, v)
    assert len(range_terms(100_000_000, 2**63 - 1)) < 200


def test_an_amount_is_indexed_under_its_value_shifted_at_each_level():
    rng = random.Random(7)
    for v in [0, 1, 15, 16, 255, 256, 2**63 - 1, 2**64 - 1] + [rng.randrange(10**rng.randrange(1, 19)) for _ in range(2000)]:
        assert step_terms(v) == [f"{level}:{v >> (level * 4)}" for level in range(16)], v


def test_amount_filters_find_the_same_pages_as_a_comparison(tmp_path):
    rng = random.Random(9)
    engine = TantivyEngine(tmp_path / "index")
    amounts: dict[int, list[int]] = {}
    records = []
    for n in range(1, 400):
        values = [rng.choice([0, 100, 102312300, 10**12, int(10 ** rng.uniform(2, 13))]) for _ in range(rng.randrange(0, 4))]
        rec = PageRecord("d", n, "f", "t", "application/pdf", "contrato")
        rec.amounts = values
        amounts[n] = values
        records.append(rec)
    engine.add(records)
    engine.commit()
    for q, test in [("monto:>=1000000", lambda v: v >= 100_000_000), ("monto:>1023123", lambda v: v > 102_312_300),
                    ("monto:1023123", lambda v: v == 102_312_300),
                    ("amount:1000..2000000", lambda v: 100_000 <= v <= 200_000_000), ("monto:<=0", lambda v: v <= 0)]:
        found = {h.page for h in engine.search(parse(q), limit=1000).hits}
        assert found == {n for n, vs in amounts.items() if any(test(v) for v in vs)}, q
