"""The layout of ``macros/``: packages by role, imports one way only.

data ← pages ← publications ← plugin, and the editors' commands on the data alone.
The test reads every module's imports (also those inside functions), so the
layout can't decay without a failing test.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

MACROS = ROOT / "macros"

# What each package may import from the others (itself is always allowed).
ALLOWED = {
    "data": set(),
    "pages": {"data"},
    "publications": {"data", "pages"},
    "commands": {"data"},
    "plugin": {"data", "pages", "publications", "commands"},
}
# Only the glue speaks to MkDocs.
MKDOCS_ALLOWED = {"plugin"}


def package_of(module: str) -> str | None:
    """``macros.pages.rendering`` → ``pages``; ``macros`` itself (the entry point) → None."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "macros" else None


def module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[str]:
    """Every module ``path`` imports, with relative imports made absolute."""
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                # "from . import open_data" imports a module of the package.
                found += [f"{target}.{alias.name}" for alias in node.names] if not node.module else [target]
            else:
                found.append(node.module or "")
    return found


def modules() -> list[Path]:
    return sorted(path for path in MACROS.rglob("*.py") if "__pycache__" not in path.parts)


def test_every_module_lives_in_a_package_by_role() -> None:
    loose = [path.name for path in MACROS.glob("*.py") if path.name != "__init__.py"]
    assert loose == [], "macros/ holds only the entry point; modules go into a package by role"
    packages = {path.name for path in MACROS.iterdir() if path.is_dir() and (path / "__init__.py").is_file()}
    assert packages == set(ALLOWED)


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_package_says_what_lives_there_and_what_it_may_import(package: str) -> None:
    docstring = ast.get_docstring(ast.parse((MACROS / package / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and "import" in docstring


def wrong_way_imports(module: str, targets: list[str]) -> list[str]:
    """The imports of ``module`` that break the layout, each with why."""
    own = package_of(module)
    if own is None:
        return []  # the mkdocs-macros entry point may use every package
    wrong = []
    for target in targets:
        other = package_of(target)
        if other is not None and other != own and other not in ALLOWED[own]:
            wrong.append(f"{module} imports {target}: {own} may import only {sorted(ALLOWED[own])}")
        if target.split(".")[0] == "mkdocs" and own not in MKDOCS_ALLOWED:
            wrong.append(f"{module} imports {target}: only the plugin package speaks to MkDocs")
    return wrong


@pytest.mark.parametrize("path", modules(), ids=lambda path: str(path.relative_to(MACROS)))
def test_imports_run_one_way(path: Path) -> None:
    assert wrong_way_imports(module_name(path), imported_modules(path)) == []


def test_the_data_layer_has_no_import_circle() -> None:
    graph = {}
    for path in (MACROS / "data").glob("*.py"):
        graph[module_name(path)] = {t for t in imported_modules(path) if t.startswith("macros.data.")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for step in graph.get(start, ()):
            if step == goal or (step not in seen and reaches(step, goal, seen | {step})):
                return True
        return False

    circles = sorted(module for module in graph if reaches(module, module, set()))
    assert circles == []


@pytest.mark.parametrize(
    "module, target",
    [
        ("macros.data.status", "macros.pages.rendering"),
        ("macros.pages.rendering", "macros.publications.open_data"),
        ("macros.publications.open_data", "macros.plugin.plugin"),
        ("macros.commands.cli", "macros.pages.rendering"),
        ("macros.pages.rendering", "mkdocs.structure.files"),
    ],
)
def test_the_rule_refuses_a_wrong_way_import(module: str, target: str) -> None:
    assert len(wrong_way_imports(module, [target])) == 1


def test_the_readme_layout_names_every_script() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("### Layout"):]
    layout = layout[: layout.index("```", layout.index("```") + 3)]
    listed = set(re.findall(r"[\w.-]+", layout[layout.index("scripts/ "):layout.index(".ci/run")]))
    scripts = {path.name for path in (ROOT / "scripts").iterdir() if path.is_file()}
    assert scripts - listed == set()
