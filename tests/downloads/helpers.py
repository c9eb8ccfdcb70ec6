"""Works that exercise everything a download must carry, written for these tests."""

import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

from quire.works import services
from quire.works.models import Chapter, Series
from tests.factories import make_work

EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")

FOOTNOTED = (
    '<p>The ferry left at dawn.<sup><a href="#fn1" name="ref1">1</a></sup> '
    'Mira counted the gulls.<sup><a href="#fn2">2</a></sup></p>\n'
    '<p align="center">* * *</p>\n'
    '<p>A picture of the harbour: <img src="https://images.example.org/harbour.png" alt="the harbour at dawn"></p>\n'
    "<table><caption>Tide table</caption><thead><tr><th>Time</th><th>Height</th></tr></thead>"
    '<tbody><tr><td>06:10</td><td align="right">4.2 m</td></tr><tr><td>18:40</td><td>3.9 m</td></tr></tbody></table>\n'
    "<p><center>The end of the crossing</center></p>\n"
    '<p><a name="fn1">1.</a> The ferry always leaves at dawn.</p>\n'
    '<p><a name="fn2">2.</a> There were eleven.</p>\n'
    '<p>See <a href="/works/">the archive</a> and <big>big</big> <tt>type</tt> <strike>struck</strike>.</p>'
)


def feature_work(author, *, chapters: int = 3, language: str = "en", title: str = "The Harbour Crossing", **extra):
    """A posted work with notes, a summary, footnotes, a remote image, a table and obsolete markup."""
    work = make_work(
        author,
        title,
        chapters=["Placeholder."],
        fandoms=("Original Work",),
        characters=("Mira Quell",),
        relationships=("Mira Quell/Tobin Vey",),
        freeforms=("Boats", "Found Family"),
        summary="Two strangers share a ferry & a secret.",
        notes_begin="Written for the *harbour* challenge.",
        notes_end="Thanks for reading!",
        text_format="markdown",
        language=language,
        **extra,
    )
    first = work.chapters.get()
    first.text_format = "html"
    first.title = "Departure"
    first.text = FOOTNOTED
    first.notes_begin = "Chapter one notes."
    first.notes_end = "Chapter one end notes."
    first.save()
    for position in range(2, chapters + 1):
        chapter = Chapter(
            work=work,
            position=position,
            title=f"Leg {position}" if position % 2 else "",
            text=f"Chapter {position} of the crossing.\n\nThe water was calm on day {position}.",
        )
        chapter.save()
        services.publish_chapter(chapter)
    services.refresh_counts(work)
    work.refresh_from_db()
    return work


def series_of(author, *works, title: str = "Harbour Tales") -> Series:
    series = Series.objects.create(title=title, summary="Stories from the harbour.\nIn order.")
    series.creators.add(author.default_pseud)
    for work in works:
        services.set_series(work, series)
    return series


def epubcheck(data: bytes, tmp_path: Path) -> subprocess.CompletedProcess:
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    java = shutil.which("java")
    return subprocess.run(  # noqa: S603 (a fixed command on a file we wrote)
        [java or "java", "-jar", str(EPUBCHECK_JAR), str(path)], capture_output=True, text=True, timeout=300
    )


def epubcheck_available() -> bool:
    return EPUBCHECK_JAR.exists() and shutil.which("java") is not None


def epub_files(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
