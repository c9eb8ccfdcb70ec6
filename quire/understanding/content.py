"""Content tags ("additional tags") and AO3 archive warnings from weighted lexical cues.

VOCABULARY lists every tag the analyzer can suggest, with what it means. Each tag has cues
(a regex and a weight; negated mentions such as "not suicidal" do not count, and phrases
that are about something else, such as "aborted the mission" or "dead tired", are excluded
in the patterns) and combinations of concepts found close together, which let the
analyzer infer what a story shows without naming it: pills swallowed by the handful, then
an ambulance, is an overdose; add a decision to end things and it is a suicide attempt.
A tag is suggested when its score reaches the tag's threshold; the author's own words in
notes and summary count half as much again. Evidence quotes the sentences that scored.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from . import warnmodel
from .cues import AUTHOR_KINDS, Combo, Cue, Engine, Score, cue
from .model import Suggestion

P = r"(?:her|him|my|them|your|it|one|our)sel(?:f|ves)"   # herself, himself, ...
POSS = r"(?:her|his|my|their|your|its)"


@dataclass(frozen=True)
class TagRule:
    description: str
    cues: tuple[Cue, ...]
    threshold: float = 2.0
    combos: tuple[Combo, ...] = ()


CONCEPTS: dict[str, tuple[str, ...]] = {
    "pills": (r"pills?", r"tablets?", r"painkillers?", r"sleeping pills", r"meds\b",
              r"medications?", r"prescriptions?", r"benzos?", r"xanax", r"valium", r"oxy\w*",
              r"percocet", r"vicodin", r"ambien", r"paracetamol", r"tylenol", r"aspirin",
              r"barbiturates?", r"opioids?", r"capsules?"),
    "swallow_many": (r"handful of (?:\w+ )?(?:pills|tablets|capsules)", r"palm(?:ful)? (?:full )?"
                     r"(?:of|with) (?:\w+ )?(?:pills|tablets)", r"filling " + POSS + r" palm",
                     r"swallow(?:ed|ing|s)? (?:the|all|a|every|them|it|another|down|more)",
                     r"whole bottle", r"entire bottle", r"empt(?:ied|ying) the (?:\w+ )?bottle",
                     r"down(?:ed|ing) (?:the|all|a handful|them)", r"poured (?:the )?pills",
                     r"dry[- ]swallow\w*", r"shook out (?:\w+ ){0,2}pills"),
    "alcohol": (r"alcohol", r"vodka", r"whiske?y", r"bourbon", r"tequila", r"gin\b",
                r"rum\b", r"booze", r"liquor", r"scotch", r"swig", r"tipple", r"wine",
                r"beer", r"drunk", r"champagne", r"shots? of"),
    "emergency": (r"ambulance", r"paramedics?", r"emts?\b", r"emergency room", r"er\b",
                  r"stomach pumped", r"pump(?:ed)? " + POSS + r" stomach", r"unconscious",
                  r"unresponsive", r"wouldn'?t wake", r"won'?t wake", r"not breathing",
                  r"no pulse", r"hospital", r"911", r"999", r"mumbling incoherently",
                  r"incoherent", r"slumped", r"pale,? (?:and )?sweaty", r"passed out",
                  r"collapsed"),
    "intent": (r"final decision", r"made (?:a|her|his|their|my|the) (?:final )?decision",
               r"wouldn'?t stick around", r"won'?t stick around", r"not stick around",
               r"end (?:it|it all|things|everything)\b", r"ending (?:it|it all|things)",
               r"enough was enough", r"(?:didn'?t|did not|don'?t) want to (?:live|be alive|"
               r"wake up|exist|be here)", r"no reason to live", r"nothing left to live",
               r"better off without (?:her|him|me|them)", r"suicide note", r"goodbye (?:note|letter)",
               r"wanted to die", r"want(?:ed)? (?:it|everything) (?:all )?to (?:end|stop)",
               r"to end " + POSS + r" (?:own )?(?:life|pain|suffering)", r"last goodbye",
               r"never (?:wake|woke) up", r"kill " + P, r"take " + POSS + r" (?:own )?life"),
    "sex": (r"sex\b", r"sexual", r"naked", r"kiss\w*", r"bed\b", r"touch\w*", r"undress\w*"),
    "underage": (r"underage", r"minor\b", r"(?:12|13|14|15|16)[- ]years?[- ]old",
                 r"(?:twelve|thirteen|fourteen|fifteen|sixteen)[- ]years?[- ]old",
                 r"middle school", "freshman year of high school"),
}

VOCABULARY: dict[str, TagRule] = {
    "Suicide Attempt": TagRule(
        "A character tries to end their life, shown or clearly implied.",
        (cue(2.5, r"tried to kill " + P, r"attempted suicide", r"suicide attempts?",
             r"attempt(?:ed|ing)? to (?:kill|end) " + P, r"tried to (?:end|take) " + POSS +
             r" (?:own )?life", r"slit " + POSS + r" wrists"),),
        combos=(Combo(("intent", "pills"), 2.0), Combo(("intent", "swallow_many"), 2.0),
                Combo(("swallow_many", "pills", "emergency"), 0.5))),
    "Suicidal Thoughts": TagRule(
        "A character thinks about or wishes for their own death.",
        (cue(2.0, r"suicidal", r"thoughts? of (?:suicide|dying|ending)", r"ideation"),
         cue(1.5, r"wanted to die", r"want(?:s)? to die", r"better off dead", r"end it all",
             r"kill(?:ing)? myself"),
         cue(1.0, r"suicide")),
        combos=(Combo(("intent", "pills"), 1.0),)),
    "Self-Harm": TagRule(
        "A character hurts themselves on purpose (cutting, burning ...).",
        (cue(2.5, r"self[- ]harm\w*", r"self[- ]injur\w*", r"cut(?:s|ting)? " + P,
             r"burn(?:ed|t|ing)? " + P),
         cue(1.5, r"scars? on " + POSS + r" (?:wrists?|arms?|thighs?)", r"razor blades?"),
         cue(1.0, r"relapsed", r"fresh cuts")),
        threshold=2.5),
    "Drug Use": TagRule(
        "Recreational or illegal drug use.",
        (cue(1.5, r"cocaine", r"heroin", r"meth\b", r"methamphetamine", r"crack pipe",
             r"marijuana", r"ecstasy", r"mdma", r"lsd", r"snort(?:ed|ing|s)?", r"shoot(?:ing)? up",
             r"shot up", r"doing drugs", r"took drugs", r"drug use", r"junkie", r"dealer"),
         cue(1.0, r"weed\b", r"joint\b", r"stoned", r"high on", r"got high", r"getting high",
             r"drugs\b", r"needle")),
        combos=(Combo(("pills", "swallow_many"), 0.5, 600),)),
    "Drug Overdose": TagRule(
        "A character takes a dangerous amount of drugs or medication.",
        (cue(2.5, r"overdos\w*", r"od'?d\b", r"stomach pumped", r"pump(?:ed)? " + POSS +
             r" stomach", r"too many pills", r"narcan", r"naloxone"),),
        combos=(Combo(("swallow_many", "pills"), 1.5, 600),
                Combo(("pills", "emergency"), 1.0),
                Combo(("pills", "alcohol", "emergency"), 1.0))),
    "Alcohol Abuse": TagRule(
        "Drinking that harms the character: drunkenness, dependence, drinking to cope.",
        (cue(2.5, r"alcoholism", r"drinking problem", r"problem with (?:drinking|alcohol)",
             r"alcoholics anonymous"),
         cue(1.0, r"alcoholic\b", r"hungover", r"hangover", r"blackout drunk", r"rehab",
             r"sober\b", r"sobriety", r"relaps\w*", r"addiction"),
         cue(0.8, r"(?:get|got|getting|gets|was|were|so|very|completely|blind) drunk",
             r"wasted\b", r"drank (?:until|till|herself|himself|themselves)"),
         cue(0.3, r"alcohol", r"vodka", r"whiske?y", r"bourbon", r"tequila", r"booze",
             r"liquor", r"scotch", r"swig\w*", r"tipple", r"drinking\b")),
        threshold=2.5,
        combos=(Combo(("alcohol", "pills"), 0.7, 3000),)),
    "Addiction": TagRule(
        "Dependence on a substance or behaviour, recovery and relapse.",
        (cue(1.0, r"addict\w*", r"rehab\w*", r"withdrawal", r"relaps\w*", r"cravings?"),),
        threshold=2.0),
    "Eating Disorder": TagRule(
        "Anorexia, bulimia, binge eating, starving or purging.",
        (cue(2.5, r"anorexi\w*", r"bulimi\w*", r"eating disorders?", r"purg(?:e|ed|ing)\b",
             r"starv(?:e|ed|ing) " + P),
         cue(1.0, r"counting calories", r"skipp(?:ed|ing) meals", r"threw up " + POSS +
             r" (?:dinner|lunch|breakfast|food)", r"binge(?:d|ing)?\b")),
        threshold=2.5),
    "Depression": TagRule(
        "A character suffers from depression or deep, lasting low mood.",
        (cue(1.5, r"clinical depression", r"antidepressants?", r"depressive", r"depression"),
         cue(1.0, r"depressed"),
         cue(0.5, r"therapist", r"therapy", r"hopeless\w*", r"worthless", r"empty inside",
             r"melanchol\w*", r"despair")),
        threshold=2.0),
    "Anxiety": TagRule(
        "Anxiety, panic attacks.",
        (cue(1.5, r"panic attacks?", r"anxiety disorder", r"hyperventilat\w*"),
         cue(0.5, r"anxiety", r"anxious")),
        threshold=2.0),
    "Abortion": TagRule(
        "A pregnancy is ended by choice, or the choice is weighed.",
        (cue(2.5, r"terminat(?:e|ed|ing) (?:the|her|my|this) pregnancy", r"abortion clinic",
             r"planned parenthood"),
         cue(1.0, r"abort(?:ed|ion|ions|ing)?(?! (?:the |this |our )?(?:mission|plan|launch|"
                  r"attempt|operation|process|sequence|takeoff|landing))")),
        threshold=2.0),
    "Pregnancy": TagRule(
        "A character is or becomes pregnant.",
        (cue(1.0, r"pregnan\w*", r"baby bump", r"morning sickness", r"ultrasound",
             r"due date", r"trimester", r"expecting a baby", r"maternity"),),
        threshold=2.0),
    "Miscarriage": TagRule(
        "Loss of a pregnancy.",
        (cue(2.5, r"miscarr\w*", r"lost the baby", r"losing the baby", r"stillb\w*"),),
        threshold=2.5),
    "Sexual Content": TagRule(
        "Sex on the page, beyond kissing.",
        (cue(1.5, r"had sex", r"have sex", r"having sex", r"made love", r"making love",
             r"make love", r"orgasm\w*", r"climax(?:ed|ing)?\b", r"erection", r"foreplay",
             r"blowjob", r"cock\b", r"pussy", r"clit\w*", r"thrust(?:s|ed|ing)? (?:into|inside)",
             r"slid inside", r"cum\b", r"came inside"),
         cue(0.7, r"nipples?", r"naked", r"undress\w*", r"moan(?:ed|ing|s)?\b", r"arousal",
             r"aroused")),
        threshold=3.0),
    "Graphic Violence": TagRule(
        "Violence described in bloody detail.",
        (cue(1.5, r"stabb(?:ed|ing)", r"disembowel\w*", r"decapitat\w*", r"gutted",
             r"entrails", r"gunshot wounds?", r"slit " + POSS + r" throat", r"gore\b",
             r"bones? (?:snapped|cracked|crunched|shattered)", r"beat (?:her|him|them) to death",
             r"blood (?:pooled|spattered|sprayed|gushed|splattered|poured)", r"brains? "
             r"(?:spattered|splattered)"),
         cue(0.7, r"punch(?:ed|ing)", r"kick(?:ed|ing) (?:her|him|them)", r"broken nose",
             r"bleeding", r"beat(?:en|ing)? (?:her|him|them) (?:up|bloody)")),
        threshold=3.0),
    "Violence": TagRule(
        "Fights, beatings, stabbings, shootings on the page, graphic or not.",
        (cue(1.0, r"punch(?:ed|ing|es)?\b", r"kick(?:ed|ing) (?:her|him|them|me)\b",
             r"beat(?:en|ing)? (?:her|him|them|me) (?:up|bloody|senseless)",
             r"slapp(?:ed|ing) (?:her|him|them|me)\b", r"stabb(?:ed|ing)", r"strangl\w*",
             r"chok(?:ed|ing) (?:her|him|them|me)\b", r"shot (?:her|him|them|me)\b",
             r"broke (?:her|his|their|my) (?:nose|jaw|arm|ribs?|wrist|leg|neck)",
             r"attack(?:ed|ing) (?:her|him|them|me)\b"),),
        threshold=3.0),
    "War": TagRule(
        "Armies at war: soldiers, battles, bombings, life at the front.",
        (cue(2.0, r"world war", r"civil war", r"wartime", r"war ?zones?", r"prisoners? of war",
             r"war crimes?", r"trenches", r"air raids?", r"bombing raids?", r"frontlines?",
             r"battlefields?", r"shell ?shock\w*"),
         cue(1.0, r"wars?\b(?! of words)", r"soldiers?", r"troops", r"platoons?", r"regiments?",
             r"artillery", r"shelling", r"enemy (?:lines|soldiers|troops|fire)", r"deployed",
             r"deployment", r"combat\b", r"invasion", r"armies", r"army\b", r"grenades?")),
        threshold=3.0),
    "Misogyny": TagRule(
        "Contempt for women: sexist slurs, treating women as lesser or as property.",
        (cue(2.5, r"misogyn\w*", r"sexis[mt]\w*", r"chauvinis\w*", r"women'?s place",
             r"woman'?s place"),
         cue(0.8, r"whores?\b", r"sluts?\b", r"skanks?\b")),
        threshold=2.5),
    "Ableism": TagRule(
        "Prejudice against disabled, ill or neurodivergent people, ableist slurs.",
        (cue(2.5, r"ableis[mt]\w*", r"retard(?:ed|s)?\b", r"cripples?\b", r"spastic",
             r"mongoloid"),
         cue(1.0, r"spaz\b", r"crippled")),
        threshold=2.5),
    "Blood": TagRule(
        "Blood is shown.",
        (cue(0.7, r"blood\w*", r"bleeding", r"bled\b"),),
        threshold=2.0),
    "Character Death": TagRule(
        "A character dies (on or off the page).",
        (cue(3.0, r"character death", r"major character death"),
         cue(1.5, r"passed away", r"last breath", r"stopped breathing", r"flatlin\w*",
             r"killed (?:her|him|them)\b", r"was dead\b", r"were dead\b", r"is dead\b",
             r"funeral", r"(?:her|his|their) death\b", r"died\b(?! (?:of|from) (?:embarrassment|"
             r"laughter|shame))"),
         cue(0.7, r"dies\b", r"corpse", r"body bag", r"grave\b", r"buried")),
        threshold=3.0),
    "Grief": TagRule(
        "Mourning a loss.",
        (cue(1.0, r"grief", r"griev\w*", r"mourn\w*", r"condolences", r"funeral",
             r"since (?:she|he|they) died", r"passed away"),),
        threshold=2.0),
    "Rape/Non-Con": TagRule(
        "Sexual contact without consent.",
        (cue(2.5, r"rap(?:e|ed|es|ing|ist)\b", r"non-?con\w*", r"sexual(?:ly)? assault\w*",
             r"molest\w*", r"forced " + P + r" on"),
         cue(1.0, r"against " + POSS + r" will")),
        threshold=2.5),
    "Child Abuse": TagRule(
        "A child is abused or neglected by a caregiver.",
        (cue(2.5, r"child abuse", r"abused as a (?:child|kid)", r"abusive (?:father|mother|"
             r"parents?|dad|mom|mum|stepfather|stepmother)"),
         cue(1.0, r"(?:father|mother|dad|mom|mum|stepfather|stepmother) (?:hit|beat|slapped|"
             r"whipped|belted) (?:her|him|them|me)")),
        threshold=2.5),
    "Domestic Abuse": TagRule(
        "Abuse between partners or in the home.",
        (cue(2.5, r"domestic (?:abuse|violence)", r"abusive (?:husband|wife|boyfriend|"
             r"girlfriend|partner|relationship|marriage)"),
         cue(1.0, r"(?:husband|boyfriend|wife|girlfriend) (?:hit|beat|slapped|choked) (?:her|him|me)")),
        threshold=2.5),
    "Homophobia": TagRule(
        "Prejudice or slurs against gay, lesbian or bi people.",
        (cue(2.5, r"homophob\w*", r"conversion therapy", r"fag(?:got)?s?\b", r"dykes?\b"),),
        threshold=2.5),
    "Racism": TagRule(
        "Racial prejudice or slurs.",
        (cue(2.5, r"racis\w*", r"racial slurs?"),),
        threshold=2.5),
    "Torture": TagRule(
        "A character is deliberately tormented.",
        (cue(2.0, r"tortur(?:ed|ing|er|ers)\b", r"waterboard\w*", r"ripped out " + POSS +
             r" (?:finger)?nails"),
         cue(1.0, r"torture\b")),
        threshold=3.0),
    "Kidnapping": TagRule(
        "A character is abducted or held captive.",
        (cue(2.0, r"kidnap\w*", r"abduct\w*", r"held (?:her|him|them) captive", r"taken hostage",
             r"ransom"),),
        threshold=2.0),
    "Hospitalization": TagRule(
        "A character is taken to or kept in hospital.",
        (cue(1.5, r"hospital bed", r"intensive care", r"icu\b", r"admitted to (?:the )?hospital",
             r"emergency room", r"in (?:the )?hospital"),
         cue(0.5, r"hospital", r"ambulance", r"paramedics?", r"doctors?\b", r"nurses?\b")),
        threshold=2.5),
    "Terminal Illness": TagRule(
        "A character has an illness that will kill them.",
        (cue(2.5, r"terminal(?:ly)? ill\w*", r"terminal (?:cancer|diagnosis|illness)",
             r"(?:months|weeks|year) to live", r"hospice", r"palliative",
             r"stage (?:four|4|iv) cancer", r"incurable"),),
        threshold=2.5),
    "Infidelity": TagRule(
        "A character cheats on a partner.",
        (cue(1.5, r"cheat(?:ed|ing|s)? on", r"unfaithful", r"infidelity", r"mistress"),
         cue(1.0, r"affair\b")),
        threshold=2.5),
    "Bullying": TagRule(
        "A character is bullied.",
        (cue(1.0, r"bull(?:y|ied|ies|ying)\b"),),
        threshold=2.0),
    "Car Accident": TagRule(
        "A road accident.",
        (cue(2.0, r"car (?:crash|accident)", r"crashed the car", r"hit by a (?:car|truck|bus)",
             r"head-on collision", r"drunk driv\w*"),),
        threshold=2.0),
    "Gun Violence": TagRule(
        "Shootings.",
        (cue(1.0, r"gunshots?", r"gunfire", r"shot (?:her|him|them|at)\b", r"pulled the trigger",
             r"shooting\b"),),
        threshold=2.0),
    "Sexual Harassment": TagRule(
        "Unwanted sexual attention.",
        (cue(2.5, r"sexual(?:ly)? harass\w*", r"groped", r"grop(?:ing|ed) (?:her|him)"),),
        threshold=2.5),
}

# Author statements about archive warnings, and what lets the analyzer infer them.
WARNING_CUES: dict[str, list[Cue]] = {
    "_no_warnings": [cue(3.0, r"no (?:archive )?warnings(?: apply)?", r"warnings?: none",
                         r"nothing to warn", negatable=False)],
    "_choose_not": [cue(3.0, r"chose not to (?:use (?:archive )?warnings|warn)",
                        r"choose not to (?:use (?:archive )?warnings|warn)")],
    "_mcd": [cue(3.0, r"major character death", r"mcd\b")],
    "_gdov": [cue(3.0, r"graphic (?:depictions? of )?violence", r"graphic gore")],
    "_underage": [cue(2.0, r"underage")],
}
WARNING_COMBOS = {"_underage": [Combo(("underage", "sex"), 2.0, 1500)]}

_ENGINE: Engine | None = None


def engine() -> Engine:
    global _ENGINE
    if _ENGINE is None:
        rules = {name: list(rule.cues) for name, rule in VOCABULARY.items()}
        rules.update(WARNING_CUES)
        from .rating import RATING_CUES  # rating cues share the single pass over the text
        rules.update(RATING_CUES)
        combos = {name: list(rule.combos) for name, rule in VOCABULARY.items() if rule.combos}
        combos.update(WARNING_COMBOS)
        _ENGINE = Engine(rules, CONCEPTS, combos)
    return _ENGINE


def _conf(score: float, threshold: float) -> float:
    return round(min(0.98, 1 - math.exp(-score / threshold * 1.2)), 2)


# The learned model's eight warnings (the Webis labels): the tag each one suggests, and the
# tags whose cue rules count as agreeing with it. "violence" in Webis is any violence on the
# page, so it suggests Violence; Graphic Violence stays with the cue rules (bloody detail).
MODEL_TAGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "violence": ("Violence", ("Violence", "Graphic Violence", "Gun Violence", "Torture")),
    "war": ("War", ("War",)),
    "death": ("Character Death", ("Character Death", "Grief")),
    "abduction": ("Kidnapping", ("Kidnapping",)),
    "misogyny": ("Misogyny", ("Misogyny", "Sexual Harassment")),
    "homophobia": ("Homophobia", ("Homophobia",)),
    "racism": ("Racism", ("Racism",)),
    "ableism": ("Ableism", ("Ableism",)),
}
# A passage scoring this high stands on its own, without a second passage or a cue.
MODEL_ALONE = 0.8


def _needed(ws: warnmodel.WarningScore, agreed: bool) -> int:
    """How many passages above threshold a warning needs. A long work has many passages,
    and each has a small chance of a false alarm: ask for more of them as the work grows,
    unless the cue rules agree or one passage is very sure."""
    if agreed or (ws.hits and ws.hits[0].probability >= MODEL_ALONE):
        return 1
    if ws.passages <= 3:
        # A short text has no second passage to agree: without a cue or a very sure
        # passage the model stays silent (a calm storm scene once read as Kidnapping).
        return len(ws.hits) + 1
    return 2 + ws.passages // 50


AGREE_LOW = 0.3   # same as warntrain.AGREE_LOW: the model's nod to a cue hit


def _by_author(sug: Suggestion, parts: list[tuple[str, str]]) -> bool:
    """Whether a cue suggestion rests on the author's own words (notes, summary)."""
    own = [t for k, t in parts if k in AUTHOR_KINDS]
    return any(q in t for q in sug.evidence for t in own)


