"""Each shipped edition reads as its profile says; batch builds every combination."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.batch import plan_jobs, run_batch
from booklet.build import BuildOptions, build, load_booklet

from .conftest import SHIPPED, pdf_text, squash


@pytest.fixture(scope="module")
def editions() -> dict[str, bytes]:
    booklet = load_booklet(SHIPPED)
    return {a.id: build(booklet, BuildOptions(audience=a.id)).pdf for a in booklet.audiences}


def body_size(pdf: bytes) -> float:
    """The font size most of the introduction's characters are set in."""
    reader = PdfReader(io.BytesIO(pdf))
    sizes: Counter[float] = Counter()
    page = next(p for p in reader.pages if "Introduction" in (p.extract_text() or ""))

    def visit(text, cm, tm, font, size):
        scale = abs(tm[0] * cm[0]) or 1.0
        sizes[round(size * scale, 1)] += len(text.strip())

    page.extract_text(visitor_text=visit)
    return sizes.most_common(1)[0][0]


def test_three_editions_are_shipped(editions):
    assert set(editions) == {"home", "large-print", "student"}


def test_large_print_is_larger_capped_and_cautious(editions):
    assert body_size(editions["large-print"]) >= 1.3 * body_size(editions["home"])
    text = pdf_text(editions["large-print"])
    assert "Large-print edition" in text
    assert "In this edition every stroke is light." in text
    assert squash("Pressure kept to light in the Large-print edition.") in squash(text)
    assert not re.search(r"(?i)\b(firm\w*|moderate\w*)", text)  # nothing above light, anywhere
    assert "Shoulder kneading" in text
    assert "Petrissage" not in text
    assert "Do not grip, pinch or lift." in text
    for phrase in ("osteoporosis", "blood thinners", "Thin or fragile skin"):
        assert phrase in text
    assert "Ask whether they take blood thinners" in text


def test_home_edition_keeps_plain_words_and_its_strokes_own_pressure(editions):
    text = pdf_text(editions["home"])
    assert "Moderate pressure" in text  # kneading, the fan stroke and raking: uncapped
    assert "Pressure kept to" not in text
    assert "Kneading" in text
    assert "Shoulder kneading" not in text
    for jargon in ("Muscles worked", "erector spinae", "effleurage", "Hand-over-hand"):
        assert jargon not in text
    assert "osteoporosis" in text  # the thin-bones warning is for everyone


def test_student_edition_uses_anatomical_vocabulary_and_its_own_scope(editions):
    text = pdf_text(editions["student"]).replace("\u2019", "'")  # curly apostrophes read as typed
    home = pdf_text(editions["home"]).replace("\u2019", "'")
    assert "Student edition" in text
    assert "lumbar region" in text
    assert "lumbar region" not in home
    assert "Muscles worked" in text
    assert "erector spinae" in text
    assert "Contraindications:" in text
    assert "endangerment sites" in text
    assert "does not replace, supervised training" in text
    assert "Local cautions include" not in text  # anticoagulants, osteoporosis, pregnancy are general
    for general in (
        "Anticoagulant medication and bleeding disorders are general",
        "Osteoporosis is a general",
        "Pregnancy is a general",
    ):
        assert general in text
    assert "A past clot needs medical clearance" in text
    assert "record the client's informed consent" in text
    assert "at home" not in text
    assert "You do not need training" not in text
    assert "A Massage Therapist's Guide to Pathology" in text
    assert "Ruth Werner" in text
    assert "A Massage Therapist's Guide to Pathology" not in home


def test_every_edition_has_the_safety_content_before_the_first_stroke(editions):
    for name, pdf in editions.items():
        pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]
        safety = next(i for i, p in enumerate(pages) if i > 1 and "When not to massage" in p)
        first_stroke = next(i for i, p in enumerate(pages) if "STROKE 1 OF" in p)
        assert safety < first_stroke, name
        text = " ".join(pages)
        for phrase in (
            "cancer",
            "blood thinners",
            "weakness or pain down an arm or leg",
            "bladder or bowel",
            "Do not let anyone, even a child, do this.",
            "On their side",
            "off limits",
            "nut allergies",
            "catch fire",
            "Sharp or spreading pain",  # the stop-at-once panel
        ):
            assert phrase.lower() in text.lower(), (name, phrase)
        assert "You do not need training" not in text
        assert "youtube" not in text.lower()


def test_excluded_strokes_are_absent(handwash: Path):
    booklet = load_booklet(handwash)
    text = pdf_text(build(booklet, BuildOptions(audience="kids")).pdf)
    assert "Lather" in text
    assert "Hold your hands under running water." not in text


def test_batch_builds_everything_and_reports_failures_without_stopping(handwash: Path, edit, tmp_path: Path):
    long = " ".join(["Rub every part of each finger slowly and carefully."] * 40)
    edit(
        handwash / "booklet.yaml",
        "default_audience: kids",
        """  - id: wordy
    name: Wordy edition
    theme_note: x
default_audience: kids""",
    )
    edit(
        handwash / "booklet.yaml",
        "    theme_note: x\n",
        f"""    overrides:
      lather:
        steps: ["{long}", "{long}", "{long}"]
""",
    )
    booklet = load_booklet(handwash)
    jobs = plan_jobs(booklet, (), ())
    assert len(jobs) == 2 * 4  # booklet, cards, saddle, 2up
    results = list(run_batch(booklet, jobs, tmp_path / "out", workers=2))
    failed = [r for r in results if not r.ok]
    assert [(r.job.audience, r.job.format) for r in failed] == [("wordy", "cards")]
    assert "does not fit" in failed[0].errors[0]
    assert "booklet.yaml:" in failed[0].errors[0]  # the long steps were written in the audience override
    built = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert built == [
        "handwash-kids-2up.pdf",
        "handwash-kids-cards.pdf",
        "handwash-kids-saddle.pdf",
        "handwash-kids.pdf",
        "handwash-wordy-2up.pdf",
        "handwash-wordy-saddle.pdf",
        "handwash-wordy.pdf",
    ]


def test_every_edition_ends_with_its_back_cover(editions):
    booklet = load_booklet(SHIPPED)
    for audience, pdf in editions.items():
        pages = PdfReader(io.BytesIO(pdf)).pages
        name = next(a.name for a in booklet.audiences if a.id == audience)
        back = " ".join((pages[-1].extract_text() or "").split())
        assert booklet.title in back
        assert name in back
        assert booklet.references[0].title in back  # the main reference, with its QR code
        assert "References" in (pages[-2].extract_text() or "") or "References" in (pages[-3].extract_text() or "")


def test_no_page_is_left_empty(editions):
    for pdf in editions.values():
        for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, 1):
            words = (page.extract_text() or "").split()
            assert len(words) > 8, (number, words)  # more than a folio and a running foot
