# ruff: noqa: E501 - markup written as the sites write it, one element a line
"""Story files in AO3's and FanFiction.Net's markup, built by the tests.

The markup follows what those sites write (learned from otwarchive's download and work
views); every word of prose, every name and the fandom are our own invention.
"""

import io
import re
import zipfile
from html import escape

TITLE = "The Lamplighter's Ledger"
AUTHOR = "quillfeather"
WORK_ID = "48151623"
SERIES = "Tidewater Nights"
SERIES_ID = "2718"
TAGS = {
    "Rating": ["Teen And Up Audiences"],
    "Archive Warning": ["Creator Chose Not To Use Archive Warnings"],
    "Category": ["F/F"],
    "Fandom": ["Harbour Lights (TV)"],
    "Relationship": ["Maren Cole/Ida Fenn"],
    "Characters": ["Maren Cole", "Ida Fenn", "Old Tobias"],
    "Additional Tags": ["Slow Burn", "Lighthouses", "Found Family"],
}
SUMMARY = "Maren keeps the light. Ida keeps the books. Neither keeps a secret for long."
NOTES = "Written for the winter exchange. My thanks to a patient beta."
END_NOTES = "Thank you for reading to the last lamp."
PUBLISHED, COMPLETED = "2021-03-04", "2021-05-16"

CHAPTERS = [
    {
        "title": "Low Tide",
        "summary": "In which a ledger turns up where it should not.",
        "notes": "This one fought me all the way.",
        "end_notes": "",
        "body": (
            "<p>The ledger was <em>wet</em>, which was the first wrong thing about it.</p>\n"
            "<p>Maren turned the pages with the care she gave the lamp glass. "
            "<strong>Forty years</strong> of weather, written in a hand she almost knew.</p>\n"
            "<hr />\n"
            "<p>Ida found her there at dawn, asleep over the book, one finger still on a line.</p>"
        ),
    },
    {
        "title": "The Second Lamp",
        "summary": "",
        "notes": "",
        "end_notes": "The lamp in this chapter is based on a real lens design.",
        "body": (
            "<p>\u201cThere was never a second lamp,\u201d Old Tobias said, and would not look at them.</p>\n"
            "<p>Ida wrote it down anyway. She wrote everything down; it was <i>her job</i>, "
            "and also, she suspected, her nature.</p>\n"
            "<blockquote><p>Light shown at midnight. No ship answered.</p></blockquote>"
        ),
    },
    {
        "title": "",
        "summary": "",
        "notes": "",
        "end_notes": "",
        "body": (
            "<p>In the end the ledger went back on the shelf, dry now, with a new page at the back.</p>\n"
            "<p>Maren signed it first--then Ida, who for once let someone else <em>keep the record</em>.</p>"
        ),
    },
]
WORDS = 126  # AO3 would count these chapters at 126 words (its rule: see lib/text.py)


def _tag_links(names, base="https://archiveofourown.org"):
    return ", ".join(f'<a class="tag" href="{base}/tags/{escape(n)}">{escape(n)}</a>' for n in names)


def _chapter_heading(number, ch):
    return f"Chapter {number}" + (f": {escape(ch['title'])}" if ch["title"] else "")


