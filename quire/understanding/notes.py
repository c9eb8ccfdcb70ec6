"""Telling an author's note, a summary or a disclaimer from story text.

Each paragraph gets scores from general cues, never from story-specific strings:
- notes talk about the fic in the first person to a reader ("this is my first ... fic",
  "hope you enjoy", "please review") and use fandom meta-vocabulary (chapter, update,
  pairing, canon, AU, OOC ...);
- summaries are third-person present-tense blurbs ("X is tired of ...", "when she finds
  out ...", "this is the story of ...");
- disclaimers disown the source ("I do not own X", "X belongs to Y");
- story text narrates (third-person past tense) or opens with dialogue.
Quoted dialogue is masked before counting pronouns, so a character saying "I" or "you"
does not make a paragraph look like a note.
"""
from __future__ import annotations

import re

from .text import count_words, mask_dialogue

LABEL_RE = re.compile(
    r"""^[\s*_#>(\[]*                       # markdown emphasis / brackets before the label
    (?P<label>a\s*/\s*n|a\.n\.|an|author'?s?['’]?\s*notes?|authors?\s*notes?|notes?
      |end\s*notes?|disclaimer|summary|blurb|warnings?)
    (?![\w/])[\s*_)\]]*(?:[:\-–—.]+|(?=\n)|$)[\s*_)\]]*""",
    re.IGNORECASE | re.VERBOSE,
)
# "AN" and "Note" without punctuation are ordinary words; the regex above demands a
# separator (":", "-", ".") or the label alone on its line.

FIRST_PERSON_RE = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|mine|myself)\b")
SECOND_PERSON_RE = re.compile(
    r"\b(?:you|your|you're|you’re|you'll|you’ll|y'all|guys|everyone|everybody|readers?|lovelies)\b",
    re.IGNORECASE)
THIRD_PERSON_RE = re.compile(r"\b(?:he|she|they|him|her|his|them|their)\b", re.IGNORECASE)
STRONG_META_RE = re.compile(
    r"\b(?:fics?|fanfics?|fan\s?fics?|fanfiction|fan\s?fiction|one-?shots?|oneshots?|drabbles?|"
    r"reviews?|reviewing|reviewed|updates?|updating|readers?|pairings?|ships?|shipping|canon|"
    r"AU|OOC|OC|episodes?|season|seasons|R&R|kudos|beta(?:ed|'d)?|prompts?|fandoms?|"
    r"spoilers?|chapters?|wips?|crossovers?|headcanons?|plot\s?bunny|ficlet|a/n|fluff|angst|"
    r"smut|lemon|slash)\b", re.IGNORECASE)
WEAK_META_RE = re.compile(
    r"\b(?:story|stories|show|enjoy(?:ed)?|hope|thanks|thank|write|wrote|writing|written|"
    r"characters?|plot|posted?|posting|tomorrow|obsessed|inspired|inspiration|feedback|"
    r"comments?|follow(?:s|ed)?|favou?rites?|pilot|series|sequel|muse|lol|haha)\b",
    re.IGNORECASE)
STRONG_PHRASE_RE = re.compile(
    r"\b(?:hope (?:you|u|y'all|everyone) (?:enjoy|like|liked|enjoyed)|enjoy!|please (?:review|"
    r"comment|leave)|let me know what you think|thanks? (?:you )?for reading|r\s*&\s*r|"
    r"read and review|reviews? (?:are|is) (?:love|appreciated)|next chapter|new chapter|"
    r"to be continued|tbc\b|more soon|update soon|my first|this is my|i don'?t own|"
    r"stay tuned|until next time)", re.IGNORECASE)
PAIRING_RE = re.compile(r"\b[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?\s?/\s?[A-Z][\w'’.-]*")
GREETING_RE = re.compile(
    r"^(?:hi|hey|hello|hiya|heya|okay|ok|so,|anyway|anyways|thanks|thank you|please|well,|"
    r"ps|p\.s\.|edit|update)\b", re.IGNORECASE)
EMOTICON_RE = re.compile(r"(?::\)|:D|:\(|;\)|<3|\^\^|:P|xD|XD)")
# Glossaries and translations: "-kun = affectionate suffix; teme = bastard".
GLOSSARY_RE = re.compile(r"[\w)]\s*(?:=|:=)\s*[\w(]")
META_OPENING_RE = re.compile(r"^(?:this|the) (?:fic|story|chapter|one-?shot|will|is going to|was)\b",
                             re.IGNORECASE)

DISCLAIMER_RE = re.compile(
    r"\b(?:I|we)\s+(?:do\s+not|don'?t|don’t|dont|never|did\s+not|didn'?t|in\s+no\s+way)\s+"
    r"(?:\w+\s+)?own\b|\b(?:I|we)\s+own\s+(?:nothing|none|only)\b|\bown\s+nothing\b|"
    r"\bnot\s+mine\b|n['’]t\s+mine\b|\bbelongs?\s+to\b|\bproperty\s+of\b|\bno\s+(?:copyright\s+)?infringement\b|"
    r"\ball\s+rights\b|\bnot\s+(?:making|earning)\s+(?:any\s+)?money\b|\bdisclaimer\b",
    re.IGNORECASE)
