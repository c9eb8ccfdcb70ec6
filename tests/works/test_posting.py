"""Posting a work through the forms: new work, drafts, preview, limits, editing rights."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from quire.tags.models import Tag
from quire.works import services
from quire.works.models import Chapter, ChapterState, Work
from tests.factories import make_user, make_work

NEW = reverse("works:new")


def work_data(user, **overrides) -> dict:
    """Everything the new-work form needs, filled in as an author would."""
    data = {
        "title": "The Orchard Keeper",
        "pseuds": [user.default_pseud.pk],
        "cocreators": "",
        "rating": "General Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["Gen"],
        "fandoms": "Original Work",
        "relationships": "",
        "characters": "Mira, The Keeper",
        "freeforms": "Autumn, Found Family",
        "language": "en",
        "series": "",
        "new_series_title": "",
        "series_position": "",
        "summary": "A keeper tends the last orchard.",
        "notes_begin": "",
        "notes_end": "",
        "text_format": "plain",
        "expected_chapters": "",
        "comment_permission": "everyone",
        "chapter-title": "Windfall",
        "chapter-notes_begin": "",
        "chapter-notes_end": "",
        "chapter-text": "The apples fell all night.\n\nIn the morning Mira counted them.",
        "submit": "post",
    }
    data.update(overrides)
    return data


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


def test_posting_a_three_chapter_work_and_reading_it(author, login, client):
    c = login(author)
    response = c.post(NEW, work_data(author, expected_chapters="3"))
    work = Work.objects.get()
    assert response.status_code == 302 and response["Location"] == work.get_absolute_url()
    for number in (2, 3):
        response = c.post(
            reverse("works:chapter_new", args=[work.pk]),
            chapter_data(title=f"Part {number}", text=f"Chapter {number} words here."),
        )
        assert response.status_code == 302

    client.logout()
    page = client.get(work.get_absolute_url() + "?view_full_work=true")
    assert page.status_code == 200
    content = page.content.decode()
    assert "The Orchard Keeper" in content
    assert "The apples fell all night." in content
    assert "Chapter 2 words here." in content and "Chapter 3 words here." in content
    assert "Chapter 3: Part 3" in content
    assert "3/3" in content
    work.refresh_from_db()
    assert (work.chapter_count, work.is_draft) == (3, False)
    assert work.word_count == sum(c.word_count for c in work.chapters.all())
    assert {t.name for t in work.tags.all()} >= {"General Audiences", "Original Work", "Mira", "Autumn"}


def test_blank_chapter_count_shows_one_of_unknown(author, login, client):
    login(author).post(NEW, work_data(author))
    work = Work.objects.get()
    client.logout()
    assert "1/?" in client.get(work.get_absolute_url()).content.decode()


def test_new_work_form_preselects_the_default_pseud(author, login):
    author.pseuds.create(name="Orchardist")
    response = login(author).get(NEW)
    checked = [str(b.data["value"]) for b in response.context["form"]["pseuds"] if b.data["selected"]]
    assert checked == [str(author.default_pseud.pk)]


def test_guest_is_sent_to_log_in_before_posting(client):
    response = client.get(NEW)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_draft_is_seen_only_by_its_creator_until_posted(author, reader, login, client):
    login(author).post(NEW, work_data(author, submit="draft"))
    work = Work.objects.get()
    assert work.is_draft and work.chapters.get().state == ChapterState.DRAFT
    page = client.get(work.get_absolute_url())
    assert page.status_code == 200 and "This work is a draft" in page.content.decode()

    client.logout()
    assert client.get(work.get_absolute_url()).status_code == 404
    client.force_login(reader)
    assert client.get(work.get_absolute_url()).status_code == 404

    client.force_login(author)
    response = client.post(reverse("works:post", args=[work.pk]))
    assert response.status_code == 302
    client.force_login(reader)
    assert "The apples fell all night." in client.get(work.get_absolute_url()).content.decode()


def test_preview_shows_the_work_saves_nothing_and_keeps_every_field(author, login):
    tags_before = Tag.objects.count()
    text = "Some <em>emphasis</em> here.<script>alert('x')</script>"
    response = login(author).post(
        NEW, work_data(author, submit="preview", text_format="html", **{"chapter-text": text})
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Preview: this is how readers will see your work" in content
    assert "Some <em>emphasis</em> here." in content  # rendered, as readers will see it
    assert "<script>" not in content
    assert html.escape(text) in content  # still in the textarea, exactly as typed
    assert 'value="The Orchard Keeper"' in content
    assert 'value="General Audiences" id="id_rating_1" required checked' in content
    assert Work.objects.count() == 0 and Chapter.objects.count() == 0
    assert Tag.objects.count() == tags_before


OVER_TEXT = "word " * 100_000 + "final"  # 500,005 characters


@pytest.mark.parametrize(
    ("overrides", "message", "typed"),
    [
        ({"title": "T" * 256}, "The title must be at most 255 characters (it has 256).", "T" * 256),
        ({"summary": "s" * 1251}, "The summary must be at most 1,250 characters (it has 1251).", "s" * 1251),
        (
            {"notes_begin": "n" * 5001},
            "Beginning notes must be at most 5,000 characters (it has 5001).",
            "n" * 5001,
        ),
        ({"notes_end": "e" * 5001}, "End notes must be at most 5,000 characters", "e" * 5001),
        ({"rating": ""}, "Choose a rating.", "The apples fell all night."),
        ({"warnings": []}, "Choose at least one archive warning.", "The apples fell all night."),
        ({"fandoms": " , "}, "Enter at least one fandom", "The apples fell all night."),
        (
            {"freeforms": ", ".join(f"Tag {i}" for i in range(74))},
            "at most 75 fandom, relationship, character and additional tags in all; this one has 77",
            "Tag 73",
        ),
        (
            {"chapter-text": OVER_TEXT},
            "Chapter text must be at most 500,000 characters (it has 500005).",
            OVER_TEXT,
        ),
        (
            {"text_format": "html", "chapter-text": "<script>alert(1)</script>"},
            "This chapter has no text once unsafe HTML (such as &lt;script&gt; tags) is removed.",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        ),
        (
            {"cocreators": "nobody-by-that-name"},
            "There&#x27;s no user called nobody-by-that-name.",
            "The Orchard",
        ),
    ],
    ids=[
        "title",
        "summary",
        "notes",
        "end-notes",
        "rating",
        "warnings",
        "fandom",
        "tags",
        "text",
        "script",
        "cocreator",
    ],
)
def test_bad_input_explains_the_problem_and_keeps_what_was_typed(author, login, overrides, message, typed):
    response = login(author).post(NEW, work_data(author, **overrides))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was saved yet" in content
    assert message in content
    assert typed in content
    # The rest of the form survives too.
    assert "The apples fell all night." in content or "chapter-text" in overrides
    assert "A keeper tends the last orchard." in content or "summary" in overrides
    assert Work.objects.count() == 0


def test_script_tags_event_handlers_and_javascript_links_are_removed_on_save(author, login, client):
    text = (
        '<p onclick="steal()">Kept words.</p><script>steal()</script>'
        '<a href="javascript:steal()">link</a><a href="https://example.org/">fine</a>'
    )
    login(author).post(NEW, work_data(author, text_format="html", **{"chapter-text": text}))
    chapter = Chapter.objects.get()
    assert chapter.text == text  # the author's source is kept
    for bad in ("<script", "onclick", "javascript:"):
        assert bad not in chapter.text_html
    client.logout()
    content = client.get(chapter.work.get_absolute_url()).content.decode()
    assert "Kept words." in content and 'href="https://example.org/"' in content
    assert "steal()" not in content


def test_a_post_without_a_csrf_token_is_refused(author):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(author)
    response = csrf_client.post(NEW, work_data(author))
    assert response.status_code == 403
    assert Work.objects.count() == 0


# --- editing rights ------------------------------------------------------------------------


@pytest.fixture
def shared_work(author, cocreator):
    work = make_work(author, cocreators=(cocreator,))
    pending = make_user("evander")
    services.add_creator(work, pending.default_pseud, accepted=False, invited_by=author)
    return work


@pytest.mark.parametrize(
    ("who", "status"),
    [("author", 200), ("cocreator", 200), ("pending", 403), ("reader", 403), ("guest", 302)],
)
def test_who_may_open_the_edit_page(shared_work, client, who, status, request):
    if who == "pending":
        client.force_login(shared_work.creatorships.get(accepted=False).pseud.user)
    elif who != "guest":
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("works:edit", args=[shared_work.pk]))
    assert response.status_code == status
    if who == "guest":
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("who", ["pending", "reader", "guest"])
def test_non_creators_cannot_change_post_or_delete_a_work(shared_work, client, reader, who):
    if who == "pending":
        client.force_login(shared_work.creatorships.get(accepted=False).pseud.user)
    elif who == "reader":
        client.force_login(reader)
    client.post(reverse("works:edit", args=[shared_work.pk]), {"title": "Defaced"})
    client.post(reverse("works:delete", args=[shared_work.pk]))
    shared_work.refresh_from_db()
    assert shared_work.title == "A Lantern in the Orchard"


def test_someone_elses_draft_does_not_admit_to_existing(author, reader, client):
    work = make_work(author, draft=True)
    client.force_login(reader)
    assert client.get(reverse("works:edit", args=[work.pk])).status_code == 404


def test_editing_a_work_keeps_chapters_and_changes_title_and_tags(author, login, client):
    work = make_work(author, freeforms=("Old Tag",))
    c = login(author)
    form = c.get(reverse("works:edit", args=[work.pk])).context["form"]
    assert form.initial["rating"] == "General Audiences" and form.initial["freeforms"] == "Old Tag"
    data = work_data(author, title="A New Name", freeforms="New Tag", submit="save")
    response = c.post(reverse("works:edit", args=[work.pk]), data)
    assert response.status_code == 302
    work.refresh_from_db()
    assert work.title == "A New Name"
    assert work.chapters.count() == 1 and not work.is_draft
    assert [t.name for t in work.tags_of("freeform")] == ["New Tag"]


def test_deleting_a_work_asks_first(author, login):
    work = make_work(author)
    c = login(author)
    page = c.get(reverse("works:delete", args=[work.pk]))
    assert "Yes, delete this work" in page.content.decode()
    assert Work.objects.filter(pk=work.pk).exists()
    c.post(reverse("works:delete", args=[work.pk]))
    assert not Work.objects.filter(pk=work.pk).exists()


def test_tag_name_already_used_for_another_type_is_refused_with_advice(login, author, db):
    """Tag names are unique across types: a character can't reuse a fandom's name."""
    Tag.objects.create(name="Lamplight Saga", type="fandom", canonical=True)
    response = login(author).post(
        reverse("works:new"),
        {
            "title": "The Keeper",
            "pseuds": [author.default_pseud.pk],
            "rating": "General Audiences",
            "warnings": ["No Archive Warnings Apply"],
            "fandoms": "Lamplight Saga",
            "characters": "Lamplight Saga, Mira",
            "language": "en",
            "text_format": "plain",
            "comment_permission": "everyone",
            "chapter-text": "She lit the lamp.",
            "submit": "post",
        },
    )
    page = response.content.decode()
    assert "“Lamplight Saga” is already a fandom tag" in page
    assert "She lit the lamp." in page
    assert not Work.objects.exists()
