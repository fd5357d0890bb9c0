"""A stroke's pages as drawn in the last build -> the same pages drawn again in a new document, without layout.

``booklet watch`` rebuilds after every save, and an edit touches one stroke. The pages of
every other stroke come out of layout and drawing the same as last time, except for what
the document gives out in first-use order: each font's subset codes and names, form
names, marked-content ids. So, while a stroke's pages are drawn, each page's content
(what the frames draw, between the page furniture, which is always drawn again) is
recorded as its operator text, with holes where the text depends on document state:

- every text run of a text object is kept as (font, size, leading, text) and encoded
  again on a replay, through the font's own ``splitString`` and ``getSubsetInternalName``,
  in the order a fresh build encodes it, so codes and font names come out as there. The
  recorded code is added instead while every character has its recorded code (a page
  that gave none out), or when a page that gave codes out begins with its fonts' subset
  states and the document's font names as recorded (``Given``: encoding is a function of
  them); the states it left are then set as recorded;
- every diagram form is kept as its drawing, and defined or named again through forms.py
  (a form the recording defined must be defined again, one it found must be found again);
- bookmarks and outline entries are made again, with the same arguments;
- page numbers (headings' pages, thumb tabs, the running section, marks of the structure
  tree) are moved by the distance the stroke moved, which must be even (left and right
  pages stay so).

A stroke is replayed when its section (its stroke record and number) and everything else
a stroke's pages are made from (the booklet without its strokes, the edition, paper and
options) equal the last build's, and when, where the new document reaches it, it starts on
a page of the same parity and template, with the same graphics state, in the same tagging
state. Anything a recording cannot repeat (an image, a link, a text object drawn some other
way, any new PDF object but a diagram form) leaves that
stroke unrecorded: it is laid out every time. If a replay meets a page whose state is not the
recorded one, it raises ``Refused`` and the caller builds the whole document afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import BaseDocTemplate
from reportlab.platypus.doctemplate import ActionFlowable, NextPageTemplate, PageBreak

from booklet.render.tagging import Element

_STATE = [n for n in Canvas.STATE_ATTRIBUTES if n != "_extgstate"]
MAX_DOCUMENTS = 4  # documents (editions, papers) whose strokes are kept


class Refused(Exception):
    """A replay met a page in another state than its recording's: build the document afresh."""


# -- what one page's content is made of ------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A text object's code: its parts, with some parts encoded text runs ``(index, suffix, run)``."""

    parts: tuple[str, ...]
    runs: tuple[tuple[int, str, tuple[str, float, float, Any, bool]], ...]
    recorded: str  # the code as recorded: what ``code`` gives while the codes of its characters are the same

    def code(self, canv: Any) -> str:
        parts = list(self.parts)
        doc, escape, current = canv._doc, canv._escape, -1
        for index, suffix, (name, size, leading, text, fresh) in self.runs:
            if fresh:
                current = -1
            font = getFont(name)
            out: list[str] = []
            head = None
            for subset, chunk in font.splitString(text, doc):
                if subset != current:
                    head = head or f"{fp_str(size)} Tf {fp_str(leading)} TL"
                    out.append(f"{font.getSubsetInternalName(subset, doc)} {head}")
                    current = subset
                out.append(f"({escape(chunk)}) Tj")
            parts[index] = " ".join(out) + suffix
        return " ".join(parts)


@dataclass(frozen=True)
class Form:
    """A diagram's form placed on the page: defined (or named) again on a replay."""

    drawing: Any
    new: bool | None  # the recording defined it here (not an earlier page); None: recorded in another
    # document (render/parallel.py), where form_for defines it wherever this one first uses it

    def code(self, canv: Any) -> str:
        from booklet.render.forms import _FORMS, form_for

        known = len(canv.__dict__.get(_FORMS, {}))
        name = form_for(canv, self.drawing)
        if self.new is not None and (len(canv.__dict__.get(_FORMS, {})) > known) != self.new:
            raise Refused("a diagram's form is shared otherwise than when it was recorded")
        canv._formsinuse.append(name)  # as canv.doForm does
        return f"/{canv._doc.getXObjectName(name)} Do"


@dataclass(frozen=True)
class Named:
    """A form placed by its name: placed again so (canv.doForm)."""

    name: str

    def code(self, canv: Any) -> str:
        canv.doForm(self.name)
        return canv._code.pop()


