# ruff: noqa: E501  (fixture markup is kept on the lines the archive writes it)
"""AO3 files written the way the archive's own templates lay them out (otwarchive's
works/show, works/_meta, works/_preface, chapters/_chapter and the downloads/ partials),
with all the site chrome a browser saves: header, navigation, kudos, comments, footer.

Every word of story text here is our own. The work is a two-chapter work in progress
("2/?") by two co-creators, in two fandoms and two series, with tags that carry commas
and HTML entities, notes in both places and end notes on a chapter.
"""
from __future__ import annotations

import io
import zipfile

WORK_ID = "48151623"
TITLE = "Salt & Cinder"
CREATORS = ["wren_of_the_weald", "Quill (inkhorn)"]
SUMMARY = "Two keepers, one lamp, and a winter that will not end."
NOTES = "Written for the Lamplight exchange."
END_NOTES = "Thank you for reading this far."
CH1_TITLE = "The Long Watch"
CH1_SUMMARY = "Maren counts the ships."
CH1_NOTES = "Content note: a storm."
CH1_END = "The ship names are invented."
CH2_END = "More soon."
TAGS = {
    "rating": "Mature",
    "warnings": ["Creator Chose Not To Use Archive Warnings", "Major Character Death"],
    "categories": ["F/F", "Gen"],
    "fandoms": ["Harbour Lights (TV)", "The Tidewright Chronicles - R. Vale"],
    "relationships": ["Maren Cole/Ida Fenn", "Maren Cole & Old Tobias"],
    "characters": ["Maren Cole", "Ida Fenn", "Old Tobias"],
    "additional_tags": ["Slow Burn", "Angst, but with a happy ending", "Fluff & Angst",
                        "lighthouse keepers <3"],
}
SERIES = [("Lamplight", 2), ("Harbour Stories", 5)]

