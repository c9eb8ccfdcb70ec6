"""Blurbs and a work's facts are cached by the work's version (quire/works/fragments.py):
a reader sees every change made through a workflow at once, never another reader's
view of the same work, and a cached page of blurbs costs the same few queries however
many works it shows."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from quire.accounts import lifecycle
from quire.accounts import services as account_services
from quire.accounts.models import Pseud
from quire.collections import services as collection_services
from quire.collections.models import Collection
from quire.interactions.models import WorkStats
from quire.tags import wrangling
from quire.tags.models import Tag
from quire.works import claiming, orphaning, services
from quire.works.fragments import fragment_key, render_fragment
from quire.works.models import Chapter, Series, Work
from tests.factories import make_user, make_work


def blurb_of(client, work, url=None) -> str:
    page = client.get(url or reverse("works:index")).content.decode()
    start = page.index(f'id="work_{work.pk}"')
    return page[start: page.index("</li>", page.index("</dl>", start))]


def edit(work, user, **fields):
    """The work form's workflow, changing only `fields` and keeping the tags."""
    work = Work.objects.for_listing().get(pk=work.pk)
    tags: dict[str, list[str]] = {}
    for tag in work.tags.all():
        tags.setdefault(tag.type, []).append(tag.name)
    tags.update(fields.pop("tags", {}))
    services.update_work(work, user, fields=fields, pseuds=[user.default_pseud], tags_by_type=tags)


# --- every workflow that changes a blurb changes the cached blurb --------------------------
def _retitle(work, author, moderator):
    edit(work, author, title="The Orchard at Night")
    return "The Orchard at Night", "A Lantern in the Orchard"


def _new_summary(work, author, moderator):
    edit(work, author, summary="Frost on the apples.")
    return "Frost on the apples.", None


def _retag(work, author, moderator):
    edit(work, author, tags={"freeform": ["Winter Fruit"]})
    return "Winter Fruit", None


def _new_language(work, author, moderator):
    edit(work, author, language="fr")
    return "Français", "English"


def _restrict(work, author, moderator):
    edit(work, author, restricted=True)
    return "Only shown to registered users", None


def _post_chapter(work, author, moderator):
    services.save_chapter(Chapter(work=work, text="Second night. " * 50), publish_now=True)
    return "<dd>2/?</dd>", "<dd>1/?</dd>"


def _delete_chapter(work, author, moderator):
    services.save_chapter(Chapter(work=work, text="Second night."), publish_now=True)
    return _then(work, lambda: services.delete_chapter(work.chapters.get(position=2)), "<dd>1/?</dd>", "<dd>2/?</dd>")


def _join_series(work, author, moderator):
    series = Series.objects.create(title="Seasons")
    services.set_series(work, series)
    return "Part 1 of", None


def _rename_series(work, author, moderator):
    series = Series.objects.create(title="Seasons")
    services.set_series(work, series)

    def rename():
        series.title = "All the Seasons"
        series.save()

    return _then(work, rename, "All the Seasons", ">Seasons<")


def _rename_tag(work, author, moderator):
    wrangler = make_user("wren", is_wrangler=True)
    wrangling.rename(Tag.objects.get(name="Original Work"), "Original Fiction", wrangler)
    return "Original Fiction", "Original Work"


def _rename_pseud(work, author, moderator):
    pseud = author.default_pseud
    pseud.name = "Amara of the Orchard"
    pseud.save()
    return "Amara of the Orchard", None


def _change_username(work, author, moderator):
    # Credited to a second pseud only: renaming the default pseud (as the change does) is not what tells.
    extra = Pseud.objects.create(user=author, name="Lamplighter")
    work.creatorships.all().delete()
    services.add_creator(work, extra, accepted=True)
    return _then(work, lambda: lifecycle.change_username(author, "amara2"), "/amara2/", "/amara/")


def _delete_pseud(work, author, moderator):
    extra = Pseud.objects.create(user=author, name="Lamplighter")
    Work.objects.get(pk=work.pk).creatorships.update(pseud=extra)
    services.add_creator(work, author.default_pseud, accepted=False)  # to be taken over
    return _then(work, lambda: account_services.delete_pseud(extra), ">amara<", "Lamplighter")


def _orphan(work, author, moderator):
    orphaning.orphan_work(work, author)
    return "orphan_account", ">amara<"


def _anonymous_collection(work, author, moderator):
    owner = make_user("olive")
    collection = Collection.objects.create(name="masks", title="Masks", owner=owner, anonymous=True)
    collection_services.add_work_to_collection(work, collection, by=author)
    return "Anonymous", ">amara<"


def _archived(work, author, moderator):
    archivist = make_user("archie", is_archivist=True)
    claiming.mark_archived(work, archivist)
    return "[archived by archie]", None


def _then(work, change, new, old):
    """For workflows that need a first change before the one under test: the test
    renders once more before calling `change`."""
    return change, new, old