@dataclass
class Page:
    """One page's content as drawn, and what drawing it changed that is not in its code."""

    number: int
    template: str
    start: tuple  # the page-local state drawing began in (see _local)
    parts: list = field(default_factory=list)  # str | Text | Form, in order
    calls: list = field(default_factory=list)  # (before part, canvas method, args, kwargs): bookmarks, outlines, links
    page_of: dict = field(default_factory=dict)
    page_tab: dict = field(default_factory=dict)
    number_forms: dict = field(default_factory=dict)
    end: tuple = ()  # graphics state, extgstate, section, section_ref, recorder, frame, flowables, next template
    codes: dict | None = None  # font -> (its PDF name, {character: code}) of the page's text; None: it gave some out
    given: Given | None = None  # when it gave some out: the fonts' subset states before and after its text


@dataclass(frozen=True)
class Given:
    """What a page's text gave out: each font's subset state before its first text run and at the page's end
    (_snapshot), and the document's font names before and added. Text encoding is a function of those
    states, so a page beginning with every one of them as recorded encodes to its recorded code and leaves
    them as recorded after."""

    before: dict  # font name -> its state before the page's first run in it (None: it had none)
    after: dict  # font name -> its state at the page's end
    names: tuple[int, int]  # len(doc.fontMapping), len(doc.delayedFonts) when the page began
    mapped: tuple[tuple[str, str], ...]  # doc.fontMapping entries the page added, in order
    delayed: tuple[str, ...]  # names of the fonts it added to doc.delayedFonts, in order
    # each form the page defined (its painting named no font): its part's index, the states of the fonts of
    # ``before`` and the numbers of ``mapped`` and ``delayed`` entries made, just before it was painted
    forms: tuple[tuple[int, dict, int, int], ...] = ()


def _snapshot(state: Any) -> tuple | None:
    """A font's subset state in a document, as plain copies."""
    if state is None:
        return None
    return (dict(state.assignments), [list(s) for s in state.subsets], state.nextCode, state.internalName, state.frozen)


def _as_given(doc: Any, given: Given) -> bool:
    """Whether every font of a page that gave out codes is in the state it was in when the page was recorded."""
    if (len(doc.fontMapping), len(doc.delayedFonts)) != given.names:
        return False
    for name, snap in given.before.items():
        state = getFont(name).state.get(doc)
        if snap is None or state is None:
            if snap is not state:
                return False
        elif (
            state.nextCode != snap[2]
            or state.internalName != snap[3]
            or state.frozen != snap[4]
            or state.assignments != snap[0]
            or state.subsets != snap[1]
        ):
            return False
    return True


def _give(
    doc: Any,
    given: Given,
    states: dict | None = None,
    upto: tuple[int, int] | None = None,
    done: tuple[int, int] = (0, 0),
) -> tuple[int, int]:
    """Leave the document's fonts as encoding the page's text did when it was recorded (_as_given was true):
    at its end, or (``states``, ``upto``) just before one of its forms was painted; ``done``: the entries of
    ``mapped`` and ``delayed`` made already. Returns the entries made now."""
    for name, snap in (given.after if states is None else states).items():
        if snap is None:
            continue
        font = getFont(name)
        state = font.state.get(doc)
        if state is None:
            state = font.state[doc] = font.State(font._asciiReadable, font)  # as splitString makes it
        state.assignments, state.subsets = dict(snap[0]), [list(s) for s in snap[1]]
        state.nextCode, state.internalName, state.frozen = snap[2], snap[3], snap[4]
    mapped, delayed = upto if upto is not None else (len(given.mapped), len(given.delayed))
    doc.fontMapping.update(given.mapped[done[0] : mapped])
    doc.delayedFonts.extend(getFont(name) for name in given.delayed[done[1] : delayed])
    return mapped, delayed


@dataclass
class Group:
    """A run of sections' pages as recorded: replayable when its key and shared inputs are equal."""

    key: Any  # its sections and what their builders read of the plan (render/booklet.reads)
    first: int  # page number of its first page
    pages: list[Page]
    sects: list[Element]  # its sections' structure elements, as drawn (copies: the finisher prunes the live ones)


# -- recording ----------------------------------------------------------------------------


