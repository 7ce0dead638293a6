"""The import graph of src/synopsis: no circle, and no module importing the package root (which
imports nearly everything): each module's dependencies can be read top-down."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "synopsis"


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """module -> the synopsis modules it imports (anywhere in the file, lazy imports included)."""
    modules = {_module(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                base = package
                for _ in range(max(0, node.level - 1)):
                    base = base.rpartition(".")[0]
                stem = node.module or ""
                prefix = f"{base}.{stem}".strip(".") if node.level else stem
                # `from .x import y`: module x.y if there is one, else module x (y is a name in it)
                targets = [f"{prefix}.{alias.name}" if f"{prefix}.{alias.name}" in modules else prefix for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and target.startswith("synopsis"):
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_no_module_imports_the_package_root() -> None:
    graph = _graph()
    assert sorted(name for name, targets in graph.items() if "synopsis" in targets and name != "synopsis") == []


def test_the_batch_modules_import_in_one_direction() -> None:
    graph = _graph()
    assert "synopsis.batch.sink" not in graph["synopsis.batch.parquet"]
    assert "synopsis.batch.files" in graph["synopsis.batch.parquet"]


def test_no_import_circle_between_modules() -> None:
    assert _cycles(_graph()) == []


def test_summarize_does_not_load_other_commands_machinery() -> None:
    """`synopsis summarize` starts in under half a second only if the CLI leaves the batch engine
    and rich's progress/table display to the commands that use them (lazy imports)."""
    import os
    import subprocess
    import sys

    heavy = ("rich.progress", "rich.table", "synopsis.batch.job", "synopsis.batch.progress", "synopsis.batch.local")
    code = f"import sys, synopsis.cli; print([m for m in {heavy!r} if m in sys.modules])"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "[]"
