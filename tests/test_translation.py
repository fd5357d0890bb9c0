"""Translated editions: booklet translate -> fill the PO file -> validate / build / batch --lang.

Real files throughout: the Spanish fixture is copied, `booklet translate` writes its
PO file, the test fills it with polib as a translator's editor would, and the PDFs
built from it are read back.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from booklet.cli import main
from tests.conftest import FIXTURES, pdf_text, squash


def cli(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def plantas(tmp_path: Path) -> Path:
    """A copy of the Spanish houseplant booklet, with a few strings a translation must handle."""
    target = tmp_path / "plantas"
    shutil.copytree(FIXTURES / "plantas-es", target)
    yaml = target / "booklet.yaml"
    text = yaml.read_text(encoding="utf-8")
    text = text.replace(
        "items: [Regadera, Paño suave, Agua sin cal]", "items: [Regadera, Paño suave, Agua sin cal, Regar]"
    )
    text = text.replace(
        "      - Pasa un paño húmedo de la base a la punta.",
        "      - Pasa un paño húmedo **de la base a la punta**.\n"
        "    tips:\n"
        "      - Más ideas en https://example.org/hojas cada semana.",
    )
    text += 'labels:\n  page_ref: "pág. {page}"\n'
    yaml.write_text(text, encoding="utf-8")
    return target


def german(msgid: str) -> str:
    """A stand-in translation that cannot be mistaken for the source: the text in capitals,
    markup, links and placeholders kept."""
    if "{" in msgid:
        return msgid.replace("pág.", "S.")
    return re.sub(
        r"https?://\S+|[^\W\d_]+", lambda m: m.group() if m.group().startswith("http") else m.group().upper(), msgid
    )


def po_of(folder: Path, lang: str = "de") -> Path:
    return folder / "translations" / f"{lang}.po"


def fill(path: Path, skip: tuple[str, ...] = (), fuzzy: tuple[str, ...] = ()) -> polib.POFile:
    """Translate every entry but those whose msgid is in ``skip``; mark those in ``fuzzy`` fuzzy."""
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid in skip:
            continue
        entry.msgstr = german(entry.msgid)
        if entry.msgid in fuzzy:
            entry.flags.append("fuzzy")
    po.save(str(path))
    return po


def msgstr_line(path: Path, msgctxt: str, msgid: str) -> int:
    """The line of the msgstr of one entry, read from the file's text."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(lines):
        if line == f'msgctxt "{msgctxt}"' and lines[n + 1] == f'msgid "{msgid}"':
            return n + 3
    raise AssertionError(f"{msgctxt} / {msgid} not in {path}")


STEPS = (
    "Comprueba con el dedo que la tierra está seca a 2 cm de profundidad.",
    "Vierte el agua despacio hasta que salga por el agujero de la maceta.",
    "Sujeta la hoja por debajo con una mano.",
    "Pasa un paño húmedo **de la base a la punta**.",
)


def test_translate_writes_one_entry_per_string_with_places_and_contexts(plantas: Path):
    code, out, _ = cli("translate", plantas, "--lang", "de")
    assert code == 0, out
    assert out.startswith(f"wrote {po_of(plantas)}")
    po = polib.pofile(str(po_of(plantas)))
    assert po.metadata["Language"] == "de"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert po.metadata["X-Source-Language"] == "es"
    ids = {(e.msgctxt, e.msgid): e for e in po}
    for step in STEPS:
        entry = next(e for (ctx, msgid), e in ids.items() if msgid == step)
        assert entry.msgctxt.endswith(".steps.text")
        (file, line), *_ = entry.occurrences
        assert file == "booklet.yaml"
        assert (
            (plantas / file)
            .read_text(encoding="utf-8")
            .split("\n")[int(line) - 1]
            .strip()
            .endswith(step.split(" ", 1)[1])
        )
    # The same words in two fields are two entries, kept apart by their context.
    assert ("strokes.regar.name", "Regar") in ids
    assert ("checklists.material.items", "Regar") in ids
    # Every kind of text is there; identifiers, choices and built-in hand words are not.
    contexts = {ctx for ctx, _ in ids}
    assert {"title", "introduction", "strokes.regar.cautions.text", "cautions.text", "routine.title"} <= contexts
    assert {"references.title", "strokes.limpiar.tips", "labels.page_ref"} <= contexts
    assert ("strokes.limpiar.hands", "paño húmedo") in ids
    msgids = {msgid for _, msgid in ids}
    assert not msgids & {"regar", "light", "palms", "fingertips", "https://example.org/plantas"}
    code, out, _ = cli("list", plantas)
    assert "  es (as written), de" in out.splitlines()