class RecordingText(PDFTextObject):
    """A text object that notes every text run it encodes, for the page being recorded."""

    def __init__(self, canvas: Any, x: float = 0, y: float = 0, direction: Any = None):
        super().__init__(canvas, x, y, direction=direction)
        self._journal = canvas.journal
        self._runs: list[tuple[int, str, Any]] = []
        self._seen = self._journal.runs
        self._events = self._journal.events

    def _formatText(self, text: Any) -> str:
        fresh = self._curSubset == -1
        font = getFont(self._fontname)
        simple = font._dynamicFont and not (getattr(font, "shapable", False) and hasattr(text, "__shapeData__"))
        states = self._journal.states
        first = self._journal.first
        if simple and first is not None and self._fontname not in first:
            first[self._fontname] = _snapshot(font.state.get(self._canvas._doc))
        state = states.get(self._fontname) if simple else None
        if state is None and simple:
            state = states[self._fontname] = font.state.get(self._canvas._doc)
        before = (state.nextCode, state.internalName) if state is not None else None
        out = super()._formatText(text)
        if state is None or before != (state.nextCode, state.internalName) or before[1] is None:
            self._journal.assigned = True  # a code or font name given out here: replayed as drawn only as Given
        run = (self._fontname, self._fontsize, self._leading, text, fresh) if simple else None
        self._runs.append((len(self._code), out, run))
        self._journal.runs += 1
        return out


class Journal:
    """What the page being drawn did, as it is drawn (the canvas calls into it)."""

    def __init__(self, noting: bool = False) -> None:
        self.first: dict[str, Any] | None = {} if noting else None  # font -> its state before the page's first run
        self.runs = 0  # text runs encoded on this page (all must be in drawn text objects)
        self.placed = 0  # of those, the ones in text objects drawn on the page
        self.special: dict[int, Text | Form | Named] = {}  # code index -> the part to make again
        self.calls: list[tuple[int, str, tuple, dict]] = []  # (code index it came before, method, args, kwargs)
        self.events = 0  # forms placed and calls made: a text object drawn across one is not repeatable
        self.assigned = False  # the page's text gave out a subset code or font name
        self.states: dict[str, Any] = {}  # font name -> its subset state in this document, once it has one
        self.ok = True
        self.suspended = 0  # inside a form's painting: its code and text are the form's, not the page's
        self.exempt = 0  # PDF objects made by those paintings (every other new object is a refusal)
        self.forms: list[str] = []  # the forms placed, in order
        self.at_forms: dict[int, tuple[dict, int, int]] = {}  # code index -> font states before its new form
        self.form_named = False  # a new form's painting named a font
        self.links = 0  # link annotations made (each a call to repeat) ...
        self.annotated = 0  # ... and those of them on the page

    def text(self, canv: Any, index: int, tx: RecordingText) -> None:
        if self.runs - tx._seen != len(tx._runs) or self.events != tx._events:  # something else happened meanwhile
            self.ok = False
        self.placed += len(tx._runs)
        if not tx._runs:
            return
        parts = tuple(tx._code)
        runs = []
        for at, out, run in tx._runs:
            if run is None or at >= len(parts) or not parts[at].startswith(out):
                self.ok = False
                return
            runs.append((at, parts[at][len(out) :], run))
        self.special[index] = Text(parts, tuple(runs), canv._code[index])

    def named(self, index: int, name: str) -> None:
        """A form placed by name (a page number's, defined when the document is saved)."""
        self.special[index] = Named(name)
        self.forms.append(name)
        self.events += 1

    def call(self, canv: Any, name: str, args: tuple, kwargs: dict) -> None:
        """A canvas call to repeat where it was made: before the page's next line of code."""
        self.calls.append((len(canv._code), name, args, kwargs))
        self.events += 1

    def link(self, canv: Any, args: tuple, kwargs: dict) -> Any:
        """Make a link annotation, noting it as a call to repeat (positions made absolute first)."""
        made, count, refs = canv.references, canv._annotationCount, len(canv._annotationrefs)
        self.call(canv, "linkRect", args, kwargs)
        self.suspended += 1
        try:
            return canv.linkRect(*args, **kwargs)
        finally:
            self.suspended -= 1
            self.exempt += canv.references - made
            self.links += canv._annotationCount - count
            self.annotated += len(canv._annotationrefs) - refs

    def form(self, canv: Any, drawing: Any) -> None:
        """Place a diagram's form, noting it (forms.Reused.draw calls this while recording)."""
        from booklet.render.forms import _FORMS, form_for

        forms = canv.__dict__.get(_FORMS, {})
        known, made = len(forms), canv.references
        doc, first = canv._doc, self.first
        states = None
        if first is not None and id(drawing) not in forms:  # the form is painted now: note the fonts before it
            states = (
                {n: _snapshot(getFont(n).state.get(doc)) for n in first},
                len(doc.fontMapping),
                len(doc.delayedFonts),
            )
        self.suspended += 1
        try:
            name = form_for(canv, drawing)
        finally:
            self.suspended -= 1
            self.exempt += canv.references - made
        new = len(canv.__dict__.get(_FORMS, {})) > known
        canv.doForm(name)  # noted as Named, then as the Form it is
        self.special[len(canv._code) - 1] = Form(drawing, new)
        if new and states is not None:
            if (len(doc.fontMapping), len(doc.delayedFonts)) != states[1:]:
                self.form_named = True
            self.at_forms[len(canv._code) - 1] = states


