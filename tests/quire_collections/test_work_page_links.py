"""A work page asks once whether anything links to the work, and reads collections,
gifts, prompt fills and related works only when something does."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from quire.collections import services
from quire.collections.models import Collection
from tests.factories import make_user, make_work


def _link_queries(client, work) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(work.get_absolute_url()).content.decode()
    return page, sum("quire_collections_" in q["sql"] for q in queries.captured_queries)


def test_a_work_nothing_links_to_costs_one_query_for_its_links(client, author):
    page, asked = _link_queries(client, make_work(author))
    assert "Collections:" not in page
    assert asked == 1


def test_a_work_in_a_collection_still_shows_it(client, author):
    owner = make_user("olive")
    collection = Collection.objects.create(name="harvest_week", title="Harvest Week", owner=owner)
    work = make_work(author)
    services.add_work_to_collection(work, collection, by=author)
    page, asked = _link_queries(client, work)
    assert "Collections:" in page and "Harvest Week" in page
    assert asked > 1
