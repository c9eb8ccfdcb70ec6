"""Demo content: a small living archive written for Quire by its developers.

Two public-domain fandoms and one invented one written by hand, several users, a
series, a restricted work, a Mature work behind the adult-content warning, a draft
and a chapter scheduled for tomorrow, so every part of the reading pages has
something to show; then a library of generated works across nine more fandoms
(demo_library.py) so listings, filters and paging have something to show too.
"""

DEMO_PASSWORD = "quire-demo-2026"  # noqa: S105 - printed by load_demo and in the README on purpose

# Staff accounts: (username, bio, flag on User). Same password as everyone.
STAFF = [
    ("warden", "Keeps the archive tidy: reports, hidden works, the audit log.", "is_moderator"),
    ("sorter", "Wrangles tags: synonyms, parents, metatags.", "is_wrangler"),
]

USERS = [
    ("marigold", "Writes mysteries in borrowed rooms.", ["Marigold", "Inkwell Marigold"]),
    ("tessellate", "Regency tea and quiet longing.", ["tessellate"]),
    ("oakenshaw", "Saltmarsh Academy forever. Updates on Sundays.", ["oakenshaw"]),
    ("pellucid", "Reader first, writer sometimes.", ["pellucid"]),
]

SHERLOCK = "Sherlock Holmes - Arthur Conan Doyle"
AUSTEN = "Pride and Prejudice - Jane Austen"
SALTMARSH = "Saltmarsh Academy (Web Series)"

SERIES = {"Baker Street Ledgers": "Small cases from the rooms at 221B, told by the people around them."}

