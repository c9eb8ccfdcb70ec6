"""Searching text: title, summary, notes, tags, creator and chapter text, AO3-style syntax, snippets."""

import re

from django.urls import reverse

from quire.works import services
from quire.works.models import Chapter
from tests.factories import make_work


def titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/works/\d+/">([^<]+)</a>', html)


def search(client, q, **extra):
    return client.get(reverse("search:works"), {"q": q, **extra}).content.decode()


def test_chapter_text_is_searchable_with_a_highlighted_snippet(client, author):
    make_work(author, "Quiet One", chapters=["The understudy sang the whole score from the wings."])
    make_work(author, "Other One", chapters=["Nothing about music here."])
    page = search(client, "wings")
    assert titles(page) == ["Quiet One"]
    assert "<mark>wings</mark>" in page


def test_title_summary_tags_and_creator_are_searchable(client, author):
    make_work(author, "Lantern Festival", summary="A harbour story.", freeforms=("Found Family",))
    assert titles(search(client, "lantern")) == ["Lantern Festival"]
    assert titles(search(client, "harbour")) == ["Lantern Festival"]
    assert titles(search(client, "family")) == ["Lantern Festival"]
    assert titles(search(client, "amara")) == ["Lantern Festival"]


def test_an_anonymous_work_is_not_found_by_its_creators_name(client, author):
    make_work(author, "Nameless", anonymous=True)
    assert titles(search(client, "amara")) == []


def test_draft_chapters_and_restricted_works_are_not_found_by_guests(client, author, login):
    make_work(author, "Secret Draft", chapters=["marmalade"], draft=True)
    make_work(author, "Members Only", chapters=["marmalade"], restricted=True)
    assert titles(search(client, "marmalade")) == []
    assert titles(search(login(author), "marmalade")) == ["Members Only"]


def test_title_matches_rank_above_chapter_text_matches(client, author):
    make_work(author, "Harbour Lights", chapters=["A quiet evening."])
    make_work(author, "Evening", chapters=["They walked along the harbour once."])
    assert titles(search(client, "harbour")) == ["Harbour Lights", "Evening"]


def test_syntax_words_and_sort(client, author):
    make_work(author, "Short Tide", chapters=["tide " * 5])
    make_work(author, "Long Tide", chapters=["tide " * 50])
    assert titles(search(client, "tide words>20")) == ["Long Tide"]
    assert titles(search(client, "tide sort:title")) == ["Long Tide", "Short Tide"]


def test_minus_a_tag_excludes_it(client, author):
    make_work(author, "Sad Tide", chapters=["tide"], freeforms=("Angst",))
    make_work(author, "Happy Tide", chapters=["tide"], freeforms=("Fluff",))
    assert titles(search(client, "tide -Angst")) == ["Happy Tide"]


def test_punctuation_and_unbalanced_quotes_do_not_break_search(client, author):
    make_work(author, "Odd Tide", chapters=["tide"])
    assert search(client, 'tide "AND OR NOT ( * ^').count("Odd Tide") >= 0
    assert client.get(reverse("search:works"), {"q": '"(NEAR'}).status_code == 200


def test_a_new_chapter_is_found_by_the_next_search(client, author):
    work = make_work(author, "Growing", chapters=["first words"])
    assert titles(search(client, "pomegranate")) == []
    chapter = Chapter(work=work, text="a pomegranate appears")
    services.save_chapter(chapter, publish_now=True)
    assert titles(search(client, "pomegranate")) == ["Growing"]


def test_an_edited_title_is_found_and_the_old_one_is_not(client, author):
    work = make_work(author, "Crimson Title")
    work.title = "Cobalt Title"
    work.save()
    assert titles(search(client, "crimson")) == []
    assert titles(search(client, "cobalt")) == ["Cobalt Title"]