def test_build_lang_prints_every_step_translated_and_counts_what_falls_back(plantas: Path, tmp_path: Path):
    cli("translate", plantas, "--lang", "de")
    fill(po_of(plantas), skip=("Guía de plantas", "Vivero Municipal"), fuzzy=("Rutina semanal",))
    code, out, err = cli("build", plantas, "--lang", "de", "-o", tmp_path / "de.pdf")
    assert code == 0, out + err
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1, err
    total = len([e for e in polib.pofile(str(po_of(plantas)))])
    assert warnings[0] == (
        f"{po_of(plantas)}: warning: 3 of {total} strings print in the source language (2 untranslated, 1 fuzzy)"
    )
    text = squash(pdf_text((tmp_path / "de.pdf").read_bytes()))
    for step in STEPS:
        assert squash(german(step)) in text
        assert squash(step) not in text
    assert "Schritte" in text
    assert "Pasos" not in text
    assert "2,5 Minuten" in text  # German numbers
    assert "Guía de plantas" in text
    assert "Rutina semanal" in text
    assert "https://example.org/hojas" in text
    code, out, err = cli("build", plantas, "--lang", "de", "-f", "cards", "-o", tmp_path / "cards.pdf")
    assert code == 0, out + err
    cards = squash(pdf_text((tmp_path / "cards.pdf").read_bytes()))
    for step in STEPS:
        assert squash(german(step)) in cards


def test_output_name_carries_the_language_and_the_library_takes_lang(plantas: Path, tmp_path: Path):
    from booklet.build import build_booklet
    from booklet.errors import OptionError

    cli("translate", plantas, "--lang", "de")
    fill(po_of(plantas))
    paths = build_booklet(plantas, lang="de", output_dir=tmp_path / "out")
    assert [p.name for p in paths] == ["plantas-de.pdf"]
    data = build_booklet(plantas, lang="de", format="cards")
    assert squash(german(STEPS[0])) in squash(pdf_text(data))
    with pytest.raises(OptionError, match="not a language code"):
        build_booklet(plantas, lang="deutsch!")


def test_mismatched_markup_links_and_placeholders_are_reported_at_the_po_line(plantas: Path, tmp_path: Path):
    cli("translate", plantas, "--lang", "de")
    path = po_of(plantas)
    po = fill(path)
    wrong = {
        "Pasa un paño húmedo **de la base a la punta**.": "EIN FEUCHTES TUCH VON UNTEN NACH OBEN.",
        "Más ideas en https://example.org/hojas cada semana.": "MEHR IDEEN JEDE WOCHE.",
        "pág. {page}": "S. {seite}",
    }
    for entry in po:
        entry.msgstr = wrong.get(entry.msgid, entry.msgstr)
    po.save(str(path))
    lines = {
        msgid: msgstr_line(path, next(e.msgctxt for e in po if e.msgid == msgid), msgid.replace('"', '\\"'))
        for msgid in wrong
    }
    code, out, err = cli("validate", plantas, "--lang", "de")
    assert code == 1
    shown = err.splitlines()
    assert shown == [
        f"{path}:{lines[STEPS[3]]}:1: error: strokes.limpiar.steps.text: "
        "the msgid has 1 **bold** span, the translation 0",
        f"{path}:{lines['Más ideas en https://example.org/hojas cada semana.']}:1: error: strokes.limpiar.tips: "
        "the web addresses differ (https://example.org/hojas); keep each address of the msgid as it is",
        f"{path}:{lines['pág. {page}']}:1: error: labels.page_ref: "
        "unknown placeholder {seite} (this label takes {page})",
        f"{path}:{lines['pág. {page}']}:1: error: labels.page_ref: missing placeholder {{page}}",
    ], err
    code, _, build_err = cli("build", plantas, "--lang", "de", "-o", tmp_path / "x.pdf")
    assert code == 1
    assert build_err.splitlines() == shown  # validate and build agree
    assert not (tmp_path / "x.pdf").exists()


