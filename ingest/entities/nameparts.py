"""Building blocks of person names: name-word and title regexes, stop words, title words."""
from __future__ import annotations

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
