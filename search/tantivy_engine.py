"""The embedded engine: a tantivy index in the data folder, one document per page."""

from __future__ import annotations

import fcntl
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import tantivy

from expediente.errors import ConfigError, IndexBusy, QuerySyntaxError

from .analysis import pair_text, phrase_pairs
from .engine import EngineHit, EngineResult, check_window
from .query import And, FieldFilter, Fuzzy, Node, Not, Or, Phrase, Prefix, Term, filter_bounds
from .records import PageRecord
from .steps import range_terms, step_terms
from .tantivy_bounds import lower_bound, near_bound, upper_bound
from .sampling import FACET_EXACT_MAX, SLOTS, sample_slot, scaled, slots_for

LOCK_WAIT_S = 60.0
_TEXT = "ws"  # whitespace tokenizer: analysis already happened in search.analysis
_KEYWORDS = ("bids", "contracts", "rfcs", "kind", "vendor_keys")
_INTS = ("amounts", "dates", "years", "doc_date")
_FACET_FIELDS = {"vendors": "vendor_keys", "bids": "bids", "years": "years", "kind": "kind"}


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    sb.add_integer_field("page", stored=True, indexed=True, fast=True)
    sb.add_text_field("text", tokenizer_name=_TEXT, index_option="freq")  # phrases are read from `pairs`
    sb.add_text_field("vendors", tokenizer_name=_TEXT, index_option="position")
    sb.add_text_field("persons", tokenizer_name=_TEXT, index_option="position")
    sb.add_text_field("pairs", tokenizer_name=_TEXT, index_option="position")  # each two neighbouring words: phrases
    for name in _KEYWORDS:
        sb.add_text_field(name, tokenizer_name="raw", fast=True)
    for name in _INTS:
        sb.add_integer_field(name, indexed=True, fast=True)
    sb.add_text_field("amount_steps", tokenizer_name="raw", index_option="basic")  # search.steps: amount ranges
    sb.add_integer_field("sample", indexed=True, fast=True)  # search.sampling: facets of huge results
    return sb.build()


_FACET_THREADS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="facets")
_FACET_JOBS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="facet-jobs")  # they wait on _FACET_THREADS
_PARTS = (("bids",),)  # the costly facet (thousands of codes) apart; more parts gained nothing on 2 cores


def _aggregate(searcher: tantivy.Searcher, query: tantivy.Query, spec: dict[str, dict], split: bool) -> dict:
    """The aggregations of `spec`; `split`, the costly facets in other threads: tantivy lets go of
    the GIL while it counts, so a search takes about its longest part, not the sum, when cores are
    free. Each part runs the query again, so facets counted beside the ranking are one call."""
    if not split:
        return searcher.aggregate(query, spec)
    parts = [{k: spec[k] for k in names if k in spec} for names in _PARTS]
    apart = {k for part in parts for k in part}
    parts = [p for p in parts if p] + [{k: v for k, v in spec.items() if k not in apart}]
    sides = [_FACET_THREADS.submit(searcher.aggregate, query, part) for part in parts[1:] if part]
    raw = searcher.aggregate(query, parts[0])
    for side in sides:
        raw.update(side.result())
    return raw


