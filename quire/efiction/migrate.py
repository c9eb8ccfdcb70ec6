"""eFiction 3.5 -> Quire, one story at a time.

Order: authors (placeholder accounts to be claimed), series, stories (each in
one transaction with its chapters, tags, co-creators, series places and
reviews), then favourites. Every created object is recorded in `ImportedId`
in the same transaction, and anything already recorded is skipped, so a run
that stops part-way is finished by running the same command again.
"""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from quire.accounts.models import Pseud
from quire.interactions.feedback import render_comment
from quire.interactions.models import Comment, WorkStats
from quire.interactions.safety import Refused
from quire.interactions.subscriptions import subscribe
from quire.interactions.tracking import save_bookmark
from quire.lib import text as textlib
from quire.works import claiming, freshness, services
from quire.works.models import ArchivedCreator, Chapter, ChapterState, Series, Work

from .mapping import Mapping
from .models import ImportedId, Kind
from .staging import Staging


class StoryProblem(ValueError):
    """One story cannot be migrated; the others go on."""


@dataclass
class Report:
    dry_run: bool = False
    in_dump: Counter = field(default_factory=Counter)
    created: Counter = field(default_factory=Counter)
    already: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # things Quire has no place for, by reason
    unmapped: dict[str, Counter] = field(
        default_factory=lambda: {"categories": Counter(), "classes": Counter(), "ratings": Counter()}
    )
    problems: list[str] = field(default_factory=list)
    invited: int = 0

    def lines(self) -> list[str]:
        verb = "would create" if self.dry_run else "created"
        out = []
        for kind in ("author", "series", "story", "chapter", "review", "favorite"):
            out.append(
                f"{kind:>9}: {self.in_dump[kind]} in the dump, {verb} {self.created[kind]}, "
                f"{self.already[kind]} already migrated"
            )
        for reason, n in sorted(self.skipped.items()):
            out.append(f"  left out: {n} {reason}")
        for kind, names in self.unmapped.items():
            if names:
                listed = ", ".join(f"{name} ({n} stories)" for name, n in sorted(names.items()))
                out.append(f"  no mapping for {kind}: {listed}")
        if self.invited:
            out.append(f"  invitations to claim sent to {self.invited} authors")
        out += [f"  problem: {p}" for p in self.problems]
        return out


