"""The archive: the catalog (SQLite), the stored originals, the ingest queue and the one
indexer that owns the index writer. `web/` and the CLI call this package; it calls
`ingest/` and `search/`; nothing calls back up.

Public surface: `open_archive` (readers), the `Accounts` (users, tokens, sessions, audit
log; `open_accounts` for the CLI), `ingest_files` (enqueue, then drive or follow),
`enqueue_stored` and the `JobQueue` (the web's writes), `Indexer`, `IndexerProcess` and
`run_indexer` (the one writer), `check_archive` (catalog against index), `reindex`.
"""

from .accounts import ROLES, Accounts, User, ensure_admin, open_accounts
from .archive import Archive, Hit, Results, open_archive
from .bulk import deferred as bulk_load_deferred
from .check import check_archive
from .indexer import Indexer
from .jobs import JobQueue, NewJob, new_batch
from .lease import holder
from .reindex import reindex
from .service import IndexerProcess, Report, ingest_files, run_indexer
from .readings import Readings, check_options
from .uploads import discard_reading, enqueue_delete, enqueue_edit, enqueue_keep, enqueue_reocr, enqueue_stored

__all__ = [
    "Accounts", "ROLES", "User", "ensure_admin", "open_accounts",
    "Archive", "Hit", "Indexer", "IndexerProcess", "JobQueue", "NewJob", "Report", "Results", "check_archive",
    "bulk_load_deferred",
    "enqueue_delete", "enqueue_edit", "enqueue_stored", "holder", "ingest_files", "new_batch", "open_archive",
    "reindex", "run_indexer", "Readings", "check_options", "discard_reading", "enqueue_keep", "enqueue_reocr",
]
