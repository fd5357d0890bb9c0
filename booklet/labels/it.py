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
    "position": "DOVE METTERSI",  # a fact label, set in capitals like the others
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
    "zone_waist": "vita",
    "zone_head": "testa",
    "zone_base_of_skull": "base del cranio",
    "zone_side_of_neck": "lato del collo",
    "no_pressure": "Nessuna pressione",
    "light_touch": "Solo tocco leggero",
    "worked_area": "Zona trattata",
    "alt_sentence": "{figure}. {^text}.",
    "alt_figure_back": "Schema di una schiena vista dall’alto",
    "alt_figure_neck_shoulders": "Schema di testa, collo e spalle visti da dietro",
    "alt_both": "entrambe le mani ({hands})",
    "alt_one": "le mani ({hands})",
    "alt_both_hands": "entrambe le mani",
    "alt_one_hands": "le mani",
    "alt_glide": "{^hands} scivolano {way} {side}, dalla zona «{start}»",
    "alt_fan": (
        "{^hands} scivolano {way} {side} dalla zona «{start}», si aprono a ventaglio {turn}, poi tornano leggere {back}"
    ),
    "alt_fan_across": "{^hands} scivolano {way} {side} dalla zona «{start}» e tornano leggere un po’ più in alto",
    "alt_circles": (
        "{^hands} tracciano a turno cerchi lenti {side}, dalla zona «{start}» {way}, poi scivolano leggere {back}"
    ),
    "alt_circles_across": "{^hands} tracciano a turno piccoli cerchi {side} sulla zona «{start}», {way}",
    "alt_knead": (
        "{^hands} sollevano e stringono il muscolo tra la base del palmo e le dita {side}, dalla zona «{start}» {way}"
    ),
    "alt_rake": (
        "I polpastrelli curvi rastrellano {way} {side}, dalla zona «{start}», e ogni due o tre "
        "passate si allontanano un po’ dalla colonna"
    ),
    "alt_press": "{^hands} premono e tengono {side}, dalla zona «{start}» {way}",
    "alt_paths": "{^hands} seguono i percorsi disegnati",
    "alt_way_up": "verso l’alto",
    "alt_way_down": "verso il basso",
    "alt_way_outward": "allontanandosi dalla colonna",
    "alt_way_inward": "verso la colonna",
    "alt_way_left": "verso sinistra",
    "alt_way_right": "verso destra",
    "alt_side_both": "ai due lati della colonna",
    "alt_side_left": "sul lato sinistro",
    "alt_side_right": "sul lato destro",
    "alt_side_left_then_right": "prima sul lato sinistro, poi sul destro",
    "alt_side_right_then_left": "prima sul lato destro, poi sul sinistro",
    "alt_turn_up": "sulle scapole e intorno alle spalle",
    "alt_turn_down": "sui fianchi",
    "alt_back_up": "scendendo lungo i fianchi",
    "alt_back_down": "risalendo lungo i fianchi",
    "alt_no_pressure": "nessuna pressione su: {zones}",
    "alt_no_pressure_many": "nessuna pressione su: {zones}",
    "alt_light": "toccare solo leggermente: {zones}",
    "alt_and": "{first} e {last}",
    "alt_also": "{first}; {then}",
    "alt_picture": "Immagine: {name}",  # an author image given no alt text
    "alt_avoid_map": "{figure}, con le zone in cui non premere evidenziate: {zones}.",
    "cautions_intro": (
        "Da leggere prima di iniziare. Le avvertenze che riguardano una sola tecnica la nominano per prima."
    ),
    "where_not_to_press": "Dove fare attenzione",
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
    "card_see_cautions": "Altre avvertenze e quando fermarsi: vedi la scheda delle avvertenze.",
    "routine_card": "SEQUENZA",
    "read_first": "DA LEGGERE PRIMA",
    "read_first_part": "DA LEGGERE PRIMA · {part} DI {parts}",
    "part": "{part} di {parts}",
    "page_slug": "{title} · {edition} · pagina {page}",
    "print_slug": "{job} · foglio {sheet} di {sheets} · {side}",
    "side_front": "fronte",
    "side_back": "retro",
    "trim_side": "foglio {sheet} {side}",
    "how_duplex": "Stampa fronte e retro, girando sul lato {edge}.",
    "edge_short": "corto",
    "edge_long": "lungo",
    "how_fold_all": (
        "Tieni i fogli nell’ordine di stampa, piega a metà tutta la pila con il foglio 1 all’esterno e pinza "
        "due volte sulla piega, a un quarto dalla testa e dal piede (i segni di pinzatura sulla doppia pagina"
        " centrale)."
    ),
    "how_fold_each": (
        "Piega a metà ogni foglio da solo; impila i fogli piegati in ordine, il foglio 1 sopra, e rilegali "
        "lungo le pieghe."
    ),
    "how_fold_groups": (
        "Piega a metà ogni segnatura di {sheets} fogli da sola, con i fogli nell’ordine di stampa e il primo "
        "all’esterno; impila le segnature piegate in ordine, la prima sopra, e rilegale lungo le pieghe."
    ),
    "how_last_group": "L’ultima segnatura ha {sheets} fogli.",
    "how_last_group_one": "L’ultima segnatura è un foglio solo.",
    "how_two_up": (
        "Ogni foglio porta il libretto due volte, una copia sopra l’altra: pinza entrambe le metà della "
        "piega, poi taglia la pila piegata a metà in due libretti."
    ),
    "how_top_bound": (
        "Le pagine sono ruotate di un quarto di giro sul foglio: il libretto è rilegato sul bordo superiore "
        "delle pagine e si apre verso l’alto, come un calendario."
    ),
    "how_scaled": "Le pagine sono ridotte al {percent} per stare nel foglio.",
    "how_creep": (
        "Le pagine dei fogli interni si spostano fino a {mm} mm verso la piega per compensare lo scorrimento."
    ),
    "how_press": (
        "Stampa su {sheet} ({width} x {height} mm). Dopo la piegatura e la pinzatura, rifila testa, piede e "
        "margine esterno ai segni di taglio; i segni tratteggiati indicano la piega."
    ),
    "how_trims": "Formati rifilati in mm dall’angolo inferiore sinistro di ogni facciata: {boxes}.",
    "how_cards": (
        "Stampa fronte e retro, girando sul lato {edge}; taglia lungo i segni di taglio. Il retro di ogni "
        "carta si legge diritto quando la carta si gira di lato."
    ),
    "how_cards_separate": (
        "Stampa prima il file dei fronti. Rimetti i fogli stampati nel cassetto nello stesso ordine, con la "
        "facciata bianca da stampare (facciata stampata in alto in un cassetto che stampa sotto, in basso in "
        "un alimentatore che stampa sopra), con {which} che entra per primo nella stampante; poi stampa il "
        "file dei retri. È un giro sul lato {edge}. Taglia lungo i segni di taglio."
    ),
    "which_same": "il lato entrato per primo",
    "which_opposite": "il lato opposto",
    "how_gang": "Le carte vicine condividono un solo taglio.",
    # A roster recipient's own edition
    "prepared_for": "Preparato per {name}",
    "personal_avoid": "Nessuna pressione su questa zona: {zone}. Evitala in ogni manovra.",
    "personal_light": "Solo un tocco leggero su questa zona: {zone}.",
    "stroke_left_out": "{stroke} non compare in questa edizione: lavora solo zone da evitare.",
}
