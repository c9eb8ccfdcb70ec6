"""Atom feeds for canonical tags; the fandoms index by media; tag autocomplete."""

from django.urls import reverse

from quire.tags.models import Tag
from tests.factories import make_work


def test_a_tag_feed_lists_its_newest_visible_works(client, author):
    make_work(author, "Public Piece", fandoms=("Smash (TV)",), summary="Stage lights.")
    make_work(author, "Members Piece", fandoms=("Smash (TV)",), restricted=True)
    smash = Tag.objects.get(name="Smash (TV)")
    response = client.get(reverse("search:tag_feed", args=[smash.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<title>Public Piece</title>" in body and "Members Piece" not in body
    assert "Stage lights." in body


def test_a_tag_feed_does_not_reveal_anonymous_creators(client, author):
    make_work(author, "Masked", fandoms=("Smash (TV)",), anonymous=True)
    body = client.get(reverse("search:tag_feed", args=[Tag.objects.get(name="Smash (TV)").pk])).content.decode()
    assert "Anonymous" in body and "amara" not in body


def test_the_tag_page_links_to_its_feed(client, author):
    make_work(author, fandoms=("Smash (TV)",))
    smash = Tag.objects.get(name="Smash (TV)")
    assert reverse("search:tag_feed", args=[smash.pk]) in client.get(smash.get_absolute_url()).content.decode()


def test_fandoms_are_grouped_by_media_with_counts(client, author):
    make_work(author, fandoms=("Smash (TV)",))
    make_work(author, fandoms=("Smash (TV)",))
    make_work(author, fandoms=("Tiny Fandom",), restricted=True)
    Tag.objects.filter(name="Smash (TV)").update(media="tv", canonical=True)
    page = client.get(reverse("search:fandoms")).content.decode()
    assert "TV Shows" in page and 'Smash (TV)</a> <span class="muted">(2)' in page
    assert "Tiny Fandom" not in page  # its only work is restricted


def test_autocomplete_offers_canonical_tags_first(client, author):
    make_work(author, characters=("Ivy (unwrangled)",))
    Tag.objects.create(name="Ivy Lynn", type="character", canonical=True)
    data = client.get(reverse("search:autocomplete_tags"), {"term": "ivy", "type": "character"}).json()
    assert [t["name"] for t in data["tags"]] == ["Ivy Lynn", "Ivy (unwrangled)"]
    assert data["tags"][0]["canonical"] is True


def test_the_header_has_a_search_box_and_fandoms_link(client, db):
    page = client.get("/").content.decode()
    assert 'aria-label="Search works"' in page and reverse("search:fandoms") in page
