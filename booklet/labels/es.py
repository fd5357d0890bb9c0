"""Spanish (español): the built-in label set. Comillas angulares «…», as the RAE recommends."""

LABELS: dict[str, str] = {
    "cover_kicker": "GUÍA DE BOLSILLO",
    "contents": "Índice",
    "introduction": "Introducción",
    "strokes": "Las técnicas",
    "cautions": "Precauciones",
    "notes": "Notas",
    "references": "Referencias y notas",
    "stroke_number": "TÉCNICA {number} DE {count}",
    "also_called": "Otros nombres: {names}",
    "purpose": "Para qué sirve",
    "position": "Dónde colocarse",
    "muscles": "Músculos implicados:",
    "steps": "Pasos",
    "tips": "Consejos",
    "continued": "{title} (continuación)",
    "pressure": "PRESIÓN",
    "hands": "MANOS",
    "areas": "ZONAS",
    "time": "DURACIÓN",
    "glance_list": "{^items}",
    "light": "Suave",
    "moderate": "Moderada",
    "firm": "Firme",
    "pressure_light": "Presión suave",
    "pressure_moderate": "Presión moderada",
    "pressure_firm": "Presión firme",
    "level_light": "suave",
    "level_moderate": "moderada",
    "level_firm": "firme",
    "pressure_capped": "En esta edición ({edition}) la presión se limita a «{cap}».",
    "card_capped": "Limitada a «{cap}» en esta edición",
    "hand_palms": "palmas",
    "hand_fingertips": "yemas de los dedos",
    "hand_thumbs": "pulgares",
    "hand_forearms": "antebrazos",
    "hand_knuckles": "nudillos",
    "hand_heels_of_hands": "talones de las manos",
    "map_zone": "{^zone}",
    "zone_neck": "cuello",
    "zone_shoulders": "hombros",
    "zone_shoulder_blades": "omóplatos",
    "zone_upper_back": "parte alta de la espalda",
    "zone_mid_back": "parte media de la espalda",
    "zone_lower_back": "parte baja de la espalda",
    "zone_spine": "columna vertebral",
    "zone_ribs": "costillas",
    "zone_kidney_area": "zona renal",
    "zone_hips": "caderas",
    "cautions_intro": (
        "Léalas antes de empezar. Las precauciones propias de una técnica la mencionan en primer lugar."
    ),
    "where_not_to_press": "Dónde no presionar",
    "avoid": "No presionar",
    "danger": "PELIGRO",
    "warning": "ADVERTENCIA",
    "caution": "PRECAUCIÓN",
    "notice": "AVISO",
    "stop_heading": "Deténgase de inmediato si",
    "at_a_glance": "Las técnicas de un vistazo",
    "stroke_cautions": "Las precauciones de cada técnica están junto a sus pasos:",
    "main_reference": "Más información",
    "minute": "{n} minuto",
    "minutes": "{n} minutos",
    "minutes_few": "{n} minutos",
    "minutes_many": "{n} minutos",
    "total": "Total: {time}",
    "scan": "Escanee el código para abrir el enlace.",
    "page_ref": "pág. {page}",
    "card_steps": "{name}: pasos",
    "routine_card": "RUTINA",
    "read_first": "LEER PRIMERO",
    "read_first_part": "LEER PRIMERO · {part} DE {parts}",
    "part": "{part} de {parts}",
    "page_slug": "{title} · {edition} · página {page}",
    "card_slug": "{title} · {edition} · tarjetas · {instructions}",
    "how_saddle": (
        "Imprima a doble cara, volteando por el borde corto; doble la pila por la mitad "
        "y grápela dos veces en el pliegue."
    ),
    "how_signature_sheet": (
        "Imprima a doble cara, volteando por el borde corto; doble cada hoja por la mitad por separado, "
        "apile las hojas dobladas en orden y encuadérnelas por el pliegue."
    ),
    "how_signature": (
        "Imprima a doble cara, volteando por el borde corto; doble por la mitad, por separado, cada cuadernillo "
        "de {sheets} hojas, apile los cuadernillos doblados en orden y encuadérnelos por el pliegue."
    ),
    "how_scaled": "Las páginas se reducen al {percent} para que quepan en la hoja.",
    "how_cards_long": (
        "Imprima a doble cara, volteando por el borde largo; corte por las marcas de corte. "
        "El reverso de cada tarjeta queda derecho al darle la vuelta de lado."
    ),
    "how_cards_short": (
        "Imprima a doble cara, volteando por el borde corto; corte por las marcas de corte. "
        "El reverso de cada tarjeta queda derecho al darle la vuelta de lado."
    ),
    "how_cards_separate": (
        "Imprima los anversos, vuelva a colocar las hojas en la bandeja boca abajo "
        "y después imprima el archivo de reversos."
    ),
}
