"""Type stubs of the native module pyward._pyward (re-exported by the pyward package)."""

from collections.abc import Callable
from typing import final

__version__: str

@final
class Limits:
    """Resource limits for one run; defaults are the ``pyward`` command's.

    A missing keyword keeps its default; ``None`` lifts that limit (not ``recursion``).
    Sizes are bytes: an int or text such as ``'64MB'`` (binary units).
    """

    def __init__(
        self,
        *,
        duration: float | None = 30.0,
        memory: int | str | None = "256MB",
        allocations: int | None = 100_000_000,
        recursion: int = 1000,
        output: int | str | None = "10MB",
        fuel: int | None = None,
    ) -> None: ...
    @property
    def duration(self) -> float | None:
        """Seconds of wall-clock time, or None."""
    @property
    def memory(self) -> int | None:
        """Live sandbox heap bytes, or None."""
    @property
    def allocations(self) -> int | None:
        """Heap allocations, or None."""
    @property
    def recursion(self) -> int:
        """Python call depth (``RecursionError`` beyond it, catchable in the sandbox)."""
    @property
    def output(self) -> int | None:
        """Bytes of printed output, or None."""
    @property
    def fuel(self) -> int | None:
        """Calls plus loop iterations, or None."""

@final
class Result:
    """What a finished run produced."""

    @property
    def stdout(self) -> str:
        """What the run printed (empty when streamed to ``on_stdout``)."""
    @property
    def stderr(self) -> str:
        """What the run wrote to ``sys.stderr``."""

@final
class Program:
    """Compiled code: immutable and thread-safe; ``run`` it any number of times."""

    def __init__(self, code: str, *, filename: str = "<string>") -> None:
        """Compile ``code``; raises ``CompileError`` when it does not compile."""
    def run(
        self,
        *,
        limits: Limits | None = None,
        on_stdout: Callable[[str], object] | None = None,
    ) -> Result:
        """Run to completion; raises an ``Error`` subclass when the run fails."""

def run(
    code: str,
    *,
    limits: Limits | None = None,
    on_stdout: Callable[[str], object] | None = None,
    filename: str = "<string>",
) -> Result:
    """Compile and run ``code`` once."""
