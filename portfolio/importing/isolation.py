"""Running parse_workbook in a child process with an address-space cap and a time limit.

Why: python-calamine aborts the whole process (SIGABRT) on some inputs, and the guards can only stop the
ones known today. In a child, an abort, a runaway allocation or a hang costs the child only; the caller
gets the same ImportPlan, or ImportRejected. The price is a process start per upload (measured in
bench/import_speed.py), so the caller chooses: ``parse_workbook`` directly, or ``parse_workbook_isolated``.

The child runs ``_child`` (see ``_BOOT``): it reads one JSON line of options and then the file's bytes on
stdin, and writes one JSON document on stdout.
"""

from __future__ import annotations

import dataclasses
import json
import resource
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from portfolio.importing.errors import ImportRejected
from portfolio.importing.plan import DEFAULT_LIMITS, ImportPlan, Limits
from portfolio.importing.planjson import plan_from_dict, plan_to_dict

DEFAULT_MEMORY = 2 << 30  # bytes of address space for the child (Python + calamine + the file)
DEFAULT_TIMEOUT = 60.0
# The child needs only the pure core. Importing the ``portfolio`` package would run the app factory's
# imports (Flask, SQLAlchemy, every blueprint: seconds per upload), so the child registers the package as a
# bare namespace over its folder first, then imports the importer alone.
_BOOT = (
    "import sys, types\n"
    "package = types.ModuleType('portfolio')\n"
    "package.__path__ = [sys.argv[1]]\n"
    "sys.path.insert(0, sys.argv[1].rsplit('/', 1)[0])\n"
    "sys.modules['portfolio'] = package\n"
    "from portfolio.importing.isolation import _child\n"
    "sys.exit(_child())\n"
)
_CHILD_BROKEN = 1  # what Python exits with on an uncaught exception, including a failed import
_UNSAFE = (
    "This file could not be read safely (it needed more memory or time than any real workbook): "
    "open it in Excel, save it again as .xlsx and upload that."
)


def parse_workbook_isolated(
    data: bytes,
    filename: str,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: Mapping[str, str | None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    memory_bytes: int = DEFAULT_MEMORY,
    timeout: float = DEFAULT_TIMEOUT,
) -> ImportPlan:
    """``parse_workbook`` in a child process limited to ``memory_bytes`` of address space and ``timeout``
    seconds. Same arguments and result; raises ImportRejected for what parse_workbook rejects and also
    when the child is killed, aborts or runs out of memory or time."""
    options = {
        "filename": filename,
        "sheet": sheet,
        "header_row": header_row,
        "mapping": dict(mapping) if mapping is not None else None,
        "limits": dataclasses.asdict(limits),
        "memory_bytes": memory_bytes,
    }
    payload = json.dumps(options).encode() + b"\n" + data
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter running our own module
            [sys.executable, "-c", _BOOT, str(Path(__file__).resolve().parents[1])],
            input=payload,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ImportRejected(_UNSAFE) from exc
    if done.returncode == _CHILD_BROKEN:
        # Not the file's fault: the child could not run (an import error, a bug). Say so to the logs.
        raise RuntimeError("isolated import failed: " + done.stderr.decode("utf-8", "replace")[-2000:])
    if done.returncode != 0:
        raise ImportRejected(_UNSAFE)
    try:
        answer = json.loads(done.stdout)
        if "rejected" in answer:
            raise ImportRejected(str(answer["rejected"]))
        return plan_from_dict(answer["plan"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ImportRejected(_UNSAFE) from exc


def _child() -> int:
    options = json.loads(sys.stdin.buffer.readline())
    cap = int(options["memory_bytes"])
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    data = sys.stdin.buffer.read()
    from portfolio.importing.parser import parse_workbook  # imported under the cap, like the parse itself

    try:
        plan = parse_workbook(
            data,
            options["filename"],
            sheet=options["sheet"],
            header_row=options["header_row"],
            mapping=options["mapping"],
            limits=Limits(**options["limits"]),
        )
        answer: dict[str, object] = {"plan": plan_to_dict(plan)}
    except ImportRejected as exc:
        answer = {"rejected": exc.message}
    except MemoryError:
        return 3
    sys.stdout.write(json.dumps(answer))
    return 0
