"""PDF through WeasyPrint, from the single-file HTML. WeasyPrint needs the Pango
library from the operating system; without it the format is offered nowhere and
`unavailable_reason` says why."""

import logging
from functools import cache

from ..book import Book
from . import html


@cache
def unavailable_reason() -> str:
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return "PDF downloads need the WeasyPrint package (pip install weasyprint)."
    except OSError as exc:  # the Python package is there but Pango is not
        return f"PDF downloads need the Pango library (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0): {exc}"
    return ""


def _refuse_fetch(url: str, *args, **kwargs):
    # Never fetch anything while rendering: remote images are already links, and
    # a fetch would let an author make the server request any URL.
    raise ValueError(f"PDF rendering does not load {url}")


def write(book: Book) -> bytes:
    import weasyprint

    # WeasyPrint logs each layout step at INFO, which would flood the worker's log.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.WARNING)

    page = html.render(book, images="link", extra_css=html.PRINT_CSS)
    return weasyprint.HTML(string=page, url_fetcher=_refuse_fetch, base_url=book.url).write_pdf()
