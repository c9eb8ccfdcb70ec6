"""Wrangling: canonical tags, synonyms, fandoms, meta tags, the log, and who may wrangle."""

import pytest
from django.urls import reverse

from quire.tags import wrangling
from quire.tags.models import FilterTagging, Tag, WranglingAction
from tests.factories import make_user, make_work


@pytest.fixture
def wrangler(db):
    return make_user("wren", is_wrangler=True)


def filed_under(work) -> set[str]:
    return set(FilterTagging.objects.filter(work=work).values_list("tag__name", flat=True))


def test_a_synonym_files_its_works_under_the_canonical_tag(author, wrangler):
    work = make_work(author, fandoms=("Smash",), characters=("Ivy",))
    ivy_lynn = Tag.objects.create(name="Ivy Lynn", type="character", canonical=True)
    assert "Ivy" in filed_under(work)

    wrangling.make_synonym(Tag.objects.get(name="Ivy"), ivy_lynn, wrangler)

    assert "Ivy Lynn" in filed_under(work) and "Ivy" not in filed_under(work)
    # The work itself still shows what its author typed.
    assert list(work.tags.filter(type="character").values_list("name", flat=True)) == ["Ivy"]


def test_a_meta_tag_finds_the_works_of_its_sub_tags(author, wrangler):
    work = make_work(author, fandoms=("Smash (TV)",))
    smash = Tag.objects.get(name="Smash (TV)")
    broadway = Tag.objects.create(name="Broadway RPF and Musicals", type="fandom", canonical=True)
    wrangling.set_metatags(smash, [broadway], wrangler)
    assert {"Smash (TV)", "Broadway RPF and Musicals"} <= filed_under(work)
    inherited = FilterTagging.objects.get(work=work, tag=broadway)
    assert inherited.inherited


def test_meta_tags_cannot_make_a_loop(wrangler):
    a = Tag.objects.create(name="Alpha Fandom", type="fandom", canonical=True)
    b = Tag.objects.create(name="Beta Fandom", type="fandom", canonical=True)
    wrangling.set_metatags(a, [b], wrangler)
    with pytest.raises(wrangling.WranglingError, match="loop"):
        wrangling.set_metatags(b, [a], wrangler)


def test_a_synonym_must_be_of_the_same_type(author, wrangler):
    make_work(author, characters=("Ivy",))
    fandom = Tag.objects.create(name="Ivy League (TV)", type="fandom", canonical=True)
    with pytest.raises(wrangling.WranglingError, match="same type"):
        wrangling.make_synonym(Tag.objects.get(name="Ivy"), fandom, wrangler)


def test_renaming_a_tag_keeps_its_works(author, wrangler):
    work = make_work(author, freeforms=("Slow burn",))
    tag = Tag.objects.get(name="Slow burn")
    wrangling.rename(tag, "Slow Burn", wrangler)
    assert "Slow Burn" in filed_under(work)


def test_every_wrangling_change_is_logged(author, wrangler, login):
    make_work(author, characters=("Ivy",))
    ivy_lynn = Tag.objects.create(name="Ivy Lynn", type="character", canonical=True)
    wrangling.make_synonym(Tag.objects.get(name="Ivy"), ivy_lynn, wrangler)
    assert WranglingAction.objects.filter(actor=wrangler, description="Made Ivy a synonym of Ivy Lynn").exists()
    page = login(wrangler).get(reverse("tags:log")).content.decode()
    assert "Made Ivy a synonym of Ivy Lynn" in page


def test_readers_cannot_open_wrangling_pages(reader, login):
    client = login(reader)
    tag = Tag.objects.create(name="Hurt/Comfort", type="freeform")
    for url in [reverse("tags:wrangle"), reverse("tags:edit", args=[tag.pk]), reverse("tags:log")]:
        assert client.get(url).status_code == 403


