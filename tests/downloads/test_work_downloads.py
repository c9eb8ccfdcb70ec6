"""Downloading a work: every format carries the work, visibility applies, files are
cached and remade when the work changes, and the author sees the count."""

import zipfile
from io import BytesIO

import pytest
from django.urls import reverse

from quire.downloads.formats import FORMATS
from quire.downloads.models import DownloadCount, DownloadFile, FileStatus
from quire.downloads.writers import pdf
from quire.works import services
from quire.works.models import Chapter
from tests.downloads.helpers import epub_files, feature_work
from tests.factories import make_work


def download(client, work, fmt):
    """As a browser asks (it accepts HTML, so it can be shown a progress page)."""
    return client.get(reverse("downloads:work", args=[work.pk, fmt]), HTTP_ACCEPT="text/html,*/*;q=0.8")


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_guest_downloads_an_epub_with_the_whole_work(client, author):
    work = feature_work(author)
    response = download(client, work, "epub")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/epub+zip"
    assert response["Content-Disposition"] == f'attachment; filename="the-harbour-crossing-{work.pk}.epub"'
    files = epub_files(body(response))
    opf = files["OEBPS/content.opf"]
    assert '<dc:title id="title">The Harbour Crossing</dc:title>' in opf
    assert ">amara</dc:creator>" in opf
    assert f"<dc:source>http://127.0.0.1:8000/works/{work.pk}/</dc:source>" in opf
    assert "<dc:subject>Found Family</dc:subject>" in opf
    assert "<dc:language>en</dc:language>" in opf
    title = files["OEBPS/title.xhtml"]
    for expected in ["General Audiences", "No Archive Warnings Apply", "Mira Quell/Tobin Vey", "Two strangers share"]:
        assert expected in title
    assert "Written for the <em>harbour</em> challenge." in title
    nav = files["OEBPS/nav.xhtml"]
    assert "Chapter 1: Departure" in nav and "Chapter 3: Leg 3" in nav and "Chapter 2</a>" in nav
    first = files[f"OEBPS/w{work.pk}-c1.xhtml"]
    assert "Chapter one notes." in first and "Chapter one end notes." in first
    assert first.index("Chapter one notes.") < first.index("The ferry left at dawn.") < first.index("end notes")
    last = files[f"OEBPS/w{work.pk}-c3.xhtml"]
    assert "Thanks for reading!" in last and "Thanks for reading!" not in first


def test_the_mimetype_comes_first_and_uncompressed(client, author):
    work = make_work(author)
    with zipfile.ZipFile(BytesIO(body(download(client, work, "epub")))) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"


def test_a_series_work_carries_the_calibre_series_metadata(client, author):
    first = make_work(author, "Part One")
    second = make_work(author, "Part Two")
    from tests.downloads.helpers import series_of

    series_of(author, first, second, title="Harbour Tales")
    opf = epub_files(body(download(client, second, "epub")))["OEBPS/content.opf"]
    assert '<meta name="calibre:series" content="Harbour Tales"/>' in opf
    assert '<meta name="calibre:series_index" content="2"/>' in opf
    assert '<meta refines="#series" property="group-position">2</meta>' in opf


def test_an_anonymous_work_names_no_creator_in_any_file(client, author):
    work = make_work(author, "Nobody's Letter", anonymous=True, chapters=["Unsigned."])
    for fmt in ["epub", "html", "txt"]:
        data = body(download(client, work, fmt))
        if fmt == "epub":
            data = "".join(epub_files(data).values()).encode()
        assert b"amara" not in data, fmt
        assert b"Anonymous" in data


def test_an_author_downloading_their_anonymous_work_gets_the_anonymous_file_too(login, author):
    work = make_work(author, "Nobody's Letter", anonymous=True)
    data = body(download(login(author), work, "txt"))
    assert b"Nobody's Letter" in data and b"by Anonymous" in data
    assert b"amara" not in data


def test_the_plain_text_reads_like_the_work(client, author):
    work = feature_work(author)
    text = body(download(client, work, "txt")).decode()
    assert text.startswith("The Harbour Crossing\n====")
    assert "by amara" in text
    assert "Rating: General Audiences" in text
    assert "The ferry left at dawn." in text and "<p>" not in text
    assert "[Image: the harbour at dawn]" in text
    assert text.index("Chapter 1: Departure") < text.index("Chapter 2\n") < text.index("Thanks for reading!")


def test_the_html_file_keeps_images_and_formatting(client, author):
    work = feature_work(author)
    page = body(download(client, work, "html")).decode()
    # A remote image was made a link when the chapter was saved (no tracking pixels).
    assert 'href="https://images.example.org/harbour.png"' in page and "[Image: the harbour at dawn]" in page
    assert "<caption>Tide table</caption>" in page
    assert f'href="#w{work.pk}-c2"' in page


