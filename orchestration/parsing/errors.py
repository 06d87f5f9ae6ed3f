"""The two ways bad input is reported: a whole file refused, or one record quarantined."""

from __future__ import annotations

from dataclasses import dataclass


class SourceFileError(Exception):
    """A file that cannot be read at all (bad encoding, unmapped header, unknown header unit).

    The message always names the file, and the header or row when there is one.
    """

    def __init__(self, source_file: str, message: str) -> None:
        super().__init__(f"{source_file}: {message}")
        self.source_file = source_file
        self.message = message


@dataclass(frozen=True)
class Rejection:
    """One quarantined record: where it was, what it held, which rule it broke and why."""

    source_file: str
    row_number: int
    column: str
    value: str
    rule: str
    message: str


class RowRejected(Exception):
    """Raised while building one row; turned into a Rejection by the table reader."""

    def __init__(self, column: str, value: str, rule: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.value = value
        self.rule = rule
        self.message = message
