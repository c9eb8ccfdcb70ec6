"""E-reader and OPDS apps save whatever a download link answers as the book: they get
the file, or a plain 503 with Retry-After, never a 2xx HTML progress page. Browsers
keep the progress page."""

import pytest
from django.urls import reverse

from quire.downloads.formats import FORMATS
from quire.downloads.models import DownloadFile, FileStatus
from quire.downloads.writers import pdf
from tests.factories import make_work

APP = {"HTTP_ACCEPT": "application/pdf,application/epub+zip,*/*", "HTTP_USER_AGENT": "KOReader/2024"}
BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}
needs_pdf = pytest.mark.skipif(not FORMATS["pdf"].available, reason=pdf.unavailable_reason() or "no PDF")


@needs_pdf
def test_an_app_asking_for_a_pdf_gets_the_file_on_the_first_request(client, author):
    work = make_work(author, "Reading on the Ferry", chapters=["The ferry left at dawn. " * 400])
    assert work.word_count > FORMATS["pdf"].inline_words  # a browser would be shown a progress page
    response = client.get(reverse("downloads:work", args=[work.pk, "pdf"]), **APP)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@needs_pdf
def test_a_browser_asking_for_the_same_pdf_sees_the_progress_page(client, author):
    work = make_work(author, "Reading on the Ferry", chapters=["The ferry left at dawn. " * 400])
    response = client.get(reverse("downloads:work", args=[work.pk, "pdf"]), **BROWSER)
    assert response.status_code == 202
    assert "being prepared" in response.content.decode()


def test_an_app_is_told_to_retry_a_file_too_big_to_wait_for(client, author, monkeypatch):
    monkeypatch.setattr(FORMATS["epub"], "inline_words", 0)
    monkeypatch.setattr(FORMATS["epub"], "client_inline_words", 0)
    work = make_work(author)
    response = client.get(reverse("downloads:work", args=[work.pk, "epub"]), **APP)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("text/plain")
    assert "<html" not in response.content.decode().lower()
    assert "being made" in response.content.decode()
    assert DownloadFile.objects.get().status == FileStatus.PENDING  # the worker has it


def test_the_catalog_link_marker_wins_over_an_app_that_claims_html(client, author, monkeypatch):
    monkeypatch.setattr(FORMATS["epub"], "inline_words", 0)
    monkeypatch.setattr(FORMATS["epub"], "client_inline_words", 0)
    work = make_work(author)
    url = reverse("downloads:work", args=[work.pk, "epub"])
    response = client.get(url + "?client=opds", **BROWSER)
    assert response.status_code == 503 and "Retry-After" in response
    # Positive control: the same browser without the marker sees the progress page.
    assert client.get(url, **BROWSER).status_code == 202


def test_a_file_that_failed_is_a_plain_error_to_an_app(client, author, monkeypatch):
    def broken(book):
        raise RuntimeError("disk full")

    monkeypatch.setattr(FORMATS["txt"], "write", broken)
    work = make_work(author)
    response = client.get(reverse("downloads:work", args=[work.pk, "txt"]), **APP)
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/plain")
    assert "could not be made" in response.content.decode()