def _local(doc: Any, canv: Any) -> tuple:
    """The page-local state a page's content is drawn in, page numbers left out."""
    d = canv.__dict__
    tags = canv.tags
    on_page = bool(tags) and tags.page == canv.getPageNumber()
    gs = canv._extgstate
    return (
        doc.pageTemplate.id,
        _state_text([d[n] for n in _STATE]),
        tuple(sorted(gs._d.items())),
        tuple(sorted(gs._c.items(), key=repr)),
        len(canv.state_stack),
        len(canv._codeStack),
        (on_page, tags.next_mcid if on_page else 0, tags.open, len(tags.stack)) if tags else None,
        len(canv._annotationrefs),
        tuple(canv._formsinuse),
        len(canv._colorsUsed),
        len(canv._shadingUsed),
        canv._annotationCount,
    )


def _state_text(values: list) -> str:
    """``repr(values)`` (the canvas's state attributes), each value's repr taken again only when it is another
    object than at the last call: a page's state changes a few values at a time, and floats are slow to repr."""
    last, texts = _LAST_STATE
    if len(last) != len(values):
        last[:], texts[:] = [_UNSEEN] * len(values), [""] * len(values)
    for i, value in enumerate(values):
        if value is not last[i]:
            text = repr(value)
            if type(value) in _SCALARS or (type(value) is tuple and all(type(e) in _SCALARS for e in value)):
                last[i] = value  # immutable: its repr stays (holding it keeps its id from being reused)
            else:
                last[i] = _UNSEEN  # any other object: its repr is taken every time
            texts[i] = text
    return "[" + ", ".join(texts) + "]"


_LAST_STATE: tuple[list, list[str]] = ([], [])  # the values _state_text saw last, and their reprs
_SCALARS = frozenset([int, float, str, bool, type(None)])
_UNSEEN = object()


