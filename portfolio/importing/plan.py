"""The frozen results of parsing an upload: limits in, ImportPlan out.

Pure data: the web flow shows an ImportPlan for checking, and confirms it into the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from portfolio.records import PortfolioContext, ProjectRecord


@dataclass(frozen=True)
class Limits:
    """Caps that keep one upload from using unbounded time or memory; every one can be tuned by the caller."""

    max_rows: int = 200_000  # data rows read from the chosen sheet
    max_columns: int = 500
    max_cells: int = 30_000_000  # rows x columns of any sheet's used range (the reader holds a whole range)
    max_unzipped_bytes: int = 1_000_000_000  # sum of declared sizes inside an xlsx/ods package
    max_zip_entries: int = 10_000
    max_zip_ratio: float = 200.0  # unpacked / packed, over the whole package
    max_cell_chars: int = 32_767  # Excel's own limit per cell
    max_sheets: int = 2_000
    max_csv_field_chars: int = 1_000_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class SheetInfo:
    """One sheet of the workbook as listed to the user."""

    name: str
    rows: int
    hidden: bool = False
    looks_like_projects: bool = False


@dataclass(frozen=True)
class ColumnMapping:
    """How one column was understood.

    ``header`` is the header cell as written (the key of extras and of a mapping override); ``label`` adds the
    group heading of a two-row header ("Finance / Capital £k"); ``how`` says why: "header", "fuzzy",
    "values", "user" or "unmapped".
    """

    header: str
    index: int  # 0-based column index in the sheet
    field: str | None
    confidence: float
    samples: tuple[str, ...] = ()
    how: str = "unmapped"
    label: str = ""


@dataclass(frozen=True)
class RowProblem:
    """Something the PMO should look at: where (1-based sheet row as Excel shows it) and what is wrong."""

    sheet: str
    row: int | None
    column: str | None
    message: str
    severity: str = "warning"  # "warning" (imported, check it) or "error" (value not understood)


@dataclass(frozen=True)
class ImportPlan:
    """Everything the importer understood from one upload, ready to preview and confirm."""

    filename: str
    file_format: str  # "xlsx", "xlsm", "xlsb", "xls", "ods" or "csv"
    sheets: tuple[SheetInfo, ...]
    sheet: str
    header_row: int  # 1-based
    columns: tuple[ColumnMapping, ...]
    records: tuple[ProjectRecord, ...]
    problems: tuple[RowProblem, ...] = ()
    notes: tuple[str, ...] = ()
    context: PortfolioContext = field(default_factory=PortfolioContext)
    rows_read: int = 0

    @property
    def mapping(self) -> dict[str, str | None]:
        """Header as written -> canonical field (None = kept as an extra), the shape the assess JSON uses."""
        return {c.header: c.field for c in self.columns}