def _date(value) -> datetime | None:
    """eFiction 3.5 keeps Unix times; older archives and hand edits hold 'YYYY-MM-DD HH:MM:SS'."""
    if value in (None, "", 0, "0"):
        return None
    if isinstance(value, (int, float)) or str(value).isdigit():
        return datetime.fromtimestamp(int(value), tz=UTC)
    try:
        parsed = datetime.fromisoformat(str(value).replace(" ", "T"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _ids(value) -> list[int]:
    return [int(p) for p in re.split(r"[,\s]+", str(value or "")) if p.strip().isdigit() and int(p) > 0]


_HAS_TAGS = re.compile(r"<[a-zA-Z/!]")
_HAS_BREAKS = re.compile(r"<(p|br|div)\b", re.I)


def chapter_source(text: str) -> tuple[str, str]:
    """(format, source) for a chapter's text. eFiction showed text without paragraph
    or line-break tags with its newlines turned into breaks, so we do the same."""
    if not _HAS_TAGS.search(text):
        return textlib.PLAIN, text
    if not _HAS_BREAKS.search(text):
        text = text.replace("\r\n", "\n").replace("\n", "<br />\n")
    return textlib.HTML, text


def _read_text_file(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


class Migration:
    def __init__(
        self,
        staging: Staging,
        mapping: Mapping,
        *,
        stories_dir: Path | None,
        archivist=None,
        dry_run: bool = False,
        invite: bool = True,
        progress: Callable[[str, int, int], None] | None = None,
        before_story: Callable[[dict], None] | None = None,
    ):
        self.s = staging
        self.mapping = mapping
        self.stories_dir = Path(stories_dir) if stories_dir else None
        self.archivist = archivist
        self.dry_run = dry_run
        self.invite = invite
        self.progress = progress or (lambda stage, done, total: None)
        self.before_story = before_story  # tests make a story fail through this
        self.report = Report(dry_run=dry_run)
        self.pseuds: dict[str, int] = {}
        self.series: dict[str, int] = {}
        self._pseud_cache: dict[int, Pseud] = {}
        self._lookups()

    # --- the small tables, held in memory -----------------------------------------
    def _lookups(self) -> None:
        self.categories = {_int(r.get("catid")): r for r in self.s.all("categories")}
        self.characters = {_int(r.get("charid")): str(r.get("charname") or "") for r in self.s.all("characters")}
        types = {_int(r.get("classtype_id")): str(r.get("classtype_name") or "") for r in self.s.all("classtypes")}
        self.classes = {
            _int(r.get("class_id")): (types.get(_int(r.get("class_type")), ""), str(r.get("class_name") or ""))
            for r in self.s.all("classes")
        }
        self.ratings = {_int(r.get("rid")): str(r.get("rating") or "") for r in self.s.all("ratings")}

    def _category_path(self, catid: int) -> list[str]:
        path, seen = [], set()
        while catid in self.categories and catid not in seen:
            seen.add(catid)
            row = self.categories[catid]
            path.insert(0, str(row.get("category") or "").strip())
            catid = _int(row.get("parentcatid"))
        return path

    def tags_for(self, story: dict) -> dict[str, list[str]]:
        """The story's tags by Quire type, noting what the mapping lacks."""
        tags: dict[str, list[str]] = {
            "rating": [],
            "warning": [],
            "category": [],
            "fandom": [],
            "character": [],
            "freeform": [],
        }
        unmapped = self.report.unmapped
        rating_name = self.ratings.get(_int(story.get("rid")), "")
        if rating_name in self.mapping.ratings:
            tags["rating"].append(self.mapping.ratings[rating_name])
        else:
            tags["rating"].append("Not Rated")
            unmapped["ratings"][rating_name or f"rid {story.get('rid')}"] += 1
        for catid in _ids(story.get("catid")):
            path = self._category_path(catid)
            if not path:
                continue
            fandom = None
            for depth in range(len(path), 0, -1):  # the category, else the nearest mapped parent
                for key in (" > ".join(path[:depth]), path[depth - 1]):
                    if key in self.mapping.categories:
                        fandom = self.mapping.categories[key]
                        break
                if fandom is not None:
                    break
            if fandom is None:
                unmapped["categories"][" > ".join(path)] += 1
                fandom = path[0]
            if fandom:
                tags["fandom"].append(fandom)
        for charid in _ids(story.get("charid")):
            if self.characters.get(charid):
                tags["character"].append(self.characters[charid])
        for class_id in _ids(story.get("classes")):
            if class_id not in self.classes:
                continue
            type_name, class_name = self.classes[class_id]
            target = self.mapping.classtype_target(type_name)
            if target == "skip":
                continue
            mapped = self.mapping.class_tag(target, class_name)
            if mapped is None:
                unmapped["classes"][f"{type_name}: {class_name}"] += 1
                tags["freeform"].append(class_name)  # kept as a free tag rather than lost
            elif mapped[0] != "skip":
                tags[mapped[0]].append(mapped[1])
        if not tags["warning"] and self.mapping.default_warning:
            tags["warning"].append(self.mapping.default_warning)
        return {k: list(dict.fromkeys(v)) for k, v in tags.items() if v}

    # --- the run ---------------------------------------------------------------------
    def run(self) -> Report:
        r = self.report
        r.in_dump.update(
            author=self.s.count("authors"),
            series=self.s.count("series"),
            story=self.s.count("stories"),
            chapter=self.s.count("chapters"),
            review=self.s.count("reviews"),
            favorite=self.s.count("favorites"),
        )
        new_authors = self._authors()
        self._series()
        self._stories()
        self._favorites()
        if self.invite and not self.dry_run:
            for archived in ArchivedCreator.objects.filter(pseud_id__in=new_authors).exclude(email=""):
                r.invited += claiming.invite_to_claim(archived)
        return r

    def _todo(self, kind: str, table: str, key: str) -> tuple[list[dict], dict[str, int]]:
        done = ImportedId.mapped(kind)
        rows = []
        for row in self.s.all(table):
            if str(row.get(key)) in done:
                self.report.already[kind] += 1
            else:
                rows.append(row)
        return rows, done

    def _authors(self) -> list[int]:
        done = ImportedId.mapped(Kind.AUTHOR)
        created = []
        total = self.report.in_dump["author"]
        for n, row in enumerate(self.s.all("authors"), start=1):
            uid = str(row.get("uid"))
            if uid in done:
                self.report.already["author"] += 1
                continue
            self.report.created["author"] += 1
            if self.dry_run:
                continue
            email = str(row.get("email") or "").strip()
            with transaction.atomic():
                pseud = claiming.placeholder_creator(
                    str(row.get("penname") or f"author {uid}"),
                    email if "@" in email else "",
                    self.archivist,
                    key=f"efiction-{uid}",
                )
                if row.get("bio"):
                    type(pseud.user).objects.filter(pk=pseud.user_id).update(bio=str(row["bio"])[:5000])
                ImportedId.objects.create(kind=Kind.AUTHOR, old_id=uid, new_id=pseud.pk)
            created.append(pseud.pk)
            self.progress("authors", n, total)
        self.pseuds = ImportedId.mapped(Kind.AUTHOR)
        return created

    def _pseud(self, uid):
        """The pseud an eFiction member became; kept for the run, since every story,
        review and favourite asks (a few hundred bytes per member)."""
        pk = self.pseuds.get(str(uid))
        if not pk:
            return None
        if pk not in self._pseud_cache:
            self._pseud_cache[pk] = Pseud.objects.select_related("user").get(pk=pk)
        return self._pseud_cache[pk]

    def _series(self) -> None:
        done = ImportedId.mapped(Kind.SERIES)
        for row in self.s.all("series"):
            seriesid = str(row.get("seriesid"))
            if seriesid in done:
                self.report.already["series"] += 1
                continue
            self.report.created["series"] += 1
            if self.dry_run:
                continue
            with transaction.atomic():
                series = Series.objects.create(
                    title=str(row.get("title") or f"Series {seriesid}")[:255],
                    summary=textlib.html_to_text(str(row.get("summary") or "")).strip()[:1250],
                )
                owner = self._pseud(row.get("uid"))
                if owner:
                    series.creators.add(owner)
                ImportedId.objects.create(kind=Kind.SERIES, old_id=seriesid, new_id=series.pk)
        self.series = ImportedId.mapped(Kind.SERIES)

    def _stories(self) -> None:
        done = ImportedId.mapped(Kind.STORY)
        total = self.report.in_dump["story"]
        for n, story in enumerate(self.s.all("stories"), start=1):
            sid = str(story.get("sid"))
            tags = self.tags_for(story)  # also in a dry run: it notes what lacks a mapping
            if sid in done:
                self.report.already["story"] += 1
                self.report.already["chapter"] += len(self.s.of("chapters", sid))
                self.report.already["review"] += len(self._reviews(sid))
                continue
            if self.dry_run:
                self.report.created["story"] += 1
                self.report.created["chapter"] += len(self.s.of("chapters", sid))
                self.report.created["review"] += len(self._reviews(sid))
                continue
            if self.before_story:
                self.before_story(story)
            try:
                with transaction.atomic(), freshness.batched():
                    self._story(story, tags)
            except StoryProblem as problem:
                self.report.problems.append(f"story {sid}: {problem}")
            self.progress("stories", n, total)
        self.report.skipped["series reviews (Quire comments are on chapters)"] += sum(
            1 for r in self.s.all("reviews") if str(r.get("type") or "ST") == "SE"
        )

    def _reviews(self, sid) -> list[dict]:
        return [r for r in self.s.of("reviews", sid) if str(r.get("type") or "ST").upper() == "ST"]

    def _story(self, story: dict, tags: dict[str, list[str]]) -> None:
        sid = str(story.get("sid"))
        owner = self._pseud(story.get("uid"))
        if owner is None:
            raise StoryProblem(f"its author (uid {story.get('uid')}) is not in the dump")
        chapters = sorted(self.s.of("chapters", sid), key=lambda c: (_int(c.get("inorder")), _int(c.get("chapid"))))
        if not chapters:
            raise StoryProblem("it has no chapters")
        posted = _int(story.get("validated")) > 0
        published = _date(story.get("date")) or timezone.now()
        updated = max(_date(story.get("updated")) or published, published)
        summary = str(story.get("summary") or "")
        work = Work(
            title=str(story.get("title") or f"Story {sid}").strip()[:255] or f"Story {sid}",
            summary=summary,
            notes_begin=str(story.get("storynotes") or ""),
            text_format=textlib.HTML
            if _HAS_TAGS.search(summary + str(story.get("storynotes") or ""))
            else textlib.PLAIN,
            language=self.mapping.language,
            expected_chapters=len(chapters) if _int(story.get("completed")) else None,
            is_draft=not posted,
            published_at=published if posted else None,
            updated_at=updated if posted else None,
            created_at=published,
            archived_by=self.archivist,
        )
        work.save()
        services.add_creator(work, owner, accepted=True)
        coauthor_uids = [r.get("uid") for r in self.s.of("coauthors", sid)] or _ids(story.get("coauthors"))
        for uid in coauthor_uids:
            pseud = self._pseud(uid)
            if pseud and pseud.pk != owner.pk:
                services.add_creator(work, pseud, accepted=True)
        try:
            services.set_tags(work, tags)
        except ValueError as error:
            raise StoryProblem(str(error)) from error
        chapter_ids = {}
        for position, row in enumerate(chapters, start=1):
            fmt, text = chapter_source(self._chapter_text(row, sid))
            # eFiction kept no chapter dates: the first went up with the story, the last at its update.
            when = updated if position == len(chapters) else published
            chapter = Chapter(
                work=work,
                position=position,
                title=str(row.get("title") or "")[:255],
                notes_begin=str(row.get("notes") or ""),
                notes_end=str(row.get("endnotes") or ""),
                text_format=fmt,
                text=text,
                state=ChapterState.PUBLISHED if posted else ChapterState.DRAFT,
                published_at=when if posted else None,
                created_at=when,
            )
            chapter.save()
            chapter_ids[str(row.get("chapid"))] = chapter
            ImportedId.objects.create(kind=Kind.CHAPTER, old_id=str(row.get("chapid")), new_id=chapter.pk)
        services.refresh_counts(work)
        for row in self.s.of("inseries", sid):
            series_pk = self.series.get(str(row.get("seriesid")))
            if series_pk:
                services.set_series(work, Series.objects.get(pk=series_pk), position=_int(row.get("inorder")) or None)
            elif _int(row.get("subseriesid")):
                self.report.skipped["series inside series"] += 1
        first = next(iter(chapter_ids.values()))
        shown = 0
        for review in self._reviews(sid):
            chapter = chapter_ids.get(str(review.get("chapid")), first)
            reviewer = self._pseud(review.get("uid")) if _int(review.get("uid")) else None
            text = str(review.get("review") or "").strip() or "(empty review)"
            comment = Comment.objects.create(
                work=work,
                chapter=chapter,
                user=reviewer.user if reviewer else None,
                guest_name="" if reviewer else (str(review.get("reviewer") or "Guest").strip()[:60] or "Guest"),
                text=text,
                text_html=render_comment(text),
                created_at=_date(review.get("date")) or published,
            )
            shown += 1
            ImportedId.objects.create(kind=Kind.REVIEW, old_id=str(review.get("reviewid")), new_id=comment.pk)
            self.report.created["review"] += 1
        if shown:
            WorkStats.bump(work.pk, "comments", shown)
        ImportedId.objects.create(kind=Kind.STORY, old_id=sid, new_id=work.pk)
        self.report.created["story"] += 1
        self.report.created["chapter"] += len(chapters)

    def _chapter_text(self, row: dict, sid: str) -> str:
        text = str(row.get("storytext") or "")
        if text.strip():
            return text
        # The archive kept text in files: stories/<uid>/<chapid>.txt
        if self.stories_dir is None:
            raise StoryProblem(f"chapter {row.get('chapid')} has its text in a file; give --stories DIR")
        path = self.stories_dir / str(row.get("uid")) / f"{row.get('chapid')}.txt"
        if not path.is_file():
            raise StoryProblem(f"chapter {row.get('chapid')}: no text in the dump and no file {path}")
        return _read_text_file(path)

    def _favorites(self) -> None:
        done = ImportedId.mapped(Kind.FAVORITE)
        works = ImportedId.mapped(Kind.STORY)
        for row in self.s.all("favorites"):
            kind = str(row.get("type") or "").upper()
            key = f"{row.get('uid')}:{kind}:{row.get('item')}"
            if key in done:
                self.report.already["favorite"] += 1
                continue
            if self.dry_run:
                self.report.created["favorite"] += 1
                continue
            fan = self._pseud(row.get("uid"))
            if fan is None:
                self.report.problems.append(f"favourite {key}: no such member")
                continue
            with transaction.atomic():
                made = None
                if kind == "ST" and str(row.get("item")) in works:
                    work = Work.objects.get(pk=works[str(row.get("item"))])
                    made = save_bookmark(
                        fan.user, work=work, notes=str(row.get("comments") or ""), private=work.is_draft
                    )
                elif kind == "SE" and str(row.get("item")) in self.series:
                    series = Series.objects.get(pk=self.series[str(row.get("item"))])
                    made = save_bookmark(fan.user, series=series, notes=str(row.get("comments") or ""))
                elif kind == "AU" and self._pseud(row.get("item")):
                    try:
                        made = subscribe(fan.user, author=self._pseud(row.get("item")).user)
                    except Refused as refusal:
                        self.report.problems.append(f"favourite {key}: {refusal}")
                        continue
                if made is None:
                    self.report.problems.append(f"favourite {key}: what it points to was not migrated")
                    continue
                ImportedId.objects.create(kind=Kind.FAVORITE, old_id=key, new_id=made.pk)
                self.report.created["favorite"] += 1


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
