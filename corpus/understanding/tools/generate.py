"""Generate the assembled part of the understanding corpus (works 101 and up) from the
fandom table (fandoms.py) and our own scene templates (scenes.py), with gold annotations.

    python corpus/understanding/tools/generate.py      # rewrites works/1NN-*.txt|md|json

Deterministic: the same code writes the same files. Each work takes a pairing, a theme
(which decides the warnings-worthy scenes, hence the gold content tags and rating), a
posting style and a chapter count; the style decides how summary, notes, disclaimer,
chapter headings, scene breaks and header blocks are written, with variations fans use.
"""
from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path

from fandoms import FANDOMS
from scenes import (
    CHAPTER_TITLES,
    DISCLAIMERS,
    END_NOTES,
    FFN_CHAPTER_NOTES,
    FFN_END_NOTES,
    NOTES,
    SCENES,
    SUMMARIES,
    TITLES,
    WARN_NOTES,
)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
from quire.understanding.scoring import gold_chapter_texts, tokens  # noqa: E402

WORKS = HERE.parent / "works"
CANON = HERE.parent / "canon.csv"

PRONOUNS = {
    "he": {"he": "he", "him": "him", "his": "his", "himself": "himself"},
    "she": {"he": "she", "him": "her", "his": "her", "himself": "herself"},
    "they": {"he": "they", "him": "them", "his": "their", "himself": "themself"},
}
# theme: the warnings-worthy scene kinds it brings (romance/quiet/friend scenes fill the rest)
THEMES = {
    "fluff": [], "hurt": ["fight_mild", "hospital"], "dark": ["fight_graphic", "death", "grief"],
    "war": ["war", "fight_mild"], "drink": ["drinking"], "anxiety": ["panic"], "smut": ["sex"],
    "kidnap": ["kidnap", "fight_mild"], "homophobia": ["homophobia"], "misogyny": ["misogyny"],
    "ableism": ["ableism"], "school": ["bullying"], "selfharm": ["selfharm", "depression"],
    "gun": ["gun", "hospital"], "loss": ["death", "grief"],
}
MATURE = {"Sexual Content", "Graphic Violence"}
BREAKS = ["* * *", "~~~", "oOo", "xXx", "---", "❦", "§", "***", "-x-x-x-", "~*~*~"]
NUMBER_WORDS = ["One", "Two", "Three", "Four", "Five", "Six"]
ROMAN = ["I", "II", "III", "IV", "V", "VI"]
HEADER_RATINGS = {"General Audiences": ["G", "K", "General"], "Teen And Up Audiences": ["PG-13", "T", "Teen"],
                  "Mature": ["R", "M", "Mature"], "Explicit": ["NC-17", "E", "Explicit"]}

