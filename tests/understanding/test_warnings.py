"""Content warnings: the War, Misogyny and Ableism cue rules, the learned passage model
beside the cue rules, its evidence, and reproducible training.

Every story here is our own writing."""
import json
from pathlib import Path

import pytest

from quire.understanding import parse, suggest, warnmodel
from quire.understanding.content import content_tags, engine

from .helpers import unquoted_evidence

SHARED = Path(__file__).parents[2].parent / "shared"
WEBIS = SHARED / "data" / "webis-trigger-warnings" / "dev.jsonl"

CALM = [
    "The bakery on Tillery Street opened at six, and by half past the queue reached the "
    "corner. Anneke tied her apron, floured the long table and started on the rye loaves "
    "while the radio murmured about the weather. The window steamed up from the inside, "
    "and a cat she did not recognise sat on the step outside, watching the trays go by.",
    "By noon the rush had thinned. Her brother came in with a box of cherries from the "
    "allotment and they argued, fondly, about whether cherry bread was a thing anyone "
    "actually wanted. He ate three slices of it anyway and told her about the new bus "
    "timetable, which he had opinions about, and the choir concert on Sunday evening.",
    "In the afternoon she walked down to the canal to feed the ducks the broken crusts. A "
    "man was painting a narrowboat a deep green, whistling as he went, and two children "
    "were racing paper boats under the little bridge. The light was gold on the water and "
    "she sat on a bench until the church clock struck five and it was time to go home.",
    "That evening they played cards at the kitchen table, the window open to the garden. "
    "Her brother cheated badly and laughed when he was caught. She made tea in the blue "
    "pot, wrote the next morning's order on the chalkboard, and went to bed early with a "
    "library book about lighthouses that she had been meaning to finish for weeks.",
]

VIOLENT = (
    "Corrin threw the first punch before Hale could raise his hands. It caught him square "
    "in the jaw and he staggered back into the wall, blood running from his split lip. "
    "Hale lunged and they went down together, fists hammering, and Corrin felt a rib crack "
    "as a boot drove into his side. He grabbed the knife from the floor and stabbed "
    "blindly; Hale screamed, clutching the wound as blood soaked through his shirt.")

WAR = (
    "The shelling started again at dawn. Along the trench the soldiers pressed themselves "
    "into the mud while the artillery walked closer, each blast throwing earth and "
    "splinters over their helmets. Sergeant Voss shouted for the platoon to hold the line; "
    "the enemy troops were massing beyond the wire, and the captain said the battle for "
    "the ridge would decide the war.")


def story(*paragraphs):
    return "\n\n".join(paragraphs)


def tags(text):
    return {s.name: s for s in suggest(parse(text)).additional_tags}


@pytest.fixture(autouse=True)
def _shipped_model():
    warnmodel.use(None)
    yield
    warnmodel.use(None)


def test_the_shipped_model_loads_and_scores_every_warning():
    m = warnmodel.model()
    assert m is not None
    assert set(m.labels) == {"violence", "war", "death", "abduction", "misogyny", "homophobia",
                             "racism", "ableism"}
    for label in m.labels:
        assert 0.5 <= m.threshold(label) <= 1.01


def test_a_fight_is_flagged_as_violence_and_a_calm_story_gets_no_warning():
    calm = story(*CALM)
    found = tags(story(CALM[0], VIOLENT, CALM[1]))
    assert "Violence" in found
    assert 0.5 <= found["Violence"].confidence <= 0.98
    assert not {"Violence", "War", "Character Death", "Kidnapping", "Misogyny", "Homophobia",
                "Racism", "Ableism"} & set(tags(calm))


def test_a_battle_is_flagged_as_war_with_its_evidence():
    text = story(CALM[0], WAR)
    found = tags(text)
    assert "War" in found
    assert found["War"].evidence
    assert unquoted_evidence(text, suggest(parse(text))) == []