def download_html() -> str:
    """AO3's HTML download of the work (downloads/show with preface, chapters, afterword)."""
    dl = "".join(f"<dt>{k}:</dt>\n<dd>{_tag_links(v)}</dd>\n" for k, v in TAGS.items())
    dl += "<dt>Language:</dt>\n<dd>English</dd>\n"
    dl += (f'<dt>Series:</dt>\n<dd>Part 2 of\n<a href="https://archiveofourown.org/series/{SERIES_ID}">'
           f"{SERIES}</a></dd>\n")
    dl += (f"<dt>Stats:</dt>\n<dd>\n  Published: {PUBLISHED}\n  Completed: {COMPLETED}\n"
           f"  Words: {WORDS}\n  Chapters: 3/3\n</dd>\n")
    chapters = []
    for n, ch in enumerate(CHAPTERS, start=1):
        meta = f'<div class="meta group">\n<h2 class="heading">{_chapter_heading(n, ch)}</h2>\n'
        if ch["summary"]:
            meta += f'<p>Chapter Summary</p>\n<blockquote class="userstuff"><p>{ch["summary"]}</p></blockquote>\n'
        if ch["notes"] or ch["end_notes"]:
            meta += "<p>Chapter Notes</p>\n"
            if ch["notes"]:
                meta += f'<blockquote class="userstuff"><p>{ch["notes"]}</p></blockquote>\n'
            if ch["end_notes"]:
                meta += (f'<div class="endnote-link">See the end of the chapter for '
                         f'<a href="#endnotes{n}">notes</a></div>\n')
        meta += "</div>\n"
        body = f'<div class="userstuff">{ch["body"]}</div>\n'
        end = ""
        if ch["end_notes"]:
            end = (f'<div class="meta" id="endnotes{n}">\n<p>Chapter End Notes</p>\n'
                   f'<blockquote class="userstuff"><p>{ch["end_notes"]}</p></blockquote>\n</div>\n')
        chapters.append(meta + body + end)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(TITLE)} - {AUTHOR} - Harbour Lights (TV) [Archive of Our Own]</title>
<style>body {{ font-family: serif; }}</style></head>
<body>
<div id="preface">
  <h2 class="toc-heading">Preface</h2>
  <p class="message">
    <b>{escape(TITLE)}</b><br/>
    Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a> at
    <a href="http://archiveofourown.org/works/{WORK_ID}">http://archiveofourown.org/works/{WORK_ID}</a>.
  </p>
  <div class="meta">
    <dl class="tags">
{dl}    </dl>
    <h1>{escape(TITLE)}</h1>
    <div class="byline">by <a rel="author" href="http://archiveofourown.org/users/{AUTHOR}/pseuds/{AUTHOR}">{AUTHOR}</a></div>
    <p>Summary</p>
    <blockquote class="userstuff"><p>{SUMMARY}</p></blockquote>
    <p>Notes</p>
    <blockquote class="userstuff"><p>{NOTES}</p></blockquote>
    <div class="endnote-link">See the end of the work for <a href="#endnotes">more notes</a></div>
  </div>
</div>
<div id="chapters" class="userstuff">
{"".join(chapters)}</div>
<div id="afterword">
  <h2 class="toc-heading">Afterword</h2>
  <div class="meta">
    <div id="endnotes">
      <p>End Notes</p>
      <blockquote class="userstuff"><p>{END_NOTES}</p></blockquote>
    </div>
  </div>
  <p class="message">Please <a href="http://archiveofourown.org/works/{WORK_ID}/comments/new">drop by the
  Archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>
