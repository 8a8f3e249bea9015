"""The pure core imports neither Flask nor the database layer: checked in one fresh interpreter, importing the
modules one by one and naming the first that pulls either in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PURE = sorted(
    ".".join(path.relative_to(REPO).with_suffix("").parts)
    for folder in ("portfolio/importing", "portfolio/tagging", "portfolio/analysis", "portfolio/exporting")
    for path in (REPO / folder).glob("*.py")
    if path.stem not in {"__init__", "views", "forms", "cli"} and not path.stem.endswith("service")
) + [
    "portfolio.principles",
    "portfolio.records",
    "portfolio.pipeline",
    "portfolio.labels",
    "portfolio.collector",
]

CHECK = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
    bad = [m for m in ("flask", "flask_sqlalchemy", "sqlalchemy", "portfolio.extensions") if m in sys.modules]
    if bad:
        print(name, "pulls in", ", ".join(bad))
        break
"""


def test_pure_core_modules_import_without_flask_or_the_database() -> None:
    assert len(PURE) > 20
    result = subprocess.run([sys.executable, "-c", CHECK, *PURE], capture_output=True, text=True, cwd=REPO,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
