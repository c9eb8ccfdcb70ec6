# ruff: noqa: E501 - story paragraphs are one line each, as pasted
"""Hand-written fan fiction for the corpus tests (part B). All texts are our own."""

FICS = [
    {
        "id": "good_omens_explicit_stated",
        "text": """**Title:** A Reasonable Amount of Wine
**Rating:** Explicit
**Pairing:** Aziraphale/Crowley
**Word count:** 520

*Disclaimer: Good Omens belongs to Neil Gaiman and Terry Pratchett. I just let the boys have a nice evening.*

**A/N:** Post-apocalypse-that-wasn't. Soft and a little filthy. Enjoy!

The bookshop was closed, as it mostly was. Crowley lay across the sofa in the back room with his boots on the armrest, which Aziraphale had asked him not to do roughly four thousand times since 1941.

"You're doing it again," said Aziraphale.

"Doing what, angel?"

"The boots."

Crowley did not move the boots. He held out his glass instead, and Aziraphale sighed and filled it, and then, after a moment's thought, sat down on the very edge of the sofa, which was really only half a sofa with Crowley's legs on it.

Gabriel had not called in weeks. Neither had anyone from Downstairs. The world had not ended, and every night Aziraphale found that a little more astonishing.

Crowley kissed him first. He always did, in the end. Aziraphale tasted of claret and dust and old paper, and he made a small, surprised sound when Crowley pulled him down, and later, much later, they were naked in the narrow bed upstairs and Aziraphale moaned his name into the dark as if it were a prayer.

Afterwards Crowley lay with his head on the angel's chest and listened to a heartbeat that had no business being there.

"Same time tomorrow?" said Aziraphale.

"Same time forever," said Crowley.

**End notes:** Kudos and comments feed the author!""",
        "title": "A Reasonable Amount of Wine",
        "chapters": [None],
        "story_starts": "The bookshop was closed",
        "story_ends": "said Crowley.",
        "notes_begin": ["Word count:** 520", "Soft and a little filthy"],
        "notes_end": ["Kudos and comments"],
        "disclaimer": ["Good Omens belongs to Neil Gaiman"],
        "fandoms": ["Good Omens"],
        "characters": ["Aziraphale", "Crowley"],
        "not_characters": ["Neil Gaiman", "Terry Pratchett", "Downstairs"],
        "relationships": [("Aziraphale", "/", "Crowley")],
        "rating": "Explicit",
        "rating_evidence": "Rating:** Explicit",
    },
    {
        "id": "original_explicit_inferred",
        "text": """A/N: An original story this time, no fandom, just my own characters. Adults only, please. Feedback welcome!

Marisol had known Théo for eleven years before she finally kissed him, on the fire escape of her apartment, in the middle of an argument about whether the city had ever really been theirs.

He kissed her back like he had been waiting the whole eleven years. Maybe he had.

They did not make it to the bedroom. Her shirt came off in the kitchen; his in the hall. She pushed him down onto the couch and undressed him slowly, and he let her, watching her with dark, patient eyes. When she finally sank down on his cock he groaned and gripped her hips, and she rode him until she came apart, gasping his name, and he followed her with a shudder a moment later.

They had sex again in the shower, and a third time, lazily, on the floor of the living room as the sun came up. Her orgasm took her by surprise that time, slow and deep, and she laughed into his shoulder afterwards while he thrust into her one last time.

"Jae-won is never going to let us hear the end of this," Théo said.

"Jae-won," said Marisol, "is never going to know."

Jae-won, who lived downstairs and had very thin ceilings, knew by breakfast.

Thanks for reading! This was a lot of fun to write.""",
        "title": None,
        "chapters": [None],
        "story_starts": "Marisol had known Théo",
        "story_ends": "knew by breakfast.",
        "notes_begin": ["my own characters"],
        "notes_end": ["Thanks for reading"],
        "disclaimer": None,
        "fandoms": ["Original Work"],
        "characters": ["Marisol", "Théo", "Jae-won"],
        "not_characters": ["Jae", "Th"],
        "tags": ["Sexual Content"],
        "rating": "Explicit",
    },
    {
        "id": "hetalia_countries",
        "text": """Hetalia: Axis Powers is the property of Hidekaz Himaruya.

Pairing: America/England (human names used)

Alfred F. Jones was late to the world meeting, which surprised exactly nobody.

"I brought doughnuts!" he announced, kicking the door open with a box balanced on each arm. "And coffee! Because I'm a hero!"

Arthur Kirkland did not look up from his tea. "You brought sugar and noise. As usual."

"Aw, come on, Artie. You love it."

Across the table Francis Bonnefoy laughed into his wine glass, and Ludwig Beilschmidt rubbed his temples as though he had a headache, which he almost certainly did. Feliciano Vargas had already taken two doughnuts and was trying to hide a third in his sleeve. Kiku Honda, beside him, politely pretended not to see.

Gilbert had not been invited. Gilbert came anyway, through the window.

"The awesome me has arrived!"

"Get out," said Ludwig, without much hope.

Arthur finally put his teacup down. Alfred was grinning at him across the table with powdered sugar on his chin, and Arthur thought, not for the first time, that it was deeply unfair that someone so ridiculous should also be so very easy to look at.

He did not say so. Alfred, who was not as oblivious as he pretended to be, winked.

Reviews make me happy! Ciao ciao~""",
        "title": None,
        "chapters": [None],
        "story_starts": "Alfred F. Jones was late",
        "story_ends": "winked.",
        "notes_begin": ["human names used"],
        "notes_end": ["Reviews make me happy"],
        "disclaimer": ["Hidekaz Himaruya"],
        "fandoms": ["Hetalia: Axis Powers"],
        "characters": ["Alfred", "Arthur", "Francis", "Ludwig", "Feliciano", "Gilbert"],
        "characters_hard": ["Kiku"],
        "not_characters": ["Hidekaz Himaruya", "Axis Powers"],
        "relationships": [("America", "/", "England")],
        "rating": "General Audiences",
    },
    {
        "id": "crossover_hp_avengers",
        "text": """Disclaimer: I don't own Harry Potter or the Avengers. They belong to J.K. Rowling and Marvel respectively.

AN: Crossover! Set after Deathly Hallows and after the first Avengers movie. No pairings, just Hermione being awesome.

Chapter 1 - Consultant

Hermione Granger had been in New York for three days when Nick Fury found her.

She was sitting in a coffee shop with a book, and he sat down across from her without asking, and said, "Miss Granger. I understand you know some things about magic."

"I understand you know some things about aliens," Hermione said, not looking up. "Shall we trade?"

Fury smiled, very slightly. Two hours later she was standing in a hangar on the Helicarrier, shaking hands with a man in a flag-coloured uniform who said his name was Steve Rogers and with another man, Tony Stark, who did not shake hands at all but asked her whether wands ran on batteries.

"No," Hermione said.

"Solar?"

"No."

"Can I take one apart?"

"Absolutely not," said Hermione, and Steve laughed so hard he had to sit down.

Thor, when he arrived, kissed her hand and told her that her spellwork reminded him of his mother's. Hermione decided she liked him best.

More soon! Please review!""",
        "title": None,
        "chapters": ["Chapter 1 - Consultant"],
        "story_starts": "Hermione Granger had been in New York",
        "story_ends": "she liked him best.",
        "notes_begin": ["Crossover!"],
        "notes_end": ["Please review"],
        "disclaimer": ["I don't own Harry Potter or the Avengers"],
        "fandoms": ["Harry Potter", "The Avengers"],
        "characters": ["Hermione", "Fury", "Steve"],
        "characters_hard": ["Tony", "Thor"],
        "not_characters": ["Helicarrier", "New York", "Deathly Hallows", "J.K. Rowling"],
        "relationships": [],
        "rating": "General Audiences",
    },
    {
        "id": "teen_wolf_markup_language",
        "text": """*Disclaimer: Teen Wolf isn't mine, it belongs to Jeff Davis and MTV.*

**A/N: Rated T for Stiles's mouth. Sterek, obviously (Derek/Stiles). This is for my best friend who dared me to write it lol**

Stiles Stilinski was having a very bad night.

First there was the thing in the woods, which was huge and had too many eyes. Then there was the part where he dropped his phone in the creek. And then there was Derek Hale, standing over him in the moonlight, eyes glowing red, saying, "What the fuck are you doing out here?"

"Oh, you know. Jogging."

"At two in the morning."

"Cardio never sleeps, dude."

Derek hauled him up by the back of his hoodie. Somewhere behind them Scott was yelling Stiles's name, and further off the sheriff's cruiser was coming up the dirt road with its lights going. Sheriff Stilinski was going to kill him. Actually kill him. Stiles was going to die in the woods of Beacon Hills and it was going to be Derek's fault.

"Shit," Stiles said. "Shit, shit, shit. My dad."

"Your dad," Derek agreed, and for one second he looked almost like he was going to smile.

Lydia would have said it was a moment. Stiles was not going to think about it.

**Thank you for reading! Review and I'll write the sequel ;)**""",
        "title": None,
        "chapters": [None],
        "story_starts": "Stiles Stilinski was having a very bad night.",
        "story_ends": "was not going to think about it.",
        "notes_begin": ["Rated T for Stiles's mouth"],
        "notes_end": ["write the sequel"],
        "disclaimer": ["Teen Wolf isn't mine"],
        "fandoms": ["Teen Wolf"],
        "characters": ["Stiles", "Derek"],
        "not_characters": ["Beacon Hills", "Jeff Davis", "MTV", "Sterek"],
        "relationships": [("Derek", "/", "Stiles")],
        "rating": "Teen And Up Audiences",
        "rating_evidence": "Rated T",
    },
    {
        "id": "atla_parts_tbc",
        "text": """Avatar: The Last Airbender isn't mine. If it were, Zutara would be canon.

Summary: Zuko and Katara are stuck on an island for three days with nothing but a broken boat and each other. Aang is not happy about it.

Part One

Katara woke to the sound of Zuko swearing at the boat.

"It won't do any good," she called. "I've checked the hull twice. It's cracked clean through."

"I know it's cracked." Zuko kicked the boat. It did not help. "Uncle Iroh always said I never listened. I'm listening now. The boat is telling me we're stuck."

Katara laughed in spite of herself. She bent a ribbon of seawater up out of the tide pool and let it fall back. Somewhere on the mainland, Sokka was probably panicking, and Toph was probably telling him to calm down, and Aang was probably flying in circles on Appa looking for them in all the wrong places.

Part Two

By the second night they had a fire, and a fish, and a truce.

"Tell me about your mother," Zuko said, out of nowhere.

So she did. And afterwards, when the fire had burned down to embers, he told her about his.

To be continued...""",
        "title": None,
        "chapters": ["Part One", "Part Two"],
        "story_starts": "Katara woke to the sound",
        "story_ends": "he told her about his.",
        "summary": ["stuck on an island"],
        "notes_end": ["To be continued"],
        "disclaimer": ["isn't mine"],
        "fandoms": ["Avatar: The Last Airbender"],
        "characters": ["Zuko", "Katara"],
        "not_characters": ["Zutara", "Uncle Iroh", "Airbender"],
        "relationships": [],
        "rating": "General Audiences",
    },
    {
        "id": "lotr_no_fandom_in_disclaimer",
        "text": """All characters belong to J.R.R. Tolkien. Not mine, never will be.

This is my first Lord of the Rings fic, please be kind! It's a little missing scene from the Fellowship's stay in Rivendell.

Sam found Mr. Frodo in the garden, sitting under a tree that was older than the Shire.

"You ought to be in bed, sir," Sam said. "Lord Elrond said so. And Gandalf said so. And I'm saying so."

"That's three against one," said Frodo. "Hardly fair."

"It's not meant to be fair. It's meant to get you to bed."

Frodo laughed, and then winced, and pressed a hand to his shoulder where the knife had gone in. Sam sat down next to him on the grass. Far off, in the Hall of Fire, somebody was singing, and Merry and Pippin were almost certainly stealing something from the kitchens.

"Do you think we'll ever go home, Sam?"

Samwise Gamgee thought about the Shire, and about Bag End, and about Rosie Cotton at the Green Dragon.

"Yes, Mr. Frodo," he said. "I do."

Thank you for reading!""",
        "title": None,
        "chapters": [None],
        "story_starts": "Sam found Mr. Frodo in the garden",
        "story_ends": "\"I do.\"",
        "notes_begin": ["my first Lord of the Rings fic"],
        "notes_end": ["Thank you for reading"],
        "disclaimer": ["All characters belong to J.R.R. Tolkien"],
        "fandoms": ["Lord of the Rings"],
        "characters": ["Sam", "Frodo"],
        "not_characters": ["Shire", "Rivendell", "Bag End", "Green Dragon", "Tolkien",
                           "Fellowship", "Hall of Fire"],
        "relationships": [],
        "rating": "General Audiences",
    },
    {
        "id": "mha_nicknames_shouting_violence",
        "text": """Disclaimer: I do not own Boku no Hero Academia. Kohei Horikoshi does.

Warnings: violence, blood, swearing. Bakugou & Midoriya friendship, no romance.

"DEKU!"

Izuku flinched. He knew that voice. Everybody in a three-block radius knew that voice.

Katsuki Bakugou came stomping down the street with smoke rising from his palms, and behind him the villain he had been chasing staggered out of the alley with blood streaming from a broken nose.

"Kacchan, watch out!"

The villain swung. Bakugou ducked, and the blow caught Izuku instead, hard across the jaw, and for a moment the world went white. He tasted blood. He heard Kacchan swear, loudly and creatively, and then there was an explosion so big it set off every car alarm on the block.

When Izuku could see again, the villain was unconscious on the pavement and Bakugou was standing over him with his hands still crackling.

"You fucking idiot," Bakugou said. "Why'd you jump in?"

"You would've done the same."

"That's not the point, nerd!" But he offered Izuku a hand up anyway, and he didn't let go of it right away, and Izuku decided that counted as a thank-you.

All Might was waiting at the school gates. He did not say anything. He just put one enormous hand on each of their heads, and left it there, until Bakugou growled at him.

Thanks for reading! Kudos are appreciated!""",
        "title": None,
        "chapters": [None],
        "story_starts": "\"DEKU!\"",
        "story_ends": "until Bakugou growled at him.",
        "notes_begin": ["Bakugou & Midoriya friendship"],
        "notes_end": ["Kudos are appreciated"],
        "disclaimer": ["Boku no Hero Academia"],
        "fandoms": ["Boku no Hero Academia"],
        "characters": ["Izuku", "Bakugou"],
        "characters_hard": ["All Might"],
        "not_characters": ["DEKU", "Kohei Horikoshi"],
        "relationships": [("Bakugou", "&", "Midoriya")],
        "tags": ["Blood"],
        "rating": "Teen And Up Audiences",
    },
    {
        "id": "les_mis_accents_multichapter",
        "text": """Les Misérables belongs to Victor Hugo. I'm only borrowing the barricade boys.

Pairing: Enjolras/Grantaire
Rating: Not Rated
Warnings: Major Character Death

Chapter One: The Café

Grantaire had been drinking since noon, which was early even for him. The back room of the café was full of students and smoke, and at the front of it Enjolras stood on a chair and spoke about the people, the people, always the people, with his hair on fire in the lamplight.

Courfeyrac slid into the seat beside Grantaire. "You're staring."

"I'm admiring. There's a difference."

Éponine, leaning in the doorway, rolled her eyes at both of them.

Chapter Two: The Barricade

The soldiers came at dawn. Combeferre fell first, then Courfeyrac, and the street filled with gunsmoke and blood.

Grantaire woke in the wine shop to silence. He went upstairs. Enjolras stood alone against the wall with a red flag in his hand and eight muskets pointed at his chest.

"Vive la République," Grantaire said, and took his hand.

The muskets fired. They died together, and neither of them let go.

A/N: I'm so sorry. I'll write something happy next time, I promise!""",
        "title": None,
        "chapters": ["Chapter One: The Café", "Chapter Two: The Barricade"],
        "story_starts": "Grantaire had been drinking since noon",
        "story_ends": "neither of them let go.",
        "notes_begin": ["Pairing: Enjolras/Grantaire"],
        "notes_end": ["I'm so sorry"],
        "disclaimer": ["Victor Hugo"],
        "fandoms": ["Les Misérables"],
        "characters": ["Grantaire", "Enjolras", "Courfeyrac", "Éponine", "Combeferre"],
        "not_characters": ["Victor Hugo", "République", "Vive"],
        "relationships": [("Enjolras", "/", "Grantaire")],
        "tags": ["Major Character Death"],
        "rating": "Not Rated",
    },
    {
        "id": "original_no_notes_first_person",
        "text": """I was nine the summer my grandmother taught me to swim in the quarry.

She did not believe in water wings or in the shallow end. She believed in throwing me off the flat rock by the birches and waiting, arms folded, while I figured it out. Nana Ruth was like that about most things.

My brother Tomasz watched from the bank. He was twelve and too old for swimming, he said, although I saw him go in at night when he thought nobody was looking.

"Kick," Nana Ruth called. "Kick, Ania! You are not a stone!"

I kicked. I came up coughing and furious and alive, and she laughed so hard she had to sit down on the rock.

That night the three of us ate cherries on the porch and spat the stones into the grass. Tomasz told a ghost story about a drowned girl in the quarry, and Nana Ruth told him he was a liar, and I lay awake afterwards listening to the frogs and thinking that I had never been so happy in my life, and probably never would be again.

I was right about that. But I did not know it yet.""",
        "title": None,
        "chapters": [None],
        "story_starts": "I was nine the summer",
        "story_ends": "But I did not know it yet.",
        "notes_begin": None,
        "notes_end": None,
        "disclaimer": None,
        "fandoms": [],
        "characters": ["Ruth", "Tomasz", "Ania"],
        "not_characters": ["Kick"],
        "relationships": [],
        "rating": "General Audiences",
    },    {
        # The lead's first name is part of the fandom's ("Harry" of "Harry Potter" in the
        # disclaimer): only the disclaimer's naming of the fandom is no evidence, the story's
        # "Harry" is. "Ginny" after the slash of the pairing counts as announced; "to Ginny"
        # is no place when she also acts; "Molly was still there, knitting" is a person.
        "id": "hp_fandom_name_lead_two_chapters",
        "text": """Title: Snowfall at the Burrow
Author's Note: Written for the winter exchange. Huge thanks to my beta, you know who you are! Harry/Ginny, post-war, fluff with a side of angst.

Disclaimer: Harry Potter and all related characters belong to J.K. Rowling. I'm just playing in her sandbox.

Chapter One: First Frost

The snow came early that year. Ginny found Harry in the garden, staring at the gnomes as though they might explain something to him.

"You're brooding," she said.

"I don't brood."

"You absolutely brood." She handed him a mug of cocoa and sat down beside him on the cold bench. Ron shouted something from the kitchen window about dinner, and Hermione's laugh followed it.

* * *

Later, when the house was asleep, Harry crept down to the kitchen. Molly was still there, knitting by the fire.

Chapter Two: The Letter

The owl arrived at dawn. Harry read the letter twice, then handed it to Ginny without a word. Kingsley wanted him back at the Ministry by Monday.

A/N: Thanks for reading! Reviews make me write faster. R&R!""",
        "title": "Snowfall at the Burrow",
        "chapters": ["Chapter One: First Frost", "Chapter Two: The Letter"],
        "breaks": [1, 0],
        "story_starts": "The snow came early that year.",
        "story_ends": "back at the Ministry by Monday.",
        "notes_begin": ["winter exchange", "Harry/Ginny, post-war"],
        "notes_end": ["Reviews make me write faster"],
        "disclaimer": ["Harry Potter and all related characters belong to J.K. Rowling"],
        "fandoms": ["Harry Potter"],
        "characters": ["Harry", "Ginny", "Ron", "Hermione", "Molly", "Kingsley"],
        "characters_strong": ["Harry", "Ginny"],
        "not_characters": ["Ministry", "Burrow", "Monday", "Harry Potter", "Rowling"],
        "noise_max": 0.2,
        "relationships": [("Harry", "/", "Ginny")],
        "rating": "General Audiences",
    },
    {
        # The same layout in another fandom whose title holds the lead's name, with an "and"
        # in it that is one title ("... and the Olympians belongs to"), not two fandoms.
        "id": "pjo_fandom_name_lead_two_chapters",
        "text": """Title: Low Tide at Montauk
Author's Note: A summer-swap gift for my favourite person on the internet. Percy/Annabeth, set after the second war, mostly fluff. Thanks to my beta for catching all my typos!

Disclaimer: Percy Jackson and the Olympians belongs to Rick Riordan. I only own the plot.

Chapter One: Salt

The cabin smelled of salt and old blankets. Annabeth found Percy on the porch, watching the waves as if they owed him money.

"You're doing the thing again," she said.

"What thing?"

"The staring thing." She dropped down next to him and stole half his blue pancake. Grover bleated something from inside about the last of the enchiladas, and Sally's voice answered him.

* * *

That night the wind came up off the water. Percy walked down to the shoreline alone. Chiron was already there, standing in the shallows with his tail swishing.

Chapter Two: The Message

The Iris message came just after breakfast. Percy listened to it once, then passed the drachma pouch to Annabeth without a word. Rachel wanted them both back at camp by Friday.

A/N: Thank you for reading! Comments and kudos keep me going.""",
        "title": "Low Tide at Montauk",
        "chapters": ["Chapter One: Salt", "Chapter Two: The Message"],
        "breaks": [1, 0],
        "story_starts": "The cabin smelled of salt and old blankets.",
        "story_ends": "back at camp by Friday.",
        "notes_begin": ["summer-swap gift", "Percy/Annabeth"],
        "notes_end": ["Comments and kudos keep me going"],
        "disclaimer": ["Percy Jackson and the Olympians belongs to Rick Riordan"],
        "fandoms": ["Percy Jackson and the Olympians"],
        "characters": ["Percy", "Annabeth", "Grover", "Sally", "Chiron", "Rachel"],
        "characters_strong": ["Percy", "Annabeth"],
        "not_characters": ["Olympians", "Percy Jackson", "Riordan", "Rick Riordan", "Friday", "Iris"],
        "noise_max": 0.2,
        "relationships": [("Percy", "/", "Annabeth")],
        "rating": "General Audiences",
    },
]
