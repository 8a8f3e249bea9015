"""The analysis is pure core: none of its modules imports Flask, the extensions, the ORM or a model."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import portfolio.analysis

MODULES = sorted(Path(portfolio.analysis.__file__).parent.glob("*.py"))
FORBIDDEN = (
    "flask",
    "flask_sqlalchemy",
    "sqlalchemy",
    "werkzeug",
    "portfolio.extensions",
    "portfolio.models",
)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_analysis_modules_found() -> None:
    assert {path.stem for path in MODULES} >= {"assess", "facts", "objectives", "overlap", "thresholds"}


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.stem)
def test_analysis_module_imports_no_web_or_database_code(path: Path) -> None:
    bad = {name for name in _imports(path) if name.split(".")[0] in FORBIDDEN or name.startswith(FORBIDDEN)}
    assert bad == set()
