"""A long booklet's story -> its later runs of sections laid out in a second process, replayed into the first.

A build is one layout pass, and a pass is sequential: each page starts where the last
ended. But a run of sections (render/booklet.page_groups: from one page break of the
story to the next) is laid out the same wherever it starts, up to an even page shift,
and render/replay.py can draw a recorded run into another document without laying it
out again, giving out subset codes, form names and object numbers in that document's
own order. So on a machine with a second core, a one-off build forks once its story is
made: the child lays out the story's later runs, recording each (replay.Pages), and
sends the recordings through a file as it goes; the parent lays out the earlier runs,
then replays the child's. Replaying a run costs a small part of laying it out, so the
two processes finish at about the same time, and the document is the one a single
process makes, byte for byte: a replay draws exactly what the recording's layout drew,
and a run whose recording cannot be used (it started in another page-local state, on a
page of the other parity, or holds something replay cannot repeat) is laid out by the
parent as always.

The child starts a run early (a run the parent lays out too, whose recording it drops),
so that its first sent run starts after a run as it does in the parent. A diagram's
form is sent as the memoised call that made the drawing (illustrate/origins.py), so the
parent shares forms as a single process would.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import logging
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
from dataclasses import replace
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import NextPageTemplate, PageBreak

from booklet.illustrate.origins import call_of, made_by, memoised_calls
from booklet.render.flowables import number_form
from booklet.render.replay import Form, Group, GroupStart, Named, Page, Pages

log = logging.getLogger(__name__)

MIN_RUNS = 12  # fewer runs than this are laid out in one process (a fork and a second start do not pay)
# Of the runs' estimated cost, the part the parent lays out (it also replays the rest, then saves). The
# save waits for the child's last run, so the two should end their runs together: the parent's CPU from
# the fork to the save against the child's, x80, 4 runs each (load 3-4): at 0.35 the child took 1.22-1.52x
# the parent's, at 0.47 0.93-1.07x.
PARENT_SHARE = 0.46
last = {"first": 0, "replayed": 0, "forked": False}  # the last two-process build's (for tests and benches)
_HEADER = struct.Struct("<qQQ")  # run index, offset and length of its recording in the shared file
_NUMBER_FORM = number_form("")  # page-number forms are named by key: the same name in every process


def wanted(runs: int) -> bool:
    """Whether a one-off build of a story with this many runs lays out in two processes."""
    if os.environ.get("BOOKLET_JOBS", "") == "1" or runs < MIN_RUNS:
        return False
    if not sys.platform.startswith("linux") or not hasattr(os, "memfd_create"):
        return False  # a fork is what makes the second process cheap; elsewhere it is unsafe or slow
    if threading.active_count() > 1:
        return False  # a library caller's threads: a fork copies the locks they hold, not the threads
    if not _room(0.5):
        return False  # earlier builds of this process filled the drawing caches: see Fed.sound
    return cores() > 1


def _room(share: float) -> bool:
    """Whether every memoised drawing cache is at most ``share`` full (one without a limit always is)."""
    for cache in memoised_calls():
        info = cache.cache_info()
        if info.maxsize is not None and info.currsize > share * info.maxsize:
            return False
    return True


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0))


def split(weights: list[float]) -> int:
    """The runs' estimated costs -> the first run the child sends. The child starts one run earlier (a
    run the parent lays out too): never at the first, and never at a run costlier than the lightest
    twice over (the contents or the strokes at a glance of a long booklet), so the child gets ahead."""
    total = sum(weights)
    light = 2 * min(weights, default=0.0)
    done = 0.0
    for i, w in enumerate(weights):
        if done >= PARENT_SHARE * total and i >= 2 and weights[i - 1] <= light:
            return i
        done += w
    return len(weights)


class Fed(Pages):
    """The parent's pages: runs from ``first`` on are replayed from the child's recordings where they can be.

    Nothing is recorded (the process builds once). A recording is read when the layout
    reaches its run. A run the child has not sent yet is waited for as long as laying it
    out here would take, then laid out here, as in one process: a child slowed down by a
    busy machine costs about what its work would, and the parent does not race it run by run.
    """

    records = False
    adopts = True
    patience: float | None = None  # seconds to wait for a run the child has not sent; None: what a run costs here

    def __init__(self, first: int):
        super().__init__([])
        self.first = first
        self.pid = 0
        self.started = 0.0
        self.file: Any = None
        self.pipe = -1
        self.sent: dict[int, tuple[int, int]] = {}  # run index -> (offset, length) in the file
        self.calls: dict[int, Any] = {}  # drawing number -> the memoised call that made it (then the drawing)
        self.reached = -1  # the highest run index read from the pipe
        self.ended = False

    def start(self, doc: Any, flow: list, canvasmaker: Any) -> None:
        """Fork the child, which lays out the story's runs from ``first - 1`` on and never returns."""
        self.started = time.perf_counter()
        self.file = os.fdopen(os.memfd_create("booklet-runs"), "r+b")  # in memory, gone when closed
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError:  # no room for a second process: laid out here, as in one
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child
            os.close(read)
            code = 0
            try:
                _child(doc, flow, canvasmaker, self.first, self.file.fileno(), write)
            except BaseException:  # noqa: BLE001 - the parent lays out whatever it was not sent
                log.debug("layout in a second process stopped", exc_info=True)
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self.pipe = pid, read

    def recording_of(self, marker: GroupStart) -> Group | None:
        if marker.index < self.first or self.pid == 0:
            return None
        if self.patience is None:  # about what laying out one run has cost here so far
            self.patience = (time.perf_counter() - self.started) / max(1, self.first)
        waited = 0.0
        while not self.ended and self.reached < marker.index:
            began = time.perf_counter()
            if not select.select([self.pipe], [], [], max(0.0, self.patience - waited))[0]:
                break  # the child is too far behind (a busy machine): this run is laid out here
            waited += time.perf_counter() - began
            self._read()
        where = self.sent.pop(marker.index, None)
        if where is None:
            return None
        group = pickle.loads(self._bytes(where))
        pages = [replace(page, parts=[self._drawn(p) for p in page.parts]) for page in group.pages]
        return replace(group, pages=pages)  # no key: runs are matched by their place

    def _drawn(self, part: Any) -> Any:
        """A recorded part, a form's drawing number made this process's drawing for the same call."""
        if type(part) is not Form:
            return part
        known = self.calls[part.drawing]
        if not isinstance(known, Drawing):
            known = self.calls[part.drawing] = made_by(known)
        return Form(known, None)

    def sound(self) -> bool:
        """Whether the document is the one a single process makes: true unless this process's drawing caches
        are full. Forms are shared by drawing object; while no cached drawing is ever dropped, an equal call
        gives the same object here and in a single process, so forms are shared alike; once one may have
        been, a single process could have painted a drawing made again as a form of its own."""
        return _room(1.0 - 1e-9)

    def same_start(self, now: tuple, recorded: tuple) -> bool:
        # the annotation count (_local's last item) counts the document's links: the child's document has
        # fewer before the run, and a replay makes the run's own links again, numbered by this document
        return now[:-1] == recorded[:-1]

    def _read(self) -> None:
        data = b""
        while len(data) < _HEADER.size:
            more = os.read(self.pipe, _HEADER.size - len(data))
            if not more:
                self.ended = True
                return
            data += more
        index, offset, length = _HEADER.unpack(data)
        if index < 0:  # a drawing's call, numbered -index - 1
            self.calls[-index - 1] = pickle.loads(self._bytes((offset, length)))
            return
        self.sent[index] = (offset, length)
        self.reached = index

    def _bytes(self, where: tuple[int, int]) -> bytes:
        offset, length = where
        return os.pread(self.file.fileno(), length, offset)

    def close(self) -> None:
        """End the child (done, or no longer needed) and drop its file."""
        last.update(first=self.first, replayed=self.replayed, forked=self.pid != 0)
        if self.pid:
            if not self.ended:
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            os.close(self.pipe)
            self.pid = 0
        if self.file is not None:
            self.file.close()
            self.file = None