WORKS = [
    {
        "author": "marigold",
        "title": "The Case of the Borrowed Violin",
        "fandoms": [SHERLOCK],
        "rating": "Teen And Up Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["Gen"],
        "characters": ["Sherlock Holmes", "John Watson", "Mrs. Hudson"],
        "relationships": ["Sherlock Holmes & John Watson"],
        "freeforms": ["Case Fic", "Friendship"],
        "summary": "A violin goes missing from a locked case in Baker Street, and the only witness is a very offended cat.",
        "notes_begin": "Written for a prompt about small mysteries. Thank you for reading!",
        "expected": 2,
        "series": ("Baker Street Ledgers", 1),
        "chapters": [
            ("The Empty Case", """The case lay open on the hearthrug like a mouth that had forgotten what it meant to say.

"It was here at nine," said Holmes, without turning from the window. "It was not here at a quarter past. In the interval, Watson, you read the paper, Mrs. Hudson brought up the post, and the cat slept on the piano."

"Then one of us is a thief," I said, "or the cat has taken up music."

* * *

He did not smile, but his shoulders eased, which for Holmes is much the same thing. He crossed to the piano and lifted the lid, and there, wrapped in a shawl that I recognised as my own, lay the violin, warm from the sun and entirely unharmed."""),
            ("The Confession", """Mrs. Hudson confessed before luncheon. The shawl had been hers to mend, she said, and the violin had looked cold.

"It is a Stradivarius," said Holmes.

"Then it deserves a shawl more than most," she answered, and set down the tray with a firmness that closed the matter.

I have recorded many of my friend's cases, but I think this is the only one he ever lost."""),
        ],
    },
    {
        "author": "marigold",
        "title": "Mrs. Hudson Keeps Accounts",
        "fandoms": [SHERLOCK],
        "rating": "General Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["Gen"],
        "characters": ["Mrs. Hudson"],
        "freeforms": ["Domestic", "Ledgers"],
        "summary": "Every broken window at 221B has a line in the household book.",
        "restricted": True,
        "expected": 1,
        "series": ("Baker Street Ledgers", 2),
        "chapters": [
            (None, """Item: one window, west side, broken by a harpoon. Paid by Mr. Holmes, eventually.

Item: one tablecloth, scorched in an experiment involving sulphur. Not paid. Noted.

Item: one doctor, arrived wet through in October, stayed. Rent prompt. Pleasant at breakfast. No charge for the kindness.

She closed the book and listened to the violin upstairs, and decided the accounts balanced after all."""),
        ],
    },
    {
        "author": "tessellate",
        "title": "A Letter Unsent",
        "fandoms": [AUSTEN],
        "rating": "General Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["F/M"],
        "characters": ["Elizabeth Bennet", "Fitzwilliam Darcy"],
        "relationships": ["Elizabeth Bennet/Fitzwilliam Darcy"],
        "freeforms": ["Epistolary", "Missing Scene"],
        "summary": "The letter Elizabeth wrote after Hunsford, and why it stayed in the drawer.",
        "notes_begin": "My first Austen fic. Be gentle!",
        "notes_end": "Comments make my week.",
        "expected": 1,
        "chapters": [
            (None, """Sir,

You will think it strange to receive a letter from me, and stranger still that it contains no reproach. I find I have used all my reproaches, and have nothing left but a kind of honesty I did not know I owned.

I was wrong about Mr. Wickham. I was not wrong about everything.

...

She read it through twice by the last of the candle, folded it into thirds, and put it in the drawer with her sister's letters. Some things, she thought, are written to be kept rather than sent."""),
        ],
    },
    {
        "author": "tessellate",
        "title": "The Netherfield Ball, Reconsidered",
        "fandoms": [AUSTEN],
        "rating": "Mature",
        "warnings": ["Choose Not To Use Archive Warnings"],
        "categories": ["F/M"],
        "characters": ["Jane Bennet", "Charles Bingley"],
        "relationships": ["Charles Bingley/Jane Bennet"],
        "freeforms": ["Alternate Universe - Canon Divergence", "Mild Innuendo"],
        "summary": "What if Jane had said exactly what she meant, in the garden, after the second dance?",
        "expected": 1,
        "chapters": [
            (None, """The garden was cold and Jane did not care.

"You are going to London," she said. "Everyone says so. I should like to hear it from you."

Bingley, who had never in his life been asked a direct question by a woman he admired, found that he could not lie to one either. He told her about his sisters, and about Darcy's advice, and about the house he had been too cowardly to keep.

She kissed him then, which was not at all what her mother had planned, and rather better."""),
        ],
    },
    {
        "author": "oakenshaw",
        "title": "Tide Tables",
        "fandoms": [SALTMARSH],
        "rating": "Teen And Up Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["Gen"],
        "characters": ["Wren Okafor", "Jonah Pell", "Headmistress Calloway"],
        "relationships": ["Jonah Pell & Wren Okafor"],
        "freeforms": ["Boarding School", "Friendship", "Slow Burn"],
        "summary": "Wren has one term to find out who is flooding the east dormitory. Jonah has a boat and no sense of self-preservation.",
        "notes_begin": "Set after season two. Updates on Sundays!",
        "expected": None,
        "chapters": [
            ("High Water", """The east dormitory flooded for the third time on a Tuesday, which Wren took personally.

"It's the tide," said Jonah, wading past with his shoes held above his head. "It's always the tide."

"The tide doesn't unlock doors."

~~~

By midnight she had a list of everyone with a key, and by one she had crossed half of them off, and by two Jonah was asleep on her floor with a map of the marsh over his face."""),
            ("The Boathouse", """The boathouse smelled of tar and old rope. Jonah's boat was called the Persistence, which Wren said was tempting fate.

"Everything's tempting fate," he said, and pushed off."""),
            ("Low Water", """At low water the marsh showed its bones: channels, posts, the ribs of a barge older than the school.

And a pipe, new and bright, running from the sluice gate straight towards the east dormitory."""),
        ],
        "scheduled": ("Slack Water", """Headmistress Calloway was waiting on the jetty with a lantern and an expression Wren had only ever seen on the school's portraits.

"Miss Okafor," she said. "Mr. Pell. I believe you have found my pipe."
"""),
    },
    {
        "author": "pellucid",
        "title": "Small Hours",
        "fandoms": [SALTMARSH],
        "rating": "General Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["Gen"],
        "characters": ["Headmistress Calloway"],
        "freeforms": ["Introspection", "Night Watch"],
        "summary": "The headmistress walks the corridors at three in the morning and counts the doors.",
        "anonymous": True,
        "expected": 1,
        "chapters": [
            (None, """Forty-one doors on the east corridor. She counted them every night, as her predecessor had, and her predecessor's predecessor, back to the woman who had built the place with money from a shipwreck.

Behind each door, someone was dreaming about leaving. She hoped they would. She hoped they would come back."""),
        ],
    },
]

