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
    "position": "OÙ SE PLACER",  # a fact label, set in capitals like the others
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
    "zone_waist": "taille",
    "zone_head": "tête",
    "zone_base_of_skull": "base du crâne",
    "zone_side_of_neck": "côté du cou",
    "no_pressure": "Aucune pression",
    "light_touch": "Toucher léger seulement",
    "worked_area": "Zone travaillée",
    "alt_sentence": "{figure}. {^text}.",
    "alt_figure_back": "Schéma d’un dos vu d’en haut",
    "alt_figure_neck_shoulders": "Schéma de la tête, du cou et des épaules vus de dos",
    "alt_both": "les deux {hands}",
    "alt_one": "les {hands}",
    "alt_both_hands": "les deux mains",
    "alt_one_hands": "les mains",
    "alt_glide": "{^hands} glissent {way} {side}, à partir de la zone « {start} »",
    "alt_fan": (
        "{^hands} glissent {way} {side} à partir de la zone « {start} », s’ouvrent en éventail {turn}, "
        "puis reviennent légèrement {back}"
    ),
    "alt_fan_across": (
        "{^hands} glissent {way} {side} à partir de la zone « {start} » et reviennent légèrement un peu plus haut"
    ),
    "alt_circles": (
        "{^hands} tracent tour à tour des cercles lents {side}, à partir de la zone « {start} » {way}, "
        "puis glissent légèrement {back}"
    ),
    "alt_circles_across": "{^hands} tracent tour à tour de petits cercles {side} sur la zone « {start} », {way}",
    "alt_knead": (
        "{^hands} soulèvent et pressent le muscle entre le talon de la main et les doigts {side}, à "
        "partir de la zone « {start} » {way}"
    ),
    "alt_rake": (
        "Le bout des doigts recourbés ratisse {way} {side}, à partir de la zone « {start} », en "
        "s’écartant un peu de la colonne toutes les deux ou trois passes"
    ),
    "alt_press": "{^hands} appuient et maintiennent {side}, à partir de la zone « {start} » {way}",
    "alt_paths": "{^hands} suivent les tracés dessinés",
    "alt_way_up": "vers le haut",
    "alt_way_down": "vers le bas",
    "alt_way_outward": "en s’éloignant de la colonne",
    "alt_way_inward": "vers la colonne",
    "alt_way_left": "vers la gauche",
    "alt_way_right": "vers la droite",
    "alt_side_both": "de part et d’autre de la colonne",
    "alt_side_left": "du côté gauche",
    "alt_side_right": "du côté droit",
    "alt_side_left_then_right": "du côté gauche, puis du côté droit",
    "alt_side_right_then_left": "du côté droit, puis du côté gauche",
    "alt_turn_up": "sur les omoplates et autour des épaules",
    "alt_turn_down": "sur les hanches",
    "alt_back_up": "en descendant le long des flancs",
    "alt_back_down": "en remontant le long des flancs",
    "alt_no_pressure": "aucune pression sur : {zones}",
    "alt_no_pressure_many": "aucune pression sur : {zones}",
    "alt_light": "toucher seulement légèrement : {zones}",
    "alt_and": "{first} et {last}",
    "alt_also": "{first} ; {then}",
    "alt_picture": "Image : {name}",  # an author image given no alt text
    "alt_avoid_map": "{figure}, avec les zones où ne pas appuyer mises en évidence : {zones}.",
    "cautions_intro": "À lire avant de commencer. Les précautions propres à une technique la nomment en premier.",
    "where_not_to_press": "Où faire attention",
    "avoid": "Ne pas appuyer",
    "danger": "DANGER",
    "warning": "AVERTISSEMENT",
    "caution": "ATTENTION",
    "notice": "AVIS",
    "stop_heading": "Arrêtez immédiatement si",
    "at_a_glance": "Les techniques en un coup d’œil",
    "stroke_cautions": "Les précautions propres à une technique figurent avec ses étapes :",
    "main_reference": "Pour en savoir plus",
    "minute": "{n} minute",
    "minutes": "{n} minutes",
    "minutes_few": "{n} minutes",
    "minutes_many": "{n} minutes",
    "total": "Total\u00a0: {time}",
    "scan": "Scannez le code pour ouvrir le lien.",
    "page_ref": "p.\u00a0{page}",
    "card_steps": "{name}\u00a0: étapes",
    "card_see_cautions": "Autres précautions et quand arrêter\u00a0: voir la carte des précautions.",
    "routine_card": "SÉANCE",
    "read_first": "À LIRE D’ABORD",
    "read_first_part": "À LIRE D’ABORD · {part} SUR {parts}",
    "part": "{part} sur {parts}",
    "page_slug": "{title} · {edition} · page {page}",
    "print_slug": "{job} · feuille {sheet} sur {sheets} · {side}",
    "side_front": "recto",
    "side_back": "verso",
    "trim_side": "feuille {sheet} {side}",
    "how_duplex": "Imprimer en recto verso, en retournant sur le bord {edge}.",
    "edge_short": "court",
    "edge_long": "long",
    "how_fold_all": (
        "Garder les feuilles dans l’ordre d’impression, plier toute la pile en deux, la feuille 1 à "
        "l’extérieur, et agrafer deux fois dans le pli, à un quart de la tête et du pied (les repères "
        "d’agrafe sur la double page centrale)."
    ),
    "how_fold_each": (
        "Plier chaque feuille en deux séparément ; empiler les feuilles pliées dans l’ordre, la feuille 1 "
        "dessus, et les relier le long des plis."
    ),
    "how_fold_groups": (
        "Plier chaque cahier de {sheets} feuilles en deux séparément, les feuilles dans l’ordre d’impression,"
        " la première à l’extérieur ; empiler les cahiers pliés dans l’ordre, le premier dessus, et les "
        "relier le long des plis."
    ),
    "how_last_group": "Le dernier cahier compte {sheets} feuilles.",
    "how_last_group_one": "Le dernier cahier est une seule feuille.",
    "how_two_up": (
        "Chaque feuille porte le livret deux fois, un exemplaire au-dessus de l’autre : agrafer les deux "
        "moitiés du pli, puis couper la pile pliée en travers, au milieu, en deux livrets."
    ),
    "how_top_bound": (
        "Les pages sont tournées d’un quart de tour sur la feuille : le livret est relié par le bord "
        "supérieur des pages et s’ouvre vers le haut, comme un calendrier."
    ),
    "how_scaled": "Les pages sont réduites à {percent} pour tenir sur la feuille.",
    "how_creep": (
        "Les pages des feuilles intérieures se rapprochent du pli de {mm} mm au plus, pour compenser la chasse."
    ),
    "how_press": (
        "Imprimer sur {sheet} ({width} x {height} mm). Après pliage et agrafage, rogner la tête, le pied et "
        "la gouttière aux traits de coupe ; les repères en tirets montrent le pli."
    ),
    "how_trims": "Formats rognés en mm depuis le coin inférieur gauche de chaque face : {boxes}.",
    "how_cards": (
        "Imprimer en recto verso, en retournant sur le bord {edge} ; couper aux traits de coupe. Le verso de "
        "chaque carte se lit à l’endroit quand on la retourne de côté."
    ),
    "how_cards_separate": (
        "Imprimer d’abord le fichier des rectos. Remettre les feuilles imprimées dans le bac dans le même "
        "ordre, face vierge à imprimer (face imprimée vers le haut dans un bac qui imprime le dessous, vers "
        "le bas dans un passe-copie qui imprime le dessus), avec {which} en premier dans l’imprimante ; puis "
        "imprimer le fichier des versos. C’est un retournement sur le bord {edge}. Couper aux traits de "
        "coupe."
    ),
    "which_same": "le bord entré en premier",
    "which_opposite": "le bord opposé",
    "how_gang": "Les cartes voisines partagent une même coupe.",
    # A roster recipient's own edition
    "prepared_for": "Préparé pour {name}",
    "personal_avoid": "Aucune pression sur cette zone : {zone}. Évitez-la dans chaque mouvement.",
    "personal_light": "Toucher léger seulement sur cette zone : {zone}.",
    "stroke_left_out": "{stroke} ne figure pas dans cette édition : ce mouvement ne travaille que des zones à éviter.",
}
