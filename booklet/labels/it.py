"""Italian (italiano): the built-in label set. Virgolette basse «…»."""

LABELS: dict[str, str] = {
    "cover_kicker": "GUIDA TASCABILE",
    "contents": "Indice",
    "introduction": "Introduzione",
    "strokes": "Le tecniche",
    "cautions": "Avvertenze",
    "notes": "Note",
    "references": "Riferimenti e note",
    "stroke_number": "TECNICA {number} DI {count}",
    "also_called": "Altri nomi: {names}",
    "purpose": "A cosa serve",
    "position": "Dove mettersi",
    "muscles": "Muscoli coinvolti:",
    "steps": "Passaggi",
    "tips": "Consigli",
    "continued": "{title} (continua)",
    "pressure": "PRESSIONE",
    "hands": "MANI",
    "areas": "ZONE",
    "time": "DURATA",
    "glance_list": "{^items}",
    "light": "Leggera",
    "moderate": "Moderata",
    "firm": "Decisa",
    "pressure_light": "Pressione leggera",
    "pressure_moderate": "Pressione moderata",
    "pressure_firm": "Pressione decisa",
    "level_light": "leggera",
    "level_moderate": "moderata",
    "level_firm": "decisa",
    "pressure_capped": "In questa edizione ({edition}) la pressione è limitata a «{cap}».",
    "card_capped": "Limitata a «{cap}» in questa edizione",
    "hand_palms": "palmi",
    "hand_fingertips": "polpastrelli",
    "hand_thumbs": "pollici",
    "hand_forearms": "avambracci",
    "hand_knuckles": "nocche",
    "hand_heels_of_hands": "base dei palmi",
    "map_zone": "{^zone}",
    "zone_neck": "collo",
    "zone_shoulders": "spalle",
    "zone_shoulder_blades": "scapole",
    "zone_upper_back": "parte alta della schiena",
    "zone_mid_back": "parte centrale della schiena",
    "zone_lower_back": "parte bassa della schiena",
    "zone_spine": "colonna vertebrale",
    "zone_ribs": "costole",
    "zone_kidney_area": "zona dei reni",
    "zone_hips": "anche",
    "cautions_intro": (
        "Da leggere prima di iniziare. Le avvertenze che riguardano una sola tecnica la nominano per prima."
    ),
    "where_not_to_press": "Dove non premere",
    "avoid": "Non premere",
    "danger": "PERICOLO",
    "warning": "AVVERTENZA",
    "caution": "ATTENZIONE",
    "notice": "AVVISO",
    "stop_heading": "Interrompi subito se",
    "at_a_glance": "Le tecniche in sintesi",
    "stroke_cautions": "Le avvertenze di ogni tecnica sono accanto ai suoi passaggi:",
    "main_reference": "Per saperne di più",
    "minute": "{n} minuto",
    "minutes": "{n} minuti",
    "minutes_few": "{n} minuti",
    "minutes_many": "{n} minuti",
    "total": "Totale: {time}",
    "scan": "Inquadra il codice per aprire il link.",
    "page_ref": "p. {page}",
    "card_steps": "{name}: passaggi",
    "routine_card": "SEQUENZA",
    "read_first": "DA LEGGERE PRIMA",
    "read_first_part": "DA LEGGERE PRIMA · {part} DI {parts}",
    "part": "{part} di {parts}",
    "page_slug": "{title} · {edition} · pagina {page}",
    "card_slug": "{title} · {edition} · schede · {instructions}",
    "how_saddle": (
        "Stampa fronte-retro, capovolgendo sul lato corto; piega la pila a metà e pinzala due volte lungo la piega."
    ),
    "how_signature_sheet": (
        "Stampa fronte-retro, capovolgendo sul lato corto; piega a metà ogni foglio separatamente, "
        "impila i fogli piegati in ordine e rilegali lungo la piega."
    ),
    "how_signature": (
        "Stampa fronte-retro, capovolgendo sul lato corto; piega a metà separatamente ogni segnatura "
        "di {sheets} fogli, impila le segnature piegate in ordine e rilegale lungo la piega."
    ),
    "how_scaled": "Le pagine sono ridotte al {percent} per entrare nel foglio.",
    "how_cards_long": (
        "Stampa fronte-retro, capovolgendo sul lato lungo; taglia lungo i segni di taglio. "
        "Il retro di ogni scheda si legge dritto girando la scheda di lato."
    ),
    "how_cards_short": (
        "Stampa fronte-retro, capovolgendo sul lato corto; taglia lungo i segni di taglio. "
        "Il retro di ogni scheda si legge dritto girando la scheda di lato."
    ),
    "how_cards_separate": (
        "Stampa i fronti, rimetti i fogli nel vassoio con il lato stampato in giù, poi stampa il file dei retri."
    ),
}
