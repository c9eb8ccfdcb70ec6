"""The demo's generated library: nine more fandoms with their canon, and five works in
each of all twelve, composed from phrases written for Quire by its developers.

Deterministic (a seeded generator): every `make demo` builds the same archive, so a
screenshot or a bug report can name a work. The prose is plain on purpose; it exists
so listings, filters, facets and paging have enough to show."""

import random

WONDERLAND = "Alice's Adventures in Wonderland - Lewis Carroll"
WILLOWS = "The Wind in the Willows - Kenneth Grahame"
LITTLE_WOMEN = "Little Women - Louisa May Alcott"
TREASURE = "Treasure Island - Robert Louis Stevenson"
FRANKENSTEIN = "Frankenstein - Mary Shelley"
ODYSSEY = "The Odyssey - Homer"
VELL = "Lighthouse Keepers of Vell (Podcast)"
STARFALL = "Starfall Courier (Video Game)"
GLASSHOUSE = "The Glasshouse Gardens (Novel Series)"

# {fandom: (fandom aliases, {character: aliases}, {relationship: aliases}, places)}
FANDOMS = {
    WONDERLAND: (
        ["Alice in Wonderland", "Wonderland"],
        {"Alice": ["Alice Liddell"], "The White Rabbit": ["White Rabbit"], "The Mad Hatter": ["Hatter"],
         "The Cheshire Cat": ["Cheshire Cat"], "The Queen of Hearts": ["Queen of Hearts"]},
        {"Alice & The Cheshire Cat": [], "The Mad Hatter & The White Rabbit": []},
        ["the long hall of doors", "the croquet lawn", "the tea table under the trees"],
    ),
    WILLOWS: (
        ["Wind in the Willows"],
        {"Mole": ["Moly"], "Ratty": ["Water Rat", "Rat"], "Mr. Toad": ["Toad"], "Mr. Badger": ["Badger"]},
        {"Mole & Ratty": [], "Mole/Ratty": [], "Mr. Badger & Mr. Toad": []},
        ["the riverbank", "Toad Hall", "the Wild Wood", "Badger's kitchen"],
    ),
    LITTLE_WOMEN: (
        ["Little Women (Alcott)"],
        {"Jo March": ["Josephine March", "Jo"], "Meg March": ["Margaret March"], "Beth March": [],
         "Amy March": [], "Theodore Laurence": ["Laurie", "Teddy"]},
        {"Jo March & Theodore Laurence": [], "Amy March/Theodore Laurence": [], "Jo March & Beth March": []},
        ["the garret", "the Laurence house", "the skating pond", "the parlour at Orchard House"],
    ),
    TREASURE: (
        ["Treasure Island (Stevenson)"],
        {"Jim Hawkins": ["Jim"], "Long John Silver": ["Silver", "Barbecue"], "Captain Smollett": ["Smollett"],
         "Doctor Livesey": ["Livesey"], "Ben Gunn": []},
        {"Jim Hawkins & Long John Silver": [], "Captain Smollett & Doctor Livesey": []},
        ["the Admiral Benbow inn", "the deck of the Hispaniola", "the stockade", "Skeleton Island"],
    ),
    FRANKENSTEIN: (
        ["Frankenstein (Shelley)"],
        {"Victor Frankenstein": ["Victor"], "The Creature": ["Frankenstein's Creature"],
         "Elizabeth Lavenza": ["Elizabeth"], "Henry Clerval": ["Clerval"], "Robert Walton": ["Walton"]},
        {"Henry Clerval/Victor Frankenstein": [], "Elizabeth Lavenza/Victor Frankenstein": [],
         "The Creature & Robert Walton": []},
        ["the laboratory in Ingolstadt", "the shore of Lake Geneva", "the ice beyond the ship"],
    ),
    ODYSSEY: (
        ["Odyssey - Homer", "Homer's Odyssey"],
        {"Odysseus": ["Ulysses"], "Penelope": [], "Telemachus": [], "Athena": ["Pallas Athena"],
         "Eumaeus": []},
        {"Odysseus/Penelope": [], "Athena & Odysseus": [], "Eumaeus & Telemachus": []},
        ["the hall at Ithaca", "the swineherd's hut", "the loom room", "the wine-dark sea"],
    ),
    VELL: (
        ["Lighthouse Keepers of Vell", "LKoV"],
        {"Ada Thistlewood": ["Ada"], "Marek Dunmore": ["Marek"], "The Foghorn": [], "Inspector Brann": ["Brann"]},
        {"Ada Thistlewood/Marek Dunmore": ["Adarek"], "Ada Thistlewood & The Foghorn": []},
        ["the lamp room", "the keeper's cottage", "the supply boat", "the north rocks"],
    ),
    STARFALL: (
        ["Starfall Courier"],
        {"Pilot Sera Vantablack": ["Sera"], "Quill-7": ["Quill"], "Harbormaster Ione": ["Ione"],
         "Tomas Reyes-Okoye": ["Tomas"]},
        {"Pilot Sera Vantablack & Quill-7": [], "Harbormaster Ione/Pilot Sera Vantablack": []},
        ["the cargo bay", "Ring Station Nine", "the cockpit of the Kestrel", "the salvage market"],
    ),
    GLASSHOUSE: (
        ["Glasshouse Gardens"],
        {"Perpetua Lowe": ["Pet"], "Anselm Greaves": ["Anselm"], "Old Mrs. Fennick": ["Mrs. Fennick"],
         "Rowan Lowe": ["Rowan"]},
        {"Anselm Greaves/Perpetua Lowe": [], "Perpetua Lowe & Rowan Lowe": []},
        ["the orchid house", "the potting shed", "the frozen pond", "the seed library"],
    ),
}

