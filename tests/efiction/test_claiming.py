"""Claiming works an archivist imported (the Open Doors model): the byline says
who archived them, the creator is emailed a link, and claims or orphans them."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from quire.accounts import policies
from quire.accounts.models import User
from quire.works import claiming
from quire.works.models import ArchivedCreator, Work
from tests.factories import make_user, make_work
from tests.interactions.conftest import run_ready_tasks


@pytest.fixture
def archived(archivist):
    """Two works archived for "Wren Marlowe", who has no account yet."""
    pseud = claiming.placeholder_creator("Wren Marlowe", "wren@example.net", archivist, key="t1")
    works = [make_work(pseud.user, "The Salt Road"), make_work(pseud.user, "Gull Weather")]
    for work in works:
        claiming.mark_archived(work, archivist)
    return pseud.archived_creator


def test_archived_work_says_who_archived_it_on_the_work_page_and_in_lists(archived, client):
    work = Work.objects.get(title="The Salt Road")
    page = client.get(work.get_absolute_url()).content.decode()
    assert "Wren Marlowe" in page and "[archived by openDoors]" in page
    listing = client.get("/works/").content.decode()
    assert "[archived by openDoors]" in listing
    # A work its author posted says nothing of the kind.
    own = make_work(make_user("poster"), "Posted By Me")
    assert "archived by" not in client.get(own.get_absolute_url()).content.decode()


def test_migration_emails_each_author_with_an_address_a_claim_link(
    tmp_path, archivist, django_capture_on_commit_callbacks
):
    from quire.efiction.fixture import write_archive

    folder = tmp_path / "archive"
    counts = write_archive(folder, 20)
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "efiction", "import", "--sql", str(folder / "dump.sql"), "--stories", str(folder / "stories"),
            "--archivist", "openDoors", stdout=io.StringIO(), stderr=io.StringIO(),
        )  # fmt: skip
    assert len(mail.outbox) == 0  # sent by the worker, not inline
    run_ready_tasks()

    with_address = ArchivedCreator.objects.exclude(email="")
    assert with_address.count() == counts.authors - 1  # the generator leaves author 3 without one
    assert sorted(m.to[0] for m in mail.outbox) == sorted(a.email for a in with_address)
    message = mail.outbox[0]
    creator = ArchivedCreator.objects.get(email=message.to[0])
    assert creator.get_absolute_url() in message.body and "openDoors" in message.body
    assert creator.invited_at is not None


def test_signed_in_author_claims_works_into_their_account(archived, client):
    wren = make_user("wren")
    client.force_login(wren)
    page = client.get(archived.get_absolute_url()).content.decode()
    assert "The Salt Road" in page and "Claim into my account" in page

    response = client.post(archived.get_absolute_url(), {"action": "claim"})

    assert response.status_code == 302
    work = Work.objects.get(title="The Salt Road")
    assert work.is_creator(wren) and work.archived_by is None
    assert [p.name for p in work.accepted_pseuds()] == ["Wren Marlowe"]  # the name readers knew
    assert "archived by" not in client.get(work.get_absolute_url()).content.decode()
    again = client.post(archived.get_absolute_url(), {"action": "claim"})
    assert "already been claimed" in again.content.decode() or again.status_code == 200


def test_guest_claims_by_making_the_placeholder_their_account(archived, client):
    response = client.post(
        archived.get_absolute_url(),
        {"action": "new_account", "username": "wren_m", "password": "a-long-lantern-password"},
    )
    assert response.status_code == 302
    user = User.objects.get(username="wren_m")
    assert user.email == "wren@example.net" and user.check_password("a-long-lantern-password")
    assert Work.objects.get(title="Gull Weather").is_creator(user)
    assert client.login(username="wren_m", password="a-long-lantern-password")


def test_taken_name_or_weak_password_is_refused_and_nothing_changes(archived, client):
    make_user("taken")
    response = client.post(
        archived.get_absolute_url(),
        {"action": "new_account", "username": "taken", "password": "a-long-lantern-password"},
    )
    assert response.status_code == 400 and "is taken" in response.content.decode()
    response = client.post(
        archived.get_absolute_url(), {"action": "new_account", "username": "wren_m", "password": "123"}
    )
    assert response.status_code == 400 and "too short" in response.content.decode()
    archived.refresh_from_db()
    assert archived.claimed_at is None
    # Positive control: a good answer goes through.
    ok = client.post(
        archived.get_absolute_url(),
        {"action": "new_account", "username": "wren_m", "password": "a-long-lantern-password"},
    )
    assert ok.status_code == 302


def test_orphaning_keeps_the_works_under_the_name_on_no_ones_account(archived, client):
    response = client.post(archived.get_absolute_url(), {"action": "orphan"})
    assert response.status_code == 302
    work = Work.objects.get(title="The Salt Road")
    pseud = work.accepted_pseuds()[0]
    assert pseud.name == "Wren Marlowe" and pseud.user.username == claiming.ORPHAN_ACCOUNT
    assert client.get(work.get_absolute_url()).status_code == 200
    assert "orphaned" in client.get(archived.get_absolute_url()).content.decode()


def test_author_finds_works_archived_under_their_email_and_gets_the_link(
    archived, client, django_capture_on_commit_callbacks
):
    wren = User.objects.create_user("wren", "Wren@Example.net", "pw-long-enough-1")
    policies.accept_current(wren)
    stranger = make_user("stranger")
    client.force_login(stranger)
    assert "No archived works carry your email" in client.get("/claims/").content.decode()

    client.force_login(wren)
    page = client.get("/claims/").content.decode()
    assert "Wren Marlowe: 2 works" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/claims/send/")
    run_ready_tasks()
    assert [m.to for m in mail.outbox] == [[wren.email]]
    assert archived.get_absolute_url() in mail.outbox[0].body
    assert "/claims/" in client.get("/creatorships/").content.decode()  # how people find the page
