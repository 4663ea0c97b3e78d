"""The cast: companies, public bodies, people, and their RFCs."""
from __future__ import annotations

from .rfc import make_rfc, rfc_is_valid

COMPANIES = {  # key: (name, legal form, RFC letters, incorporation yymmdd)
    "magavel": ("Servicios Integrales Magavel", "S.A. de C.V.", "SIM", "150819"),
    "tlahuica": ("Tecnología y Seguridad Tlahuica", "S.A. de C.V.", "TST", "110504"),
    "vigia": ("Grupo Vigía Digital del Centro", "S. de R.L. de C.V.", "GVD", "170228"),
    "opticos": ("Sistemas Ópticos Cuernavaca", "S.A. de C.V.", "SOC", "090917"),
    "quatro": ("Quatro Desarrollo Móvil", "S.A. de C.V.", "QDM", "140312"),
    "ydosk": ("Soluciones Integrales YDOSK", "S.A. de C.V.", "SIY", "160705"),
    "halcon": ("Comercializadora Halcón Sistemas", "S.A. de C.V.", "CHS", "120126"),
}
PUBLIC_BODIES = {  # RFC only: public bodies are not vendors
    "cesp": ("CES", "130402"),
    "juarez": ("MJU", "850101"),
    "fge_nay": ("FGE", "141218"),
}
PERSONS = {  # key: (title, full name, RFC letters + birth date or None)
    "salgado": ("Lic.", "Jorge Alberto Salgado Ríos", None),
    "ocampo": ("Ing.", "Martha Elena Ocampo Villalobos", None),
    "quintero": ("C.P.", "Raúl Esteban Quintero Bahena", None),
    "velasco": ("C.", "María Guadalupe Velasco Arriaga", ("VEAM", "820915")),
    "figueroa": ("Ing.", "Pablo César Figueroa Nava", None),
    "mendoza": ("Lic.", "Andrea Paola Mendoza Cruz", None),
    "rebolledo": ("C.", "Joaquín Alfredo Rebolledo Díaz", None),
    "ramirez": ("C.P.", "Héctor Manuel Ramírez Olivas", None),
    "trevino": ("Lic.", "Ana Sofía Treviño Carrasco", None),
    "castaneda": ("Ing.", "Rodrigo Iván Castañeda Lugo", ("CALR", "780412")),
    "portillo": ("Lic.", "Daniel Alejandro Portillo Quezada", None),
    "lozano": ("C.", "Verónica Ivonne Lozano Terrazas", None),
    "partida": ("Mtro.", "Ernesto Javier Partida Robles", None),
    "dominguez": ("Lic.", "Karla Patricia Domínguez Ochoa", ("DOOK", "860621")),
    "ibarra": ("C.", "Lucía Fernanda Ibarra Solís", None),
    "aguilar": ("C.P.C.", "Silvia Renata Aguilar Montes", None),
    "benitez": ("C.", "Óscar Daniel Benítez Salas", ("BESO", "750203")),
    "holguin": ("Mtro.", "Arturo Gilberto Holguín Meléndez", None),
    "navarrete": ("Ing.", "Samuel Eduardo Navarrete Pliego", None),
}


def _rfcs() -> dict[str, str]:
    rfcs = {}
    for key, (_, _, letters, born) in COMPANIES.items():
        rfcs[key] = make_rfc(letters, born, key)
    for key, (letters, born) in PUBLIC_BODIES.items():
        rfcs[key] = make_rfc(letters, born, key)
    for key, (_, _, rfc) in PERSONS.items():
        if rfc:
            rfcs[key] = make_rfc(rfc[0], rfc[1], key)
    rfcs["sat"] = "SAT970701NN3"  # RFC of the SAT itself, printed in every CFDI certification
    return rfcs


RFC = _rfcs()
assert all(rfc_is_valid(v) for v in RFC.values()), RFC
