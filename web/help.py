"""The query language's help page: one example per row, explained in both languages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

ROWS: list[tuple[str, str, str]] = [
    ("contrato reconocimiento", "las dos palabras; acentos y mayúsculas no importan; singular y plural también (contrato encuentra contratos)",
     "both words; accents and case do not matter, nor singular and plural (contrato finds contratos)"),
    ('"reconocimiento facial"', "la frase exacta; una palabra entre comillas queda exacta (\"factura\" no encuentra facturas)",
     "the exact phrase; a quoted word stays exact (\"factura\" does not find facturas)"),
    ("magavel OR ydosk", "una u otra palabra", "either word"),
    ("-juárez, NOT juárez", "sin esa palabra", "without that word"),
    ("videovig*", "palabras que empiezan así (2 letras al menos)", "words starting so (2 letters at least)"),
    ('"comisión estatal de seg*"', "la frase cuya última palabra empieza así", "the phrase whose last word starts so"),
    ("(magavel OR ydosk) morelos", "agrupar", "grouping"),
    ("EA-IT20-2020, ea it20 2020", "el código como se imprime, con cualquier separador", "the code as printed, with any separator"),
    ("1,023,123 · $1,023,123.00 · 1023123", "ese monto en cualquier formato, también en letra", "that amount in any format, also in words"),
    ("15/03/2021 · 2021-03-15 · 15 de marzo de 2021 · marzo 2021",
     "las páginas que imprimen esa fecha (o ese mes) en cualquier forma", "pages printing that date (or month) in any form"),
    ("monto:>=1000000, amount:1000000..2000000", "montos en pesos", "amounts (MXN)"),
    ('fecha:15/03/2021, fecha:"marzo 2021", date:2020-01-01..2020-12-31', "fechas, meses, años y rangos",
     "dates, months, years and ranges"),
    ("fechadoc:2021-03, docdate:2021-01-01..2021-06-30, emitido:15/03/2021",
     "la fecha del propio documento (la que fijó un editor, si no la que leyó la ingesta o la primera que imprime), "
     "como fecha: la toma; los campos «Fecha del documento» la usan",
     "the document's own date (an editor's, else the one ingest read, else the first it prints), in any form date: "
     "takes; the \"Document date\" inputs use it"),
    ("licitacion:EA-IT20-2020, contrato:DCA/TM/222/2020", "números de licitación o contrato", "bid or contract numbers"),
    ('proveedor:magavel, persona:"salgado rios", rfc:SIM1508193C1', "proveedores, personas y RFC", "vendors, people and RFCs"),
    ('proveedor:"SIM1508193C1", proveedor:"servicios integrales magavel"',
     "exactamente ese proveedor (su clave en /vendors: RFC o nombre)", "exactly that vendor (its key in /vendors: RFC or name)"),
    ("year:2020, tipo:contrato", "año y tipo de documento", "year and document type"),
]
INTRO = {
    "es": "Sin resultados, Expediente sugiere la palabra que el archivo sí imprime («¿Quiso decir Núñez?») y, para un "
          "monto, los montos impresos más cercanos. Los resultados se ordenan por relevancia, fecha del documento o "
          "monto y se agrupan por documento con las opciones sobre la lista.",
    "en": "With no results, Expediente suggests the word the archive does print (“Did you mean Núñez?”) and, for an "
          "amount, the nearest printed amounts. Results sort by relevance, document date or amount and group by "
          "document with the options above the list.",
}


@router.get("/help", response_class=HTMLResponse)
def help_page(request: Request):
    from .routes_html import _render
    from .i18n import pick_lang

    lang = pick_lang(request)
    rows = [{"example": ex, "meaning": es if lang == "es" else en} for ex, es, en in ROWS]
    return _render(request, "help.html", {"rows": rows, "intro": INTRO[lang]})
