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
    "position": "AUSGANGSPOSITION",  # a fact label, set in capitals like the others
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
    "zone_waist": "Taille",
    "zone_head": "Kopf",
    "zone_base_of_skull": "Schädelbasis",
    "zone_side_of_neck": "Halsseite",
    "no_pressure": "Kein Druck",
    "light_touch": "Nur leicht berühren",
    "worked_area": "Bearbeiteter Bereich",
    "alt_sentence": "{figure}. {^text}.",
    "alt_figure_back": "Zeichnung eines Rückens von oben",
    "alt_figure_neck_shoulders": "Zeichnung von Kopf, Nacken und Schultern von hinten",
    "alt_both": "beide {hands}",
    "alt_one": "die {hands}",
    "alt_both_hands": "beide Hände",
    "alt_one_hands": "die Hände",
    "alt_glide": "{^hands} gleiten {way} {side}, ab dem Bereich „{start}“",
    "alt_fan": (
        "{^hands} gleiten {way} {side} ab dem Bereich „{start}“, fächern {turn} aus "
        "und kehren dann leicht {back} zurück"
    ),
    "alt_fan_across": "{^hands} gleiten {way} {side} ab dem Bereich „{start}“ und kehren etwas höher leicht zurück",
    "alt_circles": (
        "{^hands} ziehen abwechselnd langsame Kreise {side}, ab dem Bereich „{start}“ {way}, und "
        "gleiten dann leicht {back} zurück"
    ),
    "alt_circles_across": "{^hands} ziehen abwechselnd kleine Kreise {side} im Bereich „{start}“, {way}",
    "alt_knead": (
        "{^hands} heben und drücken den Muskel zwischen Handballen und Fingern {side}, ab dem Bereich „{start}“ {way}"
    ),
    "alt_rake": (
        "Gebogene Fingerspitzen harken {way} {side}, ab dem Bereich „{start}“, und setzen nach "
        "einigen Zügen etwas weiter von der Wirbelsäule entfernt an"
    ),
    "alt_press": "{^hands} drücken und halten {side}, ab dem Bereich „{start}“ {way}",
    "alt_paths": "{^hands} folgen den gezeichneten Wegen",
    "alt_way_up": "nach oben",
    "alt_way_down": "nach unten",
    "alt_way_outward": "von der Wirbelsäule nach außen",
    "alt_way_inward": "zur Wirbelsäule hin",
    "alt_way_left": "nach links",
    "alt_way_right": "nach rechts",
    "alt_side_both": "beiderseits der Wirbelsäule",
    "alt_side_left": "auf der linken Seite",
    "alt_side_right": "auf der rechten Seite",
    "alt_side_left_then_right": "erst auf der linken, dann auf der rechten Seite",
    "alt_side_right_then_left": "erst auf der rechten, dann auf der linken Seite",
    "alt_turn_up": "über die Schulterblätter und um die Schultern",
    "alt_turn_down": "über die Hüften",
    "alt_back_up": "an den Seiten hinab",
    "alt_back_down": "an den Seiten hinauf",
    "alt_no_pressure": "kein Druck auf: {zones}",
    "alt_no_pressure_many": "kein Druck auf: {zones}",
    "alt_light": "nur leicht berühren: {zones}",
    "alt_and": "{first} und {last}",
    "alt_also": "{first}; {then}",
    "alt_picture": "Bild: {name}",  # an author image given no alt text
    "alt_avoid_map": "{figure}; markiert sind die Stellen, auf die kein Druck kommt: {zones}.",
    "cautions_intro": (
        "Bitte vor dem Beginn lesen. Hinweise, die zu einer einzelnen Technik gehören, nennen diese zuerst."
    ),
    "where_not_to_press": "Wo Vorsicht geboten ist",
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
    "card_see_cautions": "Weitere Hinweise und wann Sie aufhören: siehe die Karte „Sicherheitshinweise“.",
    "routine_card": "ABLAUF",
    "read_first": "ZUERST LESEN",
    "read_first_part": "ZUERST LESEN · {part} VON {parts}",
    "part": "{part} von {parts}",
    "page_slug": "{title} · {edition} · Seite {page}",
    "print_slug": "{job} · Bogen {sheet} von {sheets} · {side}",
    "side_front": "Vorderseite",
    "side_back": "Rückseite",
    "trim_side": "Bogen {sheet} {side}",
    "how_duplex": "Beidseitig drucken, über die {edge} Kante wenden.",
    "edge_short": "kurze",
    "edge_long": "lange",
    "how_fold_all": (
        "Die Bogen in der Druckreihenfolge lassen, den ganzen Stapel mit Bogen 1 außen in der Mitte falzen "
        "und zweimal im Falz heften, je ein Viertel vom Kopf und vom Fuß entfernt (die Heftmarken auf der "
        "Mittelseite)."
    ),
    "how_fold_each": (
        "Jeden Bogen einzeln in der Mitte falzen; die gefalzten Bogen der Reihe nach stapeln, Bogen 1 oben, "
        "und entlang der Falze binden."
    ),
    "how_fold_groups": (
        "Jede Lage aus {sheets} Bogen einzeln in der Mitte falzen, die Bogen in der Druckreihenfolge, der "
        "erste außen; die gefalzten Lagen der Reihe nach stapeln, die erste oben, und entlang der Falze "
        "binden."
    ),
    "how_last_group": "Die letzte Lage hat {sheets} Bogen.",
    "how_last_group_one": "Die letzte Lage ist ein einzelner Bogen.",
    "how_two_up": (
        "Jeder Bogen trägt das Heft zweimal, ein Exemplar über dem anderen: beide Hälften des Falzes heften, "
        "dann den gefalzten Stapel in der Mitte quer in zwei Hefte schneiden."
    ),
    "how_top_bound": (
        "Die Seiten liegen um eine Vierteldrehung gedreht auf dem Bogen: Das Heft wird an der Oberkante der "
        "Seiten gebunden und nach oben aufgeschlagen, wie ein Kalender."
    ),
    "how_scaled": "Die Seiten sind auf {percent} verkleinert, damit sie auf den Bogen passen.",
    "how_creep": ("Die Seiten der inneren Bogen rücken bis zu {mm} mm zum Falz, um den Bundzuwachs auszugleichen."),
    "how_press": (
        "Auf {sheet} drucken ({width} x {height} mm). Nach dem Falzen und Heften Kopf, Fuß und Vorderkante an"
        " den Schnittmarken beschneiden; die gestrichelten Marken zeigen den Falz."
    ),
    "how_trims": "Endformatrahmen in mm ab der linken unteren Ecke jeder Seite: {boxes}.",
    "how_cards": (
        "Beidseitig drucken, über die {edge} Kante wenden; an den Schnittmarken schneiden. Die Rückseite "
        "jeder Karte steht aufrecht, wenn man die Karte seitlich umdreht."
    ),
    "how_cards_separate": (
        "Zuerst die Datei mit den Vorderseiten drucken. Die bedruckten Bogen in derselben Reihenfolge wieder "
        "in das Papierfach legen, die leere Seite zum Bedrucken (bedruckte Seite nach oben in einem Fach, das"
        " die Unterseite bedruckt, nach unten in einem Einzug, der oben druckt), mit {which} zuerst in den "
        "Drucker; dann die Datei mit den Rückseiten drucken. Das ist eine Wendung über die {edge} Kante. An "
        "den Schnittmarken schneiden."
    ),
    "which_same": "der Kante, die zuerst eingezogen wurde,",
    "which_opposite": "der gegenüberliegenden Kante",
    "how_gang": "Benachbarte Karten teilen sich einen Schnitt.",
    # A roster recipient's own edition
    "prepared_for": "Erstellt für {name}",
    "personal_avoid": "Kein Druck auf: {zone}. Diesen Bereich bei jedem Griff auslassen.",
    "personal_light": "Nur leichte Berührung: {zone}.",
    "stroke_left_out": "{stroke} fehlt in dieser Ausgabe: Der Griff arbeitet nur an Bereichen, die ausgelassen werden.",
}
