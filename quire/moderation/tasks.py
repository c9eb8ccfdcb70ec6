"""Emails to creators about review, sent by the worker after the change commits.

Each email is written per recipient, in their language (`speaking`), when it is
sent: the moderator who acted may read the site in another language."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from quire.accounts.language import speaking
from quire.works.models import Work

HELD, APPROVED, REJECTED = "held", "approved", "rejected"
# (subject, body) for each review outcome; %(title)s is the work, %(reason)s the moderator's note.
MESSAGES = {
    HELD: (
        gettext_lazy("“%(title)s” is waiting for a moderator"),
        gettext_lazy(
            "Your work “%(title)s” is posted and waiting for a moderator to review it before others can read it. "
            "You can still read and edit it. We will write again once it has been reviewed."
        ),
    ),
    APPROVED: (
        gettext_lazy("“%(title)s” is now public"),
        gettext_lazy("A moderator approved your work “%(title)s”: readers can find it now."),
    ),
    REJECTED: (
        gettext_lazy("“%(title)s” was not approved"),
        gettext_lazy(
            "A moderator did not approve your work “%(title)s”. Their reason: %(reason)s. You can still read "
            "and edit it; reply to the moderators through the contact page."
        ),
    ),
}


@task()
def email_creators(work_id: int, outcome: str, note: str = "") -> int:
    work = Work.objects.filter(pk=work_id).first()
    if work is None:
        return 0
    subject, body = MESSAGES[outcome]
    sent = 0
    for user in {p.user for p in work.accepted_pseuds()}:
        if user.email and user.is_active:
            with speaking(user):
                params = {"title": work.title, "reason": note or _("none given")}
                send_mail(f"[{settings.SITE_NAME}] {subject % params}", str(body) % params, None, [user.email])
            sent += 1
    return sent
