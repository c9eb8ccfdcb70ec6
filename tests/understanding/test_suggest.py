"""suggest(): fandoms, characters, relationships, content tags, warnings and rating."""
import pytest

from quire.understanding import VOCABULARY, Canon, parse, suggest

from .helpers import unquoted_evidence

CANON = Canon([
    ("fandom", "Lanternfall (TV)", "", "Lanternfall"),
    ("fandom", "Night Circus Revue", "", ""),
    ("fandom", "Starfield Academy", "", ""),
    ("character", "Wren Talbot", "Lanternfall (TV)", ""),
    ("character", "Oskar Lind", "Lanternfall (TV)", "Ozzy"),
    ("character", "Mila Ferro", "Lanternfall (TV)", ""),
    ("character", "Brooklyn Hale", "Lanternfall (TV)", ""),
    ("character", "Oskar Varga", "Starfield Academy", ""),
    ("character", "Columbine Gray", "Night Circus Revue", ""),
    ("relationship", "Oskar Lind/Wren Talbot", "Lanternfall (TV)", ""),
    ("relationship", "Mila Ferro & Wren Talbot", "Lanternfall (TV)", ""),
])

NOTE_AND_STORY = """Disclaimer: I don't own Lanternfall.

A/N: My first Lanternfall fic! This is eventual Wren/Oskar, with a friendship between Mila and \
Wren. Not Oskar/Mila, sorry.

Wren-bloody-Talbot was late again. Oskar waited at the pier while Mila counted the crates.

"You're late," Oskar said. Wren shrugged and handed Mila the ledger.

Brooklyn said the storm would hold until dark. Wren wanted the part of Columbine in the \
harbour revue, but she knew she would never play Columbine Gray."""


def names(items, min_conf=0.0):
    return [s.name for s in items if s.confidence >= min_conf]


def test_canon_from_rows_and_from_csv_agree(tmp_path):
    path = tmp_path / "canon.csv"
    path.write_text("type,name,fandom,aliases\nfandom,Lanternfall (TV),,Lanternfall\n"
                    "character,Oskar Lind,Lanternfall (TV),Ozzy|Os\n", encoding="utf-8")
    canon = Canon.from_csv(path)
    assert canon.fandom("lanternfall") == "Lanternfall (TV)"
    assert canon.lookup("Ozzy")[0][0].name == "Oskar Lind"
    assert canon.lookup("Os")[0][0].name == "Oskar Lind"


def test_fandom_from_the_disclaimer_with_and_without_canon():
    s = parse(NOTE_AND_STORY)
    top = suggest(s, CANON).fandoms[0]
    assert (top.name, top.canonical) == ("Lanternfall (TV)", True)
    assert top.confidence >= 0.8
    plain = suggest(s).fandoms[0]
    assert (plain.name, plain.canonical) == ("Lanternfall", False)


def test_first_names_and_infix_names_resolve_to_canonical_characters():
    chars = names(suggest(parse(NOTE_AND_STORY), CANON).characters, 0.5)
    assert {"Wren Talbot", "Oskar Lind", "Mila Ferro"} <= set(chars)


def test_shared_first_name_is_resolved_by_the_fandom_in_context():
    chars = names(suggest(parse(NOTE_AND_STORY), CANON).characters)
    assert "Oskar Lind" in chars and "Oskar Varga" not in chars


def test_part_in_a_show_of_another_fandom_is_not_a_character():
    chars = suggest(parse(NOTE_AND_STORY), CANON).characters
    columbine = [c for c in chars if c.name == "Columbine Gray"]
    assert all(c.confidence < 0.5 for c in columbine)


def test_character_named_like_a_place_is_still_a_character():
    chars = names(suggest(parse(NOTE_AND_STORY), CANON).characters, 0.5)
    assert "Brooklyn Hale" in chars


def test_without_canon_names_are_found_and_places_and_days_are_not():
    text = ("On Monday, Tamsin took the train to London. Tamsin hated trains.\n\n"
            "\"Ask Jory,\" Tamsin said. Jory shrugged. They walked through Paris in March.")
    chars = names(suggest(parse(text)).characters)
    assert "Tamsin" in chars and "Jory" in chars
    assert not {"Monday", "London", "Paris", "March", "Ask"} & set(chars)


