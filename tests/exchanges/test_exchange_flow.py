"""A gift exchange through its pages: set-up, nominations, sign-ups on dates, matching
with its review, assignments by email and inbox, defaulting, pinch hits, posting the
gift and the reveal."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from quire.collections.models import Gift
from quire.exchanges import services
from quire.exchanges.models import Assignment, AssignmentState, Exchange, NominationState, SignUp, TagSetEntry
from quire.interactions.models import Notification
from quire.works.models import Work
from tests.factories import make_user, make_work

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 1, 12, tzinfo=UTC)


def _create(client, owner, **extra):
    client.force_login(owner)
    data = {
        "name": "winter_swap", "title": "Winter Swap", "description": "Small gifts for long nights.",
        "requests_required": 1, "requests_allowed": 2, "offers_required": 1, "offers_allowed": 2,
        "prompts": "on", "nominations_open": "on",
        "signups_open_at": "2026-11-01T00:00", "signups_close_at": "2026-11-10T00:00",
        "mode_fandom": "or", "mode_character": "or", "any_character": "on",
        "mode_relationship": "ignore", "mode_freeform": "ignore",
    } | extra  # fmt: skip
    return client.post(reverse("exchanges:new"), data)


def _signup(client, user, request_fandom, offer_fandom, **extra):
    client.force_login(user)
    data = {"request_1_fandom": request_fandom, "request_1_character": "", "request_1_details": "Something cosy.",
            "offer_1_fandom": offer_fandom, "offer_1_any_character": "on"} | extra
    return client.post(reverse("exchanges:signup", args=["winter_swap"]), data)


@time_machine.travel(START, tick=False)
def test_setup_form_makes_an_anonymous_unrevealed_exchange_collection(client):
    owner = make_user("mod")
    response = _create(client, owner)
    exchange = Exchange.objects.get()
    assert response.url == reverse("exchanges:detail", args=["winter_swap"])
    assert exchange.collection.anonymous and exchange.collection.unrevealed
    assert exchange.rules == {"fandom": {"mode": "or", "any": False}, "character": {"mode": "or", "any": True}}
    assert exchange.signups_open()
    page = client.get(reverse("exchanges:detail", args=["winter_swap"])).content.decode()
    assert "Sign-ups open" in page and "Moderator dashboard" in page
    # The exchange's collection leads to it.
    collection_page = client.get(exchange.collection.get_absolute_url()).content.decode()
    assert 'href="/exchanges/winter_swap/"' in collection_page
    # Bad input: sign-ups closing before they open, kept in the form with a clear message.
    response = _create(client, owner, name="other", signups_close_at="2026-10-01T00:00")
    assert response.status_code == 200 and "Sign-ups must close after they open." in response.content.decode()
    assert Exchange.objects.count() == 1


@time_machine.travel(START, tick=False)
def test_signups_follow_the_dates_and_the_counts(client):
    owner, ann = make_user("mod"), make_user("ann")
    _create(client, owner)
    exchange = Exchange.objects.get()
    # Too few offers: refused with the reason, nothing saved, the typed request kept.
    client.force_login(ann)
    response = client.post(reverse("exchanges:signup", args=["winter_swap"]),
                           {"request_1_fandom": "Lighthouse Keepers"})
    page = response.content.decode()
    assert "needs at least 1 offer;" in page and "Lighthouse Keepers" in page
    assert not SignUp.objects.exists()
    assert _signup(client, ann, "Lighthouse Keepers", "Orchard Tales").status_code == 302
    assert SignUp.objects.get().user == ann
    with time_machine.travel(datetime(2026, 11, 10, 0, 1, tzinfo=UTC), tick=False):
        response = _signup(client, make_user("late"), "Lighthouse Keepers", "Orchard Tales")
        assert "not open" in response.content.decode()
        assert SignUp.objects.count() == 1
        assert not exchange.signups_open()


@time_machine.travel(START, tick=False)
def test_nominations_wait_for_the_moderator_and_a_tag_set_only_exchange_enforces_them(client):
    owner, ann = make_user("mod"), make_user("ann")
    _create(client, owner, tag_set_only="on")
    client.force_login(ann)
    client.post(reverse("exchanges:nominate", args=["winter_swap"]), {"tag_type": "fandom", "names": "Orchard Tales"})
    entry = TagSetEntry.objects.get()
    assert entry.state == NominationState.PENDING
    response = _signup(client, ann, "Orchard Tales", "Orchard Tales")
    assert "Orchard Tales is not in the exchange" in response.content.decode()
    assert not SignUp.objects.exists()
    client.force_login(owner)
    client.post(reverse("exchanges:tag_set", args=["winter_swap"]), {"entry": entry.pk, "action": "approve"})
    entry.refresh_from_db()
    assert entry.state == NominationState.APPROVED
    assert _signup(client, ann, "orchard tales", "Orchard Tales").status_code == 302


@time_machine.travel(START, tick=False)
def test_exchange_from_matching_to_reveal(client):
    owner = make_user("mod")
    _create(client, owner)
    exchange = Exchange.objects.get()
    people = {name: make_user(name) for name in ("ann", "bo", "cy", "di", "ed")}
    # ann, bo, cy all share Lighthouse; di and ed share Orchard; ed also asks for Rare,
    # which nobody offers, so ed has one request nobody can fill but another that fits.
    _signup(client, people["ann"], "Lighthouse", "Lighthouse")
    _signup(client, people["bo"], "Lighthouse", "Lighthouse")
    _signup(client, people["cy"], "Lighthouse", "Lighthouse")
    _signup(client, people["di"], "Orchard", "Orchard")
    _signup(client, people["ed"], "Rare", "Orchard")
    client.force_login(owner)
    # Matching before sign-ups close is refused.
    client.post(reverse("exchanges:match", args=["winter_swap"]))
    assert not Assignment.objects.exists()
    client.post(reverse("exchanges:close", args=["winter_swap"]))
    client.post(reverse("exchanges:match", args=["winter_swap"]))
    exchange.refresh_from_db()
    pairs = {(a.giver.username, a.recipient.username) for a in Assignment.objects.all()}
    # Lighthouse people form a 3-cycle (no swaps), ed writes for di; nobody can write for ed.
    assert len(pairs) == 4 and ("ed", "di") in pairs
    assert not any((r, g) in pairs for g, r in pairs)
    assert exchange.match_stats["matched"] == exchange.match_stats["maximum"] == 4
    board = client.get(reverse("exchanges:dashboard", args=["winter_swap"])).content.decode()
    assert "nobody offers what they request (Fandoms: rare)" in board
    assert "<strong>ed</strong>" in board and "<strong>ann</strong>" not in board  # positive control: ann matched
    # Nothing has been sent yet.
    assert not mail.outbox
    client.post(reverse("exchanges:send", args=["winter_swap"]))
    assert {m.to[0] for m in mail.outbox} == {f"{n}@example.org" for n in ("ann", "bo", "cy", "ed")}
    ed_mail = next(m for m in mail.outbox if m.to == ["ed@example.org"])
    assert "a gift for di" in ed_mail.subject and "Orchard" in ed_mail.body and "Something cosy." in ed_mail.body
    assert Notification.objects.filter(user=people["ed"], event_key__startswith="exchange-assignment").exists()

    # bo defaults; cy volunteers... no: a fresh volunteer pinch-hits for bo's recipient.
    bo_task = Assignment.objects.get(giver=people["bo"])
    client.force_login(people["bo"])
    client.post(reverse("exchanges:default", args=["winter_swap", bo_task.pk]))
    bo_task.refresh_from_db()
    assert bo_task.state == AssignmentState.DEFAULTED
    helper = make_user("helper")
    client.force_login(helper)
    client.post(reverse("exchanges:volunteer", args=["winter_swap"]))
    client.force_login(owner)
    board = client.get(reverse("exchanges:dashboard", args=["winter_swap"])).content.decode()
    assert "Defaulted (1)" in board and "helper" in board
    client.post(reverse("exchanges:pinch_hit", args=["winter_swap"]),
                {"recipient": bo_task.recipient.pk, "giver": "helper"})
    pinch = Assignment.objects.get(giver=helper)
    assert pinch.recipient == bo_task.recipient and pinch.pinch_hit and pinch.state == AssignmentState.ASSIGNED

    # ed posts a gift for di into the collection: hidden until the reveal.
    gift = make_work(people["ed"], "Apples for Di", fandoms=("Orchard",))
    task = Assignment.objects.get(giver=people["ed"])
    client.force_login(people["ed"])
    page = client.get(reverse("exchanges:assignment", args=["winter_swap", task.pk])).content.decode()
    assert "Something cosy." in page and "Apples for Di" in page
    client.post(reverse("exchanges:assignment", args=["winter_swap", task.pk]), {"work": gift.pk})
    task.refresh_from_db()
    gift.refresh_from_db()
    assert task.state == AssignmentState.POSTED and task.work == gift
    assert Gift.objects.filter(work=gift, recipient=people["di"]).exists()
    assert gift.unrevealed and gift.anonymous
    assert not Work.objects.visible_to(people["di"]).filter(pk=gift.pk).exists()
    client.force_login(owner)
    board = client.get(reverse("exchanges:dashboard", args=["winter_swap"])).content.decode()
    assert "Posted (1)" in board and "Apples for Di" in board

    client.post(reverse("exchanges:reveal", args=["winter_swap"]))
    gift.refresh_from_db()
    assert not gift.unrevealed and not gift.anonymous
    assert Work.objects.visible_to(people["di"]).filter(pk=gift.pk).exists()
    assert Notification.objects.filter(user=people["di"], work=gift).exists()


@time_machine.travel(START, tick=False)
def test_only_moderators_run_the_exchange(client):
    owner, ann = make_user("mod"), make_user("ann")
    _create(client, owner)
    client.force_login(ann)
    assert client.get(reverse("exchanges:dashboard", args=["winter_swap"])).status_code == 403
    assert client.post(reverse("exchanges:close", args=["winter_swap"])).status_code == 403
    exchange = Exchange.objects.get()
    assert exchange.signups_open()
    client.force_login(owner)
    assert client.get(reverse("exchanges:dashboard", args=["winter_swap"])).status_code == 200
    with pytest.raises(services.Refused):
        services.run_matching(exchange, ann)


@time_machine.travel(START, tick=False)
def test_moderator_changes_the_rules_and_a_participant_withdraws(client):
    owner, ann = make_user("mod"), make_user("ann")
    _create(client, owner)
    exchange = Exchange.objects.get()
    data = {"requests_required": 1, "requests_allowed": 3, "offers_required": 1, "offers_allowed": 1,
            "signups_open_at": "2026-11-01T00:00", "signups_close_at": "2026-11-12T00:00",
            "mode_fandom": "or", "mode_character": "and", "mode_relationship": "ignore", "mode_freeform": "ignore"}
    client.post(reverse("exchanges:edit", args=["winter_swap"]), data)
    exchange.refresh_from_db()
    assert exchange.rules["character"] == {"mode": "and", "any": False} and exchange.requests_allowed == 3
    # "Any character" is no longer allowed: the sign-up says so and saves nothing.
    response = _signup(client, ann, "Lighthouse", "Lighthouse")
    assert "Request 1: name at least one of the characters." in response.content.decode()
    assert "Offer 1: name at least one of the characters." in response.content.decode()
    assert not SignUp.objects.exists()
    response = _signup(client, ann, "Lighthouse", "Lighthouse", request_1_character="Mara", offer_1_character="Mara")
    assert response.status_code == 302 and SignUp.objects.filter(user=ann).exists()
    client.post(reverse("exchanges:withdraw", args=["winter_swap"]))
    assert not SignUp.objects.filter(user=ann).exists()
