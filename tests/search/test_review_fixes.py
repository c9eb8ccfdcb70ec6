"""What a reader sees when a listing gets odd input: NUL characters, numbers too
big for any database, entities and markup in chapter text; and which tags
autocomplete will name."""

import pytest
from django.db import connection
from django.urls import reverse

from quire.tags.models import Tag
from tests.factories import make_user, make_work
from tests.search.test_text_search import search, titles


def test_a_nul_in_the_search_box_is_ignored_not_a_server_error(client, author):
    make_work(author, "Quiet One", chapters=["The understudy sang in the wings."])
    response = client.get(reverse("search:works"), {"q": "wi\x00ngs"})
    assert response.status_code == 200
    assert titles(response.content.decode()) == ["Quiet One"]


@pytest.mark.parametrize("field", ["include_names", "exclude_names", "language", "words_from", "sort"])
def test_a_nul_in_any_filter_field_is_not_a_server_error(client, author, field):
    make_work(author, "Quiet One", freeforms=("Angst",))
    response = client.get(reverse("search:works"), {field: "Ang\x00st"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"include": "99999999999999999999999"},
        {"exclude": "99999999999999999999999"},
        {"page": "99999999999999999999999"},
        {"include": "²"},
        {"page": "²"},
        {"words_from": "99999999999999999999999"},
    ],
)
def test_huge_or_odd_numbers_in_a_works_list_are_ignored(client, author, params):
    make_work(author, "Quiet One")
    response = client.get(reverse("search:works"), params)
    assert response.status_code == 200
    assert "Quiet One" in response.content.decode()


def test_a_huge_include_on_a_tag_works_page_is_ignored(client, author):
    make_work(author, "Quiet One", fandoms=("Smash (TV)",))
    fandom = Tag.objects.get(name="Smash (TV)")
    fandom.canonical = True
    fandom.save()
    response = client.get(reverse("search:tag_works", args=[fandom.pk]), {"include": "99999999999999999999999"})
    assert response.status_code == 200
    assert "Quiet One" in response.content.decode()


def snippet_of(page: str) -> str:
    snippet = page[page.index('class="search-snippet"') :]
    return snippet[: snippet.index("</li>")]


def test_an_ampersand_in_chapter_text_is_escaped_once_in_the_snippet(client, author):
    make_work(author, "Cartoon", chapters=["In the kitchen, Tom & Jerry chased each other."])
    snippet = snippet_of(search(client, "kitchen"))
    assert "Tom &amp; Jerry" in snippet
    assert "&amp;amp;" not in snippet


def test_a_script_written_in_chapter_text_never_comes_out_as_a_live_script(client, author):
    make_work(author, "Sneaky", chapters=["In the pantry <script>alert(1)</script> & then pantry again."])
    snippet = snippet_of(search(client, "pantry"))
    assert "<script" not in snippet
    assert "alert(1)" in snippet and "&amp; then" in snippet
    if connection.vendor == "sqlite":  # PostgreSQL's ts_headline drops tag-like text on its own
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet


def autocomplete(client, term):
    return [t["name"] for t in client.get(reverse("search:autocomplete_tags"), {"term": term}).json()["tags"]]


def test_autocomplete_does_not_name_a_tag_used_only_on_a_draft_or_hidden_work(client, author, login):
    make_work(author, "Secret Plans", freeforms=("Surprise Party For Sam",), draft=True)
    make_work(author, "Taken Down", freeforms=("Surprise Hidden Thing",), hidden=True)
    make_work(author, "Members", freeforms=("Surprise Members Only",), restricted=True)
    make_work(author, "Public", freeforms=("Surprise Public Tag",))
    Tag.objects.create(name="Surprise Canonical", type="freeform", canonical=True)
    assert autocomplete(client, "Surprise") == ["Surprise Canonical", "Surprise Public Tag"]
    reader = make_user("corin")
    assert autocomplete(login(reader), "Surprise") == [
        "Surprise Canonical",
        "Surprise Members Only",
        "Surprise Public Tag",
    ]


def sidebar(html: str) -> str:
    return html[html.index('<form class="filters"') :]