</body></html>"""


def _calibre_classes(markup: str) -> str:
    """Calibre rewrites class names when it builds the EPUB; ids survive."""
    counter = iter(range(1, 10_000))
    return re.sub(r'class="[^"]*"', lambda m: f'class="calibre{next(counter)}"', markup)


def epub_bytes() -> bytes:
    """AO3's EPUB: the HTML download split by Calibre into a preface file, one file per
    chapter and an afterword file, with Calibre's class names."""
    html = download_html()
    body = html.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    preface = body.split('<div id="chapters"', 1)[0]
    chapters_part = body.split('<div id="chapters" class="userstuff">', 1)[1].split('<div id="afterword">', 1)[0]
    chapters_part = chapters_part.rsplit("</div>", 1)[0]
    afterword = '<div id="afterword">' + body.split('<div id="afterword">', 1)[1]
    pieces = chapters_part.split('<div class="meta group">')[1:]
    files = [preface] + [
        f'<div class="userstuff"><div class="meta group">{p}</div>' if i == 0 else f'<div class="meta group">{p}'
        for i, p in enumerate(pieces)
    ] + [afterword]
    # A split file repeats the chapters wrapper, without its id.
    files = [files[0]] + [f'<div class="userstuff">{f}</div>' if i else f'<div id="chapters" class="userstuff">{f}</div>'
                          for i, f in enumerate(files[1:-1])] + [files[-1]]

    def xhtml(inner: str) -> str:
        return ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
                f'<head><title>{escape(TITLE)}</title></head><body class="calibre">'
                + _calibre_classes(inner.replace("<br/>", "<br />").replace("<hr />", "<hr />"))
                + "</body></html>")

    names = [f"text/part{i:04d}.html" for i in range(len(files))]
    manifest = "".join(f'<item id="p{i}" href="{n}" media-type="application/xhtml+xml"/>' for i, n in enumerate(names))
    spine = "".join(f'<itemref idref="p{i}"/>' for i in range(len(names)))
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:title>{escape(TITLE)}</dc:title><dc:creator opf:role="aut">{AUTHOR}</dc:creator>
<dc:publisher>Archive of Our Own</dc:publisher><dc:language>en</dc:language>
<dc:subject>Fanworks</dc:subject><dc:subject>Slow Burn</dc:subject>
<meta name="calibre:series" content="{SERIES}"/><meta name="calibre:series_index" content="2"/>
<dc:identifier id="uid">urn:uuid:00000000-0000-4000-8000-000000000001</dc:identifier>
</metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>"""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" '
                    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                    '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
                    "</rootfiles></container>")
        zf.writestr("content.opf", opf)
        for name, inner in zip(names, files, strict=True):
            zf.writestr(name, xhtml(inner))
    return buf.getvalue()


def _page_dl() -> str:
    classes = {"Rating": "rating", "Archive Warning": "warning", "Category": "category", "Fandom": "fandom",
               "Relationship": "relationship", "Characters": "character", "Additional Tags": "freeform"}
    out = ""
    for label, names in TAGS.items():
        c = classes[label]
        items = "".join(f'<li><a class="tag" href="/tags/{escape(n)}/works">{escape(n)}</a></li>' for n in names)
        out += f'<dt class="{c} tags">{label}:</dt>\n<dd class="{c} tags"><ul class="commas">{items}</ul></dd>\n'
    out += '<dt class="language">Language:</dt>\n<dd class="language" lang="en">English</dd>\n'
    out += (f'<dt class="series">Series:</dt>\n<dd class="series"><span class="series">'
            f'<a class="previous" href="/works/1">\u2190 Previous Work</a> <span class="position">Part 2 of '
            f'<a href="/series/{SERIES_ID}">{SERIES}</a></span> </span></dd>\n')
    out += (f'<dt class="stats">Stats:</dt>\n<dd class="stats"><dl class="stats">'
            f'<dt class="published">Published:</dt><dd class="published">{PUBLISHED}</dd>'
            f'<dt class="status">Completed:</dt><dd class="status">{COMPLETED}</dd>'
            f'<dt class="words">Words:</dt><dd class="words">{WORDS}</dd>'
            f'<dt class="chapters">Chapters:</dt><dd class="chapters">3/3</dd>'
            f'<dt class="kudos">Kudos:</dt><dd class="kudos">12</dd>'
            f'<dt class="hits">Hits:</dt><dd class="hits">345</dd></dl></dd>\n')
    return out


def _page_chapter(n: int, ch: dict) -> str:
    title = (f'<h3 class="title"><a href="/works/{WORK_ID}/chapters/{900 + n}">Chapter {n}</a>'
             + (f": {escape(ch['title'])}" if ch["title"] else "") + "</h3>")
    pre = title
    if ch["summary"]:
        pre += (f'<div id="summary" class="summary module"><h3 class="heading">Summary:</h3>'
                f'<blockquote class="userstuff"><p>{ch["summary"]}</p></blockquote></div>')
    if ch["notes"] or ch["end_notes"]:
        pre += '<div id="notes" class="notes module"><h3 class="heading">Notes:</h3>'
        if ch["notes"]:
            pre += f'<blockquote class="userstuff"><p>{ch["notes"]}</p></blockquote>'
        if ch["end_notes"]:
            pre += f'<p class="jump">(See the end of the chapter for <a href="#chapter_{n}_endnotes">more notes</a>.)</p>'
        pre += "</div>"
    end = ""
    if ch["end_notes"]:
        end = (f'<div class="chapter preface group" role="complementary"><div id="chapter_{n}_endnotes" '
               f'class="end notes module"><h3 class="heading">Notes:</h3><blockquote class="userstuff">'
               f'<p>{ch["end_notes"]}</p></blockquote></div></div>')
    return (f'<div class="chapter" id="chapter-{n}"><div class="chapter preface group" role="complementary">{pre}</div>'
            f'<div class="userstuff module" role="article"><h3 class="landmark heading" id="work">Chapter Text</h3>'
            f'{ch["body"]}</div>{end}</div>')


def work_page(chapter: int | None = None) -> str:
    """An AO3 work page saved from the browser: the whole work, or one chapter of it."""
    shown = [(n, ch) for n, ch in enumerate(CHAPTERS, start=1) if chapter is None or n == chapter]
    chapters = "".join(_page_chapter(n, ch) for n, ch in shown)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(TITLE)} - Chapter 1 - {AUTHOR} - Harbour Lights (TV) [Archive of Our Own]</title>
<script>var x = 1;</script></head><body>
<ul id="skiplinks"><li><a href="#main">Main Content</a></li></ul>
<div id="header"><h1 class="heading"><a href="/">Archive of Our Own</a></h1></div>
<div id="main" class="works-show region"><ul class="work navigation actions">
<li class="chapter"><a href="/works/{WORK_ID}/navigate">Chapter Index</a></li></ul>
<div class="wrapper"><dl class="work meta group">
{_page_dl()}</dl></div>
<div id="workskin">
<div class="preface group"><h2 class="title heading">{escape(TITLE)}</h2>
<h3 class="byline heading"><a rel="author" href="/users/{AUTHOR}/pseuds/{AUTHOR}">{AUTHOR}</a></h3>
<div class="summary module"><h3 class="heading">Summary:</h3><blockquote class="userstuff"><p>{SUMMARY}</p></blockquote></div>
<div class="notes module"><h3 class="heading">Notes:</h3>
<p class="jump">(See the end of the work for <a href="#work_endnotes">more notes</a>.)</p>
<blockquote class="userstuff"><p>{NOTES}</p></blockquote></div></div>
<div id="chapters">{chapters}</div>
<div class="afterword preface group"><div id="work_endnotes" class="end notes module"><h3 class="heading">Notes:</h3>
<blockquote class="userstuff"><p>{END_NOTES}</p></blockquote></div></div>
</div>
<div id="feedback"><form action="/works/{WORK_ID}/kudos" method="post"><input type="submit" value="Kudos"></form></div>
</div></body></html>"""


