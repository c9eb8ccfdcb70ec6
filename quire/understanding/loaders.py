"""`load(path_or_bytes, filename)`: read a story file of any common kind into a Structure.

Formats: plain text, Markdown, HTML (AO3/FFN pages included), .docx and .epub (both are
zip files of XML, read with the standard library). Every failure is an AnalyzeError whose
message names the file and says what to do; nothing here lets a traceback through.
"""
from __future__ import annotations

import codecs
import io
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from . import ao3 as ao3_reader
from . import odt
from .headers import apply_header, split_header
from .htmlparse import inner_html, paragraphs, parse_html, sel
from .model import AnalyzeError, Structure
from .sites import LongParagraph, check_paragraphs, html_structure
from .structure import classify, parse, parse_items

MAX_BYTES = 10 * 1024 * 1024
# Decompressed size allowed inside a docx/epub: guards against zip bombs.
MAX_UNZIPPED = 60 * 1024 * 1024

_MAGIC = [
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"\x1f\x8b", "a gzip archive"), (b"MZ", "a program"),
    (b"\x7fELF", "a program"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file"), (b"{\\rtf", "an RTF document"),
    (b"ID3", "an audio file"), (b"OggS", "an audio file"), (b"RIFF", "a media file"),
]
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]
_HTML_RE = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<p[\s>]|<div[\s>]|<br\s*/?>",
                      re.IGNORECASE)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Document:
    name: str
    format: str      # text | markdown | html | ao3 | ffn | docx | epub
    text: str        # the readable text the analyzer worked on (evidence quotes it)
    structure: Structure


def load(source: str | os.PathLike[str] | bytes, filename: str | None = None,
         max_bytes: int = MAX_BYTES) -> Document:
    """Read a file (path) or its bytes and parse it; raise AnalyzeError when it cannot."""
    if isinstance(source, bytes):
        name = filename or "the uploaded file"
        data = source
        if len(data) > max_bytes:
            raise AnalyzeError(_too_big(name, len(data), max_bytes))
    else:
        path = Path(source)
        name = filename or str(path)
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise AnalyzeError(f"{name}: not a file. Give the path of a story file.")
            if size > max_bytes:  # refused before reading a byte
                raise AnalyzeError(_too_big(name, size, max_bytes))
            data = path.read_bytes()
        except FileNotFoundError:
            raise AnalyzeError(f"{name}: no such file. Check the path and try again.") from None
        except PermissionError:
            raise AnalyzeError(f"{name}: permission denied. Make the file readable.") from None
        except IsADirectoryError:
            raise AnalyzeError(f"{name}: is a folder. Give the path of a story file.") from None
        except OSError as exc:
            raise AnalyzeError(f"{name}: cannot be read ({exc.strerror}).") from None
    return _load_bytes(data, name)


EBOOK_EXTENSIONS = {".mobi", ".azw3", ".azw", ".pdf", ".prc"}
CONVERT_SECONDS = 120


def _ebook_to_epub(data: bytes, name: str, ext: str) -> bytes:
    """MOBI, AZW3 and PDF through Calibre's ebook-convert (as AO3 makes them), when installed."""
    tool = shutil.which("ebook-convert")
    if tool is None:
        raise AnalyzeError(f"{name}: {ext.lstrip('.').upper()} files need Calibre's ebook-convert, which this "
                           "server does not have. Download the EPUB or HTML version instead, or convert the "
                           "file to EPUB with Calibre and upload that.")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"book{ext if ext in EBOOK_EXTENSIONS else '.mobi'}"
        target = Path(tmp) / "book.epub"
        source.write_bytes(data)
        try:
            subprocess.run([tool, str(source), str(target)], capture_output=True,  # noqa: S603 - fixed argv
                           timeout=CONVERT_SECONDS, check=True)
        except (subprocess.SubprocessError, OSError):
            raise AnalyzeError(f"{name}: Calibre could not convert this file. Download the EPUB or HTML "
                               "version instead.") from None
        if not target.is_file():
            raise AnalyzeError(f"{name}: Calibre could not convert this file. Download the EPUB or HTML "
                               "version instead.")
        return target.read_bytes()


