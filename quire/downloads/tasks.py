from django_tasks import task


@task()
def generate_download(file_id: int) -> None:
    """Write one download file (EPUB, PDF...) in the background worker."""
    from .services import generate

    generate(file_id)


@task()
def build_data_export(export_id: int) -> None:
    """Build a person's "download my data" zip and email them the link."""
    from .export import build, prune_expired

    prune_expired()
    build(export_id)