_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Salt &amp; Cinder - wren_of_the_weald, Quill (inkhorn) - Harbour Lights (TV) [Archive of Our Own]</title>
<link rel="stylesheet" href="https://archiveofourown.org/stylesheets/site.css">
<script>var x = 1;</script></head>
<body class="logged-out">
<div id="outer" class="wrapper"><ul id="skiplinks"><li><a href="#main">Main Content</a></li></ul>
<header id="header" class="region"><h1 class="heading"><a href="/">Archive of Our Own <sup>beta</sup></a></h1>
<nav aria-label="Site"><ul class="primary navigation actions"><li class="dropdown"><a href="/menu/fandoms">Fandoms</a></li>
<li><a href="/works/search">Search</a></li></ul></nav>
<form class="search" action="/works/search"><input type="text" name="q"></form></header>
<div id="inner" class="wrapper"><div id="main" class="works-show region" role="main">
<ul class="landmark skip"><li><a name="top">&nbsp;</a></li><li><a href="#work">Skip header</a></li></ul>
<div class="work">
<ul class="work navigation actions" role="menu">
<li class="chapter entire"><a href="/works/48151623?view_full_work=true">Entire Work</a></li>
<li class="chapter next"><a href="/works/48151623/chapters/990002#workskin">Next Chapter &#8594;</a></li>
<li class="chapter" aria-haspopup="true"><a href="#" id="chapter_index">Chapter Index</a>
<ul id="chapter_index" class="expandable secondary"><li><form action="/works/48151623/chapters/990001" method="get">
<select name="selected_id" id="selected_id"><option selected value="990001">1. The Long Watch</option>
<option value="990002">2. Chapter 2</option></select></form></li></ul></li>
<li class="comments" id="show_comments_link_top"><a href="/works/48151623?show_comments=true">Comments </a></li>
<li class="share hidden"><a href="/works/48151623/share">Share</a></li>
<li class="download" aria-haspopup="true"><a href="#">Download</a><ul class="expandable secondary">
<li><a href="/downloads/48151623/Salt_Cinder.epub">EPUB</a></li><li><a href="/downloads/48151623/Salt_Cinder.html">HTML</a></li></ul></li>
</ul>
<h3 class="landmark heading">Work Header</h3>
<div class="wrapper">
<dl class="work meta group">
<dt class="rating tags">Rating:</dt>
<dd class="rating tags"><ul class="commas"><li><a class="tag" href="/tags/Mature/works">Mature</a></li></ul></dd>
<dt class="warning tags"><a href="/tos_faq#tags">Archive Warnings</a>:</dt>
<dd class="warning tags"><ul class="commas">
<li><a class="tag" href="/tags/Choose%20Not%20To%20Use%20Archive%20Warnings/works">Creator Chose Not To Use Archive Warnings</a></li>
<li><a class="tag" href="/tags/Major%20Character%20Death/works">Major Character Death</a></li></ul></dd>
<dt class="category tags">Categories:</dt>
<dd class="category tags"><ul class="commas"><li><a class="tag" href="/tags/F*s*F/works">F/F</a></li>
<li><a class="tag" href="/tags/Gen/works">Gen</a></li></ul></dd>
<dt class="fandom tags">Fandoms:</dt>
<dd class="fandom tags"><ul class="commas"><li><a class="tag" href="/tags/Harbour%20Lights%20(TV)/works">Harbour Lights (TV)</a></li>
<li><a class="tag" href="/tags/x/works">The Tidewright Chronicles - R. Vale</a></li></ul></dd>
<dt class="relationship tags">Relationships:</dt>
<dd class="relationship tags"><ul class="commas"><li><a class="tag" href="/tags/a/works">Maren Cole/Ida Fenn</a></li>
<li><a class="tag" href="/tags/b/works">Maren Cole &amp; Old Tobias</a></li></ul></dd>
<dt class="character tags">Characters:</dt>
<dd class="character tags"><ul class="commas"><li><a class="tag" href="/tags/c/works">Maren Cole</a></li>
<li><a class="tag" href="/tags/d/works">Ida Fenn</a></li><li><a class="tag" href="/tags/e/works">Old Tobias</a></li></ul></dd>
<dt class="freeform tags">Additional Tags:</dt>
<dd class="freeform tags"><ul class="commas"><li><a class="tag" href="/tags/f/works">Slow Burn</a></li>
<li><a class="tag" href="/tags/g/works">Angst, but with a happy ending</a></li>
<li><a class="tag" href="/tags/h/works">Fluff &amp; Angst</a></li>
<li><a class="tag" href="/tags/i/works">lighthouse keepers &lt;3</a></li></ul></dd>
<dt class="language">Language:</dt>
<dd class="language" lang="en">English</dd>
<dt class="series">Series:</dt>
<dd class="series">
<span class="series"><span class="position">Part 2 of <a href="/series/1111">Lamplight</a></span>
<a class="previous" href="/works/1">&#8592;Previous Work</a><span class="divider"> </span><a class="next" href="/works/3">Next Work&#8594;</a></span>
<span class="series"><span class="position">Part 5 of <a href="/series/2222">Harbour Stories</a></span>
<a class="previous" href="/works/4">&#8592;Previous Work</a></span>
</dd>
<dt class="stats">Stats:</dt>
<dd class="stats"><dl class="stats">
<dt class="published">Published:</dt><dd class="published">2022-02-03</dd>
<dt class="status">Updated:</dt><dd class="status">2022-06-19</dd>
<dt class="words">Words:</dt><dd class="words">1,204</dd>
<dt class="chapters">Chapters:</dt><dd class="chapters"><a href="/works/48151623/chapters/990002">2</a>/?</dd>
<dt class="comments">Comments:</dt><dd class="comments">14</dd>
<dt class="kudos">Kudos:</dt><dd class="kudos">210</dd>
<dt class="bookmarks">Bookmarks:</dt><dd class="bookmarks"><a href="/works/48151623/bookmarks">31</a></dd>
<dt class="hits">Hits:</dt><dd class="hits">4,021</dd>
</dl></dd>
</dl>
</div>
<div id="work-skin" class="wrapper">
<div id="workskin">
<div class="preface group">
<h2 class="title heading">
    Salt &amp; Cinder