@contextmanager
def _creating(path: Path) -> Iterator[None]:
    """Two processes opening a new archive at once must not both create its index."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            path.mkdir(exist_ok=True)
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class TantivyEngine:
    """`writable=False` (every reader: web, search, status) never takes the writer lock;
    only the archive's one indexer opens it writable."""

    name = "tantivy"

    def __init__(self, path: Path, writable: bool = True) -> None:
        self.schema = _schema()
        self.writable = writable
        try:
            with _creating(path):
                self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        except ValueError as exc:
            if "schema does not match" not in str(exc):
                raise
            raise ConfigError(f"the index in {path} was built by another version of Expediente: run "
                              "`expediente reindex --to tantivy` to rebuild it from the catalog") from exc
        self.index.register_tokenizer(_TEXT, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
        self._writer: tantivy.IndexWriter | None = None
        self.facet_exact_max = FACET_EXACT_MAX  # a larger result's facets are estimated (search.sampling)

    def _w(self) -> tantivy.IndexWriter:
        """The writer. Only the lease holder writes, and a holder that lost its lease closes its
        writer as it stops, so wait a while for the lock before saying the index is busy."""
        if not self.writable:
            raise RuntimeError("this index was opened read-only: only the indexer writes")
        deadline = time.monotonic() + LOCK_WAIT_S
        while self._writer is None:
            try:
                self._writer = self.index.writer(heap_size=128_000_000, num_threads=1)
            except ValueError as exc:
                if time.monotonic() > deadline:
                    raise IndexBusy("another process has been writing to the index for a while (an ingest is "
                                    "running?): try again when it finishes") from exc
                time.sleep(0.2)
        return self._writer

    def add(self, records: list[PageRecord]) -> None:
        writer = self._w()
        for rec in records:
            writer.add_document(tantivy.Document(
                doc_id=rec.document_id, page=rec.page, text=rec.text, pairs=pair_text(rec.text), kind=rec.kind,
                vendors=" | ".join(rec.vendors), vendor_keys=rec.vendor_keys, persons=" | ".join(rec.persons), bids=rec.bids,
                contracts=rec.contracts, rfcs=rec.rfcs, amounts=rec.amounts,
                dates=[int(d.replace("-", "")) for d in rec.dates], years=rec.years,
                doc_date=[rec.doc_date] if rec.doc_date is not None else [],
                sample=sample_slot(rec.document_id, rec.page),
                amount_steps=[t for cents in rec.amounts if cents >= 0 for t in step_terms(cents)],
            ))

    def delete_document(self, document_id: str) -> None:
        self._w().delete_documents_by_term("doc_id", document_id)

    def commit(self) -> None:
        """Durable and searchable. The writer stays open, and with it the index lock, until
        `close()`: segment merges run behind the next documents instead of inside a commit."""
        if self._writer is None:
            return
        self._writer.commit()
        self.index.reload()

    def search(self, query: Node, limit: int, offset: int = 0, facets: bool = False) -> EngineResult:
        check_window(limit, offset)
        self.index.reload()
        searcher = self.index.searcher()
        compiled = self.compile(query)
        early = self._early_facets(searcher, query, compiled) if facets else None
        try:
            result = searcher.search(compiled, limit=limit, offset=offset, count=True)
        except ValueError as exc:
            raise QuerySyntaxError(f"the index could not run this query: {exc}", "query_engine_refused",
                                   detail=str(exc)[:200]) from exc
        hits = []
        for score, address in result.hits:
            doc = searcher.doc(address)
            hits.append(EngineHit(doc["doc_id"][0], doc["page"][0], float(score)))
        total = result.count or 0  # type: ignore[attr-defined]  # the stub lacks `count`, which count=True sets
        found: dict[str, list[tuple[str, int]]] = {}
        estimated = False
        if facets:
            found, estimated = self._settle(searcher, compiled, total, early)
        return EngineResult(total, hits, found, estimated)

    def _early_facets(self, searcher: tantivy.Searcher, query: Node, compiled: tantivy.Query) -> tuple[int, Future] | None:
        """The facets, counted while the hits are ranked, for a query whose terms tell whether its
        facets are exact or sampled (search.tantivy_bounds): (the slots counted, the counting). A
        query whose bound is usually near its count (`near_bound`) is counted early on the
        sample for a result of its bound's size; `_settle` counts again when the result proves
        too small for that sample. An exact count has its costly facet in a thread of its own."""
        bound = upper_bound(searcher, query)
        if bound is None or (bound > self.facet_exact_max >= lower_bound(searcher, query) and not near_bound(query)):
            return None  # exact or sampled: not known before the count
        slots = slots_for(bound, self.facet_exact_max)
        return slots, _FACET_JOBS.submit(self._count_facets, searcher, compiled, slots, slots == SLOTS)

    def _settle(self, searcher: tantivy.Searcher, compiled: tantivy.Query, total: int,
                early: tuple[int, Future] | None) -> tuple[dict[str, list[tuple[str, int]]], bool]:
        """The facets of a `total`-page result: those counted early when they fit it (exact for a
        result of facet_exact_max pages or fewer, else a sample of at least a quarter of that)."""
        wanted = slots_for(total, self.facet_exact_max)
        if early is not None:
            slots, counting = early
            found, sampled = counting.result()
            if slots == wanted == SLOTS:
                return found, False
            if wanted < SLOTS and slots < SLOTS and sampled * 4 >= self.facet_exact_max:
                return scaled(found, total, sampled), True
        found, sampled = self._count_facets(searcher, compiled, wanted, True)
        return (found, False) if wanted == SLOTS else (scaled(found, total, sampled), True)

    def _count_facets(self, searcher: tantivy.Searcher, query: tantivy.Query, slots: int,
                      split: bool) -> tuple[dict[str, list[tuple[str, int]]], int]:
        """The facets counted on the pages of sample slots below `slots` (every page: SLOTS), and
        how many pages that was (search.sampling); `split` as `_aggregate`."""
        spec: dict[str, dict] = {name: {"terms": {"field": f, "size": 12}} for name, f in _FACET_FIELDS.items()}
        spec["_sampled"] = {"value_count": {"field": "sample"}}
        if slots < SLOTS:
            query = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, tantivy.Query.range_query(
                self.schema, "sample", tantivy.FieldType.Integer, 0, slots - 1))])
        raw = _aggregate(searcher, query, spec, split)
        found = {name: [(str(b["key"]), int(b["doc_count"])) for b in raw.get(name, {}).get("buckets", [])]
                 for name in _FACET_FIELDS}
        return found, int(raw.get("_sampled", {}).get("value") or 0)

    def page_count(self) -> int:
        self.index.reload()
        return self.index.searcher().num_docs

    def page_keys(self) -> list[tuple[str, int]]:
        """Every (document, page) in the index, duplicates included (the consistency check)."""
        self.index.reload()
        searcher = self.index.searcher()
        keys = []
        if searcher.num_docs:
            for _score, address in searcher.search(tantivy.Query.all_query(), limit=searcher.num_docs).hits:
                doc = searcher.doc(address)
                keys.append((doc["doc_id"][0], doc["page"][0]))
        return keys

    def close(self) -> None:
        """Drop what was not committed, let running merges finish, give the lock back."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.rollback()
            writer.wait_merging_threads()

    # -- query compilation ------------------------------------------------------

    def compile(self, node: Node) -> tantivy.Query:
        s = self.schema
        if isinstance(node, Term):
            return tantivy.Query.term_query(s, "text", node.token)
        if isinstance(node, Phrase):
            if len(node.tokens) == 1:  # a quoted word: exact, no plural forms
                return tantivy.Query.term_query(s, "text", node.tokens[0])
            return self._phrase(list(node.tokens))
        if isinstance(node, Prefix):
            if not node.before:
                return tantivy.Query.regex_query(s, "text", node.prefix + ".*")  # tokens are [0-9a-z]: no escaping
            last = f"{node.before[-1]}_{node.prefix}.*"  # "servicios magav*": the pairs "servicios_magav…"
            pairs = phrase_pairs(list(node.before))
            if not pairs:
                return tantivy.Query.regex_query(s, "pairs", last)
            return tantivy.Query.regex_phrase_query(s, "pairs", [*pairs, last])
        if isinstance(node, FieldFilter):
            return self._filter(node)
        if isinstance(node, Fuzzy):
            return tantivy.Query.fuzzy_term_query(s, "text", node.token, distance=node.distance, transposition_cost_one=True)
        if isinstance(node, Not):
            return tantivy.Query.boolean_query([
                (tantivy.Occur.Must, tantivy.Query.all_query()), (tantivy.Occur.MustNot, self.compile(node.item))])
        if isinstance(node, Or):
            return tantivy.Query.boolean_query([(tantivy.Occur.Should, self.compile(i)) for i in node.items])
        if isinstance(node, And):
            return tantivy.Query.boolean_query([
                (tantivy.Occur.MustNot, self.compile(i.item)) if isinstance(i, Not) else (tantivy.Occur.Must, self.compile(i))
                for i in node.items
            ] + ([(tantivy.Occur.Must, tantivy.Query.all_query())] if all(isinstance(i, Not) for i in node.items) else []))
        raise TypeError(f"unknown query node {node!r}")

    def _phrase(self, words: list[str]) -> tantivy.Query:
        """A phrase is the phrase of its word pairs (two words: one pair token): pairs are rarer
        than words and occur fewer times on a page, so fewer positions are checked."""
        pairs = phrase_pairs(words)
        if len(pairs) == 1:
            return tantivy.Query.term_query(self.schema, "pairs", pairs[0])
        return tantivy.Query.phrase_query(self.schema, "pairs", list[str | tuple[int, str]](pairs))

    def _filter(self, f: FieldFilter) -> tantivy.Query:
        from .fields import INT_MAX, field_spec

        spec = field_spec(f.field)
        if spec.index_kind == "int":
            lo, hi, inc_lo, inc_hi = filter_bounds(f)
            if spec.engine_field == "amounts" and lo is not None and lo >= 0:  # below 0 or unbounded: compared
                first = lo + (not inc_lo)
                last = INT_MAX if hi is None else hi - (not inc_hi)
                return tantivy.Query.term_set_query(self.schema, "amount_steps", range_terms(first, last))
            return tantivy.Query.range_query(self.schema, spec.engine_field, tantivy.FieldType.Integer, lo, hi, inc_lo, inc_hi)
        if spec.index_kind == "tokens":
            words = f.value.split()
            if len(words) == 1:
                return tantivy.Query.term_query(self.schema, spec.engine_field, words[0])
            return tantivy.Query.phrase_query(self.schema, spec.engine_field, list[str | tuple[int, str]](words))
        return tantivy.Query.term_query(self.schema, spec.engine_field, f.value)
