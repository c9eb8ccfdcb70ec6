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
    # Canonical, so the page is public even with no work a guest can see.
    Tag.objects.filter(name="Smash (TV)").update(canonical=True)
    url = reverse("tags:detail", args=[Tag.objects.get(name="Smash (TV)").pk])
    assert "Members Only" not in client.get(url).content.decode()
    assert "0 works" in client.get(url).content.decode()
    assert "Members Only" in login(author).get(url).content.decode()


def test_a_guest_cannot_find_a_draft_only_tag_by_its_page(client, author, login):
    make_work(author, "Secret Plans", freeforms=("Surprise Party For Sam",), draft=True)
    tag = Tag.objects.get(name="Surprise Party For Sam")
    for url in (
        tag.get_absolute_url(),
        reverse("search:tag_works", args=[tag.pk]),
        reverse("search:tag_feed", args=[tag.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "Surprise Party For Sam" not in response.content.decode()
    wrangler = make_user("wren", is_wrangler=True)
    assert login(wrangler).get(tag.get_absolute_url()).status_code == 200


def test_an_unwrangled_tag_on_a_posted_work_has_a_page(client, author):
    make_work(author, "Party", freeforms=("Surprise Party For Sam",))
    response = client.get(Tag.objects.get(name="Surprise Party For Sam").get_absolute_url())
    assert response.status_code == 200
    assert "Party" in response.content.decode()


def test_a_tag_with_nothing_to_list_has_no_empty_definition_list(client, author):
    make_work(author, freeforms=("Angst",))
    page = client.get(Tag.objects.get(name="Angst").get_absolute_url()).content.decode()
    assert "<h1>Angst</h1>" in page and "A Lantern in the Orchard" in page  # the page itself is there
    assert "tag-meta" not in page


def test_tag_autocomplete_script_is_told_its_url_by_the_page(client, author):
    page = client.get(reverse("search:fandoms")).content.decode()
    assert f'data-autocomplete-url="{reverse("search:autocomplete_tags")}"' in page
    from django.contrib.staticfiles import finders

    with open(finders.find("search/autocomplete.js"), encoding="utf-8") as script:
        assert "/autocomplete/tags/" not in script.read()
