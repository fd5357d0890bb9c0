"""Rosters: validation, personalised editions as printed, executors, manifest and resume."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from booklet.build import load_booklet
from booklet.errors import ContentError
from booklet.personal import personal_edition
from booklet.roster import load_roster
from booklet.roster_run import plan_run, read_manifest, run_roster
from tests.conftest import SHIPPED, pdf_text

FORMATS = ("booklet", "cards", "saddle")
HEADER = "id,name,audience,language,pressure,avoid,light,cautions,notes,formats\n"


@pytest.fixture(scope="module")
def booklet():
    return load_booklet(SHIPPED)


def write(tmp_path: Path, text: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def first_problem(tmp_path: Path, booklet, text: str, name: str = "roster.csv") -> str:
    with pytest.raises(ContentError) as caught:
        load_roster(write(tmp_path, text, name), booklet, FORMATS)
    line = caught.value.lines()[0]
    return line.split(str(tmp_path) + os.sep, 1)[-1]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("id,nmae\np1,Ann\n", "roster.csv:1:4: error: unknown roster column 'nmae' (did you mean 'name'?)"),
        ("name\nAnn\n", "roster.csv:1:1: error: the roster needs an 'id' column"),
        ("id\np1\np1\n", "roster.csv:3:1: error: id: id 'p1' names the same files as the id at line 2"),
        (
            "id\np 1\n",
            "roster.csv:2:1: error: id: an id is ASCII letters, digits, '-' and '_', starting with a letter or digit",
        ),
        (
            "id,pressure\np1,hard\n",
            "roster.csv:2:4: error: pressure: unknown pressure 'hard' (expected light, moderate or firm)",
        ),
        ("id,audience\np1,hmoe\n", "roster.csv:2:4: error: audience: unknown audience 'hmoe' (did you mean 'home'?)"),
        (
            "id,avoid\np1,sholders\n",
            "roster.csv:2:4: error: avoid: unknown zone 'sholders' (did you mean 'shoulders'?)",
        ),
        (
            "id,avoid,light\np1,ribs,ribs\n",
            "roster.csv:2:9: error: light: 'ribs' is also in avoid; list a zone in one of the two",
        ),
        (
            "id,cautions\np1,careful\n",
            "roster.csv:2:4: error: cautions: a caution is 'signal: text' with a signal "
            "word (danger, warning, caution or notice)",
        ),
        (
            "id,formats\np1,poster\n",
            "roster.csv:2:4: error: formats: unknown formats 'poster' (expected booklet, cards or saddle)",
        ),
        (
            "id,language\np1,German\n",
            "roster.csv:2:4: error: language: 'German' is not a language code (like en, de or pt-BR)",
        ),
        ("id\n", "roster.csv:1:1: error: the roster lists no recipients"),
        ("id,name\np1,Ann,extra\n", "roster.csv:2:1: error: 3 cells, but the header names 2 columns"),
        (  # a quoted cell is longer in the file than its value: later cells are placed in the file's characters
            'id,name,audience\np1,"Ann ""A."", Smith",hmoe\n',
            "roster.csv:2:24: error: audience: unknown audience 'hmoe' (did you mean 'home'?)",
        ),
        (  # a quoted cell over two lines: the next cell is on the second line
            'id,name,audience\np1,"Ann\nSmith",hmoe\n',
            "roster.csv:3:8: error: audience: unknown audience 'hmoe' (did you mean 'home'?)",
        ),
        ('"id","nmae"\np1,Ann\n', "roster.csv:1:6: error: unknown roster column 'nmae' (did you mean 'name'?)"),
    ],
)
def test_csv_roster_problems(tmp_path, booklet, text, first):
    assert first_problem(tmp_path, booklet, text) == first


def test_every_problem_at_once_and_no_names(tmp_path, booklet):
    text = HEADER + "p1,Ann Secret,hmoe,,hard,,,,,\np2,Bob Hidden,home,,,elbow,,,,\n"
    with pytest.raises(ContentError) as caught:
        load_roster(write(tmp_path, text), booklet, FORMATS)
    lines = caught.value.lines()
    assert len(lines) == 3
    assert [line.split(":")[1] for line in lines] == ["2", "2", "3"]
    assert not any("Ann" in line or "Bob" in line for line in lines)


def test_yaml_roster(tmp_path, booklet):
    text = (
        "recipients:\n"
        "  - id: p1\n    name: Ann\n    pressure: light\n    avoid: [shoulders]\n"
        "    cautions:\n      - signal: warning\n        text: No pressure on the left shoulder (surgery in March)\n"
        "  - id: p2\n    audience: student\n    formats: [cards]\n"
    )
    recipients = load_roster(write(tmp_path, text, "roster.yaml"), booklet, FORMATS)
    assert [r.id for r in recipients] == ["p1", "p2"]
    assert recipients[0].avoid == ("shoulders",)
    assert recipients[0].cautions[0].signal == "warning"
    assert recipients[0].cautions[0].ref.line == 7
    assert recipients[1].formats == ("cards",)
    bad = "recipients:\n  - id: p1\n    colour: red\n"
    assert first_problem(tmp_path, booklet, bad, "roster.yaml").startswith("roster.yaml:3:5: error: unknown roster")


def test_personal_edition_layers_on_the_audience(tmp_path, booklet):
    text = (
        HEADER
        + 'p1,Ann,home,,light,shoulders,ribs,"warning: No pressure on the left shoulder (surgery)",Side-lying only,\n'
    )
    (recipient,) = load_roster(write(tmp_path, text), booklet, FORMATS)
    edition = personal_edition(booklet, recipient)
    assert edition.recipient == "Ann"
    assert {s.pressure for s in edition.booklet.strokes} == {"light"}
    assert all("shoulders" not in s.areas for s in edition.booklet.strokes)
    general = [c.text for c in edition.booklet.cautions]
    assert any("left shoulder" in t for t in general)
    assert "Side-lying only" in general
    for stroke in edition.booklet.strokes:  # every stroke (and so every card) carries the recipient's cautions
        assert any("left shoulder" in c.text for c in stroke.cautions)
        assert any(c.zone == "shoulders" for c in stroke.cautions)


def test_stroke_that_works_only_avoided_zones_is_dropped(tmp_path, booklet):
    worked = {a for s in booklet.strokes for a in s.areas}
    text = f"id,avoid\np1,{';'.join(sorted(worked))}\n"
    (recipient,) = load_roster(write(tmp_path, text), booklet, FORMATS)
    edition = personal_edition(booklet, recipient)
    assert edition.booklet.strokes == ()
    notices = [c.text for c in edition.booklet.cautions if c.signal == "notice"]
    assert sum("left out" in n for n in notices) == len(booklet.strokes)


@pytest.fixture(scope="module")
def roster_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("roster")
    path = folder / "roster.csv"
    path.write_text(
        HEADER
        + "ann,Annabel Quincey,home,,light,shoulders,,"
        + '"warning: No pressure on the left shoulder (surgery in March)",,\n'
        + "bob,Bartholomew Zeta,large-print,,,,ribs,,Side-lying only,booklet\n"
        + "cy,,student,,,,,,,cards\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def local_run(roster_file, booklet, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    recipients = load_roster(roster_file, booklet, ("booklet", "cards"))
    plan = plan_run(SHIPPED, Path(booklet.root), recipients, ("booklet", "cards"), out)
    receipts = run_roster(plan, out, "local", 2)
    return out, receipts


def test_local_run_writes_each_recipients_files_and_a_manifest(local_run):
    out, receipts = local_run
    assert all(r.ok for r in receipts)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["ann-cards.pdf", "ann.pdf", "bob.pdf", "cy-cards.pdf", "manifest.json"]
    manifest = read_manifest(out)
    assert set(manifest) == {"ann", "bob", "cy"}
    entry = manifest["ann"]
    assert {f["name"] for f in entry["files"]} == {"ann.pdf", "ann-cards.pdf"}
    assert entry["pages"] > 4
    assert entry["bytes"] == sum(f["bytes"] for f in entry["files"])
    assert len(entry["input_hash"]) == 64
    assert entry["seconds"] > 0
    text = (out / "manifest.json").read_text()
    assert "Annabel" not in text
    assert "Bartholomew" not in text


def test_personalisation_is_printed(local_run, roster_file, booklet):
    out, _ = local_run
    book = pdf_text((out / "ann.pdf").read_bytes())
    assert "Prepared for Annabel Quincey" in book
    assert "No pressure on the left shoulder (surgery in March)" in book
    ann = personal_edition(booklet, load_roster(roster_file, booklet, FORMATS)[0])
    capped = [s for s in ann.booklet.strokes if s.pressure_note]
    assert capped
    assert all(s.pressure == "light" for s in ann.booklet.strokes)
    for stroke in capped:  # the cap is printed where the stroke is, in the edition's words
        assert " ".join(stroke.pressure_note.split()) in book
    cards = pdf_text((out / "ann-cards.pdf").read_bytes())
    assert "No pressure on the left shoulder" in cards
    bob = pdf_text((out / "bob.pdf").read_bytes())
    assert "Prepared for Bartholomew Zeta" in bob
    assert "Side-lying only" in bob
    assert "Prepared for" not in pdf_text((out / "cy-cards.pdf").read_bytes())


def test_rerun_skips_and_resumes_after_damage(local_run, roster_file, booklet):
    out, first = local_run
    recipients = load_roster(roster_file, booklet, ("booklet", "cards"))
    plan = plan_run(SHIPPED, Path(booklet.root), recipients, ("booklet", "cards"), out)
    assert plan.tasks == []
    assert len(plan.skipped) == 3
    before = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    (out / "bob.pdf").unlink()
    (out / "cy-cards.pdf").write_bytes(b"%PDF-1.4 damaged")
    plan = plan_run(SHIPPED, Path(booklet.root), recipients, ("booklet", "cards"), out)
    assert sorted(t.recipient.id for t in plan.tasks) == ["bob", "cy"]
    run_roster(plan, out, "local", 1)
    assert {p.name: p.read_bytes() for p in out.glob("*.pdf")} == before
    forced = plan_run(SHIPPED, Path(booklet.root), recipients, ("booklet", "cards"), out, force=True)
    assert len(forced.tasks) == 3


def test_dask_local_cluster_is_byte_identical_to_local(local_run, roster_file, booklet, tmp_path):
    pytest.importorskip("distributed")
    out, _ = local_run
    recipients = load_roster(roster_file, booklet, ("booklet", "cards"))
    plan = plan_run(SHIPPED, Path(booklet.root), recipients, ("booklet", "cards"), tmp_path)
    receipts = run_roster(plan, tmp_path, "dask", 2)
    assert all(r.ok for r in receipts)
    for path in out.glob("*.pdf"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_killed_dask_worker_is_retried(booklet, tmp_path):
    distributed = pytest.importorskip("distributed")
    rows = "".join(f"r{i},,home,,,,,,,booklet\n" for i in range(6))
    recipients = load_roster(write(tmp_path, HEADER + rows), booklet, ("booklet",))
    out = tmp_path / "out"
    plan = plan_run(SHIPPED, Path(booklet.root), recipients, ("booklet",), out)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address.removeprefix("tcp://")
        with distributed.Client(cluster) as client:
            killed = threading.Event()

            def kill_one(_receipt):
                if not killed.is_set():
                    killed.set()
                    pids = client.run(os.getpid)
                    os.kill(sorted(pids.values())[0], 9)

            receipts = run_roster(plan, out, f"dask://{address}", 2, progress=kill_one)
    assert killed.is_set()
    assert sorted(r.id for r in receipts if r.ok) == [f"r{i}" for i in range(6)]
    assert not list(out.glob(".*.tmp"))


def test_cli_roster_batch_reports_failures_by_line_and_hides_names(tmp_path, caplog):
    from booklet.cli import main

    content = tmp_path / "content"
    shutil.copytree(SHIPPED, content)
    roster = write(tmp_path, HEADER + "ok1,Winifred Okonkwo,home,,,,,,,cards\nbad,Xavier 王小明,home,,,,,,,cards\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(content), "--roster", str(roster), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert (out / "ok1-cards.pdf").exists()
    assert not (out / "bad-cards.pdf").exists()
    assert "roster.csv:3:1: error: name: the font" in result.output
    everything = result.output + caplog.text + json.dumps(read_manifest(out))
    assert "Winifred" not in everything
    assert "Xavier" not in everything


def _red_shapes(drawing) -> int:
    from reportlab.graphics.shapes import Group

    from booklet.illustrate.pen import NO_PRESSURE_RED

    def walk(node):
        if isinstance(node, Group):
            for child in node.contents:
                yield from walk(child)
        else:
            yield node

    return sum(1 for s in walk(drawing) if getattr(s, "fillColor", None) == NO_PRESSURE_RED)


def test_avoid_zones_are_drawn_as_no_pressure_on_every_diagram(tmp_path, booklet):
    from booklet.audience import make_edition
    from booklet.illustrate.diagram import figure_of, zone_levels
    from booklet.illustrate.pictures import no_pressure_zones, stroke_picture
    from booklet.illustrate.zones import NO_PRESSURE

    (recipient,) = load_roster(write(tmp_path, "id,audience,avoid\np1,home,shoulders\n"), booklet, FORMATS)
    personal = personal_edition(booklet, recipient).booklet
    home = make_edition(booklet, "home").booklet
    for mine, theirs in zip(personal.strokes, home.strokes, strict=True):
        f = figure_of(mine.illustration)
        assert ("shoulders", NO_PRESSURE) in zone_levels(f, (), no_pressure_zones(mine.cautions))
        args = {"accent": "#2E6F73"}
        mine_drawing = stroke_picture(mine, personal, booklet.root, 200, 260, **args)
        their_drawing = stroke_picture(theirs, home, booklet.root, 200, 260, **args)
        assert _red_shapes(mine_drawing) > _red_shapes(their_drawing), mine.id


def test_consistency_checks_run_on_each_personal_edition(tmp_path, booklet):
    from booklet.build import build_recipient

    (recipient,) = load_roster(write(tmp_path, "id,name,avoid\np1,Ann Example,shoulders\n"), booklet, FORMATS)
    _, _, warnings = build_recipient(booklet, recipient, ("booklet",))
    # Kneading still works the tops of the shoulders, which this recipient must not have pressed;
    # the warning points at the roster line that says so, and never quotes the name.
    assert any("crosses the shoulders zone" in w and "roster.csv:2:1" in w for w in warnings), warnings
    assert not any("Ann" in w for w in warnings)


def test_resume_trusts_size_and_mtime_and_hashes_only_touched_files(local_run, roster_file, booklet, monkeypatch):
    import booklet.roster_run as roster_run

    out, _ = local_run
    recipients = load_roster(roster_file, booklet, ("booklet", "cards"))
    hashed: list[int] = []
    real = roster_run._sha256
    monkeypatch.setattr(roster_run, "_sha256", lambda data: hashed.append(len(data)) or real(data))
    plan = plan_run(SHIPPED, Path(booklet.root), recipients, ("booklet", "cards"), out)
    assert len(plan.skipped) == 3
    assert hashed == []  # nothing read: every size and mtime is as written
    bob = out / "bob.pdf"
    stat = bob.stat()
    os.utime(bob, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # touched, bytes unchanged
    plan = plan_run(SHIPPED, Path(booklet.root), recipients, ("booklet", "cards"), out)
    assert len(plan.skipped) == 3
    assert hashed == [stat.st_size]  # only the touched file was hashed
    data = bytearray(bob.read_bytes())
    data[-10] ^= 1  # same size, different bytes, new mtime
    bob.write_bytes(bytes(data))
    plan = plan_run(SHIPPED, Path(booklet.root), recipients, ("booklet", "cards"), out)
    assert [t.recipient.id for t in plan.tasks] == ["bob"]
