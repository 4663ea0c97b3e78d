"""The six fictional procurements of the held-out set: who bought what from whom, for how much.

Everything here is invented (agencies are real kinds of Mexican buyer bodies; companies,
RFCs, people and amounts are not real). The documents are written from these specs by
benchmarks/heldout_docs.py and heldout_billing.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal as D


@dataclass(frozen=True)
class Company:
    """A real company of the set; `key` is the folded phrase that identifies its mentions."""

    name: str
    rfc: str
    key: str


@dataclass(frozen=True)
class Invoice:
    folio: str
    uuid: str
    day: dt.date
    subtotal: D
    issuer: Company
    pdf: str = "text"  # "text", "scan" (a scan beside its XML), "scanonly" (no XML) or "none" (XML only)


@dataclass
class Procurement:
    pid: str
    agency: str
    place: str
    procedure: str  # "LPN", "ITP" or "AD"
    bid_code: str
    contract_code: str  # as printed after the word "contrato"
    subject: str
    vendor: Company
    rivals: list[tuple[Company, D]]
    award_sub: D  # awarded amount before IVA
    contract_days: tuple[dt.date, dt.date, dt.date, dt.date]  # convocatoria, junta, fallo, contrato
    open_contract: bool = False  # maximum = awarded with IVA, minimum 40 % of it
    amendment: tuple[D, dt.date] | None = None  # increase with IVA, date of the convenio
    invoices: list[Invoice] = field(default_factory=list)
    scanned: frozenset[str] = frozenset()  # document kinds printed as scans
    audit_observed: D | None = None  # observed by the federal audit naming several contracts
    oic_observed: D | None = None  # observed by the agency's internal control body (a scan)
    people: tuple[str, str] = ("", "")  # the buyer's signatory, the vendor's legal representative


C = Company
PENASCO = C("Tecnologías Peñasco del Bajío, S.A. de C.V.", "TPB150312QX4", "tecnologias penasco del bajio")
ALBATROS = C("Sistemas Albatros de Occidente, S.A. de C.V.", "", "sistemas albatros de occidente")
RIOS = C("Comercializadora Ríos e Ibáñez, S. de R.L. de C.V.", "", "comercializadora rios e ibanez")
NUU = C("Óptica y Señales Ñuu Savi, S. de R.L. de C.V.", "OSN190820AB1", "optica y senales nuu savi")
MIXTECA = C("Vigilancia Óptica Mixteca, S.A. de C.V.", "", "vigilancia optica mixteca")
ZAACHILA = C("Equipos Tácticos Zaachila, S.A. de C.V.", "", "equipos tacticos zaachila")
GUEMES = C("SERVICIOS INTEGRALES GÜEMES SAPI DE CV", "SIG200101H23", "servicios integrales guemes")
CANADA = C("Grupo Médico Cañada Alta, S.A. de C.V.", "GMC090909KL7", "grupo medico canada alta")
CUAUTLA = C("Ambulancias y Rescate Cuautla, S.A. de C.V.", "", "ambulancias y rescate cuautla")
DISMED = C("Distribuidora Médica Cañaveral, S.A. de C.V.", "DMC110101ZZ9", "distribuidora medica canaveral")
ARRIETA = C("Constructora Arrieta y Muñoz, S.A. de C.V.", "CAM870615R56", "constructora arrieta y munoz")
SIERRA = C("Edificaciones Sierra Tarahumara, S.A. de C.V.", "", "edificaciones sierra tarahumara")
CAMARGO = C("Pavimentos Camargo, S. de R.L. de C.V.", "", "pavimentos camargo")
ANIL = C("Hidrosistemas del Noroeste Añil, S. de R.L. de C.V.", "HNA160404MN2", "hidrosistemas del noroeste anil")
YAQUI = C("Bombas y Válvulas del Yaqui, S.A. de C.V.", "", "bombas y valvulas del yaqui")
COMPANIES = [PENASCO, ALBATROS, RIOS, NUU, MIXTECA, ZAACHILA, GUEMES, CANADA, CUAUTLA, DISMED,
             ARRIETA, SIERRA, CAMARGO, ANIL, YAQUI]


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def procurements() -> list[Procurement]:
    """The six procurements, in a fixed order."""
    return [
        Procurement(
            "P1", "Secretaría de Seguridad Pública del Estado de Tlaxcala", "Tlaxcala, Tlaxcala",
            "LPN", "LA-929012345-E12-2023", "CONT/SSP/045/2023",
            "suministro e instalación de 48 cámaras de videovigilancia con analítica",
            PENASCO, [(ALBATROS, D("9410500.00")), (RIOS, D("9877000.00"))], D("8820400.00"),
            (_d("2023-02-06"), _d("2023-02-14"), _d("2023-03-03"), _d("2023-03-10")),
            invoices=[Invoice("A-1187", "5B1E7C2A-0F3D-4E8B-9A61-2D4C8E0F1A11", _d("2023-05-22"), D("4410200.00"), PENASCO),
                      Invoice("A-1243", "9C7D2E41-6B8A-4F1C-8D3E-7A2B5C9E0D22", _d("2023-08-30"), D("4410200.00"), PENASCO)],
            audit_observed=D("1254300.00"), people=("Lic. Mariana Xicohténcatl Romero", "Ing. Joaquín Peñasco Lara")),
        Procurement(
            "P2", "Fiscalía General del Estado de Oaxaca", "San Bartolo Coyotepec, Oaxaca",
            "ITP", "IA-820017999-E3-2022", "No. 12-2022",
            "adquisición de equipo de visión nocturna y radiocomunicación para la policía de investigación",
            NUU, [(MIXTECA, D("2395000.00")), (ZAACHILA, D("2510750.00"))], D("2150000.00"),
            (_d("2022-04-04"), _d("2022-04-11"), _d("2022-04-25"), _d("2022-05-02")),
            open_contract=True,
            invoices=[Invoice("OS-301", "1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C33", _d("2022-06-15"), D("980000.00"), NUU),
                      Invoice("OS-322", "2B3C4D5E-6F7A-4B8C-9D0E-1F2A3B4C5D44", _d("2022-08-19"), D("845000.00"), NUU, "scanonly"),
                      Invoice("OS-350", "3C4D5E6F-7A8B-4C9D-0E1F-2A3B4C5D6E55", _d("2022-10-03"), D("612500.00"), NUU, "none")],
            scanned=frozenset({"fallo"}), people=("Mtro. Rodrigo Santiago Jarquín", "C. Eréndira Cruz Mendoza")),
        Procurement(
            "P3", "Municipio de San Pedro Tlaquepaque, Jalisco", "San Pedro Tlaquepaque, Jalisco",
            "AD", "AD-SEMOV-007-2023", "CM-ADQ-118/2023",
            "arrendamiento de 12 patrullas equipadas para la Comisaría de Seguridad Pública",
            GUEMES, [], D("3600000.00"),
            (_d("2023-05-08"), _d("2023-05-08"), _d("2023-05-15"), _d("2023-05-19")),
            amendment=(D("1169280.00"), _d("2023-10-02")),
            invoices=[Invoice("SIG-77", "4D5E6F7A-8B9C-4D0E-9F2A-3B4C5D6E7F66", _d("2023-07-31"), D("1800000.00"), GUEMES)],
            scanned=frozenset({"contrato"}), people=("Lic. Ana Lucía Güemes Orozco", "C. Fernando Ibarra Saldaña")),
        Procurement(
            "P4", "Secretaría de Salud de Morelos", "Cuernavaca, Morelos",
            "LPN", "LA-917023456-E45-2021", "SS/DGA/CP/201/2021",
            "servicio de mantenimiento preventivo y correctivo a 30 ambulancias",
            CANADA, [(CUAUTLA, D("1712000.00"))], D("1580000.00"),
            (_d("2021-06-07"), _d("2021-06-15"), _d("2021-07-01"), _d("2021-07-08")),
            invoices=[Invoice("GM-1021", "5E6F7A8B-9C0D-4E1F-8A3B-4C5D6E7F8A77", _d("2021-09-14"), D("790000.00"), CANADA),
                      Invoice("DM-4410", "6F7A8B9C-0D1E-4F2A-9B4C-5D6E7F8A9B88", _d("2021-11-22"), D("790000.00"), DISMED, "scan")],
            oic_observed=D("916400.00"), people=("Dra. Beatriz Ocampo Villaseñor", "Lic. Humberto Cañada Ríos")),
        Procurement(
            "P5", "Secretaría de Desarrollo Urbano y Obras Públicas de Chihuahua", "Chihuahua, Chihuahua",
            "LPN", "LO-908001999-E31-2022", "SDUOP-OP-031-2022",
            "rehabilitación del pavimento del bulevar Ortiz Mena, tramo Juan Escutia - Periférico",
            ARRIETA, [(SIERRA, D("14980000.00")), (CAMARGO, D("15420330.00"))], D("14212650.00"),
            (_d("2022-03-01"), _d("2022-03-09"), _d("2022-03-28"), _d("2022-04-04")),
            amendment=(D("1978000.00"), _d("2022-09-12")),
            invoices=[Invoice("CAM-0912", "7A8B9C0D-1E2F-4A3B-8C5D-6E7F8A9B0C99", _d("2022-06-30"), D("8000000.00"), ARRIETA),
                      Invoice("CAM-0958", "8B9C0D1E-2F3A-4B4C-9D6E-7F8A9B0C1DAA", _d("2022-10-28"), D("6500000.00"), ARRIETA)],
            scanned=frozenset({"junta"}), audit_observed=D("2310785.40"),
            people=("Arq. Gerardo Terrazas Chávez", "Ing. Olga Muñoz Arrieta")),
        Procurement(
            "P6", "Comisión Estatal del Agua de Sonora", "Hermosillo, Sonora",
            "LPN", "LA-926003870-E7-2023", "CEA-SON-ADQ-077-2023",
            "suministro de equipos de bombeo sumergible y válvulas para pozos de agua potable",
            ANIL, [(YAQUI, D("5010000.00"))], D("4300000.00"),
            (_d("2023-01-16"), _d("2023-01-24"), _d("2023-02-10"), _d("2023-02-17")),
            open_contract=True,
            invoices=[Invoice("HN-2231", "9C0D1E2F-3A4B-4C5D-8E7F-8A9B0C1D2EBB", _d("2023-04-12"), D("2100000.00"), ANIL),
                      Invoice("HN-2290", "0D1E2F3A-4B5C-4D6E-9F8A-9B0C1D2E3FCC", _d("2023-07-07"), D("1650000.00"), ANIL,
                              "scanonly")],
            scanned=frozenset({"convocatoria"}), audit_observed=D("388120.00"),
            people=("Ing. Ramón Valenzuela Félix", "C.P. Lorena Añil Bojórquez")),
    ]
