from django.core.management.base import BaseCommand

from quire.works.orphaning import due_deletions, run_due_deletions


class Command(BaseCommand):
    help = (
        "Delete the accounts whose grace period is over, orphaning or deleting each work as its "
        "creator chose. The worker does this on time; this is the fallback (e.g. from cron)."
    )

    def handle(self, *args, **options):
        due = due_deletions().count()
        self.stdout.write(f"{due} account deletion{'s' if due != 1 else ''} due.")
        done = run_due_deletions()
        self.stdout.write(self.style.SUCCESS(f"Finalised {done}."))