def test_pairings_eventual_friendship_and_rejection():
    sug = suggest(parse(NOTE_AND_STORY), CANON)
    rels = {r.name: r for r in sug.relationships}
    assert "Oskar Lind/Wren Talbot" in rels
    assert any("eventual" in e for e in rels["Oskar Lind/Wren Talbot"].evidence)
    assert "Mila Ferro & Wren Talbot" in rels
    assert not any({"Oskar Lind", "Mila Ferro"} == set(r.split("/")) for r in rels)
    assert [r.name for r in sug.rejected_relationships] == ["Oskar Lind/Mila Ferro"]


def test_bracket_pairings_and_no_pairing_without_canon():
    s = parse("A/N: [Juno, Pell] because they deserve it. There is no Pell/Sasha here.\n\n"
              "Juno fixed the radio while Pell slept.")
    rels = names(suggest(s).relationships)
    assert rels == ["Juno/Pell"]


OVERDOSE = """Dagny sat on the bathroom floor with the bottle of sleeping pills. She had made her \
decision; she would not stick around to watch them forget her.

She swallowed a handful of pills with the last of the gin.

Hours later her brother found her unconscious, and the paramedics carried her out."""


def test_overdose_and_suicide_attempt_inferred_without_the_words():
    tags = names(suggest(parse(OVERDOSE)).additional_tags)
    assert "Drug Overdose" in tags and "Suicide Attempt" in tags


def test_negated_and_idiomatic_mentions_do_not_tag():
    text = ("Hester was not suicidal, whatever her mother said. She aborted the mission at the "
            "last gate and went home dead tired.\n\nThe cat was not dead either, just asleep.")
    tags = names(suggest(parse(text)).additional_tags)
    assert not {"Suicidal Thoughts", "Abortion", "Character Death"} & set(tags)


def test_explicit_author_warning_tags_and_archive_warning():
    text = ("A/N: Warning for major character death and suicide attempt.\n\n"
            "The funeral was on a Tuesday. Everyone wore grey.")
    sug = suggest(parse(text))
    assert "Major Character Death" in names(sug.archive_warnings)
    assert "Suicide Attempt" in names(sug.additional_tags)


def test_gentle_story_has_no_archive_warnings_and_general_rating_with_a_quote():
    text = "Pip planted tulips along the fence. By April the whole street was yellow."
    sug = suggest(parse(text))
    assert sug.archive_warnings == []
    assert sug.additional_tags == []
    assert sug.rating.name == "General Audiences" and sug.rating.evidence


def test_no_archive_warnings_apply_only_when_the_author_says_so():
    sug = suggest(parse("Notes: No archive warnings apply, just fluff.\n\nThey baked bread."))
    assert names(sug.archive_warnings) == ["No Archive Warnings Apply"]


@pytest.mark.parametrize("text,rating", [
    ("\"Fuck this,\" Remy said, and threw the map into the river.", "Teen And Up Audiences"),
    ("A/N: Rated M for later chapters.\n\nThe sky was clear.", "Mature"),
    ("They made love slowly. His erection pressed against her; she moaned and came, the orgasm "
     "shaking her. He thrust into her again, cock hard, and she had another orgasm.", "Explicit"),
])
def test_rating(text, rating):
    r = suggest(parse(text)).rating
    assert r.name == rating and r.evidence


def test_vocabulary_is_documented_and_large_enough():
    assert len(VOCABULARY) >= 25
    assert all(rule.description for rule in VOCABULARY.values())
    for tag in ("Suicide Attempt", "Drug Overdose", "Alcohol Abuse", "Rape/Non-Con", "Grief",
                "Terminal Illness", "Hospitalization", "Miscarriage", "Kidnapping"):
        assert tag in VOCABULARY


@pytest.mark.parametrize("text", [NOTE_AND_STORY, OVERDOSE,
                                  "Pip planted tulips.\n\nNext chapter tomorrow, please review!"])
@pytest.mark.parametrize("canon", [None, CANON])
def test_every_suggestion_quotes_the_input_verbatim(text, canon):
    assert unquoted_evidence(text, suggest(parse(text), canon)) == []
