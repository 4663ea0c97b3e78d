"""Set C's six fictional procurements: who buys, who sells, the codes and the money.
Amounts are strings in pesos; 'rate' is the IVA rate (0.16, or 0 for basic food)."""

from __future__ import annotations

from heldout_c_words import dec, vat

# name, RFC, identifying phrase (folded), name as printed on a CFDI 4.0
COMPANIES = {
    "tlahuicole": ("Vehículos de Emergencia Tlahuicole, S.A. de C.V.", "VET150604KJ2",
                   "vehiculos de emergencia tlahuicole", "VEHICULOS DE EMERGENCIA TLAHUICOLE"),
    "rodante": ("Conversiones Médicas Rodante, S. de R.L. de C.V.", "CMR1803229A7",
                "conversiones medicas rodante", "CONVERSIONES MEDICAS RODANTE"),
    "huamantla": ("Grupo Automotriz Huamantla Sur, S.A. de C.V.", "GAH0911306P4",
                  "grupo automotriz huamantla sur", ""),
    "xicohtencatl": ("Comercializadora Agroalimentaria Xicohténcatl, S.A. de C.V.", "CAX120817QH5",
                     "comercializadora agroalimentaria xicohtencatl", "COMERCIALIZADORA AGROALIMENTARIA XICOHTENCATL"),
    "malinche": ("Distribuidora de Lácteos y Cereales La Malinche, S. de R.L. de C.V.", "DLC160229MN0",
                 "lacteos y cereales la malinche", ""),
    "proveedora": ("Proveedora Escolar del Centro Oriente, S.A. de C.V.", "PEC080125AJ4",
                   "proveedora escolar del centro oriente", ""),
    "sureste": ("Sistemas Aéreos No Tripulados del Sureste, S.A. de C.V.", "SAN190311TZ8",
                "sistemas aereos no tripulados del sureste", "SISTEMAS AEREOS NO TRIPULADOS DEL SURESTE"),
    "kanan": ("Tecnología Geoespacial Kanán, S. de R.L. de C.V.", "TGK170522LB3",
              "tecnologia geoespacial kanan", ""),
    "peninsular": ("Distribuidora Aeronáutica Peninsular, S.A. de C.V.", "DAP140908RS5",
                   "distribuidora aeronautica peninsular", "DISTRIBUIDORA AERONAUTICA PENINSULAR"),
    "maya": ("Videovigilancia Portátil Maya, S.A. de C.V.", "VPM200115HD9",
             "videovigilancia portatil maya", "VIDEOVIGILANCIA PORTATIL MAYA"),
    "champoton": ("Seguridad Electrónica Champotón, S.A. de C.V.", "SEC110630FF1",
                  "seguridad electronica champoton", ""),
    "golfo": ("Comunicaciones Tácticas del Golfo, S. de R.L. de C.V.", "CTG150817PQ2",
              "comunicaciones tacticas del golfo", ""),
    "cognitiva": ("Biometría Cognitiva Aplicada, S.A.P.I. de C.V.", "BCA180426PX1",
                  "biometria cognitiva aplicada", "BIOMETRIA COGNITIVA APLICADA"),
    "visual": ("Reconocimiento Visual Inteligente, S.A. de C.V.", "RVI200930KM6",
               "reconocimiento visual inteligente", ""),
    "forense": ("Analítica Forense Digital, S.C.", "AFD130412BN8", "analitica forense digital", ""),
    "xochitiotzi": ("María Guadalupe Xochitiotzi Pérez", "XOPG780412KT3",
                    "maria guadalupe xochitiotzi perez", "MARIA GUADALUPE XOCHITIOTZI PEREZ"),
    "tlaxco": ("Servicios Integrales de Limpieza Tlaxco, S.C.", "SIL0507195U2",
               "servicios integrales de limpieza tlaxco", ""),
    "calpulalpan": ("Mantenimiento y Limpieza Profesional Calpulalpan, S.A. de C.V.", "MLP100302DE7",
                    "limpieza profesional calpulalpan", ""),
}

