"""Saved exclusions ("never show me works tagged X") and saved searches."""

import re

import pytest
from django.urls import reverse

from quire.search.models import SavedExclusion, SavedSearch
from quire.tags.models import Tag
from tests.factories import make_work


def titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/works/\d+/">([^<]+)</a>', html)


@pytest.fixture
def works(author):
    make_work(author, "Gentle", fandoms=("Smash (TV)",), freeforms=("Fluff",), chapters=["tide"])
    make_work(author, "Grim", fandoms=("Smash (TV)",), freeforms=("Major Angst",), chapters=["tide"])
    return Tag.objects.get(name="Smash (TV)")


def test_an_excluded_tag_disappears_from_every_list_search_and_feed(login, reader, author, works):
    client = login(reader)
    angst = Tag.objects.get(name="Major Angst")
    client.post(reverse("search:add_exclusion"), {"tag": angst.pk})
    assert SavedExclusion.objects.filter(user=reader, tag=angst).exists()
    for url, params in [
        (reverse("home"), {}),
        (reverse("accounts:profile", args=[author.username]), {}),
        (reverse("accounts:pseud", args=[author.username, author.username]), {}),
        (reverse("works:index"), {}),
        (reverse("search:works"), {"q": "tide"}),
        (reverse("search:tag_works", args=[works.pk]), {}),
        (reverse("tags:detail", args=[works.pk]), {}),
        (reverse("search:tag_feed", args=[works.pk]), {}),
    ]:
        page = client.get(url, params).content.decode()
        assert "Gentle" in page and "Grim" not in page, url


def test_others_still_see_the_excluded_works(client, login, reader, works):
    login(reader).post(reverse("search:add_exclusion"), {"name": "Major Angst"})
    client.logout()
    assert "Grim" in client.get(reverse("works:index")).content.decode()


def test_excluding_a_synonym_excludes_its_canonical_tag(login, reader, author):
    from quire.tags import wrangling

    make_work(author, "Grim", freeforms=("angsty",))
    canonical = Tag.objects.create(name="Angst", type="freeform", canonical=True)
    wrangling.make_synonym(Tag.objects.get(name="angsty"), canonical, None)
    client = login(reader)
    client.post(reverse("search:add_exclusion"), {"name": "angsty"})
    assert SavedExclusion.objects.get(user=reader).tag == canonical
    assert "Grim" not in client.get(reverse("works:index")).content.decode()


def test_removing_an_exclusion_shows_the_works_again(login, reader, works):
    client = login(reader)
    client.post(reverse("search:add_exclusion"), {"name": "Major Angst"})
    exclusion = SavedExclusion.objects.get(user=reader)
    client.post(reverse("search:remove_exclusion", args=[exclusion.pk]))
    assert "Grim" in client.get(reverse("works:index")).content.decode()


def test_excluding_an_unknown_tag_says_so(login, reader):
    response = login(reader).post(reverse("search:add_exclusion"), {"name": "Nope Nothing"}, follow=True)
    assert "There is no tag called" in response.content.decode()


def test_a_saved_search_reruns_and_has_a_feed(login, reader, works, client):
    reader_client = login(reader)
    fluff = Tag.objects.get(name="Fluff")
    reader_client.post(reverse("search:save_search"), {"name": "Soft Smash", "query": f"include={fluff.pk}"})
    saved = SavedSearch.objects.get(user=reader)
    listing = reader_client.get(reverse("search:saved_filters")).content.decode()
    assert "Soft Smash" in listing
    assert titles(reader_client.get(saved.get_absolute_url()).content.decode()) == ["Gentle"]
    feed = client.get(saved.get_feed_url())
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Gentle" in feed.content.decode() and "Grim" not in feed.content.decode()


def test_saved_searches_belong_to_their_reader(login, reader, author):
    saved = SavedSearch.objects.create(user=author, name="Mine", query_string="")
    assert login(reader).post(reverse("search:delete_search", args=[saved.pk])).status_code == 404


def test_guests_are_asked_to_log_in_to_save_filters(client):
    response = client.get(reverse("search:saved_filters"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_your_own_profile_still_lists_your_works_with_a_tag_you_excluded(login, reader):
    make_work(reader, "Mine", freeforms=("Major Angst",))
    client = login(reader)
    client.post(reverse("search:add_exclusion"), {"name": "Major Angst"})
    assert "Mine" not in client.get(reverse("works:index")).content.decode()
    assert "Mine" in client.get(reverse("accounts:profile", args=[reader.username])).content.decode()
