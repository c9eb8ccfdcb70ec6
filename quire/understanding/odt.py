"""OpenDocument text (.odt, from LibreOffice, Google Docs, Word's "Save as ODT") to HTML.

Read with the standard library: content.xml holds the text, its automatic styles say
which spans are italic, bold, underlined or struck through and which paragraphs are
centred; styles.xml holds the named ones (Emphasis, Heading 1...). The result is HTML for
the same reader as every other HTML file; the archive sanitises it on save.
"""
from __future__ import annotations

from html import escape
from xml.etree import ElementTree as ET

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
}
T = "{" + NS["text"] + "}"
S = "{" + NS["style"] + "}"
FO = "{" + NS["fo"] + "}"
XL = "{" + NS["xlink"] + "}"


def _styles(*roots: ET.Element | None) -> dict[str, dict[str, str]]:
    """style name -> the properties that matter here, following parent styles."""
    raw: dict[str, tuple[str | None, dict[str, str]]] = {}
    for root in roots:
        if root is None:
            continue
        for st in root.iter(S + "style"):
            name = st.get(S + "name")
            if not name:
                continue
            props: dict[str, str] = {}
            text = st.find(S + "text-properties")
            if text is not None:
                if text.get(FO + "font-style") == "italic":
                    props["i"] = "1"
                if text.get(FO + "font-weight") in ("bold", "700", "800", "900"):
                    props["b"] = "1"
                if text.get(S + "text-underline-style", "none") != "none":
                    props["u"] = "1"
                if text.get(S + "text-line-through-style", "none") != "none":
                    props["s"] = "1"
            para = st.find(S + "paragraph-properties")
            align = para.get(FO + "text-align") if para is not None else None
            if align in ("center", "end", "right", "justify"):
                props["align"] = "right" if align == "end" else align
            if name.lower().startswith(("heading", "title")):
                props["heading"] = "1"
            raw[name] = (st.get(S + "parent-style-name"), props)
    resolved: dict[str, dict[str, str]] = {}
    for name in raw:
        chain: list[dict[str, str]] = []
        seen: set[str] = set()
        cur: str | None = name
        while cur and cur in raw and cur not in seen:  # parents, without looping on a cycle
            seen.add(cur)
            parent, props = raw[cur]
            chain.append(props)
            cur = parent
        merged: dict[str, str] = {}
        for props in reversed(chain):
            merged.update(props)
        resolved[name] = merged
    return resolved


def to_html(content: ET.Element, styles_root: ET.Element | None = None) -> str:
    styles = _styles(styles_root, content)
    body = content.find("office:body/office:text", NS)
    if body is None:
        return ""
    out: list[str] = []
    # An explicit stack (no recursion): elements to open, or closing markup to emit.
    stack: list[ET.Element | str] = list(reversed(list(body)))
    tails: dict[int, str] = {}
    while stack:
        el = stack.pop()
        if isinstance(el, str):
            out.append(el)
            continue
        tag = el.tag
        tail = tails.pop(id(el), None)
        props = styles.get(el.get(T + "style-name", ""), {})
        close = ""
        if tag == T + "h" or (tag == T + "p" and props.get("heading")):
            level = min(max(int(el.get(T + "outline-level", "2") or 2), 1), 4)
            out.append(f"<h{level}>")
            close = f"</h{level}>"
        elif tag == T + "p":
            align = props.get("align")
            out.append(f'<p align="{align}">' if align else "<p>")
            close = "</p>"
        elif tag == T + "span":
            opens = [t for t in ("i", "b", "u", "s") if props.get(t)]
            out.append("".join(f"<{t}>" for t in opens))
            close = "".join(f"</{t}>" for t in reversed(opens))
        elif tag == T + "a":
            out.append(f'<a href="{escape(el.get(XL + "href", ""))}">')
            close = "</a>"
        elif tag == T + "list":
            out.append("<ul>")
            close = "</ul>"
        elif tag == T + "list-item":
            out.append("<li>")
            close = "</li>"
        elif tag == T + "line-break":
            out.append("<br>")
        elif tag == T + "tab":
            out.append("\t")
        elif tag == T + "s":
            out.append(" " * min(int(el.get(T + "c", "1") or 1), 100))
        elif tag in (T + "section", T + "soft-page-break"):
            pass
        elif tag in (T + "note", T + "sequence-decls", T + "tracked-changes", "{" + NS["office"] + "}forms"):
            # Footnotes and hidden bookkeeping are not story text.
            stack.append(tail or "")
            continue
        if el.text:
            out.append(escape(el.text))
        stack.append(close + (tail or ""))
        for child in reversed(list(el)):
            if child.tail:
                tails[id(child)] = escape(child.tail)
            stack.append(child)
    return "".join(out)
