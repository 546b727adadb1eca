"""Errors foglift raises, each with a code and a hint that says what to try.

FogliftError                    base: ``code``, ``message``, ``hint``
├── InputError      FL1xx       the input cannot be read as text (exit 1)
├── UsageError      FL2xx       arguments do not make sense (exit 2)
└── DataError       FL3xx       shipped or user-supplied reference data is broken

One class per distinct error, one code per class: :data:`ERROR_CODES` is the
table (code -> class), and ``docs/errors.md`` lists it (a test keeps the two
equal). A class's ``hint`` is what a raise says when it gives none of its own.
The codes of the family bases (FL100, FL200, FL300) mean "some error of the
family". FL109 and FL900 are recorded as rejections in a batch, never raised.
"""

from __future__ import annotations


class FogliftError(Exception):
    """Some error foglift reports."""

    code = "FL000"
    hint: str | None = None

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else type(self).hint

    def __str__(self) -> str:
        text = f"{self.code}: {self.message}"
        return f"{text}\n  Try: {self.hint}" if self.hint else text


# --- FL1xx: input ----------------------------------------------------------------


class InputError(FogliftError):
    """The input cannot be read (permissions, an I/O error)."""

    code = "FL100"


class MissingInput(InputError):
    """No such file or directory."""

    code = "FL101"
    hint = "check the path"


class BinaryInput(InputError):
    """Binary data where text was expected."""

    code = "FL102"


class EmptyInput(InputError):
    """The input holds no text."""

    code = "FL103"


class UndecodableInput(InputError):
    """The input is not valid in the encoding given."""

    code = "FL104"
    hint = "give the file's encoding with --encoding"


class InputTooLarge(InputError):
    """The input is larger than ``max_input_bytes``."""

    code = "FL105"


class DamagedInput(InputError):
    """Damaged structure: invalid JSON or CSV, a truncated export."""

    code = "FL106"


class WrongStructure(InputError):
    """Not the structure expected: a .json that is no Telegram export ..."""

    code = "FL107"


class UnsafeInput(InputError):
    """Input refused for safety: XML entities, JSON nested too deep."""

    code = "FL108"


class CorpusError(InputError):
    """A geoparsing evaluation corpus cannot be read."""

    code = "FL110"


class GoldError(InputError):
    """A gold claims file (JSONL) has a malformed line."""

    code = "FL111"


class UnknownEvent(InputError):
    """No event of the id given in the store."""

    code = "FL112"


# --- FL2xx: usage ----------------------------------------------------------------


class UsageError(FogliftError):
    """The arguments do not make sense."""

    code = "FL200"


class NothingPiped(UsageError):
    """``-`` (stdin) was given, but nothing is piped in."""

    code = "FL201"


class DateRangeError(UsageError):
    """--since is after --until."""

    code = "FL202"
    hint = "swap the two dates"


class MissingAction(UsageError):
    """A command with subcommands was given none."""

    code = "FL203"


class UnknownSeries(UsageError):
    """A series named on the command line is not in the series store."""

    code = "FL204"
    hint = "foglift series check with no names lists every series"


class BadCountryCode(UsageError):
    """--country is not an ISO 3166 two-letter code."""

    code = "FL205"
    hint = "use ISO 3166 alpha-2, e.g. --country UA"


class NoEvidence(UsageError):
    """verify was given no evidence to verify against."""

    code = "FL206"


class BadColumnMapping(UsageError):
    """--map cannot be read as FIELD=COLUMN pairs."""

    code = "FL207"


# --- FL3xx: reference data -------------------------------------------------------


class DataError(FogliftError):
    """Shipped or user-supplied reference data is broken."""

    code = "FL300"


# FL301 (a missing gazetteer index) is retired: the index is built when missing.


class LexiconError(DataError):
    """An extraction lexicon is missing, incomplete or not valid TOML."""

    code = "FL302"


class RegistryError(DataError):
    """A source registry cannot be read, or an entry in it is incomplete."""

    code = "FL303"


class ReferenceTableError(DataError):
    """A reference table (place, kind, total, source) cannot be read."""

    code = "FL304"


class SeriesError(DataError):
    """A series file or the series store cannot be read."""

    code = "FL305"


class MapSourcesError(DataError):
    """The control maps or their sources file are missing or incomplete."""

    code = "FL306"


def _classes(root: type[FogliftError]) -> list[type[FogliftError]]:
    out = [root]
    for sub in root.__subclasses__():
        out.extend(_classes(sub))
    return out


# code -> the error it names; every raise is one of these
ERROR_CODES: dict[str, type[FogliftError]] = {
    cls.code: cls for cls in _classes(FogliftError) if cls is not FogliftError
}
