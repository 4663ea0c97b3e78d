"""The Elasticsearch engine: the one module that talks to the Elasticsearch client.

One ES document per page (id = sha256:page, so re-ingesting is idempotent), behind an
alias pointing at a versioned index. Text arrives already folded and tokenized by
search.analysis, so the mapping only needs the built-in whitespace analyzer and works on
the minimal distribution (no analysis-common module) as on the full one.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Iterator

import orjson
from elastic_transport import NdjsonSerializer, OrjsonSerializer
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from expediente.errors import ConfigError, EngineUnavailable, QuerySyntaxError

from .engine import EngineHit, EngineResult, check_window
from .es_bounds import countable_leaves, lower_bound, upper_bound
from .es_dsl import FACET_FIELDS, MAPPING_VERSION, compile_query, mapping
from .query import Node
from .records import PageRecord
from .sampling import FACET_EXACT_MAX, SLOTS, sample_slot, scaled, slots_for
from .tantivy_bounds import near_bound

# Bulk sizes measured with benchmarks/es_bulk.py (2 cores, one node, 512 MB heap): dense
# pages of ~6 KB go 250 to a request (1.5 MB), two requests in flight; 500 was within noise,
# larger requests or more in flight gained nothing on that node. A larger node: see the README.
BULK_PAGES = 250
BULK_THREADS = 2
BULK_MAX_BYTES = 8 << 20
# While reindex builds an index nobody searches yet: no refresh, no replica, the translog
# synced every 5 s instead of at every request (a crash loses only the build, which reindex
# starts again). publish() puts the defaults back, and the replicas of the index it replaces.
BUILD_SETTINGS: dict[str, Any] = {"refresh_interval": "-1", "translog.durability": "async"}


class _OrjsonNdjson(NdjsonSerializer):
    """Bulk bodies encoded by orjson: the standard library's encoder took about a fifth of a
    reindex's own CPU (pages of ~6 KB of text each)."""

    def json_dumps(self, data: Any) -> bytes:
        return orjson.dumps(data, default=self.default)

    def json_loads(self, data: bytes) -> Any:
        return orjson.loads(data)


_SERIALIZERS = {"application/json": OrjsonSerializer(), "application/x-ndjson": _OrjsonNdjson()}


# A search's ranking request goes out from one of these while its thread counts the query's leaves
# and its facets (the client is thread-safe); shared by the engines of a process, as tantivy's facet jobs.
_SEARCHES = ThreadPoolExecutor(8, thread_name_prefix="es-search")


