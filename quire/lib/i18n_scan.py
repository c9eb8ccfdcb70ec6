"""Find interface text that is not marked for translation.

Templates are read with Django's own lexer: text outside {% translate %} and
{% blocktranslate %} is parsed as HTML, and every text node or user-visible
attribute (title, alt, placeholder, aria-label, a button's value) that still has
words in it is reported. Python modules are read as syntax trees: literal strings
given to the messages framework, to form labels, help texts and errors, to model
field names and choice labels, to ValidationError and to email subjects must be
wrapped in gettext (or gettext_lazy at import time).

Used by the test suite (tests/core/test_translations.py) so that a new string
left unmarked fails the build with its file, line and what to do."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

PACKAGE = Path(__file__).resolve().parent.parent

# Words that are the same in every language: names of formats and of the software.
UNTRANSLATED = {
    "Quire", "EPUB", "HTML", "PDF", "MOBI", "AZW3", "OPDS", "Atom", "RSS", "JSON", "ZIP", "TOTP",
    "Markdown", "eFiction", "AO3", "FanFiction.Net", "Kindle", "URL", "CSV", "BBCode", "Tumblr",
    "htmx", "QR", "ID", "Dreamwidth", "LiveJournal", "Unicode", "IP", "OK", "AND", "OR",
}
WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# A template tag or variable is replaced by this mark before the HTML is parsed.
HOLE = "\x00"
VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription"}
BUTTON_TYPES = {"submit", "button", "reset"}


@dataclass(frozen=True)
class Unmarked:
    path: Path
    line: int
    text: str
    hint: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(PACKAGE.parent)}:{self.line}: {self.text!r} — {self.hint}"


def needs_translation(text: str) -> bool:
    words = [w for w in WORD.findall(text.replace(HOLE, " ")) if w not in UNTRANSLATED]
    return bool(words)


def template_files() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("templates/**/*")
        if p.suffix in (".html", ".txt") and p.is_file()
    )


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        attributes = dict(attrs)
        for name, value in attrs:
            if not value:
                continue
            # An <input type=submit>'s value is its label; a <button>'s value is only sent.
            visible = name in VISIBLE_ATTRIBUTES or (
                name == "value" and tag == "input" and attributes.get("type") in BUTTON_TYPES
            )
            if visible and needs_translation(value):
                self.found.append((self.getpos()[0], value, f'{name}="…" of <{tag}>'))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and needs_translation(data):
            self.found.append((self.getpos()[0], data.strip(), "text"))


def scan_template(path: Path) -> list[Unmarked]:
    source = path.read_text(encoding="utf-8")
    pieces: list[str] = []
    depth_block = 0  # inside {% blocktranslate %} … {% endblocktranslate %}
    in_comment = False
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            if name == "comment":
                in_comment = True
            elif name == "endcomment":
                in_comment = False
            elif name in ("blocktranslate", "blocktrans"):
                depth_block += 1
            elif name in ("endblocktranslate", "endblocktrans"):
                depth_block -= 1
        if token.token_type == TokenType.TEXT and not in_comment and not depth_block:
            pieces.append(token.contents)
        else:
            # Keep the line count, so the parser's line numbers are the template's.
            pieces.append(HOLE + "\n" * token.contents.count("\n"))
    flat = "".join(pieces)

    if path.suffix == ".txt":
        found = []
        for number, line in enumerate(flat.split("\n"), 1):
            if needs_translation(line):
                found.append((number, line.strip(), "text"))
    else:
        collector = _TextCollector()
        collector.feed(flat)
        collector.close()
        found = collector.found
    hint = "mark it with {% translate %} or {% blocktranslate %} (and {% load i18n %})"
    return [Unmarked(path, line, text.replace(HOLE, "…"), f"{where}: {hint}") for line, text, where in found]


# --- Python -------------------------------------------------------------------

GETTEXT_NAMES = {
    "_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy",
    "npgettext", "npgettext_lazy", "_lazy", "format_lazy",
}
MESSAGE_FUNCTIONS = {"success", "info", "warning", "error", "debug", "add_message"}
# Exceptions whose message is shown to the person who caused them (the views print it).
USER_FACING_ERRORS = {
    "ValidationError", "PermissionDenied", "Refused", "NotAllowed", "ClaimError", "WranglingError",
    "BatchProblem", "ImportProblem", "EmailChangeError", "ConfirmationError",
}
# Their first positional argument is the related model, not a label.
RELATION_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject", "GenericForeignKey"}
FIELD_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label", "empty_value_display"}
FORM_AND_MODEL_FILES = ("forms.py", "models.py", "form_sections.py", "appearance.py")


def python_files() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts and "bench" not in p.parts and "management" not in p.parts
    )


def _is_marked(node: ast.AST) -> bool:
    if isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        return name in GETTEXT_NAMES
    return False


def _literal_text(node: ast.AST) -> str | None:
    """The words of a plain or formatted string literal, or None if it is not one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else HOLE for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        left = _literal_text(node.left)
        return left
    return None


