"""Unrevealed and anonymous collections, on every surface the visibility matrix
covers (tests/works/test_visibility.py): the work's pages, lists, counts, feeds,
search and downloads; then one reveal shows everything to everyone."""

import pytest
from django.urls import reverse

from quire.collections.models import Collection
from quire.collections.services import add_work_to_collection, reveal
from quire.interactions.models import Notification
from quire.tags.models import Tag
from tests.factories import make_user, make_work

TITLE = "The Quince Lantern"
PERSONAS = ["author", "reader", "guest", "moderator", "owner"]


@pytest.fixture
def world(author, reader, moderator, client):
    owner = make_user("fenna")
    people = {"author": author, "reader": reader, "moderator": moderator, "owner": owner}

    def build(**flags):
        collection = Collection.objects.create(name="masquerade", title="Masquerade", owner=owner, **flags)
        work = make_work(author, TITLE, chapters=["Quince light over the weir."], fandoms=("Weirside",))
        add_work_to_collection(work, collection, by=author)
        work.refresh_from_db()
        return collection, work

    def view_as(persona):
        client.logout()
        if persona != "guest":
            client.force_login(people[persona])
        return client

    return build, view_as, people


def surfaces(work, collection) -> dict[str, str]:
    fandom = Tag.objects.get(name="Weirside")
    return {
        "work page": reverse("works:detail", args=[work.pk]),
        "works list": reverse("works:index"),
        "tag page": reverse("tags:detail", args=[fandom.pk]),
        "collection works": reverse("collections:works", args=[collection.name]),
        "collection profile (count)": reverse("collections:detail", args=[collection.name]),
        "fandoms (count)": reverse("search:fandoms"),
        "search": reverse("search:works") + "?q=quince",
        "tag feed": reverse("search:tag_feed", args=[fandom.pk]),
        "collection feed": reverse("collections:feed", args=[collection.name]),
        "author feed": reverse("downloads:author_feed", args=[work.accepted_pseuds()[0].user.username]),
        "download": reverse("downloads:work", args=[work.pk, "html"]),
    }


def _shows(client, url: str, needle: str) -> bool:
    response = client.get(url)
    return response.status_code == 200 and needle in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_unrevealed_work_is_hidden_until_the_reveal(world, persona):
    build, view_as, people = world
    collection, work = build(unrevealed=True)
    assert work.unrevealed
    client = view_as(persona)
    sees_early = persona in {"author", "moderator", "owner"}
    for name, url in surfaces(work, collection).items():
        if name in ("fandoms (count)", "collection profile (count)"):
            continue
        assert _shows(client, url, TITLE) == sees_early, (name, persona)
    # Counts: the collection profile and the fandom index count only what the viewer sees.
    profile = client.get(reverse("collections:detail", args=[collection.name])).content.decode()
    assert ("1 work" in profile) == sees_early and ("0 works" in profile) == (not sees_early)
    assert _shows(client, reverse("search:fandoms"), "Weirside") == sees_early

    reveal(collection, people["owner"])
    for name, url in surfaces(work, collection).items():
        if name in ("fandoms (count)", "collection profile (count)"):
            continue
        assert _shows(client, url, TITLE), (name, persona)
    assert "1 work" in client.get(reverse("collections:detail", args=[collection.name])).content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_anonymous_collection_hides_the_creator_until_the_reveal(world, persona):
    build, view_as, people = world
    collection, work = build(anonymous=True)
    assert work.anonymous
    author = people["author"]
    pseud_link = f'href="{author.default_pseud.get_absolute_url()}"'
    client = view_as(persona)
    names_early = persona in {"author", "moderator"}
    page = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert TITLE in page  # the work itself is shown to everyone
    assert (pseud_link in page) == names_early
    if not names_early:
        assert "Anonymous" in page
    for name, url in surfaces(work, collection).items():
        if name in ("work page", "fandoms (count)", "collection profile (count)"):
            continue
        content = client.get(url).content.decode()
        if name == "author feed":
            # Named by its creator, so an anonymous work is listed there only for them and moderators.
            assert (TITLE in content) == names_early, persona
            continue
        assert TITLE in content, (name, persona)  # positive control: the work is listed
        if not names_early:
            assert pseud_link not in content and author.default_pseud.name not in content, (name, persona)
    # Not listed under its creator for others: the profile names no anonymous work.
    profile = client.get(reverse("accounts:profile", args=[author.username])).content.decode()
    assert (TITLE in profile) == (persona in {"author", "moderator"})

    reveal(collection, people["owner"])
    page = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert pseud_link in page
    assert TITLE in client.get(reverse("accounts:profile", args=[author.username])).content.decode()
    feed = client.get(reverse("collections:feed", args=[collection.name])).content.decode()
    assert author.default_pseud.name in feed
    download = client.get(reverse("downloads:work", args=[work.pk, "html"])).content.decode()
    assert author.default_pseud.name in download


