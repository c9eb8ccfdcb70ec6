"""Tag pages: what a tag is, its synonyms, parents and sub tags, and its works."""

from django.urls import reverse

from quire.tags import wrangling
from quire.tags.models import Tag
from tests.factories import make_user, make_work


def test_a_canonical_tag_page_lists_its_synonyms_fandom_and_works(client, author):
    wrangler = make_user("wren", is_wrangler=True)
    make_work(author, "Understudy", fandoms=("Smash (TV)",), characters=("Ivy",))
    ivy_lynn = Tag.objects.create(name="Ivy Lynn", type="character", canonical=True)
    wrangling.make_synonym(Tag.objects.get(name="Ivy"), ivy_lynn, wrangler)
    wrangling.add_fandom(ivy_lynn, Tag.objects.get(name="Smash (TV)"), wrangler)

    page = client.get(ivy_lynn.get_absolute_url()).content.decode()
    assert "canonical" in page
    assert "Synonyms" in page and ">Ivy<" in page
    assert "Smash (TV)" in page
    assert "Understudy" in page and "1 work" in page


def test_a_synonym_page_points_to_its_canonical_tag(client, author):
    make_work(author, characters=("Ivy",))
    ivy_lynn = Tag.objects.create(name="Ivy Lynn", type="character", canonical=True)
    wrangling.make_synonym(Tag.objects.get(name="Ivy"), ivy_lynn, None)
    page = client.get(Tag.objects.get(name="Ivy").get_absolute_url()).content.decode()
    assert "a synonym of" in page and "Ivy Lynn" in page


def test_tag_page_hides_restricted_works_from_guests(client, author, login):
    make_work(author, "Members Only", fandoms=("Smash (TV)",), restricted=True)
    url = reverse("tags:detail", args=[Tag.objects.get(name="Smash (TV)").pk])
    assert "Members Only" not in client.get(url).content.decode()
    assert "0 works" in client.get(url).content.decode()
    assert "Members Only" in login(author).get(url).content.decode()