# Places for the three handwritten fandoms, whose canon lives in demo.py.
HANDWRITTEN_PLACES = {
    "Sherlock Holmes - Arthur Conan Doyle": ["the sitting room at 221B", "a cab in the fog", "the Diogenes Club"],
    "Pride and Prejudice - Jane Austen": ["the drawing room at Longbourn", "the lane to Meryton", "Pemberley"],
    "Saltmarsh Academy (Web Series)": ["the east dormitory", "the boathouse", "the marsh at low water"],
}

TITLE_FIRST = ["Borrowed", "Quiet", "Salt", "Lantern", "Winter", "Paper", "Second", "Last", "Small", "Unfinished",
               "Crooked", "Silver", "Patient", "Far", "Kindly", "Restless"]
TITLE_SECOND = ["Hours", "Letters", "Harbour", "Keys", "Weather", "Maps", "Promises", "Errands", "Lights",
                "Gardens", "Bells", "Crossings", "Stairs", "Lessons", "Tides", "Hands"]

OPENINGS = [
    "{a} had not meant to stay so long at {place}, but the light was going and the road home was long.",
    "It rained for three days, and on the fourth {a} went looking for {b}.",
    "Nobody at {place} remembered who had started the argument, only that {a} had finished it.",
    "The letter arrived on a Tuesday, which {a} considered a poor day for news of any kind.",
    "{b} kept a list of things that could not be mended. {a} was not on it yet.",
    "There is a particular silence that comes before a confession, and {place} was full of it.",
]
MIDDLES = [
    "\"You are late,\" said {b}.\n\n\"I am exactly as late as I meant to be,\" {a} answered, and set the parcel down.",
    "They walked the length of {place} without speaking, which was its own kind of conversation.",
    "{a} counted the steps twice and got a different number each time, and decided not to mention it.",
    "\"Tell me the truth,\" said {b}. \"Or tell me something close enough that I can live in it.\"",
    "The kettle boiled, and nobody moved to take it off, and that was how {b} knew something was wrong.",
    "{b} laughed, the real laugh, the one that {a} had been trying to earn all week.",
    "Outside, the weather made up its mind. Inside, {a} was still making up theirs.",
    "\"I kept it,\" {a} said, holding out the key. \"I always meant to give it back.\"",
    "By the time the lamps were lit, {a} had written three letters and burned two of them.",
    "{b} knew every path through {place} by heart, and chose the longest one on purpose.",
]
CLOSINGS = [
    "In the morning the road was clear, and {a} did not take it.",
    "Later, {b} would say it was the weather. It was not the weather.",
    "{a} slept, finally, with the window open and the whole of {place} breathing outside it.",
    "Some things, {b} thought, are better kept than solved.",
    "And that, as far as anyone at {place} was concerned, was the end of the matter. It was not.",
]
CHAPTER_TITLES = ["Arrival", "The Long Way Round", "What Was Said", "Low Light", "Leaving", "The Return"]
SUMMARIES = [
    "{a} has one week to set things right at {place}. {b} has other plans.",
    "A small errand, a wrong turning, and {a} and {b} on the same side for once.",
    "Five times {a} nearly said it, and the one time {b} said it first.",
    "What happened at {place} after everyone else had gone to bed.",
    "{b} keeps a list. {a} keeps finding themselves on it.",
    "Letters, mostly. Some of them were even sent.",
]
FREEFORMS = ["Friendship", "Slow Burn", "Fluff", "Hurt/Comfort", "Missing Scene", "Found Family", "Letters",
             "Established Relationship", "Alternate Universe - Modern Setting", "Angst with a Happy Ending",
             "Road Trip", "Weather as a Metaphor", "Domestic", "Introspection"]
