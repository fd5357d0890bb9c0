"""English: the reference label set; every other set has exactly these keys.

Values are inline forms (lower case where English writes a word inside a sentence);
a placeholder written ``{^name}`` upper-cases the first character of what fills it,
and only that character. Typographic quotes and dashes are written out.
"""

LABELS: dict[str, str] = {
    # Cover, contents, section titles
    "cover_kicker": "A POCKET GUIDE",
    "contents": "Contents",
    "introduction": "Introduction",
    "strokes": "The strokes",
    "cautions": "Cautions",
    "notes": "Notes",
    "references": "References and notes",
    # A stroke's page
    "stroke_number": "STROKE {number} OF {count}",
    "also_called": "Also called {names}",
    "purpose": "What it is for",
    "position": "Where to be",
    "muscles": "Muscles worked:",
    "steps": "Steps",
    "tips": "Tips",
    "continued": "{title} (continued)",
    # The at-a-glance strip
    "pressure": "PRESSURE",
    "hands": "HANDS",
    "areas": "AREAS",
    "time": "TIME",
    "glance_list": "{^items}",
    # Pressure: the word alone, the whole phrase, the word inside a sentence
    "light": "Light",
    "moderate": "Moderate",
    "firm": "Firm",
    "pressure_light": "Light pressure",
    "pressure_moderate": "Moderate pressure",
    "pressure_firm": "Firm pressure",
    "level_light": "light",
    "level_moderate": "moderate",
    "level_firm": "firm",
    "pressure_capped": "Pressure kept to {cap} in the {edition}.",
    "card_capped": "Capped at {cap} for this edition",
    # What touches: the six built-in hands, inline forms
    "hand_palms": "palms",
    "hand_fingertips": "fingertips",
    "hand_thumbs": "thumbs",
    "hand_forearms": "forearms",
    "hand_knuckles": "knuckles",
    "hand_heels_of_hands": "heels of hands",
    # Zones of the built-in figure, inline forms; map_zone frames one standing alone
    "map_zone": "{^zone}",
    "zone_neck": "neck",
    "zone_shoulders": "shoulders",
    "zone_shoulder_blades": "shoulder blades",
    "zone_upper_back": "upper back",
    "zone_mid_back": "mid back",
    "zone_lower_back": "lower back",
    "zone_spine": "spine",
    "zone_ribs": "ribs",
    "zone_kidney_area": "kidney area",
    "zone_hips": "hips",
    # Cautions
    "cautions_intro": "Read these before you begin. Cautions that belong to one stroke name it first.",
    "where_not_to_press": "Where not to press",
    "avoid": "Avoid pressure",
    "danger": "DANGER",
    "warning": "WARNING",
    "caution": "CAUTION",
    "notice": "NOTICE",
    "stop_heading": "Stop at once if",
    "at_a_glance": "The strokes at a glance",
    "stroke_cautions": "Cautions for one stroke are printed with its steps:",
    "main_reference": "Read more",
    # Routine and time; minute is CLDR plural "one", minutes "other"
    "minute": "{n} minute",
    "minutes": "{n} minutes",
    "minutes_few": "{n} minutes",
    "minutes_many": "{n} minutes",
    "total": "Total: {time}",
    # References and page references
    "scan": "Scan the code to open the link.",
    "page_ref": "p. {page}",
    # Cards
    "card_steps": "{name}: steps",
    "routine_card": "ROUTINE",
    "read_first": "READ FIRST",
    "read_first_part": "READ FIRST · {part} OF {parts}",
    "part": "{part} of {parts}",
    # The printer's slug lines and instructions
    "page_slug": "{title} · {edition} · page {page}",
    "card_slug": "{title} · {edition} · cards · {instructions}",
    "how_saddle": (
        "Print double-sided, flipping on the short edge; fold the stack in half and staple twice on the fold."
    ),
    "how_signature_sheet": (
        "Print double-sided, flipping on the short edge; fold each sheet in half on its own, "
        "stack the folded sheets in order and bind them along the fold."
    ),
    "how_signature": (
        "Print double-sided, flipping on the short edge; fold each group of {sheets} sheets in half on its own, "
        "stack the folded groups in order and bind them along the fold."
    ),
    "how_scaled": "Pages are scaled to {percent} to fit the sheet.",
    "how_cards_long": (
        "Print double-sided, flipping on the long edge; cut along the crop marks. "
        "Each card’s back reads upright when the card is turned over sideways."
    ),
    "how_cards_short": (
        "Print double-sided, flipping on the short edge; cut along the crop marks. "
        "Each card’s back reads upright when the card is turned over sideways."
    ),
    "how_cards_separate": "Print the fronts, put the sheets back in the tray face down, then print the backs file.",
}
