"""A folding model of our own: print every plan's sides on paper, stack, fold and cut as its instructions say.

Independent of the plan code: it reads only the plan's data (which page is drawn
where, by which matrix) and the instruction text, then does what a person at the
printer would do, and checks what a reader finds: every page once, in reading order,
upright, and each leaf's two faces (or each card's front and back) in register to
0.1 mm.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from itertools import product

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from booklet.impose import SCHEMES, ImposeOptions, impose
from booklet.impose.saddle import reading_order
from booklet.paper import PAPERS

TOLERANCE = 0.1 * mm
A4, A5, A6 = PAPERS["a4"].size, PAPERS["a5"].size, PAPERS["a6"].size
HALF_LETTER = PAPERS["half-letter"].size


# --- paper ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Print:
    """One page as it lies on the paper: which, which face, and where its trim corners are (front coordinates)."""

    source: int
    page: int
    back: bool  # printed on the back face
    origin: tuple[float, float]  # the page's trim lower-left corner, on the paper seen from the front
    right: tuple[float, float]  # unit vector of the page's x axis, seen from the front
    up: tuple[float, float]  # unit vector of the page's y axis, seen from the front
    corners: tuple[tuple[float, float], ...]  # the trim's four corners, seen from the front


def apply(m, x, y):
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def unit(v):
    length = (v[0] ** 2 + v[1] ** 2) ** 0.5
    return (round(v[0] / length, 6), round(v[1] / length, 6))


def turn_over(point, sheet, about_vertical: bool):
    """A point on the back side as printed -> the same spot of paper in front coordinates."""
    x, y = point
    width, height = sheet
    return (width - x, y) if about_vertical else (x, height - y)


def print_sheet(plan, sheet_number: int, about_vertical: bool, sizes) -> list[Print]:
    """Print both sides of one sheet: the back's drawing reaches the paper turned over as the printer turns it."""
    out = []
    for side in plan.sides:
        if side.sheet != sheet_number:
            continue
        for p in side.placements:
            w, h = sizes[p.source][p.page]
            pts = [apply(p.matrix, x, y) for x, y in ((0, 0), (w, 0), (w, h), (0, h))]
            if not side.front:
                pts = [turn_over(q, plan.sheet, about_vertical) for q in pts]
            o, rx, _, uy = pts
            right = unit((rx[0] - o[0], rx[1] - o[1]))
            up = unit((uy[0] - o[0], uy[1] - o[1]))
            out.append(Print(p.source, p.page, not side.front, o, right, up, tuple(pts)))
    return out


def seen(face_back: bool, vector, about_vertical_turn=True):
    """A direction on the paper -> as the reader sees that face (the back is seen turned over sideways)."""
    return (-vector[0], vector[1]) if face_back else vector


def box(corners):
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return (min(xs), min(ys), max(xs), max(ys))


# --- the instructions, read as a person would ---------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    about_vertical: bool
    groups: list[int] | None  # sheets per folded group; None: the whole stack
    cut_across: bool
    top_bound: bool