class _Sending(Pages):
    """The child's pages: every run it lays out is recorded; those from ``first`` on are sent."""

    notes_codes = False  # another document's subset codes: the parent encodes the text again

    def __init__(self, first: int, fd: int, pipe: int):
        super().__init__([])
        self.first, self.fd, self.pipe = first, fd, pipe
        self.offset = 0
        self.calls: dict[int, tuple[Any, int]] = {}  # id(drawing) -> (the drawing, held: its id stays its own; number)

    def recorded(self, marker: GroupStart, first: int, pages: list[Page]) -> None:
        if marker.index < self.first:
            return
        # no key (the parent matches runs by their place); the sections' elements as they are, sent at once:
        # this process never finishes its tree
        group = Group(None, first, pages, marker.sects)
        parents = [e.parent for e in group.sects]
        for e in group.sects:
            e.parent = None  # the sections are sent without the tree above them
        try:
            data = _dumps(self._sendable(group))
        except _Unsendable:
            return
        finally:
            for e, parent in zip(group.sects, parents, strict=True):
                e.parent = parent
        self._send(marker.index, data)

    def _send(self, index: int, data: bytes) -> None:
        os.pwrite(self.fd, data, self.offset)
        message = _HEADER.pack(index, self.offset, len(data))
        self.offset += len(data)
        os.write(self.pipe, message)

    def _sendable(self, group: Group) -> Group:
        """A recording as the parent can replay it: each form's drawing as the number of the memoised call
        that made it (sent once, before the first run using it), unchecked for where the form was first
        defined (each process defines its own in its own order); the page's code lines joined where no call
        comes between them. Raises _Unsendable for a form placed by a name only this process gives out."""
        pages = []
        for page in group.pages:
            parts: list = []
            lines: list[str] = []  # code lines not yet added to parts: added as one, joined as the page is
            starts = {at for at, *_ in page.calls}
            moved = {}
            for at, part in enumerate(page.parts):
                if lines and (at in starts or type(part) is not str):
                    parts.append("\n".join(lines))
                    lines = []
                moved[at] = len(parts)
                kind = type(part)
                if kind is str:
                    lines.append(part)
                    continue
                if kind is Form:
                    part = Form(self._number(part.drawing), None)
                elif kind is Named and not part.name.startswith(_NUMBER_FORM):
                    raise _Unsendable
                parts.append(part)
            if lines:
                parts.append("\n".join(lines))
            moved[len(page.parts)] = len(parts)
            calls = [(moved[at], *rest) for at, *rest in page.calls]
            pages.append(replace(page, parts=parts, calls=calls))
        return replace(group, pages=pages)

    def _number(self, drawing: Any) -> int:
        known = self.calls.get(id(drawing))
        if known is not None:
            return known[1]
        call = call_of(drawing)
        if call is None:
            raise _Unsendable
        number = len(self.calls)
        self.calls[id(drawing)] = (drawing, number)
        self._send(-number - 1, _dumps(call))
        return number