class Pages:
    """The recording and replaying of strokes' pages, for one document being built."""

    records = True  # record the runs that are laid out (for a later build to replay)
    adopts = False  # a recording is replayed once: its structure elements are taken, not copied
    notes_codes = True  # note each recorded page's subset codes (a replay into the same document reuses its text)

    def __init__(self, kept: list[Group]):
        self.kept = kept  # the last build's groups of this document
        self.made: list[Group] = []  # this build's, for the next
        self.group: Any = None  # (marker, first page, pages) of the group being recorded
        self.closing = False  # its content is complete; its last page ends at the next page end
        self.page: Page | None = None
        self.before: tuple = ()
        self.names = (0, 0)  # the document's font names when the page being recorded began
        self.replayed = 0
        self.given = 0  # pages that gave out codes, replayed as drawn (Given)

    # the doc template calls these

    def page_began(self, doc: Any) -> None:
        if self.group is None or self.closing:
            return
        canv = doc.canv
        self.page = Page(canv.getPageNumber(), doc.pageTemplate.id, _local(doc, canv))
        self.before = (
            len(canv._code),
            dict(canv.page_of),
            dict(canv.page_tab),
            dict(canv.number_forms),
            canv.references,
        )
        self.names = (len(canv._doc.fontMapping), len(canv._doc.delayedFonts))
        canv.journal = Journal(self.notes_codes)

    def page_ends(self, doc: Any) -> None:
        canv = doc.canv
        journal, page = canv.journal, self.page
        canv.journal = None
        if self.group is None or page is None or journal is None:
            return
        start, page_of, page_tab, number_forms, made = self.before
        ok = journal.ok and journal.runs == journal.placed and canv.references - journal.exempt == made
        now = _local(doc, canv)
        start_state = page.start
        unchanged = now[4:6] == start_state[4:6] and now[9:11] == start_state[9:11]
        made_here = (
            now[7] == start_state[7] + journal.annotated
            and now[8] == start_state[8] + tuple(journal.forms)
            and now[11] == start_state[11] + journal.links
        )
        ok = ok and unchanged and made_here  # nothing a replay cannot repeat
        ok = ok and not hasattr(doc, "_nextFrameIndex")
        if not ok:
            self.group = None  # this stroke stays unrecorded
            return
        code = canv._code
        page.parts = [journal.special.get(i, code[i]) for i in range(start, len(code))]
        page.calls = [(at - start, *rest) for at, *rest in journal.calls]
        page.codes = None if journal.assigned or not self.notes_codes else _codes(canv._doc, page.parts)
        if journal.assigned and journal.first is not None and not journal.form_named:
            forms = {at - start: states for at, states in journal.at_forms.items()}
            page.given = _given(canv._doc, journal.first, self.names, page.parts, forms)
        page.page_of = _changed(page_of, canv.page_of)
        page.page_tab = _changed(page_tab, canv.page_tab)
        page.number_forms = _changed(number_forms, canv.number_forms)
        page.end = _end(doc, canv)
        self.group[2].append(page)
        self.page = None
        if self.closing:
            marker, first, pages = self.group
            self.group, self.closing = None, False
            self.recorded(marker, first, pages)

    def sound(self) -> bool:
        """Whether the document built is the one a layout of every run makes (render/parallel.py checks)."""
        return True

    def start(self, doc: Any, flow: list, canvasmaker: Any) -> None:
        """The story is made and its layout begins (render/parallel.py starts its second process here)."""

    def close(self) -> None:
        """The layout ended, done or not."""

    def recorded(self, marker: GroupStart, first: int, pages: list[Page]) -> None:
        """A run laid out and recorded whole (its first page's number, its pages): kept for the next build, with
        its sections' structure elements as drawn (copies: the finisher prunes the live ones)."""
        self.made.append(Group(marker.key, first, pages, [_copy(e, 0) for e in marker.sects]))

    def recording_of(self, marker: GroupStart) -> Group | None:
        """The recording of a run the layout reached, if there is one."""
        return next((g for g in self.kept if g.key == marker.key), None)

    def same_start(self, now: tuple, recorded: tuple) -> bool:
        """Whether a page begins in the page-local state (_local) its recording began in."""
        return now == recorded

    def flowable(self, doc: Any, flowables: list) -> bool:
        """Handle a group marker at the front of ``flowables``; True if it was one."""
        f = flowables[0]
        if self.closing and not isinstance(f, (NextPageTemplate, PageBreak, GroupStart)):
            self.group, self.closing = None, False  # something is drawn on the group's last page
        if isinstance(f, GroupEnd):
            del flowables[0]
            if self.group is not None:
                self.closing = True
            return True
        if not isinstance(f, GroupStart):
            return False
        del flowables[0]
        if self.group is not None:  # the last one did not close as a group must
            self.group, self.closing = None, False
        recorded = self.recording_of(f)
        if recorded is not None and self._replayable(doc, recorded):
            end = flowables.index(f.end)
            del flowables[: end + 1]
            self._replay(doc, recorded, f)
            return True
        flowables[0:0] = f.make()
        if self.records:
            self.group = (f, doc.canv.getPageNumber(), [])
            self.page_began(doc)
        return True

    def _replayable(self, doc: Any, group: Group) -> bool:
        canv = doc.canv
        shift = canv.getPageNumber() - group.first
        return shift % 2 == 0 and self.same_start(_local(doc, canv), group.pages[0].start)

    def _replay(self, doc: Any, group: Group, marker: GroupStart) -> None:
        canv = doc.canv
        shift = canv.getPageNumber() - group.first
        for k, page in enumerate(group.pages):
            if k:
                previous = group.pages[k - 1]
                _set_next_template(doc, previous.end[-1])
                doc.handle_pageEnd()
                doc.clean_hanging()
                if doc.pageTemplate.id != page.template or not self.same_start(_local(doc, canv), page.start):
                    raise Refused(f"page {canv.getPageNumber()} is not in the state it was recorded in")
            code = canv._code
            calls = iter(page.calls)
            call = next(calls, None)
            same = page.codes is not None and _same_codes(canv._doc, page.codes)
            given = page.given is not None and _as_given(canv._doc, page.given)
            same = same or given
            painted = given and bool(page.given.forms)  # type: ignore[union-attr]
            done = (0, 0)
            for at, part in enumerate(page.parts):
                while call is not None and call[0] == at:  # made before this line: in the recorded order
                    getattr(canv, call[1])(*call[2], **call[3])
                    call = next(calls, None)
                if type(part) is str:
                    code.append(part)
                elif same and type(part) is Text:  # every character has its recorded code: the recorded text
                    code.append(part.recorded)
                else:
                    if painted and type(part) is Form and part.new:  # painted in the fonts' states it was then
                        _, states, mapped, delayed = next(f for f in page.given.forms if f[0] == at)  # type: ignore[union-attr]
                        done = _give(canv._doc, page.given, states, (mapped, delayed), done)  # type: ignore[arg-type]
                    code.append(part.code(canv))
            while call is not None:
                getattr(canv, call[1])(*call[2], **call[3])
                call = next(calls, None)
            if given:
                _give(canv._doc, page.given, done=done)  # type: ignore[arg-type]
                self.given += 1
            canv.page_of.update((key, p + shift) for key, p in page.page_of.items())
            canv.page_tab.update((p + shift, tab) for p, tab in page.page_tab.items())
            canv.number_forms.update(page.number_forms)
            _restore(doc, canv, page.end, shift)
        _set_next_template(doc, group.pages[-1].end[-1])
        if len(marker.sects) != len(group.sects):
            raise Refused("a run of sections with another number of sections")  # equal keys: never
        for target, recorded in zip(marker.sects, group.sects, strict=True):
            (_adopt if self.adopts else _fill)(target, recorded, shift)
            if canv.tags is not None:  # boxes on the page still open go when it is shown, as drawn ones do
                page = canv.getPageNumber()
                canv.tags.boxed += [e for e in target.walk() if e.boxes and any(b[0] == page for b in e.boxes)]
        self.closing = False
        self.replayed += 1
        if not self.records:
            return
        carried = Group(group.key, group.first + shift, group.pages, group.sects)
        if shift:
            carried = Group(
                group.key, group.first + shift, _shifted(group.pages, shift), [_copy(e, shift) for e in group.sects]
            )
        self.made.append(carried)