def test_po_syntax_error_and_missing_file_are_one_line_each(plantas: Path, tmp_path: Path):
    cli("translate", plantas, "--lang", "de")
    path = po_of(plantas)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(20, "this is not PO")
    path.write_text("\n".join(lines), encoding="utf-8")
    for command in (
        ("validate", plantas, "--lang", "de"),
        ("build", plantas, "--lang", "de", "-o", tmp_path / "a.pdf"),
    ):
        code, _, err = cli(*command)
        assert code == 1
        assert err.splitlines() == [f"{path}:21:1: error: PO syntax error"], err
    code, _, err = cli("build", plantas, "--lang", "it", "-o", tmp_path / "b.pdf")
    assert code == 1
    assert err.splitlines() == [
        f"{po_of(plantas, 'it')}: error: no translation into 'it': run `booklet translate SOURCE --lang it` "
        "and fill in translations/it.po"
    ]
    code, out, err = cli("translate", plantas, "--lang", "es")
    assert code == 2
    assert "the content is written in 'es'" in out + err


def test_a_translation_that_overflows_a_card_is_reported_at_its_po_line(plantas: Path):
    cli("translate", plantas, "--lang", "de")
    path = po_of(plantas)
    po = fill(path)
    long = " ".join(["SEHR LANGER SCHRITT MIT VIELEN WORTEN"] * 80) + "."
    for entry in po:
        if entry.msgid == STEPS[2]:
            entry.msgstr = long
    po.save(str(path))
    line = msgstr_line(path, "strokes.limpiar.steps.text", STEPS[2])
    code, _, err = cli("validate", plantas, "--lang", "de")
    assert code == 1
    assert err.splitlines()[0].startswith(f"{path}:{line}:1: error: "), err
    assert "card" in err


def test_retranslate_keeps_translations_marks_changed_fuzzy_and_gone_obsolete(plantas: Path, edit):
    cli("translate", plantas, "--lang", "de")
    path = po_of(plantas)
    fill(path)
    cli("translate", plantas, "--lang", "de")  # polib's own layout -> booklet's
    before = path.read_bytes()
    code, out, _ = cli("translate", plantas, "--lang", "de")
    assert code == 0
    assert out.startswith(f"unchanged: {path}")
    assert path.read_bytes() == before  # byte-identical on unchanged content
    yaml = plantas / "booklet.yaml"
    edit(yaml, "Sujeta la hoja por debajo con una mano.", "Sujeta la hoja por debajo con la otra mano.")
    edit(yaml, "      - Más ideas en https://example.org/hojas cada semana.\n", "      - Sin jabón.\n")
    code, out, _ = cli("translate", plantas, "--lang", "de")
    assert code == 0, out
    po = polib.pofile(str(path))
    live = {e.msgid: e for e in po if not e.obsolete}
    changed = live["Sujeta la hoja por debajo con la otra mano."]
    assert changed.fuzzy
    assert changed.previous_msgid == "Sujeta la hoja por debajo con una mano."
    assert changed.msgstr == german("Sujeta la hoja por debajo con una mano.")
    assert live["Sin jabón."].msgstr == ""
    gone = [e for e in po if e.obsolete]
    assert [e.msgid for e in gone] == ["Más ideas en https://example.org/hojas cada semana."]
    kept = [e for e in live.values() if e is not changed and e.msgid != "Sin jabón."]
    assert kept
    assert all(e.msgstr == german(e.msgid) and not e.fuzzy for e in kept)
    assert "1 fuzzy" in out
    assert "1 obsolete" in out


def test_batch_builds_every_language(plantas: Path, tmp_path: Path):
    for lang in ("de", "fr"):
        cli("translate", plantas, "--lang", lang)
        fill(po_of(plantas, lang), skip=("Regadera",) if lang == "fr" else ())
    out_dir = tmp_path / "out"
    code, out, err = cli(
        "batch", plantas, "--lang", "de", "--lang", "fr", "-f", "booklet", "-f", "cards", "-j", "1", "-o", out_dir
    )
    assert code == 0, out + err
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "plantas-de-cards.pdf",
        "plantas-de.pdf",
        "plantas-fr-cards.pdf",
        "plantas-fr.pdf",
    ]
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert warnings == [
        f"{po_of(plantas, 'fr')}: warning: 1 of {len(polib.pofile(str(po_of(plantas, 'fr'))))} "
        "strings print in the source language (1 untranslated, 0 fuzzy)"
    ]
    de = squash(pdf_text((out_dir / "plantas-de.pdf").read_bytes()))
    fr = squash(pdf_text((out_dir / "plantas-fr.pdf").read_bytes()))
    assert "Schritte" in de
    assert "Étapes" in fr
    assert squash(german(STEPS[1])) in de
    assert squash(german(STEPS[1])) in fr


