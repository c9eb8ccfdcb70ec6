"""The works list's filter sidebar: include and exclude tags with counts,
crossovers, completion, word counts, dates, language, sorts, paging."""

import re
from datetime import UTC

import pytest
from django.urls import reverse

from quire.tags import wrangling
from quire.tags.models import Tag
from tests.factories import make_work


@pytest.fixture
def smash(author):
    """Three works in Smash (TV): two with Ivy, one with Karen; one crossover."""
    make_work(author, "Understudy", fandoms=("Smash (TV)",), characters=("Ivy Lynn",), freeforms=("Angst",))
    make_work(author, "Opening Night", fandoms=("Smash (TV)",), characters=("Ivy Lynn", "Karen Cartwright"))
    make_work(
        author,
        "Two Stages",
        fandoms=("Smash (TV)", "Glee"),
        characters=("Karen Cartwright",),
        chapters=["one two three four five six"],
    )
    return Tag.objects.get(name="Smash (TV)")


def titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/works/\d+/">([^<]+)</a>', html)


def tag_id(name):
    return Tag.objects.get(name=name).pk


def test_a_fandom_page_shows_counts_for_tags_in_its_works(client, smash):
    page = client.get(reverse("search:tag_works", args=[smash.pk])).content.decode()
    assert "3 works" in page
    assert "Ivy Lynn (2)" in page and "Karen Cartwright (2)" in page and "Angst (1)" in page


def test_including_a_tag_narrows_the_results_and_the_counts(client, smash):
    url = reverse("search:tag_works", args=[smash.pk])
    page = client.get(url, {"include": tag_id("Ivy Lynn")}).content.decode()
    assert sorted(titles(page)) == ["Opening Night", "Understudy"]
    assert "2 works" in page and "Karen Cartwright (1)" in page


def test_excluding_a_tag_removes_its_works(client, smash):
    url = reverse("search:tag_works", args=[smash.pk])
    page = client.get(url, {"exclude": tag_id("Karen Cartwright")}).content.decode()
    assert titles(page) == ["Understudy"]
    assert "1 work" in page


def test_other_tags_can_be_included_by_name(client, smash):
    page = client.get(reverse("works:index"), {"include_names": "Angst"}).content.decode()
    assert titles(page) == ["Understudy"]


def test_an_unknown_tag_name_matches_nothing_and_says_so(client, smash):
    page = client.get(reverse("works:index"), {"include_names": "No Such Tag"}).content.decode()
    assert titles(page) == [] and "There is no tag called" in page


def test_crossovers_can_be_left_out_or_shown_alone(client, smash):
    url = reverse("search:tag_works", args=[smash.pk])
    assert titles(client.get(url, {"crossover": "only"}).content.decode()) == ["Two Stages"]
    assert "Two Stages" not in titles(client.get(url, {"crossover": "exclude"}).content.decode())


def test_complete_and_in_progress(client, author):
    make_work(author, "Finished", expected_chapters=1)
    make_work(author, "Ongoing")
    assert titles(client.get(reverse("works:index"), {"complete": "complete"}).content.decode()) == ["Finished"]
    assert titles(client.get(reverse("works:index"), {"complete": "in_progress"}).content.decode()) == ["Ongoing"]


def test_word_count_range_and_language(client, author):
    make_work(author, "Short", chapters=["tiny story"])
    make_work(author, "Longer", chapters=[" ".join(["word"] * 50)], language="fr")
    assert titles(client.get(reverse("works:index"), {"words_from": "10"}).content.decode()) == ["Longer"]
    assert titles(client.get(reverse("works:index"), {"words_to": "10"}).content.decode()) == ["Short"]
    assert titles(client.get(reverse("works:index"), {"language": "fr"}).content.decode()) == ["Longer"]


