"""Words that are capitalised but are not characters: sentence starters, days, months,
places, titles, brands, awards and fandom meta-words. A small, general list; the name
finder also drops any capitalised word whose lower-case form the same text uses."""
from __future__ import annotations

_WORDS = """
a about above after again against all also although always am an and another any anyway
are as at back be because been before being besides both but by can could did do does doing
don't down during each either even ever every everyone everything for from further had has
have having he her here hers herself him himself his how however i if in instead into is it
its itself just last later least less let like many maybe me meanwhile might mine more most
much must my myself neither never next no nobody none nor not nothing now of off often on once
one only or other others otherwise our ours out over perhaps please quite rather really same
she should since so some somebody someone something sometimes somewhere soon still such than
that the their theirs them then there these they this those though through thus to today
tomorrow tonight too under until up upon us very was we well were what whatever when where
whether which while who whoever whom whose why will with within without would yes yet you
your yours yesterday oh ah ahh uh um umm hmm hm huh ugh wow hey hi hello bye goodbye okay ok
yeah yep yup nope nah sure fine thanks thank sorry please god gosh damn dammit hell jeez
christ jesus lord mom mum dad mother father mama papa mommy daddy grandma grandpa granny
grandmother grandfather aunt uncle sis bro honey sweetie darling babe baby sweetheart love
mr mrs ms miss mx dr doctor sir madam ma'am lady professor captain detective officer agent
sergeant nurse coach chief king queen prince princess monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october
november december christmas easter halloween thanksgiving valentine valentine's hanukkah
new year's spring summer autumn winter english american british french german spanish italian
russian chinese japanese irish scottish welsh canadian australian mexican european african
asian latin america england britain france germany spain italy russia china japan ireland
scotland wales canada australia mexico europe africa asia london paris york new los angeles
chicago boston washington brooklyn manhattan queens jersey california texas florida vegas
hollywood broadway toronto berlin rome tokyo dublin sydney street avenue road park lane
hospital school university college church station airport hotel theatre theater tv dvd
facebook twitter instagram tumblr google youtube iphone internet starbucks coke pepsi
tonys oscar oscars emmy emmys grammy grammys golden globe chapter chapters prologue epilogue
part book act scene author note notes disclaimer summary review reviews fic fanfic
fanfiction story a/n an end fin finally first second third suddenly again everybody anything
somehow anyway ever later though whatever hey alright all right dear friend friends
heaven earth paradise universe world
good morning evening afternoon night goodnight welcome congratulations cheers
you're you've you'll you'd i'm i've i'll i'd it's that's what's there's let's we're they're
he's she's don't can't won't didn't isn't
kudos bookmarks hits comments stats tags additional archive warning warnings apply rating
category language published updated completed
"""

STOPWORDS: frozenset[str] = frozenset(_WORDS.split())
# The function words among them: stripped from the edges of a run of capitalised words
# ("But Ivy" -> "Ivy"); the rest (places, days ...) only stop a lone word being a name, so
# a canon character called "Brooklyn" is still found.
FUNCTION_WORDS: frozenset[str] = frozenset(_WORDS.split("yesterday")[0].split()) | {
    "yesterday", "oh", "ah", "um", "hmm", "yeah", "yes", "no", "okay", "ok", "well", "hey",
    "hi", "hello", "sorry", "thanks", "please", "chapter", "prologue", "epilogue"}

# Words before a capitalised name that make it a place, a show or a part, not a person.
PLACE_BEFORE = frozenset("in at from to into near outside inside toward towards across".split())
ROLE_BEFORE = frozenset("play plays played playing replacement role part as audition auditioning "
                        "cast casting understudy lead starring watch watched watching musical "
                        "show production revival film movie song album".split())
PERSON_AFTER = frozenset(
    "said says asked asks replied replies smiled smiles laughed laughs sighed sighs nodded "
    "nods whispered whispers shouted shouts yelled yells thought thinks looked looks was is "
    "had has felt feels knew knows wanted wants turned turns walked walks stood stands sat "
    "sits grinned grins frowned frowns shrugged shrugs muttered mutters cried cries told tells "
    "moved moves took takes gave gives would could did does hadn't wasn't didn't couldn't "
    "wouldn't rolled rolls glanced glances stared stares kissed kisses hugged hugs were came "
    "went ran sent left got made saw heard put let brought caught fell held kept found began "
    "spoke wrote drove swore threw led lay slept woke wore bit hit shook stuck sang swung "
    "wants needs loves hates wanted needed loved hated will can".split())
# A subject of these is only weak evidence of a person ("Naboo was green").
WEAK_PERSON_AFTER = frozenset("was were is are had has would could did does will can wasn't "
                              "hadn't didn't".split())
# Words right before a name that make it a person's: "said Harry", "kissed Ginny".
PERSON_BEFORE = frozenset("said asked told replied whispered shouted yelled called kissed hugged "
                          "thanked warned answered muttered added snapped".split())
# Articles: "the Burrow", "la République" are places and things.
ARTICLES = frozenset("the a an la le les el los las der die das".split())
