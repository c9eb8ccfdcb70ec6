# ruff: noqa: E501 - story paragraphs are one line each, as pasted
"""Hand-written fan fiction for the corpus tests (part A). All texts are our own.

Each entry: `id`, `text` and the expectations test_corpus.py checks (see its docstring).
"""

FICS = [
    {
        "id": "hp_header_block",
        "text": """Title: Frost on the Orchard Wall
Author: quillandember
Rating: T
Pairing: Harry/Ginny
Characters: Ginny Weasley, Harry Potter, Ron Weasley, Hermione Granger, Molly Weasley
Warnings: none
Word count: 640
Genre: Romance/Hurt/Comfort

Author's Note: Written for the holiday swap. Huge thanks to my beta! Post-war, fluff with a side of angst.

Disclaimer: Harry Potter and all related characters belong to J.K. Rowling. I'm just playing in her sandbox.

Chapter One: The Orchard

Ginny was the first one awake, as she always was in winter. She pulled on Ron's old jumper and padded downstairs past the clock with its nine hands.

Harry was already at the kitchen table at the Burrow, both hands around a mug that had gone cold. He had not slept. She could tell by the way he held his shoulders.

"Bad one?" Ginny asked.

"Just the usual," said Harry. He tried to smile. "Your mum's going to be furious. I ate the last of the treacle tart."

Mrs. Weasley was not furious. Molly Weasley had never once been furious with Harry, which Ginny privately thought was deeply unfair. She came down at seven and made eggs and said that Kingsley would be coming from the Ministry at noon, and that Hermione had sent an owl to say she and Ron would be late.

Hermione's owl was still sitting on the windowsill, looking offended. Ginny fed it a bit of bacon.

Later they walked out to the orchard. The snow on the wall was thin and blue in the light. Harry told her about the dream, the one with the forest, and Ginny listened without saying anything at all until he was finished. Then she kissed him, and he held on to her like she was the only warm thing left in the world.

"Stay," she said.

"I'm not going anywhere," said Harry.

A/N: Thanks for reading! Reviews make me write faster. R&R!""",
        "title": "Frost on the Orchard Wall",
        "chapters": ["Chapter One: The Orchard"],
        "story_starts": "Ginny was the first one awake",
        "story_ends": "I'm not going anywhere,\" said Harry.",
        "notes_begin": ["Author: quillandember", "Rating: T", "Huge thanks to my beta"],
        "notes_end": ["Reviews make me write faster"],
        "disclaimer": ["belong to J.K. Rowling"],
        "fandoms": ["Harry Potter"],
        "characters": ["Ginny", "Harry", "Ron", "Hermione", "Molly"],
        "not_characters": ["Burrow", "Ministry", "Romance", "Hurt", "Comfort"],
        "relationships": [("Harry", "/", "Ginny")],
        "not_relationships": [("Romance", "/", "Hurt")],
        "rating": "Teen And Up Audiences",
        "rating_evidence": "Rating: T",
    },
    {
        "id": "hp_lead_variant",
        "text": """Title: Snow on the Chimney Pots
Author's Note: For the winter exchange, prompt was "first Christmas after". Harry/Ginny, post-war, fluff with a side of angst. Thanks to my lovely beta!
Disclaimer: Harry Potter and all related characters belong to J.K. Rowling. I'm only borrowing them.
Chapter One: First Frost
Ginny noticed the frost before anyone else did. It had crept across the windows of the Burrow overnight, feathery and white, and she traced it with one finger while the kettle boiled.
"You're up early," said Harry from the doorway. His hair was a disaster. It was always a disaster.
"Couldn't sleep." Ginny handed him a cup. "Ron snores like a dragon, and Hermione says he doesn't."
"Hermione's in love. It makes people blind." Harry sat down and yawned. "Kingsley wants me at the Ministry on Monday."
"On Christmas week?"
"On Christmas week."
Molly came in with an armful of laundry and a list of everything that still had to be done before dinner, and for an hour nobody talked about the Ministry at all. Harry peeled potatoes. Ginny burned the first batch of mince pies and hid the evidence in the garden, where the gnomes ate it.
By evening the snow was falling properly. Ginny stood with Harry at the edge of the garden and watched it bury the paths to the Burrow one by one.
"Next year," Harry said, "we'll have our own chimney."
"Next year," Ginny agreed.
A/N: Thanks for reading! Reviews make me write faster. R&R!""",
        "title": "Snow on the Chimney Pots",
        "chapters": ["Chapter One: First Frost"],
        "story_starts": "Ginny noticed the frost",
        "story_ends": "Ginny agreed.",
        "notes_begin": ["winter exchange", "Harry/Ginny"],
        "notes_end": ["R&R"],
        "disclaimer": ["all related characters belong to J.K. Rowling"],
        "fandoms": ["Harry Potter"],
        "characters": ["Ginny", "Harry", "Hermione", "Molly"],
        "not_characters": ["Burrow", "Ministry", "Harry Potter"],
        "relationships": [("Harry", "/", "Ginny")],
        "rating": "General Audiences",
    },
    {
        "id": "mcu_ffn_style",
        "text": """Arc Reactor Blues

Rating: T
Pairing: Steve/Tony
Genre: Angst/Hurt/Comfort
Summary: After a mission goes sideways, Tony refuses to go to medical. Steve is not having it.

Disclaimer: The Avengers are property of Marvel and Disney. I'm not making any money from this.

AN: first time writing for this fandom, be gentle! reviews are love

"JARVIS, lock the lab."

"I'm afraid Captain Rogers has already overridden the lockdown, sir."

Tony swore and dropped the screwdriver. Steve came through the glass doors with his shield still strapped to his back and soot all over his face, and he looked angry in the quiet way that was so much worse than shouting.

"You're bleeding," Steve said.

"It's a scratch."

"TONY. You're bleeding through your shirt."

Tony looked down. Huh. He was. He had been so busy with the gauntlet that he hadn't noticed, which was the kind of thing Pepper would have a lot to say about. Bruce appeared in the doorway behind Steve, took one look at the two of them and went away again. Natasha did not even bother to appear. She just texted: Medical. Now. Or I tell Pepper.

"Fine," Tony said. "Fine! God, you people."

Steve walked him down to medical anyway, one hand on the small of his back the whole way, and Tony let him.

To be continued...""",
        "title": "Arc Reactor Blues",
        "chapters": [None],
        "story_starts": "\"JARVIS, lock the lab.\"",
        "story_ends": "and Tony let him.",
        "summary": ["Tony refuses to go to medical"],
        "notes_begin": ["Rating: T", "first time writing for this fandom"],
        "notes_end": ["To be continued"],
        "disclaimer": ["property of Marvel"],
        "fandoms": ["The Avengers"],
        "characters": ["Tony", "Steve", "Bruce"],
        "characters_hard": ["JARVIS"],
        "not_characters": ["Marvel", "Disney", "Angst", "Hurt", "TONY"],
        "relationships": [("Steve", "/", "Tony")],
        "not_relationships": [("Angst", "/", "Hurt")],
        "rating": "Teen And Up Audiences",
        "rating_evidence": "Rating: T",
    },
    {
        "id": "sherlock_dialogue_first",
        "text": """Disclaimer: I do not own Sherlock. It belongs to the BBC, Steven Moffat and Mark Gatiss.

Notes: Just a silly little thing I wrote on the train. Pre-slash if you squint, John/Sherlock. Enjoy!

"There's a head in the fridge again, isn't there."

John did not phrase it as a question. He stood in the kitchen at Baker Street with the fridge door open and a carton of milk in his hand, and he looked at the head, and the head looked back at him.

"It's for an experiment," said Sherlock from the sofa, without opening his eyes. "Lestrade sent it over. Don't touch the left ear."

"Why would I touch the left ear?"

"People do. Mrs. Hudson touched the left ear."

Mrs. Hudson, as if summoned, called up the stairs that she was not their housekeeper and that Mycroft had been round twice while they were out at the Yard, and that he had eaten all her biscuits.

John put the milk back. He closed the fridge. He sat down in his chair and picked up the paper, and for almost a full minute he managed not to ask.

"Whose head is it?"

Sherlock smiled at the ceiling. "Now that," he said, "is the interesting part."

Thanks for reading! Comments make my day.""",
        "title": None,
        "chapters": [None],
        "story_starts": "\"There's a head in the fridge again",
        "story_ends": "is the interesting part.\"",
        "notes_begin": ["silly little thing"],
        "notes_end": ["Comments make my day"],
        "disclaimer": ["I do not own Sherlock"],
        "fandoms": ["Sherlock"],
        "characters": ["John", "Sherlock", "Mrs. Hudson"],
        "not_characters": ["Baker Street", "Yard", "BBC", "Steven Moffat", "Mark Gatiss"],
        "relationships": [("John", "/", "Sherlock")],
        "rating": "General Audiences",
    },
    {
        "id": "naruto_honorifics",
        "text": """Disclaimer: I don't own Naruto. Masashi Kishimoto does!

Pairing: Naruto/Hinata
Rating: K+

A/N: Hi everyone! This is my first Naruto fanfic so please be nice ^^ Japanese words are at the bottom.

Chapter 1: Ramen and Rain

It was raining in Konoha, and Hinata was hiding under the awning of Ichiraku with a paper bag of cinnamon buns pressed to her chest.

"Hinata-chan!" Naruto skidded to a stop in front of her, soaked from head to toe and grinning like an idiot. "You're here too! Do you want ramen? I'll buy! Well, Iruka-sensei will buy, he just doesn't know yet."

Hinata's face went very red. "N-Naruto-kun. I was just... the rain..."

"Yeah, it's really coming down, huh!" He dropped onto the stool next to her. Behind the counter, old Teuchi laughed and started on two bowls without being asked.

Sakura and Sasuke passed by outside a few minutes later. Sakura waved. Sasuke did not wave, but he did look, and Naruto stuck his tongue out at him until Hinata giggled.

"Sasuke-teme thinks he's so cool," Naruto grumbled.

"I think you're cool, Naruto-kun," Hinata said, very quietly.

Naruto did not hear her over the rain. But Kakashi-sensei, reading on the roof across the street, heard every word, and smiled behind his book.

Japanese: -chan, -kun = affectionate suffixes; -sensei = teacher; teme = bastard (rude!)

Reviews are love! Next chapter soon~""",
        "title": None,
        "chapters": ["Chapter 1: Ramen and Rain"],
        "story_starts": "It was raining in Konoha",
        "story_ends": "and smiled behind his book.",
        "notes_begin": ["my first Naruto fanfic"],
        "notes_end": ["Reviews are love", "affectionate suffixes"],
        "disclaimer": ["I don't own Naruto"],
        "fandoms": ["Naruto"],
        "characters": ["Naruto", "Hinata", "Sakura", "Sasuke", "Kakashi"],
        "not_characters": ["Konoha", "Ichiraku", "Masashi Kishimoto", "Japanese"],
        "relationships": [("Naruto", "/", "Hinata")],
        "rating": "Teen And Up Audiences",
        "rating_evidence": "Rating: K+",
    },
    {
        "id": "spn_rejected_pairing",
        "text": """Title: Salt Lines
Rating: M
Characters: Dean Winchester, Sam Winchester, Castiel, Bobby Singer
Warnings: Major character death (it's Supernatural, nobody stays dead), graphic violence, blood

Notes: Gen, brothers fic. No Destiel, sorry! Sam & Dean are the heart of this one.

Supernatural belongs to Eric Kripke and the CW.

The ghoul came out of the grave before Dean had finished digging.

It hit him square in the chest and they went down together in the wet earth, and Dean felt its teeth close on his shoulder, felt the skin tear and the blood run hot down his arm. He got the machete up between them. He pushed.

"Sammy!"

Sam was already there. The shotgun went off twice, loud as the end of the world, and the ghoul's head came apart in a spray of black blood that spattered across the headstones. Dean rolled out from under it, gasping.

"You okay?"

"Peachy." Dean pressed his hand over the wound. Blood pooled between his fingers. "Son of a bitch bit me."

They drove back to Bobby's in silence. The Impala smelled like grave dirt and gunpowder. Bobby stitched the shoulder at the kitchen table with a bottle of whiskey open beside him, and Castiel appeared in the corner of the room halfway through, which nearly made Bobby stab Dean with the needle.

"You were hurt," Castiel said.

"I'm always hurt, Cas."

Two nights later the second ghoul got Bobby. Sam found him in the salvage yard at dawn, and he was dead, and there was nothing any of them could do. They burned the body on the hill behind the house. Dean did not cry at the funeral, because there was no funeral, just the fire and the smoke and his brother standing next to him in the dark.

Thanks for reading! Let me know what you think.""",
        "title": "Salt Lines",
        "chapters": [None],
        "story_starts": "The ghoul came out of the grave",
        "story_ends": "standing next to him in the dark.",
        "notes_begin": ["No Destiel, sorry", "Rating: M"],
        "notes_end": ["Let me know what you think"],
        "disclaimer": ["belongs to Eric Kripke"],
        "fandoms": ["Supernatural"],
        "characters": ["Dean", "Sam", "Castiel", "Bobby"],
        "not_characters": ["Impala", "Eric Kripke", "CW", "Supernatural"],
        "relationships": [("Sam", "&", "Dean")],
        "not_relationships": [("Dean", "/", "Castiel")],
        "tags": ["Major Character Death", "Graphic Depictions Of Violence", "Blood"],
        "rating": "Mature",
        "rating_evidence": "Rating: M",
    },
    {
        "id": "pride_no_notes",
        "text": """The assembly rooms at Meryton were warm and far too crowded, and Elizabeth Bennet had already danced twice with Mr. Collins, which was two times more than any reasonable woman ought to endure in an evening.

She escaped to the window. Jane found her there a quarter of an hour later, flushed and smiling, and announced that Mr. Bingley had asked her for the supper dance.

"Of course he has," said Elizabeth. "He has looked at nobody else all night."

"You are unkind to the other ladies, Lizzy."

"I am unkind to nobody. I am merely observant." Elizabeth glanced across the room, to where Mr. Darcy stood alone beside the pillar, looking at the company as though it had personally offended him. "Some of us are observant, and some of us are insufferable."

Jane followed her gaze and sighed. "Mr. Darcy is only shy."

"Mr. Darcy is only proud."

But when Mrs. Bennet, loud and delighted, began to tell Lady Lucas across half the room that Jane would be mistress of Netherfield by Christmas, it was Mr. Darcy who turned his head, and it was Elizabeth who felt her face burn. She saw him look at her mother. She saw him look at her. And she saw, quite clearly, the moment he decided what he thought of all of them.

They drove home to Longbourn in the dark. Jane talked of Mr. Bingley the whole way. Elizabeth watched the hedges go by and thought, against her will, of a pair of dark eyes and a mouth that had not once smiled.

In the morning a letter came from Netherfield. It was addressed to Jane. Elizabeth told herself she was not disappointed, and very nearly believed it.""",
        "title": None,
        "chapters": [None],
        "story_starts": "The assembly rooms at Meryton",
        "story_ends": "and very nearly believed it.",
        "notes_begin": None,
        "notes_end": None,
        "disclaimer": None,
        "fandoms": [],
        "characters": ["Elizabeth", "Jane", "Darcy", "Bingley", "Mrs. Bennet"],
        "not_characters": ["Meryton", "Netherfield", "Longbourn"],
        "rating": "General Audiences",
    },
    {
        "id": "star_wars_prologue_parts",
        "text": """Star Wars is the property of Lucasfilm and Disney. No copyright infringement intended.

Pairing: Anakin/Padmé
Warnings: canon-typical violence

Prologue

Naboo was green and quiet and smelled of rain. Padmé Amidala stood on the balcony of the lake house and watched the water, and tried not to count the days since the last transmission from the Outer Rim.

~*~

Part 1

"Master, with respect, this is a terrible plan."

Obi-Wan Kenobi did not look up from the holomap. "Noted, Anakin."

"Ahsoka agrees with me."

"Ahsoka," said Ahsoka Tano from the doorway, "would like to be left out of this."

Anakin Skywalker threw himself into the co-pilot's seat and glared at the stars. Somewhere out there, past the blockade, Padmé was negotiating with a senator who wanted her dead. And here he was, stuck with a careful man and a careful plan and a ship that rattled every time it went to hyperspace.

~*~

Qui-Gon would have gone in blasting, Obi-Wan thought. He did not say it aloud. He never did.

"We go at dawn," he said instead. "Quietly."

Anakin's jaw tightened, but he nodded.

~*~

They did not go quietly. They never did.

To be continued!""",
        "title": None,
        "chapters": ["Prologue", "Part 1"],
        "breaks": [0, 2],
        "story_starts": "Naboo was green and quiet",
        "story_ends": "They never did.",
        "notes_begin": ["Pairing: Anakin/Padmé"],
        "notes_end": ["To be continued"],
        "disclaimer": ["Lucasfilm"],
        "fandoms": ["Star Wars"],
        "characters": ["Padmé", "Anakin", "Obi-Wan", "Ahsoka"],
        "not_characters": ["Naboo", "Outer Rim", "Lucasfilm", "Disney", "Obi", "Wan"],
        "relationships": [("Anakin", "/", "Padmé")],
        "rating": "Teen And Up Audiences",
    },
]
