"""Inserting many rows through the database driver's fastest path, inside the session's own transaction.

SQLAlchemy's executemany spends most of a 20,000-project import in per-parameter work (``construct_params``
and a bind processor for every value). Here the caller hands over rows as tuples, with JSON columns already
serialised to text, and they go to the driver in one call: ``executemany`` on SQLite, ``COPY ... FROM STDIN``
on PostgreSQL (psycopg 3). The connection is the session's, so the rows share the caller's transaction:
nothing is committed here, and a rollback removes them with everything else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table
from sqlalchemy.exc import DBAPIError

from portfolio.extensions import db


def insert_rows(table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table`` in the session's transaction.

    JSON columns must hold text already serialised the way the engine's ``json_serializer`` would; every other
    value is converted by the column type's own bind processor where the dialect has one (dates on SQLite),
    so the stored values are those SQLAlchemy would store. Raises SQLAlchemy's DBAPIError subclasses
    (IntegrityError, ...) as a Core insert would. Flushes nothing and never commits.
    """
    if not rows:
        return
    connection = db.session.connection()
    rows = _processed(connection, table, columns, rows)
    if connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg":
        _copy(connection, table, columns, rows)
    else:
        _executemany(connection, table, columns, rows)


def _processed(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> Sequence[tuple[Any, ...]]:
    """The rows with the dialect's bind processors applied, only to the columns that have one."""
    dialect = connection.dialect
    processors: list[tuple[int, Callable[[Any], Any]]] = []
    for index, name in enumerate(columns):
        column_type = table.c[name].type
        if isinstance(column_type, JSON):
            continue  # pre-serialised by the caller
        bind = column_type.dialect_impl(dialect).bind_processor(dialect)
        if bind is not None:
            processors.append((index, bind))
    if not processors:
        return rows
    # Column by column: the transposition runs in C, leaving one processor call per processed value.
    values = list(zip(*rows, strict=True))
    for index, processor in processors:
        values[index] = tuple(map(processor, values[index]))
    return list(zip(*values, strict=True))


def _column_list(connection: Connection, table: Table, columns: Sequence[str]) -> str:
    quote = connection.dialect.identifier_preparer.quote
    return f"{connection.dialect.identifier_preparer.format_table(table)} ({', '.join(map(quote, columns))})"


def _executemany(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    # exec_driver_sql: one executemany on the DBAPI cursor, still with SQLAlchemy's events and error wrapping.
    placeholder = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    marks = ", ".join([placeholder] * len(columns))
    # Identifiers come from the table's metadata, quoted by the dialect; the values are bound parameters.
    target = _column_list(connection, table, columns)
    statement = f"INSERT INTO {target} VALUES ({marks})"  # noqa: S608  # nosec B608
    connection.exec_driver_sql(statement, rows)


def _copy(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    statement = f"COPY {_column_list(connection, table, columns)} FROM STDIN"
    driver_connection = connection.connection.driver_connection
    assert driver_connection is not None  # noqa: S101 - the session's connection is checked out, hence open
    try:
        with driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except connection.dialect.loaded_dbapi.Error as error:
        # The same exception classes a Core insert raises (IntegrityError for a broken constraint, ...).
        raise DBAPIError.instance(
            statement, None, error, connection.dialect.loaded_dbapi.Error, dialect=connection.dialect
        ) from error
