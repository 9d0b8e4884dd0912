"""The exceptions pyward raises on the host side: one base class, one subclass per failure kind.

The native module builds these (pyward._pyward imports them lazily by name), so the
hierarchy lives in Python where multiple inheritance from builtin exceptions is plain:
``TimeLimitError`` is also a ``TimeoutError`` and ``MemoryLimitError`` a ``MemoryError``.
"""

from __future__ import annotations

from typing import Any


class Error(Exception):
    """Base class of every error from a sandboxed run.

    ``stdout`` and ``stderr`` hold what the run printed before it failed.
    """

    stdout: str
    stderr: str

    def __init__(
        self, text: str, /, *, stdout: str = "", stderr: str = "", **fields: Any
    ) -> None:
        super().__init__(text)
        self.stdout = stdout
        self.stderr = stderr
        for name, value in fields.items():
            setattr(self, name, value)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only fields would be lost by BaseException's default pickling.
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[Error], args: tuple[Any, ...], state: dict[str, Any]) -> Error:
    err = cls.__new__(cls, *args)
    Exception.__init__(err, *args)
    err.__dict__.update(state)
    return err


class CompileError(Error):
    """The source does not compile: ``type_name`` is ``SyntaxError``, ``IndentationError`` ...

    ``line`` and ``column`` (1-based) locate the error when known; ``traceback`` is what
    CPython prints for it (the file and line, the source line with carets, the message).
    """

    type_name: str
    message: str
    line: int | None
    column: int | None
    traceback: str


class ExecutionError(Error):
    """An exception raised inside the sandbox and not caught there.

    ``type_name`` and ``message`` are the sandbox exception's type name and ``str()``;
    ``traceback`` is its traceback in CPython's format (sandbox frames only).
    """

    type_name: str
    message: str
    traceback: str


class LimitError(Error):
    """A resource limit was breached; the whole run was unwound.

    ``limit`` names it: ``duration``, ``fuel``, ``memory``, ``allocations`` or ``output``.
    """

    limit: str


class TimeLimitError(LimitError, TimeoutError):
    """The run took longer than ``Limits.duration``."""


class FuelLimitError(TimeLimitError):
    """The run used more than ``Limits.fuel`` (calls plus loop iterations)."""


class MemoryLimitError(LimitError, MemoryError):
    """The sandbox heap outgrew ``Limits.memory``."""


class AllocationLimitError(MemoryLimitError):
    """The run made more than ``Limits.allocations`` heap allocations."""


class OutputLimitError(LimitError, MemoryError):
    """The run printed more than ``Limits.output`` bytes."""


class UsageError(Error, ValueError):
    """The API was used wrongly: an invalid input name, tool name or answer, a snippet given
    to a paused session, ..."""


class SnapshotError(Error, ValueError):
    """Snapshot bytes that cannot be loaded: truncated, corrupted, from another format
    version, or of the wrong kind (a session's bytes given to ``pyward.load``)."""


class InternalError(Error):
    """A bug in pyward itself, caught at the boundary (please report it)."""


__all__ = [
    "AllocationLimitError",
    "CompileError",
    "Error",
    "ExecutionError",
    "FuelLimitError",
    "InternalError",
    "LimitError",
    "MemoryLimitError",
    "OutputLimitError",
    "SnapshotError",
    "TimeLimitError",
    "UsageError",
]

# Shown as pyward.TimeLimitError (where users import them from); pickling finds them there.
for _name in __all__:
    globals()[_name].__module__ = "pyward"
del _name