</h2>
<h3 class="byline heading">
<a rel="author" href="/users/wren_of_the_weald/pseuds/wren_of_the_weald">wren_of_the_weald</a>, <a rel="author" href="/users/inkhorn/pseuds/Quill">Quill (inkhorn)</a>
</h3>
"""

_WORK_PREFACE_NOTES = """<div class="summary module">
<h3 class="heading">Summary:</h3>
<blockquote class="userstuff"><p>Two keepers, one lamp, and a winter that will not end.</p></blockquote>
</div>
<div class="notes module">
<h3 class="heading">Notes:</h3>
<ul class="associations"><li>For <a href="/gifts?recipient=someone">someone</a>.</li></ul>
<blockquote class="userstuff"><p>Written for the Lamplight exchange.</p></blockquote>
<p class="jump">(See the end of the work for <a href="/works/48151623/chapters/990002#work_endnotes">more notes</a>.)</p>
</div>
"""

_CHAPTER_1 = """<div class="chapter" id="chapter-1">
<div class="chapter preface group">
<h3 class="title"><a href="/works/48151623/chapters/990001">Chapter 1</a>: The Long Watch</h3>
<div id="summary" class="summary module">
<h3 class="heading">Summary:</h3>
<blockquote class="userstuff"><p>Maren counts the ships.</p></blockquote>
</div>
<div id="notes" class="notes module">
<h3 class="heading">Notes:</h3>
<blockquote class="userstuff"><p>Content note: a storm.</p></blockquote>
<p>
(See the end of the chapter for  <a href="#chapter_1_endnotes">more notes</a>.)
</p>
</div>
</div>
<div class="userstuff module" role="article">
<h3 class="landmark heading" id="work">Chapter Text</h3>
<p>The lamp had to be trimmed at <em>exactly</em> the turn of the tide, Maren said.</p>
<p>Ida did not believe her, and said so, and trimmed it anyway.</p>
<p><i>Forty ships</i>, she wrote in the log. <i>Forty, and one more in the fog.</i></p>
<hr>
<p>By morning the fog had gone and the sea was flat as slate.</p>
</div>
<div class="chapter preface group">
<div class="end notes module" id="chapter_1_endnotes">
<h3 class="heading">Notes:</h3>
<blockquote class="userstuff"><p>The ship names are invented.</p></blockquote>
</div>
</div>
</div>
"""

_CHAPTER_2 = """<div class="chapter" id="chapter-2">
<div class="chapter preface group">
<h3 class="title"><a href="/works/48151623/chapters/990002">Chapter 2</a></h3>
<h4 class="heading byline">Chapter by <a rel="author" href="/users/inkhorn/pseuds/Quill">Quill (inkhorn)</a></h4>
<div id="notes" class="notes module">
<h3 class="heading">Notes:</h3>
<p>
(See the end of the chapter for  <a href="#chapter_2_endnotes">notes</a>.)
</p>
</div>
</div>
<div class="userstuff module" role="article">
<h3 class="landmark heading" id="work">Chapter Text</h3>
<p>Old Tobias came up the stairs with a kettle and <em>opinions</em>.</p>
<p>&#8220;You two,&#8221; he said, &#8220;will freeze before spring.&#8221;</p>
</div>
<div class="chapter preface group">
<div class="end notes module" id="chapter_2_endnotes">
<h3 class="heading">Notes:</h3>
<blockquote class="userstuff"><p>More soon.</p></blockquote>
</div>
</div>
</div>
"""

_AFTERWORD = """<div class="afterword preface group">
<div id="work_endnotes" class="end notes module">
<h3 class="heading">Notes:</h3>
<blockquote class="userstuff"><p>Thank you for reading this far.</p></blockquote>
</div>
<div id="series" class="series module"><h3 class="heading">Series this work belongs to:</h3>
<ul><li><span class="series"><span class="position">Part 2 of <a href="/series/1111">Lamplight</a></span></span></li></ul></div>
</div>
"""

_TAIL = """</div></div></div>
<div id="feedback" class="feedback">
<h3 class="landmark heading">Actions</h3>
<ul class="actions" role="navigation"><li><a href="#main">&#8593; Top</a></li>
<li><form id="new_kudo" action="/kudos" method="post"><input value="48151623" type="hidden" name="kudo[commentable_id]">
<input type="submit" value="Kudos &#9829;"></form></li></ul>
<div id="kudos"><p class="kudos">someone and 209 more users left kudos on this work!</p></div>
<div id="comments_placeholder"><h3 class="heading">Comments</h3>
<ol class="thread"><li class="comment"><blockquote class="userstuff"><p>I love this so much!</p></blockquote></li></ol></div>
</div>
</div></div>
<footer id="footer" role="contentinfo" class="region"><h3 class="landmark heading">Footer</h3>
<ul class="navigation actions"><li><a href="/about">About the Archive</a></li></ul></footer>
</div></body></html>
"""


def full_work_page() -> str:
    """The whole work, saved from ?view_full_work=true."""
    return (_HEAD + _WORK_PREFACE_NOTES + "</div>\n<div id=\"chapters\" role=\"article\">\n"
            + _CHAPTER_1 + _CHAPTER_2 + "</div>\n" + _AFTERWORD + _TAIL)


def chapter_two_page() -> str:
    """Only chapter 2, saved from its own chapter page: the preface has the title and byline
    but not the work's summary or notes; the last chapter carries the work's end notes."""
    return (_HEAD + "</div>\n<div id=\"chapters\">\n" + _CHAPTER_2 + "</div>\n" + _AFTERWORD + _TAIL)


_DL_PREFACE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Salt &amp; Cinder</title>
<link rel="stylesheet" type="text/css" href="stylesheet.css"></head>
<body>
<div id="preface">
<h2 class="toc-heading">Preface</h2>
<p class="message"><b>Salt &amp; Cinder</b><br>
Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://archiveofourown.org/works/48151623">https://archiveofourown.org/works/48151623</a>.</p>
<div class="meta">
<dl class="tags">
<dt>Rating:</dt><dd><a href="https://archiveofourown.org/tags/Mature">Mature</a></dd>
<dt>Archive Warnings:</dt><dd><a href="t">Creator Chose Not To Use Archive Warnings</a>, <a href="t">Major Character Death</a></dd>
<dt>Categories:</dt><dd><a href="t">F/F</a>, <a href="t">Gen</a></dd>
<dt>Fandoms:</dt><dd><a href="t">Harbour Lights (TV)</a>, <a href="t">The Tidewright Chronicles - R. Vale</a></dd>
<dt>Relationships:</dt><dd><a href="t">Maren Cole/Ida Fenn</a>, <a href="t">Maren Cole &amp; Old Tobias</a></dd>
<dt>Characters:</dt><dd><a href="t">Maren Cole</a>, <a href="t">Ida Fenn</a>, <a href="t">Old Tobias</a></dd>
<dt>Additional Tags:</dt><dd><a href="t">Slow Burn</a>, <a href="t">Angst, but with a happy ending</a>, <a href="t">Fluff &amp; Angst</a>, <a href="t">lighthouse keepers &lt;3</a></dd>
<dt>Language:</dt><dd>English</dd>
<dt>Series:</dt><dd>Part 2 of <a href="https://archiveofourown.org/series/1111">Lamplight</a>, Part 5 of <a href="https://archiveofourown.org/series/2222">Harbour Stories</a></dd>
<dt>Stats:</dt>
<dd>
Published: 2022-02-03
Updated: 2022-06-19
Words: 1,204
Chapters: 2/?
</dd>
</dl>
<h1>Salt &amp; Cinder</h1>
<div class="byline">by <a rel="author" href="https://archiveofourown.org/users/wren_of_the_weald/pseuds/wren_of_the_weald">wren_of_the_weald</a>, <a rel="author" href="https://archiveofourown.org/users/inkhorn/pseuds/Quill">Quill (inkhorn)</a></div>
<p>Summary</p>
<blockquote class="userstuff"><p>Two keepers, one lamp, and a winter that will not end.</p></blockquote>
<p>Notes</p>
<blockquote class="userstuff"><p>Written for the Lamplight exchange.</p></blockquote>
<div class="endnote-link">See the end of the work for <a href="#endnotes">more notes</a></div>
</div>
</div>
"""

