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
    "activity": {"es": "Actividad", "en": "Activity"},
    "state": {"es": "Estado", "en": "State"},
    "method": {"es": "Lectura", "en": "Read by"},
    "result": {"es": "Resultado", "en": "Result"},
    "job_queued": {"es": "en cola", "en": "queued"},
    "job_running": {"es": "leyendo", "en": "reading"},
    "job_done": {"es": "listo", "en": "done"},
    "job_failed": {"es": "con error", "en": "failed"},
    "all_jobs": {"es": "Todos los archivos", "en": "All files"},
    "no_jobs": {"es": "No hay archivos en la cola.", "en": "No files in the queue."},
    "expanded": {"es": "ZIP abierto: {n} archivos", "en": "ZIP unpacked: {n} files"},
    "retry": {"es": "Reintentar", "en": "Retry"},
    "remove": {"es": "Quitar", "en": "Remove"},
    "deleted": {"es": "eliminado", "en": "deleted"},
    "reindexed": {"es": "reindexado", "en": "reindexed"},
    "kind_job_delete": {"es": "eliminar", "en": "delete"},
    "kind_job_reindex": {"es": "corrección", "en": "correction"},
    "delete_document": {"es": "Eliminar documento", "en": "Delete document"},
    "delete_confirm": {"es": "Se eliminará del índice, del catálogo y el original.", "en": "It will be removed from the index, the catalog and the originals."},
    "edit_document": {"es": "Corregir datos", "en": "Correct details"},
    "doc_date": {"es": "Fecha del documento", "en": "Document date"},
    "save": {"es": "Guardar", "en": "Save"},
    "err_encrypted_pdf": {"es": "El PDF está protegido con contraseña: quítela y vuelva a subirlo.", "en": "The PDF is password-protected: remove the password and upload it again."},
    "err_corrupt_file": {"es": "El archivo está dañado y no se puede leer: descárguelo de nuevo.", "en": "The file is damaged and cannot be read: download it again."},
    "err_empty_file": {"es": "El archivo está vacío (0 bytes).", "en": "The file is empty (0 bytes)."},
    "err_unsupported_type": {"es": "No es un documento admitido (PDF, PNG, JPEG, TIFF, XML de CFDI o ZIP).", "en": "Not a supported document (PDF, PNG, JPEG, TIFF, CFDI XML or ZIP)."},
    "err_html_page": {"es": "Es una página web (HTML) guardada con otra extensión, no el documento: probablemente un error o inicio de sesión del portal.", "en": "It is a web page (HTML) saved under another name, not the document: probably the portal's error or login page."},
    "err_no_pages": {"es": "El documento no tiene páginas.", "en": "The document has no pages."},
    "err_file_too_large": {"es": "El archivo supera el tamaño máximo permitido.", "en": "The file is larger than the size limit."},
    "err_ocr_failed": {"es": "El OCR no pudo leer una página.", "en": "OCR could not read a page."},
    "err_zip_refused": {"es": "El ZIP no se abrió: excede los límites (número de archivos, tamaño o anidamiento).", "en": "The ZIP was not opened: it exceeds the limits (file count, size or nesting)."},
    "err_page_too_large": {"es": "Una página es demasiado grande para leerla.", "en": "A page is too large to read."},
    "err_internal": {"es": "Error interno al leer el archivo.", "en": "Internal error while reading the file."},
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