def _unavailable(url: str, exc: Exception) -> EngineUnavailable:
    return EngineUnavailable(
        f"Elasticsearch at {url} is not available ({type(exc).__name__}: {exc}). Nothing was lost: "
        "start the cluster (scripts/es-node.sh start) and run the same command again")


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, url: str, alias: str, timeout_ms: int = 5000, build: bool = False,
                 writable: bool = True, phrases: bool = False) -> None:
        """Serve and write through the alias; with build=True, write a fresh versioned index
        that `publish()` later puts behind the alias (how `reindex` rolls out a mapping).
        Readers (writable=False) never create anything: before the first ingest they find nothing.
        `phrases`: an index this engine creates indexes word pairs (search.es_dsl.mapping)."""
        self.url, self.alias, self.timeout_ms, self.phrases = url, alias, timeout_ms, phrases
        self.es = Elasticsearch(url, request_timeout=max(10, timeout_ms / 1000 * 2), retry_on_timeout=True, max_retries=2,
                                serializers=_SERIALIZERS)
        self._actions: list[dict[str, Any]] = []
        self._deletes: set[str] = set()
        self.building = build
        self._sender: ThreadPoolExecutor | None = None  # a build's bulk batch goes out behind the next one's reading
        self._sending: Future[None] | None = None
        self.merge_task: str | None = None  # the background merge publish() started (a task id)
        self.facet_exact_max = FACET_EXACT_MAX  # a larger result's facets are estimated (search.sampling)
        if build:
            self.write_index = self._create_index()
        elif writable:
            self.write_index = self._ensure_index()
        else:  # a reader: nothing to create (the indexer does), but a clear error early
            self._check_version(self._behind_alias())
            self.write_index = alias

    def _call(self, fn, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (TransportError, ApiError) as exc:
            raise _unavailable(self.url, exc) from exc

    def _behind_alias(self) -> list[str]:
        if not self._call(self.es.indices.exists_alias, name=self.alias):
            return []
        return sorted(self._call(self.es.indices.get_alias, name=self.alias))

    def _create_index(self) -> str:
        name = f"{self.alias}-v{MAPPING_VERSION}-{time.time_ns()}"
        settings: dict[str, Any] = {"number_of_shards": 1, "number_of_replicas": 0}
        if self.building:  # nobody searches it before publish()
            settings.update(BUILD_SETTINGS)
        self._call(self.es.indices.create, index=name, mappings=mapping(self.phrases), settings=settings)
        return name

    def _ensure_index(self) -> str:
        """The alias, creating the first index behind it; refuses an index of an older mapping."""
        current = self._behind_alias()
        if not current:
            self._call(self.es.indices.put_alias, index=self._create_index(), name=self.alias)
        self._check_version(current)
        return self.alias

    def _check_version(self, current: list[str]) -> None:
        if current and not all(f"-v{MAPPING_VERSION}-" in name for name in current):
            raise ConfigError(
                f"the Elasticsearch index {current[0]} was built by another version of Expediente "
                f"(this one writes mapping v{MAPPING_VERSION}): run `expediente reindex --to elasticsearch` to rebuild it")

    def publish(self) -> None:
        """Put the built index behind the alias in one atomic step and drop the old ones, then
        merge the new one to one segment in the background."""
        old = self._behind_alias()
        if self.building:  # searchable from now on: the usual settings, and everything in it
            with self._bulk_errors():
                self._wait_sent()
            self._call(self.es.indices.put_settings, index=self.write_index, settings=self._live_settings(old))
            self._call(self.es.indices.refresh, index=self.write_index)
        actions = [{"add": {"index": self.write_index, "alias": self.alias}}]
        actions += [{"remove": {"index": name, "alias": self.alias}} for name in old]
        self._call(self.es.indices.update_aliases, actions=actions)
        for name in old:
            self._call(self.es.indices.delete, index=name)
        if self.building:
            self._merge()

    def _live_settings(self, old: list[str]) -> dict[str, Any]:
        """The defaults for what BUILD_SETTINGS changed; the replicas of the index being replaced."""
        replicas = 0
        if old:
            got = self._call(self.es.indices.get_settings, index=old[0], name="index.number_of_replicas")
            replicas = int(got[old[0]]["settings"]["index"]["number_of_replicas"])
        return {**{key: None for key in BUILD_SETTINGS}, "number_of_replicas": replicas}

    def _merge(self) -> None:
        """Start merging the published index to one segment, without waiting. A bulk build leaves
        many segments: every fuzzy or prefix query expands its terms in each, every facet maps each
        one's terms to global ones. At 100,000 pages one segment takes rare-token p99 from 433 to
        46 ms (benchmarks/search_compare.py), but merging took a minute that reindex spent waiting:
        now searches use the new index at once and the merged segment when the merge is done."""
        task = self._call(self.es.indices.forcemerge, index=self.write_index, max_num_segments=1,
                          wait_for_completion=False)
        self.merge_task = task.get("task")

    def wait_merged(self, timeout_s: float = 3600) -> bool:
        """Wait for the merge publish() started (tests, benchmarks); True once it is done."""
        if self.merge_task is None:
            return True
        client = self.es.options(request_timeout=timeout_s + 10)
        done = self._call(client.tasks.get, task_id=self.merge_task, wait_for_completion=True, timeout=f"{timeout_s:.0f}s")
        return bool(done.get("completed"))

    def add(self, records: list[PageRecord]) -> None:
        for r in records:
            self._actions.append({"_op_type": "index", "_index": self.write_index, "_id": r.key, "_source": {
                "doc_id": r.document_id, "page": r.page, "filename": r.filename, "title": r.title,
                "media_type": r.media_type, "kind": r.kind, "text": r.text, "vendors": " | ".join(r.vendors),
                "persons": " | ".join(r.persons),
                "vendor_keys": r.vendor_keys, "bids": r.bids, "contracts": r.contracts, "rfcs": r.rfcs,
                "amounts": r.amounts, "dates": r.dates, "years": r.years, "doc_date": r.doc_date,
                "sample": sample_slot(r.document_id, r.page),
            }})

    def delete_document(self, document_id: str) -> None:
        self._deletes.add(document_id)

    def commit(self) -> None:
        """Deletes, then the bulk requests, then a refresh; on failure nothing is marked done.
        A build's batch goes out while reindex reads the next one from the catalog (one batch
        in flight); publish() waits for the last, so a failure stops reindex before the switch."""
        with self._bulk_errors():
            if self._deletes:
                self._delete_pages(sorted(self._deletes))
            if self.building:  # a reindex's index is refreshed once, when published
                self._send_behind(self._actions)
            else:
                if self._actions:
                    self._bulk(self._actions)
                self.es.indices.refresh(index=self.write_index)
        self._actions, self._deletes = [], set()

    @contextmanager
    def _bulk_errors(self) -> Iterator[None]:
        try:
            yield
        except helpers.BulkIndexError as exc:
            first = exc.errors[0] if exc.errors else {}
            raise EngineUnavailable(f"Elasticsearch rejected {len(exc.errors)} pages (first: {first}); "
                                    "nothing was marked done: fix the cause and ingest again") from exc
        except (TransportError, ApiError) as exc:
            raise _unavailable(self.url, exc) from exc

    def _send_behind(self, actions: list[dict[str, Any]]) -> None:
        """Wait for the batch before (raising its error), then send this one in the background."""
        self._wait_sent()
        if actions:
            self._sender = self._sender or ThreadPoolExecutor(1, thread_name_prefix="es-bulk")
            self._sending = self._sender.submit(self._bulk, actions)

    def _wait_sent(self) -> None:
        sending, self._sending = self._sending, None
        if sending is not None:
            sending.result()

    def _bulk(self, actions: list[dict[str, Any]]) -> None:
        """Bulk requests from BULK_THREADS threads at once, each retrying a chunk the node
        rejected as busy (429); any other failed page raises BulkIndexError."""
        size = max(BULK_PAGES, -(-len(actions) // BULK_THREADS))
        parts = [actions[i:i + size] for i in range(0, len(actions), size)]

        def send(part: list[dict[str, Any]]) -> None:
            for _ in helpers.streaming_bulk(self.es, part, chunk_size=BULK_PAGES, max_chunk_bytes=BULK_MAX_BYTES,
                                            max_retries=2):
                pass

        if len(parts) == 1:
            return send(parts[0])
        with ThreadPoolExecutor(len(parts)) as pool:
            list(pool.map(send, parts))  # re-raises the first error

    def _delete_pages(self, doc_ids: list[str]) -> None:
        """Delete by id, not delete_by_query: that API lives in a module the minimal
        distribution does not ship."""
        ids = []
        for hit in helpers.scan(self.es, index=self.write_index, query={"query": {"terms": {"doc_id": doc_ids}}}, _source=False):
            ids.append(hit["_id"])
        if ids:
            helpers.bulk(self.es, ({"_op_type": "delete", "_index": self.write_index, "_id": i} for i in ids), refresh=True)

    def search(self, query: Node, limit: int, offset: int = 0, facets: bool = False) -> EngineResult:
        """The hits and exact total; with `facets`, counted as the embedded engine counts them
        (search.sampling): exactly for a result of facet_exact_max pages or fewer, else on the
        result's sample slots. The ranking goes out at once, in a thread of its own; meanwhile,
        when its leaves' counts tell which (search.es_bounds), the facets are counted beside it;
        else after it, as they depend on the total (over a million matching pages exactly:
        300-420 ms on one node, on the sample 20-30 ms)."""
        check_window(limit, offset)
        compiled = self.compile(query)
        main = {"query": compiled, "from": offset, "size": limit, "track_total_hits": True,
                "_source": ["doc_id", "page"], "timeout": f"{self.timeout_ms}ms"}
        if not facets:
            resp, early, counted = self._search(main), None, None
        else:
            ranking = _SEARCHES.submit(self._search, main)
            early = self._early_slots(query)
            counted = self._search(self._facets_body(compiled, early)) if early is not None else None
            resp = ranking.result()
        if resp is None:  # nothing ingested yet: the indexer creates the index
            return EngineResult(0, [], {})
        total = resp["hits"]["total"]["value"]
        hits = [EngineHit(h["_source"]["doc_id"], h["_source"]["page"], float(h["_score"] or 0)) for h in resp["hits"]["hits"]]
        if not facets:
            return EngineResult(total, hits, {})
        found, estimated = self._settle(compiled, total, early, counted)
        return EngineResult(total, hits, found, estimated)

    def _early_slots(self, query: Node) -> int | None:
        """The sample slots to count the facets on beside the ranking, when the counts of the
        query's leaves tell (as search.tantivy_bounds does for the embedded engine); else None."""
        known = self.leaf_counts(query)
        if known is None:
            return None
        counts, n = known
        bound = upper_bound(query, counts, n)
        if bound is None or (bound > self.facet_exact_max >= lower_bound(query, counts, n) and not near_bound(query)):
            return None
        return slots_for(bound, self.facet_exact_max)

    def leaf_counts(self, query: Node) -> tuple[dict[Node, int], int] | None:
        """The pages each of the query's leaves matches, and the pages of the index, in one
        multi-search; None when a leaf is not counted cheaply (search.es_bounds) or there is no index."""
        leaves = countable_leaves(query)
        if not leaves:
            return None
        got = self._msearch([{"query": {"match_all": {}}, "size": 0, "track_total_hits": True}]
                            + [{"query": self.compile(leaf), "size": 0, "track_total_hits": True} for leaf in leaves])
        answers = [r["hits"]["total"]["value"] for r in got if r is not None]
        if len(answers) != len(got):
            return None
        return dict(zip(leaves, answers[1:])), answers[0]

    def _settle(self, compiled: dict[str, Any], total: int, early: int | None,
                counted: dict[str, Any] | None) -> tuple[dict[str, list[tuple[str, int]]], bool]:
        """The facets of a `total`-page result: those counted early when they fit it (exact for a
        result of facet_exact_max pages or fewer, else a sample of at least a quarter of that),
        else counted now."""
        wanted = slots_for(total, self.facet_exact_max)
        if early is not None and counted is not None:
            sampled = counted.get("hits", {}).get("total", {}).get("value", 0)
            if early == wanted == SLOTS:
                return _buckets(counted), False
            if wanted < SLOTS and early < SLOTS and sampled * 4 >= self.facet_exact_max:
                return scaled(_buckets(counted), total, sampled), True
        counted = self._search(self._facets_body(compiled, wanted)) or {}
        if wanted == SLOTS:
            return _buckets(counted), False
        sampled = counted.get("hits", {}).get("total", {}).get("value", 0)
        return scaled(_buckets(counted), total, sampled), True

    def _facets_body(self, compiled: dict[str, Any], slots: int = SLOTS) -> dict[str, Any]:
        """A request that counts the facets alone: of every matching page, or of those in the
        sample slots below `slots`. Elasticsearch's request cache keeps its answer until the
        next refresh, so paging through a result counts its facets once."""
        if slots < SLOTS:
            compiled = {"bool": {"must": [compiled], "filter": [{"range": {"sample": {"lt": slots}}}]}}
        return {"query": compiled, "size": 0, "track_total_hits": True, "timeout": f"{self.timeout_ms}ms",
                "aggs": {name: {"terms": {"field": f, "size": 12}} for name, f in FACET_FIELDS.items()}}

    def _search(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """One search of the alias; None when the index does not exist yet. A query the node
        refuses is the user's error (400), anything else the node's."""
        try:
            return dict(self.es.search(index=self.alias, **body))
        except ApiError as exc:
            self._unless_missing(exc.meta.status, str(exc.message), exc)
            return None
        except TransportError as exc:
            raise _unavailable(self.url, exc) from exc

    def _msearch(self, bodies: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
        """Several searches of the alias in one request, which the node runs at the same time;
        each answer as `_search` gives it."""
        lines: list[dict[str, Any]] = []
        for body in bodies:
            lines += [{}, body]
        try:
            answers = self.es.msearch(index=self.alias, searches=lines)["responses"]
        except ApiError as exc:
            self._unless_missing(exc.meta.status, str(exc.message), exc)
            return [None] * len(bodies)
        except TransportError as exc:
            raise _unavailable(self.url, exc) from exc
        out: list[dict[str, Any] | None] = []
        for answer in answers:
            if "error" in answer:
                self._unless_missing(int(answer.get("status", 500)), str(answer["error"]), None)
            out.append(None if "error" in answer else dict(answer))
        return out

    def _unless_missing(self, status: int, message: str, exc: Exception | None) -> None:
        """Raise for an answer other than a missing index (404, before the first ingest): a query
        the node refuses (400) is the user's error, anything else the node's."""
        if status == 404:
            return None
        if status == 400:
            raise QuerySyntaxError(f"Elasticsearch could not run this query: {message}", "query_engine_refused",
                                   detail=message[:200]) from exc
        raise _unavailable(self.url, exc or RuntimeError(message)) from exc

    def page_count(self) -> int:
        try:
            return int(self.es.count(index=self.alias)["count"])
        except ApiError as exc:
            if exc.meta.status == 404:
                return 0
            raise _unavailable(self.url, exc) from exc
        except TransportError as exc:
            raise _unavailable(self.url, exc) from exc

    def page_keys(self) -> list[tuple[str, int]]:
        """Every (document, page) in the index, duplicates included (the consistency check)."""
        if not self._call(self.es.indices.exists_alias, name=self.alias):
            return []
        hits = self._call(lambda: list(helpers.scan(self.es, index=self.alias, query={"query": {"match_all": {}}},
                                                     _source=["doc_id", "page"])))
        return [(h["_source"]["doc_id"], h["_source"]["page"]) for h in hits]

    def close(self) -> None:
        self._actions, self._deletes = [], set()
        if self._sender is not None:  # a build that failed elsewhere: let its last batch finish
            self._sender.shutdown(wait=True)
        self.es.close()

    def drop(self) -> None:
        """Delete the index and its alias (tests and `reindex` from scratch)."""
        self.es.indices.delete(index=f"{self.alias}-v*", ignore_unavailable=True, allow_no_indices=True)

    def compile(self, node: Node) -> dict[str, Any]:
        """The query DSL for a parsed query (search.es_dsl)."""
        return compile_query(node)


def _buckets(resp: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    """A response's facet counts: (value, pages) per facet."""
    return {name: [(str(b.get("key_as_string", b["key"])), b["doc_count"]) for b in agg["buckets"]]
            for name, agg in resp.get("aggregations", {}).items()}