def test_reveal_tells_the_creators(world):
    build, _, people = world
    collection, work = build(anonymous=True, unrevealed=True)
    assert not Notification.objects.filter(user=people["author"]).exists()
    reveal(collection, people["owner"])
    note = Notification.objects.get(user=people["author"])
    assert "Masquerade has been revealed" in note.headline
    work.refresh_from_db()
    assert not work.anonymous and not work.unrevealed


def test_only_maintainers_can_reveal(world, client):
    build, view_as, people = world
    collection, work = build(unrevealed=True)
    response = view_as("reader").post(reverse("collections:reveal", args=[collection.name]))
    assert response.status_code == 403
    work.refresh_from_db()
    assert work.unrevealed
    # Positive control: the owner's button does reveal.
    view_as("owner").post(reverse("collections:reveal", args=[collection.name]))
    work.refresh_from_db()
    assert not work.unrevealed


def test_an_authors_own_anonymity_survives_leaving_a_plain_collection(author, db):
    """`Work.anonymous` is also the author's choice: a collection that never was
    anonymous doesn't clear it."""
    owner = make_user("gale")
    plain = Collection.objects.create(name="plain", title="Plain", owner=owner)
    work = make_work(author, "Signed Nowhere", anonymous=True)
    item = add_work_to_collection(work, plain, by=author)
    from quire.collections.services import remove_item

    remove_item(item, author)
    work.refresh_from_db()
    assert work.anonymous


def test_subscribers_hear_of_an_unrevealed_work_only_at_the_reveal(
    author, reader, client, django_capture_on_commit_callbacks
):
    """Posted straight into an unrevealed collection from the work form: the author's
    subscribers are not told (they could not open it) until the reveal tells them."""
    from quire.interactions.subscriptions import subscribe
    from tests.interactions.conftest import run_ready_tasks
    from tests.works.test_posting import work_data

    owner = make_user("fenna")
    collection = Collection.objects.create(name="masquerade", title="Masquerade", owner=owner, unrevealed=True)
    subscribe(reader, author=author)
    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("works:new"), work_data(author, **{"assoc-collections": "masquerade"}))
    run_ready_tasks()
    assert not Notification.objects.filter(user=reader).exists()
    with django_capture_on_commit_callbacks(execute=True):
        reveal(collection, owner)
    run_ready_tasks()
    assert [n.kind for n in Notification.objects.filter(user=reader)] == ["work"]


def test_an_unrevealed_restricted_work_does_not_admit_to_existing(author, reader, client):
    """A guest asking for a restricted work is asked to log in (403); for an unrevealed
    one that would confirm it exists, so it is "no such work" (404) as for a draft."""
    owner = make_user("fenna")
    collection = Collection.objects.create(name="masquerade", title="Masquerade", owner=owner, unrevealed=True)
    hidden = make_work(author, "Behind the Mask", restricted=True)
    add_work_to_collection(hidden, collection, by=author)
    shown = make_work(author, "Plain Restricted", restricted=True)
    assert client.get(reverse("works:detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("works:detail", args=[shown.pk])).status_code == 403  # positive control
