"""An author brings stories in through "Import works": an AO3 HTML download and an AO3
EPUB of the same three-chapter work in a series become two drafts that match it field
for field; an FFN page and a header-block post become drafts with their stated tags."""

import re

from django.core.management import call_command
from playwright.sync_api import expect

from quire.works.models import Work
from tests.browser.helpers import log_in
from tests.factories import make_user
from tests.understanding import ao3_fixtures as F


def _run_worker_and_reload(page):
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    page.get_by_role("link", name="reload").click()


def _upload(page, files, expected=None):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Import works").click()
    expect(page.get_by_role("heading", name="Import works", exact=True)).to_be_visible()
    page.get_by_label("Story files").set_input_files(
        [{"name": name, "mimeType": mime, "buffer": data} for name, mime, data in files])
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("still being read")
    _run_worker_and_reload(page)
    expect(page.get_by_role("status")).to_contain_text(
        expected or f"{len(files)} of {len(files)} files imported as drafts")


def _check_edit_form(page, link_name):
    page.get_by_role("link", name=link_name).first.click()
    expect(page.get_by_label(re.compile(r"^Title"))).to_have_value(F.TITLE)
    expect(page.get_by_label("Summary")).to_have_value(F.SUMMARY)
    expect(page.get_by_label("Beginning notes")).to_have_value(F.NOTES)
    expect(page.get_by_label("End notes", exact=True)).to_have_value(F.END_NOTES)
    expect(page.get_by_label("Teen And Up Audiences")).to_be_checked()
    expect(page.get_by_label("Choose Not To Use Archive Warnings")).to_be_checked()
    expect(page.get_by_label("F/F")).to_be_checked()
    expect(page.get_by_label("Fandoms")).to_have_value("Harbour Lights (TV)")
    expect(page.get_by_label("Relationships")).to_have_value("Maren Cole/Ida Fenn")
    expect(page.get_by_label("Characters")).to_have_value(re.compile(r"Ida Fenn.*Maren Cole.*Old Tobias|Maren Cole"))
    for tag in ("Slow Burn", "Lighthouses", "Found Family"):
        expect(page.get_by_label("Additional tags")).to_have_value(re.compile(re.escape(tag)))
    expect(page.get_by_label("Add to series")).to_have_value(re.compile(r"\d+"))
    expect(page.get_by_label("Add to series").locator("option:checked")).to_have_text(F.SERIES)
    expect(page.get_by_label("Part number in the series")).to_have_value("2")
    expect(page.get_by_label("Chapters planned")).to_have_value("3")
    page.go_back()


def _fields(work):
    chapters = list(work.chapters.order_by("position"))
    return {
        "title": work.title, "summary": work.summary, "notes": (work.notes_begin, work.notes_end),
        "tags": sorted((t.type, t.name) for t in work.tags.all()),
        "published": work.published_at.date(), "updated": work.updated_at.date(),
        "expected": work.expected_chapters, "language": work.language,
        "series": [(m.series.title, m.position) for m in work.series_memberships.select_related("series")],
        "chapters": [(c.title, c.notes_begin, c.notes_end, c.text_html, c.published_at.date()) for c in chapters],
    }


def test_ao3_html_download_and_epub_become_matching_drafts(page):
    author = make_user("quillfeather")
    log_in(page, author.username)
    _upload(page, [
        ("lamplighter.html", "text/html", F.download_html().encode()),
        ("lamplighter.epub", "application/epub+zip", F.epub_bytes()),
    ], expected="1 of 2 files imported as draft, 1 imported before")
    # Same AO3 work twice: the second file asks before it duplicates; here we want both.
    row = page.get_by_role("row").filter(has_text="lamplighter.epub")
    expect(row).to_contain_text("Imported before: already imported as the draft")
    row.get_by_role("button", name="Import as a new draft").click()
    page.get_by_role("link", name="reload").click()
    _run_worker_and_reload(page)
    expect(page.get_by_role("status")).to_contain_text("2 of 2 files imported as drafts")
    drafts = list(Work.objects.order_by("pk"))
    assert len(drafts) == 2
    # The two sources give the same work, field for field.
    assert _fields(drafts[0]) == _fields(drafts[1])
    fields = _fields(drafts[0])
    assert fields["series"] == [(F.SERIES, 2)] and fields["expected"] == 3
    assert str(fields["published"]) == F.PUBLISHED and str(fields["updated"]) == F.COMPLETED
    assert [c[0] for c in fields["chapters"]] == ["Low Tide", "The Second Lamp", ""]

    row = page.get_by_role("row").filter(has_text="lamplighter.html")
    expect(row).to_contain_text("Draft ready")
    expect(row).to_contain_text("3 chapters")
    _check_edit_form(page, F.TITLE)

    # The draft reads with its chapter notes and italics.
    page.goto(drafts[1].get_absolute_url())
    expect(page.get_by_text("This work is a draft: only you can see it.")).to_be_visible()
    main = page.get_by_role("main")
    expect(main.locator("em", has_text="wet")).to_be_visible()
    expect(main).to_contain_text("This one fought me all the way.")
    expect(main).not_to_contain_text("See the end of the")
    expect(main).not_to_contain_text("Posted originally on the")

    # Post all: the drafts have their rating, warning and fandom, so both go up.
    page.goto(page.url)  # back to a page with the header
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Import works").click()
    page.get_by_role("link", name=re.compile("Import of")).first.click()
    page.get_by_role("button", name="Post all 2 ready drafts").click()
    expect(page.get_by_role("status").first).to_contain_text("Posted 2 works.")
    for work in Work.objects.all():
        assert not work.is_draft and work.is_complete
        assert str(work.published_at.date()) == F.PUBLISHED  # the original date, not today's


def test_ffn_page_and_header_post_become_drafts_with_their_stated_tags(page):
    author = make_user("gullwing")
    log_in(page, author.username)
    _upload(page, [
        ("salt-road.html", "text/html", F.ffn_page().encode()),
        ("small-hours.txt", "text/plain", F.HEADER_POST.encode()),
    ])
    page.get_by_role("link", name="The Salt Road").click()
    expect(page.get_by_label("Teen And Up Audiences")).to_be_checked()  # FFN's T
    expect(page.get_by_label("Fandoms")).to_have_value("Harbour Lights")
    expect(page.get_by_label("Relationships")).to_have_value("Maren C./Ida F.")
    expect(page.get_by_label("Summary")).to_have_value("Two keepers, one road, and a storm that will not wait.")
    page.go_back()
    page.get_by_role("link", name="Small Hours").click()
    expect(page.get_by_label("Teen And Up Audiences")).to_be_checked()  # PG-13
    expect(page.get_by_label("No Archive Warnings Apply")).to_be_checked()
    expect(page.get_by_label("Relationships")).to_have_value("Maren Cole/Ida Fenn")
    expect(page.get_by_label("Beginning notes")).not_to_have_value(re.compile("Pairing:|Rating:"))
    expect(page.get_by_label("Beginning notes")).to_have_value(re.compile("For the ficlet meme."))
