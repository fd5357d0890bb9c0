"""Booklet -> every problem with the pictures it names: stroke images, logos, the cover picture.

Each must be a readable PNG, JPEG or SVG inside the content folder, and a stroke image
or cover picture needs its text alternative. validate.py runs it with its other checks;
the image libraries (Pillow, lxml, svglib) are imported only when content names a picture.
"""

from __future__ import annotations

from pathlib import Path

from booklet.errors import Problem
from booklet.model import Booklet, SourceRef, ref_of


def picture_problems(booklet: Booklet) -> list[Problem]:
    """Each named picture checked; one problem per bad file or missing text alternative."""
    wanted: list[tuple[str, SourceRef, str, str | None]] = []  # file, where written, field, alt text
    for stroke in booklet.strokes:
        ill = stroke.illustration
        if ill is not None and ill.image:
            wanted.append((ill.image, ill.ref, f"{stroke.id}.illustration.image", ill.alt))
    theme = booklet.theme
    if theme.logo:
        wanted.append((theme.logo, ref_of(theme, "logo"), "theme.logo", None))
    if theme.cover_image:
        wanted.append((theme.cover_image, ref_of(theme, "cover_image"), "theme.cover_image", theme.cover_alt))
    wanted += [(a.logo, ref_of(a, "logo"), "logo", None) for a in booklet.audiences if a.logo]
    if not wanted:
        return []
    from booklet.files import nearby_hint
    from booklet.illustrate.images import ImageProblem, check_image

    root = Path(booklet.root)
    problems = []
    for relative, ref, where, alt in wanted:
        try:
            check_image(root, relative)
        except (ImageProblem, ValueError) as exc:
            message = str(exc)
            if message.startswith("file not found"):
                message = f"no file '{relative}' in the content folder{nearby_hint(root, relative)}"
            problems.append(Problem(ref, message, where))
            continue
        if alt == "" and where == "theme.cover_image":
            problems.append(Problem(ref, "a cover image needs a text alternative: add cover_alt", where))
        elif alt == "":
            problems.append(
                Problem(ref, "an image needs a text alternative: add alt (a sentence saying what it shows)", where)
            )
    return problems
