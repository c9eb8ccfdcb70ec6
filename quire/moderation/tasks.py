"""Emails to creators about review, sent by the worker after the change commits."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from quire.works.models import Work


@task()
def email_creators(work_id: int, subject: str, body: str) -> int:
    work = Work.objects.filter(pk=work_id).first()
    if work is None:
        return 0
    sent = 0
    for user in {p.user for p in work.accepted_pseuds()}:
        if user.email and user.is_active:
            send_mail(f"[{settings.SITE_NAME}] {subject}", body, None, [user.email])
            sent += 1
    return sent
