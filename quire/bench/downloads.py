"""EPUB speed beside Calibre's `ebook-convert` of the same HTML (how AO3 makes its
downloads). `run(small)` needs no database: it builds the book in memory, as
`book.work_book` would hand it to the writers, so the figure is the writer's."""

import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from quire.downloads.book import Book, BookChapter, BookWork
from quire.downloads.writers import calibre, epub, html
from quire.works.models import Work

WORDS = "harbour lantern ferry gull tide salt rope morning quiet keeper storm dawn sail island".split()


def _paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return f"<p>{text.capitalize()}, <em>she said</em> &amp; smiled.</p>"


def make_book(words: int, chapters: int) -> Book:
    rng = random.Random(6)
    per_chapter = words // chapters
    when = datetime(2024, 1, 1, tzinfo=UTC)
    work = Work(pk=1, title="The Long Crossing", language="en", published_at=when, updated_at=when)
    book_chapters = [
        BookChapter(
            anchor=f"w1-c{n}",
            title=f"Chapter {n}",
            notes_begin_html="<p>Notes before.</p>" if n % 10 == 0 else "",
            text_html="\n".join(_paragraph(rng, 98) for _ in range(per_chapter // 100)),
            notes_end_html="",
        )
        for n in range(1, chapters + 1)
    ]
    part = BookWork(
        work=work,
        anchor="w1",
        title=work.title,
        creators=["amara"],
        url="http://127.0.0.1:8000/works/1/",
        metadata=[("Rating", ["General Audiences"]), ("Stats", [f"Words: {words:,}"])],
        summary_html="<p>A long crossing.</p>",
        notes_begin_html="",
        notes_end_html="",
        chapters=book_chapters,
        series=[],
    )
    return Book(
        kind="work",
        title=work.title,
        creators=["amara"],
        summary_html=part.summary_html,
        language="en",
        url=part.url,
        published=when,
        updated=when,
        subjects=["Original Work"],
        works=[part],
        filename_stem="bench",
        identifier="urn:uuid:00000000-0000-0000-0000-000000000006",
    )


def run(small: bool = False) -> dict:
    words, chapters = (50_000, 10) if small else (500_000, 100)
    book = make_book(words, chapters)
    timings = []
    for _ in range(1 if small else 3):
        started = time.perf_counter()
        data = epub.write(book)
        timings.append(time.perf_counter() - started)
    result = {
        "words": words,
        "chapters": chapters,
        "epub_seconds": round(min(timings), 3),
        "epub_bytes": len(data),
        "calibre_seconds": None,
        "ratio": None,
    }
    if calibre.executable():
        with tempfile.TemporaryDirectory() as folder:
            source, target = Path(folder) / "book.html", Path(folder) / "book.epub"
            source.write_text(html.render(book, images="link"), encoding="utf-8")
            started = time.perf_counter()
            calibre.convert(source, target)
            result["calibre_seconds"] = round(time.perf_counter() - started, 3)
        result["ratio"] = round(result["calibre_seconds"] / result["epub_seconds"], 1)
    else:
        result["calibre_note"] = "ebook-convert not installed (Debian: apt-get install calibre)"
    return result
