"""Errors foglift raises, each with a code and a hint that says what to try.

FogliftError                    base: ``code``, ``message``, ``hint``
├── InputError      FL1xx       the input cannot be read as text (exit 1)
├── UsageError      FL2xx       arguments do not make sense (exit 2)
└── DataError       FL3xx       shipped or user-supplied reference data is broken
"""

from __future__ import annotations


class FogliftError(Exception):
    code = "FL000"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.code}: {self.message}"
        return f"{text}\n  Try: {self.hint}" if self.hint else text


class InputError(FogliftError):
    code = "FL100"


class MissingInput(InputError):
    code = "FL101"


class BinaryInput(InputError):
    code = "FL102"


class EmptyInput(InputError):
    code = "FL103"


class UndecodableInput(InputError):
    code = "FL104"


class InputTooLarge(InputError):
    code = "FL105"


class DamagedInput(InputError):
    code = "FL106"


class WrongStructure(InputError):
    code = "FL107"


class UnsafeInput(InputError):
    code = "FL108"


class UsageError(FogliftError):
    code = "FL200"


class DataError(FogliftError):
    code = "FL300"
