"""EPUB 3 written directly with zipfile and templates (no converter): a package
document with Dublin Core metadata and the `calibre:series` meta e-reader
software reads, a navigation document and an NCX for older readers, a title
page, and one XHTML file per chapter with its notes in place."""

import io
import zipfile
from datetime import UTC

from django.conf import settings
from django.template.loader import get_template
from django.utils.html import escape

from ..book import Book, chapter_fragment

CSS = """body { font-family: serif; line-height: 1.4; margin: 0 0.5em; }
h1.title { text-align: center; margin: 1em 0 0.3em; }
p.byline { text-align: center; font-style: italic; }
dl.meta dt { font-weight: bold; margin-top: 0.4em; }
dl.meta dd { margin-left: 1.5em; }
div.notes { border: 1px solid #999; padding: 0 0.6em; margin: 1em 0; }
h2.heading { text-align: center; margin: 1em 0; }
table { border-collapse: collapse; }
td, th { border: 1px solid #999; padding: 0.2em 0.4em; }
hr { margin: 1.5em auto; width: 30%; }
p.generator { font-size: smaller; text-align: center; margin-top: 2em; }
"""

_STAMP = (2020, 1, 1, 0, 0, 0)  # a fixed date in the zip, so the same work gives the same bytes


def _ncx_points(book: Book) -> list[str]:
    order = 0
    points = []

    def point(anchor: str, href: str, label: str, children: str = "") -> str:
        nonlocal order
        order += 1
        return (
            f'<navPoint id="np-{anchor}" playOrder="{order}"><navLabel><text>{escape(label)}</text></navLabel>'
            f'<content src="{href}"/>{children}</navPoint>'
        )

    for part in book.works:
        if book.is_collection:
            head = point(part.anchor, f"{part.anchor}-title.xhtml", part.title)
            children = "".join(point(c.anchor, f"{c.anchor}.xhtml", c.title) for c in part.chapters)
            points.append(head.replace("</navPoint>", children + "</navPoint>", 1) if children else head)
        else:
            points += [point(c.anchor, f"{c.anchor}.xhtml", c.title) for c in part.chapters]
    return points


def write(book: Book) -> bytes:
    context = {"book": book, "site_name": settings.SITE_NAME}
    updated = book.updated or book.published
    context["modified"] = updated.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if updated else "2020-01-01T00:00:00Z"
    parts = []
    files = []
    pages: list[tuple[str, str]] = []
    chapter_template = get_template("downloads/epub/chapter.xhtml")
    work_title_template = get_template("downloads/epub/work_title.xhtml")
    for work in book.works:
        part = {
            "title": work.title,
            "anchor": work.anchor,
            "byline": work.byline,
            "url": work.url,
            "metadata": work.metadata,
            "summary": chapter_fragment(work.summary_html),
            "notes_begin": chapter_fragment(work.notes_begin_html),
            "chapters": work.chapters,
        }
        parts.append(part)
        if book.is_collection:
            files.append({"id": f"{work.anchor}-title"})
            pages.append((f"{work.anchor}-title.xhtml", work_title_template.render({**context, "part": part})))
        end_notes = chapter_fragment(work.notes_end_html)
        for index, chapter in enumerate(work.chapters):
            files.append({"id": chapter.anchor})
            page = chapter_template.render(
                {
                    **context,
                    "chapter": {
                        "anchor": chapter.anchor,
                        "title": chapter.title,
                        "notes_begin": chapter_fragment(chapter.notes_begin_html),
                        "text": chapter_fragment(chapter.text_html),
                        "notes_end": chapter_fragment(chapter.notes_end_html),
                    },
                    "work_end_notes": end_notes if index == len(work.chapters) - 1 else "",
                }
            )
            pages.append((f"{chapter.anchor}.xhtml", page))
    context.update(
        parts=parts,
        files=files,
        first_file=files[0]["id"] if files else "title",
        series_summary=chapter_fragment(book.summary_html) if book.is_collection else "",
        ncx=_ncx_points(book),
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype entry must come first and be stored uncompressed (OCF 3.0, 4.3).
        archive.writestr(zipfile.ZipInfo("mimetype", _STAMP), "application/epub+zip", zipfile.ZIP_STORED)

        def add(name: str, text: str) -> None:
            archive.writestr(zipfile.ZipInfo(name, _STAMP), text.encode("utf-8"), zipfile.ZIP_DEFLATED, 6)

        add(
            "META-INF/container.xml",
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
            '<rootfiles><rootfile full-path="OEBPS/content.opf"'
            ' media-type="application/oebps-package+xml"/></rootfiles>\n'
            "</container>\n",
        )
        add("OEBPS/content.opf", get_template("downloads/epub/content.opf").render(context))
        add("OEBPS/toc.ncx", get_template("downloads/epub/toc.ncx").render(context))
        add("OEBPS/nav.xhtml", get_template("downloads/epub/nav.xhtml").render(context))
        add("OEBPS/title.xhtml", get_template("downloads/epub/title.xhtml").render(context))
        add("OEBPS/style.css", CSS)
        for name, text in pages:
            add(f"OEBPS/{name}", text)
    return buffer.getvalue()
