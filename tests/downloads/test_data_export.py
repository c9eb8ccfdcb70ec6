""""Download my data": a zip with every work as EPUB and HTML and JSON of everything
the account made, built by the real worker, emailed, and only for its owner."""

import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from quire.downloads import export
from quire.downloads.models import DataExport
from quire.interactions import feedback, subscriptions, tracking
from quire.interactions.models import Reading
from tests.accounts.pages import text
from tests.downloads.helpers import epubcheck, epubcheck_available
from tests.factories import make_user, make_work

real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _account_with_everything():
    author, reader = make_user("amara"), make_user("corin")
    posted = make_work(author, "The Harbour Light", chapters=["Gulls argued over the pier.", "The lamp came on."])
    draft = make_work(author, "Unfinished Tide", draft=True)
    elsewhere = make_work(reader, "Corin's Ferry")
    hidden_later = make_work(reader, "Withdrawn Story")
    tracking.save_bookmark(author, work=elsewhere, notes="Lovely ferry.", tags="boats", rec=True)
    tracking.save_bookmark(author, work=hidden_later, notes="Gone soon.")
    feedback.post_comment(
        elsewhere, elsewhere.chapters.first(), "The ferry scene made me smile.", user=author, actor_key="t"
    )
    feedback.leave_kudos(elsewhere, user=author)
    subscriptions.subscribe(author, author=reader)
    Reading.objects.create(user=author, work=elsewhere, visits=3, in_history=True, last_read_at=timezone.now())
    # The reader takes a work back to draft: the export must not reveal its title.
    hidden_later.is_draft = True
    hidden_later.save()
    return author, posted, draft, elsewhere


def _zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


@pytest.mark.django_db
def test_the_json_lists_everything_the_account_made():
    author, posted, draft, elsewhere = _account_with_everything()
    archive = _zip(export.build_zip(author))
    names = set(archive.namelist())
    for work in (posted, draft):
        stem = f"works/{export._stem(work)}"
        assert {f"{stem}.epub", f"{stem}.html"} <= names
    assert "Unfinished Tide" in archive.read(f"works/{export._stem(draft)}.html").decode()

    data = {name: json.loads(archive.read(f"{name}.json")) for name in ("profile", "works", "bookmarks",
                                                                          "comments", "kudos", "subscriptions",
                                                                          "history")}  # fmt: skip
    assert data["profile"]["username"] == "amara" and data["profile"]["email"] == "amara@example.org"
    assert {d["document"] for d in data["profile"]["policies_accepted"]} == {"terms", "privacy"}
    assert {w["title"] for w in data["works"]} == {"The Harbour Light", "Unfinished Tide"}
    assert [b["notes"] for b in data["bookmarks"]] == ["Lovely ferry.", "Gone soon."]
    assert data["bookmarks"][0]["work"]["title"] == "Corin's Ferry"
    # A work that went back to draft is listed by id only: its title is not the reader's to see.
    assert data["bookmarks"][1]["work"] == {"id": data["bookmarks"][1]["work"]["id"], "title": None,
                                            "url": None, "available": False}  # fmt: skip
    assert "Withdrawn Story" not in json.dumps(data)
    assert [c["text"] for c in data["comments"]] == ["The ferry scene made me smile."]
    assert [k["work"]["title"] for k in data["kudos"]] == ["Corin's Ferry"]
    assert [s["author"] for s in data["subscriptions"]] == ["corin"]
    assert [(h["work"]["title"], h["visits"]) for h in data["history"]] == [("Corin's Ferry", 3)]


@real_commits
def test_the_export_is_built_by_the_worker_emailed_and_only_for_its_owner(client):
    author, *_ = _account_with_everything()
    stranger = make_user("stranger")
    client.force_login(author)
    page = text(client.get(reverse("accounts:preferences")))
    assert reverse("downloads:data_export") in page  # linked from the settings
    client.post(reverse("downloads:data_export_start"))
    item = DataExport.objects.get(user=author)
    assert not item.is_ready
    call_command("db_worker", "--batch", "--no-startup-delay")
    item.refresh_from_db()
    assert item.is_ready
    ready = [m for m in mail.outbox if "Your data is ready" in m.subject]  # (the comment notified corin too)
    assert [m.to for m in ready] == [["amara@example.org"]]
    link = re.search(r"https?://\S+", ready[0].body).group(0)
    assert link.endswith(reverse("downloads:data_export"))

    inbox = text(client.get(reverse("interactions:inbox")))
    assert "Your data is ready to download" in inbox
    item_link = re.search(r'href="(/inbox/[^"]+)">Your data is ready', inbox).group(1)
    assert client.get(item_link)["Location"] == reverse("downloads:data_export")

    url = reverse("downloads:data_export_file", args=[item.pk])
    assert url in text(client.get(reverse("downloads:data_export")))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "profile.json" in _zip(response.content).namelist()

    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to log in

    client.force_login(author)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        assert client.get(url).status_code == 404  # expired
        client.get(reverse("downloads:data_export"))
        assert not DataExport.objects.filter(pk=item.pk).exists()


@pytest.mark.slow
@pytest.mark.skipif(not epubcheck_available(), reason="needs java and Debian's epubcheck package")
@pytest.mark.django_db
def test_every_epub_in_the_export_passes_epubcheck(tmp_path):
    author, *_ = _account_with_everything()
    archive = _zip(export.build_zip(author))
    epubs = [name for name in archive.namelist() if name.endswith(".epub")]
    assert len(epubs) == 2
    for name in epubs:
        result = epubcheck(archive.read(name), tmp_path)
        report = result.stdout + result.stderr
        assert result.returncode == 0, report
        assert "0 fatals / 0 errors / 0 warnings" in report, report
