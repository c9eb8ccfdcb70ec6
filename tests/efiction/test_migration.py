"""`quire efiction import`: an eFiction 3.5 archive becomes works, chapters,
comments, bookmarks, subscriptions and series, once, however often it runs."""

import io
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from quire.accounts.models import Pseud, User
from quire.efiction.fixture import write_archive
from quire.efiction.mapping import Mapping
from quire.efiction.migrate import Migration
from quire.efiction.models import ImportedId
from quire.efiction.staging import Staging
from quire.interactions.models import Bookmark, Comment, Subscription
from quire.search.models import SearchDocument
from quire.tags.models import Tag
from quire.works.models import Chapter, Creatorship, Series, SeriesWork, Work
from tests.factories import make_work


def migrate(folder, *extra) -> str:
    out = io.StringIO()
    call_command(
        "efiction", "import", "--sql", str(folder / "dump.sql"), "--stories", str(folder / "stories"),
        "--mapping", str(folder / "mapping.toml"), *extra, stdout=out, stderr=io.StringIO(),
    )  # fmt: skip
    return out.getvalue()


def snapshot() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (User, Pseud, Work, Chapter, Comment, Bookmark, Subscription, Series, SeriesWork, Creatorship)
    }


def work_for(sid: int) -> Work:
    return Work.objects.get(pk=ImportedId.lookup("story", sid))


def test_archive_migrates_with_counts_equal_to_the_dump(archive, archivist):
    folder, counts = archive
    output = migrate(folder, "--archivist", "openDoors", "--no-invite")

    assert Work.objects.count() == counts.stories
    assert Chapter.objects.count() == counts.chapters
    assert Comment.objects.count() == counts.reviews
    assert Comment.objects.exclude(guest_name="").count() == counts.guest_reviews
    assert Bookmark.objects.filter(work__isnull=False).count() == counts.favorites["ST"]
    assert Bookmark.objects.filter(series__isnull=False).count() == counts.favorites["SE"]
    assert Subscription.objects.filter(author__isnull=False).count() == counts.favorites["AU"]
    assert Series.objects.count() == counts.series
    assert SeriesWork.objects.count() == counts.series_members
    assert Work.objects.filter(is_draft=True).count() == counts.unvalidated
    assert f"story: {counts.stories} in the dump, created {counts.stories}" in output.replace("    ", "")


def test_stories_keep_their_dates_text_tags_and_people(archive, archivist):
    folder, counts = archive
    migrate(folder, "--archivist", "openDoors", "--no-invite")

    # The generator gives story N 1 + N % 3 chapters, so story 8 has three.
    work = work_for(8)
    assert work.published_at == datetime.fromtimestamp(1_104_537_600 + 8 * 86_400 * 3, tz=UTC)
    assert work.updated_at == datetime.fromtimestamp(1_104_537_600 + 8 * 86_400 * 3 + 2 * 86_400 * 10, tz=UTC)
    assert work.chapter_count == 3 and work.expected_chapters == 3  # sid 8 is complete
    assert work_for(7).expected_chapters is None  # and sid 7 is not
    first = work.chapters.get(position=1)
    assert "<i>" in first.text_html or "<em>" in first.text_html
    assert "It's a back\\slash" in first.text_html.replace("&#x27;", "'").replace("&#39;", "'")
    # sid 7 kept its text in files under stories/<uid>/<chapid>.txt.
    assert work_for(7).chapters.get(position=1).word_count > 20
    names = {t.type: set() for t in work.tags.all()}
    for tag in work.tags.all():
        names[tag.type].add(tag.name)
    assert names["fandom"] == {"Starfall Chronicles (TV)"}  # catid 1 for sid % 4 == 0
    assert names["rating"] == {"Mature"}  # rid 1 + 8 % 5 = 4: R
    assert names["character"] == {"Old Maud", "Inspector Hale"}  # charid 1 + 8 % 6 and 1 + 40 % 6
    # Guest reviewers keep their names; members' reviews are theirs.
    guest = Comment.objects.exclude(guest_name="").first()
    assert guest.guest_name.startswith("Passing Reader") and guest.user is None
    assert Comment.objects.filter(user__isnull=False).exists()
    # Co-authors (every ninth story) are credited, both accepted.
    assert work_for(9).creatorships.filter(accepted=True).count() == 2
    assert work_for(8).creatorships.count() == 1
    # Authors get accounts nobody can sign in to until they claim them; the email waits for the claim.
    author = work.accepted_pseuds()[0]
    assert not author.user.has_usable_password()
    assert author.archived_creator.email.endswith("@example.org")
    assert work.archived_by == archivist
    # Search finds it by its text, its tags and its author, though its document was built once.
    document = SearchDocument.objects.get(work=work)
    assert "back\\slash" in document.body and "Old Maud" in document.tags
    assert author.name in document.creators


def test_second_run_changes_nothing(archive, archivist):
    folder, _ = archive
    migrate(folder, "--archivist", "openDoors", "--no-invite")
    before = snapshot()

    output = migrate(folder, "--archivist", "openDoors", "--no-invite")

    assert snapshot() == before
    assert "created 0," in output and "created 60" not in output
    assert "60 already migrated" in output


