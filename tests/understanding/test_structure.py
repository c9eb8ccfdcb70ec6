"""parse(): notes, summary, disclaimer, chapters and scene breaks of pasted stories."""
import pytest

from quire.understanding import parse

from .helpers import lost_words

OPENING_NOTE = """Hey all! This is my first Lanternfall fic, so be gentle. I binged the whole second \
season in a weekend and now I can't stop thinking about Wren.

Hope you like it!

Wren counted the lanterns twice before she trusted the number. Forty-one, the same as last night.

The harbour master waved at her from the pier, and she pretended not to see him."""


def test_unlabelled_opening_note_is_a_note_and_story_starts_with_narration():
    s = parse(OPENING_NOTE)
    assert "This is my first Lanternfall fic" in s.notes_begin
    assert "Hope you like it!" in s.notes_begin
    assert len(s.chapters) == 1
    assert s.chapters[0].text.startswith("Wren counted the lanterns")
    assert "Hope you like it" not in s.chapters[0].text


def test_chapter_that_starts_with_dialogue_is_story():
    text = ('"You said you would be here by nine," Odile said, not looking up from the map.\n\n'
            '"I said I would try," Bastien answered. "I hope you enjoy being wrong."\n\n'
            "The candle between them guttered and went out.")
    s = parse(text)
    assert s.notes_begin is None
    assert s.chapters[0].text.startswith('"You said you would be here by nine,"')
    assert s.notes_end is None


def test_first_person_story_opening_is_not_mistaken_for_a_note():
    text = ("I never wanted to come back to Marlow Hill. My mother said the house would sell "
            "itself, and I believed her, because I always did.\n\n"
            "The key was under the third flowerpot, exactly where she had left it in 1998.")
    s = parse(text)
    assert s.notes_begin is None
    assert s.chapters[0].text.startswith("I never wanted to come back")


def test_labelled_blurb_becomes_the_summary_and_the_chatty_note_stays_a_note():
    text = ("A/N: Corvin is tired of guarding a door nobody uses. When he finds out what is "
            "behind it, he will have to choose between his oath and his sister.\n\n"
            "AN: I wrote this in one sitting, please review and tell me if it's too dark!\n\n"
            "Chapter 1\n\nThe door had not opened in eleven years.")
    s = parse(text)
    assert s.summary.startswith("Corvin is tired of guarding a door")
    assert "I wrote this in one sitting" in s.notes_begin
    assert s.chapters[0].title == "Chapter 1"
    assert s.chapters[0].text == "The door had not opened in eleven years."


def test_summary_and_disclaimer_labels():
    text = ("Summary: Two rival bakers share one oven for a week.\n\n"
            "Disclaimer: I don't own The Great Bake-Off Saga or its characters.\n\n"
            "The flour was everywhere by Tuesday.")
    s = parse(text)
    assert s.summary == "Two rival bakers share one oven for a week."
    assert s.disclaimer.startswith("I don't own The Great Bake-Off Saga")
    assert s.chapters[0].text == "The flour was everywhere by Tuesday."


def test_several_chapters_in_one_paste_with_all_heading_styles():
    text = ("Prologue\n\nThe comet came back.\n\n"
            "Chapter 1: The Watchers\n\nNobody on the hill slept.\n\n"
            "Chapter Two\n\nMorning was grey.\n\n"
            "CHAPTER 3 - Ashes\n\nThe fire was out by noon.\n\n"
            "Epilogue\n\nYears later, the hill was green again.")
    s = parse(text)
    assert [c.title for c in s.chapters] == [
        "Prologue", "Chapter 1: The Watchers", "Chapter Two", "CHAPTER 3 - Ashes", "Epilogue"]
    assert s.chapters[2].text == "Morning was grey."
    assert s.chapters[2].words == 3


def test_numbered_headings_split_chapters_only_when_there_are_several():
    s = parse("1.\n\nThe tide went out.\n\n2.\n\nThe tide came back in.")
    assert [c.title for c in s.chapters] == ["1.", "2."]
    single = parse("The year was hard.\n\n1999\n\nNothing else happened.")
    assert len(single.chapters) == 1