# (fandom key, style, chapters, theme, ship index)
SPECS = [
    ("starwars", "ffn", 3, "war", 0), ("starwars", "header", 1, "fluff", 1),
    ("mcu", "ao3", 2, "hurt", 0), ("mcu", "plain", 1, "fluff", 1),
    ("pokemon", "ffn", 2, "fluff", 0), ("pokemon", "ao3", 1, "school", 1),
    ("strangerthings", "header", 2, "gun", 0), ("strangerthings", "ffn", 1, "anxiety", 1),
    ("bts", "plain", 2, "smut", 0), ("bts", "ao3", 3, "anxiety", 1),
    ("hetalia", "ffn", 2, "war", 0), ("hetalia", "header", 1, "fluff", 1),
    ("doctorwho", "ao3", 3, "loss", 0), ("doctorwho", "plain", 1, "fluff", 1),
    ("startrek", "header", 2, "hurt", 0), ("startrek", "ffn", 3, "drink", 1),
    ("lesmis", "ao3", 2, "dark", 0), ("lesmis", "plain", 1, "drink", 0),
    ("ff7", "ffn", 4, "dark", 0), ("ff7", "ao3", 1, "fluff", 1),
    ("zelda", "plain", 2, "kidnap", 0), ("zelda", "header", 1, "fluff", 1),
    ("criticalrole", "ao3", 2, "loss", 0), ("criticalrole", "ffn", 1, "fluff", 1),
    ("atla", "ffn", 3, "war", 0), ("atla", "plain", 2, "fluff", 1),
    ("onepiece", "header", 2, "smut", 0), ("onepiece", "ffn", 1, "hurt", 1),
    ("aot", "ao3", 3, "war", 0), ("aot", "plain", 1, "selfharm", 1),
    ("checkplease", "ffn", 2, "homophobia", 0), ("checkplease", "header", 1, "anxiety", 0),
    ("buffy", "plain", 3, "dark", 0), ("buffy", "ao3", 1, "fluff", 0),
    ("dragonage", "header", 2, "smut", 0), ("dragonage", "ffn", 1, "ableism", 0),
    ("masseffect", "ao3", 2, "misogyny", 0), ("masseffect", "plain", 2, "gun", 1),
    ("witcher", "ffn", 3, "kidnap", 0), ("witcher", "header", 1, "fluff", 1),
    ("smash", "ao3", 2, "drink", 0), ("smash", "plain", 1, "fluff", 1),
    ("merlin", "header", 3, "loss", 0), ("merlin", "ffn", 1, "fluff", 0),
    ("hp", "ao3", 2, "selfharm", 0), ("spn", "plain", 2, "hurt", 0),
    ("teenwolf", "ffn", 2, "kidnap", 0), ("sherlock", "header", 1, "gun", 0),
    ("haikyuu", "ffn", 2, "fluff", 0), ("naruto", "ao3", 2, "war", 0),
]