def read_instructions(text: str, sheet: tuple[float, float], n_sheets: int) -> Reading:
    edge = re.search(r"flipping on the (short|long) edge", text)
    assert edge, text
    landscape = sheet[0] > sheet[1]
    about_vertical = (edge.group(1) == "short") == landscape  # the short edges of a landscape sheet are vertical
    if "fold the whole stack in half" in text:
        groups = None
    elif "Fold each sheet in half on its own" in text:
        groups = [1] * n_sheets
    else:
        size = int(re.search(r"Fold each group of (\d+) sheets", text).group(1))
        groups = [size] * (n_sheets // size) + ([n_sheets % size] if n_sheets % size else [])
        last = re.search(r"The last group (has (\d+) sheets|is a single sheet)", text)
        if n_sheets % size:
            assert last, text
            assert int(last.group(2) or 1) == n_sheets % size
    return Reading(about_vertical, groups, "cut the folded stack across the middle" in text, "top edge" in text)


# --- stacking and folding --------------------------------------------------------------------------------


def fold(plan, sizes, reading: Reading):
    """Print, stack, fold (and cut) -> per booklet, the Print on each page in reading order (None: blank)."""
    width, height = plan.sheet
    fold_x = width / 2
    sheets = [print_sheet(plan, n, reading.about_vertical, sizes) for n in range(1, plan.sheets + 1)]
    groups = reading.groups or [len(sheets)]

    def middle(p):
        x0, y0, x1, y1 = box(p.corners)
        return ((x0 + x1) / 2, (y0 + y1) / 2)

    halves = [lambda p: middle(p)[1] > height / 2, lambda p: middle(p)[1] < height / 2]
    booklets = []
    for keep in halves if reading.cut_across else [lambda p: True]:
        pages = []
        start = 0
        for count in groups:
            group = sheets[start : start + count]
            start += count
            # Leaves of a folded group: right halves outermost first, then left halves innermost first.
            leaves = [(s, True) for s in range(count)] + [(s, False) for s in reversed(range(count))]
            for s, right_half in leaves:
                on_leaf = [p for p in group[s] if keep(p) and (middle(p)[0] > fold_x) == right_half]
                recto_back = not right_half  # a left-half leaf shows its back face first
                for face_back in (recto_back, not recto_back):
                    found = [p for p in on_leaf if p.back == face_back]
                    assert len(found) <= 1, found
                    pages.append(found[0] if found else None)
                    if found:  # nested inside s sheets, its fold sits s thicknesses out from the spine
                        x0, _, x1, _ = box(found[0].corners)
                        overlap = (fold_x - x0) if right_half else (x1 - fold_x)
                        depth[id(found[0])] = (s, overlap)
        booklets.append(pages)
    return booklets


depth: dict[int, tuple[int, float]] = {}


def check_creep(pages, text: str, groups: list[int]) -> None:
    """Folded, each inner sheet's pages sit one step further out; compensation must have moved them that far in."""
    said = re.search(r"move up to ([\d.]+) mm toward the fold", text)
    total = float(said.group(1)) * mm if said else 0.0
    step = total / (groups[0] - 1) if groups[0] > 1 else 0.0
    for p in pages:
        if p is None:
            continue
        s, overlap = depth[id(p)]
        assert overlap == pytest.approx(s * step, abs=max(TOLERANCE, 0.006 * mm)), (p.page + 1, s, overlap, step)


def check_booklet(pages, order, plan, reading: Reading, shifts):
    """Every reading position holds the page the padded order says, upright, both faces of a leaf in register."""
    assert [None if p is None else p.page + 1 for p in pages] == order
    for number, p in enumerate(pages, 1):
        if p is None:
            continue
        up, right = seen(p.back, p.up), seen(p.back, p.right)
        if reading.top_bound:  # bound at the top: read with the spine above, the page's top toward it on a recto
            assert (up, right) == ((-1.0, 0.0), (0.0, 1.0)), (number, up, right)
        else:
            assert (up, right) == ((0.0, 1.0), (1.0, 0.0)), (number, up, right)
    for k in range(0, len(pages), 2):  # the two faces of one leaf
        recto, verso = pages[k], pages[k + 1]
        if recto is None or verso is None:
            continue
        a, b = box(recto.corners), box(verso.corners)
        assert all(abs(u - v) <= TOLERANCE for u, v in zip(a, b, strict=True)), (k + 1, a, b)


def padded(n_pages: int, pad: str) -> list[int | None]:
    return reading_order(n_pages, pad)


SPREAD_CASES = [
    # scheme, page size, pages, options
    ("saddle", A5, 8, {}),
    ("saddle", A5, 13, {}),
    ("saddle", A5, 6, {"pad": "end"}),
    ("saddle", A5, 40, {"signature": 3}),
    ("saddle", A5, 20, {"signature": 1}),
    ("saddle", A5, 24, {"creep_mm": 1.5}),
    ("saddle", A5, 28, {"signature": 2, "paper_thickness_mm": 0.2}),
    ("saddle", A5, 16, {"bleed_mm": 3}),
    ("saddle", A5, 16, {"bleed_mm": 5.5, "creep_mm": 0.5}),
    ("saddle", PAPERS["a4"].size, 12, {"bleed_mm": 3}),
    ("saddle", HALF_LETTER, 12, {}),
    ("saddle", HALF_LETTER, 12, {"bleed_mm": 3}),
    ("saddle", (210 * mm, 148 * mm), 12, {}),  # landscape A5: bound at the top, on A4
    ("saddle", (120 * mm, 170 * mm), 8, {}),
    ("saddle", A6, 8, {"sheet": "a4"}),
    ("saddle", PAPERS["a4"].size, 8, {"sheet": "a4"}),  # scaled down
    ("2up", A6, 16, {}),
    ("2up", A6, 10, {"signature": 2, "creep_mm": 0.4}),
    ("2up", (4.25 * 72, 5.5 * 72), 8, {}),
]


@pytest.mark.parametrize(("scheme", "page", "n_pages", "options"), SPREAD_CASES)
def test_saddle_and_2up_fold_into_booklets_that_read_right(scheme, page, n_pages, options):
    settings = ImposeOptions(**options)
    sizes = [[page] * n_pages]
    plan = SCHEMES[scheme].plan(sizes, settings)
    from booklet.impose.instructions import instructions

    text = instructions(plan)
    reading = read_instructions(text, plan.sheet, plan.sheets)
    booklets = fold(plan, sizes, reading)
    assert len(booklets) == (2 if scheme == "2up" else 1)
    for pages in booklets:
        check_booklet(pages, padded(n_pages, settings.pad), plan, reading, None)
        check_creep(pages, text, reading.groups or [plan.sheets])
    assert reading.top_bound == (page[0] > page[1])
    assert ("creep" in text) == bool(options.get("creep_mm") or options.get("paper_thickness_mm"))


@pytest.mark.parametrize(("scheme", "page", "n_pages", "options"), SPREAD_CASES[:3] + SPREAD_CASES[7:9])
def test_wrong_instructions_would_be_caught(scheme, page, n_pages, options):
    """The model is strict: flipping on the other edge turns every back page upside down."""
    sizes = [[page] * n_pages]
    plan = SCHEMES[scheme].plan(sizes, ImposeOptions(**options))
    from booklet.impose.instructions import instructions

    text = instructions(plan)
    swap = ("short edge", "long edge") if "short edge" in text else ("long edge", "short edge")
    reading = read_instructions(text.replace(*swap), plan.sheet, plan.sheets)
    order = padded(n_pages, ImposeOptions(**options).pad)
    booklets = fold(plan, sizes, reading)
    with pytest.raises(AssertionError):
        check_booklet(booklets[0], order, plan, reading, None)


# --- cards ----------------------------------------------------------------------------------------------


def read_card_instructions(text: str, sheet: tuple[float, float]) -> bool:
    """Card instructions -> True if the backs come round about a vertical axis of the sheet as laid out."""
    landscape = sheet[0] > sheet[1]
    if "Print the fronts file first" in text:
        # Sheets go in short edge first: the same edge first again is a turn about the long edge.
        same = "the edge that went in first going into the printer first" in text
        assert same or "the opposite edge going into the printer first" in text, text
        edge = "long" if same else "short"
        assert f"a turn about the {edge} edge" in text, text
    else:
        edge = re.search(r"flipping on the (short|long) edge", text).group(1)
    return (edge == "short") == landscape


CARD_CASES = list(
    product(
        [(85 * mm, 55 * mm), (105 * mm, 148 * mm), (127 * mm, 76.2 * mm)],
        ["a4", "letter"],
        ["long-edge", "short-edge"],
        ["duplex", "separate"],
        [0.0, 3.0],
        [False, True],
    )
)


@pytest.mark.parametrize(("card", "sheet", "duplex", "backs", "bleed", "gang"), CARD_CASES)
def test_cards_cut_out_with_their_backs_behind_them_upright(card, sheet, duplex, backs, bleed, gang):
    n = 11
    sizes = [[card] * n, [card] * n]
    options = ImposeOptions(sheet=sheet, duplex=duplex, backs=backs, bleed_mm=bleed, gang=gang)
    plan = SCHEMES["cards"].plan(sizes, options)
    from booklet.impose.instructions import instructions

    about_vertical = read_card_instructions(instructions(plan), plan.sheet)
    found = 0
    for number in range(1, plan.sheets + 1):
        prints = print_sheet(plan, number, about_vertical, sizes)
        fronts = {p.page: p for p in prints if not p.back}
        backs_ = {p.page: p for p in prints if p.back}
        assert set(fronts) == set(backs_)
        for k, front in fronts.items():
            back = backs_[k]
            a, b = box(front.corners), box(back.corners)
            assert all(abs(u - v) <= TOLERANCE for u, v in zip(a, b, strict=True)), (k, a, b)  # in register
            assert (front.up, front.right) == ((0.0, 1.0), (1.0, 0.0))
            # The cut card turned over sideways: the back reads upright.
            assert (seen(True, back.up), seen(True, back.right)) == ((0.0, 1.0), (1.0, 0.0)), k
            found += 1
    assert found == n


def test_ten_business_cards_fit_a4_ganged_nine_apart():
    card = (85 * mm, 55 * mm)
    ganged = SCHEMES["cards"].plan([[card] * 10, [card] * 10], ImposeOptions(gang=True))
    apart = SCHEMES["cards"].plan([[card] * 10, [card] * 10], ImposeOptions())
    assert len(ganged.sides[0].placements) == 10
    assert len(apart.sides[0].placements) == 9
    trims = [p.trim for p in ganged.sides[0].placements]
    beside = sum(1 for a in trims for b in trims if abs(a[2] - b[0]) < 0.01 and abs(a[1] - b[1]) < 0.01)
    above = sum(1 for a in trims for b in trims if abs(a[3] - b[1]) < 0.01 and abs(a[0] - b[0]) < 0.01)
    shared = beside + above
    assert shared == 5 + 2 * 4  # five rows share one vertical cut, two columns share four horizontal ones


# --- marks and slugs on every plan ---------------------------------------------------------------------


def all_plans():
    for scheme, page, n_pages, options in SPREAD_CASES:
        yield SCHEMES[scheme].plan([[page] * n_pages], ImposeOptions(**options)), ImposeOptions(**options)
    for card, sheet, duplex, backs, bleed, gang in CARD_CASES[::5]:
        options = ImposeOptions(sheet=sheet, duplex=duplex, backs=backs, bleed_mm=bleed, gang=gang)
        yield SCHEMES["cards"].plan([[card] * 7, [card] * 7], options), options


def crosses(segment, rect) -> bool:
    """True if a line segment enters the open rectangle."""
    (x0, y0, x1, y1), (a, b, c, d) = segment, rect
    for t in (i / 20 for i in range(21)):
        x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        if a + 0.01 < x < c - 0.01 and b + 0.01 < y < d - 0.01:
            return True
    return False


@pytest.mark.parametrize("index", range(len(SPREAD_CASES) + len(CARD_CASES[::5])))
def test_marks_stay_off_the_work_and_the_slug_off_everything(index):
    plan, options = list(all_plans())[index]
    width, height = plan.sheet
    press = plan.folding.press
    edge = 1 * mm if press else 5 * mm
    for side in plan.sides:
        bleeds = [p.clip for p in side.placements]
        for line in side.lines:
            x0, y0, x1, y1 = line.segment
            if line.kind == "staple":
                continue  # on the fold of the centre spread, under the staples
            assert min(x0, x1, y0, y1) >= edge - 0.01
            assert max(x0, x1) <= width - edge + 0.01
            assert max(y0, y1) <= height - edge + 0.01
            assert not any(crosses(line.segment, b) for b in bleeds), (line, side.sheet)
            if line.kind == "crop":
                length = abs(x1 - x0) + abs(y1 - y0)
                assert 3 * mm - 0.01 <= length <= options.mark_length_mm * mm + 0.01
                assert line.width == 0.25
        if side.slug:
            s = side.slug
            assert s.x >= 5 * mm - 0.01
            assert s.y >= 5 * mm - 0.01 if not s.vertical else s.x <= width - 5 * mm
            across = (s.x - 1, s.y - 2, s.x + s.room, s.y + 6)
            band = (s.x - 6, s.y, s.x + 2, s.y + s.room) if s.vertical else across
            assert band[0] >= 5 * mm - 1.01
            assert band[2] <= width - 5 * mm + 0.01
            assert band[3] <= height - 5 * mm + 0.01
            for line in side.lines:
                assert not crosses(line.segment, band), (line, s)
            for b in bleeds:
                assert not (band[0] < b[2] and band[2] > b[0] and band[1] < b[3] and band[3] > b[1]), (b, s)


# --- sheets -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "options", "sheet"),
    [
        (A5, {}, (297, 210)),
        (A5, {"bleed_mm": 3}, (320, 225)),  # SRA4 for A5 spreads
        (A5, {"bleed_mm": 5.5}, (450, 320)),  # more bleed than SRA4 holds with marks: SRA3
        (PAPERS["a4"].size, {"bleed_mm": 3}, (450, 320)),  # SRA3 for A4
        (PAPERS["a4"].size, {}, (420, 297)),  # A3 at home
        (HALF_LETTER, {}, (279, 216)),  # Letter
        (HALF_LETTER, {"bleed_mm": 3}, (457, 305)),  # the US oversize: 12 x 18 in
        (PAPERS["letter"].size, {}, (432, 279)),  # tabloid
        ((210 * mm, 148 * mm), {}, (297, 210)),  # landscape A5 -> A4, turned
        ((120 * mm, 170 * mm), {}, (297, 210)),
        (A6, {}, (210, 148)),
    ],
)
def test_sheets_are_real_paper(page, options, sheet):
    plan = SCHEMES["saddle"].plan([[page] * 8], ImposeOptions(**options))
    assert (round(plan.sheet[0] / mm), round(plan.sheet[1] / mm)) == sheet