FFN_ID = "13579246"


def ffn_page() -> str:
    """A FanFiction.Net chapter page saved from the browser (chapter 2 of 3, complete)."""
    return f"""<!DOCTYPE html><html><head><title>The Salt Road Chapter 2: Crossing, a Harbour Lights fanfic | FanFiction</title></head>
<body><div id="pre_story_links"><span class="lc-left"><a class="xcontrast_txt" href="/tv/">TV Shows</a>
<span class="xcontrast_txt icon-chevron-right xicon-section-arrow"></span>
<a class="xcontrast_txt" href="/tv/Harbour-Lights/">Harbour Lights</a></span></div>
<div id="profile_top"><b class="xcontrast_txt">The Salt Road</b>
<span class="xcontrast_txt">By:</span> <a class="xcontrast_txt" href="/u/555/Gullwing">Gullwing</a>
<div class="xcontrast_txt" style="margin-top:2px">Two keepers, one road, and a storm that will not wait.</div>
<span class="xgray xcontrast_txt">Rated: <a class="xcontrast_txt" href="https://www.fictionratings.com/">Fiction  T</a>
 - English - Adventure/Hurt/Comfort - [Maren C., Ida F.] Old Tobias - Chapters: 3 - Words: 4,210 -
 Reviews: <a href="/r/{FFN_ID}/">17</a> - Favs: 9 - Follows: 11 - Updated: <span data-xutime="1620000000">May 3, 2021</span>
 - Published: <span data-xutime="1609502400">Jan 1, 2021</span> - Status: Complete - id: {FFN_ID} </span></div>
<select id="chap_select" title="Chapter Navigation"><option value="1">1. Setting Out</option>
<option value="2" selected>2. Crossing</option><option value="3">3. Home</option></select>
<div class="storytext xcontrast_txt nocopy" id="storytext"><p>The road ran along the cliff like a
<em>thread</em> pulled tight.</p><p>Maren walked it in silence; Ida talked enough for both of them.</p></div>
</body></html>"""