def _join_model(found: dict[str, Suggestion], parts: list[tuple[str, str]],
                scores: dict[str, Score]) -> None:
    """Join the learned model's verdicts to the cue rules' (`found`), warning by warning, the
    way grouped cross-validation chose for that warning (warntrain.pick_policy)."""
    m = warnmodel.model()
    if m is None:
        return
    for label, ws in m.scan(parts).items():
        if label not in MODEL_TAGS:
            continue
        tag, agreeing = MODEL_TAGS[label]
        policy = m.combine.get(label, "model")
        nod = ws.best >= AGREE_LOW
        have = found.get(tag)
        if have is not None and not _by_author(have, parts):
            # Across a whole work, cue evidence at twice the tag's threshold is many telling
            # passages, not one: it stands without the model's nod.
            strong = (scores.get(tag) or Score()).score >= 2 * VOCABULARY[tag].threshold
            keep = policy in ("cue", "either") or (policy == "agree" and (nod or strong))
            if not keep:   # on held-back passages this cue alone cried wolf: drop it
                del found[tag]
                have = None
        agreed = any((scores.get(t) or Score()).score > 0 for t in agreeing)
        need = _needed(ws, agreed)
        model_hit = policy != "cue" and len(ws.hits) >= need
        if not model_hit:
            continue   # a cue hit kept above stands with its own evidence
        top = ws.hits[:need]
        # The calibrated probability of the passages it rests on: how often it is right.
        conf = round(min(0.98, sum(h.probability for h in top) / len(top)), 2)
        quotes: list[str] = []
        for h in ws.hits[:3]:
            q = m.evidence(h.passage, label)
            if q and q not in quotes:
                quotes.append(q)
        if have is None:
            found[tag] = Suggestion(tag, True, conf, quotes)
        else:
            have.confidence = max(have.confidence, conf)
            have.evidence = (quotes + [q for q in have.evidence if q not in quotes])[:4]