def test_mass_wrangling_makes_synonyms_and_assigns_fandoms(author, wrangler, login):
    make_work(author, fandoms=("Smash (TV)",), characters=("Ivy", "Karen C."))
    smash = Tag.objects.get(name="Smash (TV)")
    wrangling.make_canonical(smash, wrangler)
    ivy_lynn = Tag.objects.create(name="Ivy Lynn", type="character", canonical=True)
    client = login(wrangler)
    url = reverse("tags:wrangle_fandom", args=[smash.pk])
    page = client.get(url).content.decode()
    assert "Ivy" in page and "Karen C." in page
    ivy, karen = Tag.objects.get(name="Ivy"), Tag.objects.get(name="Karen C.")
    client.post(url, {"tags": [ivy.pk], "action": "synonym", "target": "Ivy Lynn"})
    client.post(url, {"tags": [karen.pk], "action": "fandom", "target": "Smash (TV)"})
    ivy.refresh_from_db()
    assert ivy.synonym_of == ivy_lynn
    assert list(karen.parents.all()) == [smash]


def test_mass_wrangling_names_a_missing_target(author, wrangler, login):
    make_work(author, fandoms=("Smash (TV)",), characters=("Ivy",))
    smash = Tag.objects.get(name="Smash (TV)")
    wrangling.make_canonical(smash, wrangler)
    url = reverse("tags:wrangle_fandom", args=[smash.pk])
    ivy = Tag.objects.get(name="Ivy")
    page = login(wrangler).post(url, {"tags": [ivy.pk], "action": "synonym", "target": "Nobody"}).content.decode()
    assert "There is no tag called" in page


def test_tag_edit_page_sets_media_and_synonym(author, wrangler, login):
    make_work(author, fandoms=("Smash",))
    smash_tv = Tag.objects.create(name="Smash (TV)", type="fandom", canonical=True)
    client = login(wrangler)
    response = client.post(
        reverse("tags:edit", args=[smash_tv.pk]),
        {"name": "Smash (TV)", "status": "canonical", "media": "tv", "metatags": ""},
    )
    assert response.status_code == 302
    smash_tv.refresh_from_db()
    assert smash_tv.media == "tv"
    smash = Tag.objects.get(name="Smash")
    client.post(
        reverse("tags:edit", args=[smash.pk]),
        {"name": "Smash", "status": "synonym", "synonym_of": "Smash (TV)", "media": "", "metatags": ""},
    )
    smash.refresh_from_db()
    assert smash.synonym_of == smash_tv


def test_importing_a_canon_refiles_existing_works_and_sets_media(author, tmp_path):
    from django.core.management import call_command

    work = make_work(author, fandoms=("Smash",), characters=("Ivy",))
    path = tmp_path / "canon.csv"
    path.write_text("type,name,fandom,aliases,media\nfandom,Smash (TV),,Smash,tv\ncharacter,Ivy Lynn,Smash (TV),Ivy,\n")
    call_command("tags", "import", str(path))
    assert {"Smash (TV)", "Ivy Lynn"} <= filed_under(work)
    assert Tag.objects.get(name="Smash (TV)").media == "tv"


@pytest.mark.parametrize("name", ["tags:wrangle", "tags:wrangle_fandoms", "tags:log"])
def test_a_guest_opening_a_wrangling_page_is_asked_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_unwrangled_fandoms_heading_has_no_space_before_its_colon(author, wrangler, login):
    make_work(author, fandoms=("Smash (TV)",))
    page = login(wrangler).get(reverse("tags:wrangle_fandoms")).content.decode()
    assert "<h1>Unwrangled tags: fandoms</h1>" in page


def test_an_additional_tag_is_not_called_an_additional_tags_tag(client, author, wrangler, login):
    make_work(author, freeforms=("Angst",))
    angst = Tag.objects.get(name="Angst")
    assert "Additional tag, not yet wrangled." in client.get(angst.get_absolute_url()).content.decode()
    edit_page = login(wrangler).get(reverse("tags:edit", args=[angst.pk])).content.decode()
    assert "Additional tag." in edit_page and "Tags tag" not in edit_page