BUYERS = {
    "salud": ("Organismo Público Descentralizado Salud de Tlaxcala", "OSD960619QW4", "90000",
              "ORGANISMO PUBLICO DESCENTRALIZADO SALUD DE TLAXCALA"),
    "dif": ("Sistema Estatal para el Desarrollo Integral de la Familia de Tlaxcala", "SED770320PL9", "90014",
            "SISTEMA ESTATAL PARA EL DESARROLLO INTEGRAL DE LA FAMILIA DE TLAXCALA"),
    "spsc": ("Secretaría de Protección y Seguridad Ciudadana del Estado de Campeche", "SPS190101MN2", "24040",
             "SECRETARIA DE PROTECCION Y SEGURIDAD CIUDADANA DEL ESTADO DE CAMPECHE"),
    "fge": ("Fiscalía General del Estado de Campeche", "FGE140630H57", "24050",
            "FISCALIA GENERAL DEL ESTADO DE CAMPECHE"),
    "apizaco": ("Municipio de Apizaco, Tlaxcala", "MAT850101KQ1", "90300", "MUNICIPIO DE APIZACO"),
}


def _t(sub: str, rate: str = "0.16") -> dict[str, str]:
    tax, total = vat(sub, rate)
    return {"sub": str(dec(sub)), "iva": str(tax), "total": str(total)}


P = {
    "C1": {"buyer": "salud", "bid": "LA-929012975-E8-2024", "contracts": ["OPD-ST/ADQ/047/2024", "OPD-ST/ADQ/048/2024"],
           "winners": ["tlahuicole", "rodante"], "losers": ["huamantla"],
           "lots": [_t("5940000.00"), _t("4637000.00")]},
    "C2": {"buyer": "dif", "bid": "LPN-DIFT-003/2024", "contracts": ["SEDIF-Tlax/CA/019/2024"],
           "winners": ["xicohtencatl"], "losers": ["malinche", "proveedora"],
           "min": "1940000.00", "max": "4850000.00", "ration": "9.70"},
    "C3": {"buyer": "spsc", "bid": "LA-04C820001-E31-2024", "contracts": ["SPSC/FASP/ADQ-012/2024"],
           "winners": ["sureste"], "losers": ["kanan"], "lot": _t("7312000.00"), "more": _t("694640.00")},
    "C4": {"buyer": "spsc", "bid": "IA-04C820001-E44-2024", "contracts": ["045/2024"],
           "winners": ["maya"], "losers": ["champoton", "golfo"], "lot": _t("3183000.00"), "more": _t("891240.00")},
    "C5": {"buyer": "fge", "bid": "FGE/DA/AD-007/2024", "contracts": ["FGE/ADQ/2024/031"],
           "winners": ["cognitiva"], "losers": ["visual", "forense"], "lot": _t("2490000.00")},
    "C6": {"buyer": "apizaco", "bid": "LPM-Apz-002/2024", "contracts": ["PMA/SERV/027/2024"],
           "winners": ["xochitiotzi"], "losers": ["tlaxco", "calpulalpan"],
           "min": _t("1050000.00"), "max": _t("2100000.00"), "more": _t("315000.00")},
}

