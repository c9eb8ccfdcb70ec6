"""load(): every file format a fan might upload, and a clear refusal for the rest."""
import io
import time
import zipfile

import pytest

from quire.understanding import AnalyzeError, load

AO3_PAGE = """<!DOCTYPE html><html><head><title>Tidewater - Archive</title></head><body>
<div id="workskin"><div class="preface group"><h2 class="title heading">Tidewater</h2>
<h3 class="byline heading"><a rel="author">saltwriter</a></h3>
<div class="summary module"><h3 class="heading">Summary:</h3>
<blockquote class="userstuff"><p>Nell keeps the lighthouse. Then the ships stop coming.</p></blockquote></div>
<div class="notes module"><h3 class="heading">Notes:</h3>
<blockquote class="userstuff"><p>Written for the winter exchange. I don't own Saltmarsh.</p></blockquote></div></div>
<div id="chapters" role="article">
<div class="chapter" id="chapter-1"><div class="chapter preface group" role="complementary">
<h3 class="title"><a href="/works/1/chapters/1">Chapter 1</a>: The Lamp</h3></div>
<div class="userstuff module" role="article"><h3 class="landmark heading" id="work">Chapter Text</h3>
<p>The lamp needed oil every night.</p><p>Nell climbed the stairs anyway.</p><hr>
<p>In the morning, the sea was flat.</p></div>
<div class="chapter preface group" role="complementary"><div class="end notes module">
<h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Second part soon!</p></blockquote></div></div></div>
<div class="chapter" id="chapter-2"><div class="chapter preface group" role="complementary">
<h3 class="title"><a href="/works/1/chapters/2">Chapter 2</a></h3>
<div class="notes module"><blockquote class="userstuff"><p>This one is sadder, sorry.</p></blockquote></div></div>
<div class="userstuff module" role="article"><p>A ship came at last.</p></div></div></div>
<div class="afterword preface group"><div id="work_endnotes" class="end notes module">
<blockquote class="userstuff"><p>Thank you for reading.</p></blockquote></div></div>
</div></body></html>"""

FFN_PAGE = """<html><body><div id="profile_top"><b class="xcontrast_txt">Paper Boats</b>
<a href="/u/1/">foldwright</a><div class="xcontrast_txt">Two kids race paper boats down a flooded street.</div>
<span class="xgray">Rated: Fiction K - English</span></div>
<select id="chap_select"><option value="1">1. Rain</option><option value="2" selected>2. The Drain</option></select>
<div id="storytext" class="storytext"><p>A/N: thanks for the follows everyone!</p>
<p>Pim's boat was faster, but Tove's boat was braver.</p><p>It went straight into the drain.</p>
</div></body></html>"""


def test_generic_html_page_gives_paragraphs_chapters_and_scene_breaks():
    html = ("<html><body><h2>Chapter 1</h2><p>The bridge <i>creaked</i>.</p><p>Nobody crossed."
            "</p><hr/><p>At dawn<br>they crossed.</p><h2>Chapter 2</h2><p>The river rose.</p>"
            "<script>var x = 1;</script></body></html>")
    s = load(html.encode(), "story.html").structure
    assert [c.title for c in s.chapters] == ["Chapter 1", "Chapter 2"]
    assert s.chapters[0].text == "The bridge creaked.\n\nNobody crossed.\n\nAt dawn\nthey crossed."
    assert s.chapters[0].scene_breaks == 1
    assert "var x" not in s.chapters[1].text


def test_broken_html_is_read_leniently():
    html = b"<p>The moth found the lamp.<p>It circled <b>twice</div> and landed.</i></span><p>Dark"
    doc = load(html, "broken.htm")
    assert doc.structure.chapters[0].paragraphs == [
        "The moth found the lamp.", "It circled twice and landed.", "Dark"]


def test_ao3_work_page_is_split_by_its_markup():
    doc = load(AO3_PAGE.encode(), "tidewater.html")
    s = doc.structure
    assert doc.format == "ao3"
    assert s.title == "Tidewater"
    assert s.summary == "Nell keeps the lighthouse. Then the ships stop coming."
    assert s.notes_begin == "Written for the winter exchange. I don't own Saltmarsh."
    # AO3 numbers chapters itself: the title is the author's part of "Chapter 1: The Lamp".
    assert [c.title for c in s.chapters] == ["The Lamp", None]
    assert s.chapters[0].text.startswith("The lamp needed oil")
    assert "Chapter Text" not in s.chapters[0].text
    assert s.chapters[0].scene_breaks == 1
    assert s.chapters[0].notes_end == "Second part soon!"
    assert s.chapters[1].notes_begin == "This one is sadder, sorry."
    assert s.notes_end == "Thank you for reading."


