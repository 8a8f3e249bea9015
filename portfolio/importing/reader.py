"""Bytes + file name -> a workbook whose sheets can be listed cheaply and read row by row.

python-calamine reads every spreadsheet format (DESIGN.md); CSV goes through ``csvread``. All hostile-input
checks in ``guard`` and ``scan`` run first, so calamine is only ever handed a package that is sized, free of
DOCTYPEs and (for xlsx) whose sheets fit the limits.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import python_calamine as calamine

from portfolio.importing import guard
from portfolio.importing.csvread import read_csv_rows
from portfolio.importing.errors import ImportRejected
from portfolio.importing.plan import DEFAULT_LIMITS, Limits, SheetInfo
from portfolio.importing.scan import SheetExtent, scan_xlsx

Row = list[Any]
Merge = tuple[tuple[int, int], tuple[int, int]]
_DAMAGED = (
    "The file is damaged or is not a spreadsheet we can read: open it in Excel, save it as .xlsx "
    "and upload the saved copy."
)


@dataclass
class Workbook:
    """An opened upload. ``sheets`` lists every sheet with its row count; ``iter_rows`` reads one.

    Rows are lists of cell values (str, float, int, bool, date, datetime, time, timedelta; '' for empty),
    the first list being sheet row 1 and the first value column A.
    """

    file_format: str
    sheets: tuple[SheetInfo, ...]
    limits: Limits
    encoding: str | None = None
    _book: Any = None
    _csv_rows: list[list[str]] | None = None
    _extents: dict[str, SheetExtent] = field(default_factory=dict)
    _loaded: dict[str, Any] = field(default_factory=dict)

    def iter_rows(self, name: str) -> Iterator[Row]:
        """The rows of sheet ``name`` (raises ImportRejected if it is too large or unreadable)."""
        if self._csv_rows is not None:
            return iter(self._csv_rows)
        return iter(self._sheet(name).iter_rows())

    def merged(self, name: str) -> list[Merge]:
        """Merged ranges as ((first_row, first_col), (last_row, last_col)), 0-based; [] if unknown."""
        if self._csv_rows is not None:
            return []
        try:
            return list(self._sheet(name).merged_cell_ranges or [])
        except (calamine.CalamineError, ValueError, TypeError, AttributeError):
            return []

    def release(self, name: str) -> None:
        """Let go of a loaded sheet that will not be read again (its cells live in Rust memory)."""
        self._loaded.pop(name, None)

    def orphan_formulas(self, name: str) -> tuple[str, ...]:
        """Cell references (e.g. "B2") of formulas saved without a value (xlsx/xlsm only)."""
        extent = self._extents.get(name)
        return extent.orphan_formulas if extent else ()

    def _sheet(self, name: str) -> Any:
        if name in self._loaded:
            return self._loaded[name]
        extent = self._extents.get(name)
        if extent is not None:
            _check_extent(name, extent, self.limits)
        try:
            sheet = self._book.get_sheet_by_name(name)
        except calamine.PasswordError as exc:
            raise ImportRejected(guard.PASSWORD_MESSAGE) from exc
        except (calamine.CalamineError, calamine.WorksheetNotFound, OSError, ValueError, TypeError) as exc:
            if _calamine_message(exc) != _DAMAGED:
                raise ImportRejected(_calamine_message(exc)) from exc
            raise ImportRejected(
                f"The sheet '{name}' cannot be read: it may be damaged or be a chart "
                "rather than a table. Choose another sheet, or save the workbook again."
            ) from exc
        except BaseException as exc:
            _reject_panic(exc)
            raise
        if sheet.height > self.limits.max_rows + 1000 or sheet.width > self.limits.max_columns:
            _check_extent(name, SheetExtent(sheet.height, sheet.width), self.limits)
        self._loaded[name] = sheet
        return sheet


def open_workbook(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """Check and open an upload. Raises ImportRejected for anything that is not a readable spreadsheet."""
    file_format = guard.detect_format(data, filename)
    if file_format == "csv":
        rows, encoding, _ = read_csv_rows(data, limits)
        name = PurePath(filename).stem or "CSV"
        return Workbook("csv", (SheetInfo(name, len(rows)),), limits, encoding, _csv_rows=rows)
    extents: dict[str, SheetExtent] = {}
    if file_format in ("xlsx", "xlsm", "xlsb", "ods"):
        guard.check_package(data, limits)
    if file_format in ("xlsx", "xlsm"):
        extents = _scan(data)
    book = _open_book(data)
    workbook = Workbook(file_format, (), limits, _book=book, _extents=extents)
    workbook.sheets = _list_sheets(workbook, book, limits)
    return workbook


def _scan(data: bytes) -> dict[str, SheetExtent]:
    try:
        return scan_xlsx(data)
    except (OSError, ValueError, KeyError, EOFError, RuntimeError) as exc:
        raise ImportRejected(_DAMAGED) from exc


def _open_book(data: bytes) -> Any:
    try:
        return calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError as exc:
        raise ImportRejected(guard.PASSWORD_MESSAGE) from exc
    except (
        calamine.CalamineError,
        calamine.XmlError,
        calamine.ZipError,
        OSError,
        ValueError,
        TypeError,
    ) as exc:
        raise ImportRejected(_calamine_message(exc)) from exc
    except BaseException as exc:
        _reject_panic(exc)
        raise


def _reject_panic(exc: BaseException) -> None:
    """calamine's Rust panics reach Python as pyo3's PanicException, a BaseException: the file is damaged,
    and the server must not crash on it."""
    if type(exc).__name__ == "PanicException":
        raise ImportRejected(_DAMAGED) from exc


def _calamine_message(exc: Exception) -> str:
    text = str(exc).lower()
    if "password" in text or "encrypt" in text:
        return guard.PASSWORD_MESSAGE
    if "cell limit" in text or "too large" in text or "memory" in text:
        return (
            "The workbook declares far more cells than any real spreadsheet: delete unused rows and "
            "columns, save it again and upload that."
        )
    return _DAMAGED


def _list_sheets(workbook: Workbook, book: Any, limits: Limits) -> tuple[SheetInfo, ...]:
    metadata = list(book.sheets_metadata)
    if len(metadata) > limits.max_sheets:
        raise ImportRejected(
            f"The workbook has {len(metadata):,} sheets (the limit is {limits.max_sheets:,}): "
            "copy the project list into a workbook of its own and upload that."
        )
    sheets = []
    for meta in metadata:
        hidden = meta.visible != calamine.SheetVisibleEnum.Visible
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue
        sheets.append(SheetInfo(meta.name, _row_count(workbook, meta.name), hidden))
    if not sheets:
        raise ImportRejected(
            "The workbook has no sheets with cells in it: check you uploaded the right file."
        )
    return tuple(sheets)


def _row_count(workbook: Workbook, name: str) -> int:
    extent = workbook._extents.get(name)
    if extent is not None:
        return extent.rows
    try:
        return int(workbook._sheet(name).height)
    except ImportRejected:
        return 0


def _check_extent(name: str, extent: SheetExtent, limits: Limits) -> None:
    if extent.columns > limits.max_columns:
        raise ImportRejected(
            f"The sheet '{name}' has cells out to column {extent.columns:,}, more than the "
            f"{limits.max_columns:,} "
            "columns an import can take: delete the unused columns on the right and upload again."
        )
    if extent.rows > limits.max_rows + 1000:
        raise ImportRejected(
            f"The sheet '{name}' has cells down to row {extent.rows:,}, more than the {limits.max_rows:,} "
            "projects one import can take: delete unused rows at the bottom or split the list, "
            "then upload again."
        )
    if extent.rows * extent.columns > limits.max_cells:
        raise ImportRejected(
            f"The sheet '{name}' is too large to import ({extent.rows:,} rows by {extent.columns:,} "
            "columns): "
            "delete unused rows and columns or split it, then upload again."
        )
