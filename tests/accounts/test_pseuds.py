"""Managing pseuds: create, rename, delete (works move to the default), set default."""

import pytest
from django.urls import reverse

from quire.accounts.models import Pseud
from quire.works.models import Creatorship
from tests.accounts.pages import text
from tests.factories import make_work


@pytest.fixture
def signed_in(client, author):
    client.force_login(author)
    return client


def _new(client, name, description=""):
    return client.post(reverse("accounts:pseud_new"), {"name": name, "description": description}, follow=True)


@pytest.mark.django_db
def test_pseuds_page_lists_default_pseud(signed_in, author):
    html = text(signed_in.get(reverse("accounts:pseuds")))
    assert "amara" in html and "Default" in html


@pytest.mark.django_db
def test_creating_a_pseud_lists_it(signed_in, author):
    response = _new(signed_in, "Moth Lantern", "Short, sad poems.")
    assert "Pseud “Moth Lantern” created." in text(response)
    pseud = author.pseuds.get(name="Moth Lantern")
    assert pseud.description == "Short, sad poems."
    assert not pseud.is_default


@pytest.mark.django_db
def test_pseud_name_taken_in_another_case_is_refused_with_message(signed_in, author):
    _new(signed_in, "Moth Lantern")
    response = _new(signed_in, "moth lantern", "kept description")
    html = text(response)
    assert "You already have a pseud named “moth lantern”." in html
    assert "kept description" in html
    assert author.pseuds.count() == 2


@pytest.mark.django_db
def test_two_users_may_share_a_pseud_name(client, author, reader):
    client.force_login(reader)
    _new(client, "Moth")
    client.force_login(author)
    _new(client, "Moth")
    assert Pseud.objects.filter(name="Moth").count() == 2


@pytest.mark.django_db
def test_pseud_name_with_slash_is_refused(signed_in, author):
    response = _new(signed_in, "a/b")
    assert "Use letters, digits, spaces" in text(response)
    assert author.pseuds.count() == 1


@pytest.mark.django_db
def test_editing_a_pseud_renames_it(signed_in, author):
    _new(signed_in, "Moth")
    pseud = author.pseuds.get(name="Moth")
    signed_in.post(
        reverse("accounts:pseud_edit", args=[pseud.pk]), {"name": "Moth Wing", "description": "New"}
    )
    pseud.refresh_from_db()
    assert (pseud.name, pseud.description) == ("Moth Wing", "New")


@pytest.mark.django_db
def test_renaming_to_own_other_pseud_name_is_refused(signed_in, author):
    _new(signed_in, "Moth")
    pseud = author.pseuds.get(name="Moth")
    response = signed_in.post(reverse("accounts:pseud_edit", args=[pseud.pk]), {"name": "AMARA"})
    assert "You already have a pseud named “AMARA”." in text(response)


@pytest.mark.django_db
def test_someone_elses_pseud_cannot_be_edited_or_deleted(client, author, reader):
    client.force_login(reader)
    pseud = author.default_pseud
    assert client.post(reverse("accounts:pseud_edit", args=[pseud.pk]), {"name": "Mine"}).status_code == 404
    assert client.post(reverse("accounts:pseud_delete", args=[pseud.pk])).status_code == 404
    pseud.refresh_from_db()
    assert pseud.name == "amara"


@pytest.mark.django_db
def test_deleting_a_pseud_credits_its_works_to_the_default(signed_in, author):
    _new(signed_in, "Moth")
    moth = author.pseuds.get(name="Moth")
    work = make_work(author)
    Creatorship.objects.filter(work=work).update(pseud=moth)
    confirm = signed_in.get(reverse("accounts:pseud_delete", args=[moth.pk]))
    assert "1 work credited to this pseud will be credited to your default pseud" in text(confirm)

    signed_in.post(reverse("accounts:pseud_delete", args=[moth.pk]))
    assert not Pseud.objects.filter(pk=moth.pk).exists()
    assert list(work.accepted_pseuds()) == [author.default_pseud]


@pytest.mark.django_db
def test_deleting_a_pseud_on_a_work_also_credited_to_the_default_keeps_one_credit(signed_in, author):
    from quire.works import services as work_services

    _new(signed_in, "Moth")
    moth = author.pseuds.get(name="Moth")
    work = make_work(author)
    work_services.add_creator(work, moth, accepted=True)
    signed_in.post(reverse("accounts:pseud_delete", args=[moth.pk]))
    assert list(work.accepted_pseuds()) == [author.default_pseud]


@pytest.mark.django_db
def test_default_pseud_cannot_be_deleted(signed_in, author):
    pseud = author.default_pseud
    response = signed_in.post(reverse("accounts:pseud_delete", args=[pseud.pk]), follow=True)
    assert "You can't delete your default pseud." in text(response)
    assert Pseud.objects.filter(pk=pseud.pk).exists()


@pytest.mark.django_db
def test_making_another_pseud_the_default(signed_in, author):
    _new(signed_in, "Moth")
    moth = author.pseuds.get(name="Moth")
    response = signed_in.post(reverse("accounts:pseud_default", args=[moth.pk]), follow=True)
    assert "“Moth” is now your default pseud." in text(response)
    assert author.default_pseud == moth
    assert author.pseuds.filter(is_default=True).count() == 1


@pytest.mark.django_db
def test_pseud_pages_need_login(client):
    assert client.get(reverse("accounts:pseuds"))["Location"].startswith(reverse("accounts:login"))