def test_run_that_fails_part_way_finishes_when_run_again_without_duplicates(archive, archivist):
    folder, counts = archive

    def crash_on_30(story):
        if story["sid"] == 30:
            raise RuntimeError("the server went away")

    with Staging() as staging:
        staging.load(folder / "dump.sql")
        migration = Migration(
            staging, Mapping.load(folder / "mapping.toml"), stories_dir=folder / "stories",
            archivist=archivist, invite=False, before_story=crash_on_30,
        )  # fmt: skip
        with pytest.raises(RuntimeError):
            migration.run()
    assert Work.objects.count() == 29  # stories 1-29 went in, each whole

    migrate(folder, "--archivist", "openDoors", "--no-invite")

    assert Work.objects.count() == counts.stories
    assert Chapter.objects.count() == counts.chapters
    assert Comment.objects.count() == counts.reviews
    assert Work.objects.values("title").distinct().count() == counts.stories


def test_old_addresses_redirect_permanently_to_the_migrated_pages(archive, archivist, client):
    folder, _ = archive
    for n in range(3):  # so Quire's ids differ from eFiction's
        make_work(archivist, f"Already here {n}")
    migrate(folder, "--archivist", "openDoors", "--no-invite")
    work = work_for(8)
    assert work.pk != 8

    response = client.get("/viewstory.php?sid=8")
    assert response.status_code == 301 and response["Location"] == work.get_absolute_url()
    response = client.get("/viewstory.php?sid=8&chapter=2")
    assert response.status_code == 301
    assert response["Location"] == work.chapters.get(position=2).get_absolute_url()
    response = client.get("/viewuser.php?uid=3")
    assert response.status_code == 301
    assert response["Location"] == Pseud.objects.get(pk=ImportedId.lookup("author", 3)).get_absolute_url()
    response = client.get("/series.php?seriesid=2")
    assert response.status_code == 301
    assert response["Location"] == Series.objects.get(pk=ImportedId.lookup("series", 2)).get_absolute_url()
    assert client.get("/series.php?seriesid=999").status_code == 404
    # FanFicFare's printable page is still keyed by Quire's own ids.
    printable = client.get(f"/viewstory.php?sid={work.pk}&action=printable&chapter=all")
    assert printable.status_code == 200 and work.title.replace("'", "&#x27;") in printable.content.decode()


def test_dry_run_says_what_it_would_create_and_what_lacks_a_mapping(archive, archivist):
    folder, counts = archive

    output = migrate(folder, "--dry-run")

    assert Work.objects.count() == 0 and User.objects.count() == 1  # only the archivist
    assert "Dry run" in output
    assert f"would create {counts.stories}" in output
    assert "no mapping for categories: Crossovers" in output
    assert "warnings: Mild Peril" in output
    assert "no mapping for ratings: NC-17" in output
    # Mapped ones are not listed.
    assert "Starfall" not in output and "Character Death" not in output


def test_latin1_dump_reads_accents_and_dashes(tmp_path, archivist):
    folder = tmp_path / "latin"
    counts = write_archive(folder, 12, latin1=True)
    assert b"\xe9" in (folder / "dump.sql").read_bytes()  # é as one Latin-1 byte
    (folder / "mapping.toml").write_text("", encoding="utf-8")

    migrate(folder, "--archivist", "openDoors", "--no-invite")

    assert Work.objects.count() == counts.stories
    assert work_for(6).title == 'The Keeper of Ilse (6) — Wren\'s "Second" Tale'
    assert Tag.objects.filter(name="Léonie Dufresne", type="character").exists()


def test_unreadable_dump_is_refused_with_a_message(tmp_path, archivist):
    folder = tmp_path / "broken"
    (folder / "stories").mkdir(parents=True)
    (folder / "mapping.toml").write_text("", encoding="utf-8")
    (folder / "dump.sql").write_text("INSERT INTO `fanfiction_stories` VALUES (1, 'unterminated;\n", encoding="utf-8")

    with pytest.raises(CommandError, match="Cannot read .*dump.sql"):
        migrate(folder, "--archivist", "openDoors")
    assert Work.objects.count() == 0


def test_bad_mapping_names_the_entry(archive, archivist):
    folder, _ = archive
    (folder / "mapping.toml").write_text('[ratings]\nG = "Gentle"\n', encoding="utf-8")

    with pytest.raises(CommandError, match="'G' maps to 'Gentle'"):
        migrate(folder, "--archivist", "openDoors")


def test_only_an_archivist_can_run_it(archive, archivist):
    folder, _ = archive
    User.objects.filter(pk=archivist.pk).update(is_archivist=False)
    with pytest.raises(CommandError, match="not an archivist"):
        migrate(folder, "--archivist", "openDoors")
    User.objects.filter(pk=archivist.pk).update(is_archivist=True)
    migrate(folder, "--archivist", "openDoors", "--no-invite")
    assert Work.objects.count() == 60
