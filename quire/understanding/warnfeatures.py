"""The words a warning model reads, shared by training and inference so they cannot drift.

A passage becomes a set of features: its lower-cased words, plus one feature per warning lexicon saying how many of
that warning's telling words the passage holds ("@war:2": at least two). Presence, not
counts: one "blood" or ten say the same about whether a passage shows violence. The
lexicons are our own word lists; they let a few hundred training passages generalise to
words the passages never used (a model that has seen "soldiers" and "battle" but not
"platoon" still counts "platoon" as war talk).
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD_RE = re.compile(r"[a-z]+(?:['’][a-z]+)?")

LEXICONS: dict[str, str] = {
    "violence": r"punch\w*|kick(?:ed|ing|s)?|slap\w*|stab\w*|blood\w*|bleed\w*|bled|bruis\w*|"
                r"hit|hits|hitting|beat|beaten|beating|strangl\w*|chok(?:e|ed|ing)|knife|knives|"
                r"blade|gun|guns|shot|shoot\w*|wound\w*|attack\w*|fight\w*|fought|hurt\w*|pain|"
                r"scream\w*|smash\w*|broke|broken|snap(?:ped)?|crack(?:ed)?|throat|skull|jaw|"
                r"fist\w*|kill\w*|murder\w*|violen\w*|weapon\w*|sword\w*|slash\w*|tortur\w*|"
                r"threw|thrown|shove\w*|grabb?\w*|struck|strike|slam\w*|injur\w*|gore|corpse\w*",
    "war": r"war|wars|warfare|soldier\w*|army|armies|troops?|battle\w*|battlefield|front|"
           r"frontline|trench\w*|bomb\w*|shell\w*|artillery|grenade\w*|enemy|enemies|"
           r"military|regiment\w*|platoon\w*|squad\w*|sergeant|captain|general|officer\w*|"
           r"commander|rifle\w*|mission\w*|deploy\w*|invasion|invad\w*|siege|camp|"
           r"veteran\w*|navy|marines?|airforce|uniform\w*|wartime|combat|casualt\w*|"
           r"fallen|allies|allied|nazi\w*|empire|rebels?|rebellion|conflict|occupation",
    "death": r"dead|death\w*|die|died|dies|dying|funeral\w*|grave\w*|buried|bury|burial|"
             r"corpse\w*|body|bodies|killed|murder\w*|mourn\w*|grief|griev\w*|coffin|"
             r"lifeless|breath|breathing|heartbeat|pulse|passed|loss|lost|gone|ghost\w*|"
             r"suicide|cemetery|tomb\w*|ashes|memorial|widow\w*|rip|afterlife|heaven",
    "abduction": r"kidnap\w*|abduct\w*|captive\w*|captor\w*|hostage\w*|ransom\w*|taken|took|"
                 r"tied|bound|chains?|chained|cuffs?|handcuff\w*|gag\w*|blindfold\w*|cell|"
                 r"locked|trapped|prisoner\w*|imprison\w*|escape\w*|rescue\w*|van|missing|"
                 r"drugg?ed|unconscious|basement|dragged|snatched|stolen|release",
    "misogyny": r"bitch\w*|whore\w*|slut\w*|sluts|skank\w*|cunt\w*|hoe|hoes|girly|sexist\w*|"
                r"sexism|misogyn\w*|women|woman|woman's|girl|girls|female|females|wife|"
                r"kitchen|sandwich|hysterical|emotional|pretty|weak|property|obey|"
                r"submissive|feminist\w*|feminism|objectif\w*|harass\w*|catcall\w*|"
                r"patriarch\w*|chauvin\w*",
    "homophobia": r"fag\w*|faggot\w*|dyke\w*|queer\w*|gay|gays|homo|homos|homosexual\w*|"
                  r"lesbian\w*|bisexual\w*|sodom\w*|sin|sinful|sinner\w*|unnatural|disgust\w*|"
                  r"abomination|homophob\w*|closet\w*|outed|coming|pervert\w*|fairy|fairies|"
                  r"poof\w*|pansy|sissy|conversion|church|god|bible|hell|straight|normal",
    "racism": r"racis\w*|racial\w*|race|races|black|blacks|white|whites|skin|colou?r|"
              r"slave\w*|slavery|nigg\w*|negro\w*|chink\w*|gook\w*|spic\w*|wetback\w*|"
              r"beaner\w*|savage\w*|immigrant\w*|foreigner\w*|ethnic\w*|segregat\w*|"
              r"mudblood\w*|muggle\w*|blood|pure|purity|filthy|half|breed\w*|monkey\w*|"
              r"asian|mexican|african|indian|jew\w*|arab\w*|accent|country|kind",
    "ableism": r"retard\w*|cripple\w*|crippled|disab\w*|handicap\w*|wheelchair\w*|deaf|"
               r"blind|mute|dumb|stupid|idiot\w*|moron\w*|crazy|insane|psycho\w*|lunatic\w*|"
               r"freak\w*|autis\w*|spastic|spaz|broken|defect\w*|normal|abnormal|invalid|"
               r"cane|crutch\w*|prosthetic\w*|amput\w*|limp\w*|disorder\w*|mental\w*|"
               r"special|slow|sick|illness|medication\w*|therapy|asylum",
}
_LEX_RE = {k: re.compile(r"(?:" + v + r")") for k, v in LEXICONS.items()}


LEVELS = (1, 2, 3, 5, 8)
LEXICON_NAMES = tuple(LEXICONS)


@lru_cache(maxsize=65536)
def lexicons_of(word: str) -> tuple[str, ...]:
    return tuple(name for name, rx in _LEX_RE.items() if rx.fullmatch(word))


def words(text: str) -> set[str]:
    return set(_WORD_RE.findall(text.lower().replace("’", "'")))


def features(text: str) -> set[str]:
    words = [w.replace("’", "'") for w in _WORD_RE.findall(text.lower())]
    out = set(words)   # word pairs did no better in grouped cross-validation: left out
    hits: dict[str, int] = {}
    for w in set(words):
        for name in lexicons_of(w):
            hits[name] = hits.get(name, 0) + 1
    for name, n in hits.items():
        out.update(f"@{name}:{level}" for level in LEVELS if n >= level)
    return out