def load_canon():
    with open(CANON, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


class Person:
    def __init__(self, row, rng):
        self.name, self.pron, self.forms, self.voc = row
        self.rng = rng
        self.p = PRONOUNS[self.pron]
        self.seen = False

    def form(self):
        if not self.seen:
            self.seen = True
            return self.forms[0]
        return self.rng.choice(self.forms)

    @property
    def short(self):
        return self.forms[0]


def fill(template, ctx, rng):
    template = re.sub(r"\[\[(.+?)\]\]", lambda m: rng.choice(m.group(1).split("|")), template)

    def slot(m):
        key = m.group(1)
        if key in ("A", "B", "C"):
            return ctx[key].form()
        if key in ("AU", "BU"):
            return ctx[key[0]].short.upper()
        if key in ("Av", "Bv", "Cv"):
            return rng.choice(ctx[key[0]].voc)
        if key[0] in "ABC" and len(key) > 1:
            person, word = ctx[key[0]], key[1:]
            value = person.p[word.lower()]
            return value[0].upper() + value[1:] if word[0].isupper() else value
        value = ctx[key]
        return rng.choice(value) if isinstance(value, list) else value

    return re.sub(r"\{(\w+)\}", slot, template)


def ship_notation(a, b, kind, shipname, rng):
    if kind == "&":
        return rng.choice([f"{a} & {b}", f"{a} and {b} friendship", f"{a} & {b} (gen)"])
    options = [f"{a}/{b}", f"{a} x {b}", f"{a}x{b}", f"{b}/{a}"]
    if shipname:
        options += [shipname, shipname]
    return rng.choice(options)


class Work:
    def __init__(self, number, spec, canon):
        key, style, nchap, theme, ship_i = spec
        self.rng = rng = random.Random(f"quire-corpus-{number}")
        self.number, self.style, self.nchap, self.theme = number, style, nchap, theme
        f = FANDOMS[key]
        self.f = f
        cast = {row[0]: row for row in f["cast"]}
        a_name, b_name, kind, shipname = f["ships"][ship_i]
        self.A, self.B = Person(cast[a_name], rng), Person(cast[b_name], rng)
        c_row = next(row for row in f["cast"] if row[0] not in (a_name, b_name))
        self.C = Person(c_row, rng)
        self.kind, self.shipname = kind, shipname
        rels = {r["name"] for r in canon if r["type"] == "relationship"}
        self.relationship = next(r for r in rels if _members(r) == (kind, frozenset((a_name, b_name))))
        self.rels = rels
        self.key = key

    def plan(self):
        """Scene kinds per chapter."""
        rng = self.rng
        special = list(THEMES[self.theme])
        filler = ["quiet", "romance"] if self.kind == "/" else ["quiet", "friend"]
        chapters = []
        for _ in range(self.nchap):
            n = rng.choice([2, 3]) if self.nchap > 1 else rng.choice([3, 4])
            chapters.append([rng.choice(filler) for _ in range(n)])
        # Spread the theme's scenes over the chapters, in order, never as the very first scene.
        slots = [(c, s) for c in range(self.nchap) for s in range(len(chapters[c])) if (c, s) != (0, 0)]
        taken = set()
        for j, kind in enumerate(special):
            k = min(len(slots) - 1, round((j + 1) * len(slots) / (len(special) + 1)))
            while k in taken and k + 1 < len(slots):
                k += 1
            if k in taken:
                chapters[-1].append(kind)
                continue
            taken.add(k)
            c, s = slots[k]
            chapters[c][s] = kind
        if self.kind == "/" and not any("romance" in ch or "sex" in ch for ch in chapters):
            chapters[-1].append("romance")
        if not any("friend" in ch for ch in chapters) and self.rng.random() < 0.3:
            chapters[0].insert(1, "friend")
        return chapters

    def scenes(self):
        ctx = {"A": self.A, "B": self.B, "C": self.C, "place": self.f["places"][:3],
               "place2": self.f["places"][3:] or self.f["places"], "org": self.f["orgs"],
               "obj": self.f["objects"], "drink": self.f["drink"], "food": self.f["food"],
               "interj": self.f["interj"], "weapon": self.f["weapon"], "enemy": self.f["enemy"]}
        used: dict[str, list[int]] = {}
        tags, swears, people = set(), False, {self.A.name, self.B.name}
        out = []
        for chapter in self.plan():
            scenes = []
            for kind in chapter:
                options = SCENES[kind]
                free = [i for i in range(len(options)) if i not in used.get(kind, [])] or list(range(len(options)))
                i = self.rng.choice(free)
                used.setdefault(kind, []).append(i)
                scene_tags, swear, paragraphs = options[i]
                tags |= set(scene_tags)
                swears |= swear
                if any("{C" in p for p in paragraphs):
                    people.add(self.C.name)
                scenes.append([fill(p, ctx, self.rng) for p in paragraphs])
                if kind == "friend":
                    self.friend = True
            out.append(scenes)
        self.tags, self.swears, self.people = tags, swears, people
        return out

    def gold_meta(self):
        tags = sorted(self.tags)
        warnings = []
        if "Graphic Violence" in self.tags:
            warnings.append("Graphic Depictions Of Violence")
        if "Character Death" in self.tags:
            warnings.append("Major Character Death")
        if self.tags & MATURE:
            rating = "Mature"
        elif self.tags or self.swears:
            rating = "Teen And Up Audiences"
        else:
            rating = "General Audiences"
        characters = [p for p in (self.A.name, self.B.name, self.C.name) if p in self.people]
        relationships = [self.relationship]
        if getattr(self, "friend", False):
            for r in self.rels:
                if _members(r) == ("&", frozenset((self.A.name, self.C.name))) and r not in relationships:
                    relationships.append(r)
        return tags, warnings, rating, characters, relationships


def _members(name):
    kind = "/" if "/" in name else "&"
    return kind, frozenset(p.strip() for p in name.split(kind))


def _fix_markers(text, gold_chapters, chapters, brk):
    """Lengthen a chapter's first/last markers until the scorer's reading of the gold
    (scoring.gold_chapter_texts) gives back exactly the chapter's own paragraphs."""
    for _ in range(40):
        bodies = gold_chapter_texts(text, gold_chapters)
        wrong = [i for i, b in enumerate(bodies) if tokens(b) != tokens("\n".join(
            p for sc in chapters[i] for p in sc))]
        if not wrong:
            return
        i = wrong[0]
        paras = [p for sc in chapters[i] for p in sc]
        ch = gold_chapters[i]
        n_first, n_last = len(ch["first"].split()) + 4, len(ch["last"].split()) + 4
        ch["first"] = " ".join(paras[0].split()[:n_first])
        ch["last"] = " ".join(paras[-1].split()[-n_last:])
    raise SystemExit(f"cannot make unique chapter markers: {gold_chapters}")


def words(text):
    return len(re.findall(r"\w+", text))


def build(number, spec, canon):
    w = Work(number, spec, canon)
    rng = w.rng
    chapters = w.scenes()
    tags, warnings, rating, characters, relationships = w.gold_meta()
    a, b = w.A.short, w.B.short
    ship = ship_notation(a, b, w.kind, w.shipname, rng)
    say = rng.choice(w.f["say"])
    title = TITLES[(number * 7) % len(TITLES)]  # each generated work its own title
    fmt = {"a": a, "b": b, "ship": ship, "fandom": say, "obj": rng.choice(w.f["objects"]),
           "place": rng.choice(w.f["places"])}
    summary = rng.choice(SUMMARIES).format(**fmt)
    note = rng.choice(NOTES).format(**fmt)
    if w.kind == "/" and ship not in note:
        note += f" {ship}, obviously."
    if tags and rng.random() < 0.7:
        note += " " + rng.choice(WARN_NOTES)
    end_note = rng.choice(END_NOTES)
    brk = rng.choice(BREAKS)
    ext = ".txt"

    blocks: list[str] = []          # paragraphs of the output, joined by blank lines
    gold_chapters = []
    gold = {"summary": summary, "notes_begin": note, "notes_end": end_note}

    def body(scenes, breaker):
        paras = []
        for i, scene in enumerate(scenes):
            if i:
                paras.append(breaker)
            paras.extend(scene)
        return paras

    def chapter_gold(title_, paras, **extra):
        first = " ".join(paras[0].split()[:7])
        last = " ".join(paras[-1].split()[-6:])
        gold_chapters.append({"title": title_, "first": first, "last": last, **extra})

    chapter_titles = rng.sample(CHAPTER_TITLES, len(chapters))
    style = w.style

    if style == "ffn":
        heading = rng.choice(["n", "n_title", "word", "double", "word_title", "ch_dash"])
        if rng.random() < 0.5:
            blocks.append(title)
            gold["title"] = title
        blocks.append(summary if rng.random() < 0.7 else f"Summary: {summary}")
        disclaimer = rng.choice(DISCLAIMERS).format(**fmt)
        label = rng.choice(["A/N:", "Author's Note:", "AN:", "A/N -"])
        where = rng.choice(["separate", "inside", "none"])
        if where == "separate":
            blocks.append(f"{label} {note}")
            blocks.append(f"Disclaimer: {disclaimer}")
            gold["notes_begin"] = f"{note} {disclaimer}"
        elif where == "inside":
            blocks.append(f"{label} {note} {disclaimer}")
            gold["notes_begin"] = f"{note} {disclaimer}"
        else:
            blocks.append(f"{label} {note}")
        for i, scenes in enumerate(chapters):
            n, t = i + 1, chapter_titles[i]
            paras = body(scenes, brk)
            shown = None
            if len(chapters) > 1 or rng.random() < 0.3:
                if heading == "n":
                    blocks.append(f"Chapter {n}")
                    shown = f"Chapter {n}"
                elif heading == "n_title":
                    blocks.append(f"Chapter {n}: {t}")
                    shown = t
                elif heading == "word":
                    blocks.append(f"Chapter {NUMBER_WORDS[i]}")
                    shown = f"Chapter {NUMBER_WORDS[i]}"
                elif heading == "double":  # FFN's own chapter line, then the author's heading
                    blocks.append(f"Chapter {n}")
                    blocks.append(f"Chapter {NUMBER_WORDS[i]}: {t}")
                    shown = t
                elif heading == "word_title":
                    blocks.append(f"Chapter {NUMBER_WORDS[i]} - {t}")
                    shown = t
                else:
                    blocks.append(f"Ch. {n} - {t}")
                    shown = t
            extra = {}
            if i > 0 and rng.random() < 0.6:
                cn = rng.choice(FFN_CHAPTER_NOTES)
                blocks.append(f"A/N: {cn}")
                extra["notes_begin"] = cn
            blocks.extend(paras)
            if i < len(chapters) - 1 and rng.random() < 0.6:
                en = rng.choice(FFN_END_NOTES)
                blocks.append(en)
                extra["notes_end"] = en
            chapter_gold(shown, paras, **extra)
        end_note = rng.choice(FFN_END_NOTES) + " " + end_note
        blocks.append(rng.choice(["A/N: ", "AN: ", ""]) + end_note)
        gold["notes_end"] = end_note

    elif style == "ao3":
        tagged = rng.random() < 0.45
        if tagged:
            warn = ", ".join(warnings) or "No Archive Warnings Apply"
            extra_tags = ", ".join(tags + rng.sample(["Fluff", "Angst", "Hurt/Comfort", "Slow Burn",
                                                      "Friends to Lovers", "Happy Ending"], 2))
            category = "M/M" if {w.A.pron, w.B.pron} == {"he"} and w.kind == "/" else (
                "Gen" if w.kind == "&" else "F/M")
            chars = ", ".join(characters)
            total = sum(words(p) for ch in chapters for sc in ch for p in sc)
            blocks += ["Rating:", f"    {rating}", "Archive Warning:", f"    {warn}", "Category:",
                       f"    {category}", "Fandom:", f"    {w.f['fandom']}", "Relationship:",
                       f"    {w.relationship}", "Characters:", f"    {chars}", "Additional Tags:",
                       f"    {extra_tags}", "Language:", "    English", "Stats:",
                       f"    Published: 20{rng.randint(15, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} "
                       f"Words: {total:,} Chapters: {len(chapters)}/{len(chapters)} Kudos: {rng.randint(5, 900)}"]
            blocks = ["\n".join(blocks)]
        author = rng.choice(["inkwell_and_ash", "quietharbour", "magpie_writes", "lanternlight",
                             "thistledown", "paper_moth", "seaglass_archive"])
        blocks.append(f"{title}\n{author}")
        gold["title"] = title
        blocks += ["Summary:", summary, "Notes:", note]
        if len(chapters) == 1:
            blocks += ["(See the end of the work for more notes.)", "Work Text:"]
            paras = body(chapters[0], brk)
            blocks += paras
            chapter_gold(None, paras)
        else:
            blocks.append("(See the end of the work for more notes.)")
            for i, scenes in enumerate(chapters):
                t = chapter_titles[i]
                extra = {}
                blocks.append(f"Chapter {i + 1}: {t}" if rng.random() < 0.8 else f"Chapter {i + 1}")
                shown = t if blocks[-1].endswith(t) else None
                if i and rng.random() < 0.5:
                    cs = rng.choice(SUMMARIES).format(**fmt)
                    blocks += ["Summary:", cs]
                    extra["summary"] = cs
                if i and rng.random() < 0.4:
                    cn = rng.choice(FFN_CHAPTER_NOTES)
                    blocks += ["Notes:", cn]
                    extra["notes_begin"] = cn
                blocks.append("Chapter Text")
                paras = body(scenes, brk)
                blocks += paras
                if i < len(chapters) - 1 and rng.random() < 0.5:
                    cn = rng.choice(["More soon!", "Next chapter on Sunday, I promise.",
                                     "Thank you for the lovely comments on the last one!"])
                    blocks += ["Notes:", cn]
                    extra["notes_end"] = cn
                chapter_gold(shown, paras, **extra)
        blocks += ["Notes:", end_note]

    elif style == "header":
        lower = rng.random() < 0.3   # Tumblr habit: lower-case labels
        warn_text = ", ".join(t.lower() for t in tags) if tags else rng.choice(["none", "None", "no warnings apply"])
        total = sum(words(p) for ch in chapters for sc in ch for p in sc)
        fields = [("Title", title), ("Author", rng.choice(["ravenclaw_lj", "oldfandomwitch", "dw_magpie",
                                                          "tumblr_em", "sapphirequill"])),
                  ("Fandom", say), ("Pairing" if w.kind == "/" else "Characters", ship),
                  ("Rating", rng.choice(HEADER_RATINGS[rating])), ("Warnings", warn_text),
                  ("Word count", f"{total:,}" if rng.random() < 0.5 else f"~{round(total, -2)}"),
                  ("Summary", summary)]
        if rng.random() < 0.8:
            fields.append(("Notes" if rng.random() < 0.5 else "A/N", note))
        else:
            gold["notes_begin"] = None
        lines = [f"{(k.lower() if lower else k)}: {v}" for k, v in fields]
        blocks.append("\n".join(lines) if rng.random() < 0.6 else "\n\n".join(lines))
        gold["title"] = title
        part_style = rng.choice(["n", "word", "chapter"])
        blocks.append(rng.choice(["--------", "~*~", "* * *", "(cut)"]))
        for i, scenes in enumerate(chapters):
            shown = None
            if len(chapters) > 1:
                blocks.append({"n": f"Part {i + 1}", "word": f"Part {NUMBER_WORDS[i]}",
                               "chapter": f"Chapter {i + 1}"}[part_style])
                shown = blocks[-1]
            paras = body(scenes, brk)
            blocks += paras
            chapter_gold(shown, paras)
        end_label = rng.choice(["End notes:", "A/N:", "Notes:"])
        blocks.append(f"{end_label} {end_note}")

    else:  # plain text or Markdown
        markdown = rng.random() < 0.5
        ext = ".md" if markdown else ".txt"
        if markdown:
            blocks.append(f"# {title}")
            if rng.random() < 0.6:
                blocks.append(f"*{summary}*")
            else:
                gold["summary"] = None
            gold["notes_begin"] = None
        else:
            blocks.append(title)
            gold["summary"] = None
            gold["notes_begin"] = None
        gold["title"] = title
        gap = rng.choice(["", brk, "* * *"])  # "": a blank gap of three empty lines
        numbering = rng.choice(["chapter", "roman", "part"])
        for i, scenes in enumerate(chapters):
            shown = None
            if len(chapters) > 1:
                h = {"chapter": f"Chapter {i + 1}", "roman": f"{ROMAN[i]}.",
                     "part": f"Part {NUMBER_WORDS[i]}"}[numbering]
                h = f"## {h}" if markdown else h
                blocks.append(h)
                shown = h.lstrip("# ")
            paras = body(scenes, gap)
            blocks += paras
            chapter_gold(shown, paras)
        if rng.random() < 0.5:
            blocks.append(f"*{end_note}*" if markdown else f"Author's note: {end_note}")
        else:
            gold["notes_end"] = None

    text = "\n\n".join(blocks) + "\n"
    _fix_markers(text, gold_chapters, chapters, brk)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    stem = f"{number:03d}-{w.key}-{style}-{slug}"
    # Local colour the text names that a tagger would never tag as a character.
    candidates = [*w.f["places"], *w.f["orgs"], *w.f["interj"], *w.f["objects"][:1]]
    not_characters = [n for n in dict.fromkeys(candidates) if n in text]
    meta = {"id": f"{number:03d}", "text": stem + ext, "style": style, "generated": True,
            "theme": w.theme, "title": gold.get("title"), "summary": gold["summary"],
            "notes_begin": gold["notes_begin"], "notes_end": gold["notes_end"], "chapters": gold_chapters,
            "fandoms": [w.f["fandom"]], "characters": characters, "relationships": relationships,
            "content_tags": tags, "archive_warnings": warnings, "rating": rating,
            "not_characters": not_characters}
    return stem, ext, text, meta


def main():
    canon = load_canon()
    for old in WORKS.glob("1[0-9][0-9]-*"):
        old.unlink()
    for i, spec in enumerate(SPECS):
        stem, ext, text, meta = build(101 + i, spec, canon)
        (WORKS / (stem + ext)).write_text(text, encoding="utf-8")
        (WORKS / (stem + ".json")).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
    print(f"wrote {len(SPECS)} works to {WORKS}")


if __name__ == "__main__":
    main()
