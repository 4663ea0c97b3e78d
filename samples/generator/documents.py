"""The fifteen documents of the corpus, in the order of the answer key."""
from __future__ import annotations

from .documents_audit import doc_auditoria
from .documents_bid import doc_convocatoria, doc_fallo, doc_junta
from .documents_cfdi import doc_factura_magavel, doc_factura_ydosk
from .documents_halcon import doc_contrato_halcon
from .documents_juarez import doc_contrato_juarez, doc_contrato_juarez_scan
from .documents_magavel import doc_acta_entrega, doc_expediente
from .documents_nayarit import doc_contrarrecibo_photo, doc_oficio_fiscalia_scan
from .documents_oficios import doc_oficio_ase, doc_oficio_tesoreria_tiff
from .model import Doc


def all_docs() -> list[Doc]:
    ydosk = doc_factura_ydosk()  # its folio fiscal is quoted by the Fiscalía's oficio
    return [doc_convocatoria(), doc_junta(), doc_fallo(), doc_expediente(), doc_factura_magavel(),
            doc_acta_entrega(), doc_contrato_halcon(), doc_auditoria(), doc_contrato_juarez(),
            doc_contrato_juarez_scan(), doc_oficio_tesoreria_tiff(), doc_oficio_ase(), ydosk,
            doc_oficio_fiscalia_scan(ydosk.uuid), doc_contrarrecibo_photo()]
