"""A synthetic eFiction 3.5 archive: a MySQL dump in eFiction's schema plus the
`stories/<uid>/<chapid>.txt` files of an archive that kept text in files.

Everything in it is generated here (names, prose, reviews), never a real
archive's data. Tests and `quire bench import` use it; `write_archive` streams
the dump to disk so a 10,000-story archive never sits in memory.
"""

import random
from dataclasses import dataclass, field
from pathlib import Path

# The eFiction 3.5 tables the migration reads, columns in eFiction's order (docs/tables.sql).
SCHEMA = {
    "fanfiction_authors": "uid int,penname varchar,realname varchar,email varchar,website varchar,bio text,"
    "image varchar,date int,admincreated int,password varchar",
    "fanfiction_categories": "catid int,parentcatid int,category varchar,description text,image varchar,"
    "locked tinyint,leveldown tinyint,displayorder int,numitems int",
    "fanfiction_chapters": "chapid int,title varchar,inorder int,notes text,storytext text,endnotes text,"
    "validated tinyint,wordcount int,rating tinyint,reviews smallint,sid int,uid int,count int",
    "fanfiction_characters": "charid int,catid int,charname varchar,bio text,image varchar",
    "fanfiction_classes": "class_id int,class_type int,class_name varchar",
    "fanfiction_classtypes": "classtype_id int,classtype_name varchar,classtype_title varchar",
    "fanfiction_coauthors": "sid int,uid int",
    "fanfiction_favorites": "uid int,item int,type char,comments text",
    "fanfiction_inseries": "seriesid int,sid int,subseriesid int,confirmed int,inorder int",
    "fanfiction_ratings": "rid int,rating varchar,ratingwarning int,warningtext text",
    "fanfiction_reviews": "reviewid int,item int,chapid int,reviewer varchar,uid int,review text,date int,"
    "rating int,respond char,type char",
    "fanfiction_series": "seriesid int,title varchar,summary text,uid int,isopen tinyint,catid varchar,"
    "rating tinyint,classes varchar,characters varchar,reviews smallint,numstories int,warnings varchar,"
    "challenges varchar,genres varchar",
    "fanfiction_stories": "sid int,title varchar,summary text,storynotes text,catid varchar,classes varchar,"
    "charid varchar,rid varchar,date int,updated int,uid int,coauthors varchar,featured tinyint,"
    "validated tinyint,completed tinyint,rr tinyint,wordcount int,rating tinyint,reviews smallint,count int,"
    "challenges varchar",
}

CATEGORIES = [  # (catid, parent, name)
    (1, -1, "Starfall Chronicles"),
    (2, 1, "Missing Scenes"),
    (3, -1, "The Lantern Keepers"),
    (4, -1, "Harbour Town Mysteries"),
    (5, -1, "Crossovers"),  # left out of the test mapping on purpose
]
CHARACTERS = [(1, 1, "Captain Oriel Vance"), (2, 1, "Tamsin Reyes"), (3, 3, "Old Maud"), (4, 3, "Pip"),
              (5, 4, "Inspector Hale"), (6, 4, "Léonie Dufresne")]  # fmt: skip
CLASSTYPES = [(1, "genres", "Genres"), (2, "warnings", "Warnings"), (3, "themes", "Themes")]
CLASSES = [(1, 1, "Angst"), (2, 1, "Fluff"), (3, 1, "Humour"), (4, 2, "Character Death"), (5, 2, "Violence"),
           (6, 2, "Mild Peril"), (7, 3, "Found Family"), (8, 3, "Seafaring")]  # fmt: skip
RATINGS = [(1, "G"), (2, "PG"), (3, "PG-13"), (4, "R"), (5, "NC-17")]

