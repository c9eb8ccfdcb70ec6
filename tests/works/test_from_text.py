"""Post from text and `quire import`: a story pasted as fans write it becomes a
draft with its parts in place and tag suggestions the author accepts or dismisses."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from quire.tags.models import SuggestionStatus, TagSuggestion
from quire.works.models import Work

CANON = """type,name,fandom,aliases
fandom,Harbour Lights (TV),,Harbour Lights
character,Mara Quill,Harbour Lights (TV),
character,Tobias Fenn,Harbour Lights (TV),
relationship,Mara Quill/Tobias Fenn,Harbour Lights (TV),
"""

STORY = """A/N: My first Harbour Lights fic! Mara/Tobias, eventually. Please review!

Disclaimer: I don't own Harbour Lights.

Chapter 1: The Lamp Room

Mara climbed the last of the stairs with the oil can in one hand. Tobias was already there, sitting on the floor of the lamp room.

"You're late," Tobias said. Mara ignored him and trimmed the wick.

* * *

By dawn the storm had blown itself out, and Mara let herself sleep for an hour on the bench.

Chapter 2: Low Tide

Tobias found the letter in the rock pool, folded small and sealed with green wax. Mara read it twice and said nothing.

Next chapter on Friday!
"""


@pytest.fixture
def canon(db, tmp_path):
    path = tmp_path / "canon.csv"
    path.write_text(CANON)
    call_command("tags", "import", str(path), verbosity=0)
    return path


def test_pasted_story_becomes_a_draft_with_parts_and_suggestions(login, author, canon):
    client = login(author)
    response = client.post(reverse("imports:from_text"), {"text": STORY})
    work = Work.objects.get()
    assert response.status_code == 302 and response.url == reverse("works:edit", args=[work.pk])
    assert work.is_draft
    assert "My first Harbour Lights fic!" in work.notes_begin
    assert "I don't own Harbour Lights." in work.notes_begin  # the disclaimer is kept as a note
    assert work.notes_end == "Next chapter on Friday!"
    chapters = list(work.chapters.order_by("position"))
    assert [c.title for c in chapters] == ["The Lamp Room", "Low Tide"]
    assert chapters[0].text.startswith("Mara climbed the last of the stairs")
    assert "<hr>" in chapters[0].text_html  # the scene break is kept as a rule
    assert "Please review" not in chapters[0].text
    suggested = {(s.type, s.name) for s in work.tag_suggestions.all()}
    assert ("fandom", "Harbour Lights (TV)") in suggested
    assert ("character", "Mara Quill") in suggested
    assert ("relationship", "Mara Quill/Tobias Fenn") in suggested
    # Nothing is tagged until the author says so.
    assert not work.tags.filter(type__in=["fandom", "character", "relationship"]).exists()


def test_edit_form_shows_each_suggestion_with_its_evidence(login, author, canon):
    client = login(author)
    client.post(reverse("imports:from_text"), {"text": STORY})
    work = Work.objects.get()
    page = client.get(reverse("works:edit", args=[work.pk])).content.decode()
    fandom = work.tag_suggestions.get(name="Harbour Lights (TV)")
    assert f'name="accept_suggestion" value="{fandom.pk}"' in page
    assert "Because the text says:" in page and "own Harbour Lights" in page


def test_accept_and_dismiss_without_javascript_keep_what_was_typed(login, author, canon):
    client = login(author)
    client.post(reverse("imports:from_text"), {"text": STORY})
    work = Work.objects.get()
    fandom = work.tag_suggestions.get(name="Harbour Lights (TV)")
    mara = work.tag_suggestions.get(name="Mara Quill")
    form = {
        "title": "My own title, typed before accepting",
        "pseuds": [author.default_pseud.pk],
        "rating": "General Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "fandoms": "",
        "characters": "",
        "language": "en",
        "text_format": "plain",
        "comment_permission": "everyone",
        "dismissed_suggestions": "",
    }
    page = client.post(reverse("works:edit", args=[work.pk]), {**form, "accept_suggestion": fandom.pk})
    html = page.content.decode()
    assert "My own title, typed before accepting" in html
    assert 'value="Harbour Lights (TV)"' in html  # now in the fandom field
    assert f'name="accept_suggestion" value="{fandom.pk}"' not in html
    work.refresh_from_db()
    assert work.title != "My own title, typed before accepting"  # nothing saved yet

    page = client.post(
        reverse("works:edit", args=[work.pk]),
        {**form, "fandoms": "Harbour Lights (TV)", "dismiss_suggestion": mara.pk},
    )
    html = page.content.decode()
    assert f'name="accept_suggestion" value="{mara.pk}"' not in html
    assert f'name="dismissed_suggestions" value="{mara.pk}"' in html

    response = client.post(
        reverse("works:edit", args=[work.pk]),
        {**form, "fandoms": "Harbour Lights (TV)", "dismissed_suggestions": str(mara.pk), "submit": "save"},
    )
    assert response.status_code == 302
    fandom.refresh_from_db()
    mara.refresh_from_db()
    assert fandom.status == SuggestionStatus.ACCEPTED
    assert mara.status == SuggestionStatus.DISMISSED
    assert work.tags.filter(name="Harbour Lights (TV)").exists()


def test_draft_from_text_cannot_be_posted_before_it_has_required_tags(login, author, canon):
    client = login(author)
    client.post(reverse("imports:from_text"), {"text": STORY})
    work = Work.objects.get()
    response = client.post(reverse("works:post", args=[work.pk]), follow=True)
    work.refresh_from_db()
    assert work.is_draft
    assert "Before posting, add a rating and an archive warning and a fandom" in response.content.decode()


def test_empty_paste_shows_a_message(login, author, db):
    response = login(author).post(reverse("imports:from_text"), {"text": "   "})
    assert "Paste your story or choose a file to upload." in response.content.decode()
    assert not Work.objects.exists()


def test_binary_upload_is_refused_with_a_message_and_creates_nothing(login, author, db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("story.txt", bytes(range(256)) * 20)
    response = login(author).post(reverse("imports:from_text"), {"upload": upload, "text": ""})
    assert response.status_code == 200
    assert "story.txt" in response.content.decode()
    assert not Work.objects.exists()


def test_import_command_creates_drafts_and_reports_failures(author, canon, tmp_path, capsys):
    good = tmp_path / "lamp_room.txt"
    good.write_text(STORY)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    call_command("import", str(good), str(empty), "--user", author.username)
    out = capsys.readouterr().out
    assert "1 created, 1 failed." in out
    assert "failed   " in out and "empty.txt" in out
    work = Work.objects.get()
    assert work.is_draft and work.chapters.count() == 2
    assert work.creatorships.get().pseud == author.default_pseud
    assert TagSuggestion.objects.filter(work=work, name="Mara Quill").exists()


def test_import_command_for_an_unknown_user_says_so(db, tmp_path):
    from django.core.management import CommandError

    path = tmp_path / "a.txt"
    path.write_text(STORY)
    with pytest.raises(CommandError, match="There is no user 'nobody'"):
        call_command("import", str(path), "--user", "nobody")
