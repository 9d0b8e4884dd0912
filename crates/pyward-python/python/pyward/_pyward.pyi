"""Type stubs of the native module pyward._pyward (re-exported by the pyward package)."""

from collections.abc import Callable, Iterable, Mapping
from typing import Any, final

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

Functions = Mapping[str, Callable[..., Any] | None] | Iterable[Callable[..., Any] | str]

@final
class Stats:
    """Resources a run used."""

    @property
    def peak_memory(self) -> int:
        """Highest live sandbox heap bytes."""
    @property
    def allocations(self) -> int:
        """Heap allocations made."""
    @property
    def fuel_used(self) -> int:
        """Calls plus loop iterations."""
    @property
    def duration(self) -> float:
        """Seconds spent running (time paused for host calls excluded)."""

@final
class Result:
    """What a finished run produced."""

    @property
    def value(self) -> Any:
        """The value of the last top-level expression statement (None when there was none)."""
    @property
    def stdout(self) -> str:
        """What the run printed (empty when streamed to ``on_stdout``)."""
    @property
    def stderr(self) -> str:
        """What the run wrote to ``sys.stderr``."""
    @property
    def stats(self) -> Stats:
        """Resources the run used."""

@final
class Repr:
    """A sandbox value that is not plain data: its type name and ``repr()`` text."""

    def __init__(self, type_name: str, repr: str) -> None: ...
    @property
    def type_name(self) -> str: ...
    @property
    def repr(self) -> str: ...
    def __hash__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...

@final
class Call:
    """One pending host call."""

    @property
    def id(self) -> int:
        """Unique within the run; the key of its answer in ``Paused.resume_many``."""
    @property
    def name(self) -> str: ...
    @property
    def args(self) -> tuple[Any, ...]:
        """Positional arguments (with a signature: bound, defaults filled in)."""
    @property
    def kwargs(self) -> dict[str, Any]: ...

@final
class Paused:
    """A run waiting for the host to answer host calls; resume it once."""

    @property
    def calls(self) -> list[Call]:
        """The pending calls (several when the sandbox gathers async calls)."""
    @property
    def id(self) -> int:
        """The single pending call's id (ValueError when several are pending)."""
    @property
    def name(self) -> str:
        """The single pending call's function name."""
    @property
    def args(self) -> tuple[Any, ...]:
        """The single pending call's positional arguments."""
    @property
    def kwargs(self) -> dict[str, Any]:
        """The single pending call's keyword arguments."""
    def resume(
        self, value: Any = None, *, error: BaseException | type[BaseException] | None = None
    ) -> Result | Paused:
        """Answer the single pending call with a value, or raise ``error`` at the call site."""
    def resume_many(self, answers: Mapping[int, Any]) -> Result | Paused:
        """Answer calls by id; an exception instance as the value raises at that call."""
    def dump(self) -> bytes:
        """The paused run as bytes, for ``pyward.load`` in this process or another."""

def load(data: bytes, *, limits: Limits | None = None) -> Paused:
    """Restore a paused run from ``Paused.dump()`` bytes (malformed bytes: SnapshotError)."""

@final
class Program:
    """Compiled code: immutable and thread-safe; ``run`` it any number of times."""

    def __init__(self, code: str, *, filename: str = "<string>") -> None:
        """Compile ``code``; raises ``CompileError`` when it does not compile."""
    @property
    def source(self) -> str: ...
    @property
    def filename(self) -> str: ...
    def run(
        self,
        *,
        inputs: Mapping[str, Any] | None = None,
        functions: Functions | None = None,
        limits: Limits | None = None,
        on_stdout: Callable[[str], object] | None = None,
    ) -> Result:
        """Run to completion, calling tools synchronously; raises an ``Error`` on failure."""
    def start(
        self,
        *,
        inputs: Mapping[str, Any] | None = None,
        functions: Functions | None = None,
        limits: Limits | None = None,
        on_stdout: Callable[[str], object] | None = None,
    ) -> Result | Paused:
        """Run until the end or the first host call (tools are declared, never called)."""

class Session:
    """A sandboxed REPL (subclassed by ``pyward.Session``)."""

    def __init__(
        self,
        *,
        inputs: Mapping[str, Any] | None = None,
        functions: Functions | None = None,
        limits: Limits | None = None,
        on_stdout: Callable[[str], object] | None = None,
        _snapshot: bytes | None = None,
    ) -> None: ...
    @property
    def paused(self) -> bool:
        """Whether a snippet waits for host calls."""
    @property
    def pending(self) -> Paused | None:
        """The paused snippet's calls to answer, or None when idle."""
    def dump(self) -> bytes:
        """The whole session as bytes, for ``Session.load`` in this process or another."""
    def run(self, code: str) -> Result:
        """Run a snippet to completion, calling tools synchronously."""
    def start(self, code: str) -> Result | Paused:
        """Run a snippet until the end or the first host call."""

def run(
    code: str,
    *,
    inputs: Mapping[str, Any] | None = None,
    functions: Functions | None = None,
    limits: Limits | None = None,
    on_stdout: Callable[[str], object] | None = None,
    filename: str = "<string>",
) -> Result:
    """Compile and run ``code`` once, calling tools synchronously."""
