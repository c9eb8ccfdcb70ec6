from django_tasks import task


@task()
def publish_due_chapters() -> int:
    """Publish scheduled chapters whose time has come (never any earlier)."""
    from .services import run_due_chapters

    return run_due_chapters()