def _given(doc: Any, first: dict, names: tuple[int, int], parts: list, forms: dict) -> Given | None:
    """What a recorded page's text gave out (Given), with the fonts' states before each form it defined
    (``forms``: part index -> states, numbers of font names); None if a form it defined was not noted."""
    if any(type(part) is Form and part.new and at not in forms for at, part in enumerate(parts)):
        return None
    mapping = list(doc.fontMapping.items())
    return Given(
        first,
        {name: _snapshot(getFont(name).state.get(doc)) for name in first},
        names,
        tuple(mapping[names[0] :]),
        tuple(font.fontName for font in doc.delayedFonts[names[1] :]),
        tuple(
            (at, states, mapped - names[0], delayed - names[1])
            for at, (states, mapped, delayed) in sorted(forms.items())
        ),
    )


def _codes(doc: Any, parts: list) -> dict:
    """The subset codes a page's text runs use: font -> (its PDF name, {character: code})."""
    return text_codes(doc, [(run[0], run[3]) for part in parts if type(part) is Text for _, _, run in part.runs])


def text_codes(doc: Any, runs: list[tuple[str, Any]]) -> dict:
    """Text runs (font name, text) -> font -> (its PDF name, {character: code}): what _same_codes compares."""
    chars: dict[str, set[str]] = {}
    for name, text in runs:
        chars.setdefault(name, set()).update(text if isinstance(text, str) else text.decode("utf-8"))
    out: dict[str, tuple[Any, dict[int, int]]] = {}
    for name, used in chars.items():
        state = getFont(name).state[doc]
        codes = {32 if ord(c) == 0xA0 else ord(c) for c in used}  # as splitString maps a no-break space
        out[name] = (state.internalName, {c: state.assignments[c] for c in codes if c in state.assignments})
    return out


def _same_codes(doc: Any, codes: dict) -> bool:
    """Whether every font of a page's text has its recorded PDF name and codes for the page's characters."""
    for name, (internal, used) in codes.items():
        state = getFont(name).state.get(doc)
        if state is None or state.internalName != internal or not used.items() <= state.assignments.items():
            return False
    return True


def _changed(before: dict, after: dict) -> dict:
    return {k: v for k, v in after.items() if k not in before or before[k] != v}


def _end(doc: Any, canv: Any) -> tuple:
    d = canv.__dict__
    gs = canv._extgstate
    tags = canv.tags
    marks = (tags.page == canv.getPageNumber(), tags.next_mcid, tags.open) if tags else None
    frames = doc.pageTemplate.frames
    return (
        [d[n] for n in _STATE],
        (dict(gs._d), dict(gs._c)),
        canv.section,
        getattr(canv, "section_ref", None),
        marks,
        frames.index(doc.frame) if doc.frame in frames else 0,
        doc._curPageFlowableCount,
        getattr(doc, "_nextPageTemplateIndex", None),
    )


