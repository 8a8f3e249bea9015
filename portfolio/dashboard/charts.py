"""Geometry for the dashboard's server-rendered SVG charts: numbers in, positions out.

Pure: no Flask, no ORM. The templates draw these shapes (templates/dashboard/_charts.html) and always show the
same numbers as a table, so a chart never carries information that only its colours or lengths hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LABEL_CHARS = 34  # longer labels are cut in the chart; the table beside it keeps them whole


@dataclass(frozen=True)
class Segment:
    """One coloured piece of a bar: ``series`` names it (and picks its CSS class), ``text`` is its value."""

    series: str
    value: float
    text: str
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    label: str
    short_label: str
    y: float
    height: float
    segments: tuple[Segment, ...]
    total_text: str
    total_x: float  # where the total is written, just past the end of the bar


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per row, each of one or more stacked segments."""

    width: int
    height: int
    label_width: int
    bars: tuple[Bar, ...]
    series: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.bars


@dataclass(frozen=True)
class Point:
    label: str
    value: float | None
    x: float
    y: float | None


@dataclass(frozen=True)
class LineChart:
    """A line over evenly spaced points (versions); ``path`` is the SVG polyline of the known values."""

    width: int
    height: int
    top: float
    bottom: float
    y_max: float
    points: tuple[Point, ...]
    path: str
    gridlines: tuple[tuple[float, str], ...]  # (y, label)


def short(label: str, limit: int = LABEL_CHARS) -> str:
    """``label`` cut to ``limit`` characters with an ellipsis (whitespace runs collapsed)."""
    text = " ".join(label.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def count_text(value: float) -> str:
    """A count or measure as people write it: 1,234 or 3.57 (at most two decimals)."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def money(value: float | None) -> str:
    """Pounds, short: £950, £12k, £1.3m (no value: "not given")."""
    if value is None:
        return "not given"
    amount = abs(value)
    sign = "-" if value < 0 else ""
    if amount >= 1_000_000:
        return f"{sign}£{amount / 1_000_000:,.1f}m"
    if amount >= 10_000:
        return f"{sign}£{amount / 1_000:,.0f}k"
    return f"{sign}£{amount:,.0f}"


def bar_chart(
    rows: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[str] = ("value",),
    *,
    width: int = 640,
    label_width: int = 230,
    bar_height: int = 22,
    gap: int = 10,
    fmt: str = "count",
) -> BarChart:
    """Bars for ``rows`` of (label, values per series), scaled so the longest total fills the plot width.

    ``fmt`` is "count" or "money" and sets how values are written. Negative values count as 0 in length.
    Raises ValueError when a row's values do not match ``series``.
    """
    write = money if fmt == "money" else count_text
    totals = [sum(max(v, 0.0) for v in values) for _, values in rows]
    room = width - label_width - 70  # space for the total after the longest bar
    scale = room / max(totals) if totals and max(totals) > 0 else 0.0
    bars = []
    for index, ((label, values), total) in enumerate(zip(rows, totals, strict=True)):
        if len(values) != len(series):
            raise ValueError(f"row {label!r} has {len(values)} values for {len(series)} series")
        x = float(label_width)
        segments = []
        for name, value in zip(series, values, strict=True):
            length = max(value, 0.0) * scale
            segments.append(Segment(name, value, write(value), round(x, 2), round(length, 2)))
            x += length
        y = gap + index * (bar_height + gap)
        bars.append(Bar(label, short(label), y, bar_height, tuple(segments), write(total), round(x + 6, 2)))
    height = gap + len(bars) * (bar_height + gap)
    return BarChart(width, height, label_width, tuple(bars), tuple(series))


def line_chart(
    points: Sequence[tuple[str, float | None]],
    *,
    width: int = 640,
    height: int = 220,
    y_max: float = 100.0,
    margin: int = 40,
) -> LineChart:
    """Points spread evenly across the width (one per version), values scaled from 0 to ``y_max``.

    A None value is a gap: it gets no y and breaks the line into separate runs.
    """
    top, bottom = 20.0, float(height - 30)
    span = bottom - top
    step = (width - 2 * margin) / (len(points) - 1) if len(points) > 1 else 0.0
    placed = []
    for index, (label, value) in enumerate(points):
        x = margin + index * step if len(points) > 1 else width / 2
        y = None if value is None else round(bottom - span * min(max(value, 0.0), y_max) / y_max, 2)
        placed.append(Point(label, value, round(x, 2), y))
    runs: list[list[str]] = [[]]
    for point in placed:
        if point.y is None:
            runs.append([])
        else:
            runs[-1].append(f"{point.x},{point.y}")
    path = " ".join("M" + " L".join(run) for run in runs if run)
    grid = tuple((round(bottom - span * f, 2), count_text(y_max * f)) for f in (0.0, 0.5, 1.0))
    return LineChart(width, height, top, bottom, y_max, tuple(placed), path, grid)
