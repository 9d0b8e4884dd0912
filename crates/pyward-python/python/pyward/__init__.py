"""pyward: run the Python code that LLM agents write, in a sandbox inside this process.

    >>> import pyward
    >>> pyward.run("print(6 * 7)\\nsum(range(n))", inputs={"n": 4})
    Result(value=6, stdout='42\\n', stderr='')

The interpreter is pyward's own (written in Rust): sandboxed code sees no host objects,
files, network or environment, only the values and tools you hand in, under hard limits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import _errors
from ._async import run_async, session_run_async
from ._describe import Functions, describe, named_functions
from ._errors import *  # noqa: F403 (the exception classes; their list is _errors.__all__)
from ._pyward import Call, Limits, Paused, Program, Repr, Result, Stats, __version__, load, run
from ._pyward import Session as _NativeSession


class Session(_NativeSession):
    """A sandboxed REPL: globals, functions and classes persist between ``run`` calls.

    ``inputs`` become globals and ``functions`` are the tools, for every snippet. Limits
    apply per snippet, except ``memory``, one budget for the whole session.
    """

    def __init__(
        self,
        *,
        inputs: dict[str, Any] | None = None,
        functions: Functions | None = None,
        limits: Limits | None = None,
        on_stdout: Callable[[str], object] | None = None,
        _snapshot: bytes | None = None,
    ) -> None:
        self._tools = named_functions(functions)

    @classmethod
    def load(
        cls,
        data: bytes,
        *,
        functions: Functions | None = None,
        limits: Limits | None = None,
    ) -> Session:
        """Restore a session from ``Session.dump()`` bytes, in this process or another.

        Its globals, inputs and tool declarations come from the bytes; ``functions`` gives the
        callables behind the tools again. Malformed bytes raise ``SnapshotError``.
        """
        return cls(functions=functions, limits=limits, _snapshot=data)

    async def run_async(self, code: str) -> Result:
        """Run a snippet, awaiting coroutine tools on the running event loop."""
        return await session_run_async(self, code, self._tools)


__all__ = [
    *_errors.__all__,
    "Call",
    "Limits",
    "Paused",
    "Program",
    "Repr",
    "Result",
    "Session",
    "Stats",
    "__version__",
    "describe",
    "load",
    "run",
    "run_async",
]
