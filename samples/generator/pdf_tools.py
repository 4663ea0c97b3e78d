"""PDF plumbing: merging born-digital and scanned pages, pinning PDFium's output, an empty PDF."""
from __future__ import annotations

import hashlib
import io
import re


def merge_pdfs(parts: list[tuple[bytes, int]]) -> bytes:
    """parts: (pdf bytes, page index) in output order; merged with pypdfium2."""
    import pypdfium2 as pdfium
    out = pdfium.PdfDocument.new()
    srcs = {}
    for data, idx in parts:
        if id(data) not in srcs:
            srcs[id(data)] = pdfium.PdfDocument(data)
        out.import_pages(srcs[id(data)], [idx])
    buf = io.BytesIO()
    out.save(buf)
    out.close()
    for s in srcs.values():
        s.close()
    return pin_pdfium_output(buf.getvalue())


def pin_pdfium_output(data: bytes) -> bytes:
    """PDFium stamps the save time and a random /ID: replace both, keeping every byte offset."""
    def fixed_date(m):
        tz = m.group(1)
        return b"/CreationDate(D:20000101000000" + b"+00'00'"[:len(tz)].ljust(len(tz), b" ") + b")"
    data = re.sub(rb"/CreationDate\(D:\d{14}([^)]*)\)", fixed_date, data)
    digest = hashlib.md5(re.sub(rb"/ID\s*\[<[0-9A-Fa-f]+><[0-9A-Fa-f]+>\]", b"", data)).hexdigest().upper().encode()

    def new_id(m):
        a, b_ = m.group(1), m.group(2)
        return b"/ID[<" + digest[:len(a)].ljust(len(a), b"0") + b"><" + digest[:len(b_)].ljust(len(b_), b"0") + b">]"
    return re.sub(rb"/ID\[<([0-9A-Fa-f]+)><([0-9A-Fa-f]+)>\]", new_id, data)


def zero_page_pdf() -> bytes:
    """A syntactically valid PDF whose page tree is empty (/Count 0), with a correct xref table."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>",
            b"<< /Producer (Expediente samples/generate.py) >>"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
