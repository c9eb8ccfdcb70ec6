"""People as fans write them: shouted, shortened, "Mc" names, aliases, and romance that is
about two of the three people in a paragraph. Every story text here is our own writing."""
from quire.understanding import Canon, parse, suggest

CANON = Canon([
    ("fandom", "Starlane (TV)", "", "Starlane"),
    ("character", "Jonah Reyes", "Starlane (TV)", "Captain Reyes"),
    ("character", "Margaret Okonjo", "Starlane (TV)", "Doc Okonjo"),
    ("character", "Tobias McAllister", "Starlane (TV)", ""),
    ("relationship", "Jonah Reyes/Margaret Okonjo", "Starlane (TV)", "Reyonjo"),
    ("relationship", "Jonah Reyes & Tobias McAllister", "Starlane (TV)", ""),
    ("fandom", "Quiet Harbour", "", ""),
    ("character", "William Penhallow", "Quiet Harbour", ""),
])


def names(text, canon=CANON):
    return [c.name for c in suggest(parse(text), canon).characters]


def test_a_shouted_name_is_the_same_person_and_counts():
    quiet = "Jonah ran down the corridor. The lights went out.\n\nJonah stopped."
    loud = "Jonah ran down the corridor. \"JONAH!\" The lights went out.\n\nJonah stopped."
    before = suggest(parse(quiet), CANON).characters[0]
    after = suggest(parse(loud), CANON).characters[0]
    assert before.name == after.name == "Jonah Reyes"
    assert after.confidence > before.confidence


def test_capitals_that_are_no_name_of_the_story_are_not_people():
    sg = suggest(parse("Jonah read the report. \"NO,\" he said. \"STOP THE SHIP!\"\n\n"
                       "The FBI would not come this far out."), CANON)
    shown = [c.name for c in sg.characters]
    assert "Jonah Reyes" in shown  # positive control: the real name is found
    assert not any(n in ("No", "Stop", "Ship", "Fbi", "FBI") for n in shown)


def test_a_diminutive_reaches_the_formal_name_only_in_the_storys_fandom():
    text = ("Meg checked the readings. Jonah Reyes leaned over her shoulder.\n\n"
            "\"Meg, we're losing air,\" Jonah said. Meg swore and rerouted power.")
    shown = names(text)
    assert "Margaret Okonjo" in shown
    # "Will" is short for William, but the story is not in Quiet Harbour: no vote, no tag.
    shown = names("Will you stop? Jonah asked. Will laughed.\n\nJonah sighed at Will.")
    assert "Jonah Reyes" in shown
    assert "William Penhallow" not in shown


def test_mc_names_are_one_word():
    shown = names("Tobias McAllister fixed the engine. McAllister swore at it.\n\n"
                  "Jonah thanked McAllister.")
    assert "Tobias McAllister" in shown
    assert not any(n == "Mc" or n.startswith("Mc ") for n in shown)


def test_romance_goes_to_the_two_people_it_is_about():
    text = ("Jonah and Meg finished the shift. Tobias McAllister was asleep in the galley.\n\n"
            "Jonah kissed Margaret Okonjo by the window, and McAllister snored on.\n\n"
            "Tobias woke and made tea. Jonah held her hand while Tobias talked about engines.")
    rels = [r.name for r in suggest(parse(text), CANON).relationships]
    assert rels and rels[0] == "Jonah Reyes/Margaret Okonjo"
    assert not any("/" in r and "Tobias McAllister" in r for r in rels)
