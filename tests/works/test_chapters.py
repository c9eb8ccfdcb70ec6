"""Adding, editing, previewing, reordering and deleting chapters."""

import html

import pytest
from django.urls import reverse

from quire.works.models import Chapter, ChapterState, Work
from tests.factories import make_work


def chapter_data(**overrides) -> dict:
    data = {
        "title": "",
        "notes_begin": "",
        "notes_end": "",
        "text_format": "plain",
        "text": "",
        "action": "post",
        "publish_at": "",
        "submit": "save",
    }
    data.update(overrides)
    return data


@pytest.fixture
def three_chapters(author):
    return make_work(author, chapters=["First words.", "Second chapter words.", "Third and last."])


def positions(work: Work) -> list[str]:
    return [c.text for c in work.chapters.order_by("position")]


def test_a_draft_chapter_stays_hidden_from_readers_until_posted(author, reader, login, client):
    work = make_work(author)
    c = login(author)
    c.post(
        reverse("works:chapter_new", args=[work.pk]), chapter_data(text="Secret draft words.", action="draft")
    )
    chapter = work.chapters.get(position=2)
    assert chapter.state == ChapterState.DRAFT
    work.refresh_from_db()
    assert work.chapter_count == 1

    client.force_login(reader)
    assert (
        "Secret draft words."
        not in client.get(work.get_absolute_url() + "?view_full_work=true").content.decode()
    )
    assert client.get(chapter.get_absolute_url()).status_code == 404

    client.force_login(author)
    data = chapter_data(text="Secret draft words.", action="post")
    assert client.post(reverse("works:chapter_edit", args=[work.pk, chapter.pk]), data).status_code == 302
    client.force_login(reader)
    assert "Secret draft words." in client.get(chapter.get_absolute_url()).content.decode()
    work.refresh_from_db()
    assert work.chapter_count == 2


def test_editing_a_posted_chapter_updates_the_word_count(author, login, client):
    work = make_work(author, chapters=["one two three"])
    chapter = work.chapters.get()
    data = chapter_data(text="one two three four five")
    del data["action"]  # a posted chapter's form has no posting choice
    login(author).post(reverse("works:chapter_edit", args=[work.pk, chapter.pk]), data)
    work.refresh_from_db()
    assert work.word_count == 5
    assert "one two three four five" in client.get(work.get_absolute_url()).content.decode()


def test_chapter_preview_shows_the_text_and_saves_nothing(author, login):
    work = make_work(author)
    text = "A *bold* claim."
    response = login(author).post(
        reverse("works:chapter_new", args=[work.pk]),
        chapter_data(text=text, text_format="markdown", submit="preview"),
    )
    content = response.content.decode()
    assert "Preview: this is how readers will see the chapter" in content
    assert "<em>bold</em>" in content
    assert html.escape(text) in content
    assert work.chapters.count() == 1


def test_chapter_text_that_is_only_a_script_is_refused_and_kept(author, login):
    work = make_work(author)
    text = "<script>alert('hi')</script>"
    response = login(author).post(
        reverse("works:chapter_new", args=[work.pk]),
        chapter_data(text=text, text_format="html", title="Oops"),
    )
    content = response.content.decode()
    assert "This chapter has no text once unsafe HTML" in content
    assert html.escape(text) in content and 'value="Oops"' in content
    assert work.chapters.count() == 1


def test_reordering_chapters_with_number_inputs(three_chapters, author, login):
    work = three_chapters
    first, second, third = work.chapters.order_by("position")
    c = login(author)
    page = c.get(reverse("works:chapters_manage", args=[work.pk]))
    assert f'name="position_{third.pk}"' in page.content.decode()
    response = c.post(
        reverse("works:chapters_manage", args=[work.pk]),
        {f"position_{first.pk}": "3", f"position_{second.pk}": "1", f"position_{third.pk}": "2"},
    )
    assert response.status_code == 302
    assert positions(work) == ["Second chapter words.", "Third and last.", "First words."]


def test_reordering_with_a_missing_number_explains_and_changes_nothing(three_chapters, author, login):
    work = three_chapters
    first, second, third = work.chapters.order_by("position")
    response = login(author).post(
        reverse("works:chapters_manage", args=[work.pk]),
        {f"position_{first.pk}": "3", f"position_{second.pk}": "", f"position_{third.pk}": "1"},
    )
    assert "Give every chapter a number." in response.content.decode()
    assert positions(work) == ["First words.", "Second chapter words.", "Third and last."]


def test_deleting_a_chapter_renumbers_the_rest_and_updates_counts(three_chapters, author, login):
    work = three_chapters
    second = work.chapters.get(position=2)
    c = login(author)
    page = c.get(reverse("works:chapter_delete", args=[work.pk, second.pk]))
    assert "Yes, delete this chapter" in page.content.decode()
    assert c.post(reverse("works:chapter_delete", args=[work.pk, second.pk])).status_code == 302
    work.refresh_from_db()
    assert positions(work) == ["First words.", "Third and last."]
    assert [c.position for c in work.chapters.all()] == [1, 2]
    assert work.chapter_count == 2
    assert work.word_count == 2 + 3


def test_the_only_chapter_cannot_be_deleted(author, login):
    work = make_work(author)
    chapter = work.chapters.get()
    c = login(author)
    assert (
        "only chapter" in c.get(reverse("works:chapter_delete", args=[work.pk, chapter.pk])).content.decode()
    )
    response = c.post(reverse("works:chapter_delete", args=[work.pk, chapter.pk]), follow=True)
    assert "A work needs at least one chapter" in response.content.decode()
    assert Chapter.objects.filter(pk=chapter.pk).exists()


@pytest.mark.parametrize("who", ["reader", "guest"])
def test_strangers_cannot_add_edit_reorder_or_delete_chapters(three_chapters, client, reader, who):
    work = three_chapters
    chapter = work.chapters.get(position=1)
    if who == "reader":
        client.force_login(reader)
    expected = 403 if who == "reader" else 302
    urls = [
        reverse("works:chapter_new", args=[work.pk]),
        reverse("works:chapter_edit", args=[work.pk, chapter.pk]),
        reverse("works:chapter_delete", args=[work.pk, chapter.pk]),
        reverse("works:chapters_manage", args=[work.pk]),
    ]
    for url in urls:
        assert client.post(url, chapter_data(text="Vandalism")).status_code == expected
    assert positions(work) == ["First words.", "Second chapter words.", "Third and last."]


def test_a_chapter_of_another_work_is_not_found(author, login):
    work = make_work(author)
    other = make_work(author, title="Another")
    response = login(author).get(reverse("works:chapter_edit", args=[work.pk, other.chapters.get().pk]))
    assert response.status_code == 404