RATINGS = ["General Audiences", "Teen And Up Audiences", "General Audiences", "Mature", "Teen And Up Audiences",
           "Not Rated", "Explicit"]
WORKS_PER_FANDOM = 5
AUTHORS = ["marigold", "tessellate", "oakenshaw", "pellucid", "brackenfold", "quillon", "saffronmere", "lanternwick"]
EXTRA_USERS = [
    ("brackenfold", "Riverbanks and long walks. Mostly gen.", ["brackenfold"]),
    ("quillon", "Sea stories and ship's logs.", ["quillon", "Captain Quill"]),
    ("saffronmere", "Myth retellings at a gentle pace.", ["saffronmere"]),
    ("lanternwick", "Podcast and game fandoms; I write when the lamp is lit.", ["lanternwick"]),
]


def canon() -> dict:
    """The generated fandoms' canon, in demo.HANDWRITTEN_CANON's shape."""
    return {fandom: (aliases, chars, rels) for fandom, (aliases, chars, rels, _) in FANDOMS.items()}


ROMANCE_CATEGORIES = {
    "John Watson/Sherlock Holmes": "M/M", "John Watson/Mary Morstan": "F/M",
    "Elizabeth Bennet/Fitzwilliam Darcy": "F/M", "Charles Bingley/Jane Bennet": "F/M", "Jonah Pell/Wren Okafor": "F/M",
    "Mole/Ratty": "M/M", "Amy March/Theodore Laurence": "F/M", "Henry Clerval/Victor Frankenstein": "M/M",
    "Elizabeth Lavenza/Victor Frankenstein": "F/M", "Odysseus/Penelope": "F/M", "Ada Thistlewood/Marek Dunmore": "F/M",
    "Harbormaster Ione/Pilot Sera Vantablack": "F/F", "Anselm Greaves/Perpetua Lowe": "F/M",
}  # fmt: skip


def _category(relationships: list[str]) -> str:
    return ROMANCE_CATEGORIES.get(relationships[0], "Gen") if relationships else "Gen"


def _paragraphs(rng: random.Random, a: str, b: str, place: str) -> str:
    parts = [rng.choice(OPENINGS)] + rng.sample(MIDDLES, 3) + ["* * *"] + rng.sample(MIDDLES, 2)
    parts.append(rng.choice(CLOSINGS))
    return "\n\n".join(p.format(a=a, b=b, place=place) for p in parts)


def generated_works(handwritten_canon: dict) -> list[dict]:
    """Work specs in demo.WORKS's shape: five for each of the twelve fandoms."""
    rng = random.Random(2026)
    fandoms = {**handwritten_canon, **canon()}
    places = {**HANDWRITTEN_PLACES, **{name: spec[3] for name, spec in FANDOMS.items()}}
    titles = iter(sorted({f"{x} {y}" for x in TITLE_FIRST for y in TITLE_SECOND}, key=lambda _: rng.random()))
    works = []
    for index in range(WORKS_PER_FANDOM * len(fandoms)):
        fandom = list(fandoms)[index % len(fandoms)]
        _, characters, relationships = fandoms[fandom]
        a, b = rng.sample(sorted(characters), 2)
        pairing = [r for r in relationships if a in r or b in r][:1]
        place = rng.choice(places[fandom])
        chapters = 1 if index % 3 else rng.choice([2, 3])
        rating = RATINGS[index % len(RATINGS)]
        works.append({
            "author": AUTHORS[index % len(AUTHORS)],
            "title": f"The {next(titles)}" if index % 4 == 0 else next(titles),
            "fandoms": [fandom],
            "rating": rating,
            "warnings": ["Choose Not To Use Archive Warnings"] if index % 9 == 4 else ["No Archive Warnings Apply"],
            "categories": [_category(pairing)],
            "characters": [a, b],
            "relationships": pairing,
            "freeforms": rng.sample(FREEFORMS, 2 + index % 3),
            "summary": rng.choice(SUMMARIES).format(a=a, b=b, place=place),
            "expected": chapters if index % 5 else None,
            "chapters": [
                (CHAPTER_TITLES[n] if chapters > 1 else None, _paragraphs(rng, a, b, place))
                for n in range(chapters)
            ],
        })  # fmt: skip
    return works
