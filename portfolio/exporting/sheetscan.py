"""Reading a worksheet part as a stream of rows, without parsing it into a tree.

Pure. The sheet is split into three pieces: the prologue (everything up to and including ``<sheetData>``),
the rows (each kept as its original bytes), and the tail (from ``</sheetData>`` to the end). Only complete
``<row>`` elements are ever matched, so a chunk boundary can fall anywhere. Memory holds one chunk plus one
row, however long the sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from portfolio.exporting.cells import column_index
from portfolio.exporting.model import ExportFailed

_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
_CELL_REF = re.compile(rb'\sr="([A-Z]{1,3})\d+"')
_STYLE = re.compile(rb'\ss="(\d+)"')
_MERGE_END = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="[A-Z]{1,3}\d+:([A-Z]{1,3})\d+"')


@dataclass
class Row:
    """One ``<row>``: its number (``r`` or counted), open-tag attributes, content (None for ``<row/>``)."""

    number: int
    attrs: bytes
    body: bytes | None
    has_number: bool


class SheetStream:
    """Splits a worksheet's chunks into prologue, rows and tail. Read ``prologue`` first, then iterate
    ``rows()`` to the end; ``tail`` is set once the rows are exhausted."""

    def __init__(self, chunks: Iterable[bytes], prefix: str) -> None:
        self._chunks = iter(chunks)
        p = re.escape(prefix.encode())
        self._row = re.compile(rb"\s*<" + p + rb"row(?=[\s/>])([^>]*?)(?:/>|>(.*?)</" + p + rb"row>)", re.S)
        self._close = f"</{prefix}sheetData>".encode()
        self._buffer = b""
        self.prologue = self._read_prologue(prefix)
        self.tail = b""

    def _more(self) -> bool:
        chunk = next(self._chunks, None)
        if chunk is None:
            return False
        self._buffer += chunk
        return True

    def _read_prologue(self, prefix: str) -> bytes:
        opening = re.compile(rb"<" + re.escape(prefix.encode()) + rb"sheetData(?=[\s/>])[^>]*?(/?)>")
        while not (match := opening.search(self._buffer)):
            if not self._more():
                raise ExportFailed("The data sheet has no <sheetData>; it is not a worksheet.")
        if match.group(1):  # <sheetData/>: an empty sheet; open it so rows can be added
            prologue = self._buffer[: match.start()] + match.group(0)[:-2].rstrip() + b">"
            self._buffer = self._close + self._buffer[match.end() :]
            return prologue
        prologue, self._buffer = self._buffer[: match.end()], self._buffer[match.end() :]
        return prologue

    def rows(self) -> Iterator[Row]:
        """The rows in file order; rows without ``r`` are numbered after the previous one."""
        previous, pos = 0, 0
        while True:
            match = self._row.match(self._buffer, pos)
            if match is None:
                rest = self._buffer[pos:]
                if rest.lstrip().startswith(self._close):
                    self.tail = rest + b"".join(self._chunks)
                    return
                self._buffer = rest
                pos = 0
                if not self._more():
                    raise ExportFailed("The data sheet is damaged: its rows are cut off.")
                continue
            pos = match.end()
            attrs = match.group(1)
            number = _ROW_NUMBER.search(attrs)
            previous = int(number.group(1)) if number else previous + 1
            yield Row(previous, attrs, match.group(2), number is not None)


@dataclass(frozen=True)
class SheetFacts:
    """What the first pass learns: the last used column, the last row, the header row's cell style."""

    last_column: int
    last_row: int
    header_style: int | None
    first_column: int  # of the header row, where the autofilter starts


def scan_sheet(chunks: Iterable[bytes], prefix: str, header_row: int) -> SheetFacts:
    """First pass over the sheet: the right-most used column (cells and merged ranges), the last row number,
    and the style of the right-most header cell (so added headers can look like the trust's own)."""
    stream = SheetStream(chunks, prefix)
    last_column, last_row, header_style, first_column = 0, 0, None, 1
    for row in stream.rows():
        last_row = row.number
        if row.body is None:
            continue
        last_column = max(last_column, _last_cell_column(row.body, prefix))
        if row.number == header_row:
            header_style = _last_cell_style(row.body, prefix)
            first = _CELL_REF.search(row.body)
            first_column = column_index(first.group(1).decode()) if first else 1
    for end in _MERGE_END.findall(stream.tail):
        last_column = max(last_column, column_index(end.decode()))
    return SheetFacts(last_column, last_row, header_style, first_column)


def _last_cell_column(body: bytes, prefix: str) -> int:
    refs = _CELL_REF.findall(body)
    cells = body.count(f"<{prefix}c ".encode()) + body.count(f"<{prefix}c>".encode())
    if len(refs) == cells:  # every cell has r: the last one is right-most (cells are in column order)
        return column_index(refs[-1].decode()) if refs else 0
    column = 0  # some cells lack r: walk them, each one after the previous
    for tag in re.finditer(rb"<" + re.escape(prefix.encode()) + rb"c(?=[\s>/])([^>]*)", body):
        ref = _CELL_REF.search(b" " + tag.group(1))
        column = column_index(ref.group(1).decode()) if ref else column + 1
    return column


def _last_cell_style(body: bytes, prefix: str) -> int | None:
    cells = re.findall(
        rb"<"
        + re.escape(prefix.encode())
        + rb"c(?=[\s>/])[^>]*?(?:/>|>.*?</"
        + re.escape(prefix.encode())
        + rb"c>)",
        body,
        re.S,
    )
    for cell in reversed(cells):
        if cell.endswith(b"/>"):  # an empty, only-formatted cell is not the header's look
            continue
        style = _STYLE.search(cell)
        return int(style.group(1)) if style else None
    return None
