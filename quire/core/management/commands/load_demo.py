"""`quire load_demo`: fill an empty archive with the demo content (idempotent)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from quire.accounts import policies
from quire.accounts.models import Pseud, User
from quire.core import demo, demo_library
from quire.tags.canon import CanonRow, import_canon
from quire.works import services
from quire.works.models import Chapter, Series, Work


class Command(BaseCommand):
    help = "Load the demo users and works (skipped when they are already there)."

    def handle(self, *args, **options):
        if User.objects.filter(username=demo.USERS[0][0]).exists():
            self.stdout.write("Demo content is already loaded.")
            self._print_accounts()
            return
        library = demo_library.generated_works(demo.HANDWRITTEN_CANON)
        with transaction.atomic():
            # The canon first: the works' fandom, character and relationship tags are then
            # canonical, and Post from text links names in a pasted story to them.
            rows = demo.canon_rows({**demo.HANDWRITTEN_CANON, **demo_library.canon()})
            import_canon(CanonRow(n, kind, name, fandom, aliases)
                         for n, (kind, name, fandom, aliases) in enumerate(rows, start=1))
            users = self._users()
            series = {}
            # The generated library first: the handwritten works, posted last, open the
            # newest-first listings and the home page.
            specs = [*library, *demo.WORKS]
            for n, spec in enumerate(specs, start=1):
                self._work(spec, users, series, draft=False)
                if n % 20 == 0 or n == len(specs):
                    self.stdout.write(f"  {n} of {len(specs)} works posted")
            self._work(demo.DRAFT, users, series, draft=True)
        fandoms = len(demo.HANDWRITTEN_CANON) + len(demo_library.FANDOMS)
        self.stdout.write(self.style.SUCCESS(
            f"Loaded {len(specs)} works in {fandoms} fandoms, and a draft."
        ))
        self._print_accounts()

    def _print_accounts(self):
        self.stdout.write(f"Demo accounts (password {demo.DEMO_PASSWORD!r} for every one):")
        for username, _, flag in demo.STAFF:
            role = "moderator" if flag == "is_moderator" else "tag wrangler"
            self.stdout.write(f"  {username:<14} {role}")
        authors = [u for u, _, _ in [*demo.USERS, *demo_library.EXTRA_USERS]]
        self.stdout.write(f"  {', '.join(authors)}: authors and readers")

    def _users(self):
        users = {}
        for username, bio, flag in demo.STAFF:
            User.objects.create_user(username, f"{username}@demo.invalid", demo.DEMO_PASSWORD, bio=bio, **{flag: True})
        for username, bio, pseuds in [*demo.USERS, *demo_library.EXTRA_USERS]:
            user = User.objects.create_user(username, f"{username}@demo.invalid", demo.DEMO_PASSWORD, bio=bio)
            policies.accept_current(user)  # the demo users start ready to use, not at the terms prompt
            for name in pseuds:
                if name.lower() != username.lower():
                    Pseud.objects.create(user=user, name=name)
            users[username] = user
        return users

    def _work(self, spec, users, series, *, draft):
        author = users[spec["author"]]
        work = Work.objects.create(
            title=spec["title"],
            summary=spec.get("summary", ""),
            notes_begin=spec.get("notes_begin", ""),
            notes_end=spec.get("notes_end", ""),
            restricted=spec.get("restricted", False),
            anonymous=spec.get("anonymous", False),
            expected_chapters=spec.get("expected"),
        )
        services.add_creator(work, author.default_pseud, accepted=True)
        services.set_tags(work, {
            "rating": [spec["rating"]],
            "warning": spec["warnings"],
            "category": spec.get("categories", []),
            "fandom": spec["fandoms"],
            "character": spec.get("characters", []),
            "relationship": spec.get("relationships", []),
            "freeform": spec.get("freeforms", []),
        })
        for position, (title, text) in enumerate(spec["chapters"], start=1):
            Chapter.objects.create(work=work, position=position, title=title or "", text=text)
        if not draft:
            services.post_work(work)
        if "series" in spec:
            name, position = spec["series"]
            if name not in series:
                series[name] = Series.objects.create(title=name, summary=demo.SERIES[name])
                series[name].creators.add(author.default_pseud)
            services.set_series(work, series[name], position)
        if "scheduled" in spec:
            title, text = spec["scheduled"]
            chapter = Chapter.objects.create(
                work=work, position=work.chapters.count() + 1, title=title, text=text
            )
            services.schedule_chapter(chapter, timezone.now() + timedelta(days=1))
