"""Apps import downward only (DESIGN.md): `lib` and `understanding` at the bottom,
then accounts, tags, works, then search, interactions, downloads, moderation, and
core on top. Read from the source (no imports run), so an import hidden inside a
function counts the same as one at the top of a module.

The graph of imports between apps has no cycle: the test fails on the first
import that closes one. A lower app that must tell an upper one of something
sends a signal of its own (works/events.py, tags/events.py) or, for index
freshness, calls the one entry point below search (works/freshness.py).

Imports of another app inside a function are few and listed in IN_FUNCTION with
the reason each must wait; the test fails on a new one and on a listed one that
is gone. Imports inside functions within one app are not counted."""

import ast
from collections import defaultdict
from pathlib import Path

import quire

ROOT = Path(quire.__file__).parent
PROJECT_MODULES = {"settings", "urls", "wsgi", "manage"}  # the project's wiring, above every app

# Imports that go against the direction, each closing a cycle. Empty, and kept
# empty: the test fails when one appears.
KNOWN_UPWARD: set[tuple[str, str]] = set()

# "file: imported module" for each import of another app made inside a function, with
# the reason it can't be at the top of its module. Fewer than 10 (issue 11).
IN_FUNCTION = {
    # Gunicorn loads its config file before the app and Django; the master's hook
    # runs once both are loaded.
    "quire/core/gunicorn_conf.py: quire.search": "runs before Django is set up",
}
IN_FUNCTION_LIMIT = 10


def _app_of(path: Path) -> str | None:
    parts = path.relative_to(ROOT).parts
    return parts[0] if len(parts) > 1 else None


def cross_app_imports():
    """(importing app, imported app, "file:line", module, inside a function?) for every
    import of one app by another anywhere in the package, migrations aside."""
    for path in sorted(ROOT.rglob("*.py")):
        app = _app_of(path)
        if app is None or "migrations" in path.parts:
            continue
        yield from _imports_in(ast.parse(path.read_text(encoding="utf-8")), app, path.relative_to(ROOT.parent))


def _imports_in(tree, app, where, in_function=False):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            inside = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            yield from _imports_in(node, app, where, inside)
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "quire" and len(parts) > 1 and parts[1] not in PROJECT_MODULES and parts[1] != app:
                yield app, parts[1], f"{where}:{node.lineno}", name, in_function


def import_edges() -> dict[tuple[str, str], list[str]]:
    """{(importing app, imported app): ["file:line", ...]}."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for app, other, where, _, _ in cross_app_imports():
        edges[(app, other)].append(where)
    return edges


def imports_in_functions() -> dict[str, list[str]]:
    """{"file: module": ["file:line", ...]} for imports of another app inside a function."""
    found: dict[str, list[str]] = defaultdict(list)
    for _, _, where, module, in_function in cross_app_imports():
        if in_function:
            found[f"{where.rsplit(':', 1)[0]}: {module}"].append(where)
    return found


def cycle_edges(edges) -> set[tuple[str, str]]:
    """The edges a→b where b also reaches a: each one is part of a cycle."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)

    def reaches(start: str, goal: str) -> bool:
        seen, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(graph[node])
        return False

    return {(a, b) for a, b in edges if reaches(b, a)}


def test_apps_import_downward_only():
    edges = import_edges()
    assert ("core", "works") in edges  # the control: the reader finds imports at all
    cycles = sorted(cycle_edges({edge: where for edge, where in edges.items() if edge not in KNOWN_UPWARD}))
    assert not cycles, "imports closing a cycle between apps:\n" + "\n".join(
        f"{a} -> {b}: {edges[(a, b)]}" for a, b in cycles
    )
    gone = sorted(edge for edge in KNOWN_UPWARD if edge not in edges)
    assert not gone, f"no longer imported: remove these from KNOWN_UPWARD: {gone}"


def test_the_cycle_check_catches_a_cycle():
    edges = {("works", "tags"): [], ("tags", "lib"): [], ("lib", "works"): [], ("core", "works"): []}
    assert cycle_edges(edges) == {("works", "tags"), ("tags", "lib"), ("lib", "works")}


def test_few_imports_of_other_apps_hide_inside_functions():
    found = imports_in_functions()
    assert any(key.startswith("quire/core/gunicorn_conf.py") for key in found)  # the control: the reader sees them
    assert len(IN_FUNCTION) < IN_FUNCTION_LIMIT
    new = sorted(set(found) - set(IN_FUNCTION))
    assert not new, (
        "imports of another app inside a function: move them to the top of the module, "
        "or list them in IN_FUNCTION with the reason they must wait:\n"
        + "\n".join(f"{key} ({', '.join(found[key])})" for key in new)
    )
    gone = sorted(set(IN_FUNCTION) - set(found))
    assert not gone, f"no longer imported inside a function: remove these from IN_FUNCTION: {gone}"


def test_the_counter_sees_an_import_inside_a_function():
    tree = ast.parse("import quire.lib\ndef f():\n    from quire.works.models import Work\n")
    found = list(_imports_in(tree, "tags", "quire/tags/x.py"))
    assert [(other, in_function) for _, other, _, _, in_function in found] == [("lib", False), ("works", True)]