def test_a_page_too_big_for_any_standard_sheet_names_the_smallest_that_holds_it():
    with pytest.raises(ValueError, match="smallest sheet that holds its spreads is a2"):
        SCHEMES["saddle"].plan([[(290 * mm, 400 * mm)] * 8], ImposeOptions())
    with pytest.raises(ValueError, match="more than any sheet booklet knows"):
        SCHEMES["saddle"].plan([[(700 * mm, 1000 * mm)] * 8], ImposeOptions())
    with pytest.raises(ValueError, match="too small for 148 x 210 mm pages with their bleed and crop marks"):
        SCHEMES["saddle"].plan([[A5] * 8], ImposeOptions(bleed_mm=3, sheet="a4"))


# --- through the PDF: boxes, colour, qpdf ----------------------------------------------------------------


def numbered(n, size, label="P"):
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=size, invariant=1)
    for k in range(1, n + 1):
        canv.setFont("Helvetica", 12)
        canv.drawCentredString(size[0] / 2, size[1] / 2, f"{label}{k}")
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def qpdf_ok(data: bytes, tmp_path) -> None:
    if not shutil.which("qpdf"):
        pytest.skip("qpdf not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize(
    ("scheme", "size", "options"),
    [
        ("saddle", A5, {"bleed_mm": 3}),
        ("saddle", A5, {}),
        ("2up", A6, {}),
        ("saddle", (210 * mm, 148 * mm), {}),
    ],
)
def test_imposed_files_pass_qpdf_and_carry_their_boxes(scheme, size, options, tmp_path):
    imposed = impose(scheme, [(numbered(9, size), "in.pdf")], ImposeOptions(**options))
    qpdf_ok(imposed.pdf, tmp_path)
    reader = PdfReader(io.BytesIO(imposed.pdf))
    for page, side in zip(reader.pages, imposed.plan.sides, strict=True):
        if side.trim:
            assert [round(float(v), 2) for v in page.trimbox] == [round(v, 2) for v in side.trim]
            assert [round(float(v), 2) for v in page.bleedbox] == [round(v, 2) for v in side.bleed]
        if side.lines:
            space = page["/Resources"]["/ColorSpace"]["/Reg"].get_object()
            assert (space[0], space[1]) == ("/Separation", "/All")  # registration colour: every plate


def test_card_files_pass_qpdf(tmp_path):
    size = (85 * mm, 55 * mm)
    fronts, backs = numbered(12, size, "F"), numbered(12, size, "B")
    for options in (ImposeOptions(gang=True, bleed_mm=2), ImposeOptions(backs="separate", duplex="short-edge")):
        imposed = impose("cards", [(fronts, "f.pdf"), (backs, "b.pdf")], options)
        for data in imposed.files:
            qpdf_ok(data, tmp_path)
