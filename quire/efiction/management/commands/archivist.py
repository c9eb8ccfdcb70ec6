"""`quire archivist NAME [--remove]`: let an account import works for others."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Make an account an archivist (or stop it being one with --remove)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--remove", action="store_true")

    def handle(self, *args, username, remove, **options):
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        user.is_archivist = not remove
        user.save(update_fields=["is_archivist"])
        self.stdout.write(f"{user.username} is {'no longer ' if remove else ''}an archivist.")
