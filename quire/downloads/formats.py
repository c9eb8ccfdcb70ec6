"""The download formats, which of them this install can make, and why not."""

from collections.abc import Callable
from dataclasses import dataclass

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

    @property
    def available(self) -> bool:
        return not self.unavailable()


FORMATS = {
    f.key: f
    for f in [
        Format("epub", "EPUB", "epub", "application/epub+zip", epub.write, inline_words=150_000),
        Format("azw3", "AZW3", "azw3", "application/vnd.amazon.ebook", calibre.write_azw3, calibre.unavailable_reason),
        Format(
            "mobi", "MOBI", "mobi", "application/x-mobipocket-ebook", calibre.write_mobi, calibre.unavailable_reason
        ),
        Format("pdf", "PDF", "pdf", "application/pdf", pdf.write, pdf.unavailable_reason, inline_words=1_500),
        Format("html", "HTML", "html", "text/html; charset=utf-8", html.write, inline_words=150_000),
        Format("txt", "Plain text", "txt", "text/plain; charset=utf-8", txt.write, inline_words=150_000),
    ]
}


def available_formats() -> list[Format]:
    return [f for f in FORMATS.values() if f.available]


def unavailable_formats() -> list[tuple[Format, str]]:
    return [(f, f.unavailable()) for f in FORMATS.values() if not f.available]
