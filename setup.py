"""Compiles the importer's and the tagger's hot modules with mypyc (README, "Two commands"); the rest of the
package is in pyproject.toml. ``PORTFOLIO_PURE_PYTHON=1`` skips the compiler and removes any earlier build, so
the source runs.
"""

import os
from pathlib import Path

from setuptools import setup

COMPILED = [
    "portfolio/tagging/matching.py",
    "portfolio/tagging/fields.py",
    "portfolio/tagging/rules.py",
    "portfolio/tagging/flags.py",
    "portfolio/tagging/flaginput.py",
    "portfolio/tagging/supplierwork.py",
    "portfolio/tagging/results.py",
    "portfolio/tagging/rubric.py",
    "portfolio/tagging/stored.py",
    "portfolio/records.py",
    "portfolio/importing/projects.py",
    "portfolio/importing/values.py",
]
GROUP = "portfolio_core"  # the compiled modules' shared runtime library: portfolio_core__mypyc

ext_modules = []
if os.environ.get("PORTFOLIO_PURE_PYTHON") == "1":
    root = Path(__file__).resolve().parent
    for source in COMPILED:
        for build in (root / source).parent.glob(Path(source).stem + ".*.so"):
            build.unlink()
    for build in root.glob("portfolio_*__mypyc.*.so"):  # this group's, and an earlier name's
        build.unlink()
else:
    from mypyc.build import mypycify

    # mypy checks only these modules (the rest of the package is read for types, silently); a type error in
    # one of them fails the build.
    options = ["--ignore-missing-imports", "--follow-imports=silent"]
    ext_modules = mypycify([*options, *COMPILED], opt_level="3", group_name=GROUP)

setup(ext_modules=ext_modules)
