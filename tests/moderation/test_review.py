"""The review queue: works and comments scoring as spam, and every new work on an
archive that approves works first, wait for a moderator; held works are visible
only to their creators and moderators (the one visibility rule) and creators are told."""


import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from quire.interactions.models import Comment
from quire.moderation.models import LogAction, ModerationLogEntry, ReviewItem, ReviewStatus
from quire.moderation.spamscore import score_text
from quire.policy.models import ArchivePolicy
from quire.search.backends import search
from quire.search.query import Query
from quire.works.models import Work
from tests.factories import make_user, make_work
from tests.interactions.conftest import page_text
from tests.interactions.test_comments import comment as post_comment
from tests.works.test_posting import NEW, work_data

ADVERT = (
    "Buy cheap replica watches at https://a.example/1 and https://a.example/2 and https://a.example/3 "
    "with a discount coupon from https://a.example/4 and https://a.example/5 today."
)


def test_the_score_adds_up_links_adverts_and_repetition():
    calm = score_text("The orchard was quiet and the lamps were lit along the quay that night.")
    assert calm.points == 0
    spammy = score_text(ADVERT)
    assert spammy.points >= 50 and any("link" in r for r in spammy.reasons)
    repeated = score_text("A fine story.", earlier_texts=["a fine STORY"])
    assert repeated.points == 40


def test_a_spam_work_is_held_and_visible_only_to_its_creator_and_moderators(
    author, reader, moderator, login, delivered
):
    c = login(author)
    with delivered():
        c.post(NEW, work_data(author, title="Watches", **{"chapter-text": ADVERT}))
    work = Work.objects.get()
    assert work.held_for_review and not work.is_draft
    item = ReviewItem.objects.get()
    assert item.work == work and item.score >= 50
    assert "waiting for a moderator's review" in page_text(c.get(work.get_absolute_url()))
    assert login(reader).get(work.get_absolute_url()).status_code == 404
    assert Client().get(work.get_absolute_url()).status_code == 404
    assert login(moderator).get(work.get_absolute_url()).status_code == 200
    assert search(Query(), reader).total == 0
    assert "waiting for a moderator" in mail.outbox[-1].subject and mail.outbox[-1].to == [author.email]


def test_an_ordinary_work_is_not_held(author, reader, login):
    login(author).post(NEW, work_data(author))
    work = Work.objects.get()
    assert not work.held_for_review and not ReviewItem.objects.exists()
    assert login(reader).get(work.get_absolute_url()).status_code == 200


def test_approving_makes_a_held_work_public_logs_it_and_tells_the_creator(
    author, reader, moderator, login, delivered
):
    ArchivePolicy.objects.create(review_new_works=True)
    login(author).post(NEW, work_data(author))
    work = Work.objects.get()
    assert work.held_for_review
    m = login(moderator)
    assert "The Orchard Keeper" in page_text(m.get(reverse("moderation:review")))
    with delivered():
        m.post(reverse("moderation:review_act", args=[ReviewItem.objects.get().pk]), {"action": "approve"})
    work.refresh_from_db()
    assert not work.held_for_review
    assert ReviewItem.objects.get().status == ReviewStatus.APPROVED
    assert ModerationLogEntry.objects.get(action=LogAction.APPROVE).moderator == moderator
    assert login(reader).get(work.get_absolute_url()).status_code == 200
    assert search(Query(), reader).total == 1
    assert any("is now public" in m.subject for m in mail.outbox)


def test_in_approval_mode_a_second_chapter_of_an_approved_work_is_not_held_again(author, moderator, login):
    ArchivePolicy.objects.create(review_new_works=True)
    c = login(author)
    c.post(NEW, work_data(author))
    work = Work.objects.get()
    login(moderator).post(reverse("moderation:review_act", args=[ReviewItem.objects.get().pk]), {"action": "approve"})
    c = login(author)
    c.post(reverse("works:chapter_new", args=[work.pk]), {
        "title": "", "notes_begin": "", "notes_end": "", "text_format": "plain", "text": "More apples.",
        "action": "post", "publish_at": "", "submit": "save",
    })  # fmt: skip
    work.refresh_from_db()
    assert work.chapters.count() == 2 and not work.held_for_review


def test_rejecting_a_work_in_approval_mode_keeps_it_hidden_and_says_why(author, moderator, login, delivered):
    ArchivePolicy.objects.create(review_new_works=True)
    login(author).post(NEW, work_data(author))
    item = ReviewItem.objects.get()
    with delivered():
        login(moderator).post(reverse("moderation:review_act", args=[item.pk]),
                              {"action": "reject", "note": "Needs the right fandom tag"})  # fmt: skip
    work = Work.objects.get()
    assert work.hidden_by_moderator and not work.held_for_review
    assert "Needs the right fandom tag" in mail.outbox[-1].body


def test_a_spam_comment_is_hidden_for_review_and_rejecting_deletes_it(author, reader, moderator, login):
    work = make_work(author)
    spammer = make_user("spamalot")
    post_comment(login(spammer), work, ADVERT)
    comment = Comment.objects.get()
    assert comment.hidden_by_moderator
    assert ADVERT[:20] not in page_text(login(reader).get(work.get_absolute_url()))
    post_comment(login(reader), work, "What a lovely orchard.")
    assert not Comment.objects.get(text="What a lovely orchard.").hidden_by_moderator
    m = login(moderator)
    assert "spam score" in page_text(m.get(reverse("moderation:review")))
    m.post(reverse("moderation:review_act", args=[ReviewItem.objects.get().pk]), {"action": "reject"})
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert ModerationLogEntry.objects.filter(action=LogAction.REJECT).exists()


def test_moderators_see_a_comments_address_and_readers_do_not(author, reader, moderator, login):
    work = make_work(author)
    login(reader).post(reverse("interactions:comment_new", args=[work.pk]),
                       {"chapter": work.chapters.first().pk, "text": "Lovely."}, REMOTE_ADDR="198.51.100.7")  # fmt: skip
    assert Comment.objects.get().ip_address == "198.51.100.7"
    assert "198.51.100.7" in page_text(login(moderator).get(work.get_absolute_url()))
    assert "198.51.100.7" not in page_text(login(reader).get(work.get_absolute_url()))
    assert "Lovely." in page_text(login(reader).get(work.get_absolute_url()))


@pytest.mark.parametrize("setting", [True, False])
def test_the_approval_setting_is_on_the_policy_page(setting, login, db):
    admin = make_user("hollis", is_staff=True)
    login(admin).post(reverse("moderation:policy"), {
        "rating_scale": "ao3", "warnings": "No Archive Warnings Apply", "categories": "Gen",
        "anonymous_posting": "open", **({"review_new_works": "on"} if setting else {}),
    })  # fmt: skip
    assert ArchivePolicy.objects.get().review_new_works is setting


def test_posting_the_same_linked_text_again_is_held(author, reader, login):
    text = "My shop is at https://shop.example/ and https://shop.example/more."
    c = login(author)
    c.post(NEW, work_data(author, title="First", **{"chapter-text": text}))
    assert not Work.objects.get(title="First").held_for_review  # positive control: once is fine
    c.post(NEW, work_data(author, title="Second", **{"chapter-text": text}))
    assert Work.objects.get(title="Second").held_for_review
    assert "the same text as an earlier post" in ReviewItem.objects.get().signals