DRAFT = {
    "author": "pellucid",
    "title": "Untitled Lighthouse Thing",
    "fandoms": [SALTMARSH],
    "rating": "Not Rated",
    "warnings": ["Choose Not To Use Archive Warnings"],
    "summary": "Work in progress. Only I can see this.",
    "chapters": [(None, "The lighthouse had not been lit in forty years, and then one night it was.")],
}

# The demo archive's canon: each fandom with the characters and relationships fans tag,
# and the names they are called by, so Post from text can link "Holmes", "Lizzy" or
# "Mr. Darcy" to the canonical tag. {fandom: (fandom aliases, {character: aliases},
# {relationship: aliases})}; the generated fandoms add theirs from demo_library.
HANDWRITTEN_CANON = {
    SHERLOCK: (
        ["Sherlock Holmes (Arthur Conan Doyle)", "ACD Holmes"],
        {
            "Sherlock Holmes": ["Holmes", "Mr. Holmes"],
            "John Watson": ["Dr. Watson", "Watson"],
            "Mrs. Hudson": ["Martha Hudson", "Hudson"],
            "Mycroft Holmes": ["Mycroft"],
            "Inspector Lestrade": ["Lestrade", "G. Lestrade"],
            "Irene Adler": ["The Woman"],
            "James Moriarty": ["Professor Moriarty", "Moriarty"],
            "Mary Morstan": [],
        },
        {
            "Sherlock Holmes & John Watson": ["Holmes & Watson"],
            "John Watson/Sherlock Holmes": ["Johnlock", "Holmes/Watson"],
            "John Watson/Mary Morstan": [],
        },
    ),
    AUSTEN: (
        ["Pride and Prejudice", "Pride & Prejudice"],
        {
            "Elizabeth Bennet": ["Lizzy Bennet", "Lizzy", "Eliza Bennet", "Eliza"],
            "Fitzwilliam Darcy": ["Mr. Darcy", "Darcy"],
            "Jane Bennet": [],
            "Charles Bingley": ["Mr. Bingley", "Bingley"],
            "Lydia Bennet": [],
            "Mary Bennet": [],
            "Kitty Bennet": ["Catherine Bennet"],
            "Mr. Bennet": [],
            "Mrs. Bennet": [],
            "Charlotte Lucas": [],
            "George Wickham": ["Mr. Wickham", "Wickham"],
            "Caroline Bingley": ["Miss Bingley"],
            "Lady Catherine de Bourgh": ["Lady Catherine"],
        },
        {
            "Elizabeth Bennet/Fitzwilliam Darcy": ["Darcy/Elizabeth", "Darcy/Lizzy"],
            "Charles Bingley/Jane Bennet": ["Bingley/Jane"],
            "Elizabeth Bennet & Jane Bennet": [],
        },
    ),
    SALTMARSH: (
        ["Saltmarsh Academy"],
        {"Wren Okafor": [], "Jonah Pell": [], "Headmistress Calloway": ["Calloway"]},
        {"Jonah Pell & Wren Okafor": [], "Jonah Pell/Wren Okafor": ["Wrenah"]},
    ),
}


def canon_rows(canon: dict) -> list[tuple[str, str, str, list[str]]]:
    """(type, name, fandom, aliases) rows for `tags.canon.import_canon`, fandoms first."""
    rows: list[tuple[str, str, str, list[str]]] = []
    for fandom, (aliases, characters, relationships) in canon.items():
        rows.append(("fandom", fandom, "", list(aliases)))
        rows += [("character", name, fandom, list(names)) for name, names in characters.items()]
        rows += [("relationship", name, fandom, list(names)) for name, names in relationships.items()]
    return rows
