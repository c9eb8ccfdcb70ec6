"""EPUBs pass epubcheck with no errors or warnings, on works that use every feature:
notes, images by URL, footnotes, tables, right-to-left text, 500 chapters, series."""

import re

import pytest

from quire.downloads.book import series_book, work_book
from quire.downloads.writers import epub
from quire.works.models import Chapter, ChapterState
from quire.works.services import refresh_counts
from tests.downloads.helpers import epub_files, epubcheck, epubcheck_available, feature_work, series_of
from tests.factories import make_work

# A Java start per book: seconds each. `make test-slow` and .ci/downloads.sh run them.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not epubcheck_available(), reason="needs java and Debian's epubcheck package"),
]


def assert_valid(data: bytes, tmp_path):
    result = epubcheck(data, tmp_path)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "0 fatals / 0 errors / 0 warnings" in report, report


def test_a_work_with_notes_footnotes_images_and_tables_passes_epubcheck(author, tmp_path):
    work = feature_work(author)
    data = epub.write(work_book(work))
    assert_valid(data, tmp_path)
    chapter = epub_files(data)[f"OEBPS/w{work.pk}-c1.xhtml"]
    # Footnote links land on their notes; the remote image became a link to it.
    assert '<a href="#u-fn1" id="u-ref1">1</a>' in chapter and '<span id="u-fn1">1.</span>' in chapter
    # (Remote images are turned into that link when the chapter is saved, so no reader's
    # device fetches them.)
    assert re.search(
        r'<a href="https://images\.example\.org/harbour\.png"[^>]*class="image-link"[^>]*>'
        r"\[Image: the harbour at dawn\]</a>",
        chapter,
    )
    assert '<td style="text-align: right">4.2 m</td>' in chapter


def test_a_right_to_left_work_passes_epubcheck_and_reads_right_to_left(author, tmp_path):
    work = make_work(author, "ריצה בגשם", language="he", chapters=["הגשם ירד כל הלילה.", "בבוקר השמש חזרה."])
    data = epub.write(work_book(work))
    assert_valid(data, tmp_path)
    files = epub_files(data)
    assert 'page-progression-direction="rtl"' in files["OEBPS/content.opf"]
    assert 'dir="rtl"' in files[f"OEBPS/w{work.pk}-c1.xhtml"]


def test_a_work_of_500_chapters_passes_epubcheck(author, tmp_path):
    work = make_work(author, "The Long Road", chapters=["Mile one."])
    Chapter.objects.bulk_create(
        Chapter(
            work=work,
            position=n,
            title=f"Mile {n}",
            text=f"Mile {n}.",
            text_html=f"<p>Mile {n}.</p>",
            word_count=2,
            state=ChapterState.PUBLISHED,
            published_at=work.published_at,
        )
        for n in range(2, 501)
    )
    refresh_counts(work)
    data = epub.write(work_book(work))
    assert_valid(data, tmp_path)
    assert f"OEBPS/w{work.pk}-c500.xhtml" in epub_files(data)


def test_a_series_book_passes_epubcheck(author, tmp_path):
    first = feature_work(author, chapters=2, title="Outbound")
    second = make_work(author, "Homebound", anonymous=True, chapters=["Back again."])
    series = series_of(author, first, second)
    data = epub.write(series_book(series, [first.pk, second.pk]))
    assert_valid(data, tmp_path)
    nav = epub_files(data)["OEBPS/nav.xhtml"]
    assert nav.index("Outbound") < nav.index("Homebound")