HEADER_POST = """Title: Small Hours
Author: nightjar_writes
Fandom: Harbour Lights (TV)
Pairing: Maren Cole/Ida Fenn
Characters: Maren Cole, Ida Fenn
Rating: PG-13
Warnings: No Archive Warnings Apply
Word count: 61
Summary: The lamp goes out at three in the morning, and so do the excuses.
Notes: For the ficlet meme. Unbeta'd.
Disclaimer: Not mine, no profit made.

The lamp went out at three in the morning.

Maren was up the stairs before she was awake, and Ida was a step behind her, carrying the spare wick and a
grudge about being woken. Neither of them said anything at the top. There was nothing that needed saying.
"""


def _zip(files: dict[str, str], first: tuple[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        if first:
            zf.writestr(zipfile.ZipInfo(first[0]), first[1])
        for name, text in files.items():
            zf.writestr(name, text)
    return buf.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bytes() -> bytes:
    """A Word file written the way Word writes one: two chapters under Heading 1, a run in
    italics, one in bold, one underlined."""
    def para(*runs: str, style: str | None = None) -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{ppr}{''.join(runs)}</w:p>"

    def run(text: str, *marks: str) -> str:
        marks = tuple('u w:val="single"' if m == "u" else m for m in marks)  # as Word writes underline
        rpr = "<w:rPr>" + "".join(f"<w:{m}/>" for m in marks) + "</w:rPr>" if marks else ""
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    body = "".join([
        para(run("Chapter 1: Fog"), style="Heading1"),
        para(run("The fog came in "), run("sideways", "i"), run(", which fog is not supposed to do.")),
        para(run("Maren lit the lamp "), run("early", "b"), run(" and wrote the time in the ledger.")),
        para(run("Chapter 2: Clear"), style="Heading1"),
        para(run("By morning the sea was "), run("flat", "u"), run(" and the gulls were back, loud as ever.")),
    ])
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}'
                "</w:body></w:document>")
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>')
    return _zip({
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "word/document.xml": document,
        "word/styles.xml": styles,
    })


def odt_bytes() -> bytes:
    """An OpenDocument text as LibreOffice writes one: automatic styles for italic and bold
    spans and a centred paragraph, a heading per chapter."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"')
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ns}><office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
</office:automatic-styles><office:body><office:text>
<text:h text:outline-level="1">Chapter 1: Driftwood</text:h>
<text:p>Ida collected <text:span text:style-name="T1">driftwood</text:span> the way other people collected stamps.</text:p>
<text:p>Each piece went on the <text:span text:style-name="T2">long shelf</text:span>, labelled in her small hand.</text:p>
<text:p text:style-name="P1">* * *</text:p>
<text:p>Maren never asked what the labels said.<text:line-break/>She read them anyway, at night.</text:p>
<text:h text:outline-level="1">Chapter 2: Shelf</text:h>
<text:p>The shelf broke in <text:a xlink:href="https://example.org/storm">the March storm</text:a>, and they built a better one.</text:p>
</office:text></office:body></office:document-content>"""
    return _zip({"content.xml": content, "META-INF/manifest.xml": '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'},
                first=("mimetype", "application/vnd.oasis.opendocument.text"))
