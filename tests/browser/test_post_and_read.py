"""A new visitor signs up, posts a four-chapter work (one chapter scheduled for
tomorrow), logs out, and reads what a guest can see: three chapters of four."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from .helpers import confirmation_path

TITLE = "The Copperwick Almanac"
SUMMARY = "A clockmaker's apprentice keeps a diary of every clock that stops in Copperwick."
NOTES_BEGIN = "Written for the long winter evenings; thank you to my patient beta."
NOTES_END = "More almanac entries are coming after the thaw."
FANDOM = "Copperwick Clockworks"
RELATIONSHIP = "Ansel Brigg/Pell Varro"
CHARACTERS = "Ansel Brigg, Pell Varro, Mistress Hobb"
FREEFORMS = "Found Family, Slow Burn"

CHAPTER_1 = "The tower clock stopped at seven minutes past nine and Ansel wrote it down."
CHAPTER_1_AFTER_BREAK = "By lamplight Pell took the pendulum apart on the kitchen table."
CHAPTER_2 = "Mistress Hobb sold them a spring that sang when it was wound."
CHAPTER_3 = "The whole town heard the tower clock strike noon for the first time in years."
CHAPTER_4 = "This secret epilogue about the frozen river must wait until tomorrow."


def _sign_up(page, username):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign up").click()
    expect(page.get_by_role("heading", name="Create an account", exact=True)).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(f"{username}@example.org")
    page.get_by_label("Password", exact=True).fill("lantern-tide-8841")
    page.get_by_label("Password again").fill("lantern-tide-8841")
    page.get_by_label("I have read and accept").check()
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("status")).to_contain_text(f"Welcome to Quire, {username}!")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    # Posting waits until the address is confirmed: follow the link the email carries.
    page.goto(confirmation_path(mail.outbox[-1]))
    expect(page.get_by_role("status")).to_contain_text("is confirmed")


def _add_chapter(page, text, title, *, schedule_for=None):
    page.get_by_role("navigation", name="Creator actions").get_by_role("link", name="Add chapter").click()
    expect(page.get_by_role("heading", name=re.compile(rf"^New chapter of {TITLE}"))).to_be_visible()
    page.get_by_label("Chapter title").fill(title)
    page.get_by_label("Chapter text").fill(text)
    if schedule_for is None:
        page.get_by_label("Post now").check()
    else:
        page.get_by_label("Schedule for later").check()
        page.get_by_label("Publish on").fill(schedule_for)
    page.get_by_role("button", name="Save chapter").click()


def test_new_member_posts_four_chapters_and_a_guest_reads_the_three_that_are_up(page, transactional_db):
    _sign_up(page, "tamsin")

    # Post the work with its first chapter.
    page.get_by_role("link", name="Post new work").click()
    expect(page.get_by_role("heading", name="Post new work", exact=True)).to_be_visible()
    page.get_by_label("Teen And Up Audiences").check()
    page.get_by_label("Graphic Depictions Of Violence").check()
    page.get_by_label("Fandoms").fill(FANDOM)
    page.get_by_label("Relationships").fill(RELATIONSHIP)
    page.get_by_label("Characters").fill(CHARACTERS)
    page.get_by_label("Additional tags").fill(FREEFORMS)
    page.get_by_label(re.compile(r"^Title")).fill(TITLE)
    page.get_by_label("Summary").fill(SUMMARY)
    page.get_by_label("Beginning notes").fill(NOTES_BEGIN)
    page.get_by_label("End notes", exact=True).fill(NOTES_END)
    page.get_by_label("Chapters planned").fill("4")
    page.get_by_label("Chapter title").fill("Seven Past Nine")
    page.get_by_label("Chapter text").fill(f"{CHAPTER_1}\n\n* * *\n\n{CHAPTER_1_AFTER_BREAK}")
    page.get_by_role("button", name="Post", exact=True).click()

    expect(page.get_by_role("status")).to_contain_text("Work posted.")
    expect(page.get_by_role("heading", name=TITLE, exact=True)).to_be_visible()
    work_url = page.url

    # Chapters 2 and 3 go up now; chapter 4 is scheduled for tomorrow.
    _add_chapter(page, CHAPTER_2, "The Singing Spring")
    expect(page.get_by_role("status")).to_contain_text("Chapter saved.")
    expect(page.get_by_role("main")).to_contain_text(CHAPTER_2)
    _add_chapter(page, CHAPTER_3, "Noon")
    expect(page.get_by_role("status")).to_contain_text("Chapter saved.")
    tomorrow = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    _add_chapter(page, CHAPTER_4, "Thaw", schedule_for=tomorrow)
    expect(page.get_by_role("status")).to_contain_text("Chapter scheduled.")
    # The author sees the scheduled chapter, flagged as such.
    expect(page.get_by_role("main")).to_contain_text("Scheduled: this chapter goes up on")
    expect(page.get_by_role("main")).to_contain_text(CHAPTER_4)

    # Log out; from here on this is a guest.
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("status")).to_contain_text("You have logged out.")
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav.get_by_role("link", name="Log in")).to_be_visible()
    expect(main_nav.get_by_role("link", name="Post new work")).to_have_count(0)

    # The guest finds the work in the list of works.
    main_nav.get_by_role("link", name="Works", exact=True).click()
    expect(page.get_by_role("heading", name="Works", exact=True)).to_be_visible()
    page.get_by_role("link", name=TITLE).click()
    assert page.url.split("?")[0] == work_url.split("?")[0]

    meta = page.locator("dl.meta")
    expect(meta).to_contain_text("Chapters: 3/4")
    expect(meta).to_contain_text("Teen And Up Audiences")
    expect(meta).to_contain_text("Graphic Depictions Of Violence")
    for tag in (FANDOM, RELATIONSHIP, "Ansel Brigg", "Pell Varro", "Mistress Hobb", "Found Family", "Slow Burn"):
        expect(meta.get_by_role("link", name=tag, exact=True)).to_be_visible()

    # Chapter 1 with the preface: summary and beginning notes; the scene break is a rule.
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", name=TITLE, exact=True)).to_be_visible()
    expect(page.locator(".preface")).to_contain_text(SUMMARY)
    expect(page.locator(".preface")).to_contain_text(NOTES_BEGIN)
    expect(page.get_by_role("heading", name="Chapter 1: Seven Past Nine", exact=True)).to_be_visible()
    expect(main).to_contain_text(CHAPTER_1)
    expect(main).to_contain_text(CHAPTER_1_AFTER_BREAK)
    expect(page.locator(".userstuff hr")).to_have_count(1)
    expect(main).not_to_contain_text(CHAPTER_2)
    expect(main).not_to_contain_text(NOTES_END)  # end notes close the work, not its first chapter

    # Next chapter → twice: chapters 2 and 3.
    page.get_by_role("link", name="Next chapter →").first.click()
    expect(page.get_by_role("heading", name="Chapter 2: The Singing Spring", exact=True)).to_be_visible()
    expect(main).to_contain_text(CHAPTER_2)
    expect(main).not_to_contain_text(CHAPTER_1)
    page.get_by_role("link", name="Next chapter →").first.click()
    expect(page.get_by_role("heading", name="Chapter 3: Noon", exact=True)).to_be_visible()
    expect(main).to_contain_text(CHAPTER_3)
    expect(main).to_contain_text(NOTES_END)
    # Chapter 3 is the last one a guest can read: no way on to chapter 4.
    expect(page.get_by_role("link", name="Next chapter →")).to_have_count(0)
    expect(page.get_by_label("Go to chapter").locator("option")).to_have_count(3)
    expect(main).not_to_contain_text(CHAPTER_4)
    expect(main).not_to_contain_text("Thaw")

    # The chapter index lists three chapters and not the scheduled one.
    page.get_by_role("link", name="Chapter index").first.click()
    expect(page.get_by_role("heading", name=f"Chapter index for {TITLE}", exact=True)).to_be_visible()
    chapter_links = page.locator(".chapter-index li")
    expect(chapter_links).to_have_count(3)
    expect(chapter_links).to_have_text(
        [re.compile("Seven Past Nine"), re.compile("The Singing Spring"), re.compile("Noon")]
    )
    expect(main).not_to_contain_text("Thaw")
    expect(main).not_to_contain_text("scheduled")

    # Entire work: chapters 1-3 in order, then the end notes, and nothing of chapter 4.
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Entire work").first.click()
    expect(page.locator("section.chapter")).to_have_count(3)
    expect(page.locator("section.chapter h2")).to_have_text(
        ["Chapter 1: Seven Past Nine", "Chapter 2: The Singing Spring", "Chapter 3: Noon"]
    )
    expect(main).not_to_contain_text(CHAPTER_4)
    expect(main).not_to_contain_text("Thaw")
    text = main.inner_text()
    positions = [text.index(s) for s in (SUMMARY, CHAPTER_1, CHAPTER_1_AFTER_BREAK, CHAPTER_2, CHAPTER_3, NOTES_END)]
    assert positions == sorted(positions), positions
    expect(page.get_by_role("heading", name="End Notes:", exact=True)).to_be_visible()
