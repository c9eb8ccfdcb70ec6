"""Profile and pseud pages list only the works the viewer may see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quire.works import services as work_services
from quire.works.models import Series
from tests.accounts.pages import text
from tests.factories import make_work


@pytest.fixture
def works(author):
    return {
        "public": make_work(author, "Public Orchard"),
        "draft": make_work(author, "Draft Orchard", draft=True),
        "anonymous": make_work(author, "Anonymous Orchard", anonymous=True),
        "restricted": make_work(author, "Restricted Orchard", restricted=True),
        "hidden": make_work(author, "Hidden Orchard", hidden=True),
    }


def _profile(client, user):
    return text(client.get(reverse("accounts:profile", args=[user.username])))


@pytest.mark.django_db
def test_profile_shows_reader_only_public_and_restricted_works(client, author, reader, works):
    client.force_login(reader)
    html = _profile(client, author)
    assert "Public Orchard" in html and "Restricted Orchard" in html
    assert "Draft Orchard" not in html
    assert "Anonymous Orchard" not in html
    assert "Hidden Orchard" not in html


@pytest.mark.django_db
def test_profile_shows_guests_only_public_works(client, author, works):
    html = _profile(client, author)
    assert "Public Orchard" in html
    assert "Restricted Orchard" not in html and "Anonymous Orchard" not in html


@pytest.mark.django_db
def test_profile_shows_the_author_all_their_works(client, author, works):
    client.force_login(author)
    html = _profile(client, author)
    for title in ("Public", "Draft", "Anonymous", "Restricted", "Hidden"):
        assert f"{title} Orchard" in html


@pytest.mark.django_db
def test_profile_shows_username_bio_and_pseuds(client, author):
    author.bio = "Writes about orchards & lanterns."
    author.save()
    author.pseuds.create(name="Moth")
    html = _profile(client, author)
    assert "<h1>amara</h1>" in html
    assert "Writes about orchards & lanterns." in html
    assert reverse("accounts:pseud", args=["amara", "Moth"]) in html


@pytest.mark.django_db
def test_profile_of_unknown_user_is_404(client):
    assert client.get(reverse("accounts:profile", args=["nobody"])).status_code == 404


@pytest.mark.django_db
def test_profile_lists_works_twenty_to_a_page(client, author):
    for n in range(21):
        make_work(author, f"Orchard {n:02d}")
    first = text(client.get(reverse("accounts:profile", args=["amara"])))
    second = text(client.get(reverse("accounts:profile", args=["amara"]) + "?page=2"))
    assert first.count('class="blurb"') == 20
    assert second.count('class="blurb"') == 1


@pytest.mark.django_db
def test_profile_lists_series_the_user_created(client, author, reader):
    series = Series.objects.create(title="The Orchard Cycle")
    series.creators.add(author.default_pseud)
    Series.objects.create(title="Someone Else's Saga").creators.add(reader.default_pseud)
    html = _profile(client, author)
    assert "The Orchard Cycle" in html
    assert "Someone Else's Saga" not in html


@pytest.mark.django_db
def test_pseud_page_lists_only_that_pseuds_works(client, author):
    moth = author.pseuds.create(name="Moth")
    make_work(author, "Under Amara")
    moth_work = make_work(author, "Under Moth")
    moth_work.creatorships.update(pseud=moth)
    html = text(client.get(reverse("accounts:pseud", args=["amara", "Moth"])))
    assert "Under Moth" in html
    assert "Under Amara" not in html


@pytest.mark.django_db
def test_pseud_page_never_lists_anonymous_works_to_others(client, author, reader):
    moth = author.pseuds.create(name="Moth")
    secret = make_work(author, "Secret Moth", anonymous=True)
    secret.creatorships.update(pseud=moth)
    client.force_login(reader)
    assert "Secret Moth" not in text(client.get(reverse("accounts:pseud", args=["amara", "Moth"])))
    client.logout()
    assert "Secret Moth" not in text(client.get(reverse("accounts:pseud", args=["amara", "Moth"])))
    client.force_login(author)
    assert "Secret Moth" in text(client.get(reverse("accounts:pseud", args=["amara", "Moth"])))


@pytest.mark.django_db
def test_pseud_page_lists_co_created_work_for_the_cocreator(client, author, cocreator):
    make_work(author, "Shared Orchard", cocreators=(cocreator,))
    html = text(client.get(reverse("accounts:pseud", args=["bellamy", "bellamy"])))
    assert "Shared Orchard" in html


@pytest.mark.django_db
def test_pseud_page_hides_works_where_the_invitation_is_not_accepted(client, author, cocreator):
    work = make_work(author, "Pending Orchard")
    work_services.add_creator(work, cocreator.default_pseud, accepted=False)
    make_work(cocreator, "Bellamy's Own Orchard")
    html = text(client.get(reverse("accounts:pseud", args=["bellamy", "bellamy"])))
    assert "Bellamy's Own Orchard" in html  # the page lists the pseud's accepted works
    assert "Pending Orchard" not in html


@pytest.mark.django_db
def test_unknown_pseud_is_404(client, author):
    assert client.get(reverse("accounts:pseud", args=["amara", "nobody"])).status_code == 404


@pytest.mark.django_db
def test_editing_profile_saves_bio(client, author):
    client.force_login(author)
    response = client.post(reverse("accounts:profile_edit"), {"bio": "Hello, orchard."}, follow=True)
    assert "Your profile has been saved." in text(response)
    assert "Hello, orchard." in text(response)
    author.refresh_from_db()
    assert author.bio == "Hello, orchard."


@pytest.mark.django_db
def test_too_long_bio_is_refused_and_kept(client, author):
    client.force_login(author)
    response = client.post(reverse("accounts:profile_edit"), {"bio": "x" * 5001})
    assert "Ensure this value has at most 5000 characters" in text(response)
    author.refresh_from_db()
    assert author.bio == ""


@pytest.mark.django_db
def test_profile_query_count_does_not_grow_with_works(client, author):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("accounts:profile", args=["amara"])).status_code == 200
        return len(captured)

    make_work(author, "One", freeforms=("Lanterns",))
    few = queries()
    for n in range(6):
        make_work(author, f"More {n}", freeforms=(f"Tag {n}",))
    assert queries() == few


@pytest.mark.django_db
def test_own_profile_offers_a_new_series_and_settings_link_every_settings_page(client, author):
    client.force_login(author)
    page = client.get(reverse("accounts:profile", args=[author.username])).content.decode()
    assert f'href="{reverse("works:series_new")}"' in page
    settings_page = client.get(reverse("accounts:preferences")).content.decode()
    for name in ("interactions:settings", "interactions:blocked", "downloads:app_passwords"):
        assert f'href="{reverse(name)}"' in settings_page
