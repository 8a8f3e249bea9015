"""New worksheets written from plain rows (Summary, Board questions, the hidden marker, fresh workbooks).

Pure. Cells go through the same safe writers as the annotations, so formula-looking text stays text here too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO

from portfolio.exporting.cells import CellStyles, column_letters, value_cell

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_BAD_NAME_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def worksheet_chunks(
    rows: Iterable[Sequence[object]],
    styles: CellStyles,
    widths: Sequence[float] = (),
    bold_header: bool = True,
) -> Iterator[bytes]:
    """A worksheet part, in chunks: the first row bold and frozen if ``bold_header``; ``widths`` by column."""
    yield (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">'
    ).encode()
    if bold_header:  # keep the header in view while scrolling
        yield (
            b'<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            b'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        )
    if widths:
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, start=1)
        )
        yield f"<cols>{cols}</cols>".encode()
    yield b"<sheetData>"
    batch: list[str] = []
    for number, values in enumerate(rows, start=1):
        style = styles.header if bold_header and number == 1 else None
        cells = "".join(
            value_cell(f"{column_letters(i)}{number}", value, styles, style)  # type: ignore[arg-type]
            for i, value in enumerate(values, start=1)
        )
        batch.append(f'<row r="{number}">{cells}</row>')
        if len(batch) >= 512:
            yield "".join(batch).encode()
            batch = []
    yield "".join(batch).encode()
    yield b'</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
    yield b'footer="0.3"/>'
    yield b"</worksheet>"


def worksheet_xml(
    rows: Iterable[Sequence[object]],
    styles: CellStyles,
    widths: Sequence[float] = (),
    bold_header: bool = True,
) -> bytes:
    """``worksheet_chunks`` joined into one part."""
    return b"".join(worksheet_chunks(rows, styles, widths, bold_header))


def worksheet_writer(
    rows: Iterable[Sequence[object]],
    styles: CellStyles,
    widths: Sequence[float] = (),
    bold_header: bool = True,
) -> Callable[[IO[bytes]], None]:
    """A function streaming ``worksheet_chunks`` into a zip entry (rows are generated while writing)."""

    def write(stream: IO[bytes]) -> None:
        for chunk in worksheet_chunks(rows, styles, widths, bold_header):
            stream.write(chunk)

    return write


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A legal, unused sheet name close to ``wanted`` (31 characters, no []:*?/\\, unique ignoring case);
    the name is added to ``taken`` (which holds lower-cased names)."""
    base = _BAD_NAME_CHARS.sub(" ", wanted).strip().strip("'") or "Sheet"
    name, number = base[:31], 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name
