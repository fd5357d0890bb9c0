"""Validated Booklet -> every problem a build of any edition and format would refuse, with file:line:col.

validate.py checks each file against the schema and the files against each other;
this step then does what ``build`` does, for every edition (each audience, or the
standard edition) and every format (booklet and cards): fonts are found and draw every
character, cards fit, pages lay out. It calls the same functions build calls, so
``booklet validate`` says ok exactly when every edition and format builds.
"""

from __future__ import annotations

from booklet.audience import make_edition
from booklet.build import BuildOptions, edition_fonts, render_cards_pdfs, render_pdf
from booklet.errors import BookletError, ContentError, Problem
from booklet.model import Booklet
from booklet.options import FORMATS
from booklet.render.glyphs import check_glyphs


def editions(booklet: Booklet) -> list[str | None]:
    """The audience ids a build can be asked for; None is the standard edition (when reachable)."""
    ids: list[str | None] = [a.id for a in booklet.audiences]
    if booklet.default_audience is None:
        ids.insert(0, None)
    return ids


def check_builds(booklet: Booklet, formats: tuple[str, ...] = tuple(FORMATS)) -> None:
    """Raise one ContentError with every problem of every edition x format; a problem
    that only some editions have says which."""
    found: dict[str, tuple[Problem, list[str]]] = {}
    names = editions(booklet)
    problems = []
    for audience in names:
        label = audience or "standard"
        for problem in edition_problems(booklet, audience, formats):
            found.setdefault(str(problem), (problem, []))[1].append(label)
    for problem, labels in found.values():
        if len(names) > 1 and len(set(labels)) < len(names):
            which = ", ".join(dict.fromkeys(labels))
            problem = Problem(problem.ref, f"{problem.message} (in the {which} edition)", problem.where)
        problems.append(problem)
    if problems:
        raise ContentError(problems)


def check_languages(booklet: Booklet, languages: tuple[str, ...]) -> list[str]:
    """Each language's edition checked as build --lang would: the PO file read, its translations
    checked, then every edition x format built with them. Raise one ContentError with every
    problem of every language; else return the warnings (strings still in the source language)."""
    from booklet.build import in_language

    problems: list[Problem] = []
    warnings: list[str] = []
    for language in dict.fromkeys(languages):
        try:
            translated, notes = in_language(booklet, language)
            check_builds(translated)
        except ContentError as exc:
            problems += exc.problems
            continue
        warnings += notes
    if problems:
        raise ContentError(problems)
    return warnings


def edition_problems(booklet: Booklet, audience: str | None, formats: tuple[str, ...]) -> list[Problem]:
    """One edition: fonts and glyphs, then each format's layout; every problem, not just the first."""
    edition = make_edition(booklet, audience)
    try:
        fonts = edition_fonts(edition)
    except ContentError as exc:
        return list(exc.problems)  # no font to lay out with
    problems: list[Problem] = []
    try:
        check_glyphs(edition.booklet, fonts.regular, edition.booklet.theme.font)
    except ContentError as exc:  # boxes where glyphs are missing: the pages still lay out, so look further
        problems += exc.problems
    for fmt in formats:
        options = BuildOptions(audience=audience, format=fmt)
        try:
            if fmt == "cards":
                render_cards_pdfs(edition, options)
            else:
                render_pdf(edition, options)
        except ContentError as exc:
            problems += exc.problems
        except BookletError as exc:
            problems.append(Problem(booklet.ref, str(exc), fmt))
    return problems
