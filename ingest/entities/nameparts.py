"""Building blocks of person names: name-word and title regexes, stop words, title words."""
from __future__ import annotations

import re

from .givennames import GIVEN_NAMES, SURNAME_TOO
from .textutil import fold

_UP = "A-ZÁÉÍÓÚÑÜ"
_LOW = "a-záéíóúñü"
CONN = r"(?:de la|de los|del|de|y|la|van|von|DE LA|DE LOS|DEL|DE|Y|LA|VAN|VON)"
_ABBREVIATIONS = ("licda", "lcda", "lcdo", "lic", "ing", "mtra", "mtro", "dra", "dr", "arq", "profra", "profr",
                  "prof", "sra", "sr")
# Titles as "Lic." or "LIC."; the longest first so "C.P.C." is not read as "C.P." + "C.". One flat
# alternation of literals starting with capitals lets the regex engine skip ahead fast.
_ABBR = "|".join(sorted({f"{v}\\." for a in _ABBREVIATIONS for v in (a.capitalize(), a.upper())},
                        key=lambda v: (-len(v), v)))
TITLE = (rf"(?:{_ABBR}|C\.\s?P\.\s?C\.|L\.\s?C\.\s?P\.|C\.\s?P\.|C\.|Diputad[oa]|Senador(?:a)?|Regidor(?:a)?|"
         r"S[ií]ndic[oa])")
# A name word is never a connector nor a title ("OLIVAS ING. RODRIGO" is two names), which also keeps
# the name regex unambiguous (no runaway backtracking).
W = (rf"(?!(?:DEL?|LAS?|LOS|VAN|VON|Y)(?![\w.]))(?!{_ABBR}|C\.\s?P\.)"
     rf"(?:[{_UP}][{_UP}'’\-]+|[{_UP}][{_LOW}'’\-]+|[{_UP}]\.)")
NAME = rf"{W}(?:[ \t]+(?:{CONN}[ \t]+)*{W}){{1,11}}"
NAME_NL = rf"{W}(?:\s+(?:{CONN}\s+)*{W}){{1,11}}"  # may wrap over a line break

TITLES = frozenset({"c", "lic", "licda", "lcda", "lcdo", "ing", "mtro", "mtra", "dr", "dra", "arq", "cp", "cpc",
                    "lcp", "prof", "profr", "profra", "sr", "sra", "diputado", "diputada", "senador", "senadora",
                    "regidor", "regidora", "sindico", "sindica", "ciudadano", "ciudadana"})
CONNECTORS = frozenset({"de", "del", "la", "los", "y", "van", "von"})
STOP = frozenset(fold(w) for w in """director directora subdirector subdirectora presidente presidenta
    vicepresidente vicepresidenta secretario secretaría secretaria gobernador gobernadora representante
    apoderado apoderada legal jefe jefa coordinador coordinadora titular general municipal estado gobierno
    dirección rúbrica firma nombre administrador administradora único única tesorero tesorera contralor
    contralora intendente encargado encargada departamento área unidad comité ayuntamiento honorable
    civil industrial público pública notario licenciado licenciada ingeniero arquitecto doctor maestro
    ciudadano rfc curp domicilio calle colonia avenida proveedor contratista convocante dependencia entidad
    comprobante fiscal digital datos emisor receptor total subtotal iva comparece compareció suscribe
    atentamente ante mediante quien que por el los las en con para testigo testigos ley artículo
    instituto ciudadana consejo oficial periódico poder ejecutivo legislativo judicial derecho ciencias
    administración contaduría economía ingeniería arquitectura contador médico constitucional
    tecnologías tecnología información finanzas recursos materiales humanos servicios adquisiciones
    control órgano interno seguridad desarrollo obras planeación comisión coordinación subdirección
    jefatura oficina sistema programa fiscalía auditoría auditor auditora tesorería contraloría municipio
    congreso comunicaciones transportes salud educación licitante licitantes empresa presente presentes
    asunto atención no núm num""".split())
# Words that make the following capitalised words a place, not a person: "Calle Vicente Guerrero",
# "Escuela Primaria Miguel Hidalgo", "Av. Lic. Benito Juárez".
PLACES = frozenset(fold(w) for w in """calle avenida av avda col colonia boulevard blvd bulevar privada priv
    andador calzada carretera camino cerrada circuito prolongación prol retorno paseo esquina glorieta
    fraccionamiento fracc escuela colegio primaria secundaria preparatoria universidad hospital clínica plaza
    parque jardín sala salón auditorio palacio edificio municipio ciudad localidad poblado ejido mercado teatro
    museo biblioteca centro estadio torre hotel fundación premio monumento presa puerto""".split())


# Common nouns and adjectives of procurement and police papers that are never a name nor a
# surname ("Operación Policial Conjunta", "Equipo Técnico Especializado"), and the endings that
# mark such words: -ción/-sión, -miento, -idad, -mente, -ismo, -tivo/-sivo, -izado/-izada,
# -cial/-rial, and accented esdrújulas in -ico/-ica ("técnica", "pública", "jurídico").
COMMON_WORDS = frozenset(fold(w) for w in """policía policías conjunta conjunto conjuntas equipo equipos estatal
    federal nacional regional local avanzado avanzada especializado especializada facial cámara cámaras
    videovigilancia vigilancia patrulla patrullas vehículo vehículos unidades centro mando comando zona
    plataforma software hardware licencia licencias suministro obra obras proyecto proyectos partida fondo
    anexo contrato factura acta junta fallo bases propuesta oferta precio monto importe pago servicio
    operativo operativa operativos táctico táctica grupo grupos fuerza fuerzas agrupamiento sector región
    dirección subdirección coordinación inteligencia investigación prevención protección reacción
    vial tránsito penitenciario penitenciaria carretera carreteras material materiales integral integrales
    digital digitales sistema sistemas red redes equipamiento ciudadano ciudadana""".split())
_NOUN_ENDINGS = re.compile(r"(?:cion|sion|ciones|siones|miento|mientos|idad|idades|mente|ismo|tivo|tiva|tivos|tivas|"
                           r"sivo|siva|izado|izada|izados|izadas|cial|ciales|rial|riales)$")
_ESDRUJULA_ICO = re.compile(r"[áéíóú][a-zñ]*ic[oa]s?$")
NAMES_LIKE_NOUNS = frozenset({"concepcion", "asuncion", "encarnacion", "ascension", "purificacion", "anunciacion",
                              "marcial", "trinidad", "soledad", "caridad", "piedad", "natividad"})


def is_common_word(word: str) -> bool:
    """A common noun or adjective that is no part of a person's name ("operación", "policial")."""
    bare = word.strip(".,;:").lower()
    f = fold(bare)
    if f in GIVEN_NAMES or f in NAMES_LIKE_NOUNS:
        return False
    return f in COMMON_WORDS or bool(_NOUN_ENDINGS.search(f)) or bool(_ESDRUJULA_ICO.search(bare))


def is_given_name(word: str) -> bool:
    """A common given name ("MARÍA", "Joaquín")."""
    return fold(word) in GIVEN_NAMES


def starts_new_name(word: str) -> bool:
    """A given name that is not also a frequent surname: may start a second name on the same line."""
    f = fold(word)
    return f in GIVEN_NAMES and f not in SURNAME_TOO


def is_title(word: str) -> bool:
    """A title word with its dot ("LIC.", "C.P.", "Ing.") or a spelled title ("Diputada")."""
    bare = fold(word).replace(".", "")
    return bare in TITLES and (word.endswith(".") or len(bare) > 4)
