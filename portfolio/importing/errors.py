"""The one exception the importer raises for input it cannot read."""

from __future__ import annotations


class ImportRejected(Exception):
    """The upload cannot be imported; ``message`` is one plain sentence a PMO can act on.

    Raised for damaged, encrypted, oversized, hostile, empty or wrong-type files. Callers show the message
    as it is (it never contains a traceback or library jargon) and save nothing.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
