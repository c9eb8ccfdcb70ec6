"""Posting conventions the parser and the relationship tagger must read as fans write them.
Every story text here is our own writing."""
from quire.understanding import Canon, parse, suggest
from quire.understanding.document import analyse

AO3_COPY = """Tidewater
lanternfish

Summary:

Oona keeps the lighthouse. Bram keeps coming back.

Notes:

Written for a friend. Thanks to my beta!

(See the end of the work for more notes.)

Chapter 1: Fog

Chapter Text

Oona climbed the stairs at dusk, as she did every evening.

Bram was waiting at the top with two cups of tea.

Notes:

More soon!

Chapter 2: Glass
Summary:

In which the lamp breaks.

Chapter Text

The lamp cracked at midnight.

Notes:

Thank you for reading!
"""


def test_ao3_page_copy_is_read_as_preface_and_chapters():
    s = parse(AO3_COPY)
    assert s.title == "Tidewater"
    assert s.metadata is not None and s.metadata.creators == ["lanternfish"]
    assert s.summary == "Oona keeps the lighthouse. Bram keeps coming back."
    assert s.notes_begin == "Written for a friend. Thanks to my beta!"
    assert [c.title for c in s.chapters] == ["Chapter 1: Fog", "Chapter 2: Glass"]
    one, two = s.chapters
    assert one.text.startswith("Oona climbed the stairs") and "Chapter Text" not in one.text
    assert one.notes_end == "More soon!"
    assert two.summary == "In which the lamp breaks."
    assert two.text == "The lamp cracked at midnight."
    assert s.notes_end == "Thank you for reading!"
    assert "See the end" not in repr(s)


FFN_PASTE = """Mira has one summer to win back the orchard. Tomas has other plans.

A/N: My first fic here, be nice! Thanks to my beta.

Chapter 1

Chapter One: Blossom

Mira walked the rows of trees before dawn.

Tomas found her there at noon.

Chapter 2

Chapter Two

The frost came early that year.
"""


def test_ffn_summary_line_above_an_and_doubled_chapter_lines():
    s = parse(FFN_PASTE)
    assert s.summary == "Mira has one summer to win back the orchard. Tomas has other plans."
    assert "My first fic here" in s.notes_begin
    assert [c.title for c in s.chapters] == ["Chapter One: Blossom", "Chapter 2"]
    assert s.chapters[0].text.startswith("Mira walked the rows")
    assert s.chapters[1].text == "The frost came early that year."


def test_story_opening_above_a_note_stays_story_without_chapters():
    # Positive control of the rule above: past-tense narration on top is not a summary.
    s = parse("The first frost came early.\n\nA/N: short one today!\n\nMira walked out.")
    assert s.summary is None
    assert s.chapters[0].text.startswith("The first frost came early.")


def test_markdown_title_and_italic_summary():
    s = parse("# Saltwater\n\n*Two sisters and one boat.*\n\n## Part One\n\nIt rained.\n\n"
              "## Part Two\n\nIt stopped.")
    assert s.title == "Saltwater"
    assert s.summary == "Two sisters and one boat."
    assert [c.title for c in s.chapters] == ["Part One", "Part Two"]


ROMANCE = """Disclaimer: Harbour Lights isn't mine.

Oona and Bram met on the pier at dawn. Oona kissed Bram before either of them could think.

Later, Bram held her hand on the walk home, and Oona was in love with him and knew it.

Petra sold them bread. Oona and Bram went to bed early and cuddled under the quilt.
"""

CANON = Canon([
    ("fandom", "Harbour Lights (TV)", "", "Harbour Lights"),
    ("character", "Oona Vance", "Harbour Lights (TV)", ""),
    ("character", "Bram Okafor", "Harbour Lights (TV)", ""),
    ("character", "Petra Lind", "Harbour Lights (TV)", ""),
    ("relationship", "Bram Okafor/Oona Vance", "Harbour Lights (TV)", "Broona"),
])


def test_a_pair_shown_in_love_is_suggested_with_its_evidence():
    sg = suggest(parse(ROMANCE), CANON)
    rel = {r.name: r for r in sg.relationships}
    assert "Bram Okafor/Oona Vance" in rel
    assert rel["Bram Okafor/Oona Vance"].canonical
    assert any("kissed" in e for e in rel["Bram Okafor/Oona Vance"].evidence)
    # Petra shares a paragraph but no romantic scene with either: no pairing for her.
    assert not any("Petra" in n and "/" in n for n in rel)