def test_notes_between_chapters_stay_with_their_chapter_and_out_of_the_text():
    text = ("Chapter 1\n\nThe ferry left without them.\n\n"
            "A/N: Sorry this one is short, the next update will be longer!\n\n"
            "Chapter 2\n\nAuthor's Note: Thanks for all the reviews, you guys are the best.\n\n"
            "They took the night bus instead.\n\nPlease review!")
    s = parse(text)
    one, two = s.chapters
    assert one.text == "The ferry left without them."
    assert "Sorry this one is short" in one.notes_end
    assert "Thanks for all the reviews" in two.notes_begin
    assert two.text == "They took the night bus instead."
    assert s.notes_end == "Please review!"


def test_labelled_note_in_the_middle_of_a_chapter_is_taken_out_of_the_story():
    text = ("The first snow fell on the orchard.\n\n"
            "A/N: quick warning, the next scene gets a bit sad.\n\n"
            "Ilse found the letter under the apple crate.")
    s = parse(text)
    assert s.chapters[0].text == ("The first snow fell on the orchard.\n\n"
                                  "Ilse found the letter under the apple crate.")
    assert "the next scene gets a bit sad" in s.notes_end


@pytest.mark.parametrize("marker", ["...", "***", "* * *", "~~~", "-----", "oOo", "xXx",
                                    "            x", "<hr>", "~*~", "o0o", "=====", "#"])
def test_scene_break_variants_are_counted_not_kept(marker):
    text = f"The kettle boiled over.\n\n{marker}\n\nAcross town, the phone rang twice."
    ch = parse(text).chapters[0]
    assert ch.scene_breaks == 1
    assert ch.text == "The kettle boiled over.\n\nAcross town, the phone rang twice."


def test_break_between_story_and_closing_note_is_not_a_scene_break():
    ch_text = "The lights went out.\n\n***\n\nThanks for reading! Next chapter on Friday."
    s = parse(ch_text)
    assert s.chapters[0].scene_breaks == 0
    assert s.notes_end == "Thanks for reading! Next chapter on Friday."


@pytest.mark.parametrize("sign_off", ["Next chapter tomorrow.", "Please review!", "R&R",
                                      "Let me know what you think :)", "To be continued..."])
def test_sign_offs_at_the_end_are_end_notes(sign_off):
    s = parse(f"The gate shut behind them with a clang.\n\n{sign_off}")
    assert s.notes_end == sign_off
    assert s.chapters[0].text == "The gate shut behind them with a clang."


def test_last_story_line_is_not_taken_for_an_end_note():
    s = parse("She laughed until she cried.\n\nWell, that was that, then.")
    assert s.notes_end is None
    assert s.chapters[0].text.endswith("Well, that was that, then.")


def test_disclaimer_sentence_inside_a_long_note_is_split_out():
    text = ("A/N: This started as a drabble for a friend and grew into something much longer "
            "than I planned, so thank you for your patience with the updates. I don't own "
            "Moonrise Academy. Enjoy the chapter, and reviews are love!\n\n"
            "The bell rang at midnight.")
    s = parse(text)
    assert s.disclaimer == "I don't own Moonrise Academy."
    assert "This started as a drabble" in s.notes_begin
    assert "don't own" not in s.notes_begin


def test_one_line_per_paragraph_pastes_are_split_into_paragraphs():
    lines = ["Rook climbed the tower.", "The wind pulled at her coat.", "She did not look down.",
             "At the top, the bell was missing.", "Someone had taken it.", "She sat and waited."]
    ch = parse("\n".join(lines)).chapters[0]
    assert ch.paragraphs == lines


def test_title_line_on_top_is_the_work_title():
    s = parse("The Salt Road\n\nA/N: my first attempt at a long fic!\n\nChapter 1\n\nDust everywhere.")
    assert s.title == "The Salt Road"
    assert s.chapters[0].title == "Chapter 1"


def test_markdown_headings_and_rules():
    s = parse("# Tidewater\n\n## Chapter 1\n\nSalt on the glass.\n\n---\n\nThe boat was late.")
    assert s.title == "Tidewater"
    assert s.chapters[0].title == "Chapter 1"
    assert s.chapters[0].scene_breaks == 1


@pytest.mark.parametrize("text", [
    OPENING_NOTE,
    "Summary: A heist goes wrong.\n\nDisclaimer: not mine.\n\nChapter 1: Vault\n\nIt was locked."
    "\n\n* * *\n\nIt was open.\n\nA/N: R&R please!\n\nChapter 2\n\nThey ran.\n\nThanks for reading!",
    "Title: Ember\nRating: T\nPairing: Sola/Kit\n\nThe forge was cold.",
])
def test_no_word_of_the_input_is_lost(text):
    assert lost_words(text, parse(text)) == {}
