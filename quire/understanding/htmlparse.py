"""Lenient HTML reading with the standard library: a small tree, then paragraphs.

Saved web pages are often broken (unclosed tags, stray end tags); html.parser never
raises on them, and the tree builder below closes or ignores tags instead of failing.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK and self.cur.tag == "p":
            self.cur = self.cur.parent or self.root  # a block closes an open <p>
        node = Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.cur.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.cur))

    def handle_endtag(self, tag: str) -> None:
        n: Node | None = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:  # stray end tags are ignored
            self.cur = n.parent

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

    def walk(n: Node) -> None:
        for c in n.children:
            if isinstance(c, str):
                buf.append(re.sub(r"\s+", " ", c) if n.tag != "pre" else c)
                continue
            if c.tag in SKIP or (skip is not None and skip(c)):
                continue
            if c.tag == "br":
                buf.append("\n")
            elif c.tag == "hr":
                flush()
                out.append(BREAK_MARK)
            elif c.tag in HEADINGS and mark_headings:
                flush()
                t = c.text()
                if t:
                    out.append("## " + t)
            elif c.tag in BLOCK:
                flush()
                walk(c)
                flush()
            else:
                walk(c)

    walk(node)
    flush()
    return out
