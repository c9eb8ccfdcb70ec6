"""Import works in the browser: many files or a zip, read in the background, each landing
as a draft on a review page; failures name the file and the reason and lose nothing else."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from quire.imports.models import ImportItem, ItemStatus
from quire.works.models import Work
from tests.understanding import ao3_fixtures as F

# The worker runs in its own transactions and the upload enqueues it on commit.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_the_header_links_to_import_works(login, author):
    client = login(author)
    page = client.get(reverse("works:index")).content.decode()
    assert f'href="{reverse("imports:new")}"' in page
    assert f'href="{reverse("imports:from_text")}"' in page  # the neighbour it sits beside


def test_files_and_a_zip_become_drafts_and_a_bad_file_is_named_with_its_reason(login, author):
    client = login(author)
    bundle = _zip({"stories/salt-road.html": F.ffn_page().encode(), "stories/garbage.txt": bytes(range(256)) * 40,
                   "__MACOSX/._salt-road.html": b"junk"})
    response = client.post(reverse("imports:new"), {"files": [
        SimpleUploadedFile("lamplighter.html", F.download_html().encode()),
        SimpleUploadedFile("small-hours.txt", F.HEADER_POST.encode()),
        SimpleUploadedFile("more.zip", bundle),
    ]})
    assert response.status_code == 302
    progress = client.get(response.url).content.decode()
    assert 'http-equiv="refresh"' in progress  # no JavaScript needed to follow progress
    assert "still being read" in progress
    assert not Work.objects.exists()  # the request only stored the files

    run_worker()
    page = client.get(response.url).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert "3 of 4 files imported as drafts, 1 not imported" in page
    titles = set(Work.objects.values_list("title", flat=True))
    assert titles == {F.TITLE, "Small Hours", "The Salt Road"}
    failed = ImportItem.objects.get(status=ItemStatus.FAILED)
    assert failed.filename == "more.zip/stories/garbage.txt"
    assert "binary" in failed.message
    assert "more.zip/stories/garbage.txt" in page and "binary" in page
    assert all(w.is_draft for w in Work.objects.all())
    assert ImportItem.objects.filter(status=ItemStatus.DONE).exclude(data=b"").count() == 0  # bytes let go


def test_importing_the_same_ao3_work_again_offers_to_update_the_draft(login, author):
    client = login(author)
    client.post(reverse("imports:new"), {"files": [SimpleUploadedFile("a.html", F.download_html().encode())]})
    run_worker()
    first = Work.objects.get()
    first.summary = "My own edit."
    first.save()

    response = client.post(reverse("imports:new"), {"files": [SimpleUploadedFile("b.epub", F.epub_bytes())]})
    run_worker()
    page = client.get(response.url).content.decode()
    assert "Imported before" in page and "Update that draft" in page
    assert Work.objects.count() == 1  # nothing duplicated while the author decides

    item = ImportItem.objects.get(status=ItemStatus.DUPLICATE)
    client.post(reverse("imports:resolve", args=[item.pk, "update"]))
    run_worker()
    assert Work.objects.count() == 1
    updated = Work.objects.get()
    assert updated.pk == first.pk and updated.summary == F.SUMMARY
    assert updated.chapters.count() == 3


def test_import_as_a_new_draft_when_asked(login, author):
    client = login(author)
    for name in ("a.html", "b.html"):
        client.post(reverse("imports:new"), {"files": [SimpleUploadedFile(name, F.download_html().encode())]})
        run_worker()
    item = ImportItem.objects.get(status=ItemStatus.DUPLICATE)
    client.post(reverse("imports:resolve", args=[item.pk, "new"]))
    run_worker()
    assert Work.objects.count() == 2


def test_post_all_posts_the_ready_drafts_and_names_what_the_others_need(login, author):
    client = login(author)
    response = client.post(reverse("imports:new"), {"files": [
        SimpleUploadedFile("lamplighter.html", F.download_html().encode()),
        SimpleUploadedFile("plain.txt", b"The kettle sang. Nobody came to take it off the stove.\n\nIt sang on."),
    ]})
    run_worker()
    page = client.get(response.url).content.decode()
    assert "Post all 1 ready draft" in page
    assert "Needs a rating, an archive warning, a fandom before posting." in page
    client.post(reverse("imports:post_all", args=[response.url.rstrip("/").rsplit("/", 1)[1]]))
    assert not Work.objects.get(title=F.TITLE).is_draft
    assert Work.objects.get(title="plain").is_draft


def test_someone_elses_import_is_not_found(login, author, reader):
    client = login(author)
    response = client.post(reverse("imports:new"), {"files": [SimpleUploadedFile("a.html", F.download_html().encode())]})
    other = login(reader)
    assert other.get(response.url).status_code == 404


def test_a_large_paste_is_read_in_the_background_with_a_progress_page(login, author):
    client = login(author)
    paragraph = "The tide came in over the causeway and nobody on the island minded very much at all. "
    text = "\n\n".join(paragraph * 3 for _ in range(1200))  # about 300 KB of prose
    response = client.post(reverse("imports:from_text"), {"text": text})
    assert response.status_code == 302 and "/works/import/" in response.url
    assert not Work.objects.exists()
    run_worker()
    assert "1 of 1 file imported as draft" in client.get(response.url).content.decode()
    assert Work.objects.get().chapters.exists()


def test_a_file_whose_worker_died_is_read_again(login, author):
    from datetime import timedelta

    from django.utils import timezone

    client = login(author)
    response = client.post(reverse("imports:new"), {"files": [SimpleUploadedFile("a.html", F.download_html().encode())]})
    # As if a worker claimed the file and was killed before finishing it.
    ImportItem.objects.update(status=ItemStatus.RUNNING, updated_at=timezone.now() - timedelta(minutes=30))
    client.get(response.url)  # the progress page notices and hands the batch on
    run_worker()
    assert ImportItem.objects.get().status == ItemStatus.DONE
    assert Work.objects.count() == 1