def content_tags(scores: dict[str, Score], parts: list[tuple[str, str]] | None = None
                 ) -> list[Suggestion]:
    """Cue-rule suggestions, joined (when `parts` is given) with the learned model's."""
    found: dict[str, Suggestion] = {}
    for name, rule in VOCABULARY.items():
        s = scores.get(name)
        if s is not None and s.score >= rule.threshold and s.evidence:
            found[name] = Suggestion(name, True, _conf(s.score, rule.threshold), s.quotes())
    if parts is not None:
        _join_model(found, parts, scores)
    out = list(found.values())
    out.sort(key=lambda x: -x.confidence)
    return out


def archive_warnings(scores: dict[str, Score]) -> list[Suggestion]:
    def get(name: str) -> Score:
        return scores.get(name) or Score()

    out: list[Suggestion] = []
    violence = get("Graphic Violence")
    torture = get("Torture")
    gdov = get("_gdov")
    if violence.score >= 4.0 or torture.score >= 4.0 or gdov.score >= 3.0:
        best = max((gdov, violence, torture), key=lambda s: s.score)
        out.append(Suggestion("Graphic Depictions Of Violence", True,
                              _conf(best.score, 4.0), best.quotes()))
    mcd = get("_mcd")
    death = get("Character Death")
    if mcd.score >= 3.0 or death.score >= 4.5:
        src = mcd if mcd.score >= 3.0 else death
        out.append(Suggestion("Major Character Death", True, _conf(src.score, 4.5), src.quotes()))
    rape = get("Rape/Non-Con")
    if rape.score >= 2.5:
        out.append(Suggestion("Rape/Non-Con", True, _conf(rape.score, 2.5), rape.quotes()))
    under = get("_underage")
    if under.score >= 4.0 and get("Sexual Content").score >= 3.0:
        out.append(Suggestion("Underage Sex", True, _conf(under.score, 4.0), under.quotes()))
    if not out:
        for key, name in (("_choose_not", "Choose Not To Use Archive Warnings"),
                          ("_no_warnings", "No Archive Warnings Apply")):
            s = get(key)
            if s.score >= 3.0:  # only when the author says so; it needs a quote
                out.append(Suggestion(name, True, 0.8, s.quotes()))
                break
    out.sort(key=lambda x: -x.confidence)
    return out
