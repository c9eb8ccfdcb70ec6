"""Gifts, related works and prompt memes, through their pages."""

import html

import pytest
from django.urls import reverse

from quire.collections.models import Collection, Gift, ItemState, PromptFill, RelatedWork
from quire.interactions.models import Notification
from quire.works.models import Work
from tests.factories import make_user, make_work
from tests.works.test_posting import work_data


# --- gifts -----------------------------------------------------------------------------
def test_a_gift_to_a_user_and_to_a_name(author, reader, client):
    client.force_login(author)
    client.post(reverse("works:new"), work_data(author, **{"assoc-gifts": "corin, My Sister"}))
    work = Work.objects.get()
    page = client.get(work.get_absolute_url()).content.decode()
    assert "For:" in page and "corin" in page and "My Sister" in page
    # The recipient is told and finds it on their gifts page, linked from their profile.
    note = Notification.objects.get(user=reader)
    assert "is a gift for you" in note.headline
    client.force_login(reader)
    profile = client.get(reverse("accounts:profile", args=[reader.username])).content.decode()
    assert reverse("collections:gifts", args=[reader.username]) in profile
    gifts = client.get(reverse("collections:gifts", args=[reader.username])).content.decode()
    assert "The Orchard Keeper" in gifts


def test_the_recipient_refuses_and_the_work_stops_naming_them(author, reader, client):
    work = make_work(author, "Unwanted Parcel")
    gift = Gift.objects.create(work=work, recipient=reader)
    client.force_login(reader)
    assert "Refuse the gift" in client.get(reverse("collections:gifts", args=[reader.username])).content.decode()
    client.post(reverse("collections:gift_refuse", args=[gift.pk]))
    page = client.get(work.get_absolute_url()).content.decode()
    assert reverse("collections:gifts", args=[reader.username]) not in page
    assert "Unwanted Parcel" in page  # positive control: the work itself is still there
    assert "Unwanted Parcel" not in client.get(reverse("collections:gifts", args=[reader.username])).content.decode()
    # Only the recipient can refuse.
    other = Gift.objects.create(work=work, recipient=make_user("gale"))
    assert client.post(reverse("collections:gift_refuse", args=[other.pk])).status_code == 404


def test_a_drafted_gift_tells_its_recipient_when_it_is_posted(
    author, reader, client, django_capture_on_commit_callbacks
):
    client.force_login(author)
    client.post(reverse("works:new"), work_data(author, submit="draft", **{"assoc-gifts": "corin"}))
    work = Work.objects.get()
    assert not Notification.objects.filter(user=reader).exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("works:post", args=[work.pk]))
    assert Notification.objects.filter(user=reader, headline__contains="gift").exists()


# --- related works ---------------------------------------------------------------------
def test_a_translation_waits_for_the_original_authors_approval(author, reader, client):
    original = make_work(author, "The Salt Road")
    client.force_login(reader)
    data = work_data(
        reader, title="La Route du Sel",
        **{"assoc-related_kind": "translation", "assoc-related_url": original.get_absolute_url()},
    )  # fmt: skip
    client.post(reverse("works:new"), data)
    translation = Work.objects.get(title="La Route du Sel")
    relation = RelatedWork.objects.get()
    assert relation.parent == original and relation.state == ItemState.PENDING
    # Pending: shown only to the child's author, marked so.
    mine = client.get(translation.get_absolute_url()).content.decode()
    assert "Translation of" in mine and "Pending approval" in mine
    client.logout()
    assert "The Salt Road" not in client.get(translation.get_absolute_url()).content.decode()
    # The original's author is told, approves, and both works show the link.
    assert Notification.objects.filter(user=author, headline__contains="translation of").exists()
    client.force_login(author)
    assert "La Route du Sel" in client.get(reverse("collections:related_pending")).content.decode()
    client.post(reverse("collections:related_answer", args=[relation.pk]), {"action": "approve"})
    client.logout()
    assert "The Salt Road" in client.get(translation.get_absolute_url()).content.decode()
    assert "La Route du Sel" in client.get(original.get_absolute_url()).content.decode()


def test_an_external_original_shows_at_once(author, client):
    client.force_login(author)
    data = work_data(
        author,
        **{
            "assoc-related_kind": "podfic", "assoc-related_url": "https://example.org/story/9",
            "assoc-related_title": "Nine Bells", "assoc-related_author": "Someone Else",
        },
    )  # fmt: skip
    client.post(reverse("works:new"), data)
    client.logout()
    page = client.get(Work.objects.get().get_absolute_url()).content.decode()
    assert "Podfic of" in page and "https://example.org/story/9" in page and "Nine Bells" in page


