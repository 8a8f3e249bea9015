"""How fast the annotated-workbook export is, against XlsxWriter writing the same cells from scratch.

Run: ``python bench/export_speed.py`` (needs XlsxWriter, a test dependency). Prints, from one run:
- the 20,000-project export time / XlsxWriter constant_memory time for the same cells (issue target: <= 2x),
- the 300-project export time (target: under a second),
- peak Python memory (tracemalloc) of the export at 20,000 and 100,000 rows, with and without the input and
  output bytes, which necessarily grow with the sheet (target: the rest stays flat).
Each time is the median of a few repeats.
"""

from __future__ import annotations

import gc
import io
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portfolio.exporting.model import AnnotationColumn, ExportMeta, ExtraSheet, SheetAnnotations  # noqa: E402
from portfolio.exporting.workbook import annotate_workbook  # noqa: E402

HEADER = [
    "Ref",
    "Project",
    "Description",
    "Strategic objective",
    "Benefits",
    "KPIs",
    "SRO",
    "Clinical lead",
    "Supplier",
    "Approach",
    "Stage",
    "Budget (£)",
    "Start",
    "End",
    "RAG",
]
COLUMNS = tuple(
    AnnotationColumn(h, k, key)
    for h, k, key in (
        ("User needs", "status", None),
        ("Clear goals", "status", None),
        ("Measure and learn", "status", None),
        ("Deliver incrementally", "status", None),
        ("In-house team", "status", None),
        ("Supplier value", "status", None),
        ("Build trust", "status", None),
        ("Adapt the plan", "status", None),
        ("Score", "number", None),
        ("Flags", "text", None),
        ("Objective", "text", None),
        ("Decision", "decision", "decision"),
        ("Rationale", "text", "rationale"),
        ("Open actions", "number", None),
        ("Latest comment", "text", "comment"),
        ("Project page", "link", None),
    )
)
META = ExportMeta("bench", "Bench trust", datetime(2026, 11, 1, tzinfo=UTC))
STATUSES = ("evident", "partial", "missing")


def project_row(n: int) -> list[object]:
    return [
        f"P{n:06d}",
        f"Project {n} electronic patient record upgrade",
        "Replace the legacy system " * 3,
        "Make care safer",
        "Fewer incidents",
        "Incidents per 1,000 bed days",
        f"Owner {n % 97}",
        f"Dr Lead {n % 31}",
        f"Supplier {n % 13}",
        "Agile",
        "Delivery",
        1000.0 * (n % 500),
        "2026-04-01",
        "2027-03-31",
        ("Red", "Amber", "Green")[n % 3],
    ]


def annotation_row(n: int) -> tuple[object, ...]:
    return (
        *(STATUSES[(n + i) % 3] for i in range(8)),
        round((n % 100) / 100, 2),
        "big_bang; no_owner",
        "Make care safer",
        ("endorse", "challenge", None)[n % 3],
        f"Rationale for {n}",
        n % 4,
        f"Comment {n}",
        f"https://review.example.nhs.uk/projects/{n}",
    )


def original_workbook(rows: int) -> bytes:
    """A trust-like workbook written with shared strings (as Excel writes them)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Projects")
    bold = book.add_format({"bold": True, "bg_color": "#005EB8", "font_color": "#FFFFFF"})
    sheet.write_row(0, 0, HEADER, bold)
    for n in range(1, rows + 1):
        sheet.write_row(n, 0, project_row(n))
    book.close()
    return out.getvalue()


def xlsxwriter_same_cells(rows: int) -> bytes:
    """The baseline: XlsxWriter in constant_memory mode writing every cell of the annotated sheet."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": True})
    sheet = book.add_worksheet("Projects")
    sheet.write_row(0, 0, HEADER + [c.header for c in COLUMNS])
    for n in range(1, rows + 1):
        sheet.write_row(n, 0, project_row(n) + list(annotation_row(n)))
    book.close()
    return out.getvalue()


def annotations_for(rows: int) -> SheetAnnotations:
    """The caller's input: built before timing or tracing, as the service would hand it over."""
    return SheetAnnotations("Projects", 1, COLUMNS, {n + 1: annotation_row(n) for n in range(1, rows + 1)})


def export(original: bytes, annotations: SheetAnnotations) -> bytes:
    extra = [ExtraSheet("Summary", [["Verdict", "Shopping list"], ["Score", 41]])]
    return annotate_workbook(original, annotations, extra, META)


def median_seconds(action: Callable[[], object], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(original: bytes, annotations: SheetAnnotations) -> tuple[float, float]:
    """Peak memory (MB) allocated during one export, and the same less the output bytes it returns.
    The input bytes and the annotations are allocated before tracing starts."""
    gc.collect()
    tracemalloc.start()
    out = export(original, annotations)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6, (peak - len(out)) / 1e6


def main() -> None:
    big, big_annotations = original_workbook(20_000), annotations_for(20_000)
    ours = median_seconds(lambda: export(big, big_annotations))
    baseline = median_seconds(lambda: xlsxwriter_same_cells(20_000))
    print(
        f"20,000 projects: export {ours:.2f} s, XlsxWriter constant_memory {baseline:.2f} s, "
        f"ratio {ours / baseline:.2f}x (target <= 2x)"
    )
    small, small_annotations = original_workbook(300), annotations_for(300)
    print(
        f"300 projects: export {median_seconds(lambda: export(small, small_annotations), 5) * 1000:.0f} ms "
        "(target < 1000 ms)"
    )
    for rows in (20_000, 100_000):
        peak, working = peak_memory(original_workbook(rows), annotations_for(rows))
        print(
            f"{rows:,} rows: peak {peak:.1f} MB during the export, of which {working:.1f} MB is working "
            "memory (the rest is the returned workbook)"
        )


if __name__ == "__main__":
    main()