WORKFLOWS = [
    _retitle, _new_summary, _retag, _new_language, _restrict, _post_chapter, _delete_chapter, _join_series,
    _rename_series, _rename_tag, _rename_pseud, _change_username, _delete_pseud, _orphan, _anonymous_collection,
    _archived,
]  # fmt: skip


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda f: f.__name__.strip("_"))
def test_a_workflow_that_changes_a_blurb_changes_the_blurb_readers_see(client, author, reader, moderator, workflow):
    client.force_login(reader)  # signed in: a restricted work stays listed
    work = make_work(author)
    before = blurb_of(client, work)
    assert "A Lantern in the Orchard" in before  # the blurb is there, and now cached
    outcome = workflow(work, author, moderator)
    if callable(outcome[0]):
        change, new, old = outcome
        before = blurb_of(client, work)  # cached after the preparing change
        change()
    else:
        new, old = outcome
    after = blurb_of(client, work)
    assert new in after and new not in before
    if old:
        assert old not in after


def test_kudos_and_hits_show_at_once_without_a_new_version(client, author):
    work = make_work(author)
    version = Work.objects.get(pk=work.pk).version
    assert "<dt>Hits:</dt><dd>0</dd>" in blurb_of(client, work)
    WorkStats.bump(work.pk, "hits", 7)
    WorkStats.bump(work.pk, "kudos", 3)
    blurb = blurb_of(client, work)
    assert "<dt>Hits:</dt><dd>7</dd>" in blurb and ">3</a>" in blurb
    assert Work.objects.get(pk=work.pk).version == version  # the cached part stayed cached


def test_the_work_page_facts_follow_a_retag(client, author):
    work = make_work(author, freeforms=("Lanterns",))
    assert "Lanterns" in client.get(work.get_absolute_url()).content.decode()
    edit(work, author, tags={"freeform": ["Orchards"]})
    page = client.get(work.get_absolute_url()).content.decode()
    assert "Orchards" in page and "Lanterns" not in page


# --- one reader's view is never another's ----------------------------------------------------
def test_an_anonymous_works_creator_never_reaches_another_reader_through_the_cache(client, author, reader, moderator):
    work = make_work(author, "Masked", anonymous=True)
    client.force_login(author)
    assert "amara" in blurb_of(client, work)  # the creator sees their own credit: now cached for them
    for other in (reader, None):
        if other:
            client.force_login(other)
        else:
            client.logout()
        for url in (reverse("works:index"), reverse("home"), reverse("search:works") + "?q=Masked"):
            blurb = blurb_of(client, work, url)
            assert "Anonymous" in blurb and "amara" not in blurb
    client.force_login(moderator)
    assert "amara</a> (anonymous to readers)" in blurb_of(client, work)
    client.force_login(author)
    assert "amara</a> (anonymous to readers)" in blurb_of(client, work)


def test_a_creator_seen_first_as_anonymous_still_sees_their_credit(client, author, reader):
    work = make_work(author, "Masked", anonymous=True)
    client.force_login(reader)
    assert "Anonymous" in blurb_of(client, work)
    client.force_login(author)
    assert "amara</a> (anonymous to readers)" in blurb_of(client, work)


def test_readers_who_hide_spoilers_and_readers_who_dont_each_get_their_own_blurb(client, author, reader):
    make_user("dara")
    work = make_work(author, freeforms=("Twist Ending",))
    reader.hide_spoilers = True
    reader.save()
    client.force_login(reader)
    assert '<details class="spoilers">' in blurb_of(client, work)
    client.logout()
    blurb = blurb_of(client, work)
    assert '<details class="spoilers">' not in blurb and "Twist Ending" in blurb
    client.force_login(reader)
    assert '<details class="spoilers">' in blurb_of(client, work)


def test_another_language_is_another_fragment(author):
    work = make_work(author)
    rendered = []

    def render():
        rendered.append(translation.get_language())
        return f"<p>{translation.get_language()}</p>"

    for language in ("en", "de", "en", "de"):
        with translation.override(language):
            assert render_fragment("blurb", work, None, False, render) == f"<p>{language}</p>"
    assert rendered == ["en", "de"]  # each language rendered once, then read from the cache
    with translation.override("de"):
        assert fragment_key("blurb", work, None, False) != fragment_key("blurb", work, None, True)


# --- what a page of blurbs costs ---------------------------------------------------------------
def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_listings_queries_do_not_grow_with_the_works_it_shows(client, author, reader, signed_in):
    if signed_in:
        client.force_login(reader)
    url = reverse("works:index")
    for n in range(3):
        make_work(author, f"Work {n}", anonymous=n == 0)
    client.get(url)  # the search index and the blurbs are built
    caches["fragments"].clear()
    few_cold, few_warm = _queries(client, url), _queries(client, url)
    for n in range(3, 12):
        make_work(author, f"Work {n}", anonymous=n == 3)
    client.get(url)
    caches["fragments"].clear()
    many_cold, many_warm = _queries(client, url), _queries(client, url)
    assert client.get(url).content.decode().count('class="blurb"') == 12
    assert (few_cold, few_warm) == (many_cold, many_warm)
    # Cached blurbs skip fetching the tags, creators and series of the works they show.
    assert many_warm < many_cold
