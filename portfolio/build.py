"""Which modules run compiled, and which compiled builds are older than their source.

Pure. setup.py compiles the hot modules of the importer and the tagger with mypyc into extension modules
beside their source, and Python loads those in place of the ``.py`` files: an edit to a compiled module's
source does nothing until the next build (``make install`` rebuilds when a source changes; the tests refuse
to run a stale build). Modules are named by their path in the package, as setup.py lists them
("importing/projects", "tagging/rules").
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _builds() -> dict[str, tuple[Path, Path]]:
    """{module: (build, source)} for every compiled build with its source beside it."""
    found: dict[str, tuple[Path, Path]] = {}
    for suffix in EXTENSION_SUFFIXES:
        for build in PACKAGE.rglob(f"*{suffix}"):
            source = build.with_name(build.name[: -len(suffix)] + ".py")
            if source.exists():
                found.setdefault(source.relative_to(PACKAGE).with_suffix("").as_posix(), (build, source))
    return found


def compiled_modules() -> list[str]:
    """The modules with a compiled build beside their source (none when run from source)."""
    return sorted(_builds())


def stale_builds() -> list[str]:
    """The modules whose source was changed after their compiled build was made."""
    return sorted(
        name for name, (build, source) in _builds().items() if source.stat().st_mtime > build.stat().st_mtime
    )
