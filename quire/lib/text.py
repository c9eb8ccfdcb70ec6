"""Turning what authors type into the sanitised HTML the archive stores.

Authors write in plain text (blank lines between paragraphs), Markdown or HTML.
Whatever they choose, the result goes through one allow-list (nh3), close to
the one AO3 uses, and is stored rendered so that reading never re-renders.
"""

import html
import re

import markdown as _markdown
import nh3
from django.utils.translation import gettext_lazy

PLAIN, MARKDOWN, HTML = "plain", "markdown", "html"
# Format names (Markdown, HTML) are the same in every language.
FORMAT_CHOICES = [(PLAIN, gettext_lazy("Plain text")), (MARKDOWN, "Markdown"), (HTML, "HTML")]

ALLOWED_TAGS = {
    "a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "caption", "center", "cite",
    "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p",
    "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
}  # fmt: skip
_COMMON_ATTRS = {"class", "dir", "lang", "title", "align"}
ALLOWED_ATTRIBUTES = {
    "*": _COMMON_ATTRS,
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto"}

# A line made only of break marks: "***", "* * *", "~~~", "-----", "...", "oOo", "xXx", a lone "x".
SCENE_BREAK = re.compile(
    r"^\s*(?:[*~\-_=#.•·+]\s*){3,}$|^\s*(?:o+O+o+|O+o+O+|x+X+x+|X+x+X+|x)\s*$"
)


def sanitize(raw_html: str) -> str:
    cleaned = nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )
    return _REMOTE_IMG.sub(_image_as_link, cleaned).strip()


# An <img> as nh3 writes it: attributes double-quoted, `"` escaped inside them
# (`<` and `>` may stay raw there, so `[^>]*` would not do).
_REMOTE_IMG = re.compile(r'<img((?:\s+[^\s="/>]+(?:="[^"]*")?)*)\s*/?>')
_ATTR = re.compile(r'([^\s="/>]+)(?:="([^"]*)")?')


def _image_as_link(match: re.Match) -> str:
    """A remote image becomes a link showing its alt text ("[Image: alt]"): loading it would tell
    the image's host who reads the story and when (a tracking pixel), and the
    Content-Security-Policy would block it anyway. Images on this site stay."""
    attrs = {name.lower(): html.unescape(value or "") for name, value in _ATTR.findall(match.group(1))}
    src = attrs.get("src", "")
    if not src.lower().startswith(("http:", "https:", "//")):
        return match.group(0)
    label = f"Image: {alt}" if (alt := attrs.get("alt", "").strip()) else "Image"
    href = html.escape(src, quote=True)
    # The same form the EPUB writer gives images it can't carry.
    return f'<a href="{href}" rel="nofollow noopener" class="image-link">[{html.escape(label, quote=False)}]</a>'


def _plain_to_html(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    out = []
    for para in paragraphs:
        if not para.strip():
            continue
        if SCENE_BREAK.match(para):
            out.append("<hr>")
            continue
        lines = [html.escape(line.strip()) for line in para.split("\n")]
        out.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n".join(out)


_BREAK_PARAGRAPH = re.compile(r"<p>\s*([^<]{1,20})\s*</p>")


def _breaks_to_hr(rendered: str) -> str:
    """Paragraphs holding only a break mark become a real <hr>, whatever the input format."""

    def replace(match: re.Match) -> str:
        return "<hr>" if SCENE_BREAK.match(html.unescape(match.group(1))) else match.group(0)

    return _BREAK_PARAGRAPH.sub(replace, rendered)


def render(source: str, fmt: str) -> str:
    """Render author input to sanitised HTML."""
    if not source or not source.strip():
        return ""
    if fmt == PLAIN:
        rendered = _plain_to_html(source)
    elif fmt == MARKDOWN:
        # "***" is a Markdown rule already; the others arrive as paragraphs.
        rendered = _markdown.markdown(source, extensions=["extra", "sane_lists"], output_format="html")
    elif fmt == HTML:
        rendered = source
    else:
        raise ValueError(f"unknown text format {fmt!r}")
    return _breaks_to_hr(sanitize(rendered))


_TAG = re.compile(r"<[^>]+>")
# AO3's rule (otwarchive's WordCounter), so an imported work shows the count it had there:
# "--" is a dash between two words, hyphens and apostrophes join ("well-known", "don't" are
# one word each), then every run of word characters counts once.
_WORD = re.compile(r"\w+", re.UNICODE)
_JOINERS = re.compile(r"['’‘-]")


def html_to_text(rendered: str) -> str:
    return html.unescape(_TAG.sub(" ", rendered))


def word_count(rendered: str) -> int:
    return len(_WORD.findall(_JOINERS.sub("", html_to_text(rendered).replace("--", "—"))))