def test_ship_names_and_pairing_notation_in_notes():
    text = "A/N: Broona, obviously!\n\nOona and Bram walked the pier. Petra waved."
    sg = suggest(parse(text), CANON)
    assert "Bram Okafor/Oona Vance" in [r.name for r in sg.relationships]
    no = suggest(parse("A/N: No Broona, sorry!\n\nOona and Bram walked the pier."), CANON)
    assert "Bram Okafor/Oona Vance" not in [r.name for r in no.relationships]
    xs = suggest(parse("A/N: OonaxBram forever.\n\nOona and Bram walked the pier."), CANON)
    assert "Bram Okafor/Oona Vance" in [r.name for r in xs.relationships]


def test_ship_name_blend_without_canon():
    text = ("A/N: pure Bronna fluff.\n\nBronwyn smiled at Anna. Anna said nothing.\n\n"
            "Bronwyn laughed. Anna kissed her.")
    names = [r.name for r in suggest(parse(text)).relationships]
    assert "Anna/Bronwyn" in names


def test_document_is_built_once_and_shared():
    doc = analyse(parse(ROMANCE))
    assert doc.mentions is doc.mentions  # computed once
    assert doc.kind(0) == "disclaimer"
    story = doc.of_kind("story")[0][0]
    text = doc.text(story)
    at = text.index("Later")
    assert doc.paragraph_of(story, at) == 1


def test_rating_follows_the_findings():
    gentle = suggest(parse("Oona and Bram walked the pier and talked about the weather all day."))
    assert gentle.rating.name == "General Audiences"  # positive control
    hospital = suggest(parse("Oona sat in the hospital bed in intensive care. The nurses came "
                             "and went. She had been admitted to the hospital on Sunday."))
    assert "Hospitalization" in {t.name for t in hospital.additional_tags}
    assert hospital.rating.name == "Teen And Up Audiences"
    death = ("Bram died on the pier before the doctor came. His blood was on her hands, and "
             "blood was on the boards, and the bleeding would not stop. She knelt by the body "
             "until morning; he was dead. They buried him at the funeral on Sunday.")
    sg = suggest(parse(death))
    assert {"Blood", "Character Death"} <= {t.name for t in sg.additional_tags}
    assert sg.rating.name == "Mature"
    assert any("died" in q or "dead" in q for q in sg.rating.evidence)


PEOPLE_CANON = Canon([
    ("fandom", "Harbour Lights (TV)", "", "Harbour Lights"),
    ("character", "Vance Oona", "Harbour Lights (TV)", ""),  # written family name first
    ("character", "Dean Okafor", "Harbour Lights (TV)", ""),
    ("fandom", "Other Show", "", ""),
    ("character", "Dean Marlowe", "Other Show", "Dean"),
])


def test_people_are_linked_however_they_are_named():
    text = ("Disclaimer: I don't own Harbour Lights.\n\n"
            "Oona Vance climbed the stairs. \"Good morning,\" said Dean. Oona-chan laughed, and "
            "Vance's lamp flickered.\n\nDean Okafor said nothing. Oona smiled at Dean.")
    sg = suggest(parse(text), PEOPLE_CANON)
    names = [c.name for c in sg.characters]
    assert names[:2] == ["Vance Oona", "Dean Okafor"] or names[:2] == ["Dean Okafor", "Vance Oona"]
    assert all(c.canonical and c.confidence >= 0.8 for c in sg.characters[:2])
    # Counted once however named; the other show's Dean and the greeting are not offered.
    assert names.count("Vance Oona") == 1
    assert "Dean Marlowe" not in names
    assert not any(n.startswith("Good") or n == "Morning" for n in names)


def test_verbless_blurb_with_genre_words_above_an_is_the_summary_of_a_one_shot():
    text = ("Harbour Lights After Dark\n\n"
            "A lighthouse, a storm and ten years of not saying it. Pure fluff. ONESHOT\n\n"
            "A/N: For my sister, who asked.\n\n"
            "Oona trimmed the wick. Bram watched the sea.")
    s = parse(text)
    assert s.title == "Harbour Lights After Dark"
    assert s.summary.startswith("A lighthouse, a storm")
    assert s.chapters[0].text == "Oona trimmed the wick. Bram watched the sea."
