"""Every scoring weight of the people and relationship taggers, named, in one place.

A weight is how much one kind of evidence counts; a scale turns a sum of evidence into a
confidence through 1 - exp(-sum / scale) (one mention of weight `scale` gives 0.63). Change
them here and measure with `quire bench understanding --corpus DIR`.
"""
from __future__ import annotations

# --- Fandoms -------------------------------------------------------------------------
FANDOM_SCALE = 2.5            # named score -> confidence
FANDOM_NAMED_IN_STORY = 0.5   # the fandom's own name used in the story ("at Hogwarts")
FANDOM_NAMED_IN_STORY_CAP = 1.0
FANDOM_VOTE_PER_MENTION = 0.3  # each mention of a character only this fandom has
FANDOM_VOTE_CAP = 5.0          # mentions of one character counted at most
FANDOM_OUTSIDE_CANON = 0.8     # a fandom the canon does not know: shown, trusted less

# --- Characters against a canon --------------------------------------------------------
CANON_MENTION = 1.0           # a mention resolved to one canon character
CANON_ROLE_OR_PLACE = 0.3     # ... standing where a part or a place stands ("played Roxie")
CANON_ACTS = 0.5              # ... followed by a person's verb ("Brooklyn said")
CANON_IN_NOTES = 0.5          # ... named by the author in the notes or summary
CANON_SCALE = 1.5             # summed mentions -> confidence
OTHER_FANDOM = 0.35           # a character of a fandom the story is not in: a part, a namesake
UNKNOWN_TO_CANON_CAP = 0.4    # names the canon does not know: shown, not trusted

# --- Characters from the text alone (`_without_canon`) ---------------------------------
PLACE_DISCOUNT = 0.7          # a mention that reads as a place ("at Hogwarts") counts 0.3
PERSON_BONUS = 0.8            # a mention that acts as a person ("Ginny said")
WEAK_PERSON_BONUS = 0.3       # "X was", "X had": a subject, weakly a person
ANNOUNCED_BONUS = 1.0         # named in a pairing or a "Characters:" header ...
ANNOUNCED_CAP = 2             # ... counted at most this often
TEXT_SCALE = 2.5              # summed evidence -> confidence
TEXT_MIN_EVIDENCE = 0.1       # floor of the sum, so a name never scores zero
MOSTLY_PLACE = 0.4            # half or more of the mentions are places
AMBIGUOUS_SURNAME = 0.5       # "Weasley" of Ron, Ginny and Molly Weasley: which one?
NOTES_ONLY_ANNOUNCED_CAP = 0.45  # named only in the notes, but in a pairing or header
NOTES_ONLY_CAP = 0.25         # named only in the notes: a ship name, a title, a place
TEXT_MAX = 0.95               # never certain without a canon

# --- Relationships -------------------------------------------------------------------
PAIRING_BY_AUTHOR = 0.9       # "A/B" in the notes, summary or a header
PAIRING_IN_STORY = 0.5        # "A/B" in the story itself
PAIRING_REPEATED = 0.05       # each further time the same pairing is named
PAIRING_EVENTUAL = 0.05       # "eventual A/B": a little less sure ...
PAIRING_EVENTUAL_FLOOR = 0.5  # ... but still shown
SHIP_NAME = 0.85              # a ship name ("Drarry", "SasuNaru") in the notes or a header
ROMANCE_BASE = 0.35           # a pair shown in romantic scenes: base ...
ROMANCE_PER_SCENE = 0.12      # ... plus this per scene (kiss, "in love", married ...)
ROMANCE_MIN_SCENES = 2        # fewer: not enough to suggest a pairing nobody announced
ROMANCE_MAX = 0.85            # never as sure as the author's own "A/B"
CANON_PAIR_BONUS = 0.05       # the canon knows the pair as a relationship
FRIENDS_MIN_SCENES = 3        # paragraphs two central characters share for an "&"
FRIENDS_CANON = 0.5           # "&" the canon knows, between the two leads
FRIENDS_GUESS = 0.3           # "&" the canon does not know: shown, hardly trusted
CENTRAL_MIN = 0.5             # characters at least this sure are the story's central ones
CENTRAL_MAX = 5               # ... at most this many