def test_roster_recipient_reads_their_language(plantas: Path, tmp_path: Path):
    from booklet.build import load_booklet
    from booklet.errors import ContentError
    from booklet.roster import load_roster
    from booklet.roster_run import plan_run, run_roster

    cli("translate", plantas, "--lang", "de")
    fill(po_of(plantas))
    booklet = load_booklet(plantas)
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,language\nana,Ana,de\nbea,Bea,\ncris,Cris,it\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_roster(roster, booklet, ("booklet",))
    assert str(caught.value) == (
        f"{caught.value.problems[0].ref.file}:4:11: error: language: no translation into 'it': "
        "run `booklet translate SOURCE --lang it` and fill in translations/it.po"
    )
    roster.write_text("id,name,language\nana,Ana,de\nbea,Bea,\n", encoding="utf-8")
    recipients = load_roster(roster, booklet, ("booklet",))
    out = tmp_path / "out"
    receipts = run_roster(plan_run(plantas, plantas, recipients, ("booklet",), out), out, "local", 1)
    assert all(r.ok for r in receipts), receipts
    ana = squash(pdf_text((out / "ana.pdf").read_bytes()))
    bea = squash(pdf_text((out / "bea.pdf").read_bytes()))
    assert squash(german(STEPS[0])) in ana
    assert "Schritte" in ana
    assert squash(STEPS[0]) in bea
    assert "Pasos" in bea


def test_watch_rebuilds_with_the_language_and_sees_the_po_file_change(plantas: Path, tmp_path: Path):
    from booklet.options import BuildOptions
    from booklet.watch import rebuild, snapshot

    cli("translate", plantas, "--lang", "de")
    path = po_of(plantas)
    fill(path, skip=("Regadera",))
    before = snapshot(plantas)
    first = rebuild(plantas, BuildOptions(lang="de"), output=tmp_path / "w.pdf")
    assert not first.errors, first.errors
    assert [w.split(": warning: ")[1] for w in first.warnings] == [
        f"1 of {len(polib.pofile(str(path)))} strings print in the source language (1 untranslated, 0 fuzzy)"
    ]
    fill(path)
    assert snapshot(plantas) != before  # a saved PO file starts a rebuild
    second = rebuild(plantas, BuildOptions(lang="de"), output=tmp_path / "w.pdf")
    assert second.warnings == ()
    assert "REGADERA" in pdf_text((tmp_path / "w.pdf").read_bytes())


def test_german_booklet_into_english_with_its_editions(tmp_path: Path):
    """The German fixture translated into English: audiences' names and capped pressure in English words."""
    folder = tmp_path / "schreibtisch"
    shutil.copytree(FIXTURES / "schreibtisch-de", folder)
    cli("translate", folder, "--lang", "en")
    english = {
        "Großdruckausgabe": "Large-print edition",
        "Seitliche Nackendehnung": "Side neck stretch",
        "Den Kopf langsam zur rechten Schulter neigen.": "Slowly tilt your head towards your right shoulder.",
        "2 Minuten": "2 minutes",
    }
    po = polib.pofile(str(po_of(folder, "en")))
    assert po.metadata["X-Source-Language"] == "de"
    for entry in po:
        entry.msgstr = english.get(entry.msgid, "")
    po.save(str(po_of(folder, "en")))
    code, out, err = cli("build", folder, "--lang", "en", "-a", "grossdruck", "-o", tmp_path / "lp.pdf")
    assert code == 0, out + err
    text = squash(pdf_text((tmp_path / "lp.pdf").read_bytes()))
    for translation in english.values():
        assert squash(translation) in text
    assert "Steps" in text  # English built-in labels
    assert "Schritte" not in text
    assert "1.5 minutes" in text  # the routine's minutes, in English numbers
    assert text.count(squash("Large-print edition")) > 3  # the cover, footers and the capped pressure note


