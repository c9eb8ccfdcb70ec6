"""A reader downloads a work and a whole series in every format this archive offers,
from the buttons on the work and series pages, in Chromium."""

import zipfile

from django.core.management import call_command
from playwright.sync_api import expect

from quire.downloads.formats import available_formats
from tests.downloads.helpers import feature_work, series_of
from tests.factories import make_user, make_work

MAGIC = {
    "epub": lambda data: data.startswith(b"PK") and b"application/epub+zip" in data[:100],
    "pdf": lambda data: data.startswith(b"%PDF-"),
    "html": lambda data: data.lstrip().startswith(b"<!DOCTYPE html>"),
    "txt": lambda data: b"The Harbour Crossing" in data or b"Harbour Tales" in data,
    "azw3": lambda data: data[60:68] == b"BOOKMOBI",
    "mobi": lambda data: data[60:68] == b"BOOKMOBI",
}


def download_each_format(page, url: str, nav_name: str, words: int, tmp_path) -> list[str]:
    names = []
    for fmt in available_formats():
        page.goto(url)
        link = page.get_by_role("navigation", name=nav_name).get_by_role("link", name=fmt.label, exact=True)
        if words <= fmt.inline_words:
            with page.expect_download() as info:
                link.click()
        else:
            # Too big to make during the request: the reader sees progress, the
            # worker makes the file, and the page's own refresh starts the download.
            link.click()
            expect(page.get_by_role("status")).to_contain_text(f"Your {fmt.label} file is being prepared.")
            call_command("db_worker", "--batch", "--no-startup-delay")
            with page.expect_download(timeout=120_000) as info:
                pass
        download = info.value
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        data = path.read_bytes()
        assert MAGIC[fmt.key](data), f"{fmt.key}: {data[:80]!r}"
        names.append(download.suggested_filename)
    return names


def test_a_reader_downloads_a_work_and_a_series_in_every_format(page, live_server, tmp_path):
    author = make_user("amara")
    work = feature_work(author)
    sequel = make_work(author, "The Return Crossing", chapters=["Home again."])
    series = series_of(author, work, sequel)

    names = download_each_format(page, live_server.url + work.get_absolute_url(), "Download", work.word_count, tmp_path)
    assert f"the-harbour-crossing-{work.pk}.epub" in names
    assert {name.rsplit(".", 1)[1] for name in names} == {f.extension for f in available_formats()}

    words = work.word_count + sequel.word_count
    series_names = download_each_format(
        page, live_server.url + series.get_absolute_url(), "Download the series", words, tmp_path
    )
    assert f"harbour-tales-{series.pk}-series.epub" in series_names
    with zipfile.ZipFile(tmp_path / f"harbour-tales-{series.pk}-series.epub") as epub:
        nav = epub.read("OEBPS/nav.xhtml").decode()
    assert nav.index("The Harbour Crossing") < nav.index("The Return Crossing")
