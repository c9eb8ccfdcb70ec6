"""The one visibility rule, on every page that shows works.

Personas: the author, an accepted co-creator, another signed-in reader, a
moderator, and a guest; work states: public, draft, restricted, anonymous and
hidden by a moderator.
"""

import pytest
from django.urls import reverse

from quire.tags.models import Tag
from quire.works.models import Series, Work
from quire.works.services import set_series
from tests.factories import make_work

TITLE = "The Heron Clock"
STATES = {
    "public": {},
    "draft": {"draft": True},
    "restricted": {"restricted": True},
    "anonymous": {"anonymous": True},
    "hidden": {"hidden": True},
    "held": {"held_for_review": True},
}
# Who may open the work's own pages, per state.
CAN_READ = {
    "public": {"author", "cocreator", "reader", "moderator", "guest"},
    "draft": {"author", "cocreator"},
    "restricted": {"author", "cocreator", "reader", "moderator"},
    "anonymous": {"author", "cocreator", "reader", "moderator", "guest"},
    "hidden": {"author", "cocreator", "moderator"},
    "held": {"author", "cocreator", "moderator"},
}
# Drafts are listed nowhere but on their creators' own profile.
LISTED = {
    state: who - ({"author", "cocreator"} if state == "draft" else set()) for state, who in CAN_READ.items()
}
PERSONAS = ["author", "cocreator", "reader", "moderator", "guest"]


@pytest.fixture
def world(author, cocreator, reader, moderator, client):
    def build(state):
        work = make_work(
            author,
            TITLE,
            chapters=["First chapter of the heron.", "Second chapter of the heron."],
            fandoms=("Clockwork Marsh",),
            cocreators=(cocreator,),
            **STATES[state],
        )
        series = Series.objects.create(title="Marsh Stories")
        series.creators.add(author.default_pseud)
        set_series(work, series)
        people = {"author": author, "cocreator": cocreator, "reader": reader, "moderator": moderator}
        return work, series, people

    def view_as(persona, people):
        client.logout()
        if persona != "guest":
            client.force_login(people[persona])
        return client

    return build, view_as


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_work_pages_follow_the_visibility_rule(world, state, persona):
    build, view_as = world
    work, _, people = build(state)
    client = view_as(persona, people)
    chapter = work.chapters.first()
    urls = [
        reverse("works:detail", args=[work.pk]),
        reverse("works:chapter", args=[work.pk, chapter.pk]),
        reverse("works:navigate", args=[work.pk]),
    ]
    for url in urls:
        response = client.get(url)
        if persona in CAN_READ[state]:
            assert response.status_code == 200, url
            assert TITLE in response.content.decode()
        else:
            expected = 403 if (state == "restricted" and persona == "guest") else 404
            assert response.status_code == expected, url
            assert TITLE not in response.content.decode()


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_lists_show_a_work_only_to_those_allowed(world, state, persona):
    build, view_as = world
    work, series, people = build(state)
    client = view_as(persona, people)
    fandom = Tag.objects.get(name="Clockwork Marsh")
    for url in [
        reverse("home"),
        reverse("works:index"),
        reverse("tags:detail", args=[fandom.pk]),
        reverse("works:series", args=[series.pk]),
    ]:
        response = client.get(url)
        if persona in LISTED[state]:
            assert TITLE in response.content.decode(), url
        else:
            assert response.status_code in (200, 403, 404), url
            assert TITLE not in response.content.decode(), url


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_creator_profile_never_lists_what_the_viewer_may_not_see(world, state, persona):
    build, view_as = world
    work, _, people = build(state)
    client = view_as(persona, people)
    content = client.get(reverse("accounts:profile", args=[people["author"].username])).content.decode()
    listed = persona in CAN_READ[state]
    if state == "anonymous":
        # An anonymous work is never listed under its creator, but for the creator and moderators.
        listed = persona in {"author", "moderator"}
    assert (TITLE in content) == listed


@pytest.mark.parametrize("persona", PERSONAS)
def test_anonymous_work_hides_its_creator_from_readers(world, persona):
    build, view_as = world
    work, _, people = build("anonymous")
    content = view_as(persona, people).get(reverse("works:detail", args=[work.pk])).content.decode()
    shows_creator = f'href="{people["author"].default_pseud.get_absolute_url()}"' in content
    assert shows_creator == (persona in {"author", "cocreator", "moderator"})
    if not shows_creator:
        assert "Anonymous" in content


def test_queryset_rule_counts_match_for_a_guest(author, db):
    """Counts use the same rule: a guest counts only public works."""
    for state in STATES:
        make_work(author, f"Work {state}", **STATES[state])
    from django.contrib.auth.models import AnonymousUser

    visible = Work.objects.visible_to(AnonymousUser())
    assert sorted(visible.values_list("title", flat=True)) == ["Work anonymous", "Work public"]
    assert visible.count() == 2


def test_series_holding_an_anonymous_work_hides_its_creators(author, reader, moderator, client):
    """Otherwise the series page, the creator's profile and the series download would name
    the anonymous work's creator."""
    secret = make_work(author, "Unsigned Letter", anonymous=True)
    series = Series.objects.create(title="Letters Home")
    series.creators.add(author.default_pseud)
    set_series(secret, series)
    pseud_link = f'href="{author.default_pseud.get_absolute_url()}"'
    profile = reverse("accounts:profile", args=[author.username])

    for viewer in (None, reader):
        client.logout()
        if viewer:
            client.force_login(viewer)
        page = client.get(series.get_absolute_url()).content.decode()
        assert "Unsigned Letter" in page and pseud_link not in page and "Anonymous" in page
        assert "Letters Home" not in client.get(profile).content.decode()
        epub_page = client.get(reverse("downloads:series", args=[series.pk, "html"])).content.decode()
        assert author.username not in epub_page

    for viewer in (author, moderator):
        client.force_login(viewer)
        assert pseud_link in client.get(series.get_absolute_url()).content.decode()
    client.force_login(author)
    assert "Letters Home" in client.get(profile).content.decode()


def test_a_signed_in_readers_rule_tests_each_work_instead_of_listing_every_visible_one(author, reader, db):
    """Issue 14: the rule for a signed-in reader is "public enough OR one of mine". The
    old form, `pk IN (SELECT every visible work)`, made SQLite build that whole list
    on every call. Pinned on the SQL, not on a timing."""
    from django.db import connection

    from quire.interactions.safety import mute

    make_work(author)
    sql = str(Work.objects.visible_to(reader).query)
    # The works table is read once (the outer query); the only subquery is the reader's own works.
    assert sql.count('FROM "works_work"') == 1, sql
    assert 'FROM "works_creatorship"' in sql
    # No mutes: no mute subquery at all.
    assert "interactions_mute" not in sql
    # Positive control: a reader with a mute does get the filter.
    mute(reader, author)
    assert "interactions_mute" in str(Work.objects.visible_to(reader).query)
    if connection.vendor != "sqlite":
        return
    one = Work.objects.visible_to(reader).filter(pk=Work.objects.get().pk)
    query, params = one.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + query, params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    # Opening one work looks it up by its key; it does not scan the works table.
    assert "SCAN works_work" not in plan and "works_work USING INTEGER PRIMARY KEY" in plan, plan