def _restore(doc: Any, canv: Any, end: tuple, shift: int) -> None:
    state, (gs_d, gs_c), section, section_ref, marks, frame, count, _ = end
    canv.__dict__.update(zip(_STATE, state, strict=True))
    gs = canv._extgstate.__class__()
    gs._d, gs._c = dict(gs_d), dict(gs_c)
    canv._extgstate = gs
    title, started, own, tab = section
    canv.section = (title, started + shift, own, tab)
    canv.section_ref = section_ref
    if marks is not None and marks[0]:
        canv.tags.page, canv.tags.next_mcid = canv.getPageNumber(), marks[1]
    if marks is not None:
        canv.tags.open = marks[2]
    if doc.frame is not doc.pageTemplate.frames[frame]:  # the page ended in a later frame (a column): begun so
        doc.frame = doc.pageTemplate.frames[frame]
        doc.frame._leftExtraIndent, doc.frame._rightExtraIndent = doc._leftExtraIndent, doc._rightExtraIndent
        doc.frame._frameBGs = doc._frameBGs
    doc._curPageFlowableCount = count


def _set_next_template(doc: Any, index: int | None) -> None:
    if index is None:
        doc.__dict__.pop("_nextPageTemplateIndex", None)
    else:
        doc._nextPageTemplateIndex = index


def _shifted(pages: list[Page], shift: int) -> list[Page]:
    out = []
    for p in pages:
        title, started, own, tab = p.end[2]
        end = (*p.end[:2], (title, started + shift, own, tab), *p.end[3:])
        out.append(
            Page(
                p.number + shift,
                p.template,
                p.start,
                p.parts,
                p.calls,
                {k: v + shift for k, v in p.page_of.items()},
                {k + shift: v for k, v in p.page_tab.items()},
                p.number_forms,
                end,
                p.codes,
                p.given,
            )
        )
    return out


# -- the structure tree --------------------------------------------------------------------


def _copy(el: Element, shift: int, parent: Element | None = None) -> Element:
    """An element and everything under it, as new elements, their page numbers moved by ``shift``."""
    out = Element(el.role, parent, el.alt, el.lang, el.title, el.contents)
    copies: dict[int, Element] = {}
    for kid in el.kids:
        if isinstance(kid, Element):
            copy = copies[id(kid)] = _copy(kid, shift, out)
            out.kids.append(copy)
        else:
            out.kids.append((kid[0] + shift, kid[1]))
    if el.boxes is not None:
        out.boxes = [(b[0] + shift, b[1], b[2], b[3], b[4]) for b in el.boxes]
    if el.keyed is not None:
        out.keyed = {k: copies[id(v)] for k, v in el.keyed.items() if id(v) in copies}
    return out


def _adopt(target: Element, recorded: Element, shift: int) -> None:
    """_fill with the recorded element's own children, their page numbers moved by ``shift`` in place (a
    recording replayed once, render/parallel.py)."""
    if shift:
        for el in recorded.walk():
            el.kids = [kid if isinstance(kid, Element) else (kid[0] + shift, kid[1]) for kid in el.kids]
            if el.boxes is not None:
                el.boxes = [(b[0] + shift, b[1], b[2], b[3], b[4]) for b in el.boxes]
    target.kids = recorded.kids
    for kid in target.kids:
        if isinstance(kid, Element):
            kid.parent = target
    target.boxes, target.keyed, target.alt = recorded.boxes, recorded.keyed, recorded.alt
    target.lang, target.title, target.contents = recorded.lang, recorded.title, recorded.contents


def _fill(target: Element, recorded: Element, shift: int) -> None:
    """Make ``target`` (this build's element of a replayed stroke) what the recorded one became when drawn."""
    copy = _copy(recorded, shift, target.parent)
    target.kids = copy.kids
    for kid in target.kids:
        if isinstance(kid, Element):
            kid.parent = target
    target.boxes, target.keyed = copy.boxes, copy.keyed
    target.alt, target.lang, target.title, target.contents = copy.alt, copy.lang, copy.title, copy.contents


# -- the story's markers -------------------------------------------------------------------


class GroupEnd(ActionFlowable):
    """After a recorded stroke's last flowable: its last page ends at the next page break."""

    def apply(self, doc: Any) -> None:  # handled by ReplayingDoc; never reached
        pass


