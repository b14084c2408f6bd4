"""The house rules of src/dragoman, checked on the code itself: imports run one way, no cycles,
no reaching into another package's private modules, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dragoman"
#: The layers, lowest first: a module imports only from its own package or a lower layer.
LAYERS = (
    ("types", "errors", "text", "tables"),
    ("settings", "stage"),
    ("nlp", "actors"),
    ("extract", "places", "dates"),
    ("claims",),
    ("ingest", "records"),
    ("store",),
    ("pipeline",),
    ("api",),
    ("cli", "__init__"),
)
RANK = {name: n for n, layer in enumerate(LAYERS) for name in layer}
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(module: str) -> list[str]:
    """The dragoman modules ``module`` imports, wherever the import statement stands."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("dragoman")]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dragoman"):
            base = node.module or ""
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append(sub if sub in MODULES else base)
    return found


def part(module: str) -> str:
    """The top-level part of dragoman a module belongs to ("actors", "api", "__init__")."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "__init__"


def test_architecture_every_part_has_a_layer() -> None:
    assert {part(m) for m in MODULES} <= set(RANK)


def test_architecture_imports_run_down_the_layers() -> None:
    wrong = [
        f"{m} imports {i}"
        for m in MODULES
        for i in imports(m)
        if part(i) != part(m) and RANK[part(i)] >= RANK[part(m)]
    ]
    assert not wrong


def test_architecture_no_import_cycle() -> None:
    graph = {m: set(imports(m)) - {m} for m in MODULES}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for m in graph:
        if m not in state:
            visit(m, [m])
    assert not cycles


def test_architecture_private_modules_and_names_stay_home() -> None:
    wrong = []
    for m, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            target = getattr(node, "module", None) or ""
            if not isinstance(node, ast.ImportFrom) or not target.startswith("dragoman"):
                continue
            private = [p for p in target.split(".") if p.startswith("_")]
            if private and part(target) != part(m):
                wrong.append(f"{m} imports {target}")
            names = [a.name for a in node.names if a.name.startswith("_")]
            wrong += [f"{m} imports {target}.{name}" for name in names]
    assert not wrong


@pytest.mark.parametrize("module", sorted(MODULES))
def test_architecture_modules_stay_small(module: str) -> None:
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) <= MAX_LINES