_DL_CHAPTERS = """<div id="chapters" class="userstuff">
<div class="meta group">
<h2 class="heading">Chapter 1: The Long Watch</h2>
<p>Chapter Summary</p>
<blockquote class="userstuff"><p>Maren counts the ships.</p></blockquote>
<p>Chapter Notes</p>
<blockquote class="userstuff"><p>Content note: a storm.</p></blockquote>
<div class="endnote-link">See the end of the chapter for <a href="#endnotes1">more notes</a></div>
</div>
<!--chapter content-->
<div class="userstuff">
<p>The lamp had to be trimmed at <em>exactly</em> the turn of the tide, Maren said.</p>
<p>Ida did not believe her, and said so, and trimmed it anyway.</p>
<p><i>Forty ships</i>, she wrote in the log. <i>Forty, and one more in the fog.</i></p>
<hr>
<p>By morning the fog had gone and the sea was flat as slate.</p>
</div>
<!--/chapter content-->
<div class="meta" id="endnotes1">
<p>Chapter End Notes</p>
<blockquote class="userstuff"><p>The ship names are invented.</p></blockquote>
</div>
<div class="meta group">
<h2 class="heading">Chapter 2</h2>
<p class="byline">Chapter by <a rel="author" href="https://archiveofourown.org/users/inkhorn/pseuds/Quill">Quill (inkhorn)</a></p>
<p>Chapter Notes</p>
<div class="endnote-link">See the end of the chapter for <a href="#endnotes2">notes</a></div>
</div>
<!--chapter content-->
<div class="userstuff">
<p>Old Tobias came up the stairs with a kettle and <em>opinions</em>.</p>
<p>&#8220;You two,&#8221; he said, &#8220;will freeze before spring.&#8221;</p>
</div>
<!--/chapter content-->
<div class="meta" id="endnotes2">
<p>Chapter End Notes</p>
<blockquote class="userstuff"><p>More soon.</p></blockquote>
</div>
</div>
"""