def test_the_filter_sidebar_is_folded_until_something_is_ticked(client, author):
    make_work(author, "Quiet One", freeforms=("Angst",), characters=("Ivy",))
    page = sidebar(client.get(reverse("search:works")).content.decode())
    assert "<details" in page and "<details open" not in page and " open>" not in page
    assert page.count("<button>Sort and Filter</button>") == 2
    assert page.index("<button>Sort and Filter</button>") < page.index("<details")

    angst = Tag.objects.get(name="Angst")
    page = sidebar(client.get(reverse("search:works"), {"include": angst.pk}).content.decode())
    include = page[page.index("<legend>Include</legend>") : page.index('class="facet-exclude"')]
    assert '<details class="facet" open>\n      <summary>Additional Tags</summary>' in include
    assert '<details class="facet">\n      <summary>Characters</summary>' in include
    assert '<details class="facet-exclude">' in page

    page = sidebar(client.get(reverse("search:works"), {"exclude": angst.pk}).content.decode())
    assert '<details class="facet-exclude" open>' in page


def test_each_sidebar_group_offers_its_ten_biggest_tags_and_the_rest_by_name(client, author):
    for n in range(12):
        make_work(author, f"Work {n}", freeforms=tuple(f"Trope {k:02}" for k in range(n + 1)))
    page = sidebar(client.get(reverse("search:works")).content.decode())
    include = page[page.index("<legend>Include</legend>") : page.index('class="facet-exclude"')]
    offered = [f"Trope {k:02}" for k in range(12) if f">Trope {k:02} (" in include]
    assert offered == [f"Trope {k:02}" for k in range(10)]
    # A tag left out of the list is still one a reader can filter by, by name.
    response = client.get(reverse("search:works"), {"include_names": "Trope 11"})
    assert titles(response.content.decode()) == ["Work 11"]
    response = client.get(reverse("search:works"), {"include": Tag.objects.get(name="Trope 11").pk})
    assert ">Trope 11 (1)</label>" in sidebar(response.content.decode())


def test_after_excluding_a_tag_an_https_reader_is_not_sent_to_a_plain_http_next(author, login):
    make_work(author, freeforms=("Angst",))
    client = login(author)
    url = reverse("search:add_exclusion")
    response = client.post(url, {"name": "Angst", "next": "http://testserver/fandoms/"}, secure=True)
    assert response.url == reverse("search:saved_filters")
    response = client.post(url, {"name": "Angst", "next": "/fandoms/"}, secure=True)
    assert response.url == "/fandoms/"


def test_a_tag_id_or_name_in_the_address_never_names_a_private_tag(client, author, login):
    """Issue 10: `/search/?include=ID` named a tag used only on a draft in the sidebar,
    and a typed name was "found" (no "There is no tag" warning). Ids and names now
    resolve through the same rule as autocomplete."""
    make_work(author, "Secret Plans", freeforms=("Surprise Party For Sam",), draft=True)
    make_work(author, "Public", freeforms=("Surprise Public Tag",))
    private = Tag.objects.get(name="Surprise Party For Sam")
    public = Tag.objects.get(name="Surprise Public Tag")
    for params in ({"include": private.pk}, {"exclude": private.pk}):
        assert "Surprise Party For Sam" not in client.get(reverse("search:works"), params).content.decode()
    page = client.get(reverse("search:works"), {"include_names": "Surprise Party For Sam"}).content.decode()
    assert "There is no tag called “Surprise Party For Sam”" in page
    # Positive controls: a public tag is named, and a members-only tag is named to members.
    assert "Surprise Public Tag" in client.get(reverse("search:works"), {"include": public.pk}).content.decode()
    make_work(author, "Members", freeforms=("Surprise Members Only",), restricted=True)
    members = Tag.objects.get(name="Surprise Members Only")
    assert "Surprise Members Only" not in client.get(reverse("search:works"), {"include": members.pk}).content.decode()
    member_page = login(make_user("corin")).get(reverse("search:works"), {"include": members.pk})
    assert "Surprise Members Only" in member_page.content.decode()


def test_a_saved_exclusion_by_id_or_name_never_confirms_a_private_tag(author, login):
    from quire.search.models import SavedExclusion

    make_work(author, "Taken Down", freeforms=("Hidden Thing",), hidden=True)
    private = Tag.objects.get(name="Hidden Thing")
    c = login(make_user("corin"))
    by_id = c.post(reverse("search:add_exclusion"), {"tag": private.pk}, follow=True).content.decode()
    by_name = c.post(reverse("search:add_exclusion"), {"name": "Hidden Thing"}, follow=True).content.decode()
    assert "Hidden Thing" not in by_id and "Choose a tag to exclude." in by_id
    assert "There is no tag called" in by_name
    assert not SavedExclusion.objects.exists()
    # Positive control: its creator may exclude it.
    login(author).post(reverse("search:add_exclusion"), {"tag": private.pk})
    assert SavedExclusion.objects.filter(tag=private).exists()
