"""Stored chapter HTML (sanitised by nh3, serialised as HTML5) to the strict XHTML
an EPUB needs, and to plain text.

One pass of the standard library's HTML parser over the already-sanitised text,
writing elements back out with every tag closed, void elements self-closed, and
text escaped for XML. On the way it rewrites what EPUB validators reject but the
sanitiser allows: obsolete elements (center, big, strike, tt, acronym), the
`align` attribute, `<a name>` anchors (footnotes) that must become ids, relative
links, and remote images (see `images`).
"""

import re
from html import escape as _escape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

VOID = {"br", "hr", "img", "col", "wbr"}
BLOCK = {
    "address", "blockquote", "caption", "center", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
# Obsolete in HTML5 (so errors in EPUB 3): the nearest modern element and a style that looks the same.
OBSOLETE = {
    "center": ("div", "text-align: center"),
    "big": ("span", "font-size: larger"),
    # <del> draws the same line and is valid in XHTML 1.1 too, so a Calibre EPUB 2
    # re-conversion (which keeps our markup) stays valid; <s> is not.
    "strike": ("del", ""),
    "s": ("del", ""),
    "tt": ("span", "font-family: monospace"),
    "acronym": ("abbr", ""),
}
# Elements valid only inside a given parent; elsewhere they become a paragraph.
NEEDS_PARENT = {"li": ("ol", "ul"), "dt": ("dl",), "dd": ("dl",), "summary": ("details",), "figcaption": ("figure",)}
ALIGN = {"left", "right", "center", "justify"}
DIRS = {"ltr", "rtl", "auto"}
_BAD_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NAME_ATTR = re.compile(r"""<a\b[^>]*?\bname="([^"]*)\"""")
_NOT_NCNAME = re.compile(r"[^A-Za-z0-9_.\-]")


def _text(value: str) -> str:
    return _escape(_BAD_XML_CHARS.sub("", value), quote=False)


def _attr(value: str) -> str:
    return _escape(_BAD_XML_CHARS.sub("", value), quote=True)


def anchor_id(name: str) -> str:
    """An author's anchor name as an XML id that can't clash with ours."""
    return "u-" + _NOT_NCNAME.sub("_", name)


class _XhtmlWriter(HTMLParser):
    def __init__(self, *, base_url: str, images: str, anchors: set[str]):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.images = images
        self.anchors = anchors
        self.used_ids: set[str] = set()
        self.out: list[str] = []
        self.stack: list[str] = []  # element names as written
        self.sources: list[str] = []  # the author's element name for each, to match end tags

    # -- helpers ----------------------------------------------------------------
    def _url(self, value: str) -> str | None:
        value = value.strip()
        if value.startswith("#"):
            name = value[1:]
            return "#" + anchor_id(name) if name in self.anchors else None
        absolute = urljoin(self.base_url, value)
        return absolute if urlsplit(absolute).scheme in ("http", "https", "mailto") else None

    def _attrs(self, tag: str, attrs) -> tuple[list[tuple[str, str]], list[str]]:
        kept: list[tuple[str, str]] = []
        styles: list[str] = []
        for name, value in attrs:
            value = value or ""
            if name == "align":
                if value.lower() in ALIGN and tag not in ("img", "table", "col", "colgroup"):
                    styles.append(f"text-align: {value.lower()}")
            elif name == "name":
                anchor = anchor_id(value)
                if tag == "a" and value in self.anchors and anchor not in self.used_ids:
                    self.used_ids.add(anchor)
                    kept.append(("id", anchor))
            elif name in ("href", "cite"):
                url = self._url(value)
                if url:
                    kept.append((name, url))
            elif name in ("width", "height", "span", "colspan", "rowspan", "start"):
                if value.strip().isdigit() and (name == "start" or int(value) > 0 or name in ("width", "height")):
                    kept.append((name, value.strip()))
            elif name == "dir":
                if value.lower() in DIRS:
                    kept.append((name, value.lower()))
            elif name == "type" and tag == "ol":
                if value in ("1", "a", "A", "i", "I"):
                    kept.append((name, value))
            elif name in ("class", "title", "lang", "rel", "alt", "src", "scope"):
                kept.append((name, value))
        return kept, styles

    def _open(self, tag: str, attrs: list[tuple[str, str]], void: bool = False, source: str = "") -> None:
        rendered = "".join(f' {k}="{_attr(v)}"' for k, v in attrs)
        if void:
            self.out.append(f"<{tag}{rendered}/>")
        else:
            self.out.append(f"<{tag}{rendered}>")
            self.stack.append(tag)
            self.sources.append(source or tag)

    # -- parser callbacks -----------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self._image(dict(attrs))
            return
        source = tag
        kept, styles = self._attrs(tag, attrs)
        if tag in OBSOLETE:
            tag, style = OBSOLETE[tag]
            if style:
                styles.insert(0, style)
        if tag in NEEDS_PARENT and not (self.stack and self.stack[-1] in NEEDS_PARENT[tag]):
            tag = "p"
        if tag == "a" and "a" in self.stack:
            return  # a link inside a link is invalid; keep the text
        if tag == "a":
            href = next((value for name, value in kept if name == "href"), None)
            if href is None:
                tag = "span"  # an anchor that is only a footnote target (EPUB checkers want href on <a>)
            if href is None or href.startswith("#"):
                kept = [(name, value) for name, value in kept if name != "rel"]
        if styles:
            kept.append(("style", "; ".join(styles)))
        self._open(tag, kept, void=tag in VOID, source=source)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # Close up to the matching element; an end tag with no open match is dropped.
        for index in range(len(self.sources) - 1, -1, -1):
            if self.sources[index] == tag:
                while len(self.stack) > index:
                    self.sources.pop()
                    self.out.append(f"</{self.stack.pop()}>")
                return

    def handle_data(self, data):
        self.out.append(_text(data))

    def _image(self, attrs: dict) -> None:
        alt = (attrs.get("alt") or "").strip()
        src = self._url(attrs.get("src") or "")
        if not src or not src.startswith("http"):
            if alt:
                self.out.append(_text(f"[Image: {alt}]"))
            return
        if self.images == "keep":
            kept = [("src", src), ("alt", alt)]
            for name in ("width", "height"):
                if (attrs.get(name) or "").strip().isdigit():
                    kept.append((name, attrs[name].strip()))
            self._open("img", kept, void=True)
            return
        # An EPUB may not load images from the web (epubcheck's RSC-006: only audio,
        # video and fonts may be remote) and fetching them while generating would let
        # any author make the server request any URL. So a remote image becomes a
        # link to it, which a reader can follow when online.
        label = f"[Image: {alt}]" if alt else "[Image]"
        if "a" in self.stack:
            self.out.append(_text(label))
        else:
            self.out.append(f'<a class="image-link" href="{_attr(src)}">{_text(label)}</a>')

    def result(self) -> str:
        self.close()
        while self.stack:
            self.sources.pop()
            self.out.append(f"</{self.stack.pop()}>")
        return "".join(self.out)


def to_xhtml(fragment: str, *, base_url: str, images: str = "link") -> str:
    """Well-formed XHTML for a sanitised HTML fragment. `images` is "link" (replace
    remote images by links, for EPUB and PDF) or "keep" (for the HTML download)."""
    if not fragment:
        return ""
    writer = _XhtmlWriter(base_url=base_url, images=images, anchors=set(_NAME_ATTR.findall(fragment)))
    writer.feed(fragment)
    return writer.result()


class _TextWriter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.pre = 0
        self.list_depth = 0

    def _newlines(self, count: int) -> None:
        tail = "".join(self.out[-3:])
        have = len(tail) - len(tail.rstrip("\n")) if tail.strip() or self.out else count
        if self.out:
            self.out.append("\n" * max(0, count - have))

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.out.append("\n")
        elif tag == "hr":
            self._newlines(2)
            self.out.append("* * *")
            self._newlines(2)
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.out.append(f"[Image: {alt}]" if alt else "[Image]")
        elif tag == "li":
            self._newlines(1)
            self.out.append("  " * max(0, self.list_depth - 1) + "- ")
        elif tag in ("td", "th"):
            self.out.append(" | ")
        elif tag in BLOCK:
            self._newlines(2 if tag not in ("tr", "dd", "dt") else 1)
            if tag == "pre":
                self.pre += 1
            if tag in ("ol", "ul"):
                self.list_depth += 1

    def handle_endtag(self, tag):
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in ("ol", "ul"):
            self.list_depth = max(0, self.list_depth - 1)
        if tag == "li":
            self._newlines(1)
        elif tag in BLOCK and tag not in ("td", "th"):
            self._newlines(2 if tag not in ("tr", "dd", "dt") else 1)

    def handle_data(self, data):
        if self.pre:
            self.out.append(data)
        else:
            collapsed = re.sub(r"\s+", " ", data)
            if collapsed.strip() or (self.out and not self.out[-1].endswith(("\n", " "))):
                self.out.append(collapsed)


def to_text(fragment: str) -> str:
    """Plain text for a sanitised HTML fragment: paragraphs separated by blank lines."""
    if not fragment:
        return ""
    writer = _TextWriter()
    writer.feed(fragment)
    writer.close()
    text = "".join(writer.out)
    text = "\n".join(line.strip() if not writer.pre else line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