_DL_AFTERWORD = """<div id="afterword">
<h2 class="toc-heading">Afterword</h2>
<div class="meta">
<div id="endnotes">
<p>End Notes</p>
<blockquote class="userstuff"><p>Thank you for reading this far.</p></blockquote>
</div>
</div>
<p class="message">Please <a href="https://archiveofourown.org/works/48151623/comments/new">drop by the Archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>
</body></html>
"""


def html_download() -> str:
    return _DL_PREFACE + _DL_CHAPTERS + _DL_AFTERWORD


def _calibre(markup: str, italic_spans: bool = False) -> str:
    """Calibre's conversion renames every class (calibre1, calibre2, ...); the author's
    <em>/<i> stay, with a class of their own."""
    import re
    names: dict[str, str] = {}

    def rename(m: re.Match[str]) -> str:
        key = m.group(1)
        names.setdefault(key, f"calibre{len(names) + 1}")
        return f'class="{names[key]}"'
    out = re.sub(r'class="([^"]*)"', rename, markup)
    if italic_spans:
        out = re.sub(r"<(em|i)>(.*?)</\1>", r'<span class="calibre_it">\2</span>', out)
    else:
        out = re.sub(r"<(em|i)>", lambda m: f'<{m.group(1)} class="calibre_it">', out)
    return out.replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">')


def epub_download(italic_spans: bool = False) -> bytes:
    """An EPUB the way AO3 builds one: Calibre splits the HTML download into parts at the
    preface, each chapter and the afterword, and renames the classes. `italic_spans`: the
    italics carried as spans whose class the EPUB's stylesheet makes italic."""
    parts = [_DL_PREFACE + "</body></html>",
             "<html><head><title>x</title></head><body>" + _DL_CHAPTERS.split('<div class="meta group">\n<h2 class="heading">Chapter 2')[0]
             + "</div></body></html>",
             "<html><head><title>x</title></head><body><div class=\"userstuff\"><div class=\"meta group\">\n<h2 class=\"heading\">Chapter 2"
             + _DL_CHAPTERS.split('<h2 class="heading">Chapter 2')[1] + "</body></html>",
             "<html><head><title>x</title></head><body>" + _DL_AFTERWORD]
    parts = [_calibre(p.replace("<hr>", "<hr/>"), italic_spans) for p in parts]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>""")
        items = "".join(f'<item id="p{i}" href="Salt_Cinder_split_{i:03d}.xhtml" media-type="application/xhtml+xml"/>'
                        for i in range(len(parts)))
        items += '<item id="css" href="stylesheet.css" media-type="text/css"/>'
        zf.writestr("stylesheet.css", ".calibre1 { display: block }\n"
                    "p.calibre2, .calibre_it { font-style: italic; margin: 0 }\n")
        spine = "".join(f'<itemref idref="p{i}"/>' for i in range(len(parts)))
        zf.writestr("content.opf", f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Salt &amp; Cinder</dc:title>
<dc:creator>wren_of_the_weald</dc:creator><dc:creator>Quill (inkhorn)</dc:creator>
<dc:publisher>Archive of Our Own</dc:publisher><dc:language>en</dc:language>
<dc:identifier id="id">https://archiveofourown.org/works/48151623</dc:identifier></metadata>
<manifest>{items}</manifest><spine>{spine}</spine></package>""")
        for i, p in enumerate(parts):
            zf.writestr(f"Salt_Cinder_split_{i:03d}.xhtml", '<?xml version="1.0" encoding="utf-8"?>\n' + p)
    return buf.getvalue()


