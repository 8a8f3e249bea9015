"""How long tagging takes: 20,000 projects, against python-calamine's bare read of the same workbook.

Three batches: "generated workbook" is the import benchmark's workbook (bench/import_speed.make_workbook:
every title, summary and benefits cell unique, the rest register-like), parsed once and then tagged, with
its bare read timed beside each run; "repeated cells" cycles the labelled records varying only ref and title
(as in a register, where stages, owners, suppliers, funding and placeholders recur); "unique prose" also makes
every description, benefits and KPI cell unique. Each runs ``REPEATS`` times with a fresh rubric (no cache
carried over); prints every run's wall and CPU time and the medians (other jobs share the machine, so CPU
time is the measure), and apart from them the time to free each run's results and caches afterwards. It
says whether the tagger runs compiled (setup.py) or from source. The target is under 3 seconds.

    .venv/bin/python -m bench.tagging_speed [N] [REPEATS]
"""

from __future__ import annotations

import dataclasses
import gc
import statistics
import sys
import time

from bench.import_speed import bare_read, make_workbook
from bench.labelled import load_workbook, workbook_names
from portfolio.build import compiled_modules
from portfolio.importing.parser import parse_workbook
from portfolio.records import PortfolioContext, ProjectRecord
from portfolio.tagging.rubric import load_rubric
from portfolio.tagging.rules import tag_projects

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


def _runs(label: str, batch: list[ProjectRecord], context: PortfolioContext | None, repeats: int,
          data: bytes | None = None) -> None:
    cpus, bares = [], []
    for _ in range(repeats):
        gc.collect()  # the last run's rubric and results gone, so the bare read is timed as it runs alone
        if data is not None:
            started = time.perf_counter()
            bare_read(data)
            bares.append(time.perf_counter() - started)
        started = time.perf_counter()
        rubric = load_rubric()  # a fresh rubric: no cache carried over between runs
        loaded = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        results = tag_projects(batch, rubric, context)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        cpus.append(cpu)
        flags = sum(len(a.flags) for a in results)
        freeing = time.process_time()
        del results, rubric  # freeing what a run built is not tagging: timed apart
        freeing = time.process_time() - freeing
        print(
            f"{label}: rubric load {loaded:.3f}s; tagged {len(batch)} projects in {took:.2f}s wall, "
            f"{cpu:.2f}s CPU ({flags} flags); freeing the results and caches after: {freeing:.2f}s CPU"
        )
    median = statistics.median(cpus)
    bare = statistics.median(bares) if bares else 0.0
    ratio = f"; {median / bare:.1f}x the bare read ({bare:.2f}s)" if bares else ""
    print(f"{label}: median CPU {median:.2f}s over {repeats} runs{ratio}; target < 3 s")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    compiled = compiled_modules()
    print(f"tagger: compiled by mypyc ({', '.join(compiled)})" if compiled else "tagger: run from source")
    data = make_workbook(count)
    plan = parse_workbook(data, "bench.xlsx")
    _runs("generated workbook", list(plan.records), plan.context, repeats, data)
    for label, unique in (("repeated cells", ("title",)), ("unique prose", UNIQUE_FIELDS)):
        _runs(label, records(count, unique), None, repeats)


if __name__ == "__main__":
    main()
