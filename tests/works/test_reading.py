"""Reading a work: chapter by chapter, entire, the adult-content warning, and lists."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quire.works import services
from quire.works.models import Chapter
from tests.factories import make_work

CHAPTERS = ["The tide came in at dawn.", "The tide went out at noon.", "The tide turned at dusk."]


@pytest.fixture
def work(author):
    return make_work(author, "Three Tides", chapters=CHAPTERS, notes_end="Thanks for reading the tides.")


def test_work_opens_at_the_first_chapter_with_next_link(client, work):
    page = client.get(work.get_absolute_url()).content.decode()
    assert CHAPTERS[0] in page and CHAPTERS[1] not in page
    second = work.chapters.get(position=2)
    assert f'href="{second.get_absolute_url()}">Next chapter' in page
    assert "Chapters: 3/?" in page  # no total announced yet
    assert "Thanks for reading the tides." not in page  # the work's end notes come after the last chapter


def test_last_chapter_has_previous_link_and_end_notes(client, work):
    last = work.chapters.get(position=3)
    page = client.get(last.get_absolute_url()).content.decode()
    assert CHAPTERS[2] in page and "← Previous chapter" in page and "Next chapter" not in page
    assert "Thanks for reading the tides." in page


def test_entire_work_shows_every_chapter_in_order(client, work):
    page = client.get(work.get_absolute_url() + "?view_full_work=true").content.decode()
    assert page.index(CHAPTERS[0]) < page.index(CHAPTERS[1]) < page.index(CHAPTERS[2])
    assert page.index(CHAPTERS[2]) < page.index("Thanks for reading the tides.")


def test_reader_preference_opens_the_entire_work(login, reader, work):
    reader.view_full_work = True
    reader.save()
    page = login(reader).get(work.get_absolute_url()).content.decode()
    assert CHAPTERS[2] in page


def test_chapter_menu_works_without_javascript(client, work):
    third = work.chapters.get(position=3)
    response = client.get(work.get_absolute_url(), {"chapter": third.pk})
    assert response.status_code == 302 and response.url == third.get_absolute_url()


def test_chapter_index_lists_published_chapters(client, work):
    page = client.get(reverse("works:navigate", args=[work.pk])).content.decode()
    for chapter in work.chapters.all():
        assert chapter.get_absolute_url() in page


def test_scheduled_chapter_is_invisible_to_readers_but_shown_to_its_author(client, login, author, work):
    chapter = Chapter.objects.create(work=work, position=4, text="The fourth tide is a secret.")
    services.schedule_chapter(chapter, timezone.now() + timedelta(days=1))
    for url in (work.get_absolute_url() + "?view_full_work=true", reverse("works:navigate", args=[work.pk])):
        assert "The fourth tide is a secret." not in client.get(url).content.decode()
    assert client.get(chapter.get_absolute_url()).status_code == 404
    own = login(author).get(chapter.get_absolute_url()).content.decode()
    assert "The fourth tide is a secret." in own and "Scheduled:" in own


@pytest.mark.parametrize("rating", ["Mature", "Explicit"])
def test_adult_work_asks_before_showing_text(client, author, rating):
    work = make_work(author, "After Midnight", rating=rating, chapters=["Grown-up words here."])
    page = client.get(work.get_absolute_url()).content.decode()
    assert "This work could have adult content." in page and "Grown-up words here." not in page
    page = client.get(work.get_absolute_url() + "?view_adult=true").content.decode()
    assert "Grown-up words here." in page
    # The answer is remembered for the rest of the visit.
    assert "Grown-up words here." in client.get(work.get_absolute_url()).content.decode()


def test_adult_warning_skipped_for_readers_who_chose_so(login, reader, author):
    work = make_work(author, "After Midnight", rating="Explicit", chapters=["Grown-up words here."])
    reader.show_adult = True
    reader.save()
    assert "Grown-up words here." in login(reader).get(work.get_absolute_url()).content.decode()


def test_general_work_has_no_adult_warning(client, work):
    page = client.get(work.get_absolute_url()).content.decode()
    assert "The tide came in at dawn." in page  # straight to the text
    assert "adult content" not in page


def test_hide_creator_style_preference_marks_the_page(login, reader, work):
    reader.hide_creator_style = True
    reader.save()
    assert "no-creator-style" in login(reader).get(work.get_absolute_url()).content.decode()


def test_works_index_is_newest_first_and_paginated(client, author):
    for n in range(23):
        make_work(author, f"Index Work {n:02d}")
    first = client.get(reverse("works:index")).content.decode()
    assert "Index Work 22" in first and "Index Work 02" not in first
    assert "Page 1 of 2" in first
    second = client.get(reverse("works:index"), {"page": 2}).content.decode()
    assert "Index Work 02" in second and "Index Work 22" not in second


def test_works_index_query_count_does_not_grow_with_works(client, author, django_assert_max_num_queries):
    for n in range(20):
        make_work(author, f"Counted {n}", characters=("Ada", "Bea"), freeforms=("Fluff",))
    client.get(reverse("works:index"))  # the search index is built at the first search
    with django_assert_max_num_queries(8):
        response = client.get(reverse("works:index"))
    assert response.content.decode().count('class="blurb"') == 20


def test_missing_chapter_is_a_404(client, work):
    assert client.get(reverse("works:chapter", args=[work.pk, 999999])).status_code == 404


def test_series_page_offers_bookmark_and_subscribe_to_readers(login, reader, author):
    from quire.works.models import Series
    from quire.works.services import set_series

    work = make_work(author, "Part One")
    series = Series.objects.create(title="The Long Tides")
    series.creators.add(author.default_pseud)
    set_series(work, series)
    client = login(reader)
    page = client.get(series.get_absolute_url()).content.decode()
    assert "Bookmark series" in page and "Subscribe to series" in page and "Edit series" not in page
    client.post(reverse("interactions:subscribe", args=["series", series.pk]), {"action": "subscribe"})
    assert "Unsubscribe from series" in client.get(series.get_absolute_url()).content.decode()
    response = client.get(reverse("interactions:bookmark", args=["series", series.pk]))
    assert response.status_code == 200


def test_blurb_tag_links_are_escaped_and_lead_to_their_tags(client, author):
    from quire.tags.models import Tag

    make_work(author, "Marked Up", fandoms=("Smash (TV)", "Glee"), freeforms=("<b>Bold</b> & Brave",))
    page = client.get(reverse("works:index")).content.decode()
    tag = Tag.objects.get(name="<b>Bold</b> & Brave")
    assert f'<li class="freeforms"><a href="/tags/{tag.pk}/">&lt;b&gt;Bold&lt;/b&gt; &amp; Brave</a></li>' in page
    assert "<b>Bold</b>" not in page
    fandoms = [Tag.objects.get(name=n) for n in ("Glee", "Smash (TV)")]
    assert ", ".join(f'<a href="/tags/{t.pk}/">{t.name}</a>' for t in fandoms) in page