class _Unsendable(Exception):
    """A recording holds what the parent cannot make again: a drawing made otherwise than by a memoised call."""


def _refused(obj: Any) -> Any:
    raise _Unsendable


def _dumps(obj: Any) -> bytes:
    """Pickled, refusing any drawing left in it (it would arrive as a copy, and be painted as a form of its own)."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, Drawing: _refused}
    pickler.dump(obj)
    return buf.getvalue()


def _child(doc: Any, flow: list, canvasmaker: Any, first: int, fd: int, pipe: int) -> None:
    """Lay out the story from run ``first - 1`` on (after the cover page), sending the recordings of runs
    from ``first`` on; stop before the document is finished and saved."""
    at = next(i for i, f in enumerate(flow) if isinstance(f, GroupStart) and f.index == first - 1)
    template = flow[at - 2]
    if not isinstance(template, NextPageTemplate) or not isinstance(flow[at - 1], PageBreak):
        raise ValueError("a run of sections does not start after its page template and break")
    doc.pages = _Sending(first, fd, pipe)
    with contextlib.suppress(_Stop):
        doc.build([NextPageTemplate("body"), PageBreak(), template, *flow[at:]], canvasmaker=_Stopping(canvasmaker))


class _Stop(Exception):
    """The child's layout is done: its document is not finished or saved."""


class _Stopping:
    """A canvas maker whose canvases stop the build where it would be saved."""

    def __init__(self, make: Any):
        self.make = make

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        canv = self.make(*args, **kwargs)

        def save() -> None:
            raise _Stop

        canv.save = save
        canv.written = False
        # the child's outline begins at a later run, under an entry of the parent's (the strokes' group):
        # it is never written, and the parent makes every recorded entry again
        canv._doc.outline.addOutlineEntry = _nothing
        return canv


def _nothing(*args: Any, **kwargs: Any) -> None:
    pass