class GroupStart(ActionFlowable):
    """Before a run of sections' first flowable, just after its page break: replay it, or record it."""

    def __init__(
        self, reads: Callable[[], Any], sects: list[Element], end: GroupEnd, make: Callable[[], list], index: int = 0
    ):
        super().__init__()
        self.reads, self.sects, self.end = reads, sects, end  # what its pages are made from; its sections' elements
        self.make = make  # its sections' flowables, made only when it is laid out
        self.index = index  # its place among the story's runs

    @cached_property
    def key(self) -> Any:
        """What its pages are made from, worked out when a replay or a recording first asks (render/parallel.py
        matches runs by their place and never does)."""
        return self.reads()

    def apply(self, doc: Any) -> None:  # handled by ReplayingDoc; never reached
        pass


class ReplayingDoc(BaseDocTemplate):
    """A doc template that records strokes' pages as they are drawn, and replays recorded ones."""

    pages: Pages | None = None

    def handle_pageBegin(self) -> None:
        super().handle_pageBegin()
        if self.pages is not None:
            self.pages.page_began(self)

    def handle_pageEnd(self) -> None:
        if self.pages is not None:
            self.pages.page_ends(self)
        super().handle_pageEnd()

    def handle_flowable(self, flowables: list) -> None:
        if self.pages is not None and self.pages.flowable(self, flowables):
            return
        super().handle_flowable(flowables)


# -- across builds -------------------------------------------------------------------------

_kept: list[tuple[Any, list[Group]]] = []  # (shared inputs, groups), the most recent last
_on = False
# the last build's: runs replayed, replays refused, pages that gave out codes replayed as drawn (tests, benches)
last = {"replayed": 0, "refused": 0, "given": 0}


def keep_pages() -> None:
    """Record strokes' pages from now on, for later builds of this process to replay (booklet watch)."""
    global _on
    _on = True


def keeping() -> bool:
    """True once the process said it keeps pages."""
    return _on


def reset(tags: Any) -> None:
    """A recorder as new, its document element emptied in place (the finisher holds it): for a build afresh."""
    last["refused"] += 1
    if tags is None:
        return
    root = tags.root
    root.kids, root.boxes, root.keyed = [], None, None
    tags.stack, tags.page, tags.next_mcid, tags.open = [], 0, 0, False


def forget() -> None:
    """Drop every recording (a picture, font or translation file changed: they are not in the keys)."""
    _kept.clear()


def shared_inputs(plan: Any, tagged: bool) -> Any:
    """What every stroke's pages are made from besides its own section: the plan without its sections
    and the booklet without its strokes."""
    edition = plan.edition
    booklet = edition.booklet
    return (
        tuple(getattr(booklet, f.name) for f in fields(booklet) if f.name != "strokes"),
        tuple(getattr(edition, f.name) for f in fields(edition) if f.name != "booklet"),
        tuple(getattr(plan, f.name) for f in fields(plan) if f.name not in ("edition", "sections")),
        tagged,
    )


def pages_for(shared: Any) -> Pages | None:
    """This document's recorder, with the last build's strokes if its shared inputs were equal; None when off."""
    if not _on:
        return None
    kept = next((groups for key, groups in _kept if key == shared), []) if _diagrams_all_kept() else []
    return Pages(kept)


def keep(shared: Any, pages: Pages) -> None:
    """Keep what this build recorded (and replayed) for the next build of the same document."""
    _kept[:] = [(key, groups) for key, groups in _kept if key != shared][-(MAX_DOCUMENTS - 1) :]
    _kept.append((shared, pages.made))
    last["replayed"], last["given"] = pages.replayed, pages.given


def _diagrams_all_kept() -> bool:
    """True while the diagram cache has dropped no drawing since the recordings were made: an equal
    diagram is then the same object, so a replayed stroke shares a form with another exactly when a
    fresh build would. The cache drops drawings only when full, or all at once when cleared (which
    resets its counts: fewer entries or misses than at the last build means a clear, and every
    recording goes)."""
    from booklet.illustrate.diagram import _diagram

    info = _diagram.cache_info()
    was = _diagram_counts[0] if _diagram_counts else (0, 0)
    _diagram_counts[:] = [(info.currsize, info.misses)]
    if info.currsize < was[0] or info.misses < was[1]:
        forget()
    return info.maxsize is None or info.currsize < info.maxsize


_diagram_counts: list[tuple[int, int]] = []  # the diagram cache's size and misses when last looked at
