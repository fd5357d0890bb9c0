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
    "position": "DÓNDE COLOCARSE",  # a fact label, set in capitals like the others
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
    "zone_waist": "cintura",
    "zone_head": "cabeza",
    "zone_base_of_skull": "base del cráneo",
    "zone_side_of_neck": "lado del cuello",
    "no_pressure": "Sin presión",
    "light_touch": "Solo un toque suave",
    "worked_area": "Zona trabajada",
    "alt_sentence": "{figure}. {^text}.",
    "alt_figure_back": "Esquema de una espalda vista desde arriba",
    "alt_figure_neck_shoulders": "Esquema de la cabeza, el cuello y los hombros vistos desde atrás",
    "alt_both": "ambas manos ({hands})",
    "alt_one": "las manos ({hands})",
    "alt_both_hands": "ambas manos",
    "alt_one_hands": "las manos",
    "alt_glide": "{^hands} se deslizan {way} {side}, desde la zona «{start}»",
    "alt_fan": (
        "{^hands} se deslizan {way} {side} desde la zona «{start}», se abren en abanico {turn} y "
        "luego vuelven suavemente {back}"
    ),
    "alt_fan_across": (
        "{^hands} se deslizan {way} {side} desde la zona «{start}» y vuelven suavemente un poco más arriba"
    ),
    "alt_circles": (
        "{^hands} trazan por turnos círculos lentos {side}, desde la zona «{start}» {way}, y luego se "
        "deslizan suavemente {back}"
    ),
    "alt_circles_across": "{^hands} trazan por turnos círculos pequeños {side} en la zona «{start}», {way}",
    "alt_knead": (
        "{^hands} levantan y aprietan el músculo entre la base de la mano y los dedos {side}, desde "
        "la zona «{start}» {way}"
    ),
    "alt_rake": (
        "Las yemas curvadas rastrillan {way} {side}, desde la zona «{start}», y cada dos o tres "
        "pasadas se alejan un poco más de la columna"
    ),
    "alt_press": "{^hands} presionan y mantienen {side}, desde la zona «{start}» {way}",
    "alt_paths": "{^hands} siguen los recorridos dibujados",
    "alt_way_up": "hacia arriba",
    "alt_way_down": "hacia abajo",
    "alt_way_outward": "alejándose de la columna",
    "alt_way_inward": "hacia la columna",
    "alt_way_left": "hacia la izquierda",
    "alt_way_right": "hacia la derecha",
    "alt_side_both": "a ambos lados de la columna",
    "alt_side_left": "en el lado izquierdo",
    "alt_side_right": "en el lado derecho",
    "alt_side_left_then_right": "primero en el lado izquierdo y luego en el derecho",
    "alt_side_right_then_left": "primero en el lado derecho y luego en el izquierdo",
    "alt_turn_up": "sobre los omóplatos y alrededor de los hombros",
    "alt_turn_down": "sobre las caderas",
    "alt_back_up": "bajando por los costados",
    "alt_back_down": "subiendo por los costados",
    "alt_no_pressure": "sin presión en: {zones}",
    "alt_no_pressure_many": "sin presión en: {zones}",
    "alt_light": "tocar solo suavemente: {zones}",
    "alt_and": "{first} y {last}",
    "alt_also": "{first}; {then}",
    "alt_picture": "Imagen: {name}",  # an author image given no alt text
    "alt_avoid_map": "{figure}, con las zonas donde no se debe presionar marcadas: {zones}.",
    "cautions_intro": (
        "Léalas antes de empezar. Las precauciones propias de una técnica la mencionan en primer lugar."
    ),
    "where_not_to_press": "Dónde tener cuidado",
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
    "card_see_cautions": "Más precauciones y cuándo parar: vea la tarjeta de precauciones.",
    "routine_card": "RUTINA",
    "read_first": "LEER PRIMERO",
    "read_first_part": "LEER PRIMERO · {part} DE {parts}",
    "part": "{part} de {parts}",
    "page_slug": "{title} · {edition} · página {page}",
    "print_slug": "{job} · pliego {sheet} de {sheets} · {side}",
    "side_front": "anverso",
    "side_back": "reverso",
    "trim_side": "pliego {sheet} {side}",
    "how_duplex": "Imprime a doble cara, volteando por el borde {edge}.",
    "edge_short": "corto",
    "edge_long": "largo",
    "how_fold_all": (
        "Mantén los pliegos en el orden de impresión, dobla toda la pila por la mitad con el pliego 1 por "
        "fuera y grapa dos veces en el doblez, a un cuarto de la cabeza y del pie (las marcas de grapa en la "
        "doble página central)."
    ),
    "how_fold_each": (
        "Dobla cada pliego por la mitad por separado; apila los pliegos doblados en orden, el pliego 1 "
        "encima, y encuadérnalos por los dobleces."
    ),
    "how_fold_groups": (
        "Dobla cada cuadernillo de {sheets} pliegos por la mitad por separado, con los pliegos en el orden de"
        " impresión y el primero por fuera; apila los cuadernillos doblados en orden, el primero encima, y "
        "encuadérnalos por los dobleces."
    ),
    "how_last_group": "El último cuadernillo tiene {sheets} pliegos.",
    "how_last_group_one": "El último cuadernillo es un solo pliego.",
    "how_two_up": (
        "Cada pliego lleva el folleto dos veces, una copia encima de la otra: grapa las dos mitades del "
        "doblez y después corta la pila doblada por el medio en dos folletos."
    ),
    "how_top_bound": (
        "Las páginas van giradas un cuarto de vuelta en el pliego: el folleto se encuaderna por el borde "
        "superior de las páginas y se abre hacia arriba, como un calendario."
    ),
    "how_scaled": "Las páginas se reducen al {percent} para caber en la hoja.",
    "how_creep": (
        "Las páginas de los pliegos interiores se acercan hasta {mm} mm al doblez para compensar el desplazamiento."
    ),
    "how_press": (
        "Imprime en {sheet} ({width} x {height} mm). Después de doblar y grapar, refila la cabeza, el pie y "
        "el corte delantero por las marcas de corte; las marcas discontinuas indican el doblez."
    ),
    "how_trims": "Cajas de corte en mm desde la esquina inferior izquierda de cada cara: {boxes}.",
    "how_cards": (
        "Imprime a doble cara, volteando por el borde {edge}; corta por las marcas de corte. El reverso de "
        "cada tarjeta se lee derecho al girarla de lado."
    ),
    "how_cards_separate": (
        "Imprime primero el archivo de anversos. Vuelve a poner los pliegos impresos en la bandeja en el "
        "mismo orden, con la cara en blanco para imprimir (cara impresa hacia arriba en una bandeja que "
        "imprime por debajo, hacia abajo en un alimentador que imprime por arriba), con {which} entrando "
        "primero en la impresora; después imprime el archivo de reversos. Es un giro por el borde {edge}. "
        "Corta por las marcas de corte."
    ),
    "which_same": "el borde que entró primero",
    "which_opposite": "el borde opuesto",
    "how_gang": "Las tarjetas vecinas comparten un mismo corte.",
    # A roster recipient's own edition
    "prepared_for": "Preparado para {name}",
    "personal_avoid": "Ninguna presión en esta zona: {zone}. Evítela en cada maniobra.",
    "personal_light": "Solo un toque ligero en esta zona: {zone}.",
    "stroke_left_out": "{stroke} no aparece en esta edición: solo trabaja zonas que hay que evitar.",
}
