"""Series downloads (one book, works in order, as the reader may see them) and
big files made by the real background worker."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from quire.downloads.formats import FORMATS
from quire.downloads.models import DownloadCount, DownloadFile, FileStatus
from tests.downloads.helpers import epub_files, series_of
from tests.factories import make_work


def series_download(client, series, fmt):
    return client.get(reverse("downloads:series", args=[series.pk, fmt]))


def test_a_series_downloads_as_one_book_in_series_order(client, author):
    second = make_work(author, "Homebound", chapters=["Back again."])
    first = make_work(author, "Outbound", chapters=["Off we go."])
    series = series_of(author, first, second)
    response = series_download(client, series, "epub")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="harbour-tales-{series.pk}-series.epub"'
    files = epub_files(response.content)
    nav = files["OEBPS/nav.xhtml"]
    assert nav.index("Outbound") < nav.index("Homebound")
    assert '<meta name="calibre:series" content="Harbour Tales"/>' in files["OEBPS/content.opf"]
    text = series_download(client, series, "txt").content.decode()
    assert text.index("Off we go.") < text.index("Back again.")


def test_the_series_page_offers_every_available_format(client, author):
    series = series_of(author, make_work(author))
    page = client.get(series.get_absolute_url()).content.decode()
    assert "Download the whole series:" in page
    for fmt in FORMATS.values():
        assert (f">{fmt.label}</a>" in page) == fmt.available


def test_guests_get_the_series_without_its_restricted_works(client, login, author, reader):
    open_work = make_work(author, "In the Open", chapters=["Everyone sees this."])
    closed = make_work(author, "Members Only", restricted=True, chapters=["Only members see this."])
    series = series_of(author, open_work, closed)
    guest_text = series_download(client, series, "txt").content.decode()
    assert "Everyone sees this." in guest_text and "Only members see this." not in guest_text
    member_text = series_download(login(reader), series, "txt").content.decode()
    assert "Only members see this." in member_text


def test_a_series_of_only_restricted_works_asks_guests_to_log_in(client, author):
    series = series_of(author, make_work(author, restricted=True))
    response = series_download(client, series, "epub")
    assert response.status_code == 403
    assert "Log in to download them." in response.content.decode()


def test_a_series_download_counts_for_every_work_in_it(client, author):
    first, second = make_work(author, "One"), make_work(author, "Two")
    series_download(client, series_of(author, first, second), "epub")
    assert DownloadCount.for_work(first) == 1 and DownloadCount.for_work(second) == 1


real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@real_commits
def test_a_big_work_is_made_by_the_worker_then_downloads(client, author, monkeypatch):
    monkeypatch.setattr(FORMATS["epub"], "inline_words", 0)
    work = make_work(author, "A Very Long Night", chapters=["Dusk.", "Midnight.", "Dawn."])
    url = reverse("downloads:work", args=[work.pk, "epub"])
    first = client.get(url, HTTP_ACCEPT="text/html")  # a browser, which can watch a progress page
    assert first.status_code == 202
    assert "being prepared" in first.content.decode()
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert DownloadFile.objects.get().status == FileStatus.READY
    ready = client.get(url)
    assert ready.status_code == 200
    assert f"OEBPS/w{work.pk}-c3.xhtml" in epub_files(ready.content)


def test_a_reader_downloads_their_marked_for_later_list_as_one_book(client, login, author, reader):
    interactions = pytest.importorskip("quire.interactions.models")
    first = make_work(author, "Read First", chapters=["First of the pile."])
    second = make_work(author, "Read Second", chapters=["Second of the pile."])
    closed = make_work(author, "Gone Private", chapters=["Hidden now."], hidden=True)
    for work in (first, second, closed):
        interactions.Reading.objects.create(user=reader, work=work, marked_for_later=True)
    c = login(reader)
    page = c.get(reverse("downloads:later_list")).content.decode()
    assert "All 2 works you marked for later" in page
    text = c.get(reverse("downloads:later", args=["txt"])).content.decode()
    assert text.index("First of the pile.") < text.index("Second of the pile.")
    assert "Hidden now." not in text
    files = epub_files(c.get(reverse("downloads:later", args=["epub"])).content)
    assert "Read First" in files["OEBPS/nav.xhtml"]


def test_guests_are_asked_to_log_in_for_marked_for_later(client):
    response = client.get(reverse("downloads:later", args=["epub"]))
    assert response.status_code == 302 and "/login/" in response["Location"]
