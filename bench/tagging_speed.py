"""How long tagging takes: 20,000 projects built from the labelled records.

Two runs: "repeated cells" varies only ref and title (as in a real register, where stages, owners, suppliers,
funding and placeholders recur), and "unique prose" also makes every description, benefits and KPI cell
unique (the worst case for the per-text cache). Each is run ``REPEATS`` times with a fresh rubric; prints
every run's wall and CPU time and the median CPU time (other jobs share the machine, so CPU time is the
measure). The target is under 3 seconds.

    /tmp/venv0/bin/python -m bench.tagging_speed [N] [REPEATS]
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time

from bench.labelled import load_workbook, workbook_names
from portfolio.records import ProjectRecord
from portfolio.tagging.rubric import load_rubric
from portfolio.tagging.rules import tag_project

UNIQUE_FIELDS = ("title", "description", "benefits", "kpis")


def records(count: int, unique: tuple[str, ...] = ("title",)) -> list[ProjectRecord]:
    """``count`` records cycled from the labelled workbooks; ``unique`` fields get a per-record suffix."""
    base = [p.record for stem in workbook_names() for p in load_workbook(stem)]
    out = []
    for i in range(count):
        r = base[i % len(base)]
        text = {**r.text, **{k: f"{r.text[k]} (v{i})" for k in unique if r.text.get(k)}}
        out.append(dataclasses.replace(r, ref=f"{r.ref}-{i}", title=text.get("title", r.title), text=text))
    return out


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    for label, unique in (("repeated cells", ("title",)), ("unique prose", UNIQUE_FIELDS)):
        batch = records(count, unique)
        cpus = []
        for _ in range(repeats):
            started = time.perf_counter()
            rubric = load_rubric()  # a fresh rubric: no cache carried over between runs
            loaded = time.perf_counter() - started
            started, cpu = time.perf_counter(), time.process_time()
            flags = sum(len(tag_project(r, rubric).flags) for r in batch)
            took, cpu = time.perf_counter() - started, time.process_time() - cpu
            cpus.append(cpu)
            print(
                f"{label}: rubric load {loaded:.3f}s; tagged {count} projects in {took:.2f}s wall, "
                f"{cpu:.2f}s CPU ({flags} flags)"
            )
        print(f"{label}: median CPU {statistics.median(cpus):.2f}s over {repeats} runs; target < 3 s")


if __name__ == "__main__":
    main()