def test_evidence_points_at_the_paragraph_that_set_the_warning_off():
    text = story(CALM[0], CALM[1], VIOLENT, CALM[2], CALM[3])
    found = tags(text)
    assert "Violence" in found
    for quote in found["Violence"].evidence:
        assert quote in VIOLENT
        assert all(quote not in calm for calm in CALM)


def test_cue_rules_still_work_without_the_model():
    text = story(CALM[0], WAR)
    warnmodel.use(None, off=True)
    scores = engine().scan(parse(text).parts())
    names = {s.name for s in content_tags(scores, parse(text).parts())}
    assert "War" in names            # the cue rules alone: trenches, artillery, soldiers ...
    assert warnmodel.model() is None
    warnmodel.use(None)
    assert warnmodel.model() is not None


def test_passages_are_whole_paragraphs_of_the_story_only():
    text = "A/N: this has a war in it, sorry!\n\n" + story(CALM[0], CALM[1], WAR)
    parts = parse(text).parts()
    cut = warnmodel.passages(parts)
    assert cut and all("A/N" not in p for p in cut)
    assert any(WAR in p for p in cut)                       # paragraphs stay whole
    assert "\n\n".join(cut).replace("\n\n", " ") == story(CALM[0], CALM[1], WAR).replace("\n\n", " ")


def test_fast_scoring_matches_the_features_training_sees():
    m = warnmodel.model()
    for text in CALM + [VIOLENT, WAR, "", "Blood. Blood! BLOOD’s"]:
        fast, slow = m.probabilities(text), m.probabilities_slow(text)
        assert fast.keys() == slow.keys()
        assert all(abs(fast[k] - slow[k]) < 1e-9 for k in fast)


@pytest.mark.parametrize("tag,positive,negative", [
    ("War", "He had come home from the war with shell shock and a limp, and the soldiers he "
            "had served with wrote to him from the front lines every month.",
     "He had come home from the market with a limp and a bag of apples."),
    ("Misogyny", "\"A woman's place is in the kitchen,\" her uncle said, and the sexist joke "
                 "got a laugh from every man at the table.",
     "\"The kitchen is the best place in the house,\" her uncle said, and everyone laughed."),
    ("Ableism", "The boys at school called him a cripple and a retard until he stopped "
                "going to lunch at all; the teachers called it teasing, but it was ableism.",
     "The boys at school called him Professor until he stopped going to lunch at all."),
])
def test_new_cue_rules_fire_with_evidence_and_not_on_a_near_miss(tag, positive, negative):
    warnmodel.use(None, off=True)    # the cue rules on their own
    found = tags(positive)
    assert tag in found
    assert all(q in positive for q in found[tag].evidence)
    assert tag not in tags(negative)


@pytest.mark.skipif(not WEBIS.exists(), reason="needs ../shared/data (the Webis passages)")
def test_training_is_deterministic(tmp_path):
    from quire.understanding import warntrain

    passages = warntrain.load(WEBIS, limit=25)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    warntrain.dump(warntrain.train(passages), a)
    warntrain.dump(warntrain.train(passages), b)
    assert a.read_bytes() == b.read_bytes()
    model = json.loads(a.read_text())
    assert set(model["labels"]) == set(warntrain.LABELS)
    assert all(m["weights"] for m in model["labels"].values())


def test_author_notes_and_hand_written_cues_survive_beside_the_model():
    text = ("A/N: warning for racism and misogyny in this chapter.\n\n" + story(CALM[0],
            "\"A woman's place is in the kitchen,\" her uncle said, and the sexist joke got a "
            "laugh from every man at the table. Anneke's sister called it misogyny to his face."))
    found = tags(text)
    assert "Racism" in found            # stated by the author: it stands whatever the model says
    assert "Misogyny" in found          # the cue rules, which the passages could not judge
    assert unquoted_evidence(text, suggest(parse(text))) == []
    assert "Racism" not in tags(story(CALM[0], CALM[1]))   # control: no notes, no racism
