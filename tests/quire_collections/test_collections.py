"""Collections end to end through their pages: create with profile, rules and
sub-collections; works join from the work form, by invitation, or through a
moderated queue; closed collections refuse; bookmarks join; the works list has
the filter sidebar."""

import html

import pytest
from django.urls import reverse

from quire.collections.models import Collection, CollectionItem, ItemState
from quire.collections.services import add_work_to_collection, work_in_anonymous_collection
from quire.interactions.models import Bookmark, Notification
from quire.works.models import Work
from tests.factories import make_user, make_work
from tests.works.test_posting import work_data


@pytest.fixture
def owner(db):
    return make_user("fenna")


def collection_data(**overrides) -> dict:
    data = {
        "name": "harvest_week",
        "title": "Harvest Week",
        "kind": "collection",
        "parent": "",
        "description": "Seven days of orchards.",
        "rules": "One work a day, any rating.",
        "moderator_names": "",
    }
    data.update(overrides)
    return data


def test_owner_creates_a_collection_with_profile_rules_and_a_sub_collection(owner, reader, client):
    client.force_login(owner)
    response = client.post(reverse("collections:new"), collection_data(moderator_names="corin"))
    collection = Collection.objects.get(name="harvest_week")
    assert response.status_code == 302 and response.url == collection.get_absolute_url()
    page = client.get(collection.get_absolute_url()).content.decode()
    assert "Seven days of orchards." in page and "One work a day, any rating." in page and "corin" in page
    assert list(collection.moderators.all()) == [reader]
    # A sub-collection, offered from the parent's page.
    assert f"?parent={collection.pk}" in page
    client.post(reverse("collections:new"), collection_data(name="day_one", title="Day One", parent=collection.pk))
    child = Collection.objects.get(name="day_one")
    assert child.parent == collection
    assert "Day One" in client.get(collection.get_absolute_url()).content.decode()
    # Listed on the index, with a link from every page's navigation.
    index = client.get(reverse("collections:index")).content.decode()
    assert "Harvest Week" in index and reverse("collections:index") in client.get(reverse("home")).content.decode()


def test_bad_collection_input_is_explained_and_kept(owner, client):
    client.force_login(owner)
    response = client.post(reverse("collections:new"), collection_data(name="no spaces!", moderator_names="nobody"))
    content = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Use only letters, digits and underscores." in content and "There's no user called nobody" in content
    assert "Seven days of orchards." in content  # nothing typed is lost
    assert not Collection.objects.exists()


def test_only_the_owner_edits_settings(owner, reader, client):
    collection = Collection.objects.create(name="harvest_week", title="Harvest Week", owner=owner)
    client.force_login(reader)
    assert client.get(reverse("collections:edit", args=[collection.name])).status_code == 403
    client.force_login(owner)
    response = client.post(
        reverse("collections:edit", args=[collection.name]), collection_data(title="Harvest Fortnight", closed="on")
    )
    assert response.status_code == 302
    collection.refresh_from_db()
    assert collection.title == "Harvest Fortnight" and collection.closed


def test_author_posts_into_a_collection_from_the_work_form(owner, author, client):
    collection = Collection.objects.create(name="harvest_week", title="Harvest Week", owner=owner)
    client.force_login(author)
    form = client.get(reverse("works:new")).content.decode()
    assert 'name="assoc-collections"' in form
    client.post(reverse("works:new"), work_data(author, **{"assoc-collections": "Harvest_Week"}))
    work = Work.objects.get(title="The Orchard Keeper")
    assert CollectionItem.objects.approved().filter(collection=collection, work=work).exists()
    listing = client.get(reverse("collections:works", args=[collection.name])).content.decode()
    assert "The Orchard Keeper" in listing and "1 work" in listing
    assert "Sort and filter" in listing  # the ordinary sidebar
    assert "Harvest Week" in client.get(work.get_absolute_url()).content.decode()
    # The edit form shows it chosen; clearing the field takes the work out.
    edit = client.get(reverse("works:edit", args=[work.pk])).content.decode()
    assert 'value="harvest_week"' in edit
    data = work_data(author, submit="save", **{"assoc-collections": ""})
    client.post(reverse("works:edit", args=[work.pk]), data)
    assert not CollectionItem.objects.filter(work=work).exists()


def test_a_closed_collection_refuses_and_keeps_the_form(owner, author, client):
    Collection.objects.create(name="sealed", title="Sealed Jar", owner=owner, closed=True)
    client.force_login(author)
    response = client.post(reverse("works:new"), work_data(author, **{"assoc-collections": "sealed"}))
    content = html.unescape(response.content.decode())
    assert response.status_code == 200 and "Sealed Jar is closed: it accepts no new works." in content
    assert "The apples fell all night." in content
    assert not Work.objects.exists()
    # Positive control: an unknown name is its own clear error, and an open one works.
    response = client.post(reverse("works:new"), work_data(author, **{"assoc-collections": "nowhere"}))
    assert "There's no collection called nowhere" in html.unescape(response.content.decode())
    Collection.objects.create(name="open_jar", title="Open Jar", owner=owner)
    client.post(reverse("works:new"), work_data(author, **{"assoc-collections": "open_jar"}))
    assert Work.objects.count() == 1


