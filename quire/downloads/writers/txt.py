"""Plain text: the title page, then each chapter under an underlined heading."""

from django.conf import settings

from ..book import Book
from ..xhtml import to_text


def _heading(text: str, mark: str = "=") -> str:
    return f"{text}\n{mark * min(len(text), 72)}"


def _block(label: str, html: str) -> list[str]:
    text = to_text(html)
    return [f"{label}:\n\n{text}", ""] if text else []


def write(book: Book) -> bytes:
    lines: list[str] = []
    if book.is_collection:
        lines += [_heading(book.title), book.collection_byline, book.url, ""]
        lines += _block("Description", book.summary_html)
    for work in book.works:
        lines += [_heading(work.title), f"by {work.byline}", ""]
        lines += [f"{label}: {', '.join(values)}" for label, values in work.metadata]
        lines += [f"Source: {work.url}", ""]
        lines += _block("Summary", work.summary_html)
        lines += _block("Notes", work.notes_begin_html)
        for chapter in work.chapters:
            lines += ["", _heading(chapter.title, "-"), ""]
            lines += _block("Chapter Notes", chapter.notes_begin_html)
            lines += [to_text(chapter.text_html), ""]
            lines += _block("Chapter End Notes", chapter.notes_end_html)
        lines += _block("End Notes", work.notes_end_html)
        lines.append("")
    lines.append(f"Downloaded from {settings.SITE_NAME}.")
    return ("\n".join(lines).strip() + "\n").encode("utf-8")
