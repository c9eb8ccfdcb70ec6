"""AO3 rating from profanity, sexual content, violence and the mature themes found.

An author's own statement ("Rated T", "Rating: M") wins. Otherwise: explicit sex makes
Explicit; non-explicit sex, graphic violence or non-consent Mature; strong language or
mature themes (suicide, overdose, self-harm, abuse ...) Teen And Up; else General.
Every rating quotes the words that decided it.
"""
from __future__ import annotations

import re

from .cues import Cue, Score, cue
from .document import Document
from .model import Suggestion
from .text import fragment

RATING_CUES: dict[str, list[Cue]] = {
    "_prof_strong": [cue(1.0, r"fuck\w*", r"motherf\w*", r"cunts?\b", negatable=False)],
    "_prof_mild": [cue(1.0, r"shit\w*", r"bullshit", r"damn\w*", r"goddamn\w*", r"hell\b",
                       r"bitch\w*", r"bastards?", r"ass\b", r"asshole\w*", r"arsehole\w*",
                       r"crap\b", r"piss\w*", r"dick\b", r"bollocks", r"puke",
                       negatable=False)],
    "_explicit": [cue(1.0, r"cock\b", r"pussy", r"clit\w*", r"cum\b", r"came inside",
                      r"thrust(?:s|ed|ing)? (?:into|inside)", r"blowjob", r"orgasm\w*",
                      r"erection", negatable=False)],
    "_stated": [cue(5.0, r"rated[*_]*:?[*_]* (?:fiction )?(?:k\+?|t|m|ma|g|pg|pg-13|r|nc-17|e)\b",
                    r"rating[*_]*:?[*_]* (?:k\+?|t|m|ma|g|pg|pg-13|r|nc-17|e|general|teen|mature|"
                    r"explicit|not rated|unrated|none)\b", negatable=False)],
    # An author's warning of violence ("Warnings: canon-typical violence"): Teen And Up.
    "_violence": [cue(1.0, r"violen(?:ce|t)\b")],
}
THEMES = {"Suicide Attempt", "Suicidal Thoughts", "Self-Harm", "Drug Use", "Drug Overdose",
          "Alcohol Abuse", "Abortion", "Character Death", "Child Abuse", "Domestic Abuse",
          "Eating Disorder", "Homophobia", "Racism", "Torture", "Kidnapping", "Miscarriage",
          "Addiction", "Gun Violence", "Sexual Harassment",
          # Authors rate a work with any of these on the page Teen And Up at least.
          "Blood", "Hospitalization", "Anxiety", "Depression", "Grief", "Bullying", "War",
          "Misogyny", "Ableism", "Terminal Illness", "Car Accident", "Infidelity"}
# Archive warnings that make a work Mature at least, as AO3 authors rate them.
MATURE_WARNINGS = ("Graphic Depictions Of Violence", "Rape/Non-Con")
_STATED_RE = re.compile(r"(?:rated|rating)[*_]*:?[*_]*\s*(?:fiction\s+)?(not rated|[a-z0-9+-]+)",
                        re.IGNORECASE)
_LEVELS = {"k": "General Audiences", "g": "General Audiences", "general": "General Audiences",
           "k+": "Teen And Up Audiences", "t": "Teen And Up Audiences", "pg": "Teen And Up Audiences",
           "pg-13": "Teen And Up Audiences", "teen": "Teen And Up Audiences",
           "m": "Mature", "ma": "Mature", "r": "Mature", "mature": "Mature",
           "e": "Explicit", "nc-17": "Explicit", "explicit": "Explicit",
           "not rated": "Not Rated", "unrated": "Not Rated", "none": "Not Rated"}


def rate(scores: dict[str, Score], tags: list[Suggestion], doc: Document,
         warnings: list[Suggestion] | None = None) -> Suggestion:
    """The rating the findings call for: never below what the tags and warnings already
    suggested say (graphic violence is Mature at least, explicit sex Explicit)."""
    def get(name: str) -> Score:
        return scores.get(name) or Score()

    stated = get("_stated")
    for quote in stated.quotes(5):
        m = _STATED_RE.search(quote)
        level = _LEVELS.get(m.group(1).lower()) if m else None
        if level:
            return Suggestion(level, True, 0.9, [quote])
    found = {t.name: t for t in tags}
    sexual, explicit = get("Sexual Content"), get("_explicit")
    if explicit.score >= 3 and sexual.score >= 4.5:
        return Suggestion("Explicit", True, 0.8, explicit.quotes())
    heavy = [found[n] for n in ("Sexual Content", "Graphic Violence", "Rape/Non-Con", "Torture")
             if n in found]
    heavy += [w for w in warnings or () if w.name in MATURE_WARNINGS]
    if heavy:
        return Suggestion("Mature", True, 0.7, [q for t in heavy for q in t.evidence[:1]])
    if "Blood" in found and "Character Death" in found:
        # A death on the page with the blood shown: graphic violence, whatever its words.
        return Suggestion("Mature", True, 0.55, found["Character Death"].evidence[:1]
                          + found["Blood"].evidence[:1])
    strong, mild = get("_prof_strong"), get("_prof_mild")
    themes = [t for t in tags if t.name in THEMES]
    reasons: list[str] = strong.quotes(2) + [t.evidence[0] for t in themes[:3]]
    violence = get("_violence")
    reasons += violence.quotes(1)
    if strong.score >= 1 or themes or mild.score >= 3 or violence.score >= 1:
        reasons += mild.quotes(1) if len(reasons) < 2 else []
        conf = min(0.9, 0.55 + 0.08 * len(reasons))
        return Suggestion("Teen And Up Audiences", True, round(conf, 2), reasons or mild.quotes())
    # Nothing above General found: quote the opening the verdict rests on.
    story = next((t for k, t in doc.parts if k == "story" and t.strip()), None) or \
        next((t for _, t in doc.parts if t.strip()), "")
    start = len(story) - len(story.lstrip())
    opening = fragment(story, start, start + 1) if story.strip() else ""
    if not opening:
        return Suggestion("Not Rated", True, 0.3, [story.strip()[:80]] if story.strip() else [])
    return Suggestion("General Audiences", True, 0.55, mild.quotes(2) or [opening])
