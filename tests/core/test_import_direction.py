"""Apps import downward only (DESIGN.md): `lib` and `understanding` at the bottom,
then accounts, tags, works, then search, interactions, downloads, moderation, and
core on top. Read from the source (no imports run), so an import hidden inside a
function counts the same as one at the top of a module.

The imports that still point upward are listed in KNOWN_UPWARD with the reason;
without them the graph must have no cycle at all. The test fails on a new cycle,
and on a listed import that is gone (so the list only ever shrinks)."""

import ast
from collections import defaultdict
from pathlib import Path

import quire

ROOT = Path(quire.__file__).parent
PROJECT_MODULES = {"settings", "urls", "wsgi", "manage"}  # the project's wiring, above every app

# (importing app, imported app): imports against the direction, each closing a cycle today.
KNOWN_UPWARD = {
    # The visibility rule (works) applies mutes, which live in interactions. Moving
    # blocks and mutes to accounts (DESIGN.md) is left to the change of mute semantics.
    ("works", "interactions"),
    # Index freshness: works' workflows and kudos/hits write search's change log
    # (issue 11: one entry point owned by works, which search reads).
    ("works", "search"),
    ("interactions", "search"),
    # Filter tags are recomputed in tags but read works' taggings, and tag visibility
    # asks which works a reader may see; tag pages list works through search.
    ("tags", "works"),
    ("tags", "search"),
    # Profile and pseud pages (accounts) list a user's works.
    ("accounts", "works"),
}


def _app_of(path: Path) -> str | None:
    parts = path.relative_to(ROOT).parts
    return parts[0] if len(parts) > 1 else None


def import_edges() -> dict[tuple[str, str], list[str]]:
    """{(importing app, imported app): ["file:line", ...]} for every import of one
    app by another anywhere in the package, migrations aside."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(ROOT.rglob("*.py")):
        app = _app_of(path)
        if app is None or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "quire" and len(parts) > 1 and parts[1] not in PROJECT_MODULES and parts[1] != app:
                    edges[(app, parts[1])].append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    return edges


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
