"""Real-looking AO3 files (full saved pages with all the site chrome, the HTML download and
a Calibre-built EPUB) become drafts holding exactly what the author stated, and none of
the archive's own words."""

import io
import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from quire.tags.models import TagType
from quire.understanding.loaders import load
from quire.works.models import Work
from tests.understanding import ao3_saved_fixtures as F

FURNITURE = ("Notes:", "See the end of", "Chapter Text", "Posted originally", "Archive of Our Own",
             "kudos", "drop by the Archive", "Summary:", "Chapter Summary", "Chapter End Notes",
             "Work Header", "Skip header", "Entire Work")

EXPECTED_TAGS = {
    TagType.RATING: {F.TAGS["rating"]},
    # AO3 shows its "Choose Not To Use" warning as "Creator Chose Not To Use"; ours is the tag.
    TagType.WARNING: {"Choose Not To Use Archive Warnings", "Major Character Death"},
    TagType.CATEGORY: set(F.TAGS["categories"]),
    TagType.FANDOM: set(F.TAGS["fandoms"]),
    TagType.RELATIONSHIP: set(F.TAGS["relationships"]),
    TagType.CHARACTER: set(F.TAGS["characters"]),
    TagType.FREEFORM: set(F.TAGS["additional_tags"]),
}


class _Sink:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def _import(tmp_path, author, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import", str(path), user=author.username, stdout=_Sink(), stderr=_Sink())
    return Work.objects.order_by("-pk").first()


def _tags(work):
    out: dict[str, set[str]] = {}
    for tag in work.tags.all():
        out.setdefault(tag.type, set()).add(tag.name)
    return out


def _fields(work):
    out = [work.title, work.summary, work.notes_begin, work.notes_end]
    for ch in work.chapters.all():
        out += [ch.title, ch.notes_begin, ch.notes_end, ch.text_html]
    return [f for f in out if f]


def _assert_whole_work(work):
    assert work.title == F.TITLE
    assert work.summary == F.SUMMARY
    assert work.notes_begin == F.NOTES
    assert work.notes_end == F.END_NOTES
    assert _tags(work) == EXPECTED_TAGS
    assert work.language == "en"
    assert work.published_at.date() == date(2022, 2, 3)
    assert work.updated_at.date() == date(2022, 6, 19)
    assert work.expected_chapters is None  # "2/?": a work in progress
    chapters = list(work.chapters.order_by("position"))
    assert [c.title for c in chapters] == [F.CH1_TITLE, ""]
    # A chapter's summary leads its beginning notes (chapters have no summary field).
    assert chapters[0].notes_begin == F.CH1_SUMMARY + "\n\n" + F.CH1_NOTES
    assert chapters[0].notes_end == F.CH1_END
    assert chapters[1].notes_begin == ""
    assert chapters[1].notes_end == F.CH2_END
    assert "exactly</em>" in chapters[0].text_html
    assert chapters[0].text_html.count("Forty") == 2 and "<i" in chapters[0].text_html
    assert "opinions</em>" in chapters[1].text_html
    assert "Old Tobias came up the stairs" in chapters[1].text_html  # positive control
    for field in _fields(work):
        for furniture in FURNITURE:
            assert furniture not in field, (furniture, field)
    titles = {s.series.title: s.position for s in work.series_memberships.all()}
    assert titles == dict(F.SERIES)


@pytest.mark.parametrize("name,data", [
    ("salt-cinder.html", lambda: F.full_work_page().encode()),
    ("Salt_Cinder.html", lambda: F.html_download().encode()),
    ("Salt_Cinder.epub", F.epub_download),
], ids=["saved-page", "html-download", "calibre-epub"])
def test_real_looking_ao3_files_become_faithful_drafts(tmp_path, author, name, data):
    work = _import(tmp_path, author, name, data())
    _assert_whole_work(work)


def test_a_saved_single_chapter_page_keeps_that_chapter_only(tmp_path, author):
    work = _import(tmp_path, author, "ch2.html", F.chapter_two_page().encode())
    chapters = list(work.chapters.all())
    assert len(chapters) == 1
    assert chapters[0].notes_end == F.CH2_END
    assert "Old Tobias" in chapters[0].text_html
    assert work.title == F.TITLE
    assert _tags(work) == EXPECTED_TAGS
    for field in _fields(work):
        for furniture in FURNITURE:
            assert furniture not in field, (furniture, field)


def test_an_unchaptered_download_is_one_untitled_chapter_by_anonymous(tmp_path, author):
    work = _import(tmp_path, author, "oneshot.html", F.oneshot_download().encode())
    chapter = work.chapters.get()
    assert chapter.title == ""  # the heading was the work's title, not a chapter's
    assert work.title == F.TITLE  # positive control: the title is still the work's
    assert F.ONESHOT_TEXT in chapter.text_html and "laughed</em>" in chapter.text_html
    assert work.expected_chapters == 1  # "1/1": complete


def test_an_anonymous_byline_names_its_creator_anonymous():
    meta = load(F.oneshot_download().encode(), "oneshot.html").structure.metadata
    assert meta.creators == ["Anonymous"]
    linked = load(F.html_download().encode(), "work.html").structure.metadata
    assert linked.creators == F.CREATORS  # positive control: linked bylines give the names


def test_hidden_tag_toggles_are_not_tags(tmp_path, author):
    work = _import(tmp_path, author, "hidden.html", F.page_with_hidden_tags().encode())
    tags = _tags(work)
    assert all(not name.startswith("Show ") for names in tags.values() for name in names)
    assert TagType.FREEFORM not in tags
    assert tags[TagType.FANDOM] == EXPECTED_TAGS[TagType.FANDOM]  # the shown lists still count


def test_a_dedication_line_is_not_the_authors_notes(tmp_path, author):
    work = _import(tmp_path, author, "gift.html", F.page_with_gift_and_no_notes().encode())
    assert work.notes_begin == ""
    assert work.notes_end == F.END_NOTES  # positive control: the end notes are the author's


def test_a_chapter_byline_stays_out_of_the_chapter_text():
    for name, data in (("w.html", F.html_download().encode()), ("w.epub", F.epub_download()),
                       ("p.html", F.full_work_page().encode())):
        chapters = load(data, name).structure.chapters
        assert "Chapter by" not in chapters[1].text and "Chapter by" not in (chapters[1].html or ""), name
        assert chapters[1].text.startswith("Old Tobias came up the stairs"), name


def test_a_saved_adult_content_notice_is_refused_with_what_to_do(tmp_path, author):
    before = Work.objects.count()
    path = tmp_path / "notice.html"
    path.write_bytes(F.adult_notice_page().encode())
    said = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import", str(path), user=author.username, stdout=said, stderr=said)
    assert "without the work's text" in said.getvalue() and "Proceed" in said.getvalue()
    assert "Traceback" not in said.getvalue()
    assert Work.objects.count() == before  # nothing half-imported
    work = _import(tmp_path, author, "work.html", F.full_work_page().encode())
    assert work.title == F.TITLE  # positive control: the work's own page imports


def test_italics_a_converter_moved_into_the_stylesheet_are_kept(tmp_path, author):
    work = _import(tmp_path, author, "spans.epub", F.epub_download(italic_spans=True))
    first, second = work.chapters.order_by("position")
    italic = re.compile(r"<em[^>]*>([^<]*)</em>")
    assert italic.findall(first.text_html) == ["exactly", "Forty ships", "Forty, and one more in the fog."]
    assert italic.findall(second.text_html) == ["opinions"]
    assert "<span" not in first.text_html + second.text_html
