"""The compiled importer and tagger (setup.py builds their hot modules with mypyc) give exactly what their
source gives.

Both are run in two fresh interpreters, one loading the compiled build, one a copy of the package without it:
the importer on every labelled, evaluation and real-data file and a generated 3,000-project workbook (every
record, problem and note, or the message a file is refused with), the tagger on every labelled and evaluation
workbook and 3,000 generated records (every status, score, evidence span, question and flag reason), and
the assessment as stored. The complete output must be identical. Compiled, records and results are read-only,
as the frozen dataclasses they replaced were.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from portfolio.build import compiled_modules

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not compiled_modules(), reason="the tagger runs from source here (built with PORTFOLIO_PURE_PYTHON=1)"
)

FINGERPRINT = r"""
import hashlib
from pathlib import Path
from bench import tagging_quality as quality
from bench.import_speed import make_workbook
from bench.labelled import LABELLED_DIR, workbook_names
from bench.tagging_speed import UNIQUE_FIELDS, records
from portfolio.build import compiled_modules
from portfolio.importing.errors import ImportRejected
from portfolio.importing.parser import parse_workbook
from portfolio.tagging.rubric import load_rubric
from portfolio.tagging.rules import tag_projects
from portfolio.tagging.stored import stored_document

rubric = load_rubric()
digest, count = hashlib.sha256(), 0
folders = [LABELLED_DIR, quality.UNSEEN_DIR, quality.BLIND_DIR, quality.BLIND2_DIR, quality.BLIND3_DIR,
           quality.BLIND4_DIR, quality.BLIND5_DIR, quality.BLIND6_DIR]
files = [p for folder in folders for p in sorted(folder.iterdir()) if p.suffix in (".xlsx", ".csv")]
files += sorted(p for p in Path("../shared/realdata").glob("*/*") if p.suffix != ".md")
inputs = [(p.read_bytes(), p.name) for p in files] + [(make_workbook(3000), "generated.xlsx")]
for data, name in inputs:
    try:
        digest.update(repr(parse_workbook(data, name)).encode())
    except ImportRejected as refused:
        digest.update(refused.message.encode())
    count += 1
for folder in folders:
    for stem in workbook_names(folder):
        for labelled, assessment in quality.run([stem], rubric, folder):
            record = labelled.record
            digest.update(repr(assessment).encode())
            digest.update(repr(stored_document(assessment, record.text, record.extras)).encode())
            count += 1
for assessment in tag_projects(records(3000, UNIQUE_FIELDS), rubric):
    digest.update(repr(assessment).encode())
    count += 1
print(",".join(compiled_modules()) or "source", count, len(files), digest.hexdigest())
"""


def _fingerprint(root: Path) -> tuple[str, int, int, str]:
    done = subprocess.run(
        [sys.executable, "-c", FINGERPRINT], cwd=root, capture_output=True, text=True, check=True, timeout=300
    )
    modules, count, files, digest = done.stdout.split()
    return modules, int(count), int(files), digest


def test_compiled_output_identical_to_source(tmp_path: Path) -> None:
    # The copy sits where the repository does relative to ../shared, with the same tests/data.
    source = tmp_path / "main"
    shutil.copytree(
        ROOT / "portfolio",
        source / "portfolio",
        ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__", "static", "templates"),
    )
    shutil.copytree(ROOT / "bench", source / "bench", ignore=shutil.ignore_patterns("__pycache__"))
    (source / "tests").mkdir()
    (source / "tests" / "data").symlink_to(ROOT / "tests" / "data")
    (tmp_path / "shared").symlink_to(ROOT.parent / "shared")

    compiled, from_source = _fingerprint(ROOT), _fingerprint(source)

    assert compiled[0] == ",".join(compiled_modules())
    assert from_source[0] == "source"
    assert compiled[1] == from_source[1] > 3000
    assert compiled[2] == from_source[2] > 80  # files parsed: labelled, evaluation and real data
    assert compiled[3] == from_source[3]


def test_compiled_modules_exactly_those_setup_py_lists() -> None:
    listed = re.findall(r'"portfolio/([\w/]+)\.py"', (ROOT / "setup.py").read_text(encoding="utf-8"))
    assert sorted(listed) == compiled_modules()


def test_compiled_records_and_results_are_read_only() -> None:
    from portfolio.principles import FlagId, Principle, Status
    from portfolio.records import BudgetLine, ProjectRecord
    from portfolio.tagging.fields import FieldText
    from portfolio.tagging.matching import Hit
    from portfolio.tagging.results import Evidence, FlagResult, PrincipleResult, ProjectAssessment

    evidence = Evidence("description", "shadowed clerks", 0, 15, "for", "research")
    result = PrincipleResult(Principle.USER_NEEDS, Status.PARTIAL, 0.5, (evidence,), ())
    made = [
        (evidence, "text"),
        (result, "status"),
        (FlagResult(FlagId.NO_OWNER, "No accountable owner named"), "reason"),
        (ProjectAssessment({Principle.USER_NEEDS: result}, (), "1"), "flags"),
        (FieldText("title", "title", "Ward app", False), "text"),
        (Hit("user_needs:for:research", 0, 8, "plain"), "reading"),
        (ProjectRecord(2, "Ward app", text={"title": "Ward app"}), "title"),
        (BudgetLine("Capital (£k)", 120_000.0, "capital"), "amount"),
    ]
    for thing, name in made:
        with pytest.raises(AttributeError):
            setattr(thing, name, None)
    assert evidence == Evidence("description", "shadowed clerks", 0, 15, "for", "research")
    assert hash(evidence) == hash(Evidence("description", "shadowed clerks", 0, 15, "for", "research"))