def _long_paragraph(name: str, length: int) -> str:
    return (f"{name}: one paragraph is {length:,} characters long with no line break, which no story has. "
            "Check this is the story file; if it is, put a blank line between its paragraphs and try again.")


def _too_big(name: str, size: int, limit: int) -> str:
    return (f"{name}: the file is {size / 1048576:.1f} MB, over the {limit / 1048576:.0f} MB "
            "limit. Split the story into smaller files (one per chapter) and try again.")


def _load_bytes(data: bytes, name: str) -> Document:
    if not data.strip():
        raise AnalyzeError(f"{name}: the file is empty. Choose the file that holds the story.")
    ext = posixpath.splitext(name.lower())[1]
    if data.startswith(b"PK\x03\x04"):
        return _load_zip(data, name, ext)
    if ext in EBOOK_EXTENSIONS or data[60:68] == b"BOOKMOBI" or data.startswith(b"%PDF"):
        return _load_zip(_ebook_to_epub(data, name, ext or ".pdf"), name, ".epub")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise AnalyzeError(f"{name}: this is {what}, not a story text. Save the story as "
                               ".txt, .html, .md, .docx or .epub and try again.")
    text = decode(data, name)
    try:
        if ext in (".html", ".htm", ".xhtml") or _HTML_RE.search(data[:4096]):
            structure, fmt, readable = html_structure(text)
            _require_text(structure, name)
            return Document(name, fmt, readable, structure)
        check_paragraphs(text.splitlines())
    except LongParagraph as exc:
        raise AnalyzeError(_long_paragraph(name, exc.length)) from None
    except ao3_reader.NotAWorkPage as exc:
        raise AnalyzeError(f"{name}: {exc}") from None
    fmt = "markdown" if ext in (".md", ".markdown") else "text"
    structure = parse_with_header(text)
    _require_text(structure, name)
    return Document(name, fmt, text, structure)


def parse_with_header(text: str) -> Structure:
    """Parse a pasted or plain-text story, reading a `Title:`/`Fandom:` header block on top
    as what the author states rather than as notes."""
    header, rest = split_header(text)
    if header is None:
        return parse(text)
    structure = parse(rest) if rest.strip() else Structure()
    return apply_header(structure, header)


def _require_text(structure: Structure, name: str) -> None:
    if not any(text.strip() for _, text in structure.parts()):
        raise AnalyzeError(f"{name}: no story text found in the file. Check it is the right file.")