# invoices: (pid, issuer key, serie, folio, date, lines[(prod, unit, qty, desc, price)])
INVOICES = [
    ("C1", "tlahuicole", "A", "1187", "2024-07-22T10:41:09", [("25101703", "H87", "2", "Ambulancia de urgencias básicas tipo II, conforme a partida 1, Contrato OPD-ST/ADQ/047/2024", "1485000.00")]),
    ("C1", "tlahuicole", "A", "1203", "2024-08-19T16:05:52", [("25101703", "H87", "2", "Ambulancia de urgencias básicas tipo II, segunda entrega, Contrato OPD-ST/ADQ/047/2024", "1485000.00")]),
    ("C1", "rodante", "F", "00412", "2024-08-02T09:13:27", [("25101703", "H87", "2", "Ambulancia de terapia intensiva equipada. Contrato No. OPD-ST/ADQ/048/2024", "2318500.00")]),
    ("C2", "xicohtencatl", "DS", "3310", "2024-04-30T13:20:44", [("50192900", "H87", "197938", "Ración de desayuno escolar modalidad fría, abril 2024. Contrato SEDIF-Tlax/CA/019/2024", "9.70")]),
    ("C2", "xicohtencatl", "DS", "3388", "2024-06-28T12:02:15", [("50192900", "H87", "193340", "Ración de desayuno escolar modalidad fría, mayo-junio 2024. Contrato SEDIF-Tlax/CA/019/2024", "9.70")]),
    ("C2", "xicohtencatl", "DS", "3471", "2024-09-30T17:45:03", [("50192900", "H87", "133686", "Ración de desayuno escolar modalidad fría, septiembre 2024. Contrato SEDIF-Tlax/CA/019/2024", "9.70")]),
    ("C3", "sureste", "SAN", "240", "2024-06-14T11:30:00", [("25132000", "H87", "4", "Aeronave no tripulada multirrotor con cámara térmica, contrato SPSC/FASP/ADQ-012/2024", "914000.00")]),
    ("C3", "sureste", "SAN", "251", "2024-07-26T10:12:40", [("25132000", "H87", "3", "Aeronave no tripulada multirrotor con cámara térmica, contrato SPSC/FASP/ADQ-012/2024", "914000.00"), ("86101700", "E48", "1", "Capacitación a pilotos, contrato SPSC/FASP/ADQ-012/2024", "548400.00")]),
    ("C3", "peninsular", "DAP", "9917", "2024-10-08T09:55:21", [("25132000", "H87", "1", "Aeronave no tripulada ala fija, ampliación convenio 1 al contrato SPSC/FASP/ADQ-012/2024", "694640.00")]),
    ("C4", "maya", "VPM", "0815", "2024-05-17T15:22:10", [("45121516", "H87", "150", "Cámara corporal de solapa con GPS. Contrato 045/2024", "18420.00"), ("43232300", "E48", "1", "Software de gestión de evidencia y bases de carga. Contrato 045/2024", "420000.00")]),
    ("C4", "maya", "VPM", "0861", "2024-09-03T12:40:48", [("45121516", "H87", "40", "Cámara corporal de solapa con GPS, convenio modificatorio al contrato 045/2024", "18420.00")]),
    ("C5", "cognitiva", "BCA", "77", "2024-03-28T18:03:33", [("43232300", "E48", "1", "Licenciamiento de plataforma de reconocimiento facial, 50% según contrato FGE/ADQ/2024/031", "925000.00"), ("81111500", "E48", "1", "Implementación e integración, 50%, contrato FGE/ADQ/2024/031", "320000.00")]),
    ("C5", "cognitiva", "BCA", "91", "2024-06-10T10:27:15", [("43232300", "E48", "1", "Licenciamiento de plataforma de reconocimiento facial, 50% restante, contrato FGE/ADQ/2024/031", "925000.00"), ("81111500", "E48", "1", "Implementación e integración, finiquito, contrato FGE/ADQ/2024/031", "320000.00")]),
    ("C6", "xochitiotzi", "", "118", "2024-03-31T19:10:02", [("76111500", "E48", "1", "Servicio de limpieza integral en inmuebles municipales, marzo 2024, contrato PMA/SERV/027/2024", "175000.00")]),
    ("C6", "xochitiotzi", "", "124", "2024-04-30T18:44:51", [("76111500", "E48", "1", "Servicio de limpieza integral en inmuebles municipales, abril 2024, contrato PMA/SERV/027/2024", "175000.00")]),
    ("C6", "xochitiotzi", "", "131", "2024-05-31T17:02:26", [("76111500", "E48", "1", "Servicio de limpieza integral en inmuebles municipales, mayo 2024, contrato PMA/SERV/027/2024", "175000.00")]),
]
RATE = {"C2": "0"}  # basic food: IVA at 0 %
OBSERVED = {"C1": "412380.00", "C4": "1239297.60", "C6": "187920.00"}
