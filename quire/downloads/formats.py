"""The download formats, which of them this install can make, and why not."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from .book import Book
from .writers import calibre, epub, html, pdf, txt


@dataclass
class Format:
    key: str
    label: str
    extension: str
    mime: str
    write: Callable[[Book], bytes]
    unavailable: Callable[[], str] = lambda: ""
    # Words up to which a file is generated inside the request instead of the
    # worker (see services.INLINE_WORDS for the measurements behind these).
    inline_words: int = 0
    # Words up to which a client that can't show a progress page (an e-reader app) waits
    # for the file inside its request; past that it is told to come back (503, Retry-After).
    client_inline_words: int = 0

    @property
    def available(self) -> bool:
        return not self.unavailable()


FORMATS = {
    f.key: f
    for f in [
        Format(
            "epub", "EPUB", "epub", "application/epub+zip", epub.write,
            inline_words=150_000, client_inline_words=500_000,
        ),
        # Calibre's start dominates a Kindle file (10+ s whatever the length); an e-reader
        # app waits that long for a novella rather than saving an error as the book.
        Format(
            "azw3", "AZW3", "azw3", "application/vnd.amazon.ebook", calibre.write_azw3, calibre.unavailable_reason,
            client_inline_words=60_000,
        ),
        Format(
            "mobi", "MOBI", "mobi", "application/x-mobipocket-ebook", calibre.write_mobi, calibre.unavailable_reason,
            client_inline_words=60_000,
        ),
        Format(
            "pdf", "PDF", "pdf", "application/pdf", pdf.write, pdf.unavailable_reason,
            inline_words=1_500, client_inline_words=20_000,
        ),
        Format(
            "html", "HTML", "html", "text/html; charset=utf-8", html.write,
            inline_words=150_000, client_inline_words=500_000,
        ),
        Format(
            "txt", gettext_lazy("Plain text"), "txt", "text/plain; charset=utf-8", txt.write,
            inline_words=150_000, client_inline_words=500_000,
        ),
    ]
}


def available_formats() -> list[Format]:
    return [f for f in FORMATS.values() if f.available]


def unavailable_formats() -> list[tuple[Format, str]]:
    return [(f, f.unavailable()) for f in FORMATS.values() if not f.available]
