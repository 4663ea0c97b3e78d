"""An upload read as it streams in: each file part is written once, straight into the originals
folder (hashed on the way, refused past the size limit), never spooled to a temporary file first
and copied after, as a parsed form would be. The form's other fields (the CSRF token) are kept,
small, for the route to check before any file is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from python_multipart.multipart import MultipartParser, parse_options_header

from starlette.exceptions import HTTPException

from archive.originals import Incoming
from expediente.errors import ExpedienteError, UsageError
from expediente.settings import Settings

MAX_FIELD = 4096  # bytes of a form field that is not a file (the CSRF token is 43)
FILES_FIELD = "files"


@dataclass
class Part:
    """One file of the upload: its name as sent, and where it is (or why it was refused)."""

    filename: str | None
    incoming: Incoming | None = None
    error: ExpedienteError | None = None


@dataclass
class Upload:
    files: list[Part] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)

    def discard(self) -> None:
        for part in self.files:
            if part.incoming is not None:
                part.incoming.discard()


class _Receiver:
    """The parser's callbacks: headers of each part, then its bytes to a file or a small field."""

    def __init__(self, settings: Settings) -> None:
        self.settings, self.upload = settings, Upload()
        self.header, self.headers = b"", {}  # type: ignore[var-annotated]
        self.value = b""
        self.part: Part | None = None
        self.name: str | None = None
        self.data = bytearray()
        self.ended = False  # the closing boundary arrived: the body is whole

    def on_part_begin(self) -> None:
        self.headers, self.part, self.name, self.data = {}, None, None, bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[self.header.lower()] = self.value
        self.header, self.value = b"", b""

    def on_headers_finished(self) -> None:
        _kind, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        self.name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        if filename is not None and self.name == FILES_FIELD:
            self.part = Part(filename.decode("utf-8", "replace"))
            self.upload.files.append(self.part)
            try:
                self.part.incoming = Incoming(self.settings)
            except OSError as exc:
                self.part.error = UsageError(f"the file could not be stored: {exc.strerror}", "upload_store_failed")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self.part
        if part is None:
            if len(self.data) + end - start > MAX_FIELD:
                raise UsageError(f"a form field is larger than {MAX_FIELD} bytes", "upload_field_too_large", n=MAX_FIELD)
            self.data += data[start:end]
        elif part.incoming is not None:
            try:
                part.incoming.write(data[start:end])
            except ExpedienteError as exc:  # too large: this file is refused, the others go on
                part.incoming, part.error = None, exc

    def on_end(self) -> None:
        self.ended = True

    def on_part_end(self) -> None:
        if self.part is None and self.name:
            self.upload.fields[self.name] = self.data.decode("utf-8", "replace")


async def receive_upload(request: Request, settings: Settings) -> Upload:
    """The files and fields of a multipart/form-data request, each file in the originals folder
    (not yet kept: the caller keeps or discards them). 400 when the body is no such form."""
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UsageError("send the files as multipart/form-data, in the field 'files'", "upload_not_multipart")
    receiver = _Receiver(settings)
    callbacks = {name: getattr(receiver, name) for name in ("on_part_begin", "on_header_field", "on_header_value",
                                                             "on_header_end", "on_headers_finished", "on_part_data",
                                                             "on_part_end", "on_end")}
    parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
        if not receiver.ended:
            raise ValueError("the body ends before its closing boundary")
    except (ExpedienteError, HTTPException):  # HTTPException: the body outgrew EXPEDIENTE_MAX_UPLOAD_MB (413)
        receiver.upload.discard()
        raise
    except Exception as exc:  # a malformed body: what was received is dropped
        receiver.upload.discard()
        raise UsageError(f"the upload could not be read: {exc}", "upload_malformed") from exc
    return receiver.upload
