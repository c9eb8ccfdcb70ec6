"""Stories brought in from AO3, FanFiction.Net and journal posts keep what the source
states: tags by type, dates, series, complete status, chapter notes and italics."""

from datetime import date

import pytest
from django.core.management import call_command

from quire.tags.models import Tag, TagSuggestion, TagType
from quire.works.models import ChapterState, Series, Work
from quire.works.services import post_work
from tests.understanding import ao3_fixtures as F


def _import(tmp_path, author, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import", str(path), user=author.username, stdout=_Sink(), stderr=_Sink())
    return Work.objects.order_by("-pk").first()


class _Sink:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def _tags(work):
    out = {}
    for tag in work.tags.all():
        out.setdefault(tag.type, set()).add(tag.name)
    return out


EXPECTED_TAGS = {
    TagType.RATING: {"Teen And Up Audiences"},
    TagType.WARNING: {"Choose Not To Use Archive Warnings"},
    TagType.CATEGORY: {"F/F"},
    TagType.FANDOM: {"Harbour Lights (TV)"},
    TagType.RELATIONSHIP: {"Maren Cole/Ida Fenn"},
    TagType.CHARACTER: {"Maren Cole", "Ida Fenn", "Old Tobias"},
    TagType.FREEFORM: {"Slow Burn", "Lighthouses", "Found Family"},
}


def _assert_whole_work(work, author):
    assert work.is_draft
    assert work.title == F.TITLE
    assert work.summary == F.SUMMARY
    assert work.notes_begin == F.NOTES
    assert work.notes_end == F.END_NOTES
    assert "See the end" not in work.notes_begin + work.notes_end
    assert _tags(work) == EXPECTED_TAGS
    assert work.language == "en"
    assert work.published_at.date() == date(2021, 3, 4)
    assert work.updated_at.date() == date(2021, 5, 16)
    assert work.expected_chapters == 3
    assert (work.source, work.source_id) == ("ao3", F.WORK_ID)
    membership = work.series_memberships.get()
    assert (membership.series.title, membership.position) == (F.SERIES, 2)
    assert list(membership.series.creators.all()) == [author.default_pseud]
    chapters = list(work.chapters.order_by("position"))
    assert [c.title for c in chapters] == ["Low Tide", "The Second Lamp", ""]
    assert chapters[0].notes_begin == "In which a ledger turns up where it should not.\n\nThis one fought me all the way."
    assert chapters[1].notes_end == "The lamp in this chapter is based on a real lens design."
    assert "<em>wet</em>" in chapters[0].text_html
    assert "<strong>Forty years</strong>" in chapters[0].text_html
    assert "<hr>" in chapters[0].text_html
    assert "<i>her job</i>" in chapters[1].text_html
    assert "<blockquote>" in chapters[1].text_html
    for chapter in chapters:
        assert "Chapter Text" not in chapter.text_html and "Chapter Notes" not in chapter.text_html
    assert [c.published_at.date() for c in chapters] == [date(2021, 3, 4), date(2021, 3, 4), date(2021, 5, 16)]
    # No suggestion competes with a tag type the author stated.
    assert not TagSuggestion.objects.filter(work=work).exists()


def test_ao3_html_download_becomes_a_draft_matching_the_work(tmp_path, author):
    work = _import(tmp_path, author, "lamplighter.html", F.download_html().encode())
    _assert_whole_work(work, author)


def test_ao3_epub_becomes_the_same_draft_as_the_html_download(tmp_path, author):
    work = _import(tmp_path, author, "lamplighter.epub", F.epub_bytes())
    _assert_whole_work(work, author)


def test_ao3_work_page_saved_from_the_browser_becomes_the_same_draft(tmp_path, author):
    work = _import(tmp_path, author, "lamplighter.html", F.work_page().encode())
    _assert_whole_work(work, author)


def test_both_downloads_join_one_series_of_the_same_name(tmp_path, author):
    first = _import(tmp_path, author, "a.html", F.download_html().encode())
    second = _import(tmp_path, author, "b.epub", F.epub_bytes())
    assert Series.objects.count() == 1
    assert first.series_memberships.get().series == second.series_memberships.get().series


def test_single_chapter_page_keeps_its_chapter_and_the_works_tags(tmp_path, author):
    work = _import(tmp_path, author, "ch2.html", F.work_page(2).encode())
    chapter = work.chapters.get()
    assert chapter.title == "The Second Lamp"
    assert chapter.notes_end == "The lamp in this chapter is based on a real lens design."
    assert "Notes:" not in chapter.notes_begin
    assert _tags(work) == EXPECTED_TAGS


def test_posting_an_imported_draft_keeps_its_original_dates(tmp_path, author):
    work = _import(tmp_path, author, "lamplighter.html", F.download_html().encode())
    post_work(work)
    work.refresh_from_db()
    assert not work.is_draft and work.chapter_count == 3 and work.is_complete
    assert work.published_at.date() == date(2021, 3, 4)
    assert work.updated_at.date() == date(2021, 5, 16)
    assert set(work.chapters.values_list("state", flat=True)) == {ChapterState.PUBLISHED}


def test_word_count_agrees_with_ao3s_counting(tmp_path, author):
    """AO3 strips hyphens and apostrophes, turns "--" into a dash, then counts word runs."""
    work = _import(tmp_path, author, "lamplighter.html", F.download_html().encode())
    counted = sum(c.word_count for c in work.chapters.all())
    assert counted == F.WORDS


def test_unknown_tags_are_created_unwrangled_and_a_synonym_files_under_its_canonical(tmp_path, author):
    canonical = Tag.objects.create(name="Slow Build", type=TagType.FREEFORM, canonical=True)
    Tag.objects.create(name="Slow Burn", type=TagType.FREEFORM, synonym_of=canonical)
    work = _import(tmp_path, author, "lamplighter.html", F.download_html().encode())
    lighthouses = Tag.objects.get(name="Lighthouses")
    assert not lighthouses.canonical and lighthouses.synonym_of is None
    assert "Slow Burn" in _tags(work)[TagType.FREEFORM]  # shown as the author typed it
    assert work.filter_taggings.filter(tag=canonical).exists()  # filed under the canonical


def test_ffn_page_gives_rating_pairing_dates_and_status(tmp_path, author):
    work = _import(tmp_path, author, "salt-road.html", F.ffn_page().encode())
    tags = _tags(work)
    assert tags[TagType.RATING] == {"Teen And Up Audiences"}  # FFN's T
    assert tags[TagType.FANDOM] == {"Harbour Lights"}
    assert tags[TagType.RELATIONSHIP] == {"Maren C./Ida F."}
    assert tags[TagType.CHARACTER] == {"Maren C.", "Ida F.", "Old Tobias"}
    assert tags[TagType.FREEFORM] == {"Adventure", "Hurt/Comfort"}
    assert work.published_at.date() == date(2021, 1, 1)
    assert work.updated_at.date() == date(2021, 5, 3)
    assert work.expected_chapters == 3
    assert (work.source, work.source_id) == ("ffn", F.FFN_ID)
    chapter = work.chapters.get()
    assert chapter.title == "Crossing"
    assert "<em>thread</em>" in chapter.text_html


def test_header_block_post_is_read_as_metadata_not_notes(tmp_path, author):
    work = _import(tmp_path, author, "small-hours.txt", F.HEADER_POST.encode())
    tags = _tags(work)
    assert work.title == "Small Hours"
    assert work.summary == "The lamp goes out at three in the morning, and so do the excuses."
    assert tags[TagType.RATING] == {"Teen And Up Audiences"}  # PG-13
    assert tags[TagType.WARNING] == {"No Archive Warnings Apply"}
    assert tags[TagType.RELATIONSHIP] == {"Maren Cole/Ida Fenn"}
    assert tags[TagType.FANDOM] == {"Harbour Lights (TV)"}
    assert "Pairing:" not in work.notes_begin and "Rating" not in work.notes_begin
    assert "For the ficlet meme." in work.notes_begin
    assert work.chapters.get().text.startswith("The lamp went out at three in the morning.")


@pytest.mark.parametrize("rating,expected", [
    ("K", "General Audiences"), ("K+", "General Audiences"), ("T", "Teen And Up Audiences"),
    ("M", "Mature"), ("G", "General Audiences"), ("PG", "General Audiences"),
    ("PG-13", "Teen And Up Audiences"), ("R", "Mature"), ("NC-17", "Explicit"), ("Explicit", "Explicit"),
])
def test_rating_scales_map_to_the_archives_ratings(rating, expected):
    from quire.understanding.model import Metadata
    from quire.works.importing import stated_tags

    assert stated_tags(Metadata(rating=rating))[TagType.RATING] == [expected]


def test_docx_keeps_italics_bold_underline_and_its_chapters(tmp_path, author):
    work = _import(tmp_path, author, "fog.docx", F.docx_bytes())
    chapters = list(work.chapters.order_by("position"))
    assert [c.title for c in chapters] == ["Fog", "Clear"]
    assert "<em>sideways</em>" in chapters[0].text_html
    assert "<strong>early</strong>" in chapters[0].text_html
    assert "<u>flat</u>" in chapters[1].text_html
    assert "Chapter 2" not in chapters[0].text_html


def test_odt_keeps_italics_bold_links_alignment_and_breaks(tmp_path, author):
    work = _import(tmp_path, author, "driftwood.odt", F.odt_bytes())
    chapters = list(work.chapters.order_by("position"))
    assert [c.title for c in chapters] == ["Driftwood", "Shelf"]
    first = chapters[0].text_html
    assert "<i>driftwood</i>" in first and "<b>long shelf</b>" in first
    assert "<hr>" in first and "<br>" in first
    assert '<a href="https://example.org/storm"' in chapters[1].text_html


def test_a_pasted_header_block_in_post_from_text_becomes_stated_tags(login, author):
    from django.urls import reverse

    client = login(author)
    response = client.post(reverse("imports:from_text"), {"text": F.HEADER_POST})
    work = Work.objects.get()
    assert response.status_code == 302 and response.url == reverse("works:edit", args=[work.pk])
    assert work.title == "Small Hours"
    assert _tags(work)[TagType.RATING] == {"Teen And Up Audiences"}
    assert _tags(work)[TagType.RELATIONSHIP] == {"Maren Cole/Ida Fenn"}
    # The fandom was stated, so no fandom is suggested; unstated types may still be.
    assert not TagSuggestion.objects.filter(work=work, type=TagType.FANDOM).exists()


def test_reposting_the_same_ao3_file_in_post_from_text_asks_instead_of_duplicating(login, author):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client = login(author)
    upload = F.download_html().encode()
    client.post(reverse("imports:from_text"), {"upload": SimpleUploadedFile("a.html", upload)})
    response = client.post(reverse("imports:from_text"), {"upload": SimpleUploadedFile("a.html", upload)})
    assert response.status_code == 302 and "/works/import/" in response.url
    assert Work.objects.count() == 1
