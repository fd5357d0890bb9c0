"""German (Deutsch): the built-in label set. Quotes „…“, ranges with an en dash."""

LABELS: dict[str, str] = {
    "cover_kicker": "KLEINER LEITFADEN",
    "contents": "Inhalt",
    "introduction": "Einleitung",
    "strokes": "Die Techniken",
    "cautions": "Sicherheitshinweise",
    "notes": "Notizen",
    "references": "Quellen und Hinweise",
    "stroke_number": "TECHNIK {number} VON {count}",
    "also_called": "Auch bekannt als {names}",
    "purpose": "Wozu sie dient",
    "position": "Ausgangsposition",
    "muscles": "Beteiligte Muskeln:",
    "steps": "Schritte",
    "tips": "Tipps",
    "continued": "{title} (Fortsetzung)",
    "pressure": "DRUCK",
    "hands": "HÄNDE",
    "areas": "BEREICHE",
    "time": "DAUER",
    "glance_list": "{^items}",
    "light": "Leicht",
    "moderate": "Mittel",
    "firm": "Fest",
    "pressure_light": "Leichter Druck",
    "pressure_moderate": "Mittlerer Druck",
    "pressure_firm": "Fester Druck",
    "level_light": "leicht",
    "level_moderate": "mittel",
    "level_firm": "fest",
    "pressure_capped": "In dieser Ausgabe ({edition}) ist der Druck auf „{cap}“ begrenzt.",
    "card_capped": "In dieser Ausgabe auf „{cap}“ begrenzt",
    "hand_palms": "Handflächen",
    "hand_fingertips": "Fingerspitzen",
    "hand_thumbs": "Daumen",
    "hand_forearms": "Unterarme",
    "hand_knuckles": "Fingerknöchel",
    "hand_heels_of_hands": "Handballen",
    "map_zone": "{^zone}",
    "zone_neck": "Nacken",
    "zone_shoulders": "Schultern",
    "zone_shoulder_blades": "Schulterblätter",
    "zone_upper_back": "oberer Rücken",
    "zone_mid_back": "mittlerer Rücken",
    "zone_lower_back": "unterer Rücken",
    "zone_spine": "Wirbelsäule",
    "zone_ribs": "Rippen",
    "zone_kidney_area": "Nierengegend",
    "zone_hips": "Hüften",
    "cautions_intro": (
        "Bitte vor dem Beginn lesen. Hinweise, die zu einer einzelnen Technik gehören, nennen diese zuerst."
    ),
    "where_not_to_press": "Hier keinen Druck ausüben",
    "avoid": "Keinen Druck ausüben",
    "danger": "GEFAHR",
    "warning": "WARNUNG",
    "caution": "VORSICHT",
    "notice": "HINWEIS",
    "stop_heading": "Sofort aufhören bei",
    "at_a_glance": "Die Techniken im Überblick",
    "stroke_cautions": "Hinweise zu einer einzelnen Technik stehen bei ihren Schritten:",
    "main_reference": "Mehr dazu",
    "minute": "{n} Minute",
    "minutes": "{n} Minuten",
    "minutes_few": "{n} Minuten",
    "minutes_many": "{n} Minuten",
    "total": "Insgesamt: {time}",
    "scan": "Code scannen, um den Link zu öffnen.",
    "page_ref": "S. {page}",
    "card_steps": "{name}: Schritte",
    "routine_card": "ABLAUF",
    "read_first": "ZUERST LESEN",
    "read_first_part": "ZUERST LESEN · {part} VON {parts}",
    "part": "{part} von {parts}",
    "page_slug": "{title} · {edition} · Seite {page}",
    "card_slug": "{title} · {edition} · Karten · {instructions}",
    "how_saddle": (
        "Beidseitig drucken, an der kurzen Kante wenden; den Stapel in der Mitte falzen und im Falz zweimal heften."
    ),
    "how_signature_sheet": (
        "Beidseitig drucken, an der kurzen Kante wenden; jeden Bogen einzeln in der Mitte falzen, "
        "die gefalzten Bogen der Reihe nach stapeln und im Falz binden."
    ),
    "how_signature": (
        "Beidseitig drucken, an der kurzen Kante wenden; jede Lage aus {sheets} Bogen einzeln in der Mitte falzen, "
        "die gefalzten Lagen der Reihe nach stapeln und im Falz binden."
    ),
    "how_scaled": "Die Seiten sind auf {percent} verkleinert, damit sie auf den Bogen passen.",
    "how_cards_long": (
        "Beidseitig drucken, an der langen Kante wenden; an den Schnittmarken schneiden. "
        "Die Rückseite jeder Karte steht aufrecht, wenn man die Karte seitlich umdreht."
    ),
    "how_cards_short": (
        "Beidseitig drucken, an der kurzen Kante wenden; an den Schnittmarken schneiden. "
        "Die Rückseite jeder Karte steht aufrecht, wenn man die Karte seitlich umdreht."
    ),
    "how_cards_separate": (
        "Zuerst die Vorderseiten drucken, die Bogen mit der bedruckten Seite nach unten wieder einlegen "
        "und dann die Datei mit den Rückseiten drucken."
    ),
}
