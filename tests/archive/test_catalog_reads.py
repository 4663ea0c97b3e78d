"""Batched catalog reads give what the one-page reads give."""

from __future__ import annotations

KINDS = ("vendor", "rfc", "amount", "bid")


def test_entities_on_pages_equal_the_entities_of_each_page(tantivy_samples):
    catalog = tantivy_samples.catalog
    keys = [(doc["id"], page["number"]) for doc in catalog.documents(limit=100)
            for page in catalog.pages_summary(doc["id"])]
    assert len(keys) >= 30
    batched = catalog.entities_on_pages(keys, KINDS)
    kinds_seen = set()
    for key in keys:
        one = [e for e in catalog.entities(*key) if e["kind"] in KINDS]
        assert batched.get(key, []) == one, key
        kinds_seen |= {e["kind"] for e in one}
    assert kinds_seen == set(KINDS)  # every kind asked for is on some sample page
    assert set(batched) <= set(keys)


def test_entities_on_pages_over_many_pages_of_one_document(tantivy_samples):
    """More pages of one document than one query takes: asked in parts, nothing lost or repeated."""
    catalog = tantivy_samples.catalog
    doc = max(catalog.documents(limit=100), key=lambda d: len(catalog.entities(d["id"])))
    pages = [p["number"] for p in catalog.pages_summary(doc["id"])]
    missing = list(range(1000, 1700))  # pages it does not have, in the first part; its own in the second
    keys = [(doc["id"], n) for n in missing + pages]
    batched = catalog.entities_on_pages(keys, ("amount", "vendor", "date"))
    assert set(batched) == {(doc["id"], n) for n in pages if any(
        e["kind"] in ("amount", "vendor", "date") for e in catalog.entities(doc["id"], n))}
    for n in pages:
        want = [e for e in catalog.entities(doc["id"], n) if e["kind"] in ("amount", "vendor", "date")]
        assert batched.get((doc["id"], n), []) == want
    assert catalog.entities_on_pages([], KINDS) == {}
