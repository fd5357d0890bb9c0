"""French (français): the built-in label set. Guillemets « … » and a no-break space before : ; ! ?"""

LABELS: dict[str, str] = {
    "cover_kicker": "GUIDE DE POCHE",
    "contents": "Sommaire",
    "introduction": "Introduction",
    "strokes": "Les techniques",
    "cautions": "Précautions",
    "notes": "Notes",
    "references": "Références et notes",
    "stroke_number": "TECHNIQUE {number} SUR {count}",
    "also_called": "Autres noms\u00a0: {names}",
    "purpose": "À quoi ça sert",
    "position": "Où se placer",
    "muscles": "Muscles sollicités\u00a0:",
    "steps": "Étapes",
    "tips": "Conseils",
    "continued": "{title} (suite)",
    "pressure": "PRESSION",
    "hands": "MAINS",
    "areas": "ZONES",
    "time": "DURÉE",
    "glance_list": "{^items}",
    "light": "Légère",
    "moderate": "Modérée",
    "firm": "Ferme",
    "pressure_light": "Pression légère",
    "pressure_moderate": "Pression modérée",
    "pressure_firm": "Pression ferme",
    "level_light": "légère",
    "level_moderate": "modérée",
    "level_firm": "ferme",
    "pressure_capped": "Dans cette édition ({edition}), la pression est limitée à «\u00a0{cap}\u00a0».",
    "card_capped": "Limitée à «\u00a0{cap}\u00a0» dans cette édition",
    "hand_palms": "paumes",
    "hand_fingertips": "bout des doigts",
    "hand_thumbs": "pouces",
    "hand_forearms": "avant-bras",
    "hand_knuckles": "jointures",
    "hand_heels_of_hands": "talons des mains",
    "map_zone": "{^zone}",
    "zone_neck": "nuque",
    "zone_shoulders": "épaules",
    "zone_shoulder_blades": "omoplates",
    "zone_upper_back": "haut du dos",
    "zone_mid_back": "milieu du dos",
    "zone_lower_back": "bas du dos",
    "zone_spine": "colonne vertébrale",
    "zone_ribs": "côtes",
    "zone_kidney_area": "région des reins",
    "zone_hips": "hanches",
    "cautions_intro": "À lire avant de commencer. Les précautions propres à une technique la nomment en premier.",
    "where_not_to_press": "Où ne pas appuyer",
    "avoid": "Ne pas appuyer",
    "danger": "DANGER",
    "warning": "AVERTISSEMENT",
    "caution": "ATTENTION",
    "notice": "AVIS",
    "stop_heading": "Arrêtez immédiatement si",
    "at_a_glance": "Les techniques en un coup d’œil",
    "stroke_cautions": "Les précautions propres à une technique figurent avec ses étapes :",
    "main_reference": "Pour en savoir plus",
    "minute": "{n} minute",
    "minutes": "{n} minutes",
    "minutes_few": "{n} minutes",
    "minutes_many": "{n} minutes",
    "total": "Total\u00a0: {time}",
    "scan": "Scannez le code pour ouvrir le lien.",
    "page_ref": "p.\u00a0{page}",
    "card_steps": "{name}\u00a0: étapes",
    "routine_card": "SÉANCE",
    "read_first": "À LIRE D’ABORD",
    "read_first_part": "À LIRE D’ABORD · {part} SUR {parts}",
    "part": "{part} sur {parts}",
    "page_slug": "{title} · {edition} · page {page}",
    "card_slug": "{title} · {edition} · cartes · {instructions}",
    "how_saddle": (
        "Imprimer en recto verso, retournement sur le bord court\u00a0; "
        "plier la pile en deux et agrafer deux fois sur le pli."
    ),
    "how_signature_sheet": (
        "Imprimer en recto verso, retournement sur le bord court\u00a0; plier chaque feuille en deux séparément, "
        "empiler les feuilles pliées dans l’ordre et les relier le long du pli."
    ),
    "how_signature": (
        "Imprimer en recto verso, retournement sur le bord court\u00a0; plier séparément en deux chaque cahier "
        "de {sheets} feuilles, empiler les cahiers pliés dans l’ordre et les relier le long du pli."
    ),
    "how_scaled": "Les pages sont réduites à {percent} pour tenir sur la feuille.",
    "how_cards_long": (
        "Imprimer en recto verso, retournement sur le bord long\u00a0; couper le long des traits de coupe. "
        "Le verso de chaque carte se lit à l’endroit quand on la retourne latéralement."
    ),
    "how_cards_short": (
        "Imprimer en recto verso, retournement sur le bord court\u00a0; couper le long des traits de coupe. "
        "Le verso de chaque carte se lit à l’endroit quand on la retourne latéralement."
    ),
    "how_cards_separate": (
        "Imprimer les rectos, remettre les feuilles dans le bac face imprimée vers le bas, "
        "puis imprimer le fichier des versos."
    ),
}