ONESHOT_TEXT = "The gulls had the harbour to themselves by noon."


def oneshot_download() -> str:
    """An unchaptered work posted anonymously: the download heads its text with the work's
    title rather than "Chapter 1", and the byline names no account."""
    preface = (_DL_PREFACE.replace("Chapters: 2/?", "Chapters: 1/1")
               .replace("Updated: 2022-06-19\n", "")
               .replace(_DL_PREFACE[_DL_PREFACE.index('<div class="byline">'):_DL_PREFACE.index("</div>\n<p>Summary")],
                        '<div class="byline">by Anonymous'))
    chapters = ('<div id="chapters" class="userstuff">\n<h2 class="toc-heading">Salt &amp; Cinder</h2>\n'
                f'<div class="userstuff"><p>{ONESHOT_TEXT}</p><p>Ida <em>laughed</em>.</p></div>\n</div>\n')
    return preface + chapters + _DL_AFTERWORD


def page_with_hidden_tags() -> str:
    """Saved by a reader who hides warnings and additional tags: each list holds only the
    archive's "Show ..." link."""
    import re
    page = full_work_page()
    for kind, label in (("warning", "warnings"), ("freeform", "additional tags")):
        toggle = (f'<dd class="{kind} tags"><ul class="commas"><li id="work_48151623_category_{kind}"><strong>'
                  f'<a data-remote="true" href="/tags/show_hidden?creation_id=48151623&amp;creation_type=Work'
                  f'&amp;tag_type={kind}s">Show {label}</a></strong></li></ul></dd>')
        page = re.sub(rf'<dd class="{kind} tags">.*?</dd>', toggle, page, count=1, flags=re.S)
    return page


def page_with_gift_and_no_notes() -> str:
    """A gift work with no notes of its own: the notes module holds only the archive's
    dedication line and its pointer to the end notes."""
    return full_work_page().replace(
        '<blockquote class="userstuff"><p>Written for the Lamplight exchange.</p></blockquote>\n', "", 1)


def adult_notice_page() -> str:
    """What a visitor who has not said "Proceed" saves: the archive's caution and a blurb."""
    top = _HEAD[:_HEAD.index('<ul class="landmark skip">')]
    return top + """<h2 class="landmark heading">Adult Content Warning</h2>
<p class="caution notice">This work could have adult content. If you continue, you have agreed that you are willing to see such content.</p>
<ul class="actions"><li><a href="/works/48151623?view_adult=true">Yes, Continue</a></li><li><a href="javascript:history.back()">No, Go Back</a></li></ul>
<p class="message footnote">If you accept cookies from our site and you choose "Yes, Continue", you will not be asked again during this session (that is, until you close your browser).</p>
<ol class="work index group"><li class="work blurb group"><div class="header module"><h4 class="heading"><a href="/works/48151623">Salt &amp; Cinder</a> by <a rel="author" href="/users/wren_of_the_weald">wren_of_the_weald</a></h4></div>
<blockquote class="userstuff summary"><p>Two keepers, one lamp, and a winter that will not end.</p></blockquote></li></ol>
</div></div></div></body></html>
"""