def test_bad_related_input_is_explained(author, client):
    client.force_login(author)
    response = client.post(
        reverse("works:new"), work_data(author, **{"assoc-related_kind": "remix", "assoc-related_url": "not a url"})
    )
    assert "Give a full address" in html.unescape(response.content.decode())
    assert not Work.objects.exists()


def test_a_relation_to_a_work_the_viewer_cannot_see_is_not_shown(author, reader, client):
    hidden_original = make_work(author, "Locked Drawer", restricted=True)
    child = make_work(reader, "Key Found")
    RelatedWork.objects.create(child=child, parent=hidden_original, kind="inspired", state=ItemState.APPROVED)
    assert "Locked Drawer" not in client.get(child.get_absolute_url()).content.decode()
    client.force_login(make_user("gale"))
    assert "Locked Drawer" in client.get(child.get_absolute_url()).content.decode()  # positive control


# --- prompt memes ----------------------------------------------------------------------
@pytest.fixture
def meme(db):
    return Collection.objects.create(
        name="kinkmeme", title="Lantern Meme", owner=make_user("fenna"), kind="prompt_meme"
    )


def test_prompt_meme_from_prompt_to_fill(meme, author, reader, client):
    client.force_login(reader)
    client.post(
        reverse("collections:prompt_new", args=[meme.name]),
        {"title": "Two keepers, one lighthouse", "description": "Rivals share a night shift.",
         "anonymous": "on", "fandoms": "Lighthouse Saga", "characters": "Keeper Ilse"},
    )  # fmt: skip
    prompt = meme.prompts.get()
    assert {t.name for t in prompt.tags.all()} == {"Lighthouse Saga", "Keeper Ilse"}
    # Anonymous to others, named to its poster.
    client.force_login(author)
    page = client.get(prompt.get_absolute_url()).content.decode()
    assert "by Anonymous" in page and "corin" not in page
    client.post(reverse("collections:prompt_claim", args=[meme.name, prompt.pk]), {"action": "claim"})
    assert prompt.claims.filter(user=author).exists()
    fill = make_work(author, "Night Shift")
    client.post(reverse("collections:prompt_fill", args=[meme.name, prompt.pk]), {"work": fill.pk})
    assert PromptFill.objects.filter(prompt=prompt, work=fill).exists()
    assert "Night Shift" in client.get(prompt.get_absolute_url()).content.decode()
    # The fill joined the collection and links back to the prompt.
    assert "Night Shift" in client.get(reverse("collections:works", args=[meme.name])).content.decode()
    assert "Two keepers, one lighthouse" in client.get(fill.get_absolute_url()).content.decode()
    assert Notification.objects.filter(user=reader, headline__contains="was filled").exists()


def test_prompt_list_filters_by_fandom_and_filled(meme, author, client):
    client.force_login(author)
    for title, fandom in (("Storm prompt", "Lighthouse Saga"), ("Harbour prompt", "Harbour Tales")):
        client.post(reverse("collections:prompt_new", args=[meme.name]), {"title": title, "fandoms": fandom})
    storm = meme.prompts.get(title="Storm prompt")
    PromptFill.objects.create(prompt=storm, work=make_work(author, "Storm Fill"))
    url = reverse("collections:prompts", args=[meme.name])
    saga = storm.tags.get()
    by_fandom = client.get(url, {"fandom": saga.pk}).content.decode()
    assert "Storm prompt" in by_fandom and "Harbour prompt" not in by_fandom
    unfilled = client.get(url, {"status": "unfilled"}).content.decode()
    assert "Harbour prompt" in unfilled and "Storm prompt" not in unfilled
    filled = client.get(url, {"status": "filled"}).content.decode()
    assert "Storm prompt" in filled and "Harbour prompt" not in filled


def test_a_fill_hidden_from_the_viewer_does_not_count(meme, author, client):
    client.force_login(author)
    client.post(reverse("collections:prompt_new", args=[meme.name]), {"title": "Quiet prompt"})
    prompt = meme.prompts.get()
    PromptFill.objects.create(prompt=prompt, work=make_work(author, "Members Only Fill", restricted=True))
    client.logout()
    url = reverse("collections:prompts", args=[meme.name])
    assert "Quiet prompt" in client.get(url, {"status": "unfilled"}).content.decode()
    assert "Members Only Fill" not in client.get(prompt.get_absolute_url()).content.decode()
    client.force_login(author)
    assert "Quiet prompt" in client.get(url, {"status": "filled"}).content.decode()