def test_updated_date_range(client, author):
    from datetime import datetime

    old = make_work(author, "Old News")
    make_work(author, "Fresh")
    type(old).objects.filter(pk=old.pk).update(updated_at=datetime(2020, 5, 1, tzinfo=UTC))
    page = client.get(reverse("works:index"), {"updated_to": "2021-01-01"}).content.decode()
    assert titles(page) == ["Old News"]
    page = client.get(reverse("works:index"), {"updated_from": "2021-01-01"}).content.decode()
    assert titles(page) == ["Fresh"]


@pytest.mark.parametrize(
    "sort,expected",
    [
        ("title", ["Alpha", "Beta", "Gamma"]),
        ("words", ["Gamma", "Beta", "Alpha"]),
        ("updated", ["Gamma", "Beta", "Alpha"]),
    ],
)
def test_sorts(client, author, sort, expected):
    make_work(author, "Alpha", chapters=["one"])
    make_work(author, "Beta", chapters=["one two"])
    make_work(author, "Gamma", chapters=["one two three"])
    assert titles(client.get(reverse("works:index"), {"sort": sort}).content.decode()) == expected


def test_sort_by_creator(client, author, reader):
    make_work(reader, "By Corin")
    make_work(author, "By Amara")
    assert titles(client.get(reverse("works:index"), {"sort": "creator"}).content.decode()) == ["By Amara", "By Corin"]


def test_filters_survive_paging_and_totals_are_exact(client, author):
    for n in range(45):
        make_work(author, f"Many {n:02d}", freeforms=("Fluff",) if n % 2 else ())
    page = client.get(reverse("works:index"), {"include_names": "Fluff", "page": 2}).content.decode()
    assert "22 works" in page and "Page 2 of 2" in page
    assert "include_names=Fluff" in page  # the Previous link keeps the filter
    assert len(titles(page)) == 2


def test_a_page_past_the_end_says_how_many_pages_there_are(client, author):
    make_work(author)
    page = client.get(reverse("works:index"), {"page": 9}).content.decode()
    assert "There is only 1 page." in page


def test_filtering_on_a_canonical_tag_finds_its_synonyms_works(client, author):
    make_work(author, "Tagged Ivy", characters=("Ivy",))
    ivy_lynn = Tag.objects.create(name="Ivy Lynn", type="character", canonical=True)
    wrangling.make_synonym(Tag.objects.get(name="Ivy"), ivy_lynn, None)
    page = client.get(reverse("search:tag_works", args=[ivy_lynn.pk])).content.decode()
    assert titles(page) == ["Tagged Ivy"]


def test_restricted_works_are_neither_listed_nor_counted_for_guests(client, author, login):
    make_work(author, "Open", fandoms=("Smash (TV)",), characters=("Ivy Lynn",))
    make_work(author, "Members", fandoms=("Smash (TV)",), characters=("Ivy Lynn",), restricted=True)
    make_work(author, "Unposted", fandoms=("Smash (TV)",), characters=("Ivy Lynn",), draft=True)
    url = reverse("search:tag_works", args=[tag_id("Smash (TV)")])
    guest = client.get(url).content.decode()
    assert titles(guest) == ["Open"] and "Ivy Lynn (1)" in guest
    signed_in = login(author).get(url).content.decode()
    assert sorted(titles(signed_in)) == ["Members", "Open"] and "Ivy Lynn (2)" in signed_in


def test_works_list_query_count_is_fixed(client, author, django_assert_max_num_queries):
    for n in range(25):
        make_work(author, f"Counted {n}", characters=("Ada", "Bea"), freeforms=("Fluff",))
    client.get(reverse("works:index"))  # the search index is built at the first search
    # SQL: count, page of ids, facets; bitmap: the change log. Then facet tag names, the
    # works with their tags, creators and series, and the tag named in "Other tags to include".
    with django_assert_max_num_queries(9):
        response = client.get(reverse("works:index"), {"include_names": "Fluff", "sort": "words"})
    assert response.content.decode().count('class="blurb"') == 20
