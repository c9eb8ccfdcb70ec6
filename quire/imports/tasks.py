from django_tasks import task


@task()
def run_import_batch(batch_id: int) -> int:
    """Read a batch of uploaded story files into drafts (see services.run_batch)."""
    from .services import run_batch

    return run_batch(batch_id)
