"""Set B's six fictional procurements: agencies, companies, codes, dates, amounts, invoices and
what an auditor observed. Everything here is invented; the planted anomalies are listed in
`PLANTED`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal as D

PLANTED = {"B1": "convenio +22.7 % (above 20 %), audited",
           "B2": "open contract; three invoices (the last only as a scan) add up above its maximum",
           "B3": "convenio +9.5 % (below 20 %); one invoice issued by another company's RFC; audited",
           "B4": "one CFDI (same UUID) printed and filed twice",
           "B5": "medicines at 0 % IVA; fallo, contract and invoices only as scans",
           "B6": "road works (LOPSRM); scanned convocatoria; audited"}


@dataclass
class Company:
    key: str          # the phrase (folded) that names it on a page
    name: str
    rfc: str
    rep: str          # legal representative
    city: str


@dataclass
class Agency:
    name: str
    short: str
    rfc: str
    city: str
    state: str
    head: str         # who signs for the agency
    buyer: str        # who runs the procedure
    area: str         # the requesting area


@dataclass
class Item:
    key: str
    text: str
    qty: int
    unit: str
    price: D


@dataclass
class Invoice:
    serie: str
    folio: str
    uuid: str
    day: date
    sub: D
    issuer: Company
    concept: str
    xml: bool = True            # its CFDI XML is in the set
    scan: str | None = None     # the print-out is a scan: "png" / "pdf"; None: born digital
    code_in_xml: bool = True    # the contract number is in the concept's description
    copies: int = 1             # print-outs filed (2: the same CFDI twice)


@dataclass
class Procurement:
    pid: str
    procedure: str              # LP (licitación), I3 (invitación), LO (obra pública)
    agency: Agency
    bid_code: str
    contract_code: str
    goods: str
    items: list[Item]
    vendor: Company
    losers: list[tuple[Company, D]]
    dates: dict[str, date]
    rate: D = D("0.16")
    min_sub: D | None = None    # an open contract's minimum (its maximum is the award)
    amendment: D | None = None  # the convenio's increase, IVA included
    invoices: list[Invoice] = field(default_factory=list)
    audit_observed: D | None = None
    scans: dict[str, str] = field(default_factory=dict)   # kind -> png / tiff / pdf

    @property
    def award_sub(self) -> D:
        return sum((i.price * i.qty for i in self.items), D("0"))


def _c(key: str, name: str, rfc: str, rep: str, city: str) -> Company:
    return Company(key, name, rfc, rep, city)


BERUMEN = _c("berumen ledezma", "Grupo Automotriz Berumen Ledezma, S.A. de C.V.", "GAB110523KT4", "Rogelio Castañeda Ibáñez", "Zacatecas, Zac.")
QUINONEZ = _c("quinonez arriaga", "Flotillas Quiñonez Arriaga, S.A. de C.V.", "FQA090817HN2", "Marcela Ruiz Esparza", "Guadalupe, Zac.")
OCHOA = _c("ochoa saucedo", "Comercial Vehicular Ochoa Saucedo, S. de R.L. de C.V.", "CVO140228P51", "Jesús Delgado Mireles", "Aguascalientes, Ags.")
PEDRERO = _c("pedrero landero", "Textiles y Confecciones Pedrero Landero, S.A. de C.V.", "TCP100305MZ7", "Leticia Hernández Cámara", "Villahermosa, Tab.")
ZENTELLA = _c("zentella", "Uniformes Corporativos Zentella, S.A. de C.V.", "UCZ120619RA3", "Óscar Méndez Hernández", "Cárdenas, Tab.")
GONGORA = _c("gongora priego", "Manufacturas Góngora Priego, S.A. de C.V.", "MGP071130BC9", "Ramiro Canché Pool", "Mérida, Yuc.")
ESTRADA = _c("estrada munguia", "Videovigilancia Estrada Munguía, S.A.P.I. de C.V.", "VEM160912JD5", "Adriana Soto Lugo", "Pachuca de Soto, Hgo.")
HUASCA = _c("huasca tellez", "Integradora de Sistemas Huasca Téllez, S.A. de C.V.", "ISH180404UV6", "Gerardo Islas Meneses", "Mineral de la Reforma, Hgo.")
OLVERA = _c("olvera cuevas", "Seguridad Electrónica Olvera Cuevas, S.A. de C.V.", "SEO130721LK8", "Patricia Reséndiz Uribe", "Querétaro, Qro.")
MATUS = _c("matus altamirano", "Licenciamiento Digital Matus Altamirano, S.A. de C.V.", "LDM150203QW1", "Fernando López Cruz", "Oaxaca de Juárez, Oax.")
JARQUIN = _c("jarquin", "Cómputo Empresarial Jarquín, S.A. de C.V.", "CEJ081014TT6", "Silvia Ortiz Vásquez", "Puebla, Pue.")
BAUTISTA = _c("bautista ordaz", "Redes y Software Bautista Ordaz, S.C.", "RSB191126FG2", "Hugo Reyes Nolasco", "Ciudad de México")
VALENZUELA = _c("valenzuela encinas", "Distribuidora Médica Valenzuela Encinas, S.A. de C.V.", "DMV050610AB4", "Claudia Romo Lizárraga", "Hermosillo, Son.")
IBARRA = _c("ibarra leyva", "Farmacéuticos Ibarra Leyva, S.A. de C.V.", "FIL111222CD8", "Tomás Acosta Félix", "Ciudad Obregón, Son.")
COTA = _c("cota durazo", "Insumos Hospitalarios Cota Durazo, S.A. de C.V.", "IHC170315EF3", "Alma Durán Beltrán", "Culiacán, Sin.")
NAVA = _c("nava salmeron", "Constructora Nava Salmerón, S.A. de C.V.", "CNS060919GH5", "Ing. Abel Sánchez Arellano", "Chilpancingo de los Bravo, Gro.")
ASTUDILLO = _c("astudillo bello", "Pavimentos y Terracerías Astudillo Bello, S.A. de C.V.", "PTA101008JK7", "Ing. Delia Cortés Román", "Iguala de la Independencia, Gro.")
CATALAN = _c("catalan radilla", "Obras Civiles Catalán Radilla, S.A. de C.V.", "OCC120503LM9", "Arq. Mauro Piza Leyva", "Acapulco de Juárez, Gro.")

COMPANIES = [BERUMEN, QUINONEZ, OCHOA, PEDRERO, ZENTELLA, GONGORA, ESTRADA, HUASCA, OLVERA,
             MATUS, JARQUIN, BAUTISTA, VALENZUELA, IBARRA, COTA, NAVA, ASTUDILLO, CATALAN]

ZAC = Agency("Secretaría de Seguridad Pública del Estado de Zacatecas", "la SSP", "SSP980916AJ2",
             "Zacatecas", "Zacatecas", "Gral. Arturo Medina Padilla", "Lic. Noemí Carrillo Salas",
             "Dirección de la Policía Estatal Preventiva")
TAB = Agency("Secretaría de Seguridad y Protección Ciudadana del Estado de Tabasco", "la SSPC",
             "SSP190101RT4", "Villahermosa", "Tabasco", "Mtro. Víctor Hugo Chablé Ovando",
             "C.P. Rosa Isela Magaña Cruz", "Dirección General de la Policía Estatal")
HGO = Agency("Centro de Control, Comando, Comunicaciones, Cómputo, Coordinación e Inteligencia del "
             "Estado de Hidalgo", "el C5i", "CCC190415MN1", "Pachuca de Soto", "Hidalgo",
             "Ing. Raúl Bautista Vite", "Lic. Graciela Ángeles Trejo", "Dirección de Videovigilancia")
OAX = Agency("Secretaría de Finanzas del Gobierno del Estado de Oaxaca", "la SEFIN", "SFI110101PQ3",
             "Oaxaca de Juárez", "Oaxaca", "Mtro. Julián Ruiz Mendoza", "Lic. Irma Pérez Cortés",
             "Dirección de Tecnologías de la Información")
SON = Agency("Servicios de Salud de Sonora", "los SSS", "SSS970218KL1", "Hermosillo", "Sonora",
             "Dr. Alfonso Ruiz Gaxiola", "L.A.E. Beatriz Moreno Félix",
             "Dirección General de Servicios de Salud a la Persona")
GRO = Agency("Secretaría de Desarrollo Urbano, Obras Públicas y Ordenamiento Territorial del "
             "Estado de Guerrero", "la SDUOPOT", "SDU150401GR8", "Chilpancingo de los Bravo",
             "Guerrero", "Arq. Tomás Salgado Abarca", "Ing. Norma Villalva Pineda",
             "Dirección General de Caminos")


def _inv(serie: str, folio: str, uuid: str, day: date, sub: str, issuer: Company, concept: str,
         **kw: object) -> Invoice:
    return Invoice(serie, folio, uuid, day, D(sub), issuer, concept, **kw)  # type: ignore[arg-type]


def procurements() -> list[Procurement]:
    """The six procurements of set B, in a fixed order."""
    return [
        Procurement("B1", "LP", ZAC, "LA-932008915-E7-2023", "SSC/DA/ADQ/017/2023",
                    "vehículos tipo pick-up equipados como patrulla",
                    [Item("25101503", "Camioneta pick-up doble cabina 4x4, modelo 2023, equipada como patrulla (torreta, sirena, radio, jaula)", 12, "unidad", D("1155000.00"))],
                    BERUMEN, [(QUINONEZ, D("14112500.00")), (OCHOA, D("14395000.00"))],
                    {"convocatoria": date(2023, 3, 7), "junta": date(2023, 3, 15), "apertura": date(2023, 3, 24),
                     "fallo": date(2023, 3, 31), "contrato": date(2023, 4, 12), "convenio": date(2023, 8, 22)},
                    amendment=D("3650000.00"), audit_observed=D("3650000.00"),
                    invoices=[_inv("ZAC", "1187", "5E0B7C21-94D3-4A8F-B1C6-2D7E9F013A45", date(2023, 6, 5), "6930000.00", BERUMEN, "Primera entrega: 6 camionetas pick-up equipadas como patrulla"),
                              _inv("ZAC", "1203", "A3F1D9E4-6C28-47B0-9E15-8B4C2A7D6F90", date(2023, 7, 14), "6930000.00", BERUMEN, "Segunda entrega: 6 camionetas pick-up equipadas como patrulla", code_in_xml=False),
                              _inv("ZAC", "1262", "0C9D2E47-1B85-4F36-A7E2-5D3B8C6F4E12", date(2023, 10, 3), "3146551.72", BERUMEN, "Equipamiento adicional conforme a convenio modificatorio")]),
        Procurement("B2", "LP", TAB, "LPE-56064001-011-23", "SSPC/DA/CA-019/2023",
                    "uniformes y prendas de protección para la policía estatal",
                    [Item("53102710", "Uniforme operativo completo (camisola, pantalón táctico, gorra) talla surtida", 24000, "pieza", D("250.00"))],
                    PEDRERO, [(ZENTELLA, D("6212340.00")), (GONGORA, D("6455000.00"))],
                    {"convocatoria": date(2023, 5, 2), "junta": date(2023, 5, 10), "apertura": date(2023, 5, 19),
                     "fallo": date(2023, 5, 26), "contrato": date(2023, 6, 2)},
                    min_sub=D("2400000.00"), scans={"junta": "png"},
                    invoices=[_inv("A", "3391", "7B2E4F10-3C5D-4E6A-8F7B-9C0D1E2F3A4B", date(2023, 7, 10), "2500000.00", PEDRERO, "10,000 uniformes operativos, primera remesa"),
                              _inv("A", "3457", "D4C3B2A1-0F9E-4D8C-B7A6-5E4D3C2B1A09", date(2023, 9, 18), "2200000.00", PEDRERO, "8,800 uniformes operativos, segunda remesa"),
                              _inv("A", "3520", "1F2E3D4C-5B6A-4789-8A9B-0C1D2E3F4A5B", date(2023, 11, 27), "1600000.00", PEDRERO, "6,400 uniformes operativos, tercera remesa", xml=False, scan="png")]),
        Procurement("B3", "I3", HGO, "IA-913016997-E5-2023", "C5i-HGO/CS/09/2023",
                    "cámaras de videovigilancia y su instalación",
                    [Item("46171610", "Suministro, instalación y puesta en marcha de 180 cámaras PTZ y fijas con enlace de fibra óptica", 1, "lote", D("9480000.00"))],
                    ESTRADA, [(OLVERA, D("9862150.00")), (HUASCA, D("10025000.00"))],
                    {"convocatoria": date(2023, 6, 5), "junta": date(2023, 6, 12), "apertura": date(2023, 6, 19),
                     "fallo": date(2023, 6, 26), "contrato": date(2023, 7, 3), "convenio": date(2023, 10, 16)},
                    amendment=D("1044696.00"), audit_observed=D("5498400.00"),
                    invoices=[_inv("F", "0412", "9A8B7C6D-5E4F-4A3B-9C2D-1E0F9A8B7C6D", date(2023, 8, 21), "4740000.00", ESTRADA, "Anticipo 50 %: cámaras PTZ y fijas, suministro"),
                              _inv("HT", "77", "3E4F5A6B-7C8D-4E9F-8A0B-1C2D3E4F5A6B", date(2023, 9, 25), "4740000.00", HUASCA, "Instalación y puesta en marcha de cámaras de videovigilancia", scan="png"),
                              _inv("F", "0468", "6C5B4A39-2817-4F6E-9D5C-4B3A29180F7E", date(2023, 11, 30), "900600.00", ESTRADA, "Cámaras adicionales conforme a convenio", code_in_xml=False)]),
        Procurement("B4", "LP", OAX, "LA-920011873-E21-2023", "SEFIN/DA/CTO-044-2023",
                    "licencias de software de productividad y soporte técnico",
                    [Item("43232300", "Licencia de suscripción anual de software de productividad y correo institucional", 640, "licencia", D("4019.50")),
                     Item("81111800", "Soporte técnico y migración de buzones (12 meses)", 1, "servicio", D("643120.00"))],
                    MATUS, [(JARQUIN, D("3388000.00")), (BAUTISTA, D("3290410.00"))],
                    {"convocatoria": date(2023, 8, 1), "junta": date(2023, 8, 9), "apertura": date(2023, 8, 18),
                     "fallo": date(2023, 8, 25), "contrato": date(2023, 9, 4), "reenvio": date(2023, 12, 8)},
                    invoices=[_inv("LIC", "2023-118", "B8E1C0D2-7A3F-4B59-8E6D-2F1A0C9B8D7E", date(2023, 9, 29), "2572480.00", MATUS, "640 licencias de suscripción anual"),
                              _inv("SOP", "2023-131", "E2D1C0B9-A8F7-4E6D-9C5B-4A3F2E1D0C9B", date(2023, 10, 31), "643120.00", MATUS, "Soporte técnico y migración de buzones", copies=2)]),
        Procurement("B5", "LP", SON, "LA-926004962-E34-2024", "SSS/DGRMSG/ADQ/078/2024",
                    "medicamentos del cuadro básico para unidades hospitalarias",
                    [Item("010.000.1937.00", "Ceftriaxona solución inyectable 1 g, caja con frasco ámpula", 48000, "caja", D("38.50")),
                     Item("010.000.5165.00", "Metformina tabletas 850 mg, caja con 30", 120000, "caja", D("12.75")),
                     Item("010.000.4158.00", "Insulina glargina solución inyectable 100 UI/ml, cartucho", 18500, "pieza", D("241.45"))],
                    VALENZUELA, [(IBARRA, D("8120300.00")), (COTA, D("7998410.40"))],
                    {"convocatoria": date(2024, 2, 6), "junta": date(2024, 2, 14), "apertura": date(2024, 2, 23),
                     "fallo": date(2024, 3, 1), "contrato": date(2024, 3, 11)},
                    rate=D("0"), scans={"fallo": "pdf", "contrato": "tiff"},
                    invoices=[_inv("MED", "5520", "C1D2E3F4-A5B6-4C7D-8E9F-0A1B2C3D4E5F", date(2024, 4, 22), "3900000.00", VALENZUELA, "Medicamentos, primera entrega", xml=False, scan="png"),
                              _inv("MED", "5698", "F0E1D2C3-B4A5-4968-8776-655443322110", date(2024, 6, 17), "3120450.25", VALENZUELA, "Medicamentos, segunda entrega", xml=False, scan="png")]),
        Procurement("B6", "LO", GRO, "LO-912003971-E8-2023", "SDUOPOT/LP/031/2023",
                    "reconstrucción del camino Tixtla – Chilapa, tramo km 12+000 al km 26+200",
                    [Item("72141100", "Reconstrucción de 14.2 km de camino con carpeta asfáltica, obras de drenaje y señalamiento", 1, "obra", D("21437918.62"))],
                    NAVA, [(ASTUDILLO, D("22104560.31")), (CATALAN, D("22987004.10"))],
                    {"convocatoria": date(2023, 4, 18), "junta": date(2023, 4, 26), "apertura": date(2023, 5, 8),
                     "fallo": date(2023, 5, 19), "contrato": date(2023, 5, 29)},
                    audit_observed=D("1372450.80"), scans={"convocatoria": "pdf"},
                    invoices=[_inv("EST", "01", "2A3B4C5D-6E7F-4A8B-9C0D-1E2F3A4B5C6D", date(2023, 7, 31), "8000000.00", NAVA, "Estimación número 1 de obra ejecutada"),
                              _inv("EST", "02", "8F9E0D1C-2B3A-4C4D-8E5F-6A7B8C9D0E1F", date(2023, 10, 13), "9000000.00", NAVA, "Estimación número 2 de obra ejecutada", code_in_xml=False)]),
    ]


AUDIT_DAY = date(2025, 2, 20)
