"""`quire messages`: keep the translation catalogues in step with the source.

    quire messages                 update every catalogue from the source, then compile
    quire messages works accounts  only these apps' catalogues ("site" is quire/locale:
                                   the site-wide templates and modules outside the apps)
    quire messages --check         change nothing; fail, listing them, if a marked string
                                   has no translation or a compiled .mo is out of date

Each app keeps its own catalogue in quire/<app>/locale/<lang>/LC_MESSAGES/django.po,
so two people translating two apps never edit the same file. Locations are kept per
file, not per line, so moving code does not rewrite the catalogue. Needs GNU gettext
(xgettext, msgmerge, msgfmt: Debian's `gettext` package)."""

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

import quire

PACKAGE = Path(quire.__file__).resolve().parent
SITE = "site"
# Packages with no interface text: their strings are for logs and developers.
NO_INTERFACE = {"bench", "understanding", "__pycache__", "locale", "templates", "static"}


def catalogue_dirs(root: Path = PACKAGE) -> dict[str, Path]:
    """{name: directory whose locale/ holds its catalogue}: every app, and "site"."""
    apps = {
        path.name: path for path in sorted(root.iterdir())
        if path.is_dir() and path.name not in NO_INTERFACE and (path / "apps.py").exists()
    }
    return {SITE: root, **apps}


def target_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@contextmanager
def _inside(directory: Path):
    before = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(before)


def update(root: Path, names: list[str], languages: list[str], verbosity: int = 0) -> None:
    dirs = catalogue_dirs(root)
    apps = [name for name in dirs if name != SITE]
    for name in names:
        directory = dirs[name]
        (directory / "locale").mkdir(exist_ok=True)
        # The site catalogue skips the apps' directories: each app has its own.
        ignore = ["bench", "understanding", *apps] if name == SITE else []
        with _inside(directory):
            call_command(
                "makemessages", locale=languages, ignore_patterns=ignore, no_obsolete=True,
                add_location="file", verbosity=verbosity,
            )


def compile_all(root: Path, verbosity: int = 0) -> None:
    with _inside(root):
        call_command("compilemessages", ignore_patterns=["__pycache__"], verbosity=verbosity)


def problems(root: Path, committed: Path, names: list[str], languages: list[str]) -> list[str]:
    """What is wrong with the committed catalogues, read against a fresh extraction
    made under `root` (a copy of the package)."""
    found = []
    dirs = catalogue_dirs(root)
    for name in names:
        for lang in languages:
            relative = dirs[name].relative_to(root) / "locale" / lang / "LC_MESSAGES" / "django.po"
            fresh_path, po_path = root / relative, committed / relative
            if not fresh_path.exists():
                continue  # nothing marked in this app
            where = po_path.relative_to(committed.parent)
            if not po_path.exists():
                found.append(f"{where}: missing; run `quire messages {name}` and translate it")
                continue
            po = polib.pofile(str(po_path))
            translated = {(e.msgctxt, e.msgid) for e in po if e.translated() and not e.obsolete}
            for entry in polib.pofile(str(fresh_path)):
                if (entry.msgctxt, entry.msgid) not in translated:
                    found.append(f"{where}: no translation for {entry.msgid!r} "
                                 f"(from {', '.join(f for f, _ in entry.occurrences) or '?'})")
            mo_path = po_path.with_suffix(".mo")
            if not mo_path.exists():
                found.append(f"{where.with_suffix('.mo')}: missing; run `quire messages` to compile it")
                continue
            compiled = {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
                        for e in polib.mofile(str(mo_path))}
            for entry in po.translated_entries():
                want = (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
                if compiled.get((entry.msgctxt, entry.msgid)) != want:
                    found.append(f"{where.with_suffix('.mo')}: out of date with its .po; run `quire messages`")
                    break
    return found


def clashes(root: Path, languages: list[str]) -> list[str]:
    """One string, two translations in two apps' catalogues: Django uses whichever
    catalogue it finds first, so one of them is never shown. Give the two uses a
    context (pgettext, `{% translate … context … %}`) or one translation."""
    found = []
    for lang in languages:
        seen: dict[tuple[str | None, str], dict[str, str]] = {}
        for po_path in sorted(root.rglob(f"locale/{lang}/LC_MESSAGES/django.po")):
            app = po_path.parents[3].name
            for entry in polib.pofile(str(po_path)):
                if entry.translated() and not entry.msgid_plural:
                    seen.setdefault((entry.msgctxt, entry.msgid), {})[app] = entry.msgstr
        for (context, msgid), by_app in sorted(seen.items(), key=lambda item: item[0][1]):
            if len(set(by_app.values())) > 1:
                where = "; ".join(f"{app}: {text!r}" for app, text in sorted(by_app.items()))
                label = f"{msgid!r}" + (f" (context {context!r})" if context else "")
                found.append(f"{lang}: {label} is translated two ways ({where}): give the uses a "
                             "context, or one translation")
    return found


class Command(BaseCommand):
    help = "Update the translation catalogues from the source and compile them (--check: only verify)."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help='apps to update (default: all, and "site")')
        parser.add_argument("--check", action="store_true", help="change nothing; fail on untranslated strings")

    def handle(self, *args, names=(), check=False, verbosity=1, **options):
        if shutil.which("xgettext") is None:
            raise CommandError("GNU gettext is not installed (xgettext is missing). On Debian: apt-get install gettext")
        known = catalogue_dirs()
        unknown = [name for name in names if name not in known]
        if unknown:
            raise CommandError(f"Unknown app {', '.join(unknown)}: choose from {', '.join(known)}")
        names = list(names) or list(known)
        languages = target_languages()
        if not check:
            update(PACKAGE, names, languages, verbosity=max(verbosity - 1, 0))
            compile_all(PACKAGE, verbosity=max(verbosity - 1, 0))
            for line in problems_in_place(names, languages):
                self.stdout.write(line)
            return
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / "quire"
            shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.po", "*.mo"))
            update(copy, names, languages)
            found = problems(copy, PACKAGE, names, languages) + clashes(PACKAGE, languages)
        for line in found:
            self.stderr.write(line)
        if found:
            raise CommandError(
                f"{len(found)} problem(s) in the translation catalogues: translate the strings in the "
                ".po files named above, then run `quire messages` to compile them."
            )
        self.stdout.write("Every marked string is translated and compiled.")


def problems_in_place(names, languages) -> list[str]:
    """After an update: the strings still waiting for a translator."""
    waiting = []
    dirs = catalogue_dirs()
    for name in names:
        for lang in languages:
            po_path = dirs[name] / "locale" / lang / "LC_MESSAGES" / "django.po"
            if po_path.exists():
                po = polib.pofile(str(po_path))
                left = len(po.untranslated_entries()) + len(po.fuzzy_entries())
                if left:
                    waiting.append(f"{po_path.relative_to(PACKAGE.parent)}: {left} string(s) to translate")
    return waiting
