"""Domain errors. The CLI turns each into a one-line message at a single place."""

from __future__ import annotations


class NewsinspectError(Exception):
    """Base class: an input or setting the tool cannot work with. ``str(err)`` is the user message."""


class InputError(NewsinspectError):
    """One input could not be read or decoded (missing, binary, empty, too large, ...)."""


class BinaryInputError(InputError):
    """The bytes are not text."""


class EmptyInputError(InputError):
    """The input holds nothing but white space."""


class EngineUnavailableError(NewsinspectError):
    """An optional analysis engine (spaCy) is not installed."""


class OutputError(NewsinspectError):
    """The output (stdout or --out) cannot be written: a full disk, a closed descriptor, a device error."""


class OutputLockedError(NewsinspectError):
    """Another run holds the lock on the --out file."""
