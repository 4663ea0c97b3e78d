"""The UI speaks Spanish (default) and English; ?lang=en or the cookie switches."""

from __future__ import annotations

from fastapi import Request

LANGS = ("es", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "search": {"es": "Buscar", "en": "Search"},
    "doubtful": {"es": "OCR dudoso: compruebe en la imagen", "en": "OCR unsure: check against the image"},
    "doubtful_words": {"es": "{n} palabras que el OCR leyó con poca confianza (recuadro punteado rojo)",
                       "en": "{n} words OCR read with low confidence (dotted red box)"},
    "export_csv": {"es": "Descargar CSV", "en": "Download CSV"},
    "search_within": {"es": "Buscar en este documento", "en": "Search this document"},
    "search_placeholder": {"es": "Palabras, \"frases\", EA-IT20-2020, monto:1023123, proveedor:magavel", "en": "Words, \"phrases\", EA-IT20-2020, amount:1023123, vendor:magavel"},
    "results": {"es": "{n} páginas coinciden", "en": "{n} pages match"},
    "no_results": {"es": "Ninguna página coincide con la búsqueda.", "en": "No page matches the search."},
    "page": {"es": "página", "en": "page"},
    "page_of": {"es": "página {n} de {m}", "en": "page {n} of {m}"},
    "documents": {"es": "Documentos", "en": "Documents"},
    "upload": {"es": "Subir", "en": "Upload"},
    "upload_title": {"es": "Subir documentos", "en": "Upload documents"},
    "upload_help": {"es": "PDF (digitales o escaneados), PNG, JPEG, TIFF o XML de CFDI. Puede elegir varios archivos.", "en": "PDF (born-digital or scanned), PNG, JPEG, TIFF or CFDI XML. You can choose several files."},
    "upload_button": {"es": "Subir e indexar", "en": "Upload and index"},
    "ingested": {"es": "indexado", "en": "ingested"},
    "present": {"es": "ya estaba en el archivo", "en": "already in the archive"},
    "failed": {"es": "falló", "en": "failed"},
    "failures": {"es": "Archivos con errores", "en": "Files that failed"},
    "download": {"es": "Descargar original", "en": "Download original"},
    "citation": {"es": "Cita", "en": "Citation"},
    "prev": {"es": "← anterior", "en": "← previous"},
    "next": {"es": "siguiente →", "en": "next →"},
    "text_layer": {"es": "capa de texto", "en": "text layer"},
    "ocr": {"es": "OCR", "en": "OCR"},
    "confidence": {"es": "confianza", "en": "confidence"},
    "pages": {"es": "Páginas", "en": "Pages"},
    "title": {"es": "Título", "en": "Title"},
    "filename": {"es": "Archivo", "en": "File"},
    "size": {"es": "Tamaño", "en": "Size"},
    "added": {"es": "Añadido", "en": "Added"},
    "type": {"es": "Tipo", "en": "Type"},
    "entities": {"es": "Entidades", "en": "Entities"},
    "text": {"es": "Texto de la página", "en": "Page text"},
    "empty_archive": {"es": "El archivo está vacío: suba documentos.", "en": "The archive is empty: upload documents."},
    "error": {"es": "Error", "en": "Error"},
    "facets": {"es": "Filtrar", "en": "Filter"},
    "facet_vendors": {"es": "Proveedores", "en": "Vendors"},
    "facet_bids": {"es": "Licitaciones", "en": "Bids"},
    "facet_years": {"es": "Años", "en": "Years"},
    "facet_kind": {"es": "Tipo de documento", "en": "Document type"},
    "vendor": {"es": "Proveedor", "en": "Vendor"},
    "amounts": {"es": "Montos", "en": "Amounts"},
    "rfcs": {"es": "RFC", "en": "Tax IDs (RFC)"},
    "bids": {"es": "Licitaciones", "en": "Bids"},
    "mentions": {"es": "Menciones", "en": "Mentions"},
    "more": {"es": "Más resultados →", "en": "More results →"},
    "kind_amount": {"es": "monto", "en": "amount"},
    "kind_bid": {"es": "licitación", "en": "bid"},
    "kind_contract": {"es": "contrato", "en": "contract"},
    "kind_vendor": {"es": "proveedor", "en": "vendor"},
    "kind_rfc": {"es": "RFC", "en": "RFC"},
    "kind_date": {"es": "fecha", "en": "date"},
    "kind_person": {"es": "persona", "en": "person"},
    "kind_reference": {"es": "referencia", "en": "reference"},
    "api_docs": {"es": "API", "en": "API"},
    "tagline": {"es": "Cada resultado cita su documento y su página.", "en": "Every hit cites its document and page."},
}


def pick_lang(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get("lang")
    if asked in LANGS:
        return asked  # type: ignore[return-value]
    accept = request.headers.get("accept-language", "")
    return "en" if accept.lower().startswith("en") else "es"


def translator(lang: str):
    def t(key: str, **kw: object) -> str:
        text = MESSAGES.get(key, {}).get(lang) or MESSAGES.get(key, {}).get("es") or key
        return text.format(**kw) if kw else text

    return t