_WORDS = (
    "the lantern harbour tide wind light keeper quiet ship rope gull stone salt morning evening river bridge "
    "kettle letter window storm map compass ember lamp chart road orchard cellar stair garden bell candle"
).split()
_VERBS = "watched carried folded mended whispered counted waited crossed lit lifted followed remembered".split()
_NAMES = ["Wren", "Marek", "Juno", "Ansel", "Corrie", "Bastian", "Ilse", "Noor", "Tobiah", "Saoirse", "Émile"]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_NAMES), rng.choice(_VERBS), "the", rng.choice(_WORDS)]
    words += rng.sample(_WORDS, rng.randint(3, 8))
    return " ".join(words).capitalize() + rng.choice([".", ".", "!", "?"])


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def chapter_html(rng: random.Random, paragraphs: int) -> str:
    """A chapter as eFiction stored it: HTML paragraphs with italics, bold, a
    break, and the characters a dump must escape (quotes, backslash, newline)."""
    parts = []
    for i in range(paragraphs):
        text = _paragraph(rng, rng.randint(3, 6))
        if i == 0:
            text = f"<i>{text}</i>"
        elif i == 1:
            text = text.replace(" the ", " <b>the</b> ", 1) + ' "It\'s a back\\slash," she said.'
        parts.append(f"<p>{text}</p>")
    parts.insert(len(parts) // 2, "<p>* * *</p>")
    return "\n".join(parts)


def chapter_plain(rng: random.Random, paragraphs: int) -> str:
    """A file-stored chapter: eFiction kept what the author uploaded, often plain text with <br>."""
    return "<br />\n<br />\n".join(_paragraph(rng, 4) for _ in range(paragraphs))


@dataclass
class Counts:
    """What the generated archive holds, for tests to compare a migration against."""

    authors: int = 0
    stories: int = 0
    chapters: int = 0
    file_chapters: int = 0
    reviews: int = 0  # on stories (type ST)
    guest_reviews: int = 0
    series_reviews: int = 0
    favorites: dict = field(default_factory=lambda: {"ST": 0, "AU": 0, "SE": 0})
    series: int = 0
    series_members: int = 0
    coauthors: int = 0
    unvalidated: int = 0


def _literal(value, doubled_quotes: bool) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace("\0", "\\0").replace("\r", "\\r").replace("\n", "\\n")
    text = text.replace("'", "''" if doubled_quotes else "\\'")
    return f"'{text}'"


class _DumpWriter:
    def __init__(self, f, batch: int = 25):
        self.f = f
        self.batch = batch

    def create(self, table: str) -> None:
        cols = [c.split() for c in SCHEMA[table].split(",")]
        body = ",\n".join(
            f"  `{name}` {'int(11) NOT NULL default 0' if kind.endswith('int') else 'text'}" for name, kind in cols
        )
        self.f.write(f"\n--\n-- Table structure for table `{table}`\n--\n\nDROP TABLE IF EXISTS `{table}`;\n")
        self.f.write(f"CREATE TABLE `{table}` (\n{body},\n  KEY `x` (`{cols[0][0]}`)\n) ENGINE=MyISAM;\n\n")

    def insert(self, table: str, rows, *, column_list: bool = False, doubled_quotes: bool = False) -> None:
        cols = [c.split()[0] for c in SCHEMA[table].split(",")]
        head = f"INSERT INTO `{table}`"
        if column_list:
            head += " (" + ", ".join(f"`{c}`" for c in cols) + ")"
        pending = []
        for row in rows:
            pending.append("(" + ",".join(_literal(v, doubled_quotes) for v in row) + ")")
            if len(pending) == self.batch:
                self.f.write(f"{head} VALUES " + ",".join(pending) + ";\n")
                pending = []
        if pending:
            # phpMyAdmin style for the tail: one row a line.
            self.f.write(f"{head} VALUES\n" + ",\n".join(pending) + ";\n")


def write_archive(
    root: Path, stories: int = 60, *, latin1: bool = False, seed: int = 12, files_every: int = 7
) -> Counts:
    """Write `root/dump.sql` and `root/stories/` for `stories` stories; return what they hold."""
    rng = random.Random(seed)
    root = Path(root)
    (root / "stories").mkdir(parents=True, exist_ok=True)
    counts = Counts(stories=stories)
    n_authors = max(6, stories // 4)
    counts.authors = n_authors
    base = 1_104_537_600  # 2005-01-01
    encoding = "cp1252" if latin1 else "utf-8"

    def pen(uid: int) -> str:
        return f"{_NAMES[uid % len(_NAMES)]} O'Tide {uid}" if uid % 5 == 0 else f"{_NAMES[uid % len(_NAMES)]}{uid}"

    with open(root / "dump.sql", "w", encoding=encoding, newline="\n") as f:
        f.write("-- eFiction 3.5 test archive generated by Quire; every word of it is made up.\n")
        f.write(f"/*!40101 SET NAMES {'latin1' if latin1 else 'utf8mb4'} */;\n")
        w = _DumpWriter(f)
        for table in SCHEMA:
            w.create(table)
        w.insert(
            "fanfiction_authors",
            (
                (uid, pen(uid), "", "" if uid == 3 else f"writer{uid}@example.org", "", f"Bio of {pen(uid)}.",
                 "", base + uid * 3600, 0, "5f4dcc3b5aa765d61d8327deb882cf99")
                for uid in range(1, n_authors + 1)
            ),
            column_list=True,
        )  # fmt: skip
        w.insert("fanfiction_categories", ((c, p, n, "", "", 0, 0, c, 0) for c, p, n in CATEGORIES))
        w.insert("fanfiction_characters", ((c, cat, n, "", "") for c, cat, n in CHARACTERS))
        w.insert("fanfiction_classtypes", CLASSTYPES)
        w.insert("fanfiction_classes", CLASSES)
        w.insert("fanfiction_ratings", ((r, n, int(r >= 4), "") for r, n in RATINGS))

        story_rows, chapter_rows, review_rows = [], [], []
        chapid = reviewid = 0
        chapters_of: dict[int, list[int]] = {}
        for sid in range(1, stories + 1):
            uid = (sid % n_authors) + 1
            n_chapters = 1 + (sid % 3)
            date = base + sid * 86_400 * 3
            updated = date + (n_chapters - 1) * 86_400 * 10
            validated = 0 if sid % 25 == 0 else 1
            counts.unvalidated += 1 - validated
            cats = "1" if sid % 4 == 0 else ("2" if sid % 4 == 1 else ("3,4" if sid % 4 == 2 else "5"))
            classes = ",".join(str(c) for c in sorted({1 + sid % 3, 4 + sid % 3, 7 + sid % 2}))
            chars = ",".join(str(c) for c in sorted({1 + sid % 6, 1 + (sid * 5) % 6}))
            title = f"The {_WORDS[sid % len(_WORDS)].title()} of {_NAMES[sid % len(_NAMES)]} ({sid})"
            if sid % 6 == 0:
                title += ' — Wren\'s "Second" Tale'
            story_rows.append(
                (sid, title, f"<p>A story about a {_WORDS[(sid * 7) % len(_WORDS)]}; it's summary {sid}.</p>",
                 "Thanks to my beta!" if sid % 2 else "", cats, classes, chars, str(1 + sid % 5), date, updated,
                 uid, "", 0, validated, int(sid % 2 == 0), 0, 0, 0, 0, 0, "")
            )  # fmt: skip
            chapters_of[sid] = []
            for position in range(1, n_chapters + 1):
                chapid += 1
                chapters_of[sid].append(chapid)
                counts.chapters += 1
                in_file = files_every and sid % files_every == 0
                paragraphs = rng.randint(3, 6)
                if in_file:
                    counts.file_chapters += 1
                    folder = root / "stories" / str(uid)
                    folder.mkdir(exist_ok=True)
                    (folder / f"{chapid}.txt").write_bytes(chapter_plain(rng, paragraphs).encode(encoding))
                    text = ""
                else:
                    text = chapter_html(rng, paragraphs)
                chapter_rows.append(
                    (chapid, f"Part {position}: {_WORDS[(chapid * 3) % len(_WORDS)]}", position,
                     "Chapter notes." if position == 1 else "", text, "End notes." if position == n_chapters else None,
                     1, 0, 0, 0, sid, uid, 0)
                )  # fmt: skip
            for r in range(sid % 4):
                reviewid += 1
                guest = r == 1
                reviewer_uid = 0 if guest else ((sid + r + 1) % n_authors) + 1
                name = f"Passing Reader {reviewid}" if guest else pen(reviewer_uid)
                counts.reviews += 1
                counts.guest_reviews += guest
                review_rows.append(
                    (reviewid, sid, chapters_of[sid][r % n_chapters], name, reviewer_uid,
                     f"Loved the {_WORDS[reviewid % len(_WORDS)]} bit! Can't wait for more.", date + 3600 * (r + 1),
                     -1, "0", "ST")
                )  # fmt: skip
            if len(story_rows) >= 200:
                w.insert("fanfiction_stories", story_rows)
                w.insert("fanfiction_chapters", chapter_rows)
                story_rows, chapter_rows = [], []
        w.insert("fanfiction_stories", story_rows)
        w.insert("fanfiction_chapters", chapter_rows)

        n_series = max(2, stories // 10)
        counts.series = n_series
        series_rows, inseries_rows = [], []
        for seriesid in range(1, n_series + 1):
            members = [sid for sid in range(seriesid, stories + 1, n_series)][:3]
            owner = (members[0] % n_authors) + 1
            series_rows.append(
                (seriesid, f"The {_WORDS[seriesid % len(_WORDS)].title()} Cycle", "A cycle of stories.", owner,
                 0, "1", 0, "", "", 0, len(members), "", "", "")
            )  # fmt: skip
            for order, sid in enumerate(members, start=1):
                inseries_rows.append((seriesid, sid, 0, 1, order))
                counts.series_members += 1
        w.insert("fanfiction_series", series_rows)
        w.insert("fanfiction_inseries", inseries_rows)
        reviewid += 1
        review_rows.append((reviewid, 1, 0, "Series Fan", 0, "A lovely cycle.", base, -1, "0", "SE"))
        counts.series_reviews = 1
        w.insert("fanfiction_reviews", review_rows, doubled_quotes=True)

        coauthor_rows = []
        for sid in range(9, stories + 1, 9):
            owner = (sid % n_authors) + 1
            coauthor_rows.append((sid, (owner % n_authors) + 1))
        counts.coauthors = len(coauthor_rows)
        w.insert("fanfiction_coauthors", coauthor_rows)

        favorite_rows = []
        for uid in range(1, n_authors + 1):
            sids = {((uid * 7 + k) % stories) + 1 for k in range(3)}
            for sid in sorted(sids):
                favorite_rows.append((uid, sid, "ST", "A favourite." if sid % 2 else None))
            other = (uid % n_authors) + 1
            favorite_rows.append((uid, other, "AU", None))
            favorite_rows.append((uid, (uid % n_series) + 1, "SE", None))
        for row in favorite_rows:
            counts.favorites[row[2]] += 1
        w.insert("fanfiction_favorites", favorite_rows)
    return counts