def test_moderated_collection_approves_a_submission(owner, author, reader, client):
    collection = Collection.objects.create(name="juried", title="Juried Show", owner=owner, moderated=True)
    work = make_work(author, "Pressed Flowers")
    add_work_to_collection(work, collection, by=author)
    works_url = reverse("collections:works", args=[collection.name])
    client.force_login(reader)
    assert "Pressed Flowers" not in client.get(works_url).content.decode()
    # The maintainers are told, and the queue lists it.
    assert Notification.objects.filter(user=owner, headline__contains="waiting for approval").exists()
    client.force_login(owner)
    queue = client.get(reverse("collections:queue", args=[collection.name])).content.decode()
    assert "Pressed Flowers" in queue
    item = CollectionItem.objects.get(work=work)
    client.post(reverse("collections:item_moderate", args=[collection.name, item.pk]), {"action": "approve"})
    client.force_login(reader)
    assert "Pressed Flowers" in client.get(works_url).content.decode()
    assert Notification.objects.filter(user=author, headline__contains="approved into Juried Show").exists()
    # Only maintainers see the queue.
    assert client.get(reverse("collections:queue", args=[collection.name])).status_code == 403


def test_maintainer_invites_and_the_author_accepts(owner, author, client):
    collection = Collection.objects.create(name="invited", title="By Invitation", owner=owner)
    work = make_work(author, "Cartographer's Daughter")
    client.force_login(owner)
    client.post(reverse("collections:queue", args=[collection.name]), {"work": work.get_absolute_url()})
    item = CollectionItem.objects.get(work=work)
    assert item.author_state == ItemState.PENDING
    works_url = reverse("collections:works", args=[collection.name])
    assert "Cartographer" not in client.get(works_url).content.decode()
    client.force_login(author)
    assert Notification.objects.filter(user=author, headline__contains="invites your work").exists()
    page = client.get(reverse("collections:invitations")).content.decode()
    assert "By Invitation" in page
    client.post(reverse("collections:invitation_answer", args=[item.pk]), {"action": "accept"})
    assert "Cartographer" in html.unescape(client.get(works_url).content.decode())


def test_strangers_cannot_add_someone_elses_work(owner, author, reader, db):
    from quire.collections.services import Refused

    collection = Collection.objects.create(name="open", title="Open", owner=owner)
    work = make_work(author, "Not Yours")
    with pytest.raises(Refused):
        add_work_to_collection(work, collection, by=reader)
    assert add_work_to_collection(work, collection, by=author).is_approved


def test_bookmarks_join_a_collection(owner, reader, author, client):
    collection = Collection.objects.create(name="recs", title="Recs", owner=owner)
    work = make_work(author, "A Well-Kept Secret")
    bookmark = Bookmark.objects.create(user=reader, work=work, notes="Read this twice.")
    client.force_login(reader)
    page = client.get(collection.get_absolute_url()).content.decode()
    assert "Add one of your bookmarks" in page
    client.post(reverse("collections:bookmark_add", args=[collection.name]), {"bookmark": bookmark.pk})
    listing = client.get(reverse("collections:bookmarks", args=[collection.name])).content.decode()
    assert "A Well-Kept Secret" in listing and "corin" in listing


def test_sub_collection_works_show_in_the_parent(owner, author, client):
    parent = Collection.objects.create(name="festival", title="Festival", owner=owner)
    child = Collection.objects.create(name="festival_day1", title="Day 1", owner=owner, parent=parent)
    add_work_to_collection(make_work(author, "Lanterns on Day One"), child, by=author)
    assert "Lanterns on Day One" in client.get(reverse("collections:works", args=[parent.name])).content.decode()
    assert "Lanterns on Day One" in client.get(reverse("collections:feed", args=[parent.name])).content.decode()


def test_work_in_anonymous_collection_for_the_posting_policy(owner, author, db):
    anon = Collection.objects.create(name="masked", title="Masked", owner=owner, anonymous=True)
    plain = Collection.objects.create(name="plain", title="Plain", owner=owner)
    work = make_work(author, "Who Wrote This")
    add_work_to_collection(work, plain, by=author)
    assert not work_in_anonymous_collection(work)
    add_work_to_collection(work, anon, by=author)
    assert work_in_anonymous_collection(work)


def test_a_search_saved_on_a_collections_page_keeps_the_collection(owner, author, reader, client):
    from quire.search.models import SavedSearch

    collection = Collection.objects.create(name="harvest_week", title="Harvest Week", owner=owner)
    add_work_to_collection(make_work(author, "Inside Work"), collection, by=author)
    make_work(author, "Outside Work")
    client.force_login(reader)
    listing = client.get(reverse("collections:works", args=[collection.name])).content.decode()
    assert "Inside Work" in listing and "Outside Work" not in listing
    query = html.unescape(listing.split('name="query" value="')[1].split('"')[0])
    client.post(reverse("search:save_search"), {"name": "Harvest", "query": query})
    saved = SavedSearch.objects.get()
    results = client.get(reverse("search:works") + "?" + saved.query_string).content.decode()
    assert "Inside Work" in results and "Outside Work" not in results


def test_adding_an_invited_work_from_the_work_form_accepts_the_invitation(owner, author, db):
    collection = Collection.objects.create(name="invited", title="By Invitation", owner=owner, moderated=True)
    work = make_work(author, "Asked For")
    item = add_work_to_collection(work, collection, by=owner)
    assert item.author_state == ItemState.PENDING and not item.is_approved
    add_work_to_collection(work, collection, by=author)
    item.refresh_from_db()
    assert item.is_approved
