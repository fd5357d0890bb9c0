"""Benchmark: how well booklet's syllable counts, and pyphen's hyphenation points, match hand counts.

Run: python bench/bench_syllables.py. For each language a list of words with their
spoken syllables counted by hand; it prints how many each method gets exactly right and
the words it misses. Hyphenation points are counted with no minimum at the ends of a
word (a syllable count is the points plus one), which is the best case for them.
"""

from __future__ import annotations

import pyphen

from booklet.hyphenate import Patterns
from booklet.syllables import syllables

HAND = {
    "en": "back 1 massage 2 gently 2 stroke 1 pressure 2 shoulder 2 blades 1 kneading 2 circles 2 "
    "gentle 2 every 3 spine 1 muscles 2 relaxed 2 fingertips 3 towards 2 area 3 hips 1 lower 2 "
    "create 2 idea 3 people 2 movement 2 comfortable 4 breathe 1 rhythm 2 table 2 alternate 3 "
    "surface 2 business 2 slowly 2 warm 1 oil 1 palms 1 firmly 2 likely 2 being 2 video 3",
    "de": "Schulter 2 Entspannung 3 Schreibtisch 2 Nacken 2 Dehnung 2 Minuten 3 leicht 1 Wirbelsäule 4 "
    "Schulterblatt 3 langsam 2 beginnen 3 Übung 2 Bildschirmarbeit 4 Situation 4 Familie 3 "
    "beobachten 4 Muskulatur 4 Theater 3 Museum 3 ausatmen 3 Kribbeln 2 Schwindel 2 sofort 2 "
    "aufhören 3 Kopf 1 Seite 2 neigen 2 sanft 1 Hände 2 Fingerspitzen 4 Verspannungen 4 "
    "Ergonomie 4 Arbeitsplatz 3 Pause 2 Idee 2 Ratgeber 3 eineinhalb 3 Bauer 2 heute 2 Region 2 "
    "Januar 3 ideal 3 Stuhl 1 Füße 2 Boden 2 aufrecht 2 Geometrie 4 Lineal 3 Schnee 1",
    "es": "planta 2 riego 2 agua 2 hojas 2 maceta 3 tierra 2 luz 1 sol 1 semana 3 humedad 3 raíz 2 "
    "día 2 oído 3 poeta 3 ciudad 2 cuidado 3 guerra 2 queso 2 fertilizante 5 regar 2 "
    "trasplantar 3 veces 2 invierno 3 aire 2 país 2 leer 2 maíz 2 europeo 4 buey 1 hoy 1 muy 1 "
    "época 3 crecimiento 4 bien 1 ayuda 3 caer 2 guion 1 frío 2 reúne 3 oeste 3",
    "fr": "main 1 dos 1 épaule 2 doigts 1 massage 2 pression 2 lentement 3 colonne 2 vertébrale 3 "
    "paumes 1 cercles 2 légère 2 muscles 2 toujours 2 jamais 2 réel 2 naïf 2 créer 2 "
    "respiration 4 bras 1 eau 1 huile 1 minutes 2 douleur 2 poignet 2 geste 1 tête 1 "
    "année 2 village 2 reins 1 omoplates 3 chaque 1 étirement 3 avec 2 pendant 2 oiseau 2",
}


def main() -> None:
    for language, text in HAND.items():
        tokens = text.split()
        words = dict(zip(tokens[::2], map(int, tokens[1::2]), strict=True))
        code = pyphen.language_fallback(language if language != "en" else "en_US")
        table = Patterns.read(pyphen.LANGUAGES[code], 1, 1)
        assert table is not None
        ours = {w: syllables(w, language) for w in words}
        points = {w: len(table.positions(w)) + 1 for w in words}
        for name, got in (("vowel rules", ours), ("hyphenation points", points)):
            wrong = [f"{w} {got[w]}/{n}" for w, n in words.items() if got[w] != n]
            print(f"{language} {name:18} {len(words) - len(wrong):2}/{len(words)} right; missed: {', '.join(wrong)}")


if __name__ == "__main__":
    main()
