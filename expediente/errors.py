"""Every error Expediente raises on purpose, each with its exit code and HTTP status.

Library code raises these; the CLI maps them to exit codes in one place and the web
app renders them in one handler. Messages say what to do next.
"""

from __future__ import annotations

import sqlite3


class ExpedienteError(Exception):
    """Base class: a problem we expected and can explain to the user."""

    exit_code = 1
    http_status = 500
    code = "error"

    def __init__(self, message: str, key: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.message = message
        # `key` names the message in the web's catalogue (web.i18n) that says the same in the
        # user's language, filled with `params`; it is also the stable, machine-readable `code`
        # of the API's answer. Without it the code is the class's `code` and `message` is shown.
        self.key = key
        self.params = params

    @property
    def detail_code(self) -> str:
        """The most specific stable code of this error (its key, else its class's code)."""
        return self.key or self.code


class UsageError(ExpedienteError):
    exit_code = 2
    http_status = 400
    code = "usage"


class QuerySyntaxError(UsageError):
    code = "query_syntax"


class NotFound(ExpedienteError):
    exit_code = 1
    http_status = 404
    code = "not_found"


class ConfigError(UsageError):
    code = "config"


class Unauthorized(ExpedienteError):
    """No user, or a token or session that is not (or no longer) valid, where one is needed."""

    exit_code = 2
    http_status = 401
    code = "unauthorized"


class Forbidden(ExpedienteError):
    """A known user whose role does not allow this."""

    exit_code = 2
    http_status = 403
    code = "forbidden"


class CSRFRefused(Forbidden):
    """An unsafe request that did not come from one of this server's own forms."""

    code = "csrf"


class TooManyAttempts(ExpedienteError):
    """Too many failed logins from one place, or for one account from one place: wait."""

    exit_code = 2
    http_status = 429
    code = "too_many_attempts"

    def __init__(self, message: str, retry_after_s: int, key: str | None = None, **params: object) -> None:
        super().__init__(message, key, **params)
        self.retry_after_s = retry_after_s


class ServerUnavailable(ExpedienteError):
    """The Expediente server named with --server cannot be reached."""

    exit_code = 4
    http_status = 503
    code = "server_unavailable"


class ToolMissing(ExpedienteError):
    """An external program (Tesseract, a language pack) is not installed."""

    exit_code = 3
    http_status = 503
    code = "tool_missing"


class EngineUnavailable(ExpedienteError):
    """The search engine cannot be reached or refused a request; nothing was lost."""

    exit_code = 4
    http_status = 503
    code = "engine_unavailable"


class IndexBusy(ExpedienteError):
    exit_code = 4
    http_status = 503
    code = "index_busy"


class CatalogBusy(ExpedienteError):
    """Another process held the catalog's write lock past the wait (an index being built after a
    bulk load, a migration of a large catalog); nothing was written, nothing lost."""

    exit_code = 4
    http_status = 503
    code = "catalog_busy"


def busy_catalog(exc: BaseException) -> CatalogBusy | None:
    """The CatalogBusy a SQLite error stands for (the database locked or busy), else None."""
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return CatalogBusy("the archive is busy with a long write (an index being built after a large "
                           "ingest); try again in a minute", "catalog_busy")
    return None


class IngestError(ExpedienteError):
    """One file could not be ingested; the batch goes on and records this."""

    exit_code = 1
    http_status = 422
    code = "ingest_failed"


class EmptyFile(IngestError):
    code = "empty_file"


class UnsupportedType(IngestError):
    code = "unsupported_type"


class HtmlPage(UnsupportedType):
    """A portal's error or login page saved with the document's name."""

    code = "html_page"


class EncryptedPDF(IngestError):
    code = "encrypted_pdf"


class CorruptFile(IngestError):
    code = "corrupt_file"


class NoPages(IngestError):
    code = "no_pages"


class FileTooLarge(IngestError):
    code = "file_too_large"


class OCRFailed(IngestError):
    code = "ocr_failed"
