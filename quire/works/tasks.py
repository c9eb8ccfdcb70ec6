from django_tasks import task


@task()
def publish_due_chapters() -> int:
    """Publish scheduled chapters whose time has come (never any earlier)."""
    from .services import run_due_chapters

    return run_due_chapters()


@task()
def send_claim_invitation(archived_id: int, to: str) -> None:
    """Email an archived creator the link to claim or orphan their works."""
    from .claiming import send_claim_email
    from .models import ArchivedCreator

    archived = ArchivedCreator.objects.filter(pk=archived_id).select_related("pseud", "archivist").first()
    if archived is not None and not archived.is_settled:
        send_claim_email(archived, to)


@task()
def finalise_due_deletions() -> int:
    """Delete the accounts whose grace period is over (never any earlier)."""
    from .orphaning import run_due_deletions

    return run_due_deletions()