def test_every_step_of_a_shipped_edition_prints_translated(shipped: Path, tmp_path: Path):
    """The shipped guide's large-print edition in German: its own step overrides and extra cautions too."""
    from booklet.audience import make_edition
    from booklet.build import load_booklet

    cli("translate", shipped, "--lang", "de")
    fill(po_of(shipped))
    code, out, err = cli("build", shipped, "--lang", "de", "-a", "large-print", "-o", tmp_path / "lp.pdf")
    assert code == 0, out + err
    assert "warning" not in err
    text = squash(pdf_text((tmp_path / "lp.pdf").read_bytes()))
    edition = make_edition(load_booklet(shipped), "large-print")
    for stroke in edition.booklet.strokes:
        for step in stroke.steps:
            assert squash(german(step.text)) in text, step.text
    for caution in edition.booklet.cautions:
        assert squash(german(caution.text)) in text, caution.text


def test_the_walk_reaches_every_printed_text_field_of_the_model():
    """Every text a reader sees, in every record the schema describes, is a translatable slot:
    translate each slot with a marker and no printed string of the model is left without it."""
    from dataclasses import fields, is_dataclass

    from booklet.build import load_booklet
    from booklet.model import HANDS, SourceRef
    from booklet.schema import MODELS, RECORDS, printed
    from booklet.translation.slots import walk
    from tests.conftest import SHIPPED

    booklet = load_booklet(SHIPPED)
    marked = walk(booklet, lambda slot: ("§" + slot.text, SourceRef("x.po", 1, 1)))
    text_fields = {name: {f.name for f in RECORDS[name] if printed(f) or f.kind == "text"} for name in MODELS}
    record_of = {cls: name for name, cls in MODELS.items()}
    left: list[str] = []

    def visit(value: object, path: str, wanted: bool) -> None:
        if isinstance(value, str):
            if wanted and value.strip() and not value.startswith("§") and value not in HANDS:
                left.append(f"{path}: {value[:40]}")
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                visit(item, f"{path}[{i}]", wanted)
        elif is_dataclass(value) and not isinstance(value, type):
            names = text_fields.get(record_of.get(type(value), ""), set())
            for f in fields(value):
                skip = ("ref", "field_refs", "labels", "vocabulary", "overrides", "extra_items", "source", "badges")
                if f.name not in skip:
                    visit(getattr(value, f.name), f"{path}.{f.name}", f.name in names)

    visit(marked, "booklet", True)
    assert not left, left[:10]
    # The maps are translated on both sides too.
    assert all(a.startswith("§") and b.startswith("§") for a, b in marked.vocabulary)
    large = next(a for a in marked.audiences if a.id == "large-print")
    assert all(item.startswith("§") for _, items in large.extra_items for item in items)
    fan = dict(dict(large.overrides)["fan-stroke"])
    assert all(step.text.startswith("§") for step in fan["steps"])
    # A stroke's cautions carry its translated name, for the cautions page.
    assert all(c.source == s.name for s in marked.strokes for c in s.cautions)


def test_an_identity_translation_prints_the_source_text(plantas: Path, tmp_path: Path):
    """A PO file whose every msgstr is its msgid gives a booklet that reads exactly like the source
    (in Spain's Spanish; Mexico's writes 2.5 where Spain writes 2,5, and the build follows the region)."""
    assert cli("build", plantas, "-o", tmp_path / "es.pdf")[0] == 0
    source = pdf_text((tmp_path / "es.pdf").read_bytes())
    for region in ("es-ES", "es-MX"):
        cli("translate", plantas, "--lang", region)
        po = polib.pofile(str(po_of(plantas, region)))
        for entry in po:
            entry.msgstr = entry.msgid
        po.save(str(po_of(plantas, region)))
        code, out, err = cli("build", plantas, "--lang", region, "-o", tmp_path / f"{region}.pdf")
        assert code == 0, out + err
        assert "warning" not in err
    assert pdf_text((tmp_path / "es-ES.pdf").read_bytes()) == source
    mexico = pdf_text((tmp_path / "es-MX.pdf").read_bytes())
    assert "3,5 minutos" in source  # the routine's total, a number booklet writes
    assert "3.5 minutos" in mexico
    assert "DURACIÓN 2,5 minutos" in mexico  # the author's own text stays as written
