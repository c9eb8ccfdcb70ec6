"""The eFiction printable page FanFicFare parses (its generic adapter's layout; the
real FanFicFare round trip runs in .ci/downloads.sh)."""

import re

from tests.factories import make_work


def printable(client, work, chapter="all"):
    return client.get("/viewstory.php", {"sid": work.pk, "action": "printable", "textsize": 0, "chapter": chapter})


def test_the_printable_page_has_title_author_labels_and_every_chapter(client, author):
    work = make_work(author, "The Lighthouse Keeper", chapters=["Dusk.", "Midnight."], characters=("Tamsin Hale",))
    page = printable(client, work).content.decode()
    pseud = author.default_pseud
    assert (
        f'<div id="pagetitle"><a href="viewstory.php?sid={work.pk}">The Lighthouse Keeper</a> by '
        f'<a href="viewuser.php?uid={pseud.pk}">amara</a></div>'
    ) in page
    for label in ["Rated:</span> General Audiences", "Characters:</span> Tamsin Hale", "Word count:</span> 2"]:
        assert label in page
    assert re.search(r"Published:</span> \d{2} \w{3} \d{4}", page)
    assert '<b>1.</b> <a href="#1">Chapter 1</a>' in page and '<b>2.</b> <a href="#2">Chapter 2</a>' in page
    assert (
        page.index('<a name="1"></a>') < page.index("Dusk.") < page.index('<a name="2"></a>') < page.index("Midnight.")
    )


def test_one_chapter_can_be_asked_for(client, author):
    work = make_work(author, chapters=["Dusk.", "Midnight."])
    page = printable(client, work, chapter=2).content.decode()
    assert "Midnight." in page and "Dusk." not in page


def test_an_anonymous_work_shows_anonymous_as_author(client, author):
    work = make_work(author, anonymous=True)
    page = printable(client, work).content.decode()
    assert '<a href="viewuser.php?uid=0">Anonymous</a>' in page and "amara" not in page


def test_visibility_applies_to_the_compatibility_page(client, author):
    assert printable(client, make_work(author, draft=True)).status_code == 404
    assert printable(client, make_work(author, restricted=True)).status_code == 403


def test_a_person_following_a_viewstory_link_lands_on_the_work(client, author):
    work = make_work(author)
    response = client.get("/viewstory.php", {"sid": work.pk})
    assert response.status_code == 302 and response["Location"] == work.get_absolute_url()
    user_link = client.get("/viewuser.php", {"uid": author.default_pseud.pk})
    assert user_link["Location"] == author.default_pseud.get_absolute_url()


def test_a_work_without_a_summary_sends_no_summary_label(client, author):
    """FanFicFare stored the placeholder word "None" as the book's description."""
    bare = printable(client, make_work(author, "Bare")).content.decode()
    assert "Summary:" not in bare
    summed = printable(client, make_work(author, "Summed", summary="Two keepers count ships.")).content.decode()
    assert '<span class="label">Summary:</span> <p>Two keepers count ships.</p>' in summed