class _PythonScanner(ast.NodeVisitor):
    def __init__(self, path: Path):
        self.path = path
        self.found: list[Unmarked] = []
        self.form_or_model = path.name in FORM_AND_MODEL_FILES or path.name.startswith(("forms_", "models_"))

    def report(self, node: ast.AST, hint: str) -> None:
        text = _literal_text(node)
        if text is not None and needs_translation(text):
            self.found.append(Unmarked(self.path, node.lineno, text.replace(HOLE, "{…}"), hint))

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        if owner == "messages" and name in MESSAGE_FUNCTIONS:
            for arg in node.args[1:]:
                self.report(arg, "a message shown to the user: wrap it in _()")
        elif name in USER_FACING_ERRORS and node.args:
            self.report(node.args[0], "an error shown to the user: wrap it in _()")
        elif name == "add_error" and len(node.args) >= 2:
            self.report(node.args[1], "a form error: wrap it in _()")
        elif name in ("send_mail", "send_email", "EmailMultiAlternatives", "EmailMessage") and node.args:
            self.report(node.args[0], "an email subject: wrap it in _() under the recipient's language")
        for keyword in node.keywords:
            if keyword.arg in FIELD_KEYWORDS:
                self.report(keyword.value, f"{keyword.arg}=: wrap it in gettext_lazy()")
            elif keyword.arg == "subject" and name.startswith(("send", "notify", "mail", "email")):
                self.report(keyword.value, "an email subject: wrap it in _()")
            elif keyword.arg == "error_messages" and isinstance(keyword.value, ast.Dict):
                for value in keyword.value.values:
                    self.report(value, "a field error: wrap it in gettext_lazy()")
            elif keyword.arg == "choices" and isinstance(keyword.value, (ast.List, ast.Tuple)):
                self._choices(keyword.value)
            elif keyword.arg == "attrs" and isinstance(keyword.value, ast.Dict):
                for key, value in zip(keyword.value.keys, keyword.value.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value in VISIBLE_ATTRIBUTES:
                        self.report(value, f"the {key.value} attribute: wrap it in gettext_lazy()")
        # A model or form field's first positional argument is its label.
        if self.form_or_model and name.endswith("Field") and name not in RELATION_FIELDS and node.args:
            self.report(node.args[0], "a field's label: wrap it in gettext_lazy()")
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name) and target.id in ("verbose_name", "verbose_name_plural"):
                self.report(node.value, f"{target.id}: wrap it in gettext_lazy()")
            if isinstance(target, ast.Name) and target.id.endswith("CHOICES") and isinstance(
                node.value, (ast.List, ast.Tuple)
            ):
                self._choices(node.value)
        self.generic_visit(node)

    def _choices(self, node: ast.List | ast.Tuple) -> None:
        for item in node.elts:
            if isinstance(item, ast.Tuple) and len(item.elts) == 2:
                self.report(item.elts[1], "a choice's label: wrap it in gettext_lazy()")


def scan_python(path: Path) -> list[Unmarked]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    # Strings already inside gettext calls are marked: drop those subtrees first.
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if isinstance(value, list):
                setattr(parent, field, [ast.Constant(value=None) if _is_marked(v) else v for v in value])
            elif _is_marked(value):
                setattr(parent, field, ast.Constant(value=None))
    scanner = _PythonScanner(path)
    scanner.visit(tree)
    return scanner.found
