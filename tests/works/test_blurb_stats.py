"""Work blurbs show what AO3's do: kudos, hits, comments and bookmarks counts, the
updated date, and the language by name."""

import re

from django.urls import reverse

from quire.interactions.models import WorkStats
from tests.factories import make_work


def blurb_of(client, work) -> str:
    page = client.get(reverse("works:index")).content.decode()
    start = page.index(f'id="work_{work.pk}"')
    return page[start: page.index("</dl>", start)]


def test_a_blurb_shows_counts_dates_and_the_language_name(client, author):
    work = make_work(author, "Counted", language="de")
    for field, n in (("kudos", 12), ("hits", 345), ("comments", 3), ("bookmarks", 2)):
        WorkStats.bump(work.pk, field, n)
    blurb = blurb_of(client, work)
    assert re.search(r"<dt>Kudos:</dt><dd><a [^>]*>12</a></dd>", blurb)
    assert "<dt>Hits:</dt><dd>345</dd>" in blurb
    assert re.search(r"<dt>Comments:</dt><dd><a [^>]*>3</a></dd>", blurb)
    assert f'href="{reverse("interactions:work_bookmarks", args=[work.pk])}">2</a>' in blurb
    assert '<dd lang="de">Deutsch</dd>' in blurb
    assert re.search(r"<dt>Updated:</dt><dd><time datetime=", blurb)


def test_a_work_nobody_has_touched_shows_zeros_and_english_by_name(client, author):
    blurb = blurb_of(client, make_work(author, "Quiet"))
    assert "<dt>Hits:</dt><dd>0</dd>" in blurb
    assert '<dd lang="en">English</dd>' in blurb and ">en<" not in blurb
