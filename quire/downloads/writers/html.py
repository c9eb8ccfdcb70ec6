"""One self-contained HTML file: styles inline, images left at their URLs (a
browser loads them when online), chapter anchors for the contents list.
The PDF writer renders the same page."""

from django.conf import settings
from django.template.loader import render_to_string

from ..book import Book, chapter_fragment
from .epub import CSS

PRINT_CSS = """@page { size: A5; margin: 18mm 15mm; @bottom-center { content: counter(page); font-size: 9pt; } }
article.work, section.chapter { break-before: page; }
nav.toc { break-after: page; }
a { color: inherit; }
"""


def context(book: Book, images: str) -> dict:
    parts = []
    for work in book.works:
        parts.append(
            {
                "title": work.title,
                "anchor": work.anchor,
                "byline": work.byline,
                "url": work.url,
                "metadata": work.metadata,
                "summary": chapter_fragment(work.summary_html, images),
                "notes_begin": chapter_fragment(work.notes_begin_html, images),
                "notes_end": chapter_fragment(work.notes_end_html, images),
                "chapters": [
                    {
                        "anchor": c.anchor,
                        "title": c.title,
                        "notes_begin": chapter_fragment(c.notes_begin_html, images),
                        "text": chapter_fragment(c.text_html, images),
                        "notes_end": chapter_fragment(c.notes_end_html, images),
                    }
                    for c in work.chapters
                ],
            }
        )
    return {
        "book": book,
        "parts": parts,
        "site_name": settings.SITE_NAME,
        "series_summary": chapter_fragment(book.summary_html) if book.is_collection else "",
        "css": CSS + "body { max-width: 40em; margin: 0 auto; padding: 0 1em; }\n",
    }


def render(book: Book, images: str = "keep", extra_css: str = "") -> str:
    data = context(book, images)
    data["css"] += extra_css
    return render_to_string("downloads/book.html", data)


def write(book: Book) -> bytes:
    return render(book).encode("utf-8")
