"""Which of the tagger's modules run compiled, and which compiled builds are older than their source.

Pure. setup.py compiles the tagger's hot modules with mypyc into extension modules beside their source, and
Python loads those in place of the ``.py`` files: an edit to a compiled module's source does nothing until
the next build (``make install`` rebuilds when a source changes; the tests refuse to run a stale build).
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _builds() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for suffix in EXTENSION_SUFFIXES:
        for path in PACKAGE.glob(f"*{suffix}"):
            found.setdefault(path.name[: -len(suffix)], path)
    return found


def compiled_modules() -> list[str]:
    """The modules of this package with a compiled build beside their source (none when run from source)."""
    return sorted(name for name in _builds() if (PACKAGE / f"{name}.py").exists())


def stale_builds() -> list[str]:
    """The modules whose source was changed after their compiled build was made."""
    return sorted(
        name
        for name, build in _builds().items()
        if (source := PACKAGE / f"{name}.py").exists() and source.stat().st_mtime > build.stat().st_mtime
    )