SUMMARY_PHRASE_RE = re.compile(
    r"\b(?:(?:this|it) is the story of|the story of|told from|what happens when|in which|"
    r"a story about|follows|will do (?:just about )?anything|is tired of|are tired of|"
    r"must (?:decide|choose|learn|find|face)|has to (?:decide|choose|learn|find|face)|"
    r"(?:when|after|as|until) (?:\w+ )?(?:finds|find|discovers|learns|meets|returns|realizes|"
    r"realises|gets|is|are|has)\b|AU where|set (?:after|during|before)|"
    r"(?:can|will) (?:she|he|they) \w+)", re.IGNORECASE)
PRESENT_3P_RE = re.compile(
    r"\b(?:is|are|has|finds|wants|needs|tries|learns|discovers|meets|gets|must|will|decides|"
    r"begins|starts|falls|realizes|realises)\b", re.IGNORECASE)
NARRATION_RE = re.compile(r"\b(?:said|asked|was|were|had|felt|looked|thought|walked|turned|"
                          r"smiled|sighed|nodded|stood|sat|knew)\b")
SIGN_OFF_RE = re.compile(
    r"^\W*(?:next chapter|to be continued|tbc|please review|review|r\s*&\s*r|read (?:and|&) "
    r"review|thanks for reading|thank you for reading|let me know|reviews|more soon|"
    r"update soon|stay tuned|until next time|comments|kudos)", re.IGNORECASE)


def strip_label(par: str) -> tuple[str | None, str]:
    """('note'|'disclaimer'|'summary'|'warning', rest) if the paragraph starts with a label."""
    m = LABEL_RE.match(par)
    if not m:
        return None, par
    raw = re.sub(r"\s+", " ", m.group("label").lower())
    rest = par[m.end():]
    if raw == "an" and not re.match(r"^[\s*_#>(\[]*an\s*[:\-–—]", par, re.IGNORECASE):
        return None, par  # "An old man ..." is story, only "AN:" is a label
    if raw in ("note", "notes") and not re.match(r"^[\s*_#>(\[]*notes?\s*(?:[:\-–—]|$)", par,
                                                 re.IGNORECASE):
        return None, par
    if raw.startswith(("warning",)):
        # Warnings read as part of the author's note; keep the word, it is not a label.
        return "note", par
    if raw == "disclaimer":
        kind = "disclaimer"
    elif raw in ("summary", "blurb"):
        kind = "summary"
        if raw == "blurb":
            return kind, par
    else:
        kind = "note"
    return kind, rest.strip()


def note_score(par: str) -> float:
    """How much a paragraph reads like the author talking about the fic (about > 2.5: a note)."""
    stripped = par.lstrip(" *_>#([")
    if stripped[:1] in "\"“‘'" and not stripped.startswith("'s"):
        return -4.0
    text = mask_dialogue(par)
    fp = len(FIRST_PERSON_RE.findall(text))
    you = len(SECOND_PERSON_RE.findall(text))
    strong = len(set(m.lower() for m in STRONG_META_RE.findall(text)))
    weak = len(set(m.lower() for m in WEAK_META_RE.findall(text)))
    score = min(fp * 0.6, 2.0) + min(you * 0.5, 1.5) + strong * 1.5 + min(weak * 0.5, 1.5)
    score += 2.0 * len(STRONG_PHRASE_RE.findall(text))
    if PAIRING_RE.search(text):
        score += 2.0
    if GREETING_RE.match(stripped):
        score += 1.0
    if META_OPENING_RE.match(stripped):
        score += 1.0
    if EMOTICON_RE.search(text):
        score += 1.0

    third = len(THIRD_PERSON_RE.findall(text))
    narr = len(NARRATION_RE.findall(text))
    words = max(1, count_words(text))
    # Long narrated paragraphs are story even if they mention a "story" or a "show".
    score -= min(3.0, (third + narr) * 6.0 / words * 2)
    if fp + you + strong == 0 and not STRONG_PHRASE_RE.search(text):
        score = min(score, 1.0)
    if words > 150:
        score -= 1.5
    if len(GLOSSARY_RE.findall(text)) >= 2:
        score += 3.0
    return score


def summary_score(par: str) -> float:
    """How much a paragraph reads like a third-person blurb of the plot."""
    text = mask_dialogue(par)
    if par.lstrip()[:1] in "\"“":
        return -4.0
    score = 1.5 * len(SUMMARY_PHRASE_RE.findall(text))
    score += min(1.5, 0.3 * len(PRESENT_3P_RE.findall(text)))
    score -= 1.5 * len(FIRST_PERSON_RE.findall(text))
    score -= 0.5 * len(NARRATION_RE.findall(text))
    if count_words(text) > 200:
        score -= 2.0
    return score


def is_disclaimer(text: str) -> bool:
    return bool(DISCLAIMER_RE.search(text))


def is_sign_off(par: str) -> bool:
    return bool(SIGN_OFF_RE.match(par)) and count_words(par) <= 25
