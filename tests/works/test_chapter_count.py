"""What readers see as a work's chapter count ("2/?", "3/3") and its Complete badge, for
every mix of posted, scheduled and draft chapters. The rule (AO3's): posting a chapter
beyond the planned total makes the total unknown and the work in progress again."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from quire.works import services
from quire.works.models import Chapter, Work
from tests.factories import make_work


def add_chapter(work: Work, state: str) -> Chapter:
    chapter = Chapter(work=work, text=f"A {state} chapter about the lighthouse.")
    if state == "posted":
        services.save_chapter(chapter, publish_now=True)
    elif state == "scheduled":
        services.save_chapter(chapter, publish_at=timezone.now() + timedelta(days=1))
    else:
        services.save_chapter(chapter)
    return chapter


def seen_by_reader(client, work: Work) -> tuple[str, str]:
    """The chapter count on the work page and the badge on the works listing."""
    page = client.get(work.get_absolute_url()).content.decode()
    count = re.search(r"Chapters: ([0-9?]+/[0-9?]+)", page).group(1)
    listing = client.get(reverse("works:index")).content.decode()
    blurb = listing[listing.index(f'id="work_{work.pk}"'):]
    badge = re.search(r'<span class="badge">(Complete|In progress)</span>', blurb).group(1)
    blurb_count = re.search(r"<dt>Chapters:</dt><dd>([0-9?]+/[0-9?]+)</dd>", blurb).group(1)
    assert blurb_count == count
    return count, badge


@pytest.mark.parametrize(
    "added, expected_seen",
    [
        ((), ("1/1", "Complete")),
        (("posted",), ("2/?", "In progress")),
        (("scheduled",), ("1/1", "Complete")),
        (("draft",), ("1/1", "Complete")),
        (("posted", "posted"), ("3/?", "In progress")),
        (("posted", "scheduled"), ("2/?", "In progress")),
        (("posted", "draft"), ("2/?", "In progress")),
        (("scheduled", "draft"), ("1/1", "Complete")),
        (("draft", "scheduled", "posted"), ("2/?", "In progress")),
    ],
)
def test_adding_chapters_to_a_finished_one_shot(client, author, added, expected_seen):
    work = make_work(author, expected_chapters=1)
    for state in added:
        add_chapter(work, state)
    assert seen_by_reader(client, work) == expected_seen


@pytest.mark.parametrize(
    "added, expected_seen",
    [
        (("scheduled", "draft"), ("1/3", "In progress")),
        (("posted", "draft"), ("2/3", "In progress")),
        (("posted", "posted"), ("3/3", "Complete")),
        (("posted", "posted", "posted"), ("4/?", "In progress")),
    ],
)
def test_a_planned_total_counts_only_posted_chapters(client, author, added, expected_seen):
    work = make_work(author, expected_chapters=3)
    for state in added:
        add_chapter(work, state)
    assert seen_by_reader(client, work) == expected_seen


def test_a_scheduled_chapter_beyond_the_total_reopens_the_work_when_it_goes_up(client, author):
    work = make_work(author, expected_chapters=1)
    add_chapter(work, "scheduled")
    assert seen_by_reader(client, work) == ("1/1", "Complete")
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert services.run_due_chapters() == 1
    assert seen_by_reader(client, work) == ("2/?", "In progress")


def test_posting_a_draft_chapter_beyond_the_total_reopens_the_work(client, author):
    work = make_work(author, expected_chapters=1)
    chapter = add_chapter(work, "draft")
    services.publish_chapter(chapter)
    assert seen_by_reader(client, work) == ("2/?", "In progress")


def test_unknown_total_stays_unknown(client, author):
    work = make_work(author)
    add_chapter(work, "posted")
    assert seen_by_reader(client, work) == ("2/?", "In progress")


def test_the_author_cannot_plan_fewer_chapters_than_are_posted(login, author):
    work = make_work(author, chapters=["One.", "Two."])
    c = login(author)
    page = c.get(reverse("works:edit", args=[work.pk]))
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: v for k, v in data.items() if v is not None}
    data["pseuds"] = [p.pk for p in author.pseuds.all()]
    data["warnings"] = ["No Archive Warnings Apply"]
    data.update(expected_chapters="1", submit="save")
    response = c.post(reverse("works:edit", args=[work.pk]), data)
    assert response.status_code == 200
    assert "already has 2 chapters posted" in response.content.decode()
    data["expected_chapters"] = "2"
    response = c.post(reverse("works:edit", args=[work.pk]), data)
    assert response.status_code == 302
    work.refresh_from_db()
    assert (work.chapters_display, work.is_complete) == ("2/2", True)