def test_ffn_chapter_page_gives_summary_title_and_in_text_notes():
    doc = load(FFN_PAGE.encode(), "paper.html")
    s = doc.structure
    assert doc.format == "ffn"
    assert s.title == "Paper Boats"
    assert s.summary == "Two kids race paper boats down a flooded street."
    assert s.notes_begin == "thanks for the follows everyone!"
    assert s.chapters[0].title == "The Drain"
    assert s.chapters[0].text.startswith("Pim's boat was faster")


def _docx_bytes(paragraphs):
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    def para(style, text):
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

    body = "".join(para(style, text) for style, text in paragraphs)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
    return buf.getvalue()


def test_docx_paragraphs_and_heading_styles():
    data = _docx_bytes([(None, "Author's Note: my first fic for this fandom, please review!"),
                        ("Heading1", "Chapter 1: Frost"), (None, "The pond froze overnight."),
                        (None, "* * *"), (None, "Kasia skated until dark.")])
    s = load(data, "frost.docx").structure
    assert s.notes_begin == "my first fic for this fandom, please review!"
    assert s.chapters[0].title == "Chapter 1: Frost"
    assert s.chapters[0].text == "The pond froze overnight.\n\nKasia skated until dark."
    assert s.chapters[0].scene_breaks == 1


def _epub_bytes(chapters):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml",
                   '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                   '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                   "</rootfiles></container>")
        items = "".join(f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>'
                        for i in range(len(chapters)))
        spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
        z.writestr("OEBPS/content.opf",
                   '<package xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                   f"<metadata><dc:title>Orchard Lines</dc:title></metadata><manifest>{items}</manifest>"
                   f"<spine>{spine}</spine></package>")
        for i, (title, paras) in enumerate(chapters):
            body = "".join(f"<p>{p}</p>" for p in paras)
            z.writestr(f"OEBPS/c{i}.xhtml", f'<html xmlns="http://www.w3.org/1999/xhtml"><body>'
                       f"<h1>{title}</h1>{body}</body></html>")
    return buf.getvalue()


def test_epub_chapters_in_spine_order_with_book_title():
    data = _epub_bytes([("Chapter 1", ["Pears first.", "Then apples."]),
                        ("Chapter 2", ["The cider press broke."])])
    s = load(data, "orchard.epub").structure
    assert s.title == "Orchard Lines"
    assert [c.title for c in s.chapters] == ["Chapter 1", "Chapter 2"]
    assert s.chapters[1].text == "The cider press broke."


def test_encodings_utf8_bom_utf16_and_windows_1252(tmp_path):
    text = "Zoë walked to the café — “again”, she said.\n"
    for enc, data in (("utf-8-sig", text.encode("utf-8-sig")), ("utf-16", text.encode("utf-16")),
                      ("cp1252", text.encode("cp1252"))):
        s = load(data, f"story-{enc}.txt").structure
        assert s.chapters[0].text == text.strip(), enc


@pytest.mark.parametrize("data,expected", [
    (b"", "is empty"),
    (b"  \n\n  ", "is empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    (bytes(range(256)) * 20, "binary"),
    (bytes(range(128, 256)) * 8, "encoding could not be recognised"),
    (b"PK\x03\x04" + bytes(50), "damaged"),
])
def test_unreadable_files_give_a_clear_error_naming_the_file(data, expected):
    with pytest.raises(AnalyzeError) as err:
        load(data, "upload.txt")
    assert "upload.txt" in str(err.value)
    assert expected in str(err.value)


def test_zip_that_is_neither_docx_nor_epub_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photos/cat.jpg", "not really")
    with pytest.raises(AnalyzeError, match="neither a .docx nor an .epub"):
        load(buf.getvalue(), "holiday.zip")


def test_huge_file_is_refused_quickly_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # sparse: 50 MB on paper, nothing written
        fh.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    with pytest.raises(AnalyzeError) as err:
        load(big)
    assert time.perf_counter() - start < 0.5
    assert "huge.txt" in str(err.value) and "50.0 MB" in str(err.value)


def test_missing_file_says_so(tmp_path):
    with pytest.raises(AnalyzeError, match="no such file"):
        load(tmp_path / "nope.txt")