@pytest.mark.skipif(bool(pdf.unavailable_reason()), reason=pdf.unavailable_reason() or "PDF available")
def test_a_reader_downloads_a_pdf(client, author):
    work = feature_work(author)
    response = download(client, work, "pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert body(response).startswith(b"%PDF-")


def test_without_pango_the_pdf_format_is_hidden_with_a_reason(client, author, monkeypatch):
    monkeypatch.setattr(FORMATS["pdf"], "unavailable", lambda: "PDF downloads need the Pango library.")
    work = make_work(author)
    page = client.get(work.get_absolute_url()).content.decode()
    assert ">EPUB</a>" in page and ">PDF</a>" not in page
    response = download(client, work, "pdf")
    assert response.status_code == 404
    assert "Pango" in response.content.decode()


def test_drafts_cannot_be_downloaded_even_by_their_author(client, login, author):
    work = make_work(author, draft=True)
    assert download(client, work, "epub").status_code == 404
    assert download(login(author), work, "epub").status_code == 404
    assert (
        "Downloads are available once the work is posted."
        in login(author).get(work.get_absolute_url()).content.decode()
    )


def test_a_restricted_work_asks_guests_to_log_in_and_serves_readers(client, login, author, reader):
    work = make_work(author, restricted=True)
    response = download(client, work, "epub")
    assert response.status_code == 403
    assert "Log in to download it." in response.content.decode()
    assert download(login(reader), work, "epub").status_code == 200


def test_a_work_hidden_by_a_moderator_is_not_handed_out(client, login, author, moderator):
    work = make_work(author, hidden=True)
    assert download(client, work, "epub").status_code == 404
    assert download(login(moderator), work, "epub").status_code == 404


def test_draft_chapters_stay_out_of_the_file(client, author):
    work = make_work(author, chapters=["Out in the open."])
    Chapter.objects.create(work=work, position=2, text="A secret draft.")
    text = body(download(client, work, "txt")).decode()
    assert "Out in the open." in text and "A secret draft." not in text


def test_an_unknown_format_is_a_clear_404(client, author):
    work = make_work(author)
    response = download(client, work, "docx")
    assert response.status_code == 404


def test_files_are_cached_until_the_work_changes(client, author):
    work = make_work(author, chapters=["First light."])
    download(client, work, "epub")
    download(client, work, "epub")
    assert DownloadFile.objects.filter(kind="work", object_id=work.pk, fmt="epub").count() == 1
    chapter = Chapter(work=work, position=2, text="Second light.")
    chapter.save()
    services.publish_chapter(chapter)
    text = body(download(client, work, "txt")).decode()
    assert "Second light." in text
    files = epub_files(body(download(client, work, "epub")))
    assert f"OEBPS/w{work.pk}-c2.xhtml" in files
    # The old version was replaced, not kept beside the new one.
    assert DownloadFile.objects.filter(kind="work", object_id=work.pk, fmt="epub").count() == 1


def test_editing_a_chapter_remakes_the_file(client, author):
    work = make_work(author, chapters=["Before the edit."])
    download(client, work, "txt")
    chapter = work.chapters.get()
    chapter.text = "After the edit."
    chapter.save()
    assert "After the edit." in body(download(client, work, "txt")).decode()


def test_downloads_count_and_only_creators_see_the_count(client, login, author, reader):
    work = make_work(author)
    download(client, work, "epub")
    download(client, work, "txt")
    assert DownloadCount.for_work(work) == 2
    assert "Downloaded 2 times" in login(author).get(work.get_absolute_url()).content.decode()
    assert "Downloaded" not in login(reader).get(work.get_absolute_url()).content.decode()


def test_big_works_go_to_the_worker_and_the_reader_sees_progress(client, author, monkeypatch):
    monkeypatch.setattr(FORMATS["epub"], "inline_words", 0, raising=False)
    work = make_work(author)
    response = download(client, work, "epub")
    assert response.status_code == 202
    page = response.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "Your EPUB file is being prepared." in page
    file = DownloadFile.objects.get()
    assert file.status == FileStatus.PENDING
    assert DownloadCount.for_work(work) == 0


def test_a_failed_file_says_so_and_can_be_retried(client, author, monkeypatch):
    def broken(book):
        raise RuntimeError("disk full")

    monkeypatch.setattr(FORMATS["txt"], "write", broken, raising=False)
    work = make_work(author)
    response = download(client, work, "txt")
    assert response.status_code == 500
    assert "The Plain text file could not be made (RuntimeError)." in response.content.decode()
    assert "Traceback" not in response.content.decode()
    monkeypatch.undo()
    retry = client.post(reverse("downloads:work", args=[work.pk, "txt"]), HTTP_ACCEPT="text/html")
    assert retry.status_code == 302
    assert DownloadFile.objects.get().status == FileStatus.PENDING
