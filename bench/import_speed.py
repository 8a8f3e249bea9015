"""How fast the importer is against python-calamine's bare read, and how much memory a big import takes.

    python bench/import_speed.py [--rows 20000] [--big-rows 100000] [--repeats 5]

Prints, from one run: the median time of a bare calamine read of a generated workbook, the median time of
parse_workbook on the same bytes, their ratio (issue target: at most 3x), the cost of the child-process
parse (parse_workbook_isolated), and the peak resident memory of a child process importing a workbook of
--big-rows rows (issue target: under 500 MB), beside the same child doing only the bare read.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import python_calamine
import xlsxwriter

HEADER = [
    "Ref",
    "Project Title",
    "Summary",
    "Strategic Aim",
    "SRO",
    "Clinical Lead",
    "Supplier",
    "Delivery Approach",
    "Expected Benefits",
    "Success Measures",
    "Stage",
    "Budget (£)",
    "Start",
    "Planned End",
    "RAG",
    "Priority",
    "Comments",
]
WORDS = (
    "ward",
    "patients",
    "staff",
    "clinic",
    "records",
    "digital",
    "replace",
    "pilot",
    "measure",
    "time",
    "waits",
    "safer",
    "discharge",
    "outpatients",
    "theatre",
    "beds",
    "letters",
    "referrals",
    "EPR",
)


def make_workbook(rows: int, seed: int = 1) -> bytes:
    """A project list of ``rows`` rows under a title row, written by XlsxWriter in constant-memory mode."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": True})
    sheet = book.add_worksheet("Portfolio")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["Digital portfolio (generated for the import benchmark)"])
    sheet.write_row(1, 0, HEADER)
    start = date(2024, 4, 1)
    for i in range(rows):
        r = i + 2
        text = " ".join(rng.choice(WORDS) for _ in range(12))
        sheet.write_row(
            r,
            0,
            [
                f"P-{i:06d}",
                f"Project {i} {rng.choice(WORDS)}",
                text,
                f"SO{rng.randint(1, 5)}",
                "Chief Operating Officer",
                "Dr A. Example",
                "Supplier Ltd",
                "Phased rollout",
                text[:60],
                "Baseline 40 min, target 20 min",
                "Delivery",
            ],
        )
        sheet.write_number(r, 11, rng.randint(10, 2000) * 1000)
        sheet.write_datetime(r, 12, start + timedelta(days=rng.randint(0, 700)), dates)
        sheet.write_string(r, 13, rng.choice(["Mar-26", "Q3 2025/26", "TBC", "31/03/2027"]))
        sheet.write_row(
            r,
            14,
            [
                rng.choice(["Red", "Amber", "Green", "A/G"]),
                rng.choice(["High", "Medium", "P1"]),
                "Some comment",
            ],
        )
    book.close()
    return out.getvalue()


def bare_read(data: bytes) -> int:
    """What calamine alone costs: open the bytes and turn the first sheet into Python lists."""
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return len(book.get_sheet_by_index(0).to_python())


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
data = Path(sys.argv[2]).read_bytes()
if sys.argv[1] == "bare":
    import bench.import_speed as bench
    bench.bare_read(data)
else:
    from portfolio.importing.parser import parse_workbook
    parse_workbook(data, "big.xlsx")
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent that forked us.
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


def child_peak(mode: str, path: Path) -> float:
    """Peak resident memory (MB) of a fresh process doing ``mode`` ("bare" or "parse") on the file."""
    command = [sys.executable, "-c", _CHILD, mode, str(path), str(Path(__file__).resolve().parents[1])]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603 - our own code
    return int(done.stdout.strip().splitlines()[-1]) / 1024  # kB -> MB


def main() -> None:
    from portfolio.importing.isolation import parse_workbook_isolated
    from portfolio.importing.parser import parse_workbook

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--big-rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    data = make_workbook(args.rows)
    plan = parse_workbook(data, "bench.xlsx")
    assert len(plan.records) == args.rows, len(plan.records)
    # Interleaved, so a busy machine slows both sides alike; the ratio is the median of the pairs' ratios.
    pairs = [
        (
            median_seconds(lambda: bare_read(data), 1),
            median_seconds(lambda: parse_workbook(data, "b.xlsx"), 1),
        )
        for _ in range(args.repeats)
    ]
    bare = statistics.median(b for b, _ in pairs)
    parsed = statistics.median(p for _, p in pairs)
    ratio = statistics.median(p / b for b, p in pairs)
    isolated = median_seconds(lambda: parse_workbook_isolated(data, "bench.xlsx"), max(1, args.repeats // 2))
    small = make_workbook(20)
    small_direct = median_seconds(lambda: parse_workbook(small, "small.xlsx"), args.repeats)
    small_isolated = median_seconds(lambda: parse_workbook_isolated(small, "small.xlsx"), args.repeats)

    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.xlsx"
        big.write_bytes(make_workbook(args.big_rows))
        peak_bare, peak_parse = child_peak("bare", big), child_peak("parse", big)
    print(
        json.dumps(
            {
                "rows": args.rows,
                "file_mb": round(len(data) / 1e6, 2),
                "repeats": args.repeats,
                "bare_calamine_s": round(bare, 3),
                "parse_workbook_s": round(parsed, 3),
                "ratio": round(ratio, 2),
                "isolated_s": round(isolated, 3),
                "isolation_overhead_s": round(isolated - parsed, 3),
                "small_20_rows_direct_s": round(small_direct, 3),
                "small_20_rows_isolated_s": round(small_isolated, 3),
                "big_rows": args.big_rows,
                "peak_rss_mb_bare_read": round(peak_bare),
                "peak_rss_mb_parse": round(peak_parse),
                "self_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
