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
    "position": "WHERE TO BE",  # a fact label, set in capitals like the others
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
    "zone_waist": "waist",
    "zone_head": "head",
    "zone_base_of_skull": "base of the skull",
    "zone_side_of_neck": "side of the neck",
    # The key under every diagram and map: the two levels of care, and the area a stroke works
    "no_pressure": "No pressure",
    "light_touch": "Light touch only",
    "worked_area": "Area worked",
    # Text alternatives of the diagrams (never printed; the PDF's structure carries them)
    "alt_sentence": "{figure}. {^text}.",
    "alt_figure_back": "Diagram of a back seen from above",
    "alt_figure_neck_shoulders": "Diagram of the head, neck and shoulders seen from behind",
    "alt_both": "both {hands}",
    "alt_one": "the {hands}",
    "alt_both_hands": "both hands",
    "alt_one_hands": "the hands",
    "alt_glide": "{^hands} glide {way} {side}, starting at the {start}",
    "alt_fan": "{^hands} glide {way} {side} from the {start}, fan out {turn}, then return lightly {back}",
    "alt_fan_across": "{^hands} glide {way} {side} from the {start} and return lightly a little higher",
    "alt_circles": (
        "{^hands} take turns making slow circles {side}, from the {start} moving {way}, then glide lightly {back}"
    ),
    "alt_circles_across": "{^hands} take turns making small circles {side} at the {start}, moving {way}",
    "alt_knead": (
        "{^hands} lift and squeeze the muscle between the heel of the hand and the fingers {side}, "
        "from the {start} moving {way}"
    ),
    "alt_rake": (
        "Curved fingertips rake {way} {side}, from the {start}, a little further from the spine every few strokes"
    ),
    "alt_press": "{^hands} press and hold {side}, from the {start} moving {way}",
    "alt_paths": "{^hands} follow the paths drawn",
    "alt_way_up": "up",
    "alt_way_down": "down",
    "alt_way_outward": "out from the spine",
    "alt_way_inward": "in towards the spine",
    "alt_way_left": "to the left",
    "alt_way_right": "to the right",
    "alt_side_both": "either side of the spine",
    "alt_side_left": "on the left side",
    "alt_side_right": "on the right side",
    "alt_side_left_then_right": "on the left side, then on the right",
    "alt_side_right_then_left": "on the right side, then on the left",
    "alt_turn_up": "over the shoulder blades and round the shoulders",
    "alt_turn_down": "over the hips",
    "alt_back_up": "down the sides",
    "alt_back_down": "up the sides",
    "alt_no_pressure": "the {zones} is a no-pressure zone",
    "alt_no_pressure_many": "the {zones} are no-pressure zones",
    "alt_light": "touch the {zones} only lightly",
    "alt_and": "{first} and {last}",
    "alt_also": "{first}; {then}",
    "alt_picture": "Picture: {name}",  # an author image given no alt text
    "alt_avoid_map": "{figure}, with the zones where not to press marked: {zones}.",
    # Cautions
    "cautions_intro": "Read these before you begin. Cautions that belong to one stroke name it first.",
    "where_not_to_press": "Where to take care",
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
    "card_see_cautions": "More cautions and when to stop: see the cautions card.",
    "routine_card": "ROUTINE",
    "read_first": "READ FIRST",
    "read_first_part": "READ FIRST · {part} OF {parts}",
    "part": "{part} of {parts}",
    # The printer's slug lines and instructions
    "page_slug": "{title} · {edition} · page {page}",
    "print_slug": "{job} · sheet {sheet} of {sheets} · {side}",
    "side_front": "front",
    "side_back": "back",
    "trim_side": "sheet {sheet} {side}",
    "how_duplex": "Print double-sided, flipping on the {edge} edge.",
    "edge_short": "short",
    "edge_long": "long",
    "how_fold_all": (
        "Keep the sheets in printed order, fold the whole stack in half with sheet 1 outside, and staple "
        "twice on the fold, a quarter in from the head and the foot (the staple marks on the centre spread)."
    ),
    "how_fold_each": (
        "Fold each sheet in half on its own; stack the folded sheets in order, sheet 1 on top, and bind them "
        "along the folds."
    ),
    "how_fold_groups": (
        "Fold each group of {sheets} sheets in half on its own, keeping the sheets in printed order with the "
        "first outside; stack the folded groups in order, the first on top, and bind them along the folds."
    ),
    "how_last_group": "The last group has {sheets} sheets.",
    "how_last_group_one": "The last group is a single sheet.",
    "how_two_up": (
        "Each sheet carries the booklet twice, one copy above the other: staple both halves of the fold, then"
        " cut the folded stack across the middle into two booklets."
    ),
    "how_top_bound": (
        "The pages lie a quarter turn round on the sheet: the booklet is bound along the top edge of its "
        "pages and opens upward, like a calendar."
    ),
    "how_scaled": "Pages are scaled to {percent} to fit the sheet.",
    "how_creep": "Pages on the inner sheets move up to {mm} mm toward the fold to make up for creep.",
    "how_press": (
        "Print on {sheet} ({width} x {height} mm). After folding and stapling, trim the head, foot and fore-"
        "edge at the crop marks; the dashed marks show the fold."
    ),
    "how_trims": "Trim boxes in mm from the lower-left corner of each side: {boxes}.",
    "how_cards": (
        "Print double-sided, flipping on the {edge} edge; cut along the crop marks. Each card’s back reads "
        "upright when the card is turned over sideways."
    ),
    "how_cards_separate": (
        "Print the fronts file first. Put the printed sheets back in the paper tray in the same order, blank "
        "side to be printed (printed side up in a tray that prints on the underside, down in a feeder that "
        "prints on top), with {which} going into the printer first; then print the backs file. This is a turn"
        " about the {edge} edge. Cut along the crop marks."
    ),
    "which_same": "the edge that went in first",
    "which_opposite": "the opposite edge",
    "how_gang": "Neighbouring cards share one cut.",
    # A roster recipient's own edition
    "prepared_for": "Prepared for {name}",
    "personal_avoid": "No pressure at all on the {zone}: leave it out of every stroke.",
    "personal_light": "Light touch only on the {zone}.",
    "stroke_left_out": "{stroke} is left out of this edition: it works only areas to leave alone.",
}
