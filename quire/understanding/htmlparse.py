"""Lenient HTML reading with the standard library: a small tree, then paragraphs.

Saved web pages are often broken (unclosed tags, stray end tags); html.parser never
raises on them, and the tree builder below closes or ignores tags instead of failing.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import escape
from html.parser import HTMLParser

VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
        "track", "wbr", "param"}
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "section",
         "article", "header", "footer", "center", "pre", "dd", "dt", "figure", "ul", "ol",
         "table", "dl", "main", "aside", "body", "td", "th", "figcaption", "address"}
SKIP = {"script", "style", "head", "noscript", "template", "svg", "nav", "form", "select",
        "button", "iframe", "title", "math", "object"}
HEADINGS = {"h1", "h2", "h3", "h4"}
BREAK_MARK = "* * *"
# No story nests elements this deep; past it, new elements join their parent instead of
# nesting, so a hostile file (100,000 nested <div>) gives a bounded tree, and everything
# that walks or serialises the tree (here and in the sanitiser) stays shallow.
MAX_DEPTH = 256
# A stray end tag looks this far up for its start tag before it is ignored: enough for
# real pages, and it keeps thousands of stray end tags from costing depth x count.
END_TAG_SEARCH = 64


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Node]:
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def find_all(self, pred: Callable[[Node], bool]) -> list[Node]:
        return [n for n in self.iter() if pred(n)]

    def find(self, pred: Callable[[Node], bool]) -> Node | None:
        return next((n for n in self.iter() if pred(n)), None)

    def text(self) -> str:
        out: list[str] = []
        stack: list[Node | str] = [self]
        while stack:
            n = stack.pop()
            if isinstance(n, str):
                out.append(n)
            elif n.tag not in SKIP or n is self:
                stack.extend(reversed(n.children))
        return re.sub(r"\s+", " ", "".join(out)).strip()


def sel(tag: str | None = None, cls: str | tuple[str, ...] = (), id: str | None = None
        ) -> Callable[[Node], bool]:
    need = {cls} if isinstance(cls, str) else set(cls)

    def pred(n: Node) -> bool:
        return ((tag is None or n.tag == tag) and need <= n.classes
                and (id is None or n.attrs.get("id") == id))
    return pred


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.depth = 0
        # Tags opened past MAX_DEPTH without nesting: their end tags are dropped, not matched.
        self.flat: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK and self.cur.tag == "p" and self.cur.parent is not None:
            self.cur = self.cur.parent  # a block closes an open <p>
            self.depth -= 1
        if self.depth >= MAX_DEPTH and tag not in VOID:
            # Too deep to be a story's markup: the element is dropped, its text is kept.
            self.flat[tag] = self.flat.get(tag, 0) + 1
            return
        node = Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag in VOID:
            return
        self.cur = node
        self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.cur.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.cur))

    def handle_endtag(self, tag: str) -> None:
        if self.flat.get(tag):
            self.flat[tag] -= 1
            return
        n: Node | None = self.cur
        steps = 0
        while n is not None and n.tag != tag and steps < END_TAG_SEARCH:
            n = n.parent
            steps += 1
        if n is not None and n.tag == tag and n.parent is not None:  # stray end tags are ignored
            self.cur = n.parent
            self.depth -= steps + 1

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def parse_html(markup: str) -> Node:
    b = _Builder()
    b.feed(markup)
    b.close()
    return b.root


def paragraphs(node: Node, mark_headings: bool = True, skip: Callable[[Node], bool] | None = None
               ) -> list[str]:
    """Block-level text of a subtree as paragraphs; <hr> gives a scene-break marker, and
    headings come out as Markdown '## ...' so the parser knows they are headings."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = "".join(buf)
        buf.clear()
        lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
        # Two <br> in a row separate paragraphs; a single one is a line break.
        chunk: list[str] = []
        for ln in lines + [""]:
            if ln:
                chunk.append(ln)
            elif chunk:
                out.append("\n".join(chunk))
                chunk = []

    # An explicit stack instead of recursion, so depth costs no Python frames. Items are
    # ("node", n): walk n's children; ("text", s); ("br"|"hr"|"flush", None); ("heading", n).
    stack: list[tuple[str, object]] = [("node", node)]
    while stack:
        kind, item = stack.pop()
        if kind == "text":
            buf.append(item)  # type: ignore[arg-type]
        elif kind == "flush":
            flush()
        elif kind == "hr":
            flush()
            out.append(BREAK_MARK)
        elif kind == "heading":
            flush()
            t = item.text() if isinstance(item, Node) else ""
            if t:
                out.append("## " + t)
        else:
            n: Node = item  # type: ignore[assignment]
            todo: list[tuple[str, object]] = []
            for c in n.children:
                if isinstance(c, str):
                    todo.append(("text", re.sub(r"\s+", " ", c) if n.tag != "pre" else c))
                elif c.tag in SKIP or (skip is not None and skip(c)):
                    continue
                elif c.tag == "br":
                    todo.append(("text", "\n"))
                elif c.tag == "hr":
                    todo.append(("hr", None))
                elif c.tag in HEADINGS and mark_headings:
                    todo.append(("heading", c))
                elif c.tag in BLOCK:
                    todo.extend((("flush", None), ("node", c), ("flush", None)))
                else:
                    todo.append(("node", c))
            stack.extend(reversed(todo))
    flush()
    return out


def inner_html(node: Node, skip: Callable[[Node], bool] | None = None) -> str:
    """The markup of a node's children, rebuilt from the tree (so it is balanced), without
    SKIP elements or those `skip` refuses. Not sanitised: the archive sanitises on save."""
    out: list[str] = []
    stack: list[Node | str] = list(reversed(node.children))
    while stack:
        c = stack.pop()
        if isinstance(c, str):
            out.append(str(c) if isinstance(c, _Closer) else escape(c, quote=False))
            continue
        if c.tag.startswith("#") or c.tag in SKIP or (skip is not None and skip(c)):
            continue
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in c.attrs.items() if _ATTR.match(k))
        out.append(f"<{c.tag}{attrs}>")
        if c.tag in VOID:
            continue
        stack.append(_closer(c.tag))
        stack.extend(reversed(c.children))
    return "".join(out)


_ATTR = re.compile(r"^[a-z][a-z0-9_:-]*$")


class _Closer(str):
    """An end tag on the serialiser's stack; text nodes are plain str and get escaped."""


def _closer(tag: str) -> _Closer:
    return _Closer(f"</{tag}>")
