from django_tasks import task


@task()
def generate_download(file_id: int) -> None:
    """Write one download file (EPUB, PDF...) in the background worker."""
    from .services import generate

    generate(file_id)