def decode(data: bytes, name: str = "the file") -> str:
    """Text from bytes: BOM, then UTF-8, then mostly-ASCII cp1252, then charset detection."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                raise AnalyzeError(f"{name}: the file says it is {enc.upper()} but is not. "
                                   "Save it again as UTF-8 text.") from None
    head = data[:4096]
    if b"\x00" in head:
        # UTF-16 without a byte order mark puts a zero beside every ASCII letter.
        zeros_odd = head[1::2].count(0)
        zeros_even = head[0::2].count(0)
        for enc, zeros in (("utf-16-le", zeros_odd), ("utf-16-be", zeros_even)):
            if zeros > len(head) * 0.4:
                try:
                    return _check_text(data.decode(enc), name)
                except UnicodeDecodeError:
                    break
        raise AnalyzeError(f"{name}: this is a binary file, not text. Save the story as .txt, "
                           ".html, .docx or .epub and try again.")
    try:
        return _check_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    high = sum(b > 127 for b in head)
    if high <= max(8, len(head) // 20):
        try:  # the usual case: Windows text with a few accented letters or curly quotes
            return _check_text(data.decode("cp1252"), name)
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:200_000]).best()
    except ImportError:  # charset-normalizer is optional: fall back to cp1252 only
        best = None
    if best is not None and best.encoding:
        try:
            return _check_text(data.decode(best.encoding), name)
        except (UnicodeDecodeError, LookupError):
            pass
    raise AnalyzeError(f"{name}: the text encoding could not be recognised. Open the file in a "
                       "text editor and save it as UTF-8, then try again.")


def _check_text(text: str, name: str) -> str:
    sample = text[:20000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7f <= ord(c) < 0xa0)
    if bad > max(3, len(sample) // 100):
        raise AnalyzeError(f"{name}: this looks like a binary file, not text. Save the story as "
                           ".txt, .html, .docx or .epub and try again.")
    return text


def _load_zip(data: bytes, name: str, ext: str) -> Document:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        if sum(i.file_size for i in zf.infolist()) > MAX_UNZIPPED:
            raise AnalyzeError(f"{name}: the archive unpacks to more than "
                               f"{MAX_UNZIPPED // 1048576} MB. Export a smaller file.")
        if "word/document.xml" in names:
            return _docx(zf, name, data)
        if "content.xml" in names and (ext == ".odt" or b"opendocument.text" in zf.read("mimetype")[:100]
                                       if "mimetype" in names else ext == ".odt"):
            return _odt(zf, name)
        if "META-INF/container.xml" in names or ext == ".epub":
            return _epub(zf, name)
    except AnalyzeError:
        raise
    except (zipfile.BadZipFile, KeyError, ET.ParseError, ValueError, OSError, EOFError) as exc:
        raise AnalyzeError(f"{name}: the file is damaged ({exc}). Export it again from your "
                           "editor and retry.") from None
    raise AnalyzeError(f"{name}: a zip archive that is neither a .docx nor an .epub. Unzip it "
                       "and give the story file inside.")


def _xml(data: bytes) -> ET.Element:
    # Entity declarations are what XML attacks need (billion laughs, external entities);
    # Word and EPUB files never declare entities, so refuse any that do, then parse.
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data[:2000] and b"[" in data[:2000]:
        raise ValueError("XML with entity declarations")
    return ET.fromstring(data)  # noqa: S314 - entity declarations refused above


def _odt(zf: zipfile.ZipFile, name: str) -> Document:
    content = _xml(zf.read("content.xml"))
    styles = _xml(zf.read("styles.xml")) if "styles.xml" in zf.namelist() else None
    return _from_html(odt.to_html(content, styles), name, "odt")


def _from_html(markup: str, name: str, fmt: str) -> Document:
    try:
        structure, _, readable = html_structure("<html><body>" + markup + "</body></html>")
    except LongParagraph as exc:
        raise AnalyzeError(_long_paragraph(name, exc.length)) from None
    _require_text(structure, name)
    return Document(name, fmt, readable, structure)


def _docx(zf: zipfile.ZipFile, name: str, data: bytes) -> Document:
    root = _xml(zf.read("word/document.xml"))  # refuses entity tricks before mammoth reads it
    try:
        import mammoth
    except ImportError:  # without mammoth, the text is still read (without its formatting)
        return _docx_text(root, name)
    # mammoth turns Word's styles into clean HTML (italics, bold, lists, links, headings);
    # underline and strike-through are kept too, as the archive allows them.
    result = mammoth.convert_to_html(io.BytesIO(data), style_map="u => u\nstrike => s")
    return _from_html(result.value, name, "docx")


def _docx_text(root: ET.Element, name: str) -> Document:
    paras: list[str] = []
    for p in root.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        pieces: list[str] = []
        for el in p.iter():
            if el.tag == W + "t" and el.text:
                pieces.append(el.text)
            elif el.tag == W + "tab":
                pieces.append("\t")
            elif el.tag in (W + "br", W + "cr"):
                pieces.append("\n")
        text = "".join(pieces).strip()
        if not text:
            continue
        sval = (style.get(W + "val", "") if style is not None else "").lower()
        paras.append("## " + text if sval.startswith(("heading", "title")) else text)
    return _from_paragraphs(paras, name, "docx")


def _epub(zf: zipfile.ZipFile, name: str) -> Document:
    container = _xml(zf.read("META-INF/container.xml"))
    rootfile = next((el.get("full-path") for el in container.iter()
                     if el.tag.endswith("rootfile") and el.get("full-path")), None)
    if not rootfile:
        raise AnalyzeError(f"{name}: the EPUB has no package file. Export it again and retry.")
    opf = _xml(zf.read(rootfile))
    base = posixpath.dirname(rootfile)
    manifest = {el.get("id"): el for el in opf.iter() if el.tag.endswith("}item")}
    title_el = next((el for el in opf.iter() if el.tag.endswith("}title")), None)
    paras: list[str] = []
    bodies: list[str] = []
    styled = _emphasis_classes(zf, base, manifest.values())
    for ref in (el for el in opf.iter() if el.tag.endswith("}itemref")):
        item = manifest.get(ref.get("idref"))
        if item is None or "nav" in (item.get("properties") or ""):
            continue
        href = posixpath.normpath(posixpath.join(base, item.get("href") or ""))
        if href not in zf.namelist():
            continue
        markup = decode(zf.read(href), f"{name}:{href}")
        root = parse_html(markup)
        body = root.find(sel("body")) or root
        _restore_emphasis(body, styled)
        paras.extend(paragraphs(body))
        bodies.append(inner_html(body))
    # AO3's EPUB is its HTML download split into files: read it back as one download.
    joined = "<html><body>" + "\n".join(bodies) + "</body></html>"
    joined_root = parse_html(joined)
    if ao3_reader.is_download(joined_root, joined):
        structure = ao3_reader.download(joined_root, joined)
        if structure.chapters:
            if not structure.title and title_el is not None and title_el.text:
                structure.title = title_el.text.strip()
            _require_text(structure, name)
            return Document(name, "epub", "\n\n".join(paras), structure)
    doc = _from_paragraphs(paras, name, "epub")
    if title_el is not None and title_el.text and not doc.structure.title:
        doc.structure.title = title_el.text.strip()
    return doc


_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_ITALIC = re.compile(r"font-style\s*:\s*(?:italic|oblique)", re.I)
_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)


def _emphasis_classes(zf: zipfile.ZipFile, base: str, items) -> dict[str, str]:
    """{class: "em" | "strong"} from the EPUB's stylesheets. Converters such as Calibre may
    carry an author's italics as a span whose class the stylesheet makes italic; without
    the stylesheet that emphasis would be lost on import."""
    out: dict[str, str] = {}
    for item in items:
        if (item.get("media-type") or "") != "text/css":
            continue
        href = posixpath.normpath(posixpath.join(base, item.get("href") or ""))
        if href not in zf.namelist() or zf.getinfo(href).file_size > 2_000_000:
            continue
        css = zf.read(href).decode("utf-8", "replace")
        for selectors, body in _CSS_RULE.findall(css):
            tag = "em" if _ITALIC.search(body) else "strong" if _BOLD.search(body) else None
            if tag is None:
                continue
            for selector in selectors.split(","):
                m = re.fullmatch(r"\s*(?:span)?\.([\w-]+)\s*", selector)
                if m:
                    out.setdefault(m.group(1), tag)
    return out


def _restore_emphasis(body, styled: dict[str, str]) -> None:
    """Spans made italic or bold by a class or an inline style become <em> / <strong>."""
    for node in body.iter():
        if node.tag != "span":
            continue
        style = node.attrs.get("style", "")
        tag = next((styled[c] for c in node.classes if c in styled), None) or (
            "em" if _ITALIC.search(style) else "strong" if _BOLD.search(style) else None)
        if tag:
            node.tag = tag


def _from_paragraphs(paras: list[str], name: str, fmt: str) -> Document:
    try:
        check_paragraphs(paras)
    except LongParagraph as exc:
        raise AnalyzeError(_long_paragraph(name, exc.length)) from None
    structure = parse_items(classify(paras))
    _require_text(structure, name)
    return Document(name, fmt, "\n\n".join(paras), structure)
