"""Bookmark listings as AO3 shows them: the work's blurb (creator, fandom, tags,
summary, stats), the bookmarker's note, rec and tags as links; and bookmarks are
searched by words and filtered by the bookmarker's tags and recs."""

import re

from django.urls import reverse

from quire.interactions import tracking
from tests.factories import make_user, make_work


def bookmarks_page(client, username="corin", **params) -> str:
    response = client.get(reverse("interactions:bookmarks", args=[username]), params)
    assert response.status_code == 200
    return response.content.decode()


def titles(page: str) -> list[str]:
    return re.findall(r'<h3><a href="/works/\d+/">([^<]+)</a>', page)


def shelf(author, reader):
    lantern = make_work(author, "The Lantern Ledger", fandoms=("Harbour Lights",), characters=("Mira Quell",),
                        summary="Two keepers count the ships.")  # fmt: skip
    orchard = make_work(author, "Orchard Walk", fandoms=("Mountain Songs",))
    tide = make_work(author, "Tide Tables", fandoms=("Harbour Lights",))
    tracking.save_bookmark(reader, work=lantern, notes="Reread every autumn.", tags="comfort, slow burn", rec=True,
                           private=False)  # fmt: skip
    tracking.save_bookmark(reader, work=orchard, notes="Sheep and silence.", tags="Comfort", rec=False, private=False)
    tracking.save_bookmark(reader, work=tide, notes="", tags="reference", rec=True, private=False)
    return lantern, orchard, tide


def test_a_bookmark_shows_the_works_blurb_and_the_bookmarkers_part(client, author, reader):
    lantern, _, _ = shelf(author, reader)
    page = bookmarks_page(client)
    item = page[page.index(f'id="work_{lantern.pk}"'):]
    item = item[: item.index("</li>\n</ol>") + 400]
    assert 'href="/users/amara/' in item or ">amara<" in item  # the creator
    assert ">Harbour Lights</a>" in item and ">Mira Quell</a>" in item  # fandom and tags as links
    assert "Two keepers count the ships." in item  # the summary
    assert "Words:" in page and "Kudos:" in page  # the blurb's stats
    assert "Reread every autumn." in page  # the bookmarker's note
    assert 'class="badge rec"' in page
    tag_link = reverse("interactions:bookmarks", args=["corin"]) + "?tag=slow%20burn"
    assert f'<a href="{tag_link}">slow burn</a>' in page


def test_bookmarks_filter_by_the_bookmarkers_tag_any_case(client, author, reader):
    shelf(author, reader)
    assert sorted(titles(bookmarks_page(client, tag="comfort"))) == ["Orchard Walk", "The Lantern Ledger"]
    # A whole tag only: "comfort" does not match a tag "comfortable" or part of another.
    assert titles(bookmarks_page(client, tag="slow burn")) == ["The Lantern Ledger"]
    assert titles(bookmarks_page(client, tag="slow")) == []
    assert len(titles(bookmarks_page(client))) == 3  # positive control: no filter, everything


def test_bookmarks_filter_by_rec_and_search_notes(client, author, reader):
    shelf(author, reader)
    assert sorted(titles(bookmarks_page(client, rec="1"))) == ["The Lantern Ledger", "Tide Tables"]
    assert titles(bookmarks_page(client, q="autumn")) == ["The Lantern Ledger"]
    assert titles(bookmarks_page(client, q="sheep", rec="1")) == []
    assert titles(bookmarks_page(client, q="sheep")) == ["Orchard Walk"]
    page = bookmarks_page(client, q="autumn")
    assert "1 bookmark matching your filters" in page and "Show all bookmarks" in page


def test_filters_survive_paging(client, author, reader):
    for n in range(22):
        work = make_work(author, f"Story {n:02d}")
        tracking.save_bookmark(reader, work=work, notes="", tags="pile", rec=False, private=False)
    page = bookmarks_page(client, tag="pile")
    assert "Page 1 of 2" in page
    assert 'href="?tag=pile&amp;page=2"' in page


def test_another_readers_private_bookmarks_stay_out_of_search(client, author, reader):
    shelf(author, reader)
    other = make_user("ember")
    secret = make_work(author, "Secret Autumn")
    tracking.save_bookmark(other, work=secret, notes="autumn again", tags="comfort", rec=False, private=True)
    assert titles(bookmarks_page(client, "ember", q="autumn")) == []
    # Positive control: its owner finds it.
    client.force_login(other)
    assert titles(bookmarks_page(client, "ember", q="autumn")) == ["Secret Autumn"]
