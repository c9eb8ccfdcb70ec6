"""AZW3 and MOBI through Calibre's ebook-convert, offered only where it is installed."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from quire.downloads.formats import FORMATS
from quire.downloads.writers import calibre
from tests.factories import make_work

needs_calibre = pytest.mark.skipif(not calibre.executable(), reason="Calibre's ebook-convert is not installed")
real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@needs_calibre
@real_commits
def test_a_reader_downloads_azw3_made_by_the_worker(client, author):
    work = make_work(author, "Kindle Nights", chapters=["Read on a Kindle."])
    url = reverse("downloads:work", args=[work.pk, "azw3"])
    assert client.get(url, HTTP_ACCEPT="text/html").status_code == 202  # a browser: Calibre takes seconds
    call_command("db_worker", "--batch", "--no-startup-delay")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.azw3"')
    assert response.content[60:68] == b"BOOKMOBI"  # the Palm database type of AZW3 and MOBI


def test_without_calibre_the_kindle_formats_are_not_offered(client, author, monkeypatch):
    monkeypatch.setattr(calibre, "executable", lambda: None)
    work = make_work(author)
    page = client.get(work.get_absolute_url()).content.decode()
    assert ">AZW3</a>" not in page and ">MOBI</a>" not in page and ">EPUB</a>" in page
    response = client.get(reverse("downloads:work", args=[work.pk, "mobi"]))
    assert response.status_code == 404
    assert "ebook-convert" in response.content.decode()
    assert not FORMATS["azw3"].available
